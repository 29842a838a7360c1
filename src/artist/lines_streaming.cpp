// SPDX-License-Identifier: MIT
// Line2D over a StreamingContainer: the line and its markers drawn chunk by chunk, so memory
// stays bounded by one chunk whatever the number of points. Each chunk's path starts at the
// previous chunk's last point (the line stays joined) and its dash pattern continues where
// the previous chunk's stopped.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <variant>

#include "strata/artist/axes.hpp"
#include "strata/artist/lines.hpp"
#include "strata/data/streaming.hpp"
#include "strata/error.hpp"

namespace strata {

namespace {

// The length in points of the finite segments of `path` after `affine` (pixels scaled back
// to points by the renderer's dpi), for the dash offset of the next chunk.
double display_length(const Path& path, const Affine2D& affine, double points_per_unit) {
  double len = 0;
  const auto& v = path.vertices();
  for (std::size_t i = 1; i < v.size(); ++i) {
    const Point a = affine.transform(v[i - 1]);
    const Point b = affine.transform(v[i]);
    if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(b.x) || !std::isfinite(b.y)) {
      continue;
    }
    len += std::hypot(b.x - a.x, b.y - a.y);
  }
  return len * points_per_unit;
}

}  // namespace

const StreamingContainer* Line2D::streaming() const {
  return dynamic_cast<const StreamingContainer*>(data_.get());
}

Bbox Line2D::streaming_data_limits(const StreamingContainer& data) const {
  const std::pair<std::uint64_t, std::uint64_t> key{data.id(), data.generation()};
  if (stream_lim_key_ == key) return stream_lim_;
  const Axes* ax = get_axes();
  const TransformPtr axes_to_data = ax ? ax->axes_to_data() : IdentityTransform::make();
  const Size px = ax ? ax->pixel_size() : Size{1, 1};
  const Bbox b = data.xy_limits(*axes_to_data, px);
  stream_lim_ = b;
  stream_lim_key_ = key;
  return b;
}

void Line2D::draw_markers_in_blocks(Renderer& renderer, const Column& xc, const Column& yc,
                                    const Transform& t) const {
  const Affine2D affine = t.get_affine();
  const std::size_t n = xc.size();
  std::vector<double> bx(kMarkerBlock), by(kMarkerBlock);
  std::vector<Point> pts;
  renderer.open_group("line2d", get_gid());
  for (std::size_t first = 0; first < n; first += kMarkerBlock) {
    const std::size_t m = std::min(kMarkerBlock, n - first);
    xc.copy_to(std::span<double>(bx.data(), m), first);
    yc.copy_to(std::span<double>(by.data(), m), first);
    pts.resize(m);
    for (std::size_t i = 0; i < m; ++i) pts[i] = {bx[i], by[i]};
    Path block(std::move(pts));
    if (!t.is_affine()) block = t.transform_path_non_affine(block);
    draw_marker_points(renderer, block, affine);
    pts = std::vector<Point>();
  }
  renderer.close_group("line2d");
}

void Line2D::draw_streaming(Renderer& renderer, const StreamingContainer& data) {
  if (!std::holds_alternative<std::monostate>(markevery_)) {
    throw ValueError(
        "Line2D: markevery is not supported for streamed data (StreamingContainer); "
        "subsample in the chunk source instead");
  }
  const Axes* ax = get_axes();
  const TransformPtr axes_to_data = ax ? ax->axes_to_data() : IdentityTransform::make();
  const Size px = ax ? ax->pixel_size() : Size{1, 1};
  const TransformPtr t = get_transform();
  const Affine2D affine = t->get_affine();
  const bool line = has_line() && linewidth_ > 0;
  const bool markers = !marker_.empty() && markersize_ > 0;
  const double points_per_unit = 1.0 / renderer.points_to_pixels(1.0);
  const bool dashed = line && !get_scaled_dashes().solid();

  renderer.open_group("line2d", get_gid());
  bool have_prev = false;
  Point prev{};
  double dash_offset = 0;
  std::vector<double> xs, ys;
  data.for_each_chunk(*axes_to_data, px, [&](const QueryResult& r) {
    const Column& xc = r.at("x");
    const Column& yc = r.at("y");
    if (xc.size() != yc.size()) {
      throw ValueError(fmt::format("Line2D: a chunk of the stream has {} x values and {} y values",
                                   xc.size(), yc.size()));
    }
    const std::size_t n = xc.size();
    if (n == 0) return;
    const std::size_t k = have_prev ? 1 : 0;
    xs.resize(n + k);
    ys.resize(n + k);
    if (have_prev) {
      xs[0] = prev.x;
      ys[0] = prev.y;
    }
    xc.copy_to(std::span<double>(xs.data() + k, n), 0);
    yc.copy_to(std::span<double>(ys.data() + k, n), 0);
    if (line) {
      std::vector<Point> pts;
      if (drawstyle_ == DrawStyle::default_style) {
        pts.resize(xs.size());
        for (std::size_t i = 0; i < xs.size(); ++i) pts[i] = {xs[i], ys[i]};
      } else {
        const StepPoints st = apply_drawstyle(drawstyle_, xs, ys);
        pts.resize(st.x.size());
        for (std::size_t i = 0; i < pts.size(); ++i) pts[i] = {st.x[i], st.y[i]};
      }
      const Path path = t->transform_path_non_affine(Path(std::move(pts)));
      stroke_line(renderer, path, affine, dash_offset);
      if (dashed) dash_offset += display_length(path, affine, points_per_unit);
    }
    if (markers) {
      std::vector<Point> pts(n);
      for (std::size_t i = 0; i < n; ++i) pts[i] = {xs[i + k], ys[i + k]};
      draw_marker_points(renderer, t->transform_path_non_affine(Path(std::move(pts))), affine);
    }
    prev = {xs.back(), ys.back()};
    have_prev = true;
  });
  renderer.close_group("line2d");
  set_stale(false);
}

}  // namespace strata
