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

/// A face of matplotlib's mpl-data (the "Display" face with big operators, the STIX faces),
/// only when find_font finds that very family.
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
  // DejaVuFonts' sized alternatives (delimiters, radicals) come from STIX, as in matplotlib.
  t.stix_general = display_face("STIXGeneral");
  t.stix_sized = {nullptr,
                  display_face("STIXSizeOneSym"),
                  display_face("STIXSizeTwoSym"),
                  display_face("STIXSizeThreeSym"),
                  display_face("STIXSizeFourSym"),
                  display_face("STIXSizeFiveSym")};
  const TextMetricsMode mode = text_metrics_mode();
  if (mode != TextMetricsMode::text_path) {
    return md::layout_math(text, t, props.size, dpi, mode == TextMetricsMode::vector);
  }
  // TextToPath (SVG): laid out at 100 pt and 72 dpi as vector output, then scaled.
  MathLayout m = md::layout_math(text, t, 100.0, 72.0, true);
  const double s = props.size / 100.0 * dpi / 72.0;
  m.width *= s;
  m.height *= s;
  m.depth *= s;
  m.box_x *= s;
  m.box_width *= s;
  m.box_height *= s;
  m.box_depth *= s;
  for (MathGlyph& g : m.glyphs) {
    g.x *= s;
    g.y *= s;
    g.size_px *= s;
  }
  for (MathRect& r : m.rects) {
    r.x *= s;
    r.y *= s;
    r.w *= s;
    r.h *= s;
  }
  return m;
}

}  // namespace strata
