// SPDX-License-Identifier: MIT
#pragma once
// Text layout as matplotlib's Text: multi-line text with line spacing, multialignment,
// horizontal and vertical alignment, rotation (rotation_mode "default" or "anchor"), the
// rotated bounding box for layout engines, and an optional background box (FancyBboxPatch).
//
// layout_text() is Text._get_layout (text.py, matplotlib 3.6.3) step for step; draw_text() is
// Text.draw: each line is drawn with its origin at anchor + its offset, which is the point
// matplotlib hands to RendererAgg.draw_text, so the backends round it exactly as Agg does.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/backend/graphics_context.hpp"
#include "strata/backend/renderer.hpp"
#include "strata/core/color.hpp"
#include "strata/core/geometry.hpp"
#include "strata/core/path.hpp"
#include "strata/export.hpp"
#include "strata/text/boxstyle.hpp"
#include "strata/text/font.hpp"
#include "strata/text/mathtext.hpp"

namespace strata {

/// Horizontal alignment of the text box to the anchor (matplotlib's `ha`).
enum class HAlign : std::uint8_t { left, center, right };
/// Vertical alignment of the text box to the anchor (matplotlib's `va`). `baseline` is the
/// baseline of the last line; `center_baseline` the middle of the first line's ascent.
enum class VAlign : std::uint8_t { top, center, bottom, baseline, center_baseline };
/// matplotlib's rotation_mode: `default_mode` ("default") rotates the text, then aligns the
/// rotated box's bounds; `anchor_mode` ("anchor") aligns the unrotated box, then rotates
/// about the anchor.
enum class RotationMode : std::uint8_t { default_mode, anchor_mode };

/// The background box of a text, matplotlib's `bbox=dict(boxstyle=..., pad=..., fc=..., ...)`
/// (a FancyBboxPatch around the text, mutation scale = the font size in pixels).
///
/// **Example**
/// ```
/// strata::TextBoxOptions box{.boxstyle = strata::BoxStyle{.name = strata::BoxStyleName::round},
///                            .facecolor = strata::Rgba{1, 0.9, 0.6, 1}};
/// ```
struct TextBoxOptions {
  /// nullopt: matplotlib's default box, "square" with a pad of `pad` points (default 4).
  std::optional<BoxStyle> boxstyle{};
  /// Used when boxstyle.pad is unset: with a boxstyle, a fraction of the font size (default
  /// 0.3); without one, points (default 4). Rounded to 2 decimals as matplotlib's set_bbox.
  std::optional<double> pad{};
  /// nullopt: the patch default, rcParams patch.facecolor (C0, #1f77b4). Alpha 0: no fill.
  std::optional<Rgba> facecolor{};
  /// nullopt: rcParams patch.edgecolor (black).
  std::optional<Rgba> edgecolor{};
  double linewidth = 1.0;         ///< points (rcParams patch.linewidth); 0: no edge
  std::optional<double> alpha{};  ///< when set, replaces the alpha of face and edge
};

/// Options of layout_text (matplotlib Text keyword arguments).
///
/// **Example**
/// ```
/// auto lay = strata::layout_text("Two\nlines", {.size = 12}, 100,
///                                {.ha = strata::HAlign::center, .rotation = 45});
/// ```
struct TextLayoutOptions {
  HAlign ha = HAlign::left;                ///< default left, as matplotlib
  VAlign va = VAlign::baseline;            ///< default baseline, as matplotlib
  std::optional<HAlign> multialignment{};  ///< alignment of lines in the box; nullopt: ha
  double rotation = 0.0;                   ///< degrees counter-clockwise (taken modulo 360)
  RotationMode rotation_mode = RotationMode::default_mode;
  double linespacing = 1.2;                            ///< multiple of the font's "lp" line height
  bool usetex = false;                                 ///< true is not supported (ValueError)
  MathFontset math_fontset = MathFontset::dejavusans;  ///< rcParams mathtext.fontset
  std::optional<TextBoxOptions> bbox{};                ///< a background box, drawn by draw_text
};

/// One laid-out line.
struct TextLine {
  std::string text{};  ///< the line as drawn (`\$` unescaped when it is not math)
  bool is_math = false;
  double width = 0.0;    ///< pixels (matplotlib's w)
  double height = 0.0;   ///< pixels, max(h, h("lp")) (matplotlib's h)
  double descent = 0.0;  ///< pixels, max(d, d("lp"))
  /// The line's origin (baseline left) relative to the anchor, rotated, in pixels, y up:
  /// matplotlib's (x, y) of Text._get_layout's info.
  Point offset{};
  std::vector<GlyphRun> runs{};  ///< glyphs relative to the origin, unrotated
  std::vector<Path> rects{};     ///< math rectangles relative to the origin, unrotated
  /// The math layout of a math line (null otherwise): raster renderers draw it as one image
  /// (render_math), as matplotlib's Agg draws mathtext.
  std::shared_ptr<const MathLayout> math{};
};

/// The result of layout_text. All lengths are pixels at `dpi`, y up, relative to the anchor.
struct TextLayout {
  std::vector<TextLine> lines{};
  /// The window extent relative to the anchor: the bounds of the rotated box, aligned (what
  /// matplotlib's Text.get_window_extent returns, minus the anchor).
  Bbox extent{};
  /// The unrotated box in the text's own frame (x along the text direction), relative to the
  /// anchor: rotating its corners by `rotation` about the anchor gives the rotated box.
  Bbox box{};
  double descent = 0.0;   ///< descent of the last line (matplotlib's returned descent)
  double rotation = 0.0;  ///< degrees in [0, 360)
  double dpi = 100.0;
  /// The text metrics mode the layout was measured in (the calling thread's, see
  /// TextMetricsMode): a layout cached across draws is stale when the mode changes.
  TextMetricsMode metrics = TextMetricsMode::raster;
  FontProperties font{};  ///< the font it was laid out with
  HAlign ha = HAlign::left;
  RotationMode rotation_mode = RotationMode::default_mode;
  MathFontset math_fontset = MathFontset::dejavusans;
  double fontsize_px = 0.0;  ///< font size in pixels (the box's mutation scale)
  /// The resolved background box (style with its pad set), if any, and its colors.
  std::optional<BoxStyle> box_style{};
  std::optional<TextBoxOptions> bbox{};
  /// The FancyBboxPatch frame: the unpadded text box (matplotlib's _get_textbox) as
  /// (x, y, w, h), whose lower-left corner is relative to the anchor and already rotated;
  /// the box extends along the rotated axes from there.
  Bbox textbox{};
};

/// Lays out `text` (lines split on '\n'; lines with math through mathtext) with `props` at
/// `dpi` as matplotlib's Text._get_layout. Lines are measured as matplotlib's Agg measures
/// them (measure() or parse_and_layout_math()), so the extent equals get_window_extent().
/// Throws ValueError for usetex or a mathtext syntax error.
///
/// **Example**
/// ```
/// auto lay = strata::layout_text("Sine wave", {}, 100, {.ha = strata::HAlign::center,
///                                                       .va = strata::VAlign::center});
/// lay.extent;  // (-35.5, -7) - (35.5, 7)
/// ```
[[nodiscard]] STRATA_API TextLayout layout_text(std::string_view text, const FontProperties& props,
                                                double dpi, const TextLayoutOptions& options = {});

/// The background box outline (FancyBboxPatch path) in display coordinates for a text drawn
/// at `anchor`; empty when the layout has no box.
[[nodiscard]] STRATA_API Path text_box_path(const TextLayout& layout, Point anchor);

/// Draws the layout with its anchor at display point `anchor` (y up): first the background
/// box if any, then each line with the text color `gc.color`, rotated by layout.rotation.
/// Lay out at the renderer's dpi (renderer.dpi()) so that positions are display units.
/// Unrotated math lines go to renderers that prefer text images (raster output) as one image
/// from render_math placed as matplotlib's RendererAgg.draw_mathtext places it; otherwise
/// each line is first offered to the renderer as a TextElement (draw_text_element: SVG with
/// svg.fonttype 'none' writes it as <text>), and drawn as glyph runs (draw_glyphs) and
/// rectangles (draw_path) when the renderer declines.
///
/// **Example**
/// ```
/// auto lay = strata::layout_text("Hello", {.size = 12}, r.dpi(), {.ha = strata::HAlign::center});
/// strata::draw_text(r, lay, {320, 240}, {});
/// ```
STRATA_API void draw_text(Renderer& renderer, const TextLayout& layout, Point anchor,
                          const GraphicsContext& gc);

}  // namespace strata
