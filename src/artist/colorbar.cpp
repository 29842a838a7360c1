// SPDX-License-Identifier: MIT
// Colorbar and Figure::colorbar (matplotlib's colorbar.py: Colorbar, make_axes,
// make_axes_gridspec, _ColorbarAxesLocator).
#include "strata/artist/colorbar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <typeinfo>

#include "strata/artist/figure.hpp"
#include "strata/artist/gridspec.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

namespace {

// matplotlib's _normalize_location_orientation.
struct LocSettings {
  std::string location;
  std::string orientation;
  std::pair<double, double> anchor;
  std::pair<double, double> panchor;
  double pad;
};

LocSettings normalize_location_orientation(const std::optional<std::string>& location,
                                           const std::optional<std::string>& orientation) {
  std::string loc;
  if (location) {
    loc = *location;
  } else if (!orientation || *orientation == "vertical") {
    loc = "right";
  } else if (*orientation == "horizontal") {
    loc = "bottom";
  } else {
    throw ValueError(
        fmt::format("'{}' is not a valid value for orientation; supported values are 'vertical', "
                    "'horizontal'",
                    *orientation));
  }
  LocSettings s;
  if (loc == "left") {
    s = {"left", "vertical", {1.0, 0.5}, {0.0, 0.5}, 0.10};
  } else if (loc == "right") {
    s = {"right", "vertical", {0.0, 0.5}, {1.0, 0.5}, 0.05};
  } else if (loc == "top") {
    s = {"top", "horizontal", {0.5, 0.0}, {0.5, 1.0}, 0.05};
  } else if (loc == "bottom") {
    s = {"bottom", "horizontal", {0.5, 1.0}, {0.5, 0.0}, 0.15};
  } else {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for location; supported values are 'left', 'right', 'top', "
        "'bottom'",
        loc));
  }
  if (orientation && *orientation != s.orientation) {
    throw ValueError(
        fmt::format("location and orientation are mutually exclusive (location '{}' is {}, not {})",
                    loc, s.orientation, *orientation));
  }
  return s;
}

// Bbox helpers of matplotlib's transforms.Bbox.
Bbox shrunk(const Bbox& b, double mx, double my) {
  return Bbox::from_bounds(b.x0, b.y0, mx * b.width(), my * b.height());
}
Bbox anchored(const Bbox& b, std::pair<double, double> c, const Bbox& container) {
  const double x0 = container.x0 + c.first * (container.width() - b.width());
  const double y0 = container.y0 + c.second * (container.height() - b.height());
  return Bbox::from_bounds(x0, y0, b.width(), b.height());
}
Bbox splitx(const Bbox& b, double f0, double f1) {
  return Bbox::from_extents(b.x0 + f0 * b.width(), b.y0, b.x0 + f1 * b.width(), b.y1);
}
Bbox splity(const Bbox& b, double f0, double f1) {
  return Bbox::from_extents(b.x0, b.y0 + f0 * b.height(), b.x1, b.y0 + f1 * b.height());
}

// np.interp(x, xp, fp) for xp increasing.
double interp(double x, const std::vector<double>& xp, const std::vector<double>& fp) {
  const std::size_t n = xp.size();
  if (n == 0 || std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
  if (n == 1 || x <= xp[0]) return fp[0];
  if (x >= xp[n - 1]) return fp[n - 1];
  const auto j =
      static_cast<std::size_t>(std::upper_bound(xp.begin(), xp.end(), x) - xp.begin()) - 1;
  if (xp[j] == x) return fp[j];
  const double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
  return slope * (x - xp[j]) + fp[j];
}

std::vector<double> linspace01(std::size_t n) {
  std::vector<double> v(n);
  if (n == 1) {
    v[0] = 0;
    return v;
  }
  const double step = 1.0 / static_cast<double>(n - 1);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<double>(i) * step;
  v.back() = 1.0;
  return v;
}

bool is_boundary_norm(const Normalize& n) { return dynamic_cast<const BoundaryNorm*>(&n); }
bool is_no_norm(const Normalize& n) { return dynamic_cast<const NoNorm*>(&n); }

void check_choice(const std::string& v, std::initializer_list<const char*> ok, const char* name) {
  for (const char* o : ok) {
    if (v == o) return;
  }
  std::string list;
  for (const char* o : ok) list += fmt::format("{}'{}'", list.empty() ? "" : ", ", o);
  throw ValueError(
      fmt::format("'{}' is not a valid value for {}; supported values are {}", v, name, list));
}

void check_positive(double v, const char* name) {
  if (!(v > 0) || !std::isfinite(v)) {
    throw ValueError(fmt::format("{} must be positive and finite, not {}", name, v));
  }
}

}  // namespace

// The mappable's state that the colorbar follows.
struct Colorbar::State {
  const Normalize* norm = nullptr;
  const Colormap* cmap = nullptr;
  std::optional<double> alpha{};
  std::optional<double> vmin{};
  std::optional<double> vmax{};
  std::uint64_t changed = 0;
};

// ---- Figure::colorbar ---------------------------------------------------------------------------

Colorbar& Figure::colorbar(ScalarMappable& mappable, const ColorbarOptions& options) {
  if (options.cax) {
    if (options.cax->get_figure() != this) {
      throw ValueError("colorbar: cax belongs to another figure");
    }
    return Colorbar::make(*options.cax, mappable, options);
  }
  std::vector<Axes*> parents = options.axs;
  if (options.ax) parents.insert(parents.begin(), options.ax);
  if (parents.empty()) {
    const auto* artist = dynamic_cast<const Artist*>(&mappable);
    if (artist && artist->get_axes()) parents.push_back(artist->get_axes());
  }
  if (parents.empty()) {
    throw ValueError(
        "Unable to determine Axes to steal space for Colorbar. Either provide the cax argument "
        "to use as the Axes for the Colorbar, provide the ax argument to steal space from it, "
        "or add the mappable to an Axes.");
  }
  for (Axes* a : parents) {
    if (!a || a->get_figure() != this) {
      throw ValueError(
          "Unable to create a colorbar axes as not all parents share the same figure.");
    }
  }
  check_positive(options.fraction, "fraction");
  check_positive(options.shrink, "shrink");
  check_positive(options.aspect, "aspect");
  const LocSettings loc = normalize_location_orientation(options.location, options.orientation);
  const std::pair<double, double> anchor = options.anchor.value_or(loc.anchor);
  const std::pair<double, double> panchor = options.panchor.value_or(loc.panchor);
  const double fraction = options.fraction, shrink = options.shrink;
  double aspect = options.aspect;
  ColorbarInfo info;
  info.parents = parents;
  info.location = loc.location;
  info.fraction = fraction;
  info.shrink = shrink;
  info.aspect = options.aspect;
  info.anchor = anchor;
  info.panchor = panchor;
  Axes* cax = nullptr;
  // matplotlib: a single subplot given as ax (not a list) gets a sub-grid cell.
  const bool use_gridspec = options.use_gridspec && layout_ != "constrained" &&
                            options.axs.empty() && parents.size() == 1 &&
                            parents[0]->get_subplotspec() != nullptr;
  if (use_gridspec) {
    // make_axes_gridspec: the parent's cell is split into the parent and the colorbar.
    Axes& parent = *parents[0];
    const double pad = options.pad.value_or(loc.pad);
    if (!(pad < 1) || !std::isfinite(pad)) {
      throw ValueError(fmt::format("pad must be finite and less than 1, not {}", pad));
    }
    const double wh_space = 2 * pad / (1 - pad);
    std::shared_ptr<GridSpecFromSubplotSpec> gs;
    SubplotSpec ss_main = *parent.get_subplotspec();
    std::optional<SubplotSpec> ss_cb;
    const SubplotSpec ss = *parent.get_subplotspec();
    if (loc.location == "left" || loc.location == "right") {
      const std::vector<double> hr{(1 - anchor.second) * (1 - shrink), shrink,
                                   anchor.second * (1 - shrink)};
      if (loc.location == "left") {
        gs = ss.subgridspec(1, 2,
                            {.wspace = wh_space, .width_ratios = {fraction, 1 - fraction - pad}});
        ss_main = (*gs)[1];
        ss_cb = (*(*gs)[0].subgridspec(3, 1, {.hspace = 0, .height_ratios = hr}))[1];
      } else {
        gs = ss.subgridspec(1, 2,
                            {.wspace = wh_space, .width_ratios = {1 - fraction - pad, fraction}});
        ss_main = (*gs)[0];
        ss_cb = (*(*gs)[1].subgridspec(3, 1, {.hspace = 0, .height_ratios = hr}))[1];
      }
    } else {
      const std::vector<double> wr{anchor.first * (1 - shrink), shrink,
                                   (1 - anchor.first) * (1 - shrink)};
      if (loc.location == "bottom") {
        gs = ss.subgridspec(2, 1,
                            {.hspace = wh_space, .height_ratios = {1 - fraction - pad, fraction}});
        ss_main = (*gs)[0];
        ss_cb = (*(*gs)[1].subgridspec(1, 3, {.wspace = 0, .width_ratios = wr}))[1];
      } else {
        gs = ss.subgridspec(2, 1,
                            {.hspace = wh_space, .height_ratios = {fraction, 1 - fraction - pad}});
        ss_main = (*gs)[1];
        ss_cb = (*(*gs)[0].subgridspec(1, 3, {.wspace = 0, .width_ratios = wr}))[1];
      }
      aspect = 1 / aspect;
    }
    parent.set_subplotspec(std::make_shared<const SubplotSpec>(ss_main));
    parent.set_position(ss_main.get_position(subplotpars_));
    parent.set_anchor(panchor.first, panchor.second);
    cax = &add_subplot(*ss_cb);
    info.pad = pad;
    info.gridspec = true;
  } else {
    // make_axes: the parents are shrunk and moved, the colorbar takes the room freed.
    const double pad = options.pad.value_or(layout_ == "constrained" ? 0.05 : loc.pad);
    if (!std::isfinite(pad)) throw ValueError(fmt::format("pad must be finite, not {}", pad));
    Bbox pb = Bbox::null();
    for (Axes* a : parents) pb = Bbox::union_of(pb, a->get_position(true));
    Bbox pb1, pbcb;
    if (loc.location == "left" || loc.location == "right") {
      if (loc.location == "left") {
        pbcb = splitx(pb, 0, fraction);
        pb1 = splitx(pb, fraction + pad, 1);
      } else {
        pb1 = splitx(pb, 0, 1 - fraction - pad);
        pbcb = splitx(pb, 1 - fraction, 1);
      }
      pbcb = anchored(shrunk(pbcb, 1.0, shrink), anchor, pbcb);
    } else {
      if (loc.location == "bottom") {
        pbcb = splity(pb, 0, fraction);
        pb1 = splity(pb, fraction + pad, 1);
      } else {
        pb1 = splity(pb, 0, 1 - fraction - pad);
        pbcb = splity(pb, 1 - fraction, 1);
      }
      pbcb = anchored(shrunk(pbcb, shrink, 1.0), anchor, pbcb);
      aspect = 1 / aspect;
    }
    // BboxTransform(parents_bbox, pb1) applied to every parent.
    const double sx = pb1.width() / pb.width(), sy = pb1.height() / pb.height();
    for (Axes* a : parents) {
      const Bbox o = a->get_position(true);
      const Bbox n = Bbox::from_extents(pb1.x0 + (o.x0 - pb.x0) * sx, pb1.y0 + (o.y0 - pb.y0) * sy,
                                        pb1.x0 + (o.x1 - pb.x0) * sx, pb1.y0 + (o.y1 - pb.y0) * sy);
      a->set_position(n);
      a->set_anchor(panchor.first, panchor.second);
    }
    cax = &add_axes({pbcb.x0, pbcb.y0, pbcb.width(), pbcb.height()});
    info.pad = pad;
  }
  cax->set_label("<colorbar>");
  cax->set_anchor(anchor.first, anchor.second);
  cax->set_box_aspect(aspect);
  cax->set_aspect("auto");
  cax->grid(false, "both", "both");
  ColorbarOptions cb = options;
  cb.orientation = loc.orientation;
  cb.ticklocation = loc.location;
  return Colorbar::make(*cax, mappable, cb, info);
}

// ---- Colorbar -----------------------------------------------------------------------------------

Colorbar& Colorbar::make(Axes& cax, ScalarMappable& mappable, const ColorbarOptions& options,
                         std::optional<ColorbarInfo> info) {
  ColorbarOptions o = options;
  if (!info && (o.location || o.orientation)) {
    // With a given cax, location chooses the orientation and the tick side.
    const LocSettings loc = normalize_location_orientation(o.location, o.orientation);
    o.orientation = loc.orientation;
    if (o.location && o.ticklocation == "auto") o.ticklocation = loc.location;
  }
  auto cb = std::make_unique<Colorbar>(Key{}, cax, mappable, o);
  cb->info_ = std::move(info);
  Colorbar& ref = static_cast<Colorbar&>(cax.add_artist(std::move(cb)));
  ref.draw_all();
  return ref;
}

Colorbar::Colorbar(Key, Axes& cax, ScalarMappable& mappable, const ColorbarOptions& o)
    : cax_(&cax),
      mappable_(mappable.lifetime_handle()),
      state_(std::make_unique<State>()),
      alive_(std::make_shared<bool>(true)) {
  orientation_ = o.orientation.value_or("vertical");
  check_choice(orientation_, {"vertical", "horizontal"}, "orientation");
  ticklocation_ = o.ticklocation;
  check_choice(ticklocation_, {"auto", "left", "right", "top", "bottom"}, "ticklocation");
  spacing_ = o.spacing;
  check_choice(spacing_, {"uniform", "proportional"}, "spacing");
  extend_ = o.extend.value_or("neither");
  check_choice(extend_, {"neither", "both", "min", "max"}, "extend");
  if (o.extendfrac) {
    if (!std::isfinite(o.extendfrac->first) || !std::isfinite(o.extendfrac->second)) {
      throw ValueError("invalid value for extendfrac");
    }
    extendfrac_ = o.extendfrac;
  }
  extendfrac_auto_ = o.extendfrac_auto;
  extendrect_ = o.extendrect;
  drawedges_ = o.drawedges;
  user_boundaries_ = o.boundaries;
  user_values_ = o.values;
  if (!user_values_.empty() && user_boundaries_.empty() && user_values_.size() < 3) {
    throw ValueError(
        fmt::format("colorbar values need at least 3 entries to make boundaries from, got {}",
                    user_values_.size()));
  }

  // The mappable's norm gets concrete limits now (matplotlib: autoscale_None when it has an
  // array).
  if (mappable.get_array()) mappable.autoscale_None();
  cmap_ = mappable.get_cmap();
  norm_ = mappable.get_norm();
  alpha_ = mappable.get_mappable_alpha();
  set_zorder(1.0);

  const RcParams p = rc();
  for (const char* s : {"left", "right", "bottom", "top"}) cax.spines(s).set_visible(false);
  auto outline = std::make_unique<PathPatch>(
      Path(), PatchOptions{.facecolor = Color("none"),
                           .edgecolor = Color(p.get_color("axes.edgecolor")),
                           .linewidth = p.get_double("axes.linewidth"),
                           .capstyle = "projecting",
                           .zorder = 2.5,
                           .clip_on = false});
  outline->set_transform(cax.transAxes());
  outline_ = &static_cast<Patch&>(cax.add_artist(std::move(outline)));

  auto dividers = std::make_unique<LineCollection>(
      std::vector<std::vector<Point>>{},
      CollectionOptions{.colors = ColorArray(Color(p.get_color("axes.edgecolor"))),
                        .linewidths = {0.5 * p.get_double("axes.linewidth")},
                        .clip_on = false});
  dividers_ = &static_cast<LineCollection&>(cax.add_collection(std::move(dividers), false));

  if (ticklocation_ == "auto") ticklocation_ = orientation_ == "horizontal" ? "bottom" : "right";
  reset_locator_formatter_scale();
  if (!o.ticks.empty()) {
    locator_ = std::make_shared<FixedLocator>(o.ticks, static_cast<int>(o.ticks.size()));
    user_locator_ = true;
  } else if (o.locator) {
    locator_ = o.locator;
    user_locator_ = true;
  }
  if (!o.format.empty()) {
    try {
      formatter_ = std::make_shared<FormatStrFormatter>(o.format);
    } catch (const ValueError&) {
      formatter_ = std::make_shared<StrMethodFormatter>(o.format);
    }
    user_formatter_ = true;
  } else if (o.formatter) {
    formatter_ = o.formatter;
    user_formatter_ = true;
  }
  if (!o.label.empty()) set_label(o.label);

  // The colorbar's Axes shrinks for the extensions (matplotlib's _ColorbarAxesLocator).
  std::weak_ptr<bool> alive = alive_;
  Colorbar* self = this;
  cax.set_axes_locator([alive, self](Axes& a) {
    if (alive.expired()) return a.get_position(true);
    return self->locate(a);
  });
}

Colorbar::~Colorbar() = default;

Axis& Colorbar::long_axis() const {
  return orientation_ == "vertical" ? cax_->yaxis() : cax_->xaxis();
}
Axis& Colorbar::short_axis() const {
  return orientation_ == "vertical" ? cax_->xaxis() : cax_->yaxis();
}

bool Colorbar::extend_lower() const {
  const char* minmax = long_axis().get_inverted() ? "max" : "min";
  return extend_ == "both" || extend_ == minmax;
}

bool Colorbar::extend_upper() const {
  const char* minmax = long_axis().get_inverted() ? "min" : "max";
  return extend_ == "both" || extend_ == minmax;
}

Bbox Colorbar::locate(Axes& ax) const {
  Bbox pos = ax.get_position(true);
  if (extend_ == "neither") return pos;
  auto [y, ext] = proportional_y();
  (void)y;
  if (!extend_lower()) ext.first = 0;
  if (!extend_upper()) ext.second = 0;
  const double len = ext.first + ext.second + 1;
  const double shrink = 1 / len;
  const double offset = ext.first / len;
  if (orientation_ == "vertical") {
    if (info_) ax.set_box_aspect(info_->aspect * shrink);
    return Bbox::from_bounds(pos.x0, pos.y0 + offset * pos.height(), pos.width(),
                             pos.height() * shrink);
  }
  if (info_) ax.set_box_aspect(1 / (info_->aspect * shrink));
  return Bbox::from_bounds(pos.x0 + offset * pos.width(), pos.y0, pos.width() * shrink,
                           pos.height());
}

// ---- values, boundaries, mesh ----

void Colorbar::process_values() {
  if (!user_values_.empty()) {
    values_ = user_values_;
    if (user_boundaries_.empty()) {
      const std::size_t n = values_.size();
      std::vector<double> b(n + 1);
      for (std::size_t i = 1; i < n; ++i) b[i] = 0.5 * (values_[i - 1] + values_[i]);
      b[0] = 2.0 * b[1] - b[2];
      b[n] = 2.0 * b[n - 1] - b[n - 2];
      boundaries_ = std::move(b);
    } else {
      boundaries_ = user_boundaries_;
    }
    return;
  }
  Normalize& norm = *norm_;
  std::vector<double> b;
  if (const auto* bn = dynamic_cast<const BoundaryNorm*>(&norm)) {
    b = bn->boundaries();
  } else if (is_no_norm(norm)) {
    for (int i = 0; i <= cmap_->N(); ++i) b.push_back(i - 0.5);
  } else if (!user_boundaries_.empty()) {
    b = user_boundaries_;
  } else {
    b = linspace01(static_cast<std::size_t>(cmap_->N()) + 1);
  }
  if (extend_lower()) b.insert(b.begin(), b.front() - 1);
  if (extend_upper()) b.push_back(b.back() + 1);
  if (!norm.scaled()) {
    norm.set_vmin(0.0);
    norm.set_vmax(1.0);
  }
  const auto [lo, hi] = nonsingular(*norm.vmin(), *norm.vmax(), 0.1);
  norm.set_vmin(lo);
  norm.set_vmax(hi);
  if (!is_boundary_norm(norm) && user_boundaries_.empty()) {
    for (double& v : b) v = norm.inverse(v);
  }
  boundaries_ = std::move(b);
  values_.resize(boundaries_.size() - 1);
  for (std::size_t i = 0; i + 1 < boundaries_.size(); ++i) {
    values_[i] = 0.5 * (boundaries_[i] + boundaries_[i + 1]);
  }
  if (is_no_norm(norm)) {
    for (double& v : values_) v = static_cast<double>(static_cast<std::int16_t>(v + 0.00001));
  }
}

double Colorbar::forward_boundaries(double x) const {
  const std::vector<double>& b = boundaries_;
  const double y = interp(x, b, linspace01(b.size()));
  const double eps = (b.back() - b.front()) * 1e-6;
  if (x < b.front() - eps) return -1;
  if (x > b.back() + eps) return 2;
  return y;
}

double Colorbar::inverse_boundaries(double x) const {
  return interp(x, linspace01(boundaries_.size()), boundaries_);
}

std::pair<std::vector<double>, std::pair<double, double>> Colorbar::proportional_y() const {
  const std::size_t n = boundaries_.size();
  const std::size_t i0 = extend_lower() ? 1 : 0;
  const std::size_t i1 = extend_upper() ? n - 1 : n;  // exclusive
  std::vector<double> y(n), yscaled(n);
  if (is_boundary_norm(*norm_) || !user_boundaries_.empty()) {
    const double b0 = boundaries_[i0], b1 = boundaries_[i1 - 1];
    for (std::size_t i = 0; i < n; ++i) {
      y[i] = (boundaries_[i] - b0) / (b1 - b0);
      yscaled[i] = spacing_ == "uniform" ? forward_boundaries(boundaries_[i]) : y[i];
    }
  } else {
    norm_->process(boundaries_, y);
    yscaled = y;
  }
  y = std::vector<double>(y.begin() + static_cast<std::ptrdiff_t>(i0),
                          y.begin() + static_cast<std::ptrdiff_t>(i1));
  yscaled = std::vector<double>(yscaled.begin() + static_cast<std::ptrdiff_t>(i0),
                                yscaled.begin() + static_cast<std::ptrdiff_t>(i1));
  auto renorm = [](std::vector<double>& v) {
    if (v.empty()) return;
    const double a = v.front(), b = v.back();
    for (double& x : v) x = a == b ? 0.0 : (x - a) / (b - a);
  };
  renorm(y);
  renorm(yscaled);
  std::pair<double, double> ext{0, 0};
  if ((extend_lower() || extend_upper()) && yscaled.size() >= 2) {
    ext = extension_lengths(yscaled[1] - yscaled[0],
                            yscaled[yscaled.size() - 1] - yscaled[yscaled.size() - 2]);
  }
  return {y, ext};
}

std::pair<double, double> Colorbar::extension_lengths(double automin, double automax) const {
  if (extendfrac_auto_) return {automin, automax};
  if (extendfrac_) return *extendfrac_;
  return {0.05, 0.05};
}

// ---- extends, dividers, ticks ----

void Colorbar::do_extends() {
  const auto [y, ext] = proportional_y();
  (void)y;
  const double bot = 0 - (extend_lower() ? ext.first : 0);
  const double top = 1 + (extend_upper() ? ext.second : 0);
  std::vector<Point> xyout;
  if (!extendrect_) {
    xyout = {{0, 0}, {0.5, bot}, {1, 0}, {1, 1}, {0.5, top}, {0, 1}, {0, 0}};
  } else {
    xyout = {{0, 0}, {0, bot}, {1, bot}, {1, 0}, {1, 1}, {1, top}, {0, top}, {0, 1}, {0, 0}};
  }
  const bool horizontal = orientation_ == "horizontal";
  auto flip = [horizontal](std::vector<Point> v) {
    if (horizontal) {
      for (Point& p : v) std::swap(p.x, p.y);
    }
    return v;
  };
  xyout = flip(std::move(xyout));
  // matplotlib's Path(xy, closed=True): the last vertex becomes a CLOSEPOLY.
  std::vector<PathCode> codes(xyout.size(), PathCode::lineto);
  codes.front() = PathCode::moveto;
  codes.back() = PathCode::closepoly;
  static_cast<PathPatch*>(outline_)->set_path(Path(xyout, codes));

  for (Patch* patch : extend_patches_) cax_->remove(*patch);
  extend_patches_.clear();
  const bool inverted = long_axis().get_inverted();
  auto add_patch = [&](std::vector<Point> xy, double value) {
    const Rgba color = norm_value_color(value);
    auto patch = std::make_unique<PathPatch>(
        Path(flip(std::move(xy))),
        PatchOptions{.facecolor = Color(color),
                     .linewidth = 0.0,
                     .antialiased = false,
                     .alpha = alpha_,
                     .zorder = std::nextafter(cax_->patch().get_zorder(),
                                              -std::numeric_limits<double>::infinity()),
                     .clip_on = false});
    patch->set_transform(cax_->transAxes());
    extend_patches_.push_back(&static_cast<Patch&>(cax_->add_artist(std::move(patch))));
  };
  if (extend_lower()) {
    std::vector<Point> xy = extendrect_ ? std::vector<Point>{{0, 0}, {0, bot}, {1., bot}, {1, 0}}
                                        : std::vector<Point>{{0, 0}, {0.5, bot}, {1, 0}};
    add_patch(std::move(xy), inverted ? values_.back() : values_.front());
  }
  if (extend_upper()) {
    std::vector<Point> xy = extendrect_ ? std::vector<Point>{{0, 1}, {0, top}, {1, top}, {1, 1}}
                                        : std::vector<Point>{{0, 1}, {0.5, top}, {1, 1}};
    add_patch(std::move(xy), inverted ? values_.front() : values_.back());
  }
  update_dividers();
}

void Colorbar::update_dividers() {
  if (!drawedges_) {
    dividers_->set_segments({});
    return;
  }
  const auto [l0, l1] = orientation_ == "vertical" ? cax_->get_ylim() : cax_->get_xlim();
  std::vector<double> ys;
  if (extend_lower()) ys.push_back(l0);
  for (double v : y_) {
    if (l0 < v && v < l1) ys.push_back(v);
  }
  if (extend_upper()) ys.push_back(l1);
  std::vector<std::vector<Point>> segs;
  segs.reserve(ys.size());
  for (double v : ys) {
    if (orientation_ == "vertical") {
      segs.push_back({{0, v}, {1, v}});
    } else {
      segs.push_back({{v, 0}, {v, 1}});
    }
  }
  dividers_->set_segments(segs);
}

void Colorbar::reset_locator_formatter_scale() {
  process_values();
  locator_.reset();
  minorlocator_.reset();
  formatter_.reset();
  user_locator_ = user_formatter_ = false;
  const bool vertical = orientation_ == "vertical";
  auto set_scale = [&](std::string_view name, const ScaleOptions& so) {
    if (vertical) {
      cax_->set_yscale(name, so);
    } else {
      cax_->set_xscale(name, so);
    }
  };
  const Normalize& norm = *norm_;
  if (!user_boundaries_.empty() || is_boundary_norm(norm)) {
    if (spacing_ == "uniform") {
      ScaleOptions so;
      so.forward = [this](double x) { return forward_boundaries(x); };
      so.inverse = [this](double x) { return inverse_boundaries(x); };
      set_scale("function", so);
    } else {
      set_scale("linear", {});
    }
  } else if (dynamic_cast<const LogNorm*>(&norm)) {
    set_scale("log", {});
  } else if (const auto* sl = dynamic_cast<const SymLogNorm*>(&norm)) {
    ScaleOptions so;
    so.linthresh = sl->linthresh();
    set_scale("symlog", so);
  } else if (typeid(norm) == typeid(Normalize)) {
    set_scale("linear", {});
  } else {
    // No scale of its own: the norm itself is the scale (matplotlib's 'function' scale).
    std::shared_ptr<Normalize> n = norm_;
    ScaleOptions so;
    so.forward = [n](double x) { return (*n)(x); };
    so.inverse = [n](double x) { return n->inverse(x); };
    set_scale("function", so);
  }
}

void Colorbar::update_ticks() {
  // matplotlib's _get_ticker_locator_formatter, then the long axis takes them.
  std::shared_ptr<Locator> locator = locator_;
  std::shared_ptr<Locator> minor = minorlocator_;
  if (const auto* bn = dynamic_cast<const BoundaryNorm*>(norm_.get())) {
    if (!locator) locator = std::make_shared<FixedLocator>(bn->boundaries(), 10);
    if (!minor) minor = std::make_shared<FixedLocator>(bn->boundaries());
  } else if (is_no_norm(*norm_)) {
    if (!locator) {
      const double base = 1 + static_cast<int>(static_cast<double>(values_.size()) / 10);
      locator = std::make_shared<IndexLocator>(base, 0.5);
    }
  } else if (!user_boundaries_.empty()) {
    if (!locator) {
      const std::size_t i0 = extend_lower() ? 1 : 0;
      const std::size_t i1 = extend_upper() ? boundaries_.size() - 1 : boundaries_.size();
      locator = std::make_shared<FixedLocator>(
          std::vector<double>(boundaries_.begin() + static_cast<std::ptrdiff_t>(i0),
                              boundaries_.begin() + static_cast<std::ptrdiff_t>(i1)),
          10);
    }
  }
  // Otherwise the long axis keeps the locators of its scale.
  if (locator) long_axis().set_major_locator(locator);
  if (minor) long_axis().set_minor_locator(minor);
  if (formatter_) long_axis().set_major_formatter(formatter_);
  locator_ = locator;
  minorlocator_ = minor;
}

void Colorbar::set_label(std::string label, const LabelOptions& options) {
  if (orientation_ == "vertical") {
    cax_->set_ylabel(std::move(label), options);
  } else {
    cax_->set_xlabel(std::move(label), options);
  }
  set_stale();
}

void Colorbar::set_ticks(std::vector<double> ticks, std::optional<std::vector<std::string>> labels,
                         bool minor) {
  if (minor) {
    minorlocator_ = std::make_shared<FixedLocator>(ticks);
    long_axis().set_ticks(std::move(ticks), std::move(labels), true);
    return;
  }
  locator_ = std::make_shared<FixedLocator>(ticks, static_cast<int>(ticks.size()));
  user_locator_ = true;
  long_axis().set_ticks(std::move(ticks), std::move(labels), false);
  set_stale();
}

std::vector<double> Colorbar::get_ticks(bool minor) const {
  return long_axis().get_ticklocs(minor);
}

void Colorbar::set_ticklabels(std::vector<std::string> labels, bool minor) {
  long_axis().set_ticklabels(std::move(labels), minor);
}

void Colorbar::set_locator(std::shared_ptr<Locator> locator) {
  locator_ = std::move(locator);
  user_locator_ = locator_ != nullptr;
  if (locator_) long_axis().set_major_locator(locator_);
}

void Colorbar::set_formatter(std::shared_ptr<Formatter> formatter) {
  formatter_ = std::move(formatter);
  user_formatter_ = formatter_ != nullptr;
  if (formatter_) long_axis().set_major_formatter(formatter_);
}

void Colorbar::minorticks_on() {
  cax_->minorticks_on();
  short_axis().set_minor_locator(std::make_shared<NullLocator>());
}

void Colorbar::minorticks_off() {
  minorlocator_ = std::make_shared<NullLocator>();
  long_axis().set_minor_locator(minorlocator_);
}

// ---- drawing ----

Rgba Colorbar::norm_value_color(double value) const {
  if (is_no_norm(*norm_)) return cmap_->at_index(static_cast<long long>(value));
  double v = value;
  double out = 0;
  norm_->process(std::span<const double>(&v, 1), std::span<double>(&out, 1));
  if (norm_->returns_indices()) {
    return std::isnan(out) ? cmap_->get_bad() : cmap_->at_index(static_cast<long long>(out));
  }
  return (*cmap_)(out);
}

void Colorbar::draw_all() {
  const bool vertical = orientation_ == "vertical";
  if (rc().get_bool(vertical ? "ytick.minor.visible" : "xtick.minor.visible")) minorticks_on();
  long_axis().set_label_position(ticklocation_);
  long_axis().set_ticks_position(ticklocation_);
  short_axis().set_ticks({});
  short_axis().set_ticks({}, std::nullopt, true);
  process_values();
  const std::size_t i0 = extend_lower() ? 1 : 0;
  const std::size_t i1 = extend_upper() ? boundaries_.size() - 2 : boundaries_.size() - 1;
  vmin_ = boundaries_[i0];
  vmax_ = boundaries_[i1];
  // The mesh (matplotlib's _mesh): the inside band edges in long-axis data coordinates.
  auto [y, ext] = proportional_y();
  (void)ext;
  if (is_boundary_norm(*norm_) || is_no_norm(*norm_) || !user_boundaries_.empty()) {
    for (double& v : y) v = v * (vmax_ - vmin_) + vmin_;
  } else {
    const auto saved_min = norm_->vmin(), saved_max = norm_->vmax();
    norm_->set_vmin(vmin_);
    norm_->set_vmax(vmax_);
    for (double& v : y) v = norm_->inverse(v);
    norm_->set_vmin(saved_min);
    norm_->set_vmax(saved_max);
  }
  y_ = std::move(y);
  double lower = vmin_, upper = vmax_;
  if (long_axis().get_inverted()) std::swap(lower, upper);
  if (vertical) {
    cax_->set_xlim(0, 1);
    cax_->set_ylim(lower, upper);
  } else {
    cax_->set_ylim(0, 1);
    cax_->set_xlim(lower, upper);
  }
  do_extends();
  update_ticks();
  set_rasterized(!drawedges_ && y_.size() >= 50);
  remember_state();
  set_stale();
}

void Colorbar::update_normal() {
  ScalarMappable* m = mappable();
  if (m) {
    alpha_ = m->get_mappable_alpha();
    cmap_ = m->get_cmap();
    if (m->get_norm() != norm_) {
      // A new norm resets the scale, locator and formatter (matplotlib's update_normal).
      norm_ = m->get_norm();
      reset_locator_formatter_scale();
    }
  }
  draw_all();
}

bool Colorbar::state_changed() const {
  const ScalarMappable* m = mappable();
  if (!m) return false;
  return m->get_norm().get() != state_->norm || m->get_cmap().get() != state_->cmap ||
         m->get_mappable_alpha() != state_->alpha || m->norm().vmin() != state_->vmin ||
         m->norm().vmax() != state_->vmax || m->changed_count() != state_->changed;
}

void Colorbar::remember_state() {
  const ScalarMappable* m = mappable();
  if (!m) return;
  state_->norm = m->get_norm().get();
  state_->cmap = m->get_cmap().get();
  state_->alpha = m->get_mappable_alpha();
  state_->vmin = m->norm().vmin();
  state_->vmax = m->norm().vmax();
  state_->changed = m->changed_count();
}

void Colorbar::draw(Renderer& renderer) {
  if (!get_visible()) return;
  if (state_changed()) update_normal();
  renderer.open_group("colorbar", get_gid());
  // The solids (matplotlib's pcolormesh of the inside values, edges "none", not antialiased).
  const std::size_t i0 = extend_lower() ? 1 : 0;
  const std::size_t i1 = extend_upper() ? values_.size() - 1 : values_.size();
  std::vector<Rgba> colors;
  colors.reserve(i1 - i0);
  for (std::size_t i = i0; i < i1; ++i) {
    Rgba c = norm_value_color(values_[i]);
    if (alpha_) c.a = std::clamp(*alpha_, 0.0, 1.0);
    colors.push_back(c);
  }
  const std::size_t n = y_.size();
  if (n >= 2 && colors.size() == n - 1) {
    const TransformPtr t = cax_->transData();
    const bool vertical = orientation_ == "vertical";
    std::vector<Point> coords;
    coords.reserve(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
      for (int j = 0; j < 2; ++j) {
        const Point p =
            vertical ? Point{static_cast<double>(j), y_[i]} : Point{y_[i], static_cast<double>(j)};
        coords.push_back(t->transform(p));
      }
    }
    GraphicsContext gc = new_gc();
    gc.alpha.reset();
    renderer.draw_quad_mesh(gc, Affine2D(), 1, static_cast<int>(n - 1), coords, colors, false, {});
  }
  renderer.close_group("colorbar");
  set_stale(false);
}

Bbox Colorbar::get_window_extent() const { return cax_->get_window_extent(); }

}  // namespace strata
