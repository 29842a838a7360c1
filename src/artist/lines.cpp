// SPDX-License-Identifier: MIT
#include "strata/artist/lines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "strata/artist/axes.hpp"
#include "strata/artist/patches.hpp"
#include "strata/data/array_container.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

namespace {

DataContainerPtr make_xy(std::span<const double> xs, std::span<const double> ys) {
  if (xs.size() != ys.size()) {
    throw ValueError(
        fmt::format("x and y must have same first dimension, but have shapes ({},) "
                    "and ({},)",
                    xs.size(), ys.size()));
  }
  return std::make_shared<ArrayContainer>(std::map<std::string, DataRef>{{"x", xs}, {"y", ys}});
}

Rgba color_or_none(const Color& c) { return to_rgba(c); }

}  // namespace

Line2D::Line2D(DataContainerPtr data, const Line2DOptions& options) : data_(std::move(data)) {
  if (!data_) throw ValueError("Line2D: data container must not be null");
  const auto desc = data_->describe();
  if (!desc.contains("x") || !desc.contains("y")) {
    throw ValueError("Line2D: the data container must have fields 'x' and 'y'");
  }
  apply_options(options);
}

Line2D::Line2D(std::span<const double> xs, std::span<const double> ys, const Line2DOptions& options)
    : Line2D(make_xy(xs, ys), options) {}

void Line2D::apply_options(const Line2DOptions& o) {
  const RcParams p = rc();
  color_ = o.color ? to_rgba(*o.color) : p.get_color("lines.color");
  linewidth_ = p.get_double("lines.linewidth");
  if (o.linewidth) set_linewidth(*o.linewidth);
  linestyle_ = normalize_linestyle(o.linestyle ? *o.linestyle : p.get_string("lines.linestyle"));
  explicit_dashes_ = o.dashes;
  if (o.dashes) linestyle_ = "--";
  std::optional<FillStyle> fs;
  if (o.fillstyle) fs = parse_fillstyle(*o.fillstyle);
  marker_ = MarkerStyle(o.marker ? *o.marker : p.get_string("lines.marker"), fs);
  markersize_ = o.markersize.value_or(p.get_double("lines.markersize"));
  markeredgewidth_ = o.markeredgewidth.value_or(p.get_double("lines.markeredgewidth"));
  if (o.markeredgecolor) set_markeredgecolor(o.markeredgecolor);
  if (o.markerfacecolor) set_markerfacecolor(o.markerfacecolor);
  if (o.markerfacecoloralt) set_markerfacecoloralt(o.markerfacecoloralt);
  if (o.markevery) markevery_ = *o.markevery;
  if (o.drawstyle) drawstyle_ = parse_drawstyle(*o.drawstyle);
  dash_capstyle_ = parse_capstyle(o.dash_capstyle.value_or(p.get_string("lines.dash_capstyle")));
  solid_capstyle_ = parse_capstyle(o.solid_capstyle.value_or(p.get_string("lines.solid_capstyle")));
  dash_joinstyle_ =
      parse_joinstyle(o.dash_joinstyle.value_or(p.get_string("lines.dash_joinstyle")));
  solid_joinstyle_ =
      parse_joinstyle(o.solid_joinstyle.value_or(p.get_string("lines.solid_joinstyle")));
  antialiased_ = o.antialiased.value_or(p.get_bool("lines.antialiased"));
  if (o.alpha) set_alpha(o.alpha);
  set_zorder(o.zorder.value_or(2.0));
  if (o.clip_on) set_clip_on(*o.clip_on);
  if (o.visible) set_visible(*o.visible);
  if (o.label) set_label(*o.label);
}

void Line2D::set_data(std::span<const double> xs, std::span<const double> ys) {
  set_data(make_xy(xs, ys));
}

void Line2D::set_data(DataContainerPtr data) {
  if (!data) throw ValueError("Line2D.set_data: data container must not be null");
  data_ = std::move(data);
  cached_key_.reset();
  set_stale();
}

std::vector<double> Line2D::get_xdata() const {
  if (streaming()) {
    throw ValueError(
        "Line2D.get_xdata: the data is streamed (StreamingContainer); read it "
        "from its source");
  }
  const auto r = data_->query(*IdentityTransform::make(), {1, 1});
  return r.at("x").to_vector();
}

std::vector<double> Line2D::get_ydata() const {
  if (streaming()) {
    throw ValueError(
        "Line2D.get_ydata: the data is streamed (StreamingContainer); read it "
        "from its source");
  }
  const auto r = data_->query(*IdentityTransform::make(), {1, 1});
  return r.at("y").to_vector();
}

Bbox Line2D::get_data_limits() const {
  if (const StreamingContainer* sc = streaming()) return streaming_data_limits(*sc);
  const Axes* ax = get_axes();
  const QueryResult r = ax ? data_->query(*ax->axes_to_data(), ax->pixel_size())
                           : data_->query(*IdentityTransform::make(), {1, 1});
  return scan_data(r).limits;
}

void Line2D::set_color(const Color& color) {
  color_ = to_rgba(color);
  set_stale();
}

void Line2D::set_linewidth(double points) {
  if (!std::isfinite(points) || points < 0) {
    throw ValueError(fmt::format("linewidth must be a non-negative number, got {}", points));
  }
  linewidth_ = points;
  set_stale();
}

void Line2D::set_linestyle(std::string_view style) {
  linestyle_ = normalize_linestyle(style);
  explicit_dashes_.reset();
  set_stale();
}

void Line2D::set_dashes(Dashes dashes) {
  explicit_dashes_ = std::move(dashes);
  linestyle_ = "--";
  set_stale();
}

void Line2D::set_marker(std::string_view marker) {
  marker_ = MarkerStyle(marker, marker_.get_fillstyle());
  set_stale();
}

void Line2D::set_marker(MarkerStyle marker) {
  marker_ = std::move(marker);
  set_stale();
}

void Line2D::set_markersize(double points) {
  if (!std::isfinite(points) || points < 0) {
    throw ValueError(fmt::format("markersize must be a non-negative number, got {}", points));
  }
  markersize_ = points;
  set_stale();
}

void Line2D::set_markeredgewidth(double points) {
  if (!std::isfinite(points) || points < 0) {
    throw ValueError(fmt::format("markeredgewidth must be a non-negative number, got {}", points));
  }
  markeredgewidth_ = points;
  set_stale();
}

void Line2D::set_markeredgecolor(std::optional<Color> color) {
  markeredgecolor_ = color ? std::optional<Rgba>(color_or_none(*color)) : std::nullopt;
  markeredge_auto_ = !color;
  set_stale();
}

void Line2D::set_markerfacecolor(std::optional<Color> color) {
  markerfacecolor_ = color ? std::optional<Rgba>(color_or_none(*color)) : std::nullopt;
  markerface_auto_ = !color;
  set_stale();
}

void Line2D::set_markerfacecoloralt(std::optional<Color> color) {
  markerfacecoloralt_ = color ? std::optional<Rgba>(color_or_none(*color)) : std::nullopt;
  set_stale();
}

void Line2D::set_fillstyle(std::string_view fillstyle) {
  marker_ = marker_.with_fillstyle(parse_fillstyle(fillstyle));
  set_stale();
}

void Line2D::set_markevery(MarkEvery every) {
  markevery_ = std::move(every);
  set_stale();
}

void Line2D::set_drawstyle(std::string_view drawstyle) {
  drawstyle_ = parse_drawstyle(drawstyle);
  cached_key_.reset();
  set_stale();
}

bool Line2D::has_line() const { return !is_no_line(linestyle_); }

Dashes Line2D::get_scaled_dashes() const {
  const Dashes d = explicit_dashes_ ? *explicit_dashes_ : get_dash_pattern(linestyle_);
  return scale_dashes(d, linewidth_);
}

Rgba Line2D::get_markeredgecolor() const {
  if (!markeredge_auto_ && markeredgecolor_) return *markeredgecolor_;
  return color_;
}

Rgba Line2D::get_markerfacecolor() const {
  if (!markerface_auto_ && markerfacecolor_) return *markerfacecolor_;
  if (marker_.get_fillstyle() == FillStyle::none) return Rgba{0, 0, 0, 0};
  return color_;
}

void Line2D::refresh_path(const Transform& axes_to_data, Size pixels) const {
  const QueryResult r = data_->query(axes_to_data, pixels);
  const TransformPtr t = get_transform();
  if (cached_key_ && *cached_key_ == r.key && tpath_transform_ == t) return;
  const Column& xc = r.at("x");
  const Column& yc = r.at("y");
  if (xc.size() != yc.size()) {
    throw ValueError(fmt::format("Line2D: the data container returned {} x values and {} y values",
                                 xc.size(), yc.size()));
  }
  // The points straight from the columns, a block at a time (no whole-column temporaries).
  const std::size_t n = xc.size();
  std::vector<Point> pts;
  pts.reserve(n);
  {
    constexpr std::size_t kBlock = 2048;
    double bx[kBlock], by[kBlock];
    for (std::size_t first = 0; first < n; first += kBlock) {
      const std::size_t m = std::min(kBlock, n - first);
      xc.copy_to(std::span<double>(bx, m), first);
      yc.copy_to(std::span<double>(by, m), first);
      for (std::size_t i = 0; i < m; ++i) pts.push_back({bx[i], by[i]});
    }
  }
  if (drawstyle_ == DrawStyle::default_style) {
    points_tpath_ = TransformedPath::make(Path(std::move(pts)), t);
    tpath_ = points_tpath_;
  } else {
    const std::vector<double> xs = xc.to_vector();
    const std::vector<double> ys = yc.to_vector();
    points_tpath_ = TransformedPath::make(Path(std::move(pts)), t);
    const StepPoints st = apply_drawstyle(drawstyle_, xs, ys);
    std::vector<Point> sp(st.x.size());
    for (std::size_t i = 0; i < sp.size(); ++i) sp[i] = {st.x[i], st.y[i]};
    tpath_ = TransformedPath::make(Path(std::move(sp)), t);
  }
  tpath_transform_ = t;
  cached_key_ = r.key;
  ++rebuilds_;
}

void Line2D::stroke_line(Renderer& renderer, const Path& path, const Affine2D& affine,
                         double dash_offset) const {
  if (path.empty() || !has_line() || linewidth_ <= 0) return;
  const auto alpha = get_alpha();
  GraphicsContext gc = new_gc();
  gc.alpha.reset();
  gc.antialiased = antialiased_;
  gc.linewidth = linewidth_;
  gc.dashes = get_scaled_dashes();
  gc.dashes.offset += dash_offset;
  const bool dashed = !gc.dashes.solid();
  gc.capstyle = dashed ? dash_capstyle_ : solid_capstyle_;
  gc.joinstyle = dashed ? dash_joinstyle_ : solid_joinstyle_;
  gc.color = alpha ? color_.with_alpha(*alpha) : color_;
  renderer.draw_path(gc, path, affine, std::nullopt);
}

void Line2D::draw_marker_points(Renderer& renderer, const Path& points,
                                const Affine2D& affine) const {
  if (points.empty() || marker_.empty() || markersize_ <= 0) return;
  const auto alpha = get_alpha();
  auto with_alpha = [&](Rgba c) { return alpha ? c.with_alpha(*alpha) : c; };
  GraphicsContext gc = new_gc();
  gc.alpha.reset();
  gc.linewidth = markeredgewidth_;
  gc.antialiased = antialiased_;
  Rgba fc = with_alpha(get_markerfacecolor());
  Rgba ec = with_alpha(get_markeredgecolor());
  // An automatic edge color takes the face color's alpha unless the face is "none".
  const bool face_none = markerface_auto_
                             ? marker_.get_fillstyle() == FillStyle::none
                             : (markerfacecolor_ && *markerfacecolor_ == Rgba{0, 0, 0, 0});
  if (markeredge_auto_ && !face_none) ec.a = fc.a;
  gc.color = ec;
  const double w = renderer.points_to_pixels(markersize_);
  if (const auto snap = marker_.get_snap_threshold()) {
    gc.snap = w >= *snap;
  }
  gc.joinstyle = marker_.get_joinstyle();
  gc.capstyle = marker_.get_capstyle();
  Affine2D mtrans = marker_.get_transform();
  if (marker_.get_marker() == ",") {
    gc.linewidth = 0;
  } else {
    mtrans = mtrans.then(Affine2D().scale(w, w));
  }
  std::optional<Rgba> fill;
  if (marker_.is_filled() && fc.a > 0) fill = fc;
  renderer.draw_markers(gc, marker_.get_path(), mtrans, points, affine, fill);
  if (const auto& alt = marker_.get_alt_path()) {
    const Affine2D at =
        marker_.get_alt_transform().value_or(Affine2D()).then(Affine2D().scale(w, w));
    Rgba fca = markerfacecoloralt_ ? with_alpha(*markerfacecoloralt_) : Rgba{0, 0, 0, 0};
    std::optional<Rgba> afill;
    if (fca.a > 0) afill = fca;
    renderer.draw_markers(gc, *alt, at, points, affine, afill);
  }
}

void Line2D::draw(Renderer& renderer) {
  if (!get_visible()) return;
  if (const StreamingContainer* sc = streaming()) {
    draw_streaming(renderer, *sc);
    return;
  }
  const Axes* ax = get_axes();
  // Markers only (no line), no markevery, many points: drawn a block of points at a time
  // straight from the columns, so no full-size Path is ever built (markers are independent
  // and drawn in order: the same pixels).
  if (!has_line() && !marker_.empty() && markersize_ > 0 &&
      std::holds_alternative<std::monostate>(markevery_)) {
    const QueryResult r = ax ? data_->query(*ax->axes_to_data(), ax->pixel_size())
                             : data_->query(*IdentityTransform::make(), {1, 1});
    const Column& xc = r.at("x");
    const Column& yc = r.at("y");
    if (xc.size() == yc.size() && xc.size() > kMarkerBlock) {
      draw_markers_in_blocks(renderer, xc, yc, *get_transform());
      set_stale(false);
      return;
    }
  }
  // A huge sorted series drawn as a solid line without markers on raster output: reduced
  // to the renderer's columns straight from the data (same pixels, no full-size Path).
  const double column_width = renderer.polyline_column_width();
  const TransformPtr t = get_transform();
  if (column_width > 0 && t->is_affine() && marker_.empty() &&
      drawstyle_ == DrawStyle::default_style && has_line() && linewidth_ > 0 &&
      get_scaled_dashes().solid()) {
    const QueryResult r = ax ? data_->query(*ax->axes_to_data(), ax->pixel_size())
                             : data_->query(*IdentityTransform::make(), {1, 1});
    const Affine2D affine = t->get_affine();
    if (!(reduced_ && reduced_->key == r.key && reduced_->transform == affine &&
          reduced_->width == column_width)) {
      reduced_.reset();
      if (auto p = reduced_polyline(r, affine, column_width)) {
        reduced_ = Reduced{r.key, affine, column_width, std::move(*p)};
      }
    }
    if (reduced_) {
      renderer.open_group("line2d", get_gid());
      stroke_line(renderer, reduced_->path, affine, 0.0);
      renderer.close_group("line2d");
      set_stale(false);
      return;
    }
  }
  if (ax) {
    refresh_path(*ax->axes_to_data(), ax->pixel_size());
  } else {
    refresh_path(*IdentityTransform::make(), {1, 1});
  }
  renderer.open_group("line2d", get_gid());
  {
    const auto [path, affine] = tpath_->get_transformed_path_and_affine();
    stroke_line(renderer, path, affine, 0.0);
  }
  if (!marker_.empty() && markersize_ > 0) {
    const auto [pts, affine] = points_tpath_->get_transformed_points_and_affine();
    if (!pts.empty()) {
      Path subsampled = pts;
      if (!std::holds_alternative<std::monostate>(markevery_)) {
        std::vector<Point> disp(pts.size());
        for (std::size_t i = 0; i < pts.size(); ++i) disp[i] = affine.transform(pts.vertices()[i]);
        const Bbox axbox = ax ? ax->get_window_extent() : Bbox::unit();
        const auto idx = markevery_indices(markevery_, disp, axbox);
        std::vector<Point> sel;
        sel.reserve(idx.size());
        for (std::size_t i : idx) sel.push_back(pts.vertices()[i]);
        subsampled = Path(std::move(sel));
      }
      draw_marker_points(renderer, subsampled, affine);
    }
  }
  renderer.close_group("line2d");
  set_stale(false);
}

Bbox Line2D::get_window_extent() const {
  if (streaming()) {
    // The data limits' corners in display space (one pass over the chunks, cached).
    const Bbox d = get_data_limits();
    if (d.is_null()) return Bbox::null();
    return get_transform()->transform_bbox(d);
  }
  const Axes* ax = get_axes();
  if (ax) {
    refresh_path(*ax->axes_to_data(), ax->pixel_size());
  } else {
    refresh_path(*IdentityTransform::make(), {1, 1});
  }
  const Path full = points_tpath_->get_fully_transformed_path();
  Bbox b = Bbox::null();
  for (const Point& p : full.vertices()) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    b.x0 = std::min(b.x0, p.x);
    b.x1 = std::max(b.x1, p.x);
    b.y0 = std::min(b.y0, p.y);
    b.y1 = std::max(b.y1, p.y);
  }
  if (!marker_.empty() && !b.is_null()) {
    const double ms =
        (markersize_ / 72.0 * figure_dpi()) * 0.5 + markeredgewidth_ / 72.0 * figure_dpi() * 0.5;
    b.x0 -= ms;
    b.x1 += ms;
    b.y0 -= ms;
    b.y1 += ms;
  }
  return b;
}

AxLine::AxLine(Point xy1, std::optional<Point> xy2, std::optional<double> slope,
               const Line2DOptions& options)
    : Line2D(std::vector<double>{0, 1}, std::vector<double>{0, 1}, options),
      xy1_(xy1),
      xy2_(xy2),
      slope_(slope) {
  if (xy2_.has_value() == slope_.has_value()) {
    throw ValueError("Exactly one of 'xy2' and 'slope' must be given");
  }
  if (xy2_ && xy2_->x == xy1_.x && xy2_->y == xy1_.y) {
    throw ValueError(
        fmt::format("Cannot draw a line through two identical points (x=({}, {}), "
                    "y=({}, {}))",
                    xy1_.x, xy2_->x, xy1_.y, xy2_->y));
  }
}

TransformPtr AxLine::span_transform() const {
  const Axes& ax = *get_axes();
  const TransformPtr& ts = ax.transScale();
  const Point p1 = ts->transform(xy1_);
  double slope = 0;
  if (xy2_) {
    const Point p2 = ts->transform(*xy2_);
    slope = p2.x == p1.x ? std::numeric_limits<double>::infinity() : (p2.y - p1.y) / (p2.x - p1.x);
  } else {
    slope = *slope_;
  }
  const Bbox v = ts->transform_bbox(ax.view_lim()->get_points());
  Point start, stop;
  if (slope == 0) {
    start = {v.x0, p1.y};
    stop = {v.x1, p1.y};
  } else if (std::isinf(slope)) {
    start = {p1.x, v.y0};
    stop = {p1.x, v.y1};
  } else {
    std::array<Point, 4> c = {
        Point{v.x0, p1.y + (v.x0 - p1.x) * slope}, Point{v.x1, p1.y + (v.x1 - p1.x) * slope},
        Point{p1.x + (v.y0 - p1.y) / slope, v.y0}, Point{p1.x + (v.y1 - p1.y) / slope, v.y1}};
    std::sort(c.begin(), c.end(),
              [](Point a, Point b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    start = c[1];
    stop = c[2];
  }
  auto box = BboxNode::make(Bbox::from_extents(start.x, start.y, stop.x, stop.y));
  return BboxTransformTo::make(box) + (ax.transLimits() + ax.transAxes());
}

void AxLine::draw(Renderer& renderer) {
  if (!get_visible() || !get_axes()) return;
  set_transform(span_transform());
  Line2D::draw(renderer);
}

}  // namespace strata
