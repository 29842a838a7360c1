// SPDX-License-Identifier: MIT
// render_math: a math layout rasterized as matplotlib 3.6.3's Agg output rasterizes it
// (_mathtext.Output.to_raster with ft2font's FT2Font::draw_glyph_to_bitmap,
// FT2Image::draw_bitmap and FT2Image::draw_rect_filled).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include "strata/text/mathtext.hpp"

namespace strata {

namespace {

/// A C conversion of a double to an int (truncation toward zero), as the implicit conversions
/// at ft2font's int parameters; out-of-range values saturate.
int trunc_to_int(double v) {
  if (!(v > std::numeric_limits<int>::min()) || !(v < std::numeric_limits<int>::max())) {
    return v > 0 ? std::numeric_limits<int>::max() : std::numeric_limits<int>::min();
  }
  return static_cast<int>(v);
}

/// FT2Image::draw_bitmap: `g`'s coverage OR-combined into the image with its top-left pixel
/// at (x, y), clipped to the image.
void draw_bitmap(TextImage& im, const GlyphBitmap& g, int x, int y) {
  if (g.width <= 0 || g.rows <= 0) return;
  if (g.coverage.size() < static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.rows)) {
    return;
  }
  const int x1 = std::clamp(x, 0, im.width), x2 = std::clamp(x + g.width, 0, im.width);
  const int y1 = std::clamp(y, 0, im.height), y2 = std::clamp(y + g.rows, 0, im.height);
  for (int row = y1; row < y2; ++row) {
    std::uint8_t* dst = im.coverage.data() + static_cast<std::ptrdiff_t>(row) * im.width;
    const std::uint8_t* src = g.coverage.data() + static_cast<std::ptrdiff_t>(row - y) * g.width;
    for (int col = x1; col < x2; ++col) dst[col] |= src[col - x];
  }
}

/// FT2Image::draw_rect_filled(x0, y0, x1, y1): pixels x0..x1 and y0..y1, both inclusive,
/// clipped to the image. The arguments arrive as unsigned long there; a negative one becomes
/// huge and is clipped to the image's edge, so it fills nothing.
void draw_rect_filled(TextImage& im, double x0d, double y0d, double x1d, double y1d) {
  const auto to_index = [](double v, int limit) {
    return v < 0 ? limit : static_cast<int>(std::min(v, static_cast<double>(limit)));
  };
  const int x0 = to_index(x0d, im.width), y0 = to_index(y0d, im.height);
  const int x1 = x1d < 0 ? im.width : std::min(to_index(x1d, im.width) + 1, im.width);
  const int y1 = y1d < 0 ? im.height : std::min(to_index(y1d, im.height) + 1, im.height);
  for (int row = y0; row < y1; ++row) {
    std::uint8_t* dst = im.coverage.data() + static_cast<std::ptrdiff_t>(row) * im.width;
    std::fill(dst + x0, dst + std::max(x0, x1), std::uint8_t{255});
  }
}

}  // namespace

TextImage render_math(const MathLayout& layout) {
  const MathRaster& r = layout.raster;
  TextImage im;
  if (r.width <= 0 || r.height <= 0) return im;
  im.width = r.width;
  im.height = r.height;
  im.coverage.assign(static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height), 0);
  const std::size_t n = std::min(r.glyphs.size(), layout.glyphs.size());
  for (std::size_t i = 0; i < n; ++i) {
    const MathGlyph& g = layout.glyphs[i];
    const MathRasterGlyph& p = r.glyphs[i];
    if (!g.font || !g.font->has_bitmaps() || !(p.size_px > 0)) continue;
    // The glyph as loaded for layout, rendered with no sub-pixel offset (FT2Font's
    // draw_glyph_to_bitmap), at the truncated pen.
    const GlyphBitmap bm = g.font->glyph_bitmap(g.glyph_id, p.size_px, Point{0, 0});
    draw_bitmap(im, bm, trunc_to_int(p.x) + bm.left, trunc_to_int(p.top));
  }
  for (const MathRasterRect& rect : r.rects) {
    // Output.to_raster: a rule at least one pixel high, thin ones centred on their middle.
    const int height = std::max(trunc_to_int(rect.y2 - rect.y1) - 1, 0);
    int y = 0;
    if (height == 0) {
      const double center = (rect.y2 + rect.y1) / 2;
      y = trunc_to_int(center - (height + 1) / 2.0);
    } else {
      y = trunc_to_int(rect.y1);
    }
    draw_rect_filled(im, trunc_to_int(rect.x1), y, std::ceil(rect.x2), y + height);
  }
  return im;
}

}  // namespace strata
