// SPDX-License-Identifier: MIT
// shape() and measure(): one line of UTF-8 text into glyph runs, with matplotlib's pen
// positions (FT2Font::set_text) and metrics (RendererAgg.get_text_width_height_descent).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "strata/error.hpp"
#include "text/ft_font.hpp"
#include "text/shape_internal.hpp"

namespace strata {

namespace {
thread_local TextMetricsMode t_metrics_mode = TextMetricsMode::raster;
}  // namespace

TextMetricsMode text_metrics_mode() { return t_metrics_mode; }

ScopedTextMetrics::ScopedTextMetrics(TextMetricsMode mode) : saved_(t_metrics_mode) {
  t_metrics_mode = mode;
}

ScopedTextMetrics::~ScopedTextMetrics() { t_metrics_mode = saved_; }

namespace text_detail {

namespace {

/// Code points that need real shaping: combining marks, joiners and direction controls,
/// right-to-left and the complex scripts (matplotlib does no shaping at all; for the rest
/// of Unicode its per-code-point layout is what we reproduce).
bool needs_shaping(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0483 && c <= 0x0489) ||
         (c >= 0x0590 && c <= 0x08FF) ||  // Hebrew, Arabic, Syriac, Thaana, NKo, ...
         (c >= 0x0900 && c <= 0x0DFF) ||  // Indic
         (c >= 0x0E00 && c <= 0x0FFF) ||  // Thai, Lao, Tibetan
         (c >= 0x1000 && c <= 0x109F) ||  // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||  // Khmer
         (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x200C && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xA8E0 && c <= 0xA8FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) ||
         (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10A00 && c <= 0x10A5F) ||
         (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0100 && c <= 0xE01EF);
}

bool is_combining(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D;
}

const FtFont& ft(const FontPtr& f) {
  const auto* p = dynamic_cast<const FtFont*>(f.get());
  STRATA_ASSERT(p != nullptr, "font manager returned a face that is not an FtFont");
  return *p;
}

}  // namespace

std::vector<Decoded> decode_utf8(std::string_view s) {
  std::vector<Decoded> out;
  out.reserve(s.size());
  std::size_t i = 0;
  auto fail = [&](std::size_t at) {
    throw ValueError(fmt::format("invalid UTF-8 in text at byte {}", at));
  };
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 < 0x80) {
      len = 1;
      cp = b0;
    } else if ((b0 & 0xE0) == 0xC0) {
      len = 2;
      cp = b0 & 0x1Fu;
      min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
      len = 3;
      cp = b0 & 0x0Fu;
      min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
      len = 4;
      cp = b0 & 0x07u;
      min = 0x10000;
    } else {
      fail(i);
    }
    if (i + len > s.size()) fail(i);
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) fail(i);
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) fail(i);
    out.push_back({cp, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(len)});
    i += len;
  }
  return out;
}

double em_size_px(double points, double dpi) {
  if (!std::isfinite(points) || points < 0) {
    throw ValueError(fmt::format("font size must be a finite number of points, got {}", points));
  }
  if (!std::isfinite(dpi) || dpi <= 0) {
    throw ValueError(fmt::format("dpi must be positive, got {}", dpi));
  }
  // matplotlib: set_size clamps to 1 pt; FT2Font takes the size in 1/64 point.
  const double pt = std::floor(std::max(points, 1.0) * 64.0) / 64.0;
  return pt * dpi / 72.0;
}

ShapedLine shape_line(std::string_view utf8, const FontProperties& props, double dpi) {
  const std::vector<Decoded> text = decode_utf8(utf8);
  ShapedLine line;
  if (text.empty()) return line;
  const TextMetricsMode mode = text_metrics_mode();
  // matplotlib's vector backends measure with LOAD_NO_HINTING (RendererPDFPSBase and
  // TextToPath.get_text_width_height_descent) and place glyphs at linear advances plus
  // kerning (_text_helpers.layout); Agg measures and places with the hinted advances.
  // TextToPath (SVG) does so at 100 pt and 72 dpi and scales by size / 100.
  const bool hinted = mode == TextMetricsMode::raster;
  const bool text_path = mode == TextMetricsMode::text_path;
  const double size = text_path ? em_size_px(100.0, 72.0) : em_size_px(props.size, dpi);
  line.scale = text_path ? std::max(props.size, 1.0) / 100.0 * dpi / 72.0 : 1.0;
  const std::vector<FontPtr> chain = find_fonts(props);
  double vector_pen = 0.0;  // the unhinted pen in pixels (vector placement)

  // The face of each code point: the first of the chain that has it (a combining mark stays
  // with its base when that face has it), else the first face's .notdef.
  std::vector<std::size_t> face(text.size(), 0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i].cp;
    if (i > 0 && is_combining(c) && chain[face[i - 1]]->glyph_index(c) != 0) {
      face[i] = face[i - 1];
      continue;
    }
    std::size_t f = 0;
    for (; f < chain.size(); ++f) {
      if (chain[f]->glyph_index(c) != 0) break;
    }
    face[i] = f < chain.size() ? f : 0;
  }

  std::int64_t pen = 0;
  std::uint32_t previous = 0;
  const FtFont* previous_font = nullptr;
  std::int64_t xmin = 32000, ymin = 32000, xmax = -32000, ymax = -32000;
  auto add_box = [&](const FtFont& f, std::uint32_t glyph, std::int64_t x, std::int64_t y) {
    const GlyphBox26 b = f.glyph_box26(glyph, size, hinted);
    // An empty outline's box is (0, 0, 0, 0) wherever its pen is (FT2Font::set_text).
    const std::int64_t dx = b.ink ? x : 0, dy = b.ink ? y : 0;
    xmin = std::min(xmin, b.xmin + dx);
    xmax = std::max(xmax, b.xmax + dx);
    ymin = std::min(ymin, b.ymin + dy);
    ymax = std::max(ymax, b.ymax + dy);
    return b;
  };

  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i + 1;
    while (j < text.size() && face[j] == face[i]) ++j;
    const FontPtr& font_ptr = chain[face[i]];
    const FtFont& font = ft(font_ptr);
    GlyphRun run;
    run.source = font_ptr;
    run.size_px = text_path ? std::max(props.size, 1.0) * dpi / 72.0 : size;
    const std::uint32_t base = text[i].offset;
    run.text = std::string(utf8.substr(base, text[j - 1].offset + text[j - 1].length - base));
    const bool complex = std::any_of(text.begin() + static_cast<std::ptrdiff_t>(i),
                                     text.begin() + static_cast<std::ptrdiff_t>(j),
                                     [](const Decoded& d) { return needs_shaping(d.cp); });
    if (!complex) {
      // matplotlib's FT2Font::set_text: hinted advances plus FT_Get_Kerning / 8, in 26.6.
      for (std::size_t k = i; k < j; ++k) {
        const std::uint32_t glyph = font.glyph_index(text[k].cp);
        if (previous_font == &font && font.has_kerning() && previous != 0 && glyph != 0) {
          const std::int64_t kern = font.kerning26(previous, glyph, size);
          pen += kern;
          // RendererPdf.draw_text places glyphs with FT_KERNING_UNFITTED, TextToPath (SVG)
          // with FT_KERNING_DEFAULT. (RendererPS uses FT_KERNING_DEFAULT too; the vector
          // mode follows PDF, which puts PS kerned pairs up to 1/16 pt from matplotlib's.)
          vector_pen +=
              mode == TextMetricsMode::vector
                  ? static_cast<double>(font.kerning26(previous, glyph, size, true)) / 64.0
                  : static_cast<double>(kern) / 64.0;
        }
        const GlyphBox26 b = add_box(font, glyph, pen, 0);
        run.glyph_ids.push_back(glyph);
        run.positions.push_back({hinted ? static_cast<double>(pen) / 64.0 : vector_pen, 0.0});
        run.clusters.push_back(text[k].offset - base);
        pen += b.advance;
        vector_pen += static_cast<double>(b.linear_advance) / 65536.0;
        previous = glyph;
        previous_font = &font;
      }
    } else {
      std::vector<char32_t> cps;
      std::vector<std::uint32_t> clusters;
      for (std::size_t k = i; k < j; ++k) {
        cps.push_back(text[k].cp);
        clusters.push_back(text[k].offset - base);
      }
      // HarfBuzz's own advances; in vector mode continued from the unhinted pen.
      const double shift = hinted ? 0.0 : vector_pen - static_cast<double>(pen) / 64.0;
      for (const ShapedGlyph& g : font.shape_harfbuzz(cps, clusters, size)) {
        const std::int64_t x = pen + g.x_offset, y = g.y_offset;
        add_box(font, g.glyph, x, y);
        run.glyph_ids.push_back(g.glyph);
        run.positions.push_back(
            {static_cast<double>(x) / 64.0 + shift, static_cast<double>(y) / 64.0});
        run.clusters.push_back(g.cluster);
        pen += g.x_advance;
      }
      vector_pen = static_cast<double>(pen) / 64.0 + shift;
      previous = 0;
      previous_font = nullptr;
    }
    if (text_path) {
      for (Point& p : run.positions) p = {p.x * line.scale, p.y * line.scale};
    }
    line.runs.push_back(std::move(run));
    i = j;
  }
  if (xmin > xmax) xmin = ymin = xmax = ymax = 0;
  line.advance26 = pen;
  line.xmin26 = xmin;
  line.ymin26 = ymin;
  line.xmax26 = xmax;
  line.ymax26 = ymax;
  return line;
}

}  // namespace text_detail

std::vector<GlyphRun> shape(std::string_view utf8, const FontProperties& props, double dpi) {
  return text_detail::shape_line(utf8, props, dpi).runs;
}

TextMetrics measure(std::string_view utf8, const FontProperties& props, double dpi) {
  const text_detail::ShapedLine line = text_detail::shape_line(utf8, props, dpi);
  // TextToPath: w / 64 * scale (the product after the division, as matplotlib).
  return {static_cast<double>(line.advance26) / 64.0 * line.scale,
          static_cast<double>(line.ymax26 - line.ymin26) / 64.0 * line.scale,
          static_cast<double>(-line.ymin26) / 64.0 * line.scale};
}

}  // namespace strata
