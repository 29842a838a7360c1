// SPDX-License-Identifier: MIT
// Mathtext public entry point: the faces of the fontset from the font manager.
#include "strata/text/mathtext.hpp"

#include <string>
#include <utility>

#include "text/mathtext_boxes.hpp"

namespace strata {

namespace md = mathtext_detail;

namespace {

FontPtr face(std::string family, FontStyle style = FontStyle::normal, int weight = 400) {
  FontProperties p;
  p.family = {std::move(family)};
  p.style = style;
  p.weight = weight;
  return find_font(p);
}

/// The "Display" face with big operators, only when find_font finds that very family.
FontPtr display_face(const std::string& family) {
  FontPtr f = face(family);
  return f && f->family_name() == family ? f : nullptr;
}

}  // namespace

MathLayout parse_and_layout_math(std::string_view text, const FontProperties& props, double dpi,
                                 MathFontset fontset) {
  md::MathFontTable t;
  if (fontset == MathFontset::dejavuserif) {
    t.rm = face("DejaVu Serif");
    t.it = face("DejaVu Serif", FontStyle::italic);
    t.bf = face("DejaVu Serif", FontStyle::normal, 700);
    t.sf = face("DejaVu Sans");
    t.ex = display_face("DejaVu Serif Display");
  } else {
    t.rm = face("DejaVu Sans");
    t.it = face("DejaVu Sans", FontStyle::italic);
    t.bf = face("DejaVu Sans", FontStyle::normal, 700);
    t.sf = face("DejaVu Sans");
    t.ex = display_face("DejaVu Sans Display");
  }
  t.tt = face("DejaVu Sans Mono");
  t.regular = find_font(props);
  t.fallback = face("DejaVu Sans");
  return md::layout_math(text, t, props.size, dpi);
}

}  // namespace strata
