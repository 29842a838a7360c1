// SPDX-License-Identifier: MIT
// CairoRenderer::draw_glyphs: text on every target.
//
// - Raster: the glyph coverage comes from the text layer (GlyphSource::glyph_bitmap, made by
//   FreeType exactly as matplotlib's FT2Font makes it), is OR-combined into one string bitmap
//   and placed by matplotlib's rules (reference §7 rules 3-6), then composited through
//   cairo_mask with the text color: pixel-identical to matplotlib's Agg for horizontal text.
//   Rotated text is rendered the same way and the string bitmap is rotated about matplotlib's
//   anchor (rule 7), resampled by Cairo's best filter (pixman's Lanczos-like kernel; Agg uses
//   spline36).
// - Mathtext on raster output arrives as one coverage image made by the text layer
//   (draw_text_image), composited the same way.
// - PDF and PS: the glyphs are shown in the real font (a cairo-ft face made from the font
//   file's bytes; Cairo embeds a subset) with the run's text and clusters, so the text can be
//   selected and extracted.
// - SVG, and rasterized parts of vector output: the glyph outlines are filled as paths
//   (matplotlib's svg.fonttype 'path'). With svg.fonttype 'none' the lines never get here:
//   draw_text_element (cairo_svg_text.cpp) writes them as <text>.
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <numbers>

#include "cairo_renderer.hpp"

namespace strata::cairo_backend {

namespace {

/// Python's round(): half to even (the default floating-point rounding mode).
double round_half_even(double v) { return std::nearbyint(v); }

bool is_font_target(cairo_t* cr) {
  const cairo_surface_type_t t = cairo_surface_get_type(cairo_get_target(cr));
  return t == CAIRO_SURFACE_TYPE_PDF || t == CAIRO_SURFACE_TYPE_PS;
}

// ---- Cairo font faces for embedding, one per glyph source, kept for the process ----

struct FaceCache {
  std::mutex mutex;
  FT_Library library = nullptr;
  struct Entry {
    std::shared_ptr<const GlyphSource> source;  // keeps the font bytes alive
    cairo_font_face_t* face = nullptr;
  };
  std::map<const GlyphSource*, Entry> faces;
};

FaceCache& face_cache() {
  static auto* cache = new FaceCache();  // never destroyed: Cairo may hold the faces to exit
  return *cache;
}

/// A cairo-ft face for `source`'s font file, or null when it has none.
cairo_font_face_t* cairo_face_for(const std::shared_ptr<const GlyphSource>& source) {
  const FontFile file = source->font_file();
  if (file.data.empty()) return nullptr;
  FaceCache& cache = face_cache();
  std::lock_guard lock(cache.mutex);
  if (auto it = cache.faces.find(source.get()); it != cache.faces.end()) return it->second.face;
  if (cache.library == nullptr && FT_Init_FreeType(&cache.library) != 0) {
    cache.library = nullptr;
    return nullptr;
  }
  FT_Face ft_face = nullptr;
  if (FT_New_Memory_Face(cache.library, file.data.data(), static_cast<FT_Long>(file.data.size()),
                         file.face_index, &ft_face) != 0) {
    return nullptr;
  }
  cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(ft_face, FT_LOAD_NO_HINTING);
  if (cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS) {
    cairo_font_face_destroy(face);
    FT_Done_Face(ft_face);
    return nullptr;
  }
  cache.faces.emplace(source.get(), FaceCache::Entry{source, face});
  return face;
}

/// Cairo text clusters for a run whose `clusters` are byte offsets into `text`, in logical
/// order (forward) or reversed (right to left). Empty when they cannot be expressed.
std::vector<cairo_text_cluster_t> text_clusters(const GlyphRun& run, std::size_t n,
                                                cairo_text_cluster_flags_t& flags) {
  std::vector<cairo_text_cluster_t> out;
  if (run.text.empty() || run.clusters.size() < n || n == 0) return out;
  const auto& c = run.clusters;
  bool forward = true, backward = true;
  for (std::size_t i = 1; i < n; ++i) {
    forward = forward && c[i] >= c[i - 1];
    backward = backward && c[i] <= c[i - 1];
  }
  if (!forward && !backward) return out;
  flags = forward ? cairo_text_cluster_flags_t{} : CAIRO_TEXT_CLUSTER_FLAG_BACKWARD;
  // Walk the glyphs in logical order (from the end of the array when backward).
  std::vector<std::uint32_t> logical;
  logical.reserve(n);
  for (std::size_t k = 0; k < n; ++k) logical.push_back(c[forward ? k : n - 1 - k]);
  if (logical.front() != 0 || logical.back() >= run.text.size()) return {};
  std::size_t k = 0;
  while (k < n) {
    std::size_t j = k;
    while (j < n && logical[j] == logical[k]) ++j;
    const std::size_t end = j < n ? logical[j] : run.text.size();
    out.push_back({static_cast<int>(end - logical[k]), static_cast<int>(j - k)});
    k = j;
  }
  return out;
}

/// Adds `path` after `t` to the current path of `cr`.
void append_path(cairo_t* cr, const Path& path, const Affine2D& t) {
  const auto& v = path.vertices();
  Point last{};
  for (std::size_t i = 0; i < v.size();) {
    switch (path.code(i)) {
      case PathCode::moveto:
        last = t.transform(v[i]);
        cairo_move_to(cr, last.x, last.y);
        ++i;
        break;
      case PathCode::lineto:
        last = t.transform(v[i]);
        cairo_line_to(cr, last.x, last.y);
        ++i;
        break;
      case PathCode::curve3: {
        if (i + 1 >= v.size()) return;
        const Point q = t.transform(v[i]), p = t.transform(v[i + 1]);
        // The quadratic as a cubic.
        cairo_curve_to(cr, last.x + 2.0 / 3.0 * (q.x - last.x), last.y + 2.0 / 3.0 * (q.y - last.y),
                       p.x + 2.0 / 3.0 * (q.x - p.x), p.y + 2.0 / 3.0 * (q.y - p.y), p.x, p.y);
        last = p;
        i += 2;
        break;
      }
      case PathCode::curve4: {
        if (i + 2 >= v.size()) return;
        const Point c1 = t.transform(v[i]), c2 = t.transform(v[i + 1]);
        last = t.transform(v[i + 2]);
        cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, last.x, last.y);
        i += 3;
        break;
      }
      case PathCode::closepoly:
        cairo_close_path(cr);
        ++i;
        break;
      case PathCode::stop:
        return;
    }
  }
}

/// matplotlib's FT2Font::draw_glyphs_to_bitmap plus RendererAgg.draw_text placement.
void draw_bitmap_text(cairo_t* cr, const GlyphRun& run, std::size_t n, double x_dev, double y_dev,
                      double angle_deg) {
  std::vector<GlyphBitmap> glyphs;
  glyphs.reserve(n);
  std::int64_t xmin = 32000, ymin = 32000, xmax = -32000, ymax = -32000;  // FT2Font's start
  for (std::size_t i = 0; i < n; ++i) {
    glyphs.push_back(run.source->glyph_bitmap(run.glyph_ids[i], run.size_px, run.positions[i]));
    const GlyphBitmap& g = glyphs.back();
    xmin = std::min(xmin, g.xmin);
    ymin = std::min(ymin, g.ymin);
    xmax = std::max(xmax, g.xmax);
    ymax = std::max(ymax, g.ymax);
  }
  if (xmin > xmax) xmin = ymin = xmax = ymax = 0;
  // The string bitmap: (box in whole pixels, truncated) + 2 in each direction.
  const auto width = static_cast<int>((xmax - xmin) / 64 + 2);
  const auto height = static_cast<int>((ymax - ymin) / 64 + 2);
  SurfacePtr mask(cairo_image_surface_create(CAIRO_FORMAT_A8, width, height));
  check(mask.get(), "draw_glyphs: mask");
  cairo_surface_flush(mask.get());
  unsigned char* data = cairo_image_surface_get_data(mask.get());
  const int stride = cairo_image_surface_get_stride(mask.get());
  const double xmin_px = static_cast<double>(xmin) / 64.0;
  const double ymax_px = static_cast<double>(ymax) / 64.0;
  for (const GlyphBitmap& g : glyphs) {
    // Truncation toward zero, as the C casts in FT2Font.
    const auto gx = static_cast<int>(g.left - xmin_px);
    const auto gy = static_cast<int>(ymax_px - g.top + 1);
    const int x0 = std::clamp(gx, 0, width), x1 = std::clamp(gx + g.width, 0, width);
    const int y0 = std::clamp(gy, 0, height), y1 = std::clamp(gy + g.rows, 0, height);
    for (int row = y0; row < y1; ++row) {
      unsigned char* dst = data + static_cast<std::ptrdiff_t>(row) * stride;
      const std::uint8_t* src =
          g.coverage.data() + static_cast<std::ptrdiff_t>(row - gy) * g.width - gx;
      for (int col = x0; col < x1; ++col) dst[col] |= src[col];  // coverage OR-combined
    }
  }
  cairo_surface_mark_dirty(mask.get());

  // RendererAgg.draw_text: x = round(x + xmin + d sin a), y = round(y + d cos a), then the
  // image's bottom-left corner at (x, y + 1), y down; the descent d may be negative.
  const double descent = -static_cast<double>(ymin) / 64.0;
  const double a = angle_deg * std::numbers::pi / 180.0;
  const double xi = round_half_even(x_dev + xmin_px + descent * std::sin(a));
  const double yi = round_half_even(y_dev + descent * std::cos(a)) + 1.0;
  if (angle_deg == 0.0) {
    cairo_mask_surface(cr, mask.get(), xi, yi - height);
  } else {
    cairo_translate(cr, xi, yi);
    cairo_rotate(cr, -a);
    PatternPtr pattern(cairo_pattern_create_for_surface(mask.get()));
    cairo_matrix_t m;
    cairo_matrix_init_translate(&m, 0, height);  // pattern space: the bitmap's top-left
    cairo_pattern_set_matrix(pattern.get(), &m);
    cairo_pattern_set_filter(pattern.get(), CAIRO_FILTER_BEST);
    cairo_pattern_set_extend(pattern.get(), CAIRO_EXTEND_NONE);
    cairo_mask(cr, pattern.get());
  }
}

}  // namespace

void CairoRenderer::draw_glyphs(const GraphicsContext& gc, const GlyphRun& run, double x, double y,
                                double angle_deg) {
  if (!run.source) return;
  const std::size_t n = std::min(run.glyph_ids.size(), run.positions.size());
  if (n == 0 || !std::isfinite(x) || !std::isfinite(y) || !std::isfinite(angle_deg)) return;
  if (!(run.size_px > 0) || !std::isfinite(run.size_px)) return;
  const Rgba color = gc.effective_color();
  if (color.a <= 0) return;
  const double x_dev = x, y_dev = height() - y;  // y down
  const double a = angle_deg * std::numbers::pi / 180.0;

  cairo_save(cr_);
  apply_clip(gc);
  cairo_set_source_rgba(cr_, color.r, color.g, color.b, color.a);
  if (raster_target() && run.source->has_bitmaps()) {
    draw_bitmap_text(cr_, run, n, x_dev, y_dev, angle_deg);
  } else if (cairo_font_face_t* face =
                 (kind_ == SurfaceKind::vector && rasterize_depth_ == 0 && is_font_target(cr_))
                     ? cairo_face_for(run.source)
                     : nullptr) {
    cairo_set_font_face(cr_, face);
    cairo_set_font_size(cr_, run.size_px);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(cr_, options);
    cairo_font_options_destroy(options);
    cairo_translate(cr_, x_dev, y_dev);
    cairo_rotate(cr_, -a);
    std::vector<cairo_glyph_t> glyphs(n);
    for (std::size_t i = 0; i < n; ++i) {
      glyphs[i] = {run.glyph_ids[i], run.positions[i].x, -run.positions[i].y};
    }
    cairo_text_cluster_flags_t flags{};
    const std::vector<cairo_text_cluster_t> clusters = text_clusters(run, n, flags);
    if (!clusters.empty()) {
      cairo_show_text_glyphs(cr_, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                             static_cast<int>(n), clusters.data(),
                             static_cast<int>(clusters.size()), flags);
    } else {
      cairo_show_glyphs(cr_, glyphs.data(), static_cast<int>(n));
    }
  } else {
    // Outlines: position, then the run's rotation about its origin, then y down.
    const Affine2D place = Affine2D().rotate(a).then(Affine2D(1, 0, 0, -1, x_dev, y_dev));
    cairo_new_path(cr_);
    for (std::size_t i = 0; i < n; ++i) {
      const Path outline = run.source->glyph_outline(run.glyph_ids[i], run.size_px);
      if (outline.empty()) continue;
      append_path(cr_, outline,
                  Affine2D::from_translation(run.positions[i].x, run.positions[i].y).then(place));
    }
    cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_WINDING);
    cairo_set_antialias(cr_, gc.antialiased ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
    cairo_fill(cr_);
  }
  cairo_restore(cr_);
  check(cr_, "draw_glyphs");
}

void CairoRenderer::draw_text_image(const GraphicsContext& gc, const TextImage& image, double x,
                                    double y) {
  if (image.width <= 0 || image.height <= 0 || !std::isfinite(x) || !std::isfinite(y)) return;
  const auto w = static_cast<std::size_t>(image.width);
  if (image.coverage.size() < w * static_cast<std::size_t>(image.height)) return;
  const Rgba color = gc.effective_color();
  if (color.a <= 0) return;
  SurfacePtr mask(cairo_image_surface_create(CAIRO_FORMAT_A8, image.width, image.height));
  check(mask.get(), "draw_text_image: mask");
  cairo_surface_flush(mask.get());
  unsigned char* data = cairo_image_surface_get_data(mask.get());
  const int stride = cairo_image_surface_get_stride(mask.get());
  for (int row = 0; row < image.height; ++row) {
    std::memcpy(data + static_cast<std::ptrdiff_t>(row) * stride,
                image.coverage.data() + static_cast<std::size_t>(row) * w, w);
  }
  cairo_surface_mark_dirty(mask.get());
  cairo_save(cr_);
  apply_clip(gc);
  cairo_set_source_rgba(cr_, color.r, color.g, color.b, color.a);
  cairo_mask_surface(cr_, mask.get(), x, height() - y);  // the top-left corner, y down
  cairo_restore(cr_);
  check(cr_, "draw_text_image");
}

}  // namespace strata::cairo_backend
