// SPDX-License-Identifier: MIT
#pragma once
// Fonts: properties, the font manager, loaded faces, glyph metrics and shaping.
// FreeType and HarfBuzz are used inside src/text/ only; nothing here exposes them.
//
// Thread safety: faces are loaded once and shared (std::shared_ptr<const Font>); one
// FT_Library serves the process, FT_New_Face / FT_Done_Face run under a library mutex and
// every other FreeType or HarfBuzz call on a face runs under that face's own mutex (FT_Face
// is not thread-safe). So any function here may be called from any thread.
//
// This header fixes the interface that mathtext and text layout build on: FontProperties,
// find_font(), Font (glyph_index, glyph_metrics, kerning, glyph_outline), shape() and
// TextMetrics. Implementation: src/text/.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "strata/backend/renderer.hpp"
#include "strata/core/geometry.hpp"
#include "strata/export.hpp"

namespace strata {

enum class FontStyle : std::uint8_t { normal, italic, oblique };

/// matplotlib's FontProperties. `family` is a list of family names or generic families
/// ("sans-serif", "serif", "monospace", "cursive", "fantasy"), expanded through rcParams
/// font.* lists. Weight 100-900 (400 normal, 700 bold); stretch 100-900 (500 normal).
struct FontProperties {
  std::vector<std::string> family{"sans-serif"};
  FontStyle style = FontStyle::normal;
  bool small_caps = false;  ///< variant "small-caps"
  int weight = 400;
  int stretch = 500;
  double size = 10.0;  ///< points
  friend bool operator==(const FontProperties&, const FontProperties&) = default;
};

/// Parses a style name ("normal", "italic", "oblique"); throws ValueError naming the value.
STRATA_API FontStyle font_style_from_name(std::string_view name);
/// Parses a stretch name ("ultra-condensed" .. "ultra-expanded", matplotlib's stretch_dict)
/// or a number string (0-1000); throws ValueError naming the value.
STRATA_API int font_stretch_from_name(std::string_view name);
/// Parses a weight name ("ultralight", "light", "normal", "regular", "book", "medium",
/// "roman", "semibold", "demibold", "demi", "bold", "heavy", "extra bold", "black") or a
/// number string; throws ValueError naming the value.
STRATA_API int font_weight_from_name(std::string_view name);
/// Size in points for a named size ("xx-small" .. "xx-large", "larger", "smaller")
/// relative to `base` (rcParams font.size), as matplotlib's scalings; throws ValueError.
STRATA_API double font_size_from_name(std::string_view name, double base);

/// Horizontal metrics and box of one glyph at a size, in pixels, y up, origin at the pen.
struct GlyphMetrics {
  double advance = 0.0;
  double xmin = 0.0, ymin = 0.0, xmax = 0.0, ymax = 0.0;  ///< ink box (outline cbox)
};

/// A loaded font face (one file, one face index). Thread-safe: shared between threads and
/// figures. Implements GlyphSource so that backends can draw its glyph runs.
class STRATA_API Font : public GlyphSource {
 public:
  /// Family and style names from the font file.
  [[nodiscard]] virtual std::string family_name() const = 0;
  [[nodiscard]] virtual std::string style_name() const = 0;
  /// The glyph of a Unicode code point, or 0 (.notdef) when the face has none.
  [[nodiscard]] virtual std::uint32_t glyph_index(char32_t codepoint) const = 0;
  /// Metrics at `size_px` pixels per em, as matplotlib's FT2Font reports them (hinting set
  /// up as matplotlib's Agg: see reference §7).
  [[nodiscard]] virtual GlyphMetrics glyph_metrics(std::uint32_t glyph, double size_px) const = 0;
  /// The unhinted advance at `size_px` in pixels, as matplotlib's mathtext takes it
  /// (FT2Font's `linearHoriAdvance / 65536`). Default: glyph_metrics().advance.
  [[nodiscard]] virtual double linear_advance(std::uint32_t glyph, double size_px) const {
    return glyph_metrics(glyph, size_px).advance;
  }
  /// Kerning between two glyphs at `size_px`, in pixels.
  [[nodiscard]] virtual double kerning(std::uint32_t left, std::uint32_t right,
                                       double size_px) const = 0;
  /// Units per em, ascender, descender (font units) for layout.
  [[nodiscard]] virtual int units_per_em() const = 0;
  [[nodiscard]] virtual int ascender() const = 0;
  [[nodiscard]] virtual int descender() const = 0;  ///< negative below the baseline
  /// Weight (100-900), style and stretch (100-900) the font manager scores this face by.
  [[nodiscard]] virtual int weight() const = 0;
  [[nodiscard]] virtual FontStyle style() const = 0;
  [[nodiscard]] virtual int stretch() const = 0;
  /// True for the DejaVu faces embedded in the library.
  [[nodiscard]] virtual bool is_bundled() const = 0;
};

using FontPtr = std::shared_ptr<const Font>;

/// The best installed or bundled face for `props` (matplotlib's font manager scoring), with
/// DejaVu Sans as the last fallback; never null. Cached; thread-safe.
///
/// Families are tried in order; a generic family ("sans-serif", "sans", "serif",
/// "monospace", "cursive", "fantasy") expands to its list (font_family_list). The bundled
/// DejaVu Sans, Serif and Sans Mono (4 styles each) always stand for those names; other
/// families come from fontconfig's list of the system's fonts.
///
/// **Example**
/// ```
/// auto f = strata::find_font({.family = {"serif"}, .weight = 700});
/// f->family_name();  // "DejaVu Serif"; f->style_name() == "Bold"
/// ```
[[nodiscard]] STRATA_API FontPtr find_font(const FontProperties& props);
/// The fallback list for `props`: one face per family of the list that resolves (as
/// matplotlib's _find_fonts_by_props), then DejaVu Sans in the best matching style if it is
/// not already there. Glyphs missing from a face come from the next. Never empty.
[[nodiscard]] STRATA_API std::vector<FontPtr> find_fonts(const FontProperties& props);

/// rcParams font.serif, font.sans-serif, font.monospace, font.cursive, font.fantasy:
/// the families a generic name expands to (matplotlib 3.6's defaults, "DejaVu Sans" first
/// for sans-serif). Throws ValueError for a name that is not generic.
[[nodiscard]] STRATA_API std::vector<std::string> font_family_list(std::string_view generic);
/// Replaces a generic family's list (as setting rcParams["font.sans-serif"]); clears the
/// font manager's cache. Thread-safe.
STRATA_API void set_font_family_list(std::string_view generic, std::vector<std::string> families);

/// How the text layer measures and places text, as matplotlib's renderers do:
/// - `raster` (the default): RendererAgg, hinted glyphs at the dpi;
/// - `vector`: the PDF and PS renderers (RendererPDFPSBase), unhinted glyphs at the size
///   (FT2Font.set_text with LOAD_NO_HINTING), glyphs placed at their linear advances plus
///   kerning, mathtext laid out as MathTextParser("path") (Output.to_vector);
/// - `text_path`: the SVG renderer (TextToPath.get_text_width_height_descent), the same but
///   measured and placed at 100 pt (TextToPath.FONT_SCALE) and scaled to the size.
enum class TextMetricsMode : std::uint8_t { raster, vector, text_path };

/// The calling thread's text metrics mode: `raster` unless a ScopedTextMetrics is active.
/// shape(), measure(), parse_and_layout_math() and layout_text() follow it.
[[nodiscard]] STRATA_API TextMetricsMode text_metrics_mode();

/// Sets the calling thread's text metrics mode for its lifetime (vector backends draw, and
/// measure for bbox_inches="tight", inside one). Must be destroyed on the thread that made it.
///
/// **Example**
/// ```
/// {
///   strata::ScopedTextMetrics vector(strata::TextMetricsMode::vector);
///   auto m = strata::measure("Sine and cosine", {.size = 12}, 72);  // 94.6875 x 9.296875
/// }
/// ```
class STRATA_API ScopedTextMetrics {
 public:
  explicit ScopedTextMetrics(TextMetricsMode mode);
  ~ScopedTextMetrics();
  ScopedTextMetrics(const ScopedTextMetrics&) = delete;
  ScopedTextMetrics& operator=(const ScopedTextMetrics&) = delete;

 private:
  TextMetricsMode saved_;
};

/// Width, height and descent of shaped text in pixels, as matplotlib's
/// get_text_width_height_descent (height includes the descent).
struct TextMetrics {
  double width = 0.0;
  double height = 0.0;
  double descent = 0.0;
};

/// Shapes UTF-8 text (one line, no math) with `props` at `dpi` into glyph runs with pen
/// positions in pixels; glyphs missing from the chosen face come from the next families of
/// the list, then DejaVu, then draw .notdef (a box). Invalid UTF-8 throws ValueError
/// ("invalid UTF-8 in text at byte N").
///
/// There is one run per stretch of text in one face; all runs of a call share the line's
/// origin (baseline left), so drawing each at the same point draws the line. Positions are
/// matplotlib's (reference §7 rules 1-2): FreeType hinted advances plus FT_Get_Kerning, in
/// 1/64 pixel. Text that needs shaping (combining marks, right-to-left and Indic scripts,
/// joiners) is shaped by HarfBuzz on the same FreeType set-up instead.
/// The size in points is clamped to at least 1 (as matplotlib) and used to 1/64 point.
/// In the `vector` text metrics mode (see TextMetricsMode) glyphs are placed as matplotlib's
/// vector backends place them: unhinted linear advances plus FT_Get_Kerning.
///
/// **Example**
/// ```
/// auto runs = strata::shape("Sine and cosine", {.size = 12}, 100);
/// renderer.draw_glyphs(gc, runs[0], x, y, 0);
/// ```
[[nodiscard]] STRATA_API std::vector<GlyphRun> shape(std::string_view utf8,
                                                     const FontProperties& props, double dpi);
/// Metrics of a shaped line (all runs, in order) as matplotlib's RendererAgg
/// get_text_width_height_descent: width is the pen advance after the last glyph, height and
/// descent come from the union of the glyphs' outline boxes (a space counts as the point
/// (0, 0)). "Sine and cosine" at 12 pt and 100 dpi: 131.375 x 12.0, descent 0. In the
/// `vector` text metrics mode, as the vector backends' get_text_width_height_descent (the same
/// with unhinted glyphs): at 12 pt and 72 dpi 94.6875 x 9.296875, descent 0.171875.
[[nodiscard]] STRATA_API TextMetrics measure(std::string_view utf8, const FontProperties& props,
                                             double dpi);

}  // namespace strata
