// SPDX-License-Identifier: MIT
#include "strata/artist/patches.hpp"

#include <fmt/format.h>

#include <cmath>

#include "strata/artist/linestyle.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

CapStyle parse_capstyle(std::string_view s) {
  if (s == "butt") return CapStyle::butt;
  if (s == "round") return CapStyle::round;
  if (s == "projecting") return CapStyle::projecting;
  throw ValueError(fmt::format("'{}' is not a valid CapStyle", s));
}

JoinStyle parse_joinstyle(std::string_view s) {
  if (s == "miter") return JoinStyle::miter;
  if (s == "round") return JoinStyle::round;
  if (s == "bevel") return JoinStyle::bevel;
  throw ValueError(fmt::format("'{}' is not a valid JoinStyle", s));
}

Patch::Patch(const PatchOptions& options) {
  const RcParams p = rc();
  linewidth_ = options.linewidth.value_or(p.get_double("patch.linewidth"));
  antialiased_ = options.antialiased.value_or(p.get_bool("patch.antialiased"));
  fill_ = options.fill.value_or(true);
  hatch_color_ = p.get_color("hatch.color");
  if (options.alpha) Artist::set_alpha(options.alpha);
  if (options.color) {
    set_color(*options.color);
  } else {
    set_facecolor(options.facecolor);
    set_edgecolor(options.edgecolor);
  }
  if (options.color && options.facecolor) set_facecolor(options.facecolor);
  if (options.color && options.edgecolor) set_edgecolor(options.edgecolor);
  if (options.linestyle) set_linestyle(*options.linestyle);
  if (options.hatch) set_hatch(*options.hatch);
  if (options.capstyle) capstyle_ = parse_capstyle(*options.capstyle);
  if (options.joinstyle) joinstyle_ = parse_joinstyle(*options.joinstyle);
  set_zorder(options.zorder.value_or(1.0));
  if (options.clip_on) set_clip_on(*options.clip_on);
  if (options.label) set_label(*options.label);
}

void Patch::set_facecolor(const std::optional<Color>& color) {
  face_is_none_ = color && color->is_none();
  face_ = color ? to_rgba(*color) : rc().get_color("patch.facecolor");
  set_stale();
}

void Patch::set_edgecolor(const std::optional<Color>& color) {
  if (color) {
    edge_ = to_rgba(*color);
    if (!color->is_none()) hatch_color_ = edge_;
  } else if (rc().get_bool("patch.force_edgecolor") || !fill_) {
    edge_ = rc().get_color("patch.edgecolor");
  } else {
    edge_ = Rgba{0, 0, 0, 0};
  }
  set_stale();
}

void Patch::set_color(const Color& color) {
  set_facecolor(color);
  set_edgecolor(color);
}

Rgba Patch::get_facecolor() const {
  if (!fill_ || face_is_none_) return Rgba{0, 0, 0, 0};
  return get_alpha() ? face_.with_alpha(*get_alpha()) : face_;
}

Rgba Patch::get_edgecolor() const {
  if (edge_.a == 0) return edge_;
  return get_alpha() ? edge_.with_alpha(*get_alpha()) : edge_;
}

void Patch::set_linewidth(double points) {
  if (!(points >= 0) || !std::isfinite(points)) {
    throw ValueError(fmt::format("linewidth must be a non-negative number, got {}", points));
  }
  linewidth_ = points;
  set_stale();
}

void Patch::set_linestyle(std::string_view style) {
  dashes_ = get_dash_pattern(style);
  no_line_ = is_no_line(style);
  set_stale();
}

void Patch::set_dashes(Dashes dashes) {
  dashes_ = std::move(dashes);
  no_line_ = false;
}

void Patch::set_fill(bool fill) {
  fill_ = fill;
  set_stale();
}

void Patch::set_hatch(std::string hatch) {
  hatch_ = std::move(hatch);
  set_stale();
}

void Patch::set_alpha(std::optional<double> alpha) { Artist::set_alpha(alpha); }

TransformPtr Patch::get_full_transform() const {
  return Affine2DNode::make(get_patch_transform()) + get_transform();
}

Path Patch::get_data_path() const { return get_path().transformed(get_patch_transform()); }

Bbox Patch::get_window_extent() const {
  const TransformPtr t = get_full_transform();
  return t->transform_path(get_path()).get_extents();
}

void Patch::draw(Renderer& renderer) {
  if (!get_visible()) return;
  GraphicsContext gc = new_gc();
  gc.alpha.reset();
  const Rgba edge = get_edgecolor();
  gc.color = edge;
  gc.linewidth = (edge.a == 0 || no_line_) ? 0.0 : linewidth_;
  gc.dashes = scale_dashes(dashes_, linewidth_);
  gc.capstyle = capstyle_;
  gc.joinstyle = joinstyle_;
  gc.antialiased = antialiased_;
  gc.hatch = hatch_;
  gc.hatch_color = hatch_color_;
  gc.hatch_linewidth = rc().get_double("hatch.linewidth");
  const Rgba face = get_facecolor();
  std::optional<Rgba> fill;
  if (face.a > 0) fill = face;
  if (!fill && gc.linewidth == 0 && hatch_.empty()) return;
  const TransformPtr t = get_full_transform();
  const Path tpath = t->transform_path_non_affine(get_path());
  renderer.open_group("patch", get_gid());
  renderer.draw_path(gc, tpath, t->get_affine(), fill);
  renderer.close_group("patch");
  set_stale(false);
}

Rectangle::Rectangle(Point xy, double width, double height, const PatchOptions& options,
                     double angle)
    : Patch(options), xy_(xy), width_(width), height_(height), angle_(angle) {}

Affine2D Rectangle::get_patch_transform() const {
  return Affine2D().scale(width_, height_).rotate_deg(angle_).translate(xy_.x, xy_.y);
}

void Rectangle::set_xy(Point xy) {
  xy_ = xy;
  set_stale();
}
void Rectangle::set_width(double w) {
  width_ = w;
  set_stale();
}
void Rectangle::set_height(double h) {
  height_ = h;
  set_stale();
}
void Rectangle::set_bounds(double x, double y, double w, double h) {
  xy_ = {x, y};
  width_ = w;
  height_ = h;
  set_stale();
}

namespace {
Path polygon_path(const std::vector<Point>& xy, bool closed) {
  std::vector<Point> v = xy;
  if (v.empty()) return {};
  std::vector<PathCode> codes(v.size(), PathCode::lineto);
  codes[0] = PathCode::moveto;
  if (closed) {
    v.push_back(v.front());
    codes.push_back(PathCode::closepoly);
  }
  return Path(std::move(v), std::move(codes));
}
}  // namespace

Polygon::Polygon(std::vector<Point> xy, bool closed, const PatchOptions& options)
    : Patch(options), xy_(std::move(xy)), closed_(closed), path_(polygon_path(xy_, closed)) {}

void Polygon::set_xy(std::vector<Point> xy) {
  xy_ = std::move(xy);
  path_ = polygon_path(xy_, closed_);
  set_stale();
}

Ellipse::Ellipse(Point xy, double width, double height, double angle, const PatchOptions& options)
    : Patch(options), center_(xy), width_(width), height_(height), angle_(angle) {}

Affine2D Ellipse::get_patch_transform() const {
  return Affine2D()
      .scale(width_ * 0.5, height_ * 0.5)
      .rotate_deg(angle_)
      .translate(center_.x, center_.y);
}

Circle::Circle(Point xy, double radius, const PatchOptions& options)
    : Ellipse(xy, 2 * radius, 2 * radius, 0.0, options) {}

namespace {
Path wedge_path(Point c, double r, double theta1, double theta2, std::optional<double> width) {
  // matplotlib's Wedge._recompute_path: an arc, closed through the center or, for a ring
  // wedge, through the inner arc run backwards.
  if (theta1 != theta2 && std::abs(std::fmod(theta2 - theta1, 360.0)) < 1e-12) {
    theta1 = 0;
    theta2 = 360;
  } else if (theta2 - theta1 > 360) {
    theta2 = theta1 + 360;  // NOLINT
  }
  const Path arc = Path::arc(theta1, theta2);
  std::vector<Point> v;
  std::vector<PathCode> codes;
  if (width) {
    const double inner = (r - *width) / r;
    v = arc.vertices();
    codes.assign(arc.codes().begin(), arc.codes().end());
    for (std::size_t i = arc.size(); i-- > 0;) {
      v.push_back({arc.vertices()[i].x * inner, arc.vertices()[i].y * inner});
    }
    codes.push_back(PathCode::lineto);
    for (std::size_t i = arc.size(); i-- > 0;) {
      if (i + 1 == arc.size()) continue;
      codes.push_back(arc.code(i + 1));
    }
    codes.resize(v.size(), PathCode::lineto);
    v.push_back(v.front());
    codes.push_back(PathCode::closepoly);
  } else {
    v = arc.vertices();
    codes.assign(arc.codes().begin(), arc.codes().end());
    v.push_back({0, 0});
    codes.push_back(PathCode::lineto);
    v.push_back(v.front());
    codes.push_back(PathCode::closepoly);
  }
  for (Point& p : v) p = {p.x * r + c.x, p.y * r + c.y};
  return Path(std::move(v), std::move(codes));
}
}  // namespace

Wedge::Wedge(Point center, double r, double theta1, double theta2, std::optional<double> width,
             const PatchOptions& options)
    : Patch(options), path_(wedge_path(center, r, theta1, theta2, width)) {}

PathPatch::PathPatch(Path path, const PatchOptions& options)
    : Patch(options), path_(std::move(path)) {}

void PathPatch::set_path(Path path) {
  path_ = std::move(path);
  set_stale();
}

}  // namespace strata
