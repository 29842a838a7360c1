// SPDX-License-Identifier: MIT
// SVG text as <text> elements (svg.fonttype 'none'): matplotlib 3.6.3's
// RendererSVG._draw_text_as_text and XMLWriter, and the placeholders that put the markup
// where Cairo drew the text (see cairo_svg_text.hpp).
#include "cairo_svg_text.hpp"

#include <cairo-svg.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <numbers>
#include <string_view>
#include <tuple>

#include "cairo_renderer.hpp"
#include "strata/style/rcparams.hpp"

namespace strata::cairo_backend {

namespace {

constexpr double kPlaceholderBlue = 0.4321;  // written by Cairo as "43.21%"

/// matplotlib's _short_float_fmt: '{0:f}' with trailing zeros and the point removed.
std::string short_float(double v) {
  std::string s = fmt::format("{:f}", v);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

/// Python's str(float) (repr): the shortest round-trip digits, fixed notation for exponents
/// -4..15 (with ".0" when integral), else d.ddde+XX.
std::string python_float(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  const std::string sci(buf, res.ptr);
  const auto epos = sci.find('e');
  const int exp = std::atoi(sci.c_str() + epos + 1);
  std::string mant = sci.substr(0, epos);
  const bool neg = !mant.empty() && mant[0] == '-';
  if (neg) mant.erase(0, 1);
  std::string digits;
  for (char c : mant) {
    if (c != '.') digits.push_back(c);
  }
  std::string out = neg ? "-" : "";
  if (exp < -4 || exp >= 16) {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    out += fmt::format("e{}{:02d}", exp < 0 ? '-' : '+', std::abs(exp));
    return out;
  }
  if (exp < 0) {
    out += "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
  } else {
    const auto int_len = static_cast<std::size_t>(exp + 1);
    if (digits.size() <= int_len) {
      out += digits + std::string(int_len - digits.size(), '0') + ".0";
    } else {
      out += digits.substr(0, int_len) + "." + digits.substr(int_len);
    }
  }
  return out;
}

/// XMLWriter's _escape_cdata.
std::string escape_cdata(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// XMLWriter's _quote_escape_attrib: the value quoted with whichever quote it lacks.
std::string quote_attrib(std::string_view s) {
  if (s.find('"') == std::string_view::npos) return "\"" + escape_cdata(s) + "\"";
  if (s.find('\'') == std::string_view::npos) return "'" + escape_cdata(s) + "'";
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

/// Python's repr() of a str (font names are quoted this way).
std::string python_repr(std::string_view s) {
  const bool dq = s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos;
  const char q = dq ? '"' : '\'';
  std::string out(1, q);
  for (char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == q) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out + q;
}

/// An element's opening tag with matplotlib's attribute rules (empty values are left out).
std::string start_tag(std::string_view tag,
                      const std::vector<std::pair<std::string, std::string>>& attrib) {
  std::string out = "<" + std::string(tag);
  for (const auto& [k, v] : attrib) {
    if (v.empty()) continue;
    out += " " + escape_cdata(k) + "=" + quote_attrib(v);
  }
  return out;
}

std::string element(std::string_view tag,
                    const std::vector<std::pair<std::string, std::string>>& attrib,
                    std::string_view text) {
  std::string out = start_tag(tag, attrib);
  if (text.empty()) return out + "/>";
  return out + ">" + escape_cdata(text) + "</" + std::string(tag) + ">";
}

using Css = std::vector<std::pair<std::string, std::string>>;

std::string css(const Css& style) {
  std::string out;
  for (const auto& [k, v] : style) {
    if (!out.empty()) out += "; ";
    out += k + ": " + v;
  }
  return out;
}

/// _generate_transform: "translate(x y)" / "rotate(a ...)" parts, identity parts left out.
std::string transform(const std::vector<std::pair<std::string, std::vector<double>>>& parts) {
  std::string out;
  for (const auto& [type, values] : parts) {
    if ((type == "translate" && values.size() == 2 && values[0] == 0 && values[1] == 0) ||
        (type == "rotate" && values.size() == 1 && values[0] == 0)) {
      continue;
    }
    if (!out.empty()) out += ' ';
    out += type + "(";
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out += ' ';
      out += short_float(values[i]);
    }
    out += ")";
  }
  return out;
}

bool is_generic(std::string_view f) {
  return f == "serif" || f == "sans-serif" || f == "sans serif" || f == "sans" || f == "cursive" ||
         f == "fantasy" || f == "monospace";
}

/// matplotlib's rgb2hex: round(c * 255) (half to even), lower-case hex.
std::string hex_color(const Rgba& c) {
  auto b = [](double v) {
    return static_cast<int>(std::nearbyint(std::clamp(v, 0.0, 1.0) * 255.0));
  };
  return fmt::format("#{:02x}{:02x}{:02x}", b(c.r), b(c.g), b(c.b));
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// _escape_comment: cdata escapes, and "--" broken up as "- -".
std::string escape_comment(std::string_view s) {
  const std::string c = escape_cdata(s);
  std::string out;
  for (std::size_t i = 0; i < c.size(); ++i) {
    out += c[i];
    if (c[i] == '-' && i + 1 < c.size() && c[i + 1] == '-') out += ' ';
  }
  return out;
}

}  // namespace

std::string svg_text_markup(const GraphicsContext& gc, const TextElement& e, double height) {
  Css style;
  const std::string color = hex_color(gc.color);
  if (color != "#000000") style.emplace_back("fill", color);
  const double alpha = gc.alpha.value_or(gc.color.a);
  if (alpha != 1.0) style.emplace_back("opacity", short_float(alpha));
  // matplotlib's draw_text receives y flipped (y down from the top).
  const double x = e.origin.x, y = height - e.origin.y;
  const double angle = e.angle;

  std::string out;
  if (!gc.url.empty()) out += start_tag("a", {{"xlink:href", gc.url}}) + ">\n";
  if (!e.is_math) {
    std::vector<std::string> font_parts;
    if (e.style != "normal") font_parts.push_back(e.style);
    if (e.variant != "normal") font_parts.push_back(e.variant);
    if (e.weight != 400) font_parts.push_back(std::to_string(e.weight));
    font_parts.push_back(short_float(e.size) + "px");
    std::vector<std::string> names;
    for (const std::string& f : e.families) {
      std::string n = is_generic(f) ? f : python_repr(f);
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(std::move(n));
    }
    std::string joined;
    for (const std::string& n : names) joined += (joined.empty() ? "" : ", ") + n;
    font_parts.push_back(joined);
    std::string font;
    for (const std::string& p : font_parts) font += (font.empty() ? "" : " ") + p;
    style.emplace_back("font", font);
    if (e.stretch != "normal") style.emplace_back("font-stretch", e.stretch);

    std::vector<std::pair<std::string, std::string>> attrib;
    if (e.anchor && (angle == 0 || e.rotation_mode_anchor)) {
      // The text's own anchor with SVG's text-anchor; the vertical layout applied to the
      // anchor by hand (as matplotlib: most viewers lack alignment-baseline).
      double ax = e.anchor->x, ay = height - e.anchor->y;
      const double rad = angle * std::numbers::pi / 180.0;
      const double dvx = std::sin(rad), dvy = std::cos(rad);
      const double v_offset = dvx * (x - ax) + dvy * (y - ay);
      ax = ax + v_offset * dvx;
      ay = ay + v_offset * dvy;
      style.emplace_back("text-anchor", e.ha == "right"    ? "end"
                                        : e.ha == "center" ? "middle"
                                                           : "start");
      attrib.emplace_back("style", css(style));
      attrib.emplace_back("x", short_float(ax));
      attrib.emplace_back("y", short_float(ay));
      attrib.emplace_back("transform", transform({{"rotate", {-angle, ax, ay}}}));
    } else {
      attrib.emplace_back("style", css(style));
      attrib.emplace_back("transform", transform({{"translate", {x, y}}, {"rotate", {-angle}}}));
    }
    out += element("text", attrib, e.text);
  } else {
    out += "<!-- " + escape_comment(e.text) + " -->\n";
    out +=
        start_tag("g", {{"style", css(style)},
                        {"transform", transform({{"translate", {x, y}}, {"rotate", {-angle}}})}}) +
        ">\n<text>\n";
    // One tspan per font style, in order of first use; its glyphs sorted by (x, y, char).
    std::vector<std::pair<std::string, std::vector<std::tuple<double, double, char32_t>>>> spans;
    for (const TextElement::MathGlyph& g : e.math_glyphs) {
      std::vector<std::string> font_parts;
      if (g.style != "normal") font_parts.push_back(g.style);
      if (g.variant != "normal") font_parts.push_back(g.variant);
      if (g.weight != 400) font_parts.push_back(std::to_string(g.weight));
      font_parts.push_back(short_float(g.size) + "px");
      font_parts.push_back(python_repr(g.family));
      std::string font;
      for (const std::string& p : font_parts) font += (font.empty() ? "" : " ") + p;
      Css gs{{"font", font}};
      if (g.stretch != "normal") gs.emplace_back("font-stretch", g.stretch);
      const std::string key = css(gs);
      auto it =
          std::find_if(spans.begin(), spans.end(), [&](const auto& s) { return s.first == key; });
      if (it == spans.end()) it = spans.insert(spans.end(), {key, {}});
      const char32_t cp = g.codepoint == 32 ? char32_t{0xA0} : g.codepoint;
      it->second.emplace_back(g.x, -g.y, cp);
    }
    for (auto& [key, chars] : spans) {
      std::sort(chars.begin(), chars.end());
      bool same_y = true;
      for (const auto& c : chars) same_y = same_y && std::get<1>(c) == std::get<1>(chars[0]);
      std::string xs, ys, text;
      for (const auto& c : chars) {
        xs += (xs.empty() ? "" : " ") + short_float(std::get<0>(c));
        if (!same_y) ys += (ys.empty() ? "" : " ") + python_float(std::get<1>(c));
        append_utf8(text, std::get<2>(c));
      }
      if (same_y) ys = python_float(std::get<1>(chars[0]));
      out += element("tspan", {{"style", key}, {"x", xs}, {"y", ys}}, text) + "\n";
    }
    out += "</text>\n";
    for (const auto& r : e.math_rects) {
      out += element("rect",
                     {{"x", short_float(r[0])},
                      {"y", short_float(-r[1] - 1)},
                      {"width", short_float(r[2])},
                      {"height", short_float(r[3])}},
                     "") +
             "\n";
    }
    out += "</g>";
  }
  if (!gc.url.empty()) out += "\n</a>";
  return out;
}

Rgba svg_placeholder_color(std::size_t index) {
  return {static_cast<double>(index % 1000) / 1000.0,
          static_cast<double>(index / 1000 % 1000) / 1000.0, kPlaceholderBlue,
          kSvgPlaceholderAlpha};
}

void substitute_svg_texts(std::vector<std::uint8_t>& bytes, const std::vector<std::string>& texts) {
  if (texts.empty()) return;
  const std::string in(bytes.begin(), bytes.end());
  std::string out;
  out.reserve(in.size());
  static constexpr std::string_view kFill = "fill:rgb(";
  static constexpr std::string_view kTail = ",43.21%);fill-opacity:0.5;";
  std::size_t copied = 0;
  std::size_t pos = 0;
  while ((pos = in.find(kFill, pos)) != std::string::npos) {
    const std::size_t close = in.find(')', pos);
    const std::size_t tail = in.find(kTail, pos);
    if (close == std::string::npos || tail == std::string::npos || tail + 7 != close) {
      pos += kFill.size();
      continue;
    }
    // "R%,G%" before the reserved blue.
    const std::string rg = in.substr(pos + kFill.size(), tail - pos - kFill.size());
    const std::size_t comma = rg.find(',');
    const std::size_t start = in.rfind("<path", pos);
    const std::size_t end = in.find("/>", pos);
    if (comma == std::string::npos || start == std::string::npos || start < copied ||
        end == std::string::npos) {
      pos += kFill.size();
      continue;
    }
    const double r = std::strtod(rg.c_str(), nullptr);
    const double g = std::strtod(rg.c_str() + comma + 1, nullptr);
    const auto index =
        static_cast<std::size_t>(std::llround(r * 10.0) + 1000 * std::llround(g * 10.0));
    if (index >= texts.size()) {
      pos += kFill.size();
      continue;
    }
    out.append(in, copied, start - copied);
    out += texts[index];
    copied = end + 2;
    pos = copied;
  }
  out.append(in, copied, std::string::npos);
  bytes.assign(out.begin(), out.end());
}

bool CairoRenderer::draws_text_elements() const {
  return kind() == SurfaceKind::vector && rasterize_depth_ == 0 &&
         cairo_surface_get_type(cairo_get_target(cr_)) == CAIRO_SURFACE_TYPE_SVG &&
         rc().get_string("svg.fonttype") == "none";
}

bool CairoRenderer::draw_text_element(const GraphicsContext& gc, const TextElement& element) {
  if (!draws_text_elements()) return false;
  if (!std::isfinite(element.origin.x) || !std::isfinite(element.origin.y)) return true;
  const std::size_t index = svg_texts_.size();
  svg_texts_.push_back(svg_text_markup(gc, element, height()));
  // The placeholder: a 1/16 pt square at the text's origin, kept inside the page and the clip
  // rectangle so that Cairo keeps it.
  double px = element.origin.x, py = element.origin.y;
  double x0 = 0, y0 = 0, x1 = width(), y1 = height();
  if (gc.clip_rectangle) {
    x0 = std::max(x0, gc.clip_rectangle->xmin());
    y0 = std::max(y0, gc.clip_rectangle->ymin());
    x1 = std::min(x1, gc.clip_rectangle->xmax());
    y1 = std::min(y1, gc.clip_rectangle->ymax());
  }
  constexpr double side = 1.0 / 16.0;
  px = std::clamp(px, x0, std::max(x0, x1 - side));
  py = std::clamp(py, y0 + side, std::max(y0 + side, y1));
  const Rgba c = svg_placeholder_color(index);
  cairo_save(cr_);
  apply_clip(gc);
  cairo_new_path(cr_);
  cairo_rectangle(cr_, px, height() - py, side, side);
  cairo_set_source_rgba(cr_, c.r, c.g, c.b, c.a);
  cairo_fill(cr_);
  cairo_restore(cr_);
  return true;
}

std::vector<std::string> CairoRenderer::take_svg_texts() { return std::move(svg_texts_); }

}  // namespace strata::cairo_backend
