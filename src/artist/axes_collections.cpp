// SPDX-License-Identifier: MIT
// Axes methods that make collections (matplotlib's add_collection, scatter, fill_between and
// fill_betweenx) and the box aspect, anchor and locator that colorbar Axes use.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "strata/artist/axes.hpp"
#include "strata/data/array_container.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

namespace {

// Grows the axes' data limits by a collection's datalim corners and minpos (matplotlib's
// add_collection: the minpos row only when some of it is finite; update_datalim keeps the
// points whose coordinates are both finite).
void grow_datalim(Axes& ax, const Bbox& d) {
  std::vector<Point> pts;
  auto add = [&pts](double x, double y) {
    if (std::isfinite(x) && std::isfinite(y)) pts.push_back({x, y});
  };
  if (!d.is_null()) {
    add(d.x0, d.y0);
    add(d.x1, d.y1);
  }
  add(d.minposx, d.minposy);
  ax.update_datalim(pts);
}

std::size_t column_size(const DataContainer& data, const char* field) {
  const QueryResult r = data.query(*IdentityTransform::make(), {1, 1});
  auto it = r.columns.find(field);
  return it == r.columns.end() ? 0 : it->second.size();
}

}  // namespace

Collection& Axes::add_collection(std::unique_ptr<Collection> collection, bool autolim) {
  if (!collection) throw ValueError("Axes.add_collection: collection must not be null");
  Collection& c = static_cast<Collection&>(add_artist(std::move(collection)));
  if (c.get_label().empty()) c.set_label(fmt::format("_child{}", get_children().size() - 1));
  if (autolim) {
    unstale_view_lim();
    grow_datalim(*this, c.get_datalim(transData()));
  }
  set_stale();
  return c;
}

std::vector<Collection*> Axes::get_collections() const {
  std::vector<Collection*> out;
  for (Artist* a : get_children()) {
    if (auto* c = dynamic_cast<Collection*>(a)) out.push_back(c);
  }
  return out;
}

// ---- scatter ------------------------------------------------------------------------------------

PathCollection& Axes::scatter(std::span<const double> x, std::span<const double> y,
                              const ScatterOptions& options) {
  if (x.size() != y.size()) {
    throw ValueError(fmt::format("x and y must be the same size (x has {} values, y has {})",
                                 x.size(), y.size()));
  }
  const std::size_t n = x.size();
  std::map<std::string, DataRef> fields{{"x", x}, {"y", y}};
  ScatterOptions o = options;
  if (!o.s.empty() && o.s.size() != 1 && o.s.size() != n) {
    throw ValueError(
        fmt::format("s must be a scalar, or float array-like with the same size as x and y "
                    "(s has {} values, x and y {})",
                    o.s.size(), n));
  }
  if (!o.s.empty() && o.s.size() == n && n != 1) {
    fields.emplace("s", o.s);
    o.s = DataRef();
  }
  if (!o.c.empty()) {
    if (o.c.size() != n) {
      throw ValueError(fmt::format(
          "'c' argument has {} elements, which is inconsistent with 'x' and 'y' with size {}.",
          o.c.size(), n));
    }
    fields.emplace("c", o.c);
    o.c = DataRef();
  }
  auto data = std::make_shared<ArrayContainer>(std::move(fields));
  // The span overload moved s and c into the container; tell the container overload whether
  // c was given (its option is empty now).
  PathCollection& pc = scatter(std::move(data), o);
  return pc;
}

PathCollection& Axes::scatter(DataContainerPtr data, const ScatterOptions& o) {
  if (!data) throw ValueError("scatter: data container must not be null");
  const auto desc = data->describe();
  if (!desc.contains("x") || !desc.contains("y")) {
    throw ValueError("scatter: the data container must have fields 'x' and 'y'");
  }
  if (!o.c.empty()) {
    throw ValueError("scatter: with a data container, give the values c as its field 'c'");
  }
  const bool mapped = desc.contains("c");
  const RcParams p = rc();
  if (mapped && o.color.is_set()) {
    throw ValueError(
        "Supply a 'c' argument or a 'color' kwarg but not both; they differ but their "
        "functionalities overlap.");
  }
  if (o.norm && (o.vmin || o.vmax)) {
    throw ValueError(
        "Passing a Normalize instance simultaneously with vmin/vmax is not supported.  Please "
        "pass vmin/vmax directly to the norm when creating it.");
  }
  // matplotlib's _parse_scatter_color_args.
  std::optional<ColorArray> facecolors, edgecolors;
  if (o.facecolors.is_set()) facecolors = o.facecolors;
  if (o.edgecolors.is_set()) edgecolors = o.edgecolors;
  if (o.color.is_set()) {
    if (!edgecolors) edgecolors = o.color;
    if (!facecolors) facecolors = o.color;
  }
  if (!edgecolors) edgecolors = ColorArray(p.get_string("scatter.edgecolors"));
  std::optional<ColorArray> colors;  // the face colors when not mapped
  if (!mapped) colors = facecolors ? *facecolors : ColorArray(Color(next_patch_color()));

  const MarkerStyle marker = o.markerstyle
                                 ? *o.markerstyle
                                 : MarkerStyle(o.marker.value_or(p.get_string("scatter.marker")));
  const Path path = marker.get_path().transformed(marker.get_transform());
  std::vector<double> linewidths = o.linewidths;
  if (!marker.is_filled()) {
    // Lines ("+", "x") and unfilled markers are drawn by their edges in the face colors
    // (mapped edges when the faces are "none" and c is given).
    if (marker.get_fillstyle() == FillStyle::none) {
      edgecolors = colors;
      colors = ColorArray("none");
    } else {
      edgecolors = ColorArray("face");
    }
    if (linewidths.empty()) linewidths = {p.get_double("lines.linewidth")};
  }

  CollectionOptions co;
  if (colors) co.facecolors = *colors;
  if (edgecolors) co.edgecolors = *edgecolors;
  co.linewidths = linewidths;
  if (o.linestyle) co.linestyles = {*o.linestyle};
  co.alpha = o.alpha;
  co.hatch = o.hatch;
  co.label = o.label;
  co.zorder = o.zorder;
  co.clip_on = o.clip_on;
  co.rasterized = o.rasterized;
  if (mapped) {
    co.cmap = o.cmap;
    co.norm = o.norm;
  }
  std::vector<double> sizes;
  if (!o.s.empty()) sizes = o.s.column().to_vector();
  auto pc = std::make_unique<PathCollection>(std::vector<Path>{path}, std::move(data),
                                             std::move(sizes), co);
  pc->set_plotnonfinite(o.plotnonfinite);
  pc->set_transform(IdentityTransform::make());
  pc->set_offset_transform(transData());
  PathCollection& ref = static_cast<PathCollection&>(add_collection(std::move(pc)));
  if (mapped) {
    // matplotlib's _scale_norm: vmin/vmax, then concrete limits from the data.
    if (o.vmin || o.vmax) ref.set_clim(o.vmin, o.vmax);
    if (ref.get_array()) ref.autoscale_None();
  }
  request_autoscale_view();
  return ref;
}

// ---- fill_between ---------------------------------------------------------------------------

namespace {

DataContainerPtr fill_container(std::span<const double> ind, std::span<const double> dep1,
                                std::span<const double> dep2, const std::vector<bool>& where,
                                const char* ind_name, const char* dep_name) {
  const std::size_t n = ind.size();
  if (dep1.size() != n) {
    throw ValueError(fmt::format("{}1 has {} values but {} has {}; they must be the same size",
                                 dep_name, dep1.size(), ind_name, n));
  }
  if (dep2.size() != n) {
    throw ValueError(fmt::format("{}2 has {} values but {} has {}; they must be the same size",
                                 dep_name, dep2.size(), ind_name, n));
  }
  std::map<std::string, DataRef> fields{{"x", ind}, {"y1", dep1}, {"y2", dep2}};
  if (!where.empty()) {
    if (where.size() != n) {
      throw ValueError(
          fmt::format("where size ({}) does not match {} size ({})", where.size(), ind_name, n));
    }
    std::vector<std::uint8_t> w(where.begin(), where.end());
    fields.emplace("where", std::move(w));
  }
  return std::make_shared<ArrayContainer>(std::move(fields));
}

// The common implementation (matplotlib's _fill_between_x_or_y).
PolyCollection& fill_between_impl(Axes& ax, DataContainerPtr data, const FillBetweenOptions& o,
                                  bool horizontal) {
  if (!data) throw ValueError("fill_between: data container must not be null");
  const auto desc = data->describe();
  for (const char* f : {"x", "y1", "y2"}) {
    if (!desc.contains(f)) {
      throw ValueError(fmt::format("fill_between: the data container must have a field '{}'", f));
    }
  }
  if (o.step && *o.step != "pre" && *o.step != "post" && *o.step != "mid") {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for step; supported values are 'pre', 'post', 'mid'", *o.step));
  }
  if (desc.contains("where")) {
    const std::size_t nw = column_size(*data, "where");
    const std::size_t nx = column_size(*data, "x");
    if (nw != nx) {
      throw ValueError(fmt::format("where size ({}) does not match {} size ({})", nw,
                                   horizontal ? "x" : "y", nx));
    }
  }
  CollectionOptions co;
  co.colors = o.color;
  co.facecolors = o.facecolor;
  co.edgecolors = o.edgecolor;
  if (!o.color.is_set() && !o.facecolor.is_set()) {
    co.facecolors = ColorArray(Color(ax.next_patch_color()));
  }
  if (o.linewidth) co.linewidths = {*o.linewidth};
  if (o.linestyle) co.linestyles = {*o.linestyle};
  if (o.antialiased) co.antialiaseds = {*o.antialiased};
  co.hatch = o.hatch;
  co.alpha = o.alpha;
  co.label = o.label;
  co.zorder = o.zorder;
  co.clip_on = o.clip_on;
  const bool interpolate = o.interpolate;
  const std::optional<std::string> step = o.step;
  PathBuilder builder = [interpolate, step, horizontal](const QueryResult& r) {
    return fill_between_polygons(r, interpolate, step, horizontal);
  };
  auto pc = std::make_unique<PolyCollection>(data, std::move(builder), co);
  // The data limits: the points where the fill is drawn, on both curves.
  const QueryResult r = data->query(*ax.axes_to_data(), ax.pixel_size());
  const std::vector<double> ind = r.at("x").to_vector();
  const std::vector<double> d1 = r.at("y1").to_vector();
  const std::vector<double> d2 = r.at("y2").to_vector();
  std::vector<double> where;
  if (r.columns.contains("where")) where = r.at("where").to_vector();
  if (d1.size() != ind.size() || d2.size() != ind.size()) {
    throw ValueError(fmt::format("fill_between: the data has {} x, {} y1 and {} y2 values",
                                 ind.size(), d1.size(), d2.size()));
  }
  std::vector<Point> pts;
  pts.reserve(2 * ind.size());
  for (int pass = 0; pass < 2; ++pass) {
    const std::vector<double>& dep = pass == 0 ? d1 : d2;
    for (std::size_t i = 0; i < ind.size(); ++i) {
      if (!where.empty() && where[i] == 0) continue;
      if (!std::isfinite(ind[i]) || !std::isfinite(d1[i]) || !std::isfinite(d2[i])) continue;
      pts.push_back(horizontal ? Point{ind[i], dep[i]} : Point{dep[i], ind[i]});
    }
  }
  ax.update_datalim(pts);
  PolyCollection& ref = static_cast<PolyCollection&>(ax.add_collection(std::move(pc), false));
  ax.request_autoscale_view();
  return ref;
}

}  // namespace

PolyCollection& Axes::fill_between(std::span<const double> x, std::span<const double> y1,
                                   const FillBetweenOptions& options) {
  return fill_between(x, y1, 0.0, options);
}

PolyCollection& Axes::fill_between(std::span<const double> x, std::span<const double> y1, double y2,
                                   const FillBetweenOptions& options) {
  const std::vector<double> y2s(x.size(), y2);
  return fill_between(x, y1, y2s, options);
}

PolyCollection& Axes::fill_between(std::span<const double> x, std::span<const double> y1,
                                   std::span<const double> y2, const FillBetweenOptions& options) {
  return fill_between_impl(*this, fill_container(x, y1, y2, options.where, "x", "y"), options,
                           true);
}

PolyCollection& Axes::fill_between(DataContainerPtr data, const FillBetweenOptions& options) {
  if (!options.where.empty()) {
    throw ValueError("fill_between: with a data container, give where as its field 'where'");
  }
  return fill_between_impl(*this, std::move(data), options, true);
}

PolyCollection& Axes::fill_betweenx(std::span<const double> y, std::span<const double> x1,
                                    const FillBetweenOptions& options) {
  return fill_betweenx(y, x1, 0.0, options);
}

PolyCollection& Axes::fill_betweenx(std::span<const double> y, std::span<const double> x1,
                                    double x2, const FillBetweenOptions& options) {
  const std::vector<double> x2s(y.size(), x2);
  return fill_betweenx(y, x1, x2s, options);
}

PolyCollection& Axes::fill_betweenx(std::span<const double> y, std::span<const double> x1,
                                    std::span<const double> x2, const FillBetweenOptions& options) {
  return fill_between_impl(*this, fill_container(y, x1, x2, options.where, "y", "x"), options,
                           false);
}

PolyCollection& Axes::fill_betweenx(DataContainerPtr data, const FillBetweenOptions& options) {
  if (!options.where.empty()) {
    throw ValueError("fill_betweenx: with a data container, give where as its field 'where'");
  }
  return fill_between_impl(*this, std::move(data), options, false);
}

// ---- box aspect, anchor, locator ------------------------------------------------------------

void Axes::set_box_aspect(std::optional<double> aspect) {
  if (aspect && (!(*aspect > 0) || !std::isfinite(*aspect))) {
    throw ValueError(fmt::format("box aspect must be positive and finite, not {}", *aspect));
  }
  if (aspect) set_adjustable("datalim");
  box_aspect_ = aspect;
  set_stale();
}

void Axes::set_anchor(std::string_view anchor) {
  static const std::map<std::string_view, std::pair<double, double>> coefs{
      {"C", {0.5, 0.5}},  {"SW", {0, 0}},    {"S", {0.5, 0}},  {"SE", {1.0, 0}}, {"E", {1.0, 0.5}},
      {"NE", {1.0, 1.0}}, {"N", {0.5, 1.0}}, {"NW", {0, 1.0}}, {"W", {0, 0.5}}};
  auto it = coefs.find(anchor);
  if (it == coefs.end()) {
    throw ValueError(fmt::format(
        "argument must be among C, SW, S, SE, E, NE, N, NW, W or a pair of numbers, not '{}'",
        anchor));
  }
  anchor_ = it->second;
  set_stale();
}

void Axes::set_anchor(double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) {
    throw ValueError(fmt::format("anchor must be finite, not ({}, {})", x, y));
  }
  anchor_ = {x, y};
  set_stale();
}

void Axes::set_axes_locator(std::function<Bbox(Axes&)> locator) {
  axes_locator_ = std::move(locator);
  set_stale();
}

}  // namespace strata
