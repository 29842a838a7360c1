// SPDX-License-Identifier: MIT
#pragma once
// Mathtext internals: the font set (matplotlib's DejaVuFonts), the TeX box model (Node) and
// ship(). Ported from matplotlib 3.6.3 _mathtext.py; y grows downward here, as in TeX.

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "strata/text/font.hpp"
#include "strata/text/mathtext.hpp"

namespace strata::mathtext_detail {

/// TeX font names (matplotlib's "rm", "it", ..., "default"/"regular" = the non-math font).
/// size0..size5 are matplotlib's integer font names of the sized alternatives (DejaVuFonts:
/// 0 = the rm face, 1..5 = STIXSizeOneSym..STIXSizeFiveSym).
enum class FontName : std::uint8_t {
  rm,
  it,
  bf,
  sf,
  tt,
  cal,
  bb,
  frak,
  scr,
  regular,
  ex,
  size0,
  size1,
  size2,
  size3,
  size4,
  size5
};

/// The faces of a math font set. rm, it, bf, sf, tt and regular are required; ex (the
/// "Display" face with big operators) is optional.
struct MathFontTable {
  FontPtr rm{}, it{}, bf{}, sf{}, tt{}, ex{};
  FontPtr regular{};   ///< the font of the FontProperties: plain text, \mathregular
  FontPtr fallback{};  ///< DejaVu Sans, for symbols the fontset lacks (may equal rm)
  /// STIXGeneral and STIXSizeOneSym..FiveSym ([1..5]): matplotlib's DejaVuFonts take the sized
  /// alternatives of delimiters and radicals from them. Optional: without stix_general a
  /// symbol has one size, the fontset's own glyph.
  FontPtr stix_general{};
  std::array<FontPtr, 6> stix_sized{};
};

/// One sized alternative of a symbol: a font name and the symbol (matplotlib's (fontname, sym)).
struct SizedAlternative {
  FontName font;
  std::string sym;
};

/// matplotlib's FontConstantsBase (DejaVu Sans and Serif use these values unchanged).
struct FontConstants {
  double script_space = 0.05;
  double subdrop = 0.4;
  double sup1 = 0.7;
  double sub1 = 0.3;
  double sub2 = 0.5;
  double delta = 0.025;
  double delta_slanted = 0.2;
  double delta_integral = 0.1;
};

/// Metrics of one glyph in pixels (matplotlib's get_metrics namespace).
struct CharMetrics {
  double advance = 0, height = 0, width = 0;
  double xmin = 0, xmax = 0, ymin = 0, ymax = 0;
  double iceberg = 0;  ///< TeX height: baseline to top
  bool slanted = false;
};

/// A resolved glyph: face, glyph id, code point and metrics at a size.
struct GlyphInfo {
  FontPtr font{};
  std::uint32_t glyph_id = 0;
  char32_t codepoint = 0;
  double size_px = 0;     ///< fontsize * dpi / 72 (vector output scales outlines by it)
  double ft_size_px = 0;  ///< the em size FreeType is set to (metrics, raster glyphs)
  CharMetrics metrics{};
};

/// matplotlib's DejaVuFonts over a MathFontTable.
class MathFonts {
 public:
  /// `vector`: glyph metrics as matplotlib's vector output loads them (LOAD_NO_HINTING).
  explicit MathFonts(MathFontTable table, bool vector = false)
      : table_(std::move(table)), vector_(vector) {}

  /// The glyph of `sym` (one UTF-8 character or "\\name") in `font` at `fontsize` points.
  /// Throws ValueError for a "\\name" that is not in tex2uni.
  const GlyphInfo& get_info(FontName font, FontName font_class, const std::string& sym,
                            double fontsize, double dpi);
  double get_kern(FontName font1, FontName class1, const std::string& sym1, double size1,
                  FontName font2, FontName class2, const std::string& sym2, double size2,
                  double dpi);
  double get_xheight(FontName font, double fontsize, double dpi);
  /// matplotlib's get_sized_alternatives_for_symbol of DejaVuFonts (its STIX fallback's):
  /// (size_i, chr) for the STIX faces 0..5 that have the glyph, smallest first; without the
  /// STIX faces, the one glyph (fontname, sym).
  [[nodiscard]] std::vector<SizedAlternative> sized_alternatives(FontName fontname,
                                                                 const std::string& sym) const;
  static double get_underline_thickness(double fontsize, double dpi) {
    return ((0.75 / 12.0) * fontsize * dpi) / 72.0;
  }
  [[nodiscard]] const FontConstants& constants() const { return constants_; }
  [[nodiscard]] const MathFontTable& table() const { return table_; }

 private:
  struct Resolved {
    FontPtr font;
    char32_t codepoint;
    std::uint32_t glyph;
    bool slanted;
  };
  Resolved get_glyph(FontName font, FontName font_class, const std::string& sym);
  [[nodiscard]] FontPtr face(FontName f) const;

  MathFontTable table_;
  bool vector_ = false;
  FontConstants constants_{};
  std::map<std::tuple<FontName, FontName, std::string, double, double>, GlyphInfo> cache_;
};

/// The code point of `sym`: its only character, or tex2uni of "\\name"; nullopt if neither.
std::optional<char32_t> unicode_index(std::string_view sym);

// ---- The box model ----

constexpr double k_shrink_factor = 0.7;
constexpr int k_num_size_levels = 6;

struct GlueSpec {
  double width = 0;
  double stretch = 0;
  int stretch_order = 0;
  double shrink = 0;
  int shrink_order = 0;
};

enum class NodeType : std::uint8_t { character, box, hlist, vlist, rule, glue, kern };

struct Node;
using NodePtr = std::shared_ptr<Node>;

/// Parser state (matplotlib's ParserState): current font, class, size in points, dpi.
struct ParserState {
  MathFonts* fonts = nullptr;
  FontName font = FontName::regular;
  FontName font_class = FontName::rm;
  double fontsize = 10;
  double dpi = 72;
  void set_font(FontName f) {
    if (f == FontName::rm || f == FontName::it || f == FontName::bf) font_class = f;
    font = f;
  }
  [[nodiscard]] double underline_thickness() const {
    return MathFonts::get_underline_thickness(fontsize, dpi);
  }
};

/// One node of the box model. A single struct for all kinds keeps the port of matplotlib's
/// duck-typed code direct; `type` says which fields matter.
struct Node {
  NodeType type = NodeType::box;
  int size = 0;
  double width = 0, height = 0, depth = 0;
  // hlist / vlist
  std::vector<NodePtr> children{};
  double shift_amount = 0;
  double glue_set = 0;
  int glue_sign = 0;
  int glue_order = 0;
  std::string function_name{};  ///< set for \sin, \lim, ... (operator functions)
  // glue
  GlueSpec glue{};
  // character
  bool is_accent = false;
  std::string sym{};
  MathFonts* fonts = nullptr;
  FontName font = FontName::rm;
  FontName font_class = FontName::rm;
  double fontsize = 0;
  double dpi = 0;
  CharMetrics metrics{};
};

NodePtr make_char(const std::string& sym, const ParserState& state);
NodePtr make_accent(const std::string& sym, const ParserState& state);
void update_char_metrics(Node& c);
NodePtr make_box(double width, double height, double depth);
inline NodePtr make_hbox(double width) { return make_box(width, 0, 0); }
inline NodePtr make_vbox(double height, double depth) { return make_box(0, height, depth); }
NodePtr make_kern(double width);
NodePtr make_glue(std::string_view name);
/// An Hrule (thickness defaults to the state's underline thickness when < 0).
NodePtr make_hrule(const ParserState& state, double thickness = -1);
NodePtr make_vrule(const ParserState& state);

enum class PackMode : std::uint8_t { exactly, additional };
NodePtr make_hlist(std::vector<NodePtr> elements, double w = 0, PackMode m = PackMode::additional,
                   bool do_kern = true);
NodePtr make_vlist(std::vector<NodePtr> elements, double h = 0, PackMode m = PackMode::additional);
NodePtr make_hcentered(std::vector<NodePtr> elements);
void kern(Node& hlist);
void hpack(Node& hlist, double w = 0, PackMode m = PackMode::additional);
void vpack(Node& vlist, double h = 0, PackMode m = PackMode::additional,
           double l = std::numeric_limits<double>::infinity());
void shrink(Node& n);
double get_kerning(const Node& n, const Node* next);

NodePtr make_auto_height_char(const std::string& c, double height, double depth,
                              const ParserState& state, double factor = -1);
NodePtr make_auto_width_char(const std::string& c, double width, const ParserState& state,
                             bool accent);

/// Output of ship(): glyphs at (ox, oy) baseline, y down; rects (x1, y1, x2, y2), y down.
struct ShippedGlyph {
  double ox = 0, oy = 0;
  GlyphInfo info{};
};
struct ShipOutput {
  std::vector<ShippedGlyph> glyphs{};
  std::vector<std::array<double, 4>> rects{};
};
ShipOutput ship(Node& box, double ox = 0, double oy = 0);

/// Parses `text` (mixed plain text and $...$) into the box of the whole string.
NodePtr parse_math(std::string_view text, MathFonts& fonts, double fontsize, double dpi);

/// parse_math, ship and matplotlib's raster metrics (Output.to_raster), or with `vector` its
/// vector ones (unhinted glyph metrics and Output.to_vector). Used by parse_and_layout_math and
/// by the tests (with fake fonts).
MathLayout layout_math(std::string_view text, const MathFontTable& table, double fontsize,
                       double dpi, bool vector = false);

}  // namespace strata::mathtext_detail
