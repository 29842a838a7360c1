// SPDX-License-Identifier: MIT
// Mathtext: is_math_text, the parser's errors, and the structure of the box layout (scripts,
// fractions, radicals, delimiters, spacing, fonts), with a fake font whose metrics are simple
// fractions of the em so that the expected positions can be worked out by hand.
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "strata/error.hpp"
#include "strata/text/mathtext.hpp"
#include "support/catch.hpp"
#include "text/mathtext_boxes.hpp"

using namespace strata;
namespace md = strata::mathtext_detail;

namespace {

// A font with glyph id == code point for the characters it "has", and metrics as fractions of
// the em: advance 0.6, ink 0.05..0.55; x-height 0.5, cap/ascender height 0.7, descent 0.2.
class FakeFont final : public Font {
 public:
  explicit FakeFont(std::string name) : name_(std::move(name)) {}
  [[nodiscard]] std::string family_name() const override { return name_; }
  [[nodiscard]] std::string style_name() const override { return "Regular"; }
  [[nodiscard]] std::string face_name() const override { return name_; }
  [[nodiscard]] std::uint32_t glyph_index(char32_t c) const override {
    if (c < 0x20) return 0;
    if (c >= 0x1D400 && c <= 0x1D7FF) return 0;  // no mathematical alphanumerics
    return static_cast<std::uint32_t>(c);
  }
  [[nodiscard]] GlyphMetrics glyph_metrics(std::uint32_t g, double s) const override {
    const auto c = static_cast<char32_t>(g);
    GlyphMetrics m{0.6 * s, 0.05 * s, 0.0, 0.55 * s, 0.5 * s};
    if (c == ' ') return {0.3 * s, 0, 0, 0, 0};
    if ((c >= 0x300 && c <= 0x36F) || c == 0x20D7)
      return {0.0, -0.45 * s, 0.55 * s, -0.15 * s, 0.7 * s};
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        std::string_view("bdfhklt").find(static_cast<char>(c)) != std::string_view::npos) {
      m.ymax = 0.7 * s;
    }
    if (std::string_view("gjpqy").find(static_cast<char>(c < 128 ? c : 0)) !=
        std::string_view::npos) {
      m.ymin = -0.2 * s;
    }
    if (c == '(' || c == ')' || c == '[' || c == ']' || c == '|') {
      m = {0.4 * s, 0.05 * s, -0.2 * s, 0.35 * s, 0.75 * s};
    }
    if (c == 0x221A) m = {0.8 * s, 0.05 * s, -0.1 * s, 0.75 * s, 0.8 * s};  // √
    if (c == 0x2211 || c == 0x220F) m = {0.9 * s, 0.05 * s, -0.2 * s, 0.85 * s, 0.8 * s};
    if (c == 0x222B || c == 0x222E) m = {0.5 * s, 0.05 * s, -0.2 * s, 0.45 * s, 0.8 * s};
    if (c == '=' || c == '+' || c == 0x2212) m = {0.8 * s, 0.1 * s, 0.1 * s, 0.7 * s, 0.4 * s};
    return m;
  }
  [[nodiscard]] double kerning(std::uint32_t, std::uint32_t, double) const override { return 0; }
  [[nodiscard]] int units_per_em() const override { return 2048; }
  [[nodiscard]] int ascender() const override { return 1901; }
  [[nodiscard]] int descender() const override { return -483; }
  [[nodiscard]] int weight() const override { return 400; }
  [[nodiscard]] FontStyle style() const override { return FontStyle::normal; }
  [[nodiscard]] int stretch() const override { return 500; }
  [[nodiscard]] bool is_bundled() const override { return false; }
  [[nodiscard]] Path glyph_outline(std::uint32_t, double) const override { return {}; }

 private:
  std::string name_;
};

struct Fakes {
  FontPtr rm = std::make_shared<FakeFont>("rm");
  FontPtr it = std::make_shared<FakeFont>("it");
  FontPtr bf = std::make_shared<FakeFont>("bf");
  FontPtr sf = std::make_shared<FakeFont>("sf");
  FontPtr tt = std::make_shared<FakeFont>("tt");
  FontPtr regular = std::make_shared<FakeFont>("regular");
  [[nodiscard]] md::MathFontTable table() const {
    md::MathFontTable t;
    t.rm = rm;
    t.it = it;
    t.bf = bf;
    t.sf = sf;
    t.tt = tt;
    t.regular = regular;
    t.fallback = rm;
    return t;
  }
};

const Fakes& fakes() {
  static const Fakes f;
  return f;
}

// 10 pt at 72 dpi: 10 px per em.
MathLayout layout(std::string_view s) { return md::layout_math(s, fakes().table(), 10.0, 72.0); }

const MathGlyph& glyph(const MathLayout& m, char32_t c, int nth = 0) {
  for (const auto& g : m.glyphs) {
    if (g.codepoint == c && nth-- == 0) return g;
  }
  FAIL("glyph U+" << std::hex << static_cast<std::uint32_t>(c) << " not in the layout");
  throw 0;
}

double em() { return 6.0; }  // advance of 'm' in the italic fake at 10 px

std::string caret(std::size_t col) { return std::string(23 + col, ' ') + "^\n"; }

std::string error_of(std::string_view s) {
  try {
    (void)layout(s);
  } catch (const ValueError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("is_math_text counts unescaped dollars", "[mathtext]") {
  CHECK(is_math_text("$x$"));
  CHECK(is_math_text("a $x$ and $y$"));
  CHECK(is_math_text("$x$ costs \\$5"));
  CHECK_FALSE(is_math_text("plain"));
  CHECK_FALSE(is_math_text("costs \\$5"));
  CHECK_FALSE(is_math_text("a $ b"));
  CHECK_FALSE(is_math_text("$a$ $b"));
  CHECK_FALSE(is_math_text(""));
}

TEST_CASE("plain text outside $ keeps its characters and advances", "[mathtext]") {
  const MathLayout m = layout("ab c");
  REQUIRE(m.glyphs.size() == 4);
  for (const auto& g : m.glyphs) {
    CHECK(g.font == fakes().regular);
    CHECK(g.y == Approx(0.0));
    CHECK(g.size_px == Approx(10.0));
  }
  CHECK(m.glyphs[1].x - m.glyphs[0].x == Approx(6.0));  // advance of 'a'
  CHECK(m.glyphs[2].x - m.glyphs[1].x == Approx(6.0));  // advance of 'b'
  CHECK(m.glyphs[3].x - m.glyphs[2].x == Approx(3.0));  // advance of ' '
  CHECK(m.box_width == Approx(6 + 6 + 3 + 6));

  // The plain part before math is laid out the same.
  const MathLayout mixed = layout("ab c $x$");
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(mixed.glyphs[i].codepoint == m.glyphs[i].codepoint);
    CHECK(mixed.glyphs[i].x == Approx(m.glyphs[i].x));
    CHECK(mixed.glyphs[i].font == fakes().regular);
  }
  CHECK(glyph(mixed, U'x').font == fakes().it);
}

TEST_CASE("\\$ is a literal dollar", "[mathtext]") {
  const MathLayout plain = layout("costs \\$5");
  REQUIRE(plain.glyphs.size() == 8);
  CHECK(plain.glyphs[6].codepoint == U'$');
  const MathLayout mixed = layout("$x$ costs \\$5");
  CHECK(glyph(mixed, U'$').font == fakes().regular);
  const MathLayout inside = layout("$\\$x$");
  CHECK(glyph(inside, U'$').font == fakes().rm);
}

TEST_CASE("math fonts: italic letters, upright digits, operators and Greek capitals",
          "[mathtext]") {
  const MathLayout m = layout("$x2+\\alpha\\Gamma\\mathrm{d}\\mathbf{v}\\mathsf{s}\\mathtt{t}$");
  CHECK(glyph(m, U'x').font == fakes().it);
  CHECK(glyph(m, U'2').font == fakes().rm);
  CHECK(glyph(m, U'+').font == fakes().rm);
  CHECK(glyph(m, U'α').font == fakes().it);
  CHECK(glyph(m, U'Γ').font == fakes().rm);
  CHECK(glyph(m, U'd').font == fakes().rm);
  CHECK(glyph(m, U'v').font == fakes().bf);
  CHECK(glyph(m, U's').font == fakes().sf);
  CHECK(glyph(m, U't').font == fakes().tt);
  // '-' is the minus sign U+2212.
  CHECK(layout("$-1$").glyphs[0].codepoint == 0x2212);
}

TEST_CASE("common symbols map to their code points", "[mathtext]") {
  const std::pair<const char*, char32_t> cases[] = {
      {"\\times", 0xD7},        {"\\pm", 0xB1},           {"\\mp", 0x2213},
      {"\\cdot", 0x22C5},       {"\\leq", 0x2264},        {"\\geq", 0x2265},
      {"\\neq", 0x2260},        {"\\approx", 0x2248},     {"\\equiv", 0x2261},
      {"\\sim", 0x223C},        {"\\propto", 0x221D},     {"\\infty", 0x221E},
      {"\\partial", 0x2202},    {"\\nabla", 0x2207},      {"\\degree", 0xB0},
      {"\\circ", 0x2218},       {"\\rightarrow", 0x2192}, {"\\leftarrow", 0x2190},
      {"\\Rightarrow", 0x21D2}, {"\\in", 0x2208},         {"\\subset", 0x2282},
      {"\\cup", 0x222A},        {"\\cap", 0x2229},        {"\\forall", 0x2200},
      {"\\exists", 0x2203},     {"\\ell", 0x2113},        {"\\hbar", 0x127},
      {"\\varepsilon", 0x3B5},  {"\\vartheta", 0x3D1},    {"\\Omega", 0x3A9},
  };
  for (const auto& [cmd, cp] : cases) {
    INFO(cmd);
    const MathLayout m = layout(std::string("$a") + cmd + " b$");
    bool found = false;
    for (const auto& g : m.glyphs) found = found || g.codepoint == cp;
    CHECK(found);
  }
}

TEST_CASE("superscripts are raised and subscripts lowered, shrinking 0.7 per level", "[mathtext]") {
  const MathLayout sup = layout("$x^2$");
  CHECK(glyph(sup, U'2').y > glyph(sup, U'x').y);
  CHECK(glyph(sup, U'2').size_px == Approx(7.0));
  CHECK(glyph(sup, U'2').x > glyph(sup, U'x').x);

  const MathLayout sub = layout("$x_2$");
  CHECK(glyph(sub, U'2').y < glyph(sub, U'x').y);
  CHECK(glyph(sub, U'2').size_px == Approx(7.0));

  // The shifts are matplotlib's: sup1 = 0.7 and sub1 = 0.3 of the x-height (5 px here).
  CHECK(glyph(sup, U'2').y - glyph(sup, U'x').y == Approx(0.7 * 5));
  CHECK(glyph(sub, U'x').y - glyph(sub, U'2').y == Approx(0.3 * 5));

  const MathLayout nested = layout("$x^{a^{b^{c}}}$");
  CHECK(glyph(nested, U'x').size_px == Approx(10.0));
  CHECK(glyph(nested, U'a').size_px == Approx(7.0));
  CHECK(glyph(nested, U'b').size_px == Approx(4.9));
  CHECK(glyph(nested, U'c').size_px == Approx(3.43));
  CHECK(glyph(nested, U'a').y > glyph(nested, U'x').y);
  CHECK(glyph(nested, U'b').y > glyph(nested, U'a').y);
  CHECK(glyph(nested, U'c').y > glyph(nested, U'b').y);

  // Both scripts: sub below, sup above, the sup higher than with a sup alone would not be
  // lower than the baseline.
  const MathLayout both = layout("$x_i^2$");
  CHECK(glyph(both, U'i').y < 0);
  CHECK(glyph(both, U'2').y > 0);
  CHECK(glyph(both, U'i').x == Approx(glyph(both, U'2').x).margin(1.0));
}

TEST_CASE("a fraction draws a bar with the numerator above and the denominator below",
          "[mathtext]") {
  const MathLayout m = layout("$\\frac{a}{b}$");
  REQUIRE(m.rects.size() == 1);
  const MathRect bar = m.rects[0];
  CHECK(bar.h > 0);
  CHECK(bar.w > 0);
  const MathGlyph& a = glyph(m, U'a');
  const MathGlyph& b = glyph(m, U'b');
  CHECK(a.y > bar.y + bar.h);            // numerator baseline above the bar
  CHECK(b.y + 0.7 * b.size_px < bar.y);  // denominator ink below the bar
  CHECK(a.size_px == Approx(7.0));       // \frac sets num and den in text style (one level)
  CHECK(b.size_px == Approx(7.0));
  // The bar spans both.
  CHECK(bar.x <= a.x);
  CHECK(bar.x + bar.w >= a.x + 0.55 * a.size_px);

  const MathLayout d = layout("$\\dfrac{a}{b}$");
  CHECK(glyph(d, U'a').size_px == Approx(10.0));
  REQUIRE(d.rects.size() == 1);
  CHECK(d.height > m.height);
}

TEST_CASE("a radical is sized to its content", "[mathtext]") {
  const MathLayout small = layout("$\\sqrt{x}$");
  const MathLayout tall = layout("$\\sqrt{\\dfrac{a}{\\dfrac{b}{c}}}$");
  REQUIRE(small.rects.size() == 1);  // the overbar
  const MathGlyph& r1 = glyph(small, 0x221A);
  const MathGlyph& r2 = glyph(tall, 0x221A);
  CHECK(r2.size_px > r1.size_px * 1.5);
  // The overbar sits above the content.
  CHECK(small.rects[0].y > glyph(small, U'x').y + 0.5 * 10);
  CHECK(small.rects[0].x > r1.x);

  const MathLayout root = layout("$\\sqrt[3]{x}$");
  const MathGlyph& three = glyph(root, U'3');
  CHECK(three.size_px == Approx(10 * 0.7 * 0.7));
  CHECK(three.y > glyph(root, U'x').y);
  CHECK(three.x < glyph(root, 0x221A).x + 0.8 * glyph(root, 0x221A).size_px);
}

TEST_CASE("\\left( \\right) grows around a fraction", "[mathtext]") {
  const MathLayout plain = layout("$(x)$");
  const MathLayout grown = layout("$\\left(\\dfrac{a}{\\dfrac{b}{c}}\\right)$");
  const MathGlyph& p0 = glyph(plain, U'(');
  const MathGlyph& g0 = glyph(grown, U'(');
  const MathGlyph& g1 = glyph(grown, U')');
  CHECK(g0.size_px > p0.size_px * 1.5);
  CHECK(g1.size_px == Approx(g0.size_px));
  CHECK(g1.x > glyph(grown, U'a').x);
  // Small content keeps the text-size delimiter (matplotlib's size 0).
  CHECK(glyph(layout("$\\left(x\\right)$"), U'(').size_px == Approx(10.0));
  // \left. draws nothing.
  const MathLayout dot = layout("$\\left.\\dfrac{a}{b}\\right|$");
  CHECK(std::none_of(dot.glyphs.begin(), dot.glyphs.end(),
                     [](const MathGlyph& g) { return g.codepoint == U'.'; }));
}

TEST_CASE("spacing commands add matplotlib's fractions of an em", "[mathtext]") {
  const double base = layout("$ab$").box_width;
  const std::pair<const char*, double> cases[] = {
      {"\\,", 0.16667}, {"\\:", 0.22222}, {"\\;", 0.27778},
      {"\\quad", 1.0},  {"\\qquad", 2.0}, {"\\!", -0.16667},
      {"\\ ", 0.33333}, {"~", 0.33333},   {"\\hspace{0.5}", 0.5},
  };
  for (const auto& [cmd, frac] : cases) {
    INFO(cmd);
    const double w = layout(std::string("$a") + cmd + "b$").box_width;
    CHECK(w - base == Approx(frac * em()));
  }
  // Spaces in math are ignored.
  CHECK(layout("$a b$").box_width == Approx(base));
  // Binary operators get 0.2 em on both sides, except at the start.
  const double ab_plus = layout("$a+b$").box_width;
  CHECK(ab_plus == Approx(base + 8.0 + 0.4 * em()));
  CHECK(layout("$-b$").box_width == Approx(8.0 + 6.0));
}

TEST_CASE("big operators take limits above and below, integrals at the side", "[mathtext]") {
  const MathLayout sum = layout("$\\sum_{i=0}^{n} x$");
  const MathGlyph& s = glyph(sum, 0x2211);
  const MathGlyph& n = glyph(sum, U'n');
  const MathGlyph& i = glyph(sum, U'i');
  CHECK(n.y > s.y + 0.8 * s.size_px);  // above the operator's ink
  CHECK(i.y < s.y - 0.2 * s.size_px);  // below it
  CHECK(n.size_px == Approx(7.0));
  CHECK(n.x > s.x);
  CHECK(n.x < s.x + 0.9 * s.size_px);

  const MathLayout prod = layout("$\\prod^{N}$");
  CHECK(glyph(prod, U'N').y > glyph(prod, 0x220F).y + 8);

  const MathLayout integral = layout("$\\int_0^1 f$");
  const MathGlyph& in = glyph(integral, 0x222B);
  CHECK(glyph(integral, U'1').x > in.x + 0.3 * in.size_px);
  CHECK(glyph(integral, U'0').x > in.x);
  CHECK(glyph(integral, U'1').y > glyph(integral, U'0').y);
  (void)layout("$\\oint_C$");
}

TEST_CASE("accents sit above their symbol", "[mathtext]") {
  const std::pair<const char*, char32_t> cases[] = {
      {"\\hat", 0x302}, {"\\bar", 0x304},  {"\\vec", 0x20D7},
      {"\\dot", 0x307}, {"\\ddot", 0x308}, {"\\tilde", 0x303},
  };
  for (const auto& [cmd, cp] : cases) {
    INFO(cmd);
    const MathLayout m = layout(std::string("$") + cmd + "{x}$");
    const MathGlyph& a = glyph(m, cp);
    const MathGlyph& x = glyph(m, U'x');
    CHECK(a.y > x.y);
    CHECK(a.x >= x.x - 1);
  }
  const MathLayout over = layout("$\\overline{AB}$");
  REQUIRE(over.rects.size() == 1);
  CHECK(over.rects[0].y > glyph(over, U'A').y + 7);
  CHECK(over.rects[0].w >= 2 * 0.5 * 10);
}

TEST_CASE("functions are upright and followed by a thin space", "[mathtext]") {
  const MathLayout m = layout("$\\sin x$");
  CHECK(glyph(m, U's').font == fakes().rm);
  CHECK(glyph(m, U'n').font == fakes().rm);
  CHECK(glyph(m, U'x').font == fakes().it);
  CHECK(glyph(m, U'x').x - glyph(m, U'n').x == Approx(6.0 + 0.16667 * em()));
  const MathLayout lim = layout("$\\lim_{x\\rightarrow 0}$");
  CHECK(glyph(lim, U'x').y < 0);
}

TEST_CASE("\\mathbb and \\mathcal fall back when the face lacks the letters", "[mathtext]") {
  // The fake has no mathematical alphanumerics but has the letterlike symbols.
  const MathLayout bb = layout("$\\mathbb{R}\\mathbb{A}$");
  CHECK(bb.glyphs[0].codepoint == 0x211D);  // ℝ
  CHECK(bb.glyphs[1].codepoint == U'A');    // fallback: the letter
  const MathLayout cal = layout("$\\mathcal{L}\\mathcal{A}$");
  CHECK(cal.glyphs[0].codepoint == 0x2112);  // ℒ
  CHECK(cal.glyphs[1].codepoint == U'A');
  CHECK(cal.glyphs[1].font == fakes().it);  // fallback: the italic letter
}

TEST_CASE("primes are superscripts", "[mathtext]") {
  const MathLayout m = layout("$f'$");
  const MathGlyph& p = glyph(m, 0x2032);
  CHECK(p.y > 0);
  CHECK(p.size_px == Approx(7.0));
  CHECK(layout("$f''$").glyphs.size() == 3);
}

TEST_CASE("syntax errors quote the expression and point at the column", "[mathtext]") {
  CHECK(error_of("$\\foo$") ==
        "mathtext: cannot parse $\\foo$\n" + caret(1) + "Unknown symbol: \\foo");
  CHECK(error_of("${x$") ==
        "mathtext: cannot parse ${x$\n" + caret(3) + "Unbalanced braces: expected '}'");
  CHECK(error_of("$\\frac{1}$") ==
        "mathtext: cannot parse $\\frac{1}$\n" + caret(6) + "Expected \\frac{num}{den}");
  CHECK(error_of("a $x}$") ==
        "mathtext: cannot parse a $x}$\n" + caret(4) + "Unbalanced braces: unexpected '}'");
  CHECK(error_of("$x^2^3$") ==
        "mathtext: cannot parse $x^2^3$\n" + caret(4) + "Double superscript");
  CHECK(error_of("$\\sqrt$") ==
        "mathtext: cannot parse $\\sqrt$\n" + caret(6) + "Expected \\sqrt{value}");
  CHECK(error_of("$\\left( x$") ==
        "mathtext: cannot parse $\\left( x$\n" + caret(9) + "Expected \\right");
  CHECK(error_of("$x^$") ==
        "mathtext: cannot parse $x^$\n" + caret(3) + "Expected a symbol or group after '^'");
  CHECK(error_of("$$") == "mathtext: cannot parse $$\n" + caret(1) +
                              "Expected a math expression between the $ signs");
  // The column counts characters, not bytes.
  CHECK(error_of("é $\\foo$") ==
        "mathtext: cannot parse é $\\foo$\n" + caret(3) + "Unknown symbol: \\foo");
}

TEST_CASE("math_to_drawing groups glyphs by font and size", "[mathtext]") {
  const MathLayout m = layout("$x^2 + y + \\frac{1}{2}$");
  const MathDrawing d = math_to_drawing(m);
  std::size_t total = 0;
  for (const auto& run : d.runs) {
    REQUIRE(run.glyph_ids.size() == run.positions.size());
    total += run.glyph_ids.size();
    for (std::size_t i = 0; i < run.glyph_ids.size(); ++i) {
      const MathGlyph& g = m.glyphs[run.clusters[i]];
      CHECK(g.size_px == run.size_px);
      CHECK(g.font.get() == run.source.get());
      CHECK(run.positions[i] == Point{g.x, g.y});
    }
  }
  CHECK(total == m.glyphs.size());
  CHECK(d.runs.size() == 3);  // it @10 (x, y), rm @7 (2, 1, 2), rm @10 (+ +)
  REQUIRE(d.rects.size() == 1);
  const Bbox box = d.rects[0].get_extents();
  CHECK(box.width() == Approx(m.rects[0].w));
}

TEST_CASE("layout metrics follow matplotlib's raster box", "[mathtext]") {
  const MathLayout m = layout("$x$");
  // ink 0.05..0.55 em wide, 0..0.5 em tall, plus 1 px on every side.
  CHECK(m.width == Approx(5.0 + 0.5 + 2).margin(1e-9));
  CHECK(m.depth == Approx(2.0));         // ymax - ymin - box.height = 7 - 5
  CHECK(m.height == Approx(2.0 + 7.0));  // (ymax - ymin - box.depth) + depth
  CHECK(m.glyphs[0].x == Approx(1.0));   // ink starts at x = 1 (the margin)
}

// Width, height and depth from matplotlib 3.6.3 (MathTextParser("agg").parse(s, dpi, prop)
// with FontProperties(size=...), rcParams defaults; DejaVu fonts of matplotlib's mpl-data),
// run on this machine. Tolerance 1 px. Big operators (DejaVu Sans/Serif Display), \left...\right
// and tall radicals (STIX sized alternatives) use the faces bundled from matplotlib's mpl-data;
// \mathbb and \mathcal are left out (matplotlib takes those glyphs from STIX).
TEST_CASE("mathtext metrics match matplotlib with the bundled DejaVu fonts", "[mathtext]") {
  struct Case {
    const char* text;
    double width, height, depth;
  };
  const Case sans[] = {
      {"$x^2$", 16.4507, 18.6000, 3.0000},
      {"$x_i^2$", 16.4507, 22.6000, 7.0000},
      {"$\\frac{\\pi}{2}$", 8.1855, 21.7403, 7.0979},
      {"$\\sqrt{x}$", 22.5415, 16.1146, 2.6406},
      {"$\\alpha + \\beta = \\gamma$", 62.9445, 18.0000, 5.0000},
      {"$a\\,b\\;c\\:d\\quad e\\qquad f\\!g$", 104.8469, 18.0000, 5.0000},
      {"$\\sin x + \\log_2 y$", 87.9477, 18.0000, 5.0000},
      {"$\\hat{x}\\bar{y}\\vec{v}\\dot{a}\\ddot{b}\\tilde{n}$", 52.2035, 22.6892, 5.0000},
      {"$\\overline{AB}$", 21.7635, 18.2986, 2.4306},
      {"$\\lim_{x\\rightarrow 0}$", 25.4377, 24.6042, 11.6042},
      {"speed $v_0$ (m s$^{-1}$)", 117.2494, 21.6000, 6.0000},
      {"$x^{a^{b^{c}}}$", 25.0396, 19.5200, 2.2560},
      {"$f'(x)$", 28.8607, 16.9000, 3.5000},
      // matplotlib 3.6.3: radical over a superscript, big operators, sized delimiters.
      {"$\\sqrt{x^2}$", 30.1295, 21.1028, 1.6347},
      {"$\\sum_{i=0}^\\infty x_i$", 33.6963, 39.8083, 16.3042},
      {"$\\int_0^1 f(x)\\,dx$", 63.5944, 33.0000, 11.2000},
      {"$\\left(\\frac{a}{b}\\right)^2$", 28.0026, 23.9958, 8.3958},
  };
  for (const Case& c : sans) {  // size 10 pt, 100 dpi
    INFO(c.text);
    const MathLayout m = parse_and_layout_math(c.text, {.size = 10}, 100.0);
    CHECK(m.width == Approx(c.width).margin(1.0));
    CHECK(m.height == Approx(c.height).margin(1.0));
    CHECK(m.depth == Approx(c.depth).margin(1.0));
  }
  const Case serif[] = {
      // rcParams["mathtext.fontset"] = "dejavuserif", size 12 pt, 72 dpi
      {"$x^2$", 13.9017, 15.9000, 2.0000},
      {"$\\frac{\\pi}{2}$", 7.7188, 19.8500, 7.3500},
      {"$\\sqrt{x}$", 19.4141, 14.3138, 2.2969},
      {"$\\alpha_i + \\beta^2$", 40.2380, 18.9000, 5.0000},
      {"$E = mc^2$", 48.7873, 15.9000, 2.0000},
      // matplotlib 3.6.3: radical over a superscript, big operators, sized delimiters.
      {"$\\sqrt{x^2}$", 26.6547, 20.5800, 1.9300},
      {"$\\sum_{i=0}^\\infty x_i$", 29.2884, 34.7000, 14.2500},
      {"$\\int_0^1 f(x)\\,dx$", 54.5170, 27.0000, 7.8000},
      {"$\\left(\\frac{a}{b}\\right)^2$", 25.2768, 21.1500, 7.2500},
  };
  for (const Case& c : serif) {
    INFO(c.text);
    const MathLayout m =
        parse_and_layout_math(c.text, {.size = 12}, 72.0, MathFontset::dejavuserif);
    CHECK(m.width == Approx(c.width).margin(1.0));
    CHECK(m.height == Approx(c.height).margin(1.0));
    CHECK(m.depth == Approx(c.depth).margin(1.0));
  }
}

TEST_CASE("mathtext with the bundled fonts uses their glyphs", "[mathtext]") {
  const MathLayout m = parse_and_layout_math("$\\alpha\\times\\infty\\nabla\\hbar$", {}, 100.0);
  REQUIRE(m.glyphs.size() == 5);
  for (const auto& g : m.glyphs) {
    CHECK(g.glyph_id != 0);
    CHECK(g.font->family_name() == "DejaVu Sans");
  }
  CHECK(m.glyphs[0].font->style() != FontStyle::normal);  // italic alpha
  CHECK(m.glyphs[1].font->style() == FontStyle::normal);
  // A symbol DejaVu lacks is drawn as U+00A4 rather than failing.
  const MathLayout lacking = parse_and_layout_math("$\\Join$", {}, 100.0);
  REQUIRE(lacking.glyphs.size() == 1);
  CHECK(lacking.glyphs[0].glyph_id != 0);
  // \mathbb comes from DejaVu's double-struck letters.
  const MathLayout bb = parse_and_layout_math("$\\mathbb{R}\\mathbb{x}$", {}, 100.0);
  CHECK(bb.glyphs[0].codepoint == 0x211D);
  CHECK(bb.glyphs[1].codepoint == 0x1D569);
  CHECK(bb.glyphs[1].glyph_id != 0);
}
