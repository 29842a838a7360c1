// SPDX-License-Identifier: MIT
// Mathtext layout: is_math_text, layout_math (ship and matplotlib's Agg metrics) and
// math_to_drawing. Independent of the font manager (tests run it with fake fonts).
#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "strata/error.hpp"
#include "strata/text/mathtext.hpp"
#include "text/mathtext_boxes.hpp"

namespace strata {

namespace md = mathtext_detail;

bool is_math_text(std::string_view s) {
  // matplotlib cbook.is_math_text: count('$') - count('\$') is even and positive.
  std::size_t dollars = 0, escaped = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '$') {
      ++dollars;
      if (i > 0 && s[i - 1] == '\\') ++escaped;
    }
  }
  const std::size_t count = dollars - escaped;
  return count > 0 && count % 2 == 0;
}

namespace mathtext_detail {

MathLayout layout_math(std::string_view text, const MathFontTable& table, double fontsize,
                       double dpi, bool vector) {
  MathFonts fonts(table, vector);
  NodePtr box;
  if (is_math_text(text)) {
    box = parse_math(text, fonts, fontsize, dpi);
  } else {
    // Plain text: `\$` is a dollar; laid out as matplotlib's non-math part of mathtext.
    std::string plain;
    plain.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '$') continue;
      plain.push_back(text[i]);
    }
    // Escape every remaining '$' so that the parser sees no math.
    std::string escaped;
    escaped.reserve(plain.size() * 2);
    for (char c : plain) {
      if (c == '$') escaped.push_back('\\');
      escaped.push_back(c);
    }
    box = parse_math(escaped, fonts, fontsize, dpi);
  }
  ShipOutput out = ship(*box);

  // matplotlib Output.to_raster: the ink box of glyphs and rectangles (and the origin), grown
  // by one pixel on every side.
  double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
  for (const auto& g : out.glyphs) {
    xmin = std::min(xmin, g.ox + g.info.metrics.xmin);
    ymin = std::min(ymin, g.oy - g.info.metrics.ymax);
    xmax = std::max(xmax, g.ox + g.info.metrics.xmax);
    ymax = std::max(ymax, g.oy - g.info.metrics.ymin);
  }
  for (const auto& r : out.rects) {
    xmin = std::min(xmin, r[0]);
    ymin = std::min(ymin, r[1]);
    xmax = std::max(xmax, r[2]);
    ymax = std::max(ymax, r[3]);
  }
  xmin -= 1;
  ymin -= 1;
  xmax += 1;
  ymax += 1;
  const double w = xmax - xmin;
  const double h = ymax - ymin - box->depth;
  const double d = ymax - ymin - box->height;

  MathLayout layout;
  layout.width = w;
  layout.height = h + d;
  layout.depth = d;
  layout.box_x = -xmin;
  if (vector) {
    // Output.to_vector: the box rounded up; glyphs at (ox, ceil(height) - oy) from the
    // origin, y up; rectangles (x1, ceil(height) - y2, x2 - x1, y2 - y1).
    const double cw = std::ceil(box->width), ch = std::ceil(box->height);
    const double cd = std::ceil(box->depth);
    layout.width = cw;
    layout.height = ch + cd;
    layout.depth = cd;
    layout.box_x = 0.0;
    layout.box_width = box->width;
    layout.box_height = box->height;
    layout.box_depth = box->depth;
    for (const auto& g : out.glyphs) {
      MathGlyph mg;
      mg.font = g.info.font;
      mg.glyph_id = g.info.glyph_id;
      mg.codepoint = g.info.codepoint;
      mg.size_px = g.info.size_px;
      mg.x = g.ox;
      mg.y = ch - g.oy;
      layout.glyphs.push_back(std::move(mg));
    }
    for (const auto& r : out.rects) {
      layout.rects.push_back({r[0], ch - r[3], r[2] - r[0], r[3] - r[1]});
    }
    return layout;
  }
  layout.box_width = box->width;
  layout.box_height = box->height;
  layout.box_depth = box->depth;
  layout.glyphs.reserve(out.glyphs.size());
  for (const auto& g : out.glyphs) {
    MathGlyph mg;
    mg.font = g.info.font;
    mg.glyph_id = g.info.glyph_id;
    mg.codepoint = g.info.codepoint;
    mg.size_px = g.info.size_px;
    mg.x = g.ox - xmin;
    mg.y = box->height - g.oy;
    layout.glyphs.push_back(std::move(mg));
  }
  for (const auto& r : out.rects) {
    layout.rects.push_back({r[0] - xmin, box->height - r[3], r[2] - r[0], r[3] - r[1]});
  }

  // The raster plan (Output.to_raster): the image is ceil(w) x ceil(h + max(d, 0)), and the
  // expression is shipped again at (-xmin, -ymin), as matplotlib does rather than shifting the
  // first positions (the floating-point results differ in the last bits, and the positions
  // are truncated to whole pixels).
  const ShipOutput shifted = ship(*box, -xmin, -ymin);
  MathRaster& raster = layout.raster;
  raster.width = static_cast<int>(std::ceil(w));
  raster.height = static_cast<int>(std::ceil(h + std::max(d, 0.0)));
  raster.glyphs.reserve(shifted.glyphs.size());
  for (const auto& g : shifted.glyphs) {
    raster.glyphs.push_back({g.ox, g.oy - g.info.metrics.iceberg, g.info.ft_size_px});
  }
  for (const auto& r : shifted.rects) raster.rects.push_back({r[0], r[1], r[2], r[3]});
  return layout;
}

}  // namespace mathtext_detail

MathDrawing math_to_drawing(const MathLayout& layout) {
  MathDrawing drawing;
  std::map<std::pair<const Font*, double>, std::size_t> index;
  for (std::size_t i = 0; i < layout.glyphs.size(); ++i) {
    const MathGlyph& g = layout.glyphs[i];
    const auto key = std::make_pair(g.font.get(), g.size_px);
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, drawing.runs.size()).first;
      GlyphRun run;
      run.source = g.font;
      run.size_px = g.size_px;
      drawing.runs.push_back(std::move(run));
    }
    GlyphRun& run = drawing.runs[it->second];
    run.glyph_ids.push_back(g.glyph_id);
    run.positions.push_back(Point{g.x, g.y});
    run.clusters.push_back(static_cast<std::uint32_t>(i));
  }
  for (const MathRect& r : layout.rects) {
    drawing.rects.emplace_back(
        std::vector<Point>{
            {r.x, r.y}, {r.x + r.w, r.y}, {r.x + r.w, r.y + r.h}, {r.x, r.y + r.h}, {r.x, r.y}},
        std::vector<PathCode>{PathCode::moveto, PathCode::lineto, PathCode::lineto,
                              PathCode::lineto, PathCode::closepoly});
  }
  return drawing;
}

}  // namespace strata
