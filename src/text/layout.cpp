// SPDX-License-Identifier: MIT
// Text layout: matplotlib's Text._get_layout, _get_textbox, update_bbox_position_size and
// draw (text.py, 3.6.3), step for step so that boxes and line positions agree with it.
#include "strata/text/layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <string>

#include "strata/core/affine2d.hpp"
#include "strata/error.hpp"

namespace strata {
namespace {

/// Python's `s.replace(r"\$", "$")`.
std::string unescape_dollars(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '$') {
      out += '$';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// Python's `float(r) % 360`.
double normalize_rotation(double r) {
  if (!std::isfinite(r)) throw ValueError(fmt::format("rotation must be finite, got {}", r));
  double m = std::fmod(r, 360.0);
  if (m < 0) m += 360.0;
  return m;
}

/// Python's `float("%0.2f" % v)`, as Text.set_bbox writes the pad into the style string.
double round_2_decimals(double v) {
  std::array<char, 64> buf{};
  std::snprintf(buf.data(), buf.size(), "%0.2f", v);
  return std::strtod(buf.data(), nullptr);
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    lines.push_back(text.substr(start, nl - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

double x_of(HAlign a, double lo, double hi) {
  switch (a) {
    case HAlign::center:
      return (lo + hi) / 2;
    case HAlign::right:
      return hi;
    case HAlign::left:
      break;
  }
  return lo;
}

const char* style_name(FontStyle s) {
  switch (s) {
    case FontStyle::italic:
      return "italic";
    case FontStyle::oblique:
      return "oblique";
    case FontStyle::normal:
      break;
  }
  return "normal";
}

/// matplotlib's stretch name of a number (font_manager.stretch_dict), else the number.
std::string stretch_name(int stretch) {
  static constexpr std::array<const char*, 9> names{
      "ultra-condensed", "extra-condensed", "condensed",      "semi-condensed", "normal",
      "semi-expanded",   "expanded",        "extra-expanded", "ultra-expanded"};
  if (stretch % 100 == 0 && stretch >= 100 && stretch <= 900) {
    return names[static_cast<std::size_t>(stretch / 100 - 1)];
  }
  return std::to_string(stretch);
}

bool is_generic_family(std::string_view f) {
  return f == "serif" || f == "sans-serif" || f == "sans serif" || f == "sans" || f == "cursive" ||
         f == "fantasy" || f == "monospace";
}

/// The line as matplotlib's RendererSVG.draw_text sees it (see TextElement).
TextElement text_element(const TextLayout& layout, const TextLine& line, Point origin,
                         Point anchor) {
  TextElement e;
  e.text = line.text;
  e.is_math = line.is_math && line.math != nullptr;
  e.origin = origin;
  e.angle = layout.rotation;
  const FontProperties& p = layout.font;
  for (const std::string& f : p.family) {
    if (is_generic_family(f)) {
      const std::string generic = (f == "sans" || f == "sans serif") ? "sans-serif" : f;
      for (std::string& a : font_family_list(generic)) {
        e.families.push_back(a == "sans" || a == "sans serif" ? "sans-serif" : std::move(a));
      }
      e.families.push_back(generic);
    } else {
      e.families.push_back(f);
    }
  }
  e.style = style_name(p.style);
  e.variant = p.small_caps ? "small-caps" : "normal";
  e.weight = p.weight;
  e.stretch = stretch_name(p.stretch);
  e.size = std::max(p.size, 1.0);
  if (layout.lines.size() == 1) {
    e.anchor = anchor;
    e.ha = layout.ha == HAlign::center ? "center" : layout.ha == HAlign::right ? "right" : "left";
    e.rotation_mode_anchor = layout.rotation_mode == RotationMode::anchor_mode;
  }
  if (e.is_math) {
    // RendererSVG._draw_text_as_text parses the math again at the font's size and 72 dpi
    // (MathTextParser("path"), unhinted), whatever the line was measured with.
    MathLayout m;
    {
      ScopedTextMetrics vector(TextMetricsMode::vector);
      m = parse_and_layout_math(line.text, p, 72.0, layout.math_fontset);
    }
    for (const MathGlyph& g : m.glyphs) {
      TextElement::MathGlyph mg;
      if (g.font) {
        mg.family = g.font->family_name();
        mg.style = style_name(g.font->style());
        mg.weight = g.font->weight();
        mg.stretch = stretch_name(g.font->stretch());
      }
      mg.size = g.size_px;  // points at 72 dpi
      mg.codepoint = g.codepoint;
      mg.x = g.x;
      mg.y = g.y;
      e.math_glyphs.push_back(std::move(mg));
    }
    for (const MathRect& r : m.rects) {
      e.math_rects.push_back({r.x, r.y, r.w, r.h});
    }
  }
  return e;
}

}  // namespace

TextLayout layout_text(std::string_view text, const FontProperties& props, double dpi,
                       const TextLayoutOptions& options) {
  if (options.usetex) {
    throw ValueError("layout_text: usetex=true is not supported (no TeX installation is used)");
  }
  if (!(dpi > 0) || !std::isfinite(dpi)) {
    throw ValueError(fmt::format("layout_text: dpi must be positive, got {}", dpi));
  }
  TextLayout out;
  out.dpi = dpi;
  out.metrics = text_metrics_mode();
  out.font = props;
  out.ha = options.ha;
  out.rotation_mode = options.rotation_mode;
  out.math_fontset = options.math_fontset;
  out.rotation = normalize_rotation(options.rotation);
  out.fontsize_px = std::max(props.size, 1.0) * dpi / 72.0;
  const double spacing = options.linespacing;

  // Full vertical extent of the font, including ascenders and descenders.
  const TextMetrics lp = measure("lp", props, dpi);
  const double min_dy = (lp.height - lp.descent) * spacing;

  std::vector<Point> xys;  // unrotated line origins relative to the first baseline's box top
  double thisy = 0.0;
  double baseline = 0.0;
  double d = 0.0;
  const std::vector<std::string_view> lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    TextLine line;
    line.is_math = is_math_text(lines[i]);
    line.text = line.is_math ? std::string(lines[i]) : unescape_dollars(lines[i]);
    double w = 0.0, h = 0.0;
    d = 0.0;
    if (!line.text.empty()) {
      if (line.is_math) {
        const MathLayout m = parse_and_layout_math(line.text, props, dpi, options.math_fontset);
        w = m.width;
        h = m.height;
        d = m.depth;
        MathDrawing drawing = math_to_drawing(m);
        line.runs = std::move(drawing.runs);
        line.rects = std::move(drawing.rects);
        line.math = std::make_shared<const MathLayout>(m);
      } else {
        const TextMetrics tm = measure(line.text, props, dpi);
        w = tm.width;
        h = tm.height;
        d = tm.descent;
        line.runs = shape(line.text, props, dpi);
      }
    }
    // Lines taller than "lp" (superscripts) get more room, as TeX does.
    h = std::max(h, lp.height);
    d = std::max(d, lp.descent);
    line.width = w;
    line.height = h;
    line.descent = d;

    baseline = (h - d) - thisy;  // matplotlib's value for the last line, kept as is
    if (i == 0) {
      thisy = -(h - d);  // the first baseline
    } else {
      thisy -= std::max(min_dy, (h - d) * spacing);
    }
    xys.push_back({0.0, thisy});
    thisy -= d;
    out.lines.push_back(std::move(line));
  }
  const double descent = d;  // of the last line
  out.descent = descent;

  double width = 0.0;
  for (const TextLine& l : out.lines) width = std::max(width, l.width);
  const double bx0 = 0.0, bx1 = width, by1 = 0.0;
  const double by0 = xys.back().y - descent;

  const Affine2D rot = Affine2D().rotate_deg(out.rotation);

  // Offsets of the lines inside the box.
  const HAlign malign = options.multialignment.value_or(options.ha);
  for (std::size_t i = 0; i < out.lines.size(); ++i) {
    const double w = out.lines[i].width;
    if (malign == HAlign::center) {
      xys[i].x += width / 2 - w / 2;
    } else if (malign == HAlign::right) {
      xys[i].x += width - w;
    }
  }

  // The rotated box's bounds.
  const std::array<Point, 4> corners{{{bx0, by0}, {bx0, by1}, {bx1, by1}, {bx1, by0}}};
  double xmin = HUGE_VAL, xmax = -HUGE_VAL, ymin = HUGE_VAL, ymax = -HUGE_VAL;
  for (const Point& c : corners) {
    const Point p = rot.transform(c);
    xmin = std::min(xmin, p.x);
    xmax = std::max(xmax, p.x);
    ymin = std::min(ymin, p.y);
    ymax = std::max(ymax, p.y);
  }
  const double rw = xmax - xmin, rh = ymax - ymin;

  double offsetx = 0.0, offsety = 0.0;
  if (options.rotation_mode == RotationMode::default_mode) {
    offsetx = x_of(options.ha, xmin, xmax);
    switch (options.va) {
      case VAlign::center:
        offsety = (ymin + ymax) / 2;
        break;
      case VAlign::top:
        offsety = ymax;
        break;
      case VAlign::baseline:
        offsety = ymin + descent;
        break;
      case VAlign::center_baseline:
        offsety = ymin + rh - baseline / 2.0;
        break;
      case VAlign::bottom:
        offsety = ymin;
        break;
    }
  } else {
    const double ox = x_of(options.ha, bx0, bx1);
    double oy = by0;
    switch (options.va) {
      case VAlign::center:
        oy = (by0 + by1) / 2.0;
        break;
      case VAlign::top:
        oy = by1;
        break;
      case VAlign::baseline:
        oy = by1 - baseline;
        break;
      case VAlign::center_baseline:
        oy = by1 - baseline / 2.0;
        break;
      case VAlign::bottom:
        oy = by0;
        break;
    }
    const Point o = rot.transform({ox, oy});
    offsetx = o.x;
    offsety = o.y;
  }

  out.extent = Bbox::from_bounds(xmin - offsetx, ymin - offsety, rw, rh);
  // The unrotated box relative to the anchor, in the text's frame: corners - R^-1(offset).
  const Point back = Affine2D().rotate_deg(-out.rotation).transform({offsetx, offsety});
  out.box = Bbox::from_extents(bx0 - back.x, by0 - back.y, bx1 - back.x, by1 - back.y);
  for (std::size_t i = 0; i < out.lines.size(); ++i) {
    const Point p = rot.transform(xys[i]);
    out.lines[i].offset = {p.x - offsetx, p.y - offsety};
  }

  // _get_textbox: the unrotated frame of the box patch (uses each line's h and the last
  // line's descent, as matplotlib).
  {
    const double theta = out.rotation * std::numbers::pi / 180.0;
    const Affine2D unrot = Affine2D().rotate(-theta);
    double px0 = HUGE_VAL, px1 = -HUGE_VAL, py0 = HUGE_VAL, py1 = -HUGE_VAL;
    for (const TextLine& l : out.lines) {
      Point t1 = unrot.transform(l.offset);
      t1.y -= descent;
      px0 = std::min({px0, t1.x, t1.x + l.width});
      px1 = std::max({px1, t1.x, t1.x + l.width});
      py0 = std::min({py0, t1.y, t1.y + l.height});
      py1 = std::max({py1, t1.y, t1.y + l.height});
    }
    const Point corner = Affine2D().rotate(theta).transform({px0, py0});
    out.textbox = Bbox::from_bounds(corner.x, corner.y, px1 - px0, py1 - py0);
  }

  if (options.bbox) {
    const TextBoxOptions& b = *options.bbox;
    BoxStyle style;
    if (!b.boxstyle) {
      style.pad = round_2_decimals(b.pad.value_or(4.0) / std::max(props.size, 1.0));
    } else {
      style = *b.boxstyle;
      if (!style.pad) style.pad = round_2_decimals(b.pad.value_or(0.3));
    }
    out.box_style = style;
    out.bbox = b;
  }
  return out;
}

Path text_box_path(const TextLayout& layout, Point anchor) {
  if (!layout.box_style) return {};
  const Bbox& tb = layout.textbox;
  const Path local = boxstyle_path(
      *layout.box_style, Bbox::from_bounds(0, 0, tb.width(), tb.height()), layout.fontsize_px);
  return local.transformed(
      Affine2D().rotate_deg(layout.rotation).translate(anchor.x + tb.x0, anchor.y + tb.y0));
}

void draw_text(Renderer& renderer, const TextLayout& layout, Point anchor,
               const GraphicsContext& gc) {
  if (!std::isfinite(anchor.x) || !std::isfinite(anchor.y)) return;
  if (layout.box_style && layout.bbox) {
    const TextBoxOptions& b = *layout.bbox;
    GraphicsContext pgc;
    pgc.color = b.edgecolor.value_or(colors::black);
    pgc.linewidth = b.linewidth;
    pgc.alpha = b.alpha;
    pgc.joinstyle = JoinStyle::miter;  // Patch's default
    pgc.capstyle = CapStyle::butt;
    pgc.clip_rectangle = gc.clip_rectangle;
    pgc.clip_path = gc.clip_path;
    const Rgba face = b.facecolor.value_or(Rgba{31.0 / 255, 119.0 / 255, 180.0 / 255, 1.0});
    std::optional<Rgba> fill;
    if (face.a > 0) fill = face;
    renderer.draw_path(pgc, text_box_path(layout, anchor), Affine2D(), fill);
  }
  GraphicsContext rect_gc = gc;
  rect_gc.linewidth = 0.0;
  const bool images = layout.rotation == 0.0 && renderer.prefers_text_images();
  const bool as_text = !renderer.prefers_text_images() && renderer.draws_text_elements();
  for (const TextLine& line : layout.lines) {
    const double x = anchor.x + line.offset.x;
    const double y = anchor.y + line.offset.y;
    if (images && line.math) {
      // RendererAgg.draw_mathtext: x = round(x + ox + xd), y = round(y - oy + yd) in device
      // pixels (y down; ox = oy = 0, xd = 0, yd = depth unrotated), and the image drawn with
      // its bottom edge at y + 1. Python's round: half to even.
      const TextImage image = render_math(*line.math);
      const double xi = std::nearbyint(x);
      const double bottom = std::nearbyint(renderer.height() - y + line.math->depth) + 1.0;
      renderer.draw_text_image(gc, image, xi, renderer.height() - (bottom - image.height));
      continue;
    }
    if (as_text && renderer.draw_text_element(gc, text_element(layout, line, {x, y}, anchor))) {
      continue;
    }
    for (const GlyphRun& run : line.runs) {
      renderer.draw_glyphs(gc, run, x, y, layout.rotation);
    }
    if (!line.rects.empty()) {
      const Affine2D place = Affine2D().rotate_deg(layout.rotation).translate(x, y);
      for (const Path& rect : line.rects) {
        renderer.draw_path(rect_gc, rect, place, gc.color);
      }
    }
  }
}

}  // namespace strata
