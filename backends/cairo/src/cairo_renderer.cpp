// SPDX-License-Identifier: MIT
#include "cairo_renderer.hpp"

#include <algorithm>
#include <cmath>

#include "core/hatch.hpp"
#include "marker_disks.hpp"
#include "marker_stamp.hpp"

namespace strata::cairo_backend {

namespace {

void set_source(cairo_t* cr, const Rgba& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

cairo_line_cap_t to_cairo(CapStyle c) {
  switch (c) {
    case CapStyle::butt:
      return CAIRO_LINE_CAP_BUTT;
    case CapStyle::round:
      return CAIRO_LINE_CAP_ROUND;
    case CapStyle::projecting:
      return CAIRO_LINE_CAP_SQUARE;
  }
  return CAIRO_LINE_CAP_BUTT;
}

cairo_line_join_t to_cairo(JoinStyle j) {
  switch (j) {
    case JoinStyle::miter:
      return CAIRO_LINE_JOIN_MITER;
    case JoinStyle::round:
      return CAIRO_LINE_JOIN_ROUND;
    case JoinStyle::bevel:
      return CAIRO_LINE_JOIN_BEVEL;
  }
  return CAIRO_LINE_JOIN_ROUND;
}

bool visible(const Rgba& c) { return c.a > 0; }

}  // namespace

CairoRenderer::CairoRenderer(cairo_t* cr, double width, double height, double dpi, SurfaceKind kind,
                             double raster_dpi)
    : Renderer(width, height, dpi), cr_(cr), kind_(kind), raster_dpi_(raster_dpi) {}

CairoRenderer::~CairoRenderer() = default;

void CairoRenderer::apply_clip(const GraphicsContext& gc) {
  cairo_reset_clip(cr_);
  if (gc.clip_rectangle) {
    const Bbox& b = *gc.clip_rectangle;
    double x0 = b.xmin(), x1 = b.xmax();
    double y0 = height() - b.ymax(), y1 = height() - b.ymin();
    if (raster_target()) {
      // As Agg: the clip box is rounded to whole pixels.
      x0 = std::round(x0);
      x1 = std::round(x1);
      y0 = std::round(y0);
      y1 = std::round(y1);
    }
    cairo_rectangle(cr_, x0, y0, x1 - x0, y1 - y0);
    cairo_clip(cr_);
  }
  if (gc.clip_path && gc.clip_path->path) {
    cairo_new_path(cr_);
    emit_plain(*gc.clip_path->path, device(gc.clip_path->transform));
    cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_WINDING);
    cairo_clip(cr_);
  }
}

void CairoRenderer::apply_stroke_style(const GraphicsContext& gc) {
  const double lw = points_to_pixels(gc.linewidth);
  cairo_set_line_width(cr_, lw);
  cairo_set_line_cap(cr_, to_cairo(gc.capstyle));
  cairo_set_line_join(cr_, to_cairo(gc.joinstyle));
  cairo_set_miter_limit(cr_, std::max(lw, 1.0));
  if (gc.dashes.solid()) {
    cairo_set_dash(cr_, nullptr, 0, 0);
  } else {
    std::vector<double> d(gc.dashes.pattern.size());
    bool any_positive = false;
    for (std::size_t i = 0; i < d.size(); ++i) {
      d[i] = points_to_pixels(std::max(0.0, gc.dashes.pattern[i]));
      any_positive = any_positive || d[i] > 0;
    }
    if (any_positive) {
      cairo_set_dash(cr_, d.data(), static_cast<int>(d.size()), points_to_pixels(gc.dashes.offset));
    } else {
      cairo_set_dash(cr_, nullptr, 0, 0);
    }
  }
}

void CairoRenderer::emit(const strata::detail::PipelineOutput& out) {
  const auto& v = out.vertices;
  const auto& c = out.codes;
  const std::size_t n = v.size();
  Point last{0, 0};
  for (std::size_t i = 0; i < n;) {
    switch (c[i]) {
      case PathCode::moveto:
        cairo_move_to(cr_, v[i].x, v[i].y);
        last = v[i];
        ++i;
        break;
      case PathCode::lineto:
        cairo_line_to(cr_, v[i].x, v[i].y);
        last = v[i];
        ++i;
        break;
      case PathCode::curve3: {
        if (i + 1 >= n) return;
        const Point q = v[i], p = v[i + 1];
        cairo_curve_to(cr_, last.x + 2.0 / 3.0 * (q.x - last.x),
                       last.y + 2.0 / 3.0 * (q.y - last.y), p.x + 2.0 / 3.0 * (q.x - p.x),
                       p.y + 2.0 / 3.0 * (q.y - p.y), p.x, p.y);
        last = p;
        i += 2;
        break;
      }
      case PathCode::curve4:
        if (i + 2 >= n) return;
        cairo_curve_to(cr_, v[i].x, v[i].y, v[i + 1].x, v[i + 1].y, v[i + 2].x, v[i + 2].y);
        last = v[i + 2];
        i += 3;
        break;
      case PathCode::closepoly:
        cairo_close_path(cr_);
        ++i;
        break;
      case PathCode::stop:
        return;
    }
  }
}

void CairoRenderer::emit_plain(const Path& path, const Affine2D& t) {
  strata::detail::PipelineOptions opts;
  opts.snap = false;
  opts.simplify = false;
  opts.reduce_columns = false;
  strata::detail::run_path_pipeline(path, t, opts, scratch_);
  emit(scratch_);
}

void CairoRenderer::hatch_current_path(const GraphicsContext& gc) {
  // One tile of one inch (matplotlib: density 6 per inch), repeated from the device origin so
  // that neighbouring patches line up. Line hatches are stroked; circle and star hatches are
  // closed shapes, filled and stroked, as matplotlib does.
  const double tile = dpi();
  const Path hatch = strata::detail::hatch_path(gc.hatch);
  const Rgba color = gc.effective_fill(gc.hatch_color);
  const double hatch_lw = points_to_pixels(gc.hatch_linewidth);
  auto paint_tile = [&](cairo_t* cr, const Affine2D& to_device) {
    cairo_t* saved = cr_;
    cr_ = cr;
    cairo_new_path(cr_);
    emit_plain(hatch, to_device);
    cr_ = saved;
    cairo_set_source_rgba(cr, color.r, color.g, color.b, color.a);
    cairo_fill_preserve(cr);
    cairo_set_line_width(cr, hatch_lw);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_stroke(cr);
  };
  if (cairo_surface_get_type(cairo_get_target(cr_)) == CAIRO_SURFACE_TYPE_IMAGE) {
    // Raster: the tile is rendered once and used as a repeating pattern.
    const int size = std::max(1, static_cast<int>(std::lround(tile)));
    SurfacePtr tile_surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size, size));
    check(tile_surface.get(), "hatch tile");
    ContextPtr tcr(cairo_create(tile_surface.get()));
    cairo_set_antialias(tcr.get(), gc.antialiased ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
    paint_tile(tcr.get(), Affine2D().scale(size, -size).translate(0, size));
    check(tcr.get(), "hatch tile");
    PatternPtr pattern(cairo_pattern_create_for_surface(tile_surface.get()));
    cairo_pattern_set_extend(pattern.get(), CAIRO_EXTEND_REPEAT);
    // The pattern is anchored at the device origin whatever the current matrix is.
    cairo_matrix_t m;
    cairo_get_matrix(cr_, &m);
    cairo_matrix_invert(&m);
    cairo_pattern_set_matrix(pattern.get(), &m);
    cairo_save(cr_);
    cairo_set_source(cr_, pattern.get());
    cairo_fill_preserve(cr_);
    cairo_restore(cr_);
    return;
  }
  // Vector: the hatch lines themselves, clipped to the path, tile by tile over its extents
  // (Cairo 1.16 leaks a recording surface used as a pattern source in PDF and SVG output).
  double x1, y1, x2, y2;
  cairo_fill_extents(cr_, &x1, &y1, &x2, &y2);
  cairo_path_t* outline = cairo_copy_path(cr_);
  cairo_save(cr_);
  cairo_clip(cr_);
  const int tx0 = static_cast<int>(std::floor(x1 / tile)),
            tx1 = static_cast<int>(std::ceil(x2 / tile));
  const int ty0 = static_cast<int>(std::floor(y1 / tile)),
            ty1 = static_cast<int>(std::ceil(y2 / tile));
  for (int ty = ty0; ty < ty1; ++ty) {
    for (int tx = tx0; tx < tx1; ++tx) {
      paint_tile(cr_, Affine2D().scale(tile, -tile).translate(tx * tile, (ty + 1) * tile));
    }
  }
  cairo_restore(cr_);
  cairo_new_path(cr_);
  cairo_append_path(cr_, outline);
  cairo_path_destroy(outline);
}

void CairoRenderer::draw_path(const GraphicsContext& gc, const Path& path,
                              const Affine2D& transform, const std::optional<Rgba>& fill) {
  if (path.empty()) return;
  const Rgba stroke = gc.effective_color();
  const bool do_stroke = gc.linewidth > 0 && visible(stroke);
  const bool do_fill = fill && visible(gc.effective_fill(*fill));
  const bool do_hatch = !gc.hatch.empty();
  if (!do_stroke && !do_fill && !do_hatch) return;

  strata::detail::PipelineOptions opts;
  if (!do_fill && !do_hatch) opts.clip = Bbox{-1, -1, width() + 1, height() + 1};
  opts.snap = gc.snap;
  opts.stroke_width_px = do_stroke ? points_to_pixels(gc.linewidth) : 0.0;
  opts.simplify = true;
  opts.reduce_columns = raster_target() && !do_fill && !do_hatch && gc.dashes.solid();
  opts.column_width = kPolylineColumnWidth;
  strata::detail::run_path_pipeline(path, device(transform), opts, scratch_);
  if (scratch_.vertices.empty()) return;

  cairo_save(cr_);
  apply_clip(gc);
  cairo_set_antialias(cr_, gc.antialiased ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
  cairo_new_path(cr_);
  emit(scratch_);
  if (do_fill) {
    set_source(cr_, gc.effective_fill(*fill));
    cairo_fill_preserve(cr_);
  }
  if (do_hatch) hatch_current_path(gc);
  if (do_stroke) {
    apply_stroke_style(gc);
    set_source(cr_, stroke);
    cairo_stroke(cr_);
  }
  cairo_new_path(cr_);
  cairo_restore(cr_);
  check(cr_, "draw_path");
}

void CairoRenderer::draw_markers(const GraphicsContext& gc, const Path& marker_path,
                                 const Affine2D& marker_transform, const Path& path,
                                 const Affine2D& transform, const std::optional<Rgba>& fill) {
  if (marker_path.empty() || path.empty()) return;
  const Affine2D t = device(transform);
  points_.clear();
  points_.reserve(path.size());
  const auto& v = path.vertices();
  for (std::size_t i = 0; i < v.size(); ++i) {
    const PathCode c = path.code(i);
    if (c == PathCode::closepoly || c == PathCode::stop) continue;
    const Point p = t.transform(v[i]);
    if (std::isfinite(p.x) && std::isfinite(p.y)) points_.push_back(p);
  }
  if (points_.empty()) return;
  if (raster_target() && !gc.clip_path && gc.hatch.empty()) {
    draw_markers_raster(gc, marker_path, marker_transform, points_, fill);
  } else {
    draw_markers_vector(gc, marker_path, marker_transform, points_, fill);
  }
}

void CairoRenderer::draw_markers_raster(const GraphicsContext& gc, const Path& marker_path,
                                        const Affine2D& marker_transform,
                                        std::span<const Point> device_points,
                                        const std::optional<Rgba>& fill) {
  const Stamp stamp = make_stamp(gc, marker_path, marker_transform, fill, dpi());
  if (stamp.oversized) {  // a marker too large to stamp: let Cairo draw each one
    draw_markers_vector(gc, marker_path, marker_transform, device_points, fill);
    return;
  }
  if (stamp.empty()) return;
  cairo_surface_t* target = cairo_get_target(cr_);
  cairo_surface_flush(target);
  const int w = cairo_image_surface_get_width(target);
  const int h = cairo_image_surface_get_height(target);
  PixelClip clip{0, 0, w, h};
  if (gc.clip_rectangle) {
    const Bbox& b = *gc.clip_rectangle;
    clip.x0 = std::max(clip.x0, static_cast<int>(std::lround(b.xmin())));
    clip.x1 = std::min(clip.x1, static_cast<int>(std::lround(b.xmax())));
    clip.y0 = std::max(clip.y0, static_cast<int>(std::lround(height() - b.ymax())));
    clip.y1 = std::min(clip.y1, static_cast<int>(std::lround(height() - b.ymin())));
  }
  if (clip.x0 < clip.x1 && clip.y0 < clip.y1) {
    blend_stamps(cairo_image_surface_get_data(target), cairo_image_surface_get_stride(target), clip,
                 stamp, device_points);
  }
  cairo_surface_mark_dirty(target);
}

void CairoRenderer::draw_markers_vector(const GraphicsContext& gc, const Path& marker_path,
                                        const Affine2D& marker_transform,
                                        std::span<const Point> device_points,
                                        const std::optional<Rgba>& fill) {
  // The marker outline is computed once and appended at every vertex. (Painting one
  // recording surface per vertex would define it once in PDF/SVG, but Cairo 1.16 leaks memory
  // for every such source.)
  const Rgba stroke = gc.effective_color();
  const bool do_fill = fill && visible(gc.effective_fill(*fill));
  const bool do_stroke = gc.linewidth > 0 && visible(stroke);
  const bool do_hatch = !gc.hatch.empty();
  if (!do_fill && !do_stroke && !do_hatch) return;
  cairo_save(cr_);
  apply_clip(gc);
  cairo_set_antialias(cr_, gc.antialiased ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
  apply_stroke_style(gc);
  cairo_new_path(cr_);
  // Marker paths are in display units about (0, 0): flip y about the origin only.
  emit_plain(marker_path, marker_transform.then(Affine2D(1, 0, 0, -1, 0, 0)));
  cairo_path_t* outline = cairo_copy_path(cr_);
  cairo_new_path(cr_);
  cairo_matrix_t base;
  cairo_get_matrix(cr_, &base);
  for (const Point& p : device_points) {
    cairo_matrix_t m = base;
    cairo_matrix_translate(&m, p.x, p.y);
    cairo_set_matrix(cr_, &m);
    cairo_append_path(cr_, outline);
    cairo_set_matrix(cr_, &base);
    if (do_fill) {
      set_source(cr_, gc.effective_fill(*fill));
      cairo_fill_preserve(cr_);
    }
    if (do_hatch) hatch_current_path(gc);
    if (do_stroke) {
      set_source(cr_, stroke);
      cairo_stroke(cr_);
    } else {
      cairo_new_path(cr_);
    }
  }
  cairo_path_destroy(outline);
  cairo_restore(cr_);
  check(cr_, "draw_markers");
}

void CairoRenderer::draw_path_collection(const GraphicsContext& gc,
                                         const Affine2D& master_transform,
                                         const PathCollection& pc) {
  // A uniform collection (one path, one transform, one face and edge color, one width, solid
  // lines) is a set of markers, as matplotlib routes it.
  const bool uniform = pc.paths.size() == 1 && pc.all_transforms.size() <= 1 &&
                       pc.facecolors.size() <= 1 && pc.edgecolors.size() <= 1 &&
                       pc.linewidths.size() <= 1 && pc.antialiaseds.size() <= 1 &&
                       (pc.dashes.empty() || (pc.dashes.size() == 1 && pc.dashes[0].solid())) &&
                       !pc.offsets.empty() && gc.hatch.empty();
  if (!uniform) {
    if (!draw_disk_collection(gc, master_transform, pc)) {
      Renderer::draw_path_collection(gc, master_transform, pc);
    }
    return;
  }
  GraphicsContext item = gc;
  if (pc.edgecolors.empty()) {
    item.linewidth = 0;
  } else {
    item.color = pc.edgecolors[0];
    if (!pc.linewidths.empty()) item.linewidth = pc.linewidths[0];
  }
  if (!pc.antialiaseds.empty()) item.antialiased = pc.antialiaseds[0];
  std::optional<Rgba> fill;
  if (!pc.facecolors.empty()) fill = pc.facecolors[0];
  const Affine2D marker_t =
      pc.all_transforms.empty() ? master_transform : pc.all_transforms[0].then(master_transform);
  draw_markers(item, pc.paths[0], marker_t,
               Path(std::vector<Point>(pc.offsets.begin(), pc.offsets.end())), pc.offset_transform,
               fill);
}

bool CairoRenderer::draw_disk_collection(const GraphicsContext& gc,
                                         const Affine2D& master_transform,
                                         const PathCollection& pc) {
  // Circles of per-item size and color (scatter with s and c arrays) on raster output:
  // blended analytically at their exact positions instead of one Cairo fill per marker.
  if (!raster_target() || gc.clip_path || !gc.hatch.empty() || pc.paths.size() != 1 ||
      pc.offsets.empty()) {
    return false;
  }
  if (!std::all_of(pc.dashes.begin(), pc.dashes.end(), [](const Dashes& d) { return d.solid(); }) ||
      !std::all_of(pc.antialiaseds.begin(), pc.antialiaseds.end(), [](bool a) { return a; }) ||
      (pc.antialiaseds.empty() && !gc.antialiased)) {
    return false;
  }
  const std::optional<double> radius = circle_radius(pc.paths[0]);
  if (!radius) return false;
  constexpr double kMaxRadiusPx = 256;
  const std::size_t no = pc.offsets.size();
  const std::size_t nt = pc.all_transforms.size();
  disks_.clear();
  disks_.reserve(no);
  for (std::size_t i = 0; i < no; ++i) {
    const Affine2D t =
        nt == 0 ? master_transform : pc.all_transforms[i % nt].then(master_transform);
    if (t.b != 0 || t.c != 0 || std::abs(t.a) != std::abs(t.d)) return false;
    const double r = *radius * std::abs(t.a);
    if (!(r <= kMaxRadiusPx)) return false;
    const Point o = pc.offset_transform.transform(pc.offsets[i]);
    DiskItem d;
    d.cx = o.x + t.e;
    d.cy = height() - (o.y + t.f);
    d.radius = r;
    if (!pc.facecolors.empty()) d.fill = gc.effective_fill(pc.facecolors[i % pc.facecolors.size()]);
    if (!pc.edgecolors.empty()) {
      GraphicsContext item = gc;
      item.color = pc.edgecolors[i % pc.edgecolors.size()];
      d.edge = item.effective_color();
      const double lw =
          pc.linewidths.empty() ? gc.linewidth : pc.linewidths[i % pc.linewidths.size()];
      d.edge_width = points_to_pixels(lw);
    }
    disks_.push_back(d);
  }
  cairo_surface_t* target = cairo_get_target(cr_);
  cairo_surface_flush(target);
  const int w = cairo_image_surface_get_width(target);
  const int h = cairo_image_surface_get_height(target);
  PixelClip clip{0, 0, w, h};
  if (gc.clip_rectangle) {
    const Bbox& b = *gc.clip_rectangle;
    clip.x0 = std::max(clip.x0, static_cast<int>(std::lround(b.xmin())));
    clip.x1 = std::min(clip.x1, static_cast<int>(std::lround(b.xmax())));
    clip.y0 = std::max(clip.y0, static_cast<int>(std::lround(height() - b.ymax())));
    clip.y1 = std::min(clip.y1, static_cast<int>(std::lround(height() - b.ymin())));
  }
  blend_disks(cairo_image_surface_get_data(target), cairo_image_surface_get_stride(target), clip,
              disks_);
  cairo_surface_mark_dirty(target);
  return true;
}

void CairoRenderer::draw_gouraud_triangles(const GraphicsContext& gc,
                                           std::span<const std::array<Point, 3>> triangles,
                                           std::span<const std::array<Rgba, 3>> colors,
                                           const Affine2D& transform) {
  const std::size_t n = std::min(triangles.size(), colors.size());
  if (n == 0) return;
  const Affine2D t = device(transform);
  PatternPtr mesh(cairo_pattern_create_mesh());
  for (std::size_t i = 0; i < n; ++i) {
    const auto& tri = triangles[i];
    const Point a = t.transform(tri[0]), b = t.transform(tri[1]), c = t.transform(tri[2]);
    if (!std::isfinite(a.x + a.y + b.x + b.y + c.x + c.y)) continue;
    cairo_mesh_pattern_begin_patch(mesh.get());
    cairo_mesh_pattern_move_to(mesh.get(), a.x, a.y);
    cairo_mesh_pattern_line_to(mesh.get(), b.x, b.y);
    cairo_mesh_pattern_line_to(mesh.get(), c.x, c.y);
    for (unsigned k = 0; k < 3; ++k) {
      const Rgba col = gc.effective_fill(colors[i][k]);
      cairo_mesh_pattern_set_corner_color_rgba(mesh.get(), k, col.r, col.g, col.b, col.a);
    }
    cairo_mesh_pattern_end_patch(mesh.get());
  }
  check(cairo_pattern_status(mesh.get()), "gouraud mesh");
  cairo_save(cr_);
  apply_clip(gc);
  cairo_set_source(cr_, mesh.get());
  cairo_new_path(cr_);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& tri = triangles[i];
    const Point a = t.transform(tri[0]), b = t.transform(tri[1]), c = t.transform(tri[2]);
    if (!std::isfinite(a.x + a.y + b.x + b.y + c.x + c.y)) continue;
    cairo_move_to(cr_, a.x, a.y);
    cairo_line_to(cr_, b.x, b.y);
    cairo_line_to(cr_, c.x, c.y);
    cairo_close_path(cr_);
  }
  cairo_set_antialias(cr_, gc.antialiased ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
  cairo_fill(cr_);
  cairo_restore(cr_);
  check(cr_, "draw_gouraud_triangles");
}

void CairoRenderer::draw_image(const GraphicsContext& gc, const Image& image, const Bbox& dest,
                               Interpolation interpolation) {
  if (image.width <= 0 || image.height <= 0) return;
  if (image.rgba.size() <
      static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4) {
    throw ValueError(fmt::format(
        "draw_image: image data has {} bytes, {}x{} RGBA needs {}", image.rgba.size(), image.width,
        image.height,
        static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4));
  }
  if (dest.width() == 0 || dest.height() == 0) return;
  SurfacePtr src(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height));
  check(src.get(), "draw_image");
  cairo_surface_flush(src.get());
  unsigned char* data = cairo_image_surface_get_data(src.get());
  const int stride = cairo_image_surface_get_stride(src.get());
  for (int y = 0; y < image.height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    const std::uint8_t* in =
        image.rgba.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) * 4;
    for (int x = 0; x < image.width; ++x, in += 4) {
      const std::uint32_t a = in[3];
      auto pm = [a](std::uint32_t c) {
        const std::uint32_t t = c * a + 128;
        return (t + (t >> 8)) >> 8;
      };
      row[x] = (a << 24) | (pm(in[0]) << 16) | (pm(in[1]) << 8) | pm(in[2]);
    }
  }
  cairo_surface_mark_dirty(src.get());

  // Device box: dest's top-left in device space, y down.
  const double x0 = dest.x0;
  const double y0 = height() - dest.y1;
  const double sx = dest.width() / image.width;
  const double sy = (dest.y1 - dest.y0) / image.height;
  cairo_save(cr_);
  apply_clip(gc);
  cairo_translate(cr_, x0, y0);
  cairo_scale(cr_, sx, sy);
  PatternPtr pattern(cairo_pattern_create_for_surface(src.get()));
  cairo_pattern_set_extend(pattern.get(), CAIRO_EXTEND_PAD);
  cairo_filter_t filter = CAIRO_FILTER_NEAREST;
  if (interpolation == Interpolation::bilinear) filter = CAIRO_FILTER_BILINEAR;
  if (interpolation == Interpolation::antialiased) filter = CAIRO_FILTER_GOOD;
  cairo_pattern_set_filter(pattern.get(), filter);
  cairo_set_source(cr_, pattern.get());
  cairo_rectangle(cr_, 0, 0, image.width, image.height);
  cairo_clip(cr_);
  cairo_paint_with_alpha(cr_, gc.alpha.value_or(1.0));
  cairo_restore(cr_);
  check(cr_, "draw_image");
}

void CairoRenderer::start_rasterizing() {
  if (kind_ != SurfaceKind::vector) return;
  if (rasterize_depth_++ > 0) return;
  const double scale = raster_dpi_ / dpi();
  const int w = std::max(1, static_cast<int>(std::ceil(width() * scale)));
  const int h = std::max(1, static_cast<int>(std::ceil(height() * scale)));
  raster_surface_.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  check(raster_surface_.get(), "start_rasterizing");
  raster_cr_.reset(cairo_create(raster_surface_.get()));
  cairo_scale(raster_cr_.get(), scale, scale);
  vector_cr_ = cr_;
  cr_ = raster_cr_.get();
}

void CairoRenderer::stop_rasterizing() {
  if (kind_ != SurfaceKind::vector || rasterize_depth_ == 0) return;
  if (--rasterize_depth_ > 0) return;
  cr_ = vector_cr_;
  vector_cr_ = nullptr;
  cairo_surface_flush(raster_surface_.get());
  const double scale = raster_dpi_ / dpi();
  cairo_save(cr_);
  cairo_reset_clip(cr_);
  cairo_scale(cr_, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface(cr_, raster_surface_.get(), 0, 0);
  cairo_paint(cr_);
  cairo_restore(cr_);
  raster_cr_.reset();
  raster_surface_.reset();
  check(cr_, "stop_rasterizing");
}

}  // namespace strata::cairo_backend
