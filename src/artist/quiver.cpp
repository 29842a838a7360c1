// SPDX-License-Identifier: MIT
// Quiver and QuiverKey (matplotlib's quiver.py: _init, _dots_per_unit, _angles_lengths,
// _make_verts, _h_arrows, QuiverKey._init/draw).
#include "strata/artist/quiver.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "strata/artist/axes.hpp"
#include "strata/artist/figure.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"
#include "strata/transforms/transforms.hpp"

namespace strata {

namespace {

constexpr double kPi = std::numbers::pi;

bool known_units(const std::string& u) {
  return u == "width" || u == "height" || u == "dots" || u == "inches" || u == "x" || u == "y" ||
         u == "xy";
}

// The keywords Quiver and Barbs pass straight to their collection.
template <class Options>
void copy_common(const Options& o, CollectionOptions& c) {
  c.alpha = o.alpha;
  c.zorder = o.zorder;
  c.label = o.label;
  c.cmap = o.cmap;
  c.norm = o.norm;
}

// Fields "x", "y", "u", "v" of a vector-field container (`who` names the artist).
void require_xyuv(const DataContainer& data, const char* who) {
  const auto d = data.describe();
  for (const char* f : {"x", "y", "u", "v"}) {
    if (!d.contains(f)) {
      throw ValueError(fmt::format("{}: the data container has no field '{}'", who, f));
    }
  }
}

CollectionOptions collection_options(const QuiverOptions& o) {
  CollectionOptions c;
  c.facecolors = o.color.is_set() ? o.color : ColorArray("k");
  if (o.edgecolors.is_set()) c.edgecolors = o.edgecolors;
  c.linewidths = o.linewidths.empty() ? std::vector<double>{0.0} : o.linewidths;
  copy_common(o, c);
  return c;
}

}  // namespace

Quiver::Quiver(Axes& ax, DataContainerPtr data, const QuiverOptions& options)
    : Collection(std::move(data), collection_options(options), Defaults{}),
      ax_(&ax),
      options_(options) {
  check_fields(*get_data_container());
  if (options_.pivot == "mid") options_.pivot = "middle";
  if (options_.pivot != "tail" && options_.pivot != "middle" && options_.pivot != "tip") {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for pivot; supported values are 'tail', 'middle', 'tip'",
        options.pivot));
  }
  if (!known_units(options_.units)) {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for units; supported values are 'width', 'height', 'dots', "
        "'inches', 'x', 'y', 'xy'",
        options_.units));
  }
  if (options_.scale_units && !known_units(*options_.scale_units)) {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for scale_units; supported values are 'width', 'height', "
        "'dots', 'inches', 'x', 'y', 'xy'",
        *options_.scale_units));
  }
  if (options_.scale && !(*options_.scale > 0 && std::isfinite(*options_.scale))) {
    throw ValueError(
        fmt::format("quiver: scale must be a positive number, not {}", *options_.scale));
  }
  if (options_.width && !(*options_.width > 0 && std::isfinite(*options_.width))) {
    throw ValueError(
        fmt::format("quiver: width must be a positive number, not {}", *options_.width));
  }
  const QueryResult r = get_data_container()->query(*IdentityTransform::make(), {1, 1});
  x_ = r.at("x").to_vector();
  y_ = r.at("y").to_vector();
  n_ = x_.size();
  if (const auto* a = std::get_if<std::string>(&options_.angles)) {
    if (*a != "uv" && *a != "xy") {
      throw ValueError(fmt::format(
          "'{}' is not a valid value for angles; supported values are 'uv', 'xy' or an array", *a));
    }
  } else if (const auto& v = std::get<std::vector<double>>(options_.angles);
             v.size() != n_ && v.size() != 1) {
    throw ValueError(fmt::format(
        "Argument angles has a size {} which does not match {}, the number of arrow positions",
        v.size(), n_));
  }
  scale_ = options_.scale;
  width_ = options_.width;
  set_offset_transform(ax.transData());
  if (options_.vmin || options_.vmax) set_clim(options_.vmin, options_.vmax);
}

void Quiver::check_fields(const DataContainer& data) const { require_xyuv(data, "Quiver"); }

double Quiver::dots_per_unit(const std::string& units) const {
  const Bbox bb = ax_->get_window_extent();
  const Bbox vl = ax_->view_lim()->get_points();
  if (units == "x") return bb.width() / vl.width();
  if (units == "y") return bb.height() / vl.height();
  if (units == "xy") {
    return std::hypot(bb.width(), bb.height()) / std::hypot(vl.width(), vl.height());
  }
  if (units == "width") return bb.width();
  if (units == "height") return bb.height();
  if (units == "dots") return 1.0;
  return figure_dpi();  // "inches"
}

void Quiver::init_geometry() const {
  ax_->unstale_view_lim();
  trans_scale_ = dots_per_unit(options_.units);
  // span: the axes width in arrow units.
  span_ = ax_->get_window_extent().width() / trans_scale_;
  if (!width_) {
    const double sn = std::clamp(std::sqrt(static_cast<double>(n_)), 8.0, 25.0);
    width_ = 0.06 * span_ / sn;
  }
}

std::vector<std::array<Point, 8>> Quiver::h_arrows(std::span<const double> length_in,
                                                   const std::string& pivot) const {
  const QuiverOptions& o = options_;
  const double minsh = o.minshaft * o.headlength;
  const std::array<int, 8> ii{0, 1, 2, 3, 2, 1, 0, 0};
  const std::array<double, 4> y{0.5, 0.5, 0.5 * o.headwidth, 0.0};
  const std::array<double, 4> x0{0, minsh - o.headaxislength, minsh - o.headlength, minsh};
  std::vector<std::array<Point, 8>> out(length_in.size());
  for (std::size_t k = 0; k < length_in.size(); ++k) {
    const double length = std::clamp(length_in[k], 0.0, 65536.0);
    const std::array<double, 4> x{0.0, -o.headaxislength + length, -o.headlength + length, length};
    std::array<Point, 8>& a = out[k];
    const bool short_arrow = length < minsh;
    const double shrink = minsh != 0 ? length / minsh : 0.0;
    for (int j = 0; j < 8; ++j) {
      const int i = ii[static_cast<std::size_t>(j)];
      const double sign = (j >= 3 && j < 7) ? -1.0 : 1.0;
      double px = x[static_cast<std::size_t>(i)];
      double py = sign * y[static_cast<std::size_t>(i)];
      if (short_arrow) {
        px = shrink * x0[static_cast<std::size_t>(i)];
        py = shrink * sign * y[static_cast<std::size_t>(i)];
      }
      a[static_cast<std::size_t>(j)] = {px, py};
    }
    if (pivot == "middle") {
      const double shift = 0.5 * a[3].x;
      for (Point& p : a) p.x -= shift;
    } else if (pivot == "tip") {
      const double shift = a[3].x;
      for (Point& p : a) p.x -= shift;
    }
    if (length < o.minlength) {
      // A heptagonal dot (8 points, the last closing it).
      for (int j = 0; j < 8; ++j) {
        const double th = j * (kPi / 3.0);
        a[static_cast<std::size_t>(j)] = {std::cos(th) * o.minlength * 0.5,
                                          std::sin(th) * o.minlength * 0.5};
      }
    }
  }
  return out;
}

std::vector<Path> Quiver::make_verts(std::span<const double> u, std::span<const double> v,
                                     const std::variant<std::string, std::vector<double>>& angles,
                                     std::optional<std::string> pivot) const {
  init_geometry();
  const std::size_t n = u.size();
  const std::string str_angles =
      std::holds_alternative<std::string>(angles) ? std::get<std::string>(angles) : "";
  const std::string su = options_.scale_units.value_or("");
  std::vector<double> xy_angles(n), lengths(n);
  if (str_angles == "xy" || su == "xy") {
    // eps 1 when both are "xy" (u, v then connect the points whatever the scales),
    // otherwise a thousandth of the largest data extent (matplotlib's roundoff guard).
    double eps = 1.0;
    if (!(str_angles == "xy" && su == "xy")) {
      const Bbox d = ax_->data_lim()->get_points();
      eps = std::max({std::abs(d.x0), std::abs(d.y0), std::abs(d.x1), std::abs(d.y1)}) * 0.001;
    }
    const TransformPtr& td = ax_->transData();
    for (std::size_t i = 0; i < n; ++i) {
      const Point p = td->transform({x_[i % n_], y_[i % n_]});
      const Point q = td->transform({x_[i % n_] + eps * u[i], y_[i % n_] + eps * v[i]});
      xy_angles[i] = std::atan2(q.y - p.y, q.x - p.x);
      lengths[i] = std::hypot(q.x - p.x, q.y - p.y) / eps;
    }
  }
  std::vector<double> a(n);
  for (std::size_t i = 0; i < n; ++i) {
    a[i] = (!str_angles.empty() && su == "xy") ? lengths[i] : std::hypot(u[i], v[i]);
  }
  if (!scale_) {
    const double sn = std::max(10.0, std::sqrt(static_cast<double>(n_)));
    double sum = 0;
    std::size_t cnt = 0;
    for (double x : a) {
      if (std::isfinite(x)) {
        sum += x;
        ++cnt;
      }
    }
    const double amean = cnt > 0 ? sum / static_cast<double>(cnt) : 0.0;
    const double scale = 1.8 * amean * sn / span_;
    double widthu_per_lenu = 1.0;
    if (su.empty()) {
      scale_ = scale;
    } else {
      const double dx = su == "xy" ? 1.0 : dots_per_unit(su);
      widthu_per_lenu = dx / trans_scale_;
      scale_ = scale * widthu_per_lenu;
    }
    if (!(*scale_ > 0) || !std::isfinite(*scale_)) scale_ = 1.0;  // all-zero vectors
  }
  double widthu_per_lenu = 1.0;
  if (!su.empty()) {
    const double dx = su == "xy" ? 1.0 : dots_per_unit(su);
    widthu_per_lenu = dx / trans_scale_;
  }
  std::vector<double> length(n);
  for (std::size_t i = 0; i < n; ++i) length[i] = a[i] * (widthu_per_lenu / (*scale_ * *width_));
  const auto arrows = h_arrows(length, pivot.value_or(options_.pivot));
  std::vector<Path> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    double theta = 0;
    if (str_angles == "xy") {
      theta = xy_angles[i];
    } else if (str_angles == "uv") {
      theta = std::atan2(v[i], u[i]);
    } else {
      const auto& deg = std::get<std::vector<double>>(angles);
      const double d = deg.size() == 1 ? deg[0] : deg[i];
      theta = std::isfinite(d) ? d * kPi / 180.0 : 0.0;
    }
    const double c = std::cos(theta), s = std::sin(theta);
    std::vector<Point> pts(8);
    for (std::size_t j = 0; j < 8; ++j) {
      const Point p = arrows[i][j];
      pts[j] = {(p.x * c - p.y * s) * *width_, (p.x * s + p.y * c) * *width_};
    }
    out.emplace_back(std::move(pts));
  }
  return out;
}

Collection::Items Quiver::make_items(const QueryResult& r) const {
  Items it;
  const std::vector<double> u = r.at("u").to_vector();
  const std::vector<double> v = r.at("v").to_vector();
  const bool has_c = r.columns.contains("c");
  const std::vector<double> c = has_c ? r.at("c").to_vector() : std::vector<double>{};
  const std::size_t n = n_;
  auto at = [n](const std::vector<double>& w, std::size_t i) {
    return w.size() == 1 ? w[0] : w[i % n];
  };
  for (const auto& [name, w] : {std::pair{"u", &u}, std::pair{"v", &v}}) {
    if (w->size() != n && w->size() != 1) {
      throw ValueError(fmt::format(
          "Argument {} has a size {} which does not match {}, the number of arrow positions",
          name == std::string("u") ? "U" : "V", w->size(), n));
    }
  }
  if (has_c && c.size() != n && c.size() != 1) {
    throw ValueError(fmt::format(
        "Argument C has a size {} which does not match {}, the number of arrow positions", c.size(),
        n));
  }
  // Masked arrows (non-finite u, v or c) are left out; matplotlib fills their u, v with 1 for
  // the automatic scale's mean, which counts only the unmasked ones.
  std::vector<std::size_t> kept;
  std::vector<double> ku, kv;
  for (std::size_t i = 0; i < n; ++i) {
    const bool ok =
        std::isfinite(at(u, i)) && std::isfinite(at(v, i)) && (!has_c || std::isfinite(at(c, i)));
    if (!ok) continue;
    kept.push_back(i);
    ku.push_back(at(u, i));
    kv.push_back(at(v, i));
  }
  std::variant<std::string, std::vector<double>> angles = options_.angles;
  if (auto* deg = std::get_if<std::vector<double>>(&angles); deg && deg->size() == n) {
    std::vector<double> kd;
    for (std::size_t i : kept) kd.push_back((*deg)[i]);
    *deg = std::move(kd);
  }
  it.paths = make_verts(ku, kv, angles);
  it.offsets.reserve(kept.size());
  for (std::size_t i : kept) it.offsets.push_back({x_[i], y_[i]});
  if (has_c) {
    for (std::size_t i : kept) it.values.push_back(at(c, i));
  }
  it.count_before_mask = n;
  if (kept.size() != n) it.kept = std::move(kept);
  it.uses_offsets = true;
  return it;
}

Bbox Quiver::get_datalim(const TransformPtr& /*trans_data*/) const {
  Bbox b = Bbox::null();
  for (std::size_t i = 0; i < n_; ++i) {
    if (!std::isfinite(x_[i]) || !std::isfinite(y_[i])) continue;
    b.x0 = std::min(b.x0, x_[i]);
    b.x1 = std::max(b.x1, x_[i]);
    b.y0 = std::min(b.y0, y_[i]);
    b.y1 = std::max(b.y1, y_[i]);
    if (x_[i] > 0) b.minposx = std::min(b.minposx, x_[i]);
    if (y_[i] > 0) b.minposy = std::min(b.minposy, y_[i]);
  }
  return b;
}

void Quiver::draw(Renderer& renderer) {
  if (!get_visible()) return;
  // Rebuilt at every draw, as matplotlib's (angles "xy" and scale_units follow the view).
  init_geometry();
  set_transform(Affine2DNode::make(Affine2D::from_scale(trans_scale_, trans_scale_)));
  invalidate_items();
  Collection::draw(renderer);
}

// ---- Barbs -----------------------------------------------------------------------------------

namespace {

CollectionOptions barbs_collection_options(const BarbsOptions& o) {
  CollectionOptions c;
  if (!o.barbcolor || !o.flagcolor) {
    c.edgecolors = ColorArray("face");
    if (o.flagcolor) {
      c.facecolors = ColorArray(*o.flagcolor);
    } else if (o.barbcolor) {
      c.facecolors = ColorArray(*o.barbcolor);
    } else {
      c.facecolors = ColorArray("k");
    }
  } else {
    c.edgecolors = ColorArray(*o.barbcolor);
    c.facecolors = ColorArray(*o.flagcolor);
  }
  c.linewidths = o.linewidths.empty() ? std::vector<double>{1.0} : o.linewidths;
  copy_common(o, c);
  return c;
}

}  // namespace

Barbs::Barbs(Axes& ax, DataContainerPtr data, const BarbsOptions& options)
    : Collection(std::move(data), barbs_collection_options(options), Defaults{}),
      options_(options) {
  check_fields(*get_data_container());
  if (!(options_.length > 0) || !std::isfinite(options_.length)) {
    throw ValueError(
        fmt::format("barbs: length must be a positive number, not {}", options_.length));
  }
  if (const auto* name = std::get_if<std::string>(&options_.pivot)) {
    if (*name == "tip") {
      pivot_y_ = 0.0;
    } else if (*name == "middle") {
      pivot_y_ = -options_.length / 2;
    } else {
      throw ValueError(fmt::format(
          "'{}' is not a valid value for pivot; supported values are 'tip', 'middle' or a "
          "number",
          *name));
    }
  } else {
    pivot_y_ = std::get<double>(options_.pivot);
  }
  set_transform(IdentityTransform::make());
  set_offset_transform(ax.transData());
  if (options_.vmin || options_.vmax) set_clim(options_.vmin, options_.vmax);
}

void Barbs::check_fields(const DataContainer& data) const { require_xyuv(data, "Barbs"); }

Barbs::Tails Barbs::find_tails(double mag) const {
  const BarbsOptions& o = options_;
  if (o.rounding) mag = o.half * std::trunc(mag / o.half + 0.5);
  Tails t;
  t.flags = static_cast<int>(std::floor(mag / o.flag));
  mag = std::fmod(mag, o.flag);
  t.barbs = static_cast<int>(std::floor(mag / o.full));
  mag = std::fmod(mag, o.full);
  t.half = mag >= o.half;
  t.empty = !(t.half || t.flags > 0 || t.barbs > 0);
  return t;
}

std::vector<Point> Barbs::make_barb(double u, double v, bool flip) const {
  const BarbsOptions& o = options_;
  const double length = o.length;
  const double spacing = length * o.spacing;
  const double full_height = length * o.height;
  const double full_width = length * o.width;
  const double empty_rad = length * o.emptybarb;
  const double endx = 0.0, endy = pivot_y_;
  const Tails t = find_tails(std::hypot(u, v));
  if (t.empty) {
    // matplotlib's CirclePolygon (20 sides) vertices; unfilled: there and back again.
    const Path circ = Path::unit_regular_polygon(20);
    std::vector<Point> c;
    for (const Point& p : circ.vertices()) c.push_back({p.x * empty_rad, p.y * empty_rad});
    if (o.fill_empty) return c;
    std::vector<Point> both = c;
    both.insert(both.end(), c.rbegin(), c.rend());
    return both;
  }
  std::vector<Point> poly{{endx, endy}};
  double offset = length;
  const double barb_height = flip ? -full_height : full_height;
  for (int i = 0; i < t.flags; ++i) {
    if (offset != length) offset += spacing / 2.;
    poly.push_back({endx, endy + offset});
    poly.push_back({endx + barb_height, endy - full_width / 2 + offset});
    poly.push_back({endx, endy - full_width + offset});
    offset -= full_width + spacing;
  }
  for (int i = 0; i < t.barbs; ++i) {
    poly.push_back({endx, endy + offset});
    poly.push_back({endx + barb_height, endy + offset + full_width / 2});
    poly.push_back({endx, endy + offset});
    offset -= spacing;
  }
  if (t.half) {
    if (offset == length) {
      poly.push_back({endx, endy + offset});
      offset -= 1.5 * spacing;
    }
    poly.push_back({endx, endy + offset});
    poly.push_back({endx + barb_height / 2, endy + offset + full_width / 4});
    poly.push_back({endx, endy + offset});
  }
  // Rotated so that the staff points into the wind: angle = -(atan2(v, u) + pi / 2),
  // vertices rotated by -angle.
  const double rot = std::atan2(v, u) + kPi / 2;
  const double c = std::cos(rot), s = std::sin(rot);
  for (Point& p : poly) p = {p.x * c - p.y * s, p.x * s + p.y * c};
  return poly;
}

Collection::Items Barbs::make_items(const QueryResult& r) const {
  Items it;
  const std::vector<double> x = r.at("x").to_vector();
  const std::vector<double> y = r.at("y").to_vector();
  const std::vector<double> u = r.at("u").to_vector();
  const std::vector<double> v = r.at("v").to_vector();
  const bool has_c = r.columns.contains("c");
  const std::vector<double> c = has_c ? r.at("c").to_vector() : std::vector<double>{};
  const std::size_t n = x.size();
  for (const auto* w : {&y, &u, &v}) {
    if (w->size() != n) {
      throw ValueError(fmt::format("barbs: x has {} values but y, u or v has {}", n, w->size()));
    }
  }
  if (has_c && c.size() != n) {
    throw ValueError(fmt::format("barbs: c has {} values for {} barbs", c.size(), n));
  }
  if (options_.flip_barb.size() > 1 && options_.flip_barb.size() != n) {
    throw ValueError(
        fmt::format("barbs: flip_barb has {} values for {} barbs", options_.flip_barb.size(), n));
  }
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < n; ++i) {
    const bool ok = std::isfinite(x[i]) && std::isfinite(y[i]) && std::isfinite(u[i]) &&
                    std::isfinite(v[i]) && (!has_c || std::isfinite(c[i]));
    if (!ok) continue;
    kept.push_back(i);
    const bool flip = options_.flip_barb.empty()
                          ? false
                          : options_.flip_barb[options_.flip_barb.size() == 1 ? 0 : i];
    std::vector<Point> poly = make_barb(u[i], v[i], flip);
    // Closed, as PolyCollection's set_verts(closed=True).
    std::vector<PathCode> codes(poly.size(), PathCode::lineto);
    codes[0] = PathCode::moveto;
    poly.push_back(poly.front());
    codes.push_back(PathCode::closepoly);
    it.paths.emplace_back(std::move(poly), std::move(codes));
    it.offsets.push_back({x[i], y[i]});
    if (has_c) it.values.push_back(c[i]);
  }
  it.count_before_mask = n;
  if (kept.size() != n) it.kept = std::move(kept);
  it.uses_offsets = true;
  return it;
}

std::vector<Affine2D> Barbs::item_transforms(const Items& /*items*/, double dpi) const {
  // matplotlib's sizes (length^2 / 4, "empirically determined"): sqrt(size) * dpi / 72.
  const double k = std::sqrt(options_.length * options_.length / 4) * dpi / 72.0;
  return {Affine2D::from_scale(k, k)};
}

// ---- QuiverKey -------------------------------------------------------------------------------

QuiverKey::QuiverKey(Quiver& q, double x, double y, double u, std::string label,
                     const QuiverKeyOptions& options)
    : q_(&q), x_(x), y_(y), u_(u), options_(options) {
  const std::string& lp = options_.labelpos;
  if (lp != "N" && lp != "S" && lp != "E" && lp != "W") {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for labelpos; supported values are 'N', 'S', 'E', 'W'", lp));
  }
  const std::string& c = options_.coordinates;
  if (c != "axes" && c != "figure" && c != "data" && c != "inches") {
    throw ValueError(fmt::format(
        "'{}' is not a valid value for coordinates; supported values are 'axes', 'figure', "
        "'data', 'inches'",
        c));
  }
  TextOptions to;
  to.ha = lp == "N" || lp == "S" ? "center" : (lp == "E" ? "left" : "right");
  to.va = lp == "N" ? "bottom" : (lp == "S" ? "top" : "center");
  if (options_.labelcolor) to.color = *options_.labelcolor;
  if (options_.fontsize) to.fontsize = *options_.fontsize;
  text_ = std::make_unique<Text>(0, 0, std::move(label), to);
  set_zorder(q.get_zorder() + 0.1);
}

TransformPtr QuiverKey::key_transform() const {
  Axes& ax = *q_->get_axes();
  const std::string& c = options_.coordinates;
  if (c == "data") return ax.transData();
  if (c == "axes") return ax.transAxes();
  Figure& fig = *ax.get_figure();
  return c == "figure" ? fig.transFigure() : fig.dpi_scale_trans();
}

void QuiverKey::draw(Renderer& renderer) {
  if (!get_visible() || q_->get_axes() == nullptr) return;
  q_->init_geometry();
  const std::string& lp = options_.labelpos;
  // The key arrow: pivot middle for N/S, tip for E, tail for W (matplotlib's QuiverKey.pivot).
  if (!q_->get_scale()) (void)q_->get_paths();  // the automatic scale, as Q._init
  const std::string pivot = lp == "E" ? "tip" : (lp == "W" ? "tail" : "middle");
  const double th = options_.angle * kPi / 180.0;
  const double u = u_ * std::cos(th), v = u_ * std::sin(th);
  const std::vector<Path> verts =
      q_->make_verts(std::vector<double>{u}, std::vector<double>{v}, std::string("uv"), pivot);
  // The arrow in display space: the key position plus the arrow in pixels.
  const Point p0 = key_transform()->transform({x_, y_});
  const double k = q_->trans_scale();
  std::vector<Point> poly;
  for (const Point& q : verts[0].vertices()) poly.push_back({p0.x + k * q.x, p0.y + k * q.y});
  CollectionOptions co;
  co.facecolors = q_->options().color.is_set() ? q_->options().color : ColorArray("k");
  co.linewidths =
      q_->options().linewidths.empty() ? std::vector<double>{0.0} : q_->options().linewidths;
  if (q_->options().edgecolors.is_set()) co.edgecolors = q_->options().edgecolors;
  co.alpha = q_->options().alpha;
  if (options_.color) co.facecolors = co.edgecolors = ColorArray(*options_.color);
  vector_ = std::make_unique<PolyCollection>(std::vector<std::vector<Point>>{poly}, false, co);
  vector_->set_figure(get_figure());
  vector_->set_transform(IdentityTransform::make());
  vector_->draw(renderer);
  const Point p = p0;
  const double sep = options_.labelsep * figure_dpi();
  const double tx = lp == "E" ? p.x + sep : (lp == "W" ? p.x - sep : p.x);
  const double ty = lp == "N" ? p.y + sep : (lp == "S" ? p.y - sep : p.y);
  text_->set_figure(get_figure());
  text_->set_transform(IdentityTransform::make());
  text_->set_position({tx, ty});
  text_->draw(renderer);
  set_stale(false);
}

}  // namespace strata
