// SPDX-License-Identifier: MIT
#pragma once
// Mathtext: matplotlib's TeX-like math layout for `$...$` inside any text.
//
// A parser for matplotlib's subset of TeX and a TeX box model (Char, Hlist, Vlist, Kern, Glue,
// Rule; TeX: The Program, as matplotlib's _mathtext.py) that turn a string such as
// `"speed $v_0 = \frac{d}{t}$ (m s$^{-1}$)"` into positioned glyphs and filled rectangles.
// Scripts shrink by 0.7 per level (at most 6 levels); script shifts use matplotlib's DejaVu
// font constants; Latin and Greek lower-case letters are italic (mathtext.default 'it'),
// digits, operators and Greek capitals upright.
//
// Differences from matplotlib 3.6.3 (which falls back to its STIX and Computer Modern fonts):
// - Only the DejaVu faces are used. A symbol DejaVu lacks comes from the regular face of the
//   fontset, then DejaVu Sans, else draws U+00A4 (¤) as matplotlib does without a fallback.
// - `\left`/`\right` delimiters and radicals: the DejaVu glyph is used as is when it is tall
//   enough (matplotlib's "size 0" rule), else scaled to the content (AutoHeightChar).
// - `\mathbb` maps to the Unicode double-struck letters and digits (DejaVu Sans and Serif
//   have them); `\mathcal` and `\mathscr` map to the Unicode script letters that the face
//   has (ℬ ℰ ℱ ℋ ℐ ℒ ℳ ℛ ℯ ℊ ℴ) and otherwise fall back to the italic letter; `\mathfrak`
//   maps to the Fraktur letters when present, else the upright letter.
// - `\prime` is U+2032 from DejaVu (matplotlib takes it from Computer Modern).
// - Big operators (∑ ∏ ∫ ∮ ...) use "DejaVu Sans Display" / "DejaVu Serif Display" when
//   find_font() can find those faces (matplotlib ships them), else the regular face.
// - An unmatched `}` is an error (matplotlib silently ignores the rest of the expression).
// - Kerning is looked up as matplotlib 3.6 does (with code points in place of glyph ids), at
//   the glyph's size; matplotlib's shared FT2Font answers at the size it was last set to, which
//   differs only when a cached glyph of another size was looked up in between.
// - Metrics (hinted boxes, unhinted advances) are FreeType's at the size to 1/64 point, as
//   matplotlib's FT2Font::set_size; a fractional dpi is not truncated as FT_Set_Char_Size does.

#include <cstdint>
#include <string_view>
#include <vector>

#include "strata/backend/renderer.hpp"
#include "strata/core/path.hpp"
#include "strata/export.hpp"
#include "strata/text/font.hpp"

namespace strata {

/// rcParams["mathtext.fontset"]: the faces used for math.
enum class MathFontset : std::uint8_t {
  dejavusans,   ///< DejaVu Sans (rm, it = Oblique, bf = Bold), sf Sans, tt Sans Mono (default)
  dejavuserif,  ///< DejaVu Serif (rm, it = Italic, bf = Bold), sf DejaVu Sans, tt Sans Mono
};

/// One glyph of a math layout. (x, y) is the glyph origin on its baseline, in pixels, y up,
/// relative to the layout origin (see MathLayout).
struct MathGlyph {
  FontPtr font{};
  std::uint32_t glyph_id = 0;
  char32_t codepoint = 0;
  double size_px = 0.0;  ///< em size in pixels
  double x = 0.0;
  double y = 0.0;
};

/// A filled rectangle (fraction bar, radical overbar, \overline): lower-left corner (x, y),
/// width w, height h, in pixels, y up, relative to the layout origin.
struct MathRect {
  double x = 0.0;
  double y = 0.0;
  double w = 0.0;
  double h = 0.0;
};

/// One glyph of a MathRaster: where matplotlib's Agg output draws it into the image.
struct MathRasterGlyph {
  double x = 0.0;        ///< the pen's x, pixels from the image's left edge
  double top = 0.0;      ///< the glyph's top (its baseline minus its TeX height), pixels, y down
  double size_px = 0.0;  ///< the em size FreeType renders at (the size to 1/64 point)
};

/// One rectangle of a MathRaster: (x1, y1) top-left and (x2, y2) bottom-right corners,
/// pixels from the image's top-left corner, y down.
struct MathRasterRect {
  double x1 = 0.0, y1 = 0.0, x2 = 0.0, y2 = 0.0;
};

/// How matplotlib's Agg output rasterizes a math layout (Output.to_raster): one coverage
/// image for the whole expression, each glyph drawn at its truncated position, each
/// rectangle filled on whole pixels. Positions are matplotlib's to the last bit (the
/// expression shipped a second time at the image's origin, as matplotlib does).
struct MathRaster {
  int width = 0;   ///< ceil(width)
  int height = 0;  ///< ceil(height - depth + max(depth, 0)) (matplotlib's ceil(h + max(d, 0)))
  std::vector<MathRasterGlyph> glyphs{};  ///< one per MathLayout::glyphs, same order
  std::vector<MathRasterRect> rects{};    ///< one per MathLayout::rects, same order
};

/// The result of laying out a string with math.
///
/// Glyph and rectangle coordinates are relative to the left end of the baseline (y up),
/// shifted right so that the ink starts 1 px right of x = 0. width, height and depth are the
/// metrics matplotlib's Agg reports for layout (MathTextParser("agg").parse): the ink box
/// of the glyphs, the rectangles and the origin, grown by 1 px on every side, with
/// height = 2 (ymax - ymin) - box_height - box_depth and depth = ymax - ymin - box_height.
/// In the `vector` text metrics mode (see TextMetricsMode) they are matplotlib's vector metrics
/// instead (MathTextParser("path"), Output.to_vector: unhinted glyphs, width, height and depth
/// of the TeX box rounded up, glyphs at (ox, ceil(box_height) - oy), box_x 0); in the
/// `text_path` mode the same at 100 pt, scaled to the size (the SVG renderer's TextToPath).
/// `raster` is filled in the raster mode only.
struct MathLayout {
  double width = 0.0;   ///< pixels
  double height = 0.0;  ///< pixels, includes the depth (as matplotlib's)
  double depth = 0.0;   ///< pixels below the baseline
  /// The TeX box of the expression (before the ink box): width, height above and depth below
  /// the baseline, in pixels. The box's left edge is at x = box_x in layout coordinates.
  double box_x = 0.0;
  double box_width = 0.0;
  double box_height = 0.0;
  double box_depth = 0.0;
  std::vector<MathGlyph> glyphs{};
  std::vector<MathRect> rects{};
  MathRaster raster{};  ///< the raster rendering (render_math draws it)
};

/// matplotlib's `cbook.is_math_text`: true when `s` has an even, non-zero number of
/// unescaped `$` (`\$` is a literal dollar).
///
/// **Example**
/// ```
/// strata::is_math_text("$x^2$");      // true
/// strata::is_math_text("costs \\$5");  // false
/// strata::is_math_text("a $ b");      // false: one dollar
/// ```
[[nodiscard]] STRATA_API bool is_math_text(std::string_view s);

/// Parses `text` (plain text mixed with `$...$` math; `\$` is a literal dollar) and lays it
/// out with the font `props` (size in points, used for the plain parts and as the base size of
/// the math) at `dpi`. A string that is not math text (see is_math_text) is laid out as plain
/// text with `\$` replaced by `$`. Throws ValueError on a syntax error, quoting the text and
/// pointing at the column with a caret line.
///
/// **Example**
/// ```
/// auto m = strata::parse_and_layout_math(R"($\frac{\pi}{2}$)", {.size = 12}, 100.0);
/// // m.glyphs: π, 2; m.rects: the fraction bar
/// ```
[[nodiscard]] STRATA_API MathLayout
parse_and_layout_math(std::string_view text, const FontProperties& props, double dpi,
                      MathFontset fontset = MathFontset::dejavusans);

/// The layout rendered to coverage as matplotlib's Agg output renders math
/// (mathtext.MathTextParser("agg"), Output.to_raster): an image of layout.raster's size, each
/// glyph hinted as plain text (rcParams text.hinting "force_autohint"), rendered at pen
/// (0, 0) and drawn with its left at int(x) + bitmap_left and its top row at int(top),
/// coverage OR-combined; each rectangle filled on whole pixels (FT2Image::draw_rect_filled).
/// Glyphs of fonts without bitmaps (GlyphSource::has_bitmaps) are left out.
///
/// Place the image as RendererAgg.draw_mathtext does: its top-left corner at device pixel
/// (round(x), round(y + depth) + 1 - image.height), (x, y) being the layout origin in device
/// pixels, y down (draw_text does this for raster renderers).
///
/// **Example**
/// ```
/// auto m = strata::parse_and_layout_math("$x^2$", {.size = 14}, 100.0);
/// strata::TextImage img = strata::render_math(m);  // 23 x 22 pixels
/// ```
[[nodiscard]] STRATA_API TextImage render_math(const MathLayout& layout);

/// A math layout ready for a Renderer: glyph runs grouped by font and size (positions relative
/// to the layout origin) and the rectangles as closed paths.
struct MathDrawing {
  std::vector<GlyphRun> runs{};
  std::vector<Path> rects{};
};

/// Groups the glyphs of `layout` into GlyphRuns (one per font and size, in first-use order)
/// and turns its rectangles into paths. Draw each run with Renderer::draw_glyphs at the
/// layout origin and fill each path with the text color.
[[nodiscard]] STRATA_API MathDrawing math_to_drawing(const MathLayout& layout);

}  // namespace strata
