// SPDX-License-Identifier: MIT
#include "strata/artist/text.hpp"

#include <fmt/format.h>

#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

HAlign parse_halign(std::string_view s) {
  if (s == "left") return HAlign::left;
  if (s == "center") return HAlign::center;
  if (s == "right") return HAlign::right;
  throw ValueError(fmt::format(
      "'{}' is not a valid value for horizontalalignment; supported values are 'center', "
      "'right', 'left'",
      s));
}

VAlign parse_valign(std::string_view s) {
  if (s == "top") return VAlign::top;
  if (s == "center") return VAlign::center;
  if (s == "bottom") return VAlign::bottom;
  if (s == "baseline") return VAlign::baseline;
  if (s == "center_baseline") return VAlign::center_baseline;
  throw ValueError(fmt::format(
      "'{}' is not a valid value for verticalalignment; supported values are 'top', 'bottom', "
      "'center', 'baseline', 'center_baseline'",
      s));
}

namespace {

// The math fontset of rcParams mathtext.fontset; nullopt for the ones Strata does not have yet.
std::optional<MathFontset> rc_math_fontset(const std::string& fs) {
  if (fs == "dejavuserif") return MathFontset::dejavuserif;
  if (fs == "dejavusans") return MathFontset::dejavusans;
  return std::nullopt;
}

// True when `s` holds mathtext: at least two unescaped dollar signs.
bool has_math(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '$' && (i == 0 || s[i - 1] != '\\')) ++n;
  }
  return n >= 2;
}

}  // namespace

FontProperties font_from_options(const TextOptions& options) {
  const RcParams p = rc();
  FontProperties f;
  if (options.fontfamily) {
    f.family = {*options.fontfamily};
  } else {
    f.family = p.get_list("font.family");
  }
  f.style =
      font_style_from_name(options.fontstyle ? *options.fontstyle : p.get_string("font.style"));
  f.weight =
      font_weight_from_name(options.fontweight ? *options.fontweight : p.get_string("font.weight"));
  f.stretch = font_stretch_from_name(p.get_string("font.stretch"));
  f.small_caps = p.get_string("font.variant") == "small-caps";
  const double base = p.get_double("font.size");
  if (options.fontsize) {
    if (!(*options.fontsize > 0)) {
      throw ValueError(fmt::format("fontsize must be positive, got {}", *options.fontsize));
    }
    f.size = *options.fontsize;
  } else if (options.fontsize_name) {
    f.size = font_size_from_name(*options.fontsize_name, base);
  } else {
    f.size = base;
  }
  return f;
}

Text::Text(double x, double y, std::string text, const TextOptions& options)
    : x_(x), y_(y), text_(std::move(text)), font_(font_from_options(options)) {
  color_ = options.color ? to_rgba(*options.color) : rc().get_color("text.color");
  if (options.ha) layout_options_.ha = parse_halign(*options.ha);
  if (options.va) layout_options_.va = parse_valign(*options.va);
  if (options.multialignment)
    layout_options_.multialignment = parse_halign(*options.multialignment);
  if (options.rotation) layout_options_.rotation = *options.rotation;
  if (options.rotation_mode) {
    if (*options.rotation_mode == "anchor") {
      layout_options_.rotation_mode = RotationMode::anchor_mode;
    } else if (*options.rotation_mode != "default") {
      throw ValueError(fmt::format("Unknown rotation_mode '{}'", *options.rotation_mode));
    }
  }
  if (options.linespacing) layout_options_.linespacing = *options.linespacing;
  layout_options_.bbox = options.bbox;
  const std::string fontset = rc().get_string("mathtext.fontset");
  if (const auto fs = rc_math_fontset(fontset)) {
    layout_options_.math_fontset = *fs;
  } else {
    unsupported_fontset_ = fontset;
  }
  if (options.alpha) set_alpha(options.alpha);
  set_zorder(options.zorder.value_or(3.0));
  if (options.clip_on) set_clip_on(*options.clip_on);
  if (options.visible) set_visible(*options.visible);
  if (!options.label.empty()) set_label(options.label);
}

void Text::set_text(std::string text) {
  text_ = std::move(text);
  layout_cache_.reset();
  set_stale();
}

void Text::set_position(Point p) {
  x_ = p.x;
  y_ = p.y;
  set_stale();
}
void Text::set_x(double x) { set_position({x, y_}); }
void Text::set_y(double y) { set_position({x_, y}); }

void Text::set_color(const Rgba& color) {
  color_ = color;
  set_stale();
}

void Text::set_fontproperties(const FontProperties& font) {
  font_ = font;
  layout_cache_.reset();
  set_stale();
}

void Text::set_fontsize(double points) {
  if (!(points > 0)) throw ValueError(fmt::format("fontsize must be positive, got {}", points));
  font_.size = points;
  layout_cache_.reset();
}

void Text::set_fontweight(std::string_view weight) {
  font_.weight = font_weight_from_name(weight);
  layout_cache_.reset();
}

void Text::set_fontfamily(std::string_view family) {
  font_.family = {std::string(family)};
  layout_cache_.reset();
}

void Text::set_ha(HAlign ha) {
  layout_options_.ha = ha;
  layout_cache_.reset();
}
void Text::set_va(VAlign va) {
  layout_options_.va = va;
  layout_cache_.reset();
}
void Text::set_rotation(double degrees) {
  layout_options_.rotation = degrees;
  layout_cache_.reset();
}
void Text::set_rotation_mode(RotationMode mode) {
  layout_options_.rotation_mode = mode;
  layout_cache_.reset();
}
void Text::set_multialignment(std::optional<HAlign> ma) {
  layout_options_.multialignment = ma;
  layout_cache_.reset();
}
void Text::set_linespacing(double spacing) {
  layout_options_.linespacing = spacing;
  layout_cache_.reset();
}
void Text::set_bbox(std::optional<TextBoxOptions> box) {
  layout_options_.bbox = std::move(box);
  layout_cache_.reset();
}

const TextLayout& Text::layout(double dpi) const {
  if (!layout_cache_ || layout_dpi_ != dpi || layout_cache_->metrics != text_metrics_mode()) {
    if (!unsupported_fontset_.empty() && has_math(text_)) {
      throw ValueError(fmt::format(
          "mathtext.fontset '{}' is not available (Strata has 'dejavusans' and 'dejavuserif'); "
          "text: '{}'",
          unsupported_fontset_, text_));
    }
    layout_cache_ = layout_text(text_, font_, dpi, layout_options_);
    layout_dpi_ = dpi;
  }
  return *layout_cache_;
}

Point Text::display_anchor() const { return get_transform()->transform({x_, y_}); }

void Text::draw(Renderer& renderer) {
  if (!get_visible() || text_.empty()) return;
  const Point anchor = display_anchor();
  if (!std::isfinite(anchor.x) || !std::isfinite(anchor.y)) return;
  const TextLayout& lay = layout(renderer.dpi());
  GraphicsContext gc = new_gc();
  gc.color = color_;
  renderer.open_group("text", get_gid());
  draw_text(renderer, lay, anchor, gc);
  renderer.close_group("text");
  set_stale(false);
}

Bbox Text::get_window_extent(double dpi) const {
  if (!get_visible() || text_.empty()) return Bbox::null();
  const Point a = display_anchor();
  const Bbox e = layout(dpi).extent;
  return Bbox::from_extents(e.x0 + a.x, e.y0 + a.y, e.x1 + a.x, e.y1 + a.y);
}

Bbox Text::get_window_extent() const { return get_window_extent(figure_dpi()); }

}  // namespace strata
