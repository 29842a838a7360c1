// SPDX-License-Identifier: MIT
// Fonts and shaping: the font manager's choices, glyph metrics, and text metrics equal to
// matplotlib's (RendererAgg.get_text_width_height_descent, matplotlib 3.6.3).
#include <cmath>
#include <thread>

#include "strata/error.hpp"
#include "strata/text/font.hpp"
#include "support/catch.hpp"
#include "text/shape_internal.hpp"

using strata::FontProperties;
using strata::FontStyle;

namespace {

struct Expected {
  const char* text;
  double size;
  double width, height, descent;
};

// From matplotlib 3.6.3 (FreeType 2.12.1) on this machine:
//   r = RendererAgg(640, 480, 100)
//   r.get_text_width_height_descent(text, FontProperties(size=size), ismath=False)
// The same numbers come out with matplotlib's DejaVu Sans 2.35 and Debian's 2.37 (bundled).
const Expected matplotlib_metrics[] = {
    {"Sine and cosine", 10, 109.25, 11.0, 0.0},
    {"AVATAR Tyg", 10, 80.375, 13.0, 3.0},
    {"lp", 10, 12.75, 14.0, 3.0},
    {"Temperature (\u00b0C)", 10, 120.25, 14.0, 3.0},
    {"\u00c5ngstr\u00f6m \u00b5m", 10, 93.875, 15.953125, 3.0},
    {"\u03b1\u03b2\u03b3 \u03a9\u03b4", 10, 49.75, 14.0, 3.0},
    {"\u22121.5", 10, 33.75, 10.0, 0.0},
    {"x", 10, 8.25, 8.0, 0.0},
    {"Wave -1e-3", 10, 78.625, 10.0, 0.0},
    {"fjord, quay; {[()]}", 10, 123.75, 14.0, 3.0},
    {" ", 10, 4.375, 0.0, 0.0},
    {"Te", 10, 14.75, 10.0, 0.0},
    {"_", 10, 7.0, 1.09375, 3.140625},
    {"-", 10, 4.875, 1.09375, -3.859375},
    {"Sine and cosine", 12, 131.375, 12.0, 0.0},
    {"AVATAR Tyg", 12, 95.875, 15.0, 3.0},
    {"lp", 12, 15.375, 15.0, 3.0},
    {"Temperature (\u00b0C)", 12, 143.875, 15.015625, 3.0},
    {"\u00c5ngstr\u00f6m \u00b5m", 12, 112.75, 18.015625, 3.0},
    {"\u03b1\u03b2\u03b3 \u03a9\u03b4", 12, 59.5, 15.0, 3.0},
    {"\u22121.5", 12, 40.5, 12.0, 0.0},
    {"x", 12, 9.875, 9.0, 0.0},
    {"Wave -1e-3", 12, 94.75, 12.0, 0.0},
    {"fjord, quay; {[()]}", 12, 147.875, 15.203125, 3.203125},
    {" ", 12, 5.25, 0.0, 0.0},
    {"Te", 12, 17.625, 12.0, 0.0},
    {"_", 12, 8.375, 1.21875, 4.203125},
    {"-", 12, 6.125, 1.21875, -3.796875},
    {"Sine and cosine", 7.5, 82.375, 8.0, 0.0},
    {"AVATAR Tyg", 7.5, 59.75, 10.0, 2.0},
    {"\u00c5ngstr\u00f6m \u00b5m", 7.5, 70.5, 11.90625, 2.0},
    {"Te", 7.5, 10.875, 8.0, 0.0},
    {"-", 7.5, 3.75, 0.8125, -2.09375},
};

}  // namespace

TEST_CASE("measure equals matplotlib's width, height and descent", "[fonts]") {
  for (const Expected& e : matplotlib_metrics) {
    INFO(e.text << " at " << e.size << " pt");
    const strata::TextMetrics m = strata::measure(e.text, {.size = e.size}, 100);
    CHECK(m.width == e.width);
    CHECK(m.height == e.height);
    CHECK(m.descent == e.descent);
  }
}

TEST_CASE("Sine and cosine at 12 pt and 100 dpi is 131.375 px wide", "[fonts]") {
  CHECK(strata::measure("Sine and cosine", {.size = 12}, 100).width == 131.375);
}

TEST_CASE("measure equals matplotlib for other faces", "[fonts]") {
  // matplotlib 3.6.3: "Sine and cosine" at 12 pt, 100 dpi, with these FontProperties.
  struct Case {
    FontProperties props;
    double width, height, descent;
  };
  const Case cases[] = {
      {{.weight = 700, .size = 12}, 147.25, 12.0, 0.0},
      {{.family = {"serif"}, .size = 12}, 132.5, 13.0, 0.0},
      {{.family = {"monospace"}, .size = 12}, 150.0, 12.0, 0.0},
      {{.style = FontStyle::italic, .size = 12}, 131.625, 12.0, 0.0},
      {{.family = {"serif"}, .style = FontStyle::italic, .weight = 700, .size = 12},
       146.875,
       13.0,
       0.0},
  };
  for (const Case& c : cases) {
    INFO(c.props.family[0] << " weight " << c.props.weight);
    const auto m = strata::measure("Sine and cosine", c.props, 100);
    CHECK(m.width == c.width);
    CHECK(m.height == c.height);
    CHECK(m.descent == c.descent);
  }
}

TEST_CASE("metrics are the sum of advances plus kerning", "[fonts]") {
  const FontProperties props{.size = 10};
  const double dpi = 100;
  const std::string text = "AVATAR Tyg WAVE";
  const auto font = strata::find_font(props);
  const double size_px = 10 * dpi / 72;
  double pen = 0;
  std::uint32_t previous = 0;
  bool kerned = false;
  const auto runs = strata::shape(text, props, dpi);
  REQUIRE(runs.size() == 1);
  const auto& run = runs[0];
  REQUIRE(run.glyph_ids.size() == text.size());
  CHECK(run.size_px == Approx(size_px));
  CHECK(run.text == text);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::uint32_t g = font->glyph_index(static_cast<char32_t>(text[i]));
    CHECK(run.glyph_ids[i] == g);
    const double k = previous != 0 ? font->kerning(previous, g, size_px) : 0.0;
    kerned = kerned || k != 0.0;
    pen += k;
    CHECK(run.positions[i].x == pen);
    CHECK(run.positions[i].y == 0.0);
    CHECK(run.clusters[i] == i);
    pen += font->glyph_metrics(g, size_px).advance;
    previous = g;
  }
  CHECK(kerned);  // "AV", "VA", "Ty", ... are kerning pairs in DejaVu Sans
  CHECK(strata::measure(text, props, dpi).width == pen);
  // Stable: the same numbers every time.
  CHECK(strata::measure(text, props, dpi).width == strata::measure(text, props, dpi).width);
}

TEST_CASE("glyph metrics are in pixels, y up", "[fonts]") {
  const auto font = strata::find_font({});
  const auto g = font->glyph_index(U'x');
  REQUIRE(g != 0);
  const auto m = font->glyph_metrics(g, 100.0 / 72 * 10);
  CHECK(m.advance == 8.25);  // matplotlib: "x" at 10 pt is 8.25 px wide
  CHECK(m.ymin == 0.0);
  CHECK(m.ymax == 8.0);
  CHECK(m.xmax > m.xmin);
  CHECK(font->units_per_em() == 2048);
  CHECK(font->ascender() > 0);
  CHECK(font->descender() < 0);
  const strata::Path outline = font->glyph_outline(g, 100.0);
  const strata::Bbox box = outline.get_extents();
  CHECK(box.ymin() == Approx(0.0).margin(1e-9));
  CHECK(box.ymax() == Approx(1120.0 / 2048 * 100).margin(1));  // x-height of DejaVu Sans
  CHECK(font->glyph_outline(font->glyph_index(U' '), 100.0).empty());
}

TEST_CASE("family, weight and style resolve as matplotlib's font manager", "[fonts]") {
  auto name = [](const FontProperties& p) {
    const auto f = strata::find_font(p);
    return f->family_name() + " " + f->style_name();
  };
  CHECK(name({}) == "DejaVu Sans Book");
  CHECK(name({.weight = 700}) == "DejaVu Sans Bold");
  CHECK(name({.weight = 800}) == "DejaVu Sans Bold");
  CHECK(name({.weight = 500}) == "DejaVu Sans Book");
  CHECK(name({.style = FontStyle::italic}) == "DejaVu Sans Oblique");
  CHECK(name({.style = FontStyle::oblique, .weight = 700}) == "DejaVu Sans Bold Oblique");
  CHECK(name({.family = {"serif"}}) == "DejaVu Serif Book");
  CHECK(name({.family = {"serif"}, .style = FontStyle::italic}) == "DejaVu Serif Italic");
  CHECK(name({.family = {"Serif"}, .weight = 700}) == "DejaVu Serif Bold");
  CHECK(name({.family = {"monospace"}}) == "DejaVu Sans Mono Book");
  CHECK(name({.family = {"DejaVu Sans Mono"}, .weight = 700}) == "DejaVu Sans Mono Bold");
  CHECK(name({.family = {"sans"}}) == "DejaVu Sans Book");
  CHECK(name({.family = {"No Such Family 12345"}}) == "DejaVu Sans Book");
  CHECK(name({.family = {"No Such Family 12345", "serif"}}) == "DejaVu Serif Book");
  CHECK(name({.family = {}}) == "DejaVu Sans Book");
  CHECK(strata::find_font({})->is_bundled());
  CHECK(strata::find_font({.weight = 700})->weight() == 700);
  // The fallback list: one face per family found, then DejaVu Sans.
  const auto chain = strata::find_fonts({.family = {"serif", "monospace"}});
  REQUIRE(chain.size() == 3);
  CHECK(chain[0]->family_name() == "DejaVu Serif");
  CHECK(chain[1]->family_name() == "DejaVu Sans Mono");
  CHECK(chain[2]->family_name() == "DejaVu Sans");
  // Cached and shared.
  CHECK(strata::find_font({.weight = 700}) == strata::find_font({.weight = 700}));
}

TEST_CASE("other families come from fontconfig", "[fonts]") {
  // Debian's fonts-urw-base35 (pulled in by ghostscript) has Nimbus Sans; skip without it.
  const auto nimbus = strata::find_font({.family = {"Nimbus Sans"}});
  if (nimbus->family_name() != "Nimbus Sans") {
    WARN("Nimbus Sans is not installed; fontconfig lookup not checked");
    return;
  }
  CHECK_FALSE(nimbus->is_bundled());
  CHECK(nimbus->style() == FontStyle::normal);
  const auto bold = strata::find_font({.family = {"nimbus sans"}, .weight = 700});
  CHECK(bold->family_name() == "Nimbus Sans");
  CHECK(bold->weight() == 700);
  CHECK(strata::measure("Sine and cosine", {.family = {"Nimbus Sans"}, .size = 12}, 100).width > 0);
  // A PDF can embed it.
  CHECK_FALSE(nimbus->font_file().data.empty());
}

TEST_CASE("generic family lists are matplotlib's rcParams", "[fonts]") {
  CHECK(strata::font_family_list("sans-serif").front() == "DejaVu Sans");
  CHECK(strata::font_family_list("serif").front() == "DejaVu Serif");
  CHECK(strata::font_family_list("monospace").front() == "DejaVu Sans Mono");
  CHECK(strata::font_family_list("cursive").size() == 9);
  CHECK(strata::font_family_list("fantasy").back() == "fantasy");
  CHECK_THROWS_AS(strata::font_family_list("roman"), strata::ValueError);
  const auto saved = strata::font_family_list("sans-serif");
  strata::set_font_family_list("sans-serif", {"DejaVu Serif"});
  CHECK(strata::find_font({})->family_name() == "DejaVu Serif");
  strata::set_font_family_list("sans-serif", saved);
  CHECK(strata::find_font({})->family_name() == "DejaVu Sans");
}

TEST_CASE("weight, style, stretch and size names", "[fonts]") {
  CHECK(strata::font_weight_from_name("ultralight") == 100);
  CHECK(strata::font_weight_from_name("light") == 200);
  CHECK(strata::font_weight_from_name("normal") == 400);
  CHECK(strata::font_weight_from_name("Regular") == 400);
  CHECK(strata::font_weight_from_name("book") == 400);
  CHECK(strata::font_weight_from_name("medium") == 500);
  CHECK(strata::font_weight_from_name("roman") == 500);
  CHECK(strata::font_weight_from_name("semibold") == 600);
  CHECK(strata::font_weight_from_name("demi") == 600);
  CHECK(strata::font_weight_from_name("bold") == 700);
  CHECK(strata::font_weight_from_name("extra bold") == 800);
  CHECK(strata::font_weight_from_name("heavy") == 800);
  CHECK(strata::font_weight_from_name("black") == 900);
  CHECK(strata::font_weight_from_name("350") == 350);
  CHECK_THROWS_WITH(strata::font_weight_from_name("fat"),
                    Catch::Contains("font weight must be") && Catch::Contains("got 'fat'"));
  CHECK_THROWS_AS(strata::font_weight_from_name("1200"), strata::ValueError);
  CHECK(strata::font_style_from_name("italic") == FontStyle::italic);
  CHECK_THROWS_AS(strata::font_style_from_name("slanted"), strata::ValueError);
  CHECK(strata::font_stretch_from_name("condensed") == 300);
  CHECK(strata::font_stretch_from_name("normal") == 500);
  CHECK(strata::font_stretch_from_name("ultra-expanded") == 900);
  CHECK(strata::font_size_from_name("xx-small", 10) == Approx(5.79));
  CHECK(strata::font_size_from_name("x-small", 10) == Approx(6.94));
  CHECK(strata::font_size_from_name("small", 10) == Approx(8.33));
  CHECK(strata::font_size_from_name("medium", 10) == 10);
  CHECK(strata::font_size_from_name("large", 10) == Approx(12));
  CHECK(strata::font_size_from_name("x-large", 10) == Approx(14.4));
  CHECK(strata::font_size_from_name("xx-large", 10) == Approx(17.28));
  CHECK(strata::font_size_from_name("larger", 12) == Approx(14.4));
  CHECK(strata::font_size_from_name("smaller", 12) == Approx(9.996));
  CHECK_THROWS_AS(strata::font_size_from_name("huge", 10), strata::ValueError);
}

TEST_CASE("invalid UTF-8 throws ValueError naming the byte", "[fonts]") {
  CHECK_THROWS_AS(strata::shape("ab\xff", {}, 100), strata::ValueError);
  CHECK_THROWS_WITH(strata::shape("ab\xff", {}, 100), "invalid UTF-8 in text at byte 2");
  CHECK_THROWS_WITH(strata::measure("\xc3", {}, 100), "invalid UTF-8 in text at byte 0");
  CHECK_THROWS_WITH(strata::measure("x\xc0\xafy", {}, 100),  // overlong '/'
                    "invalid UTF-8 in text at byte 1");
  CHECK_THROWS_WITH(strata::measure("\xed\xa0\x80", {}, 100),  // a surrogate
                    "invalid UTF-8 in text at byte 0");
  CHECK_THROWS_WITH(strata::measure("ok\xf4\x90\x80\x80", {}, 100),  // past U+10FFFF
                    "invalid UTF-8 in text at byte 2");
  CHECK_NOTHROW(strata::measure("\xf0\x9f\x98\x80", {}, 100));  // U+1F600, valid
}

TEST_CASE("Unicode: degree, Angstrom, micro, Greek and minus have real glyphs", "[fonts]") {
  const auto font = strata::find_font({});
  for (char32_t c : {U'\u00b0', U'\u00c5', U'\u00b5', U'\u03b1', U'\u03a9', U'\u2212', U'\u212b'}) {
    INFO(static_cast<unsigned>(c));
    CHECK(font->glyph_index(c) != 0);
  }
  const auto runs = strata::shape("\u2212\u00b0\u00c5\u00b5\u03b1", {}, 100);
  REQUIRE(runs.size() == 1);
  REQUIRE(runs[0].glyph_ids.size() == 5);
  for (auto g : runs[0].glyph_ids) CHECK(g != 0);
  CHECK(runs[0].clusters == std::vector<std::uint32_t>{0, 3, 5, 7, 9});
}

TEST_CASE("a glyph no font has draws .notdef and does not crash", "[fonts]") {
  // U+E000 (private use) is in no DejaVu face.
  const auto runs = strata::shape("a\ue000b", {}, 100);
  REQUIRE(runs.size() == 1);
  REQUIRE(runs[0].glyph_ids.size() == 3);
  CHECK(runs[0].glyph_ids[1] == 0);
  const auto m = strata::measure("\ue000", {}, 100);
  CHECK(m.width > 0);   // the box has an advance
  CHECK(m.height > 0);  // and ink
}

TEST_CASE("glyphs missing from the first family come from the next ones", "[fonts]") {
  // A symbol DejaVu Sans has and DejaVu Sans Mono lacks comes from the next face.
  const auto mono = strata::find_font({.family = {"monospace"}});
  const auto sans = strata::find_font({});
  char32_t only_in_sans = 0;
  for (char32_t c = 0x2190; c < 0x2800 && only_in_sans == 0; ++c) {
    if (mono->glyph_index(c) == 0 && sans->glyph_index(c) != 0) only_in_sans = c;
  }
  REQUIRE(only_in_sans != 0);
  std::string text = "a";
  // UTF-8 of only_in_sans (3 bytes below U+10000).
  text += static_cast<char>(0xE0 | (only_in_sans >> 12));
  text += static_cast<char>(0x80 | ((only_in_sans >> 6) & 0x3F));
  text += static_cast<char>(0x80 | (only_in_sans & 0x3F));
  text += "b";
  const auto runs = strata::shape(text, {.family = {"monospace"}}, 100);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].source == mono);
  CHECK(runs[1].source == sans);
  CHECK(runs[2].source == mono);
  CHECK(runs[1].glyph_ids[0] != 0);
  CHECK(runs[1].positions[0].x > runs[0].positions[0].x);
  CHECK(runs[2].positions[0].x > runs[1].positions[0].x);
  CHECK(runs[1].text.size() == 3);
}

TEST_CASE("text that needs shaping goes through HarfBuzz", "[fonts]") {
  // e + combining acute: two code points, the mark placed over the e (zero advance).
  const auto runs = strata::shape("e\u0301x", {}, 100);
  REQUIRE(!runs.empty());
  double width = strata::measure("e\u0301x", {}, 100).width;
  double plain = strata::measure("ex", {}, 100).width;
  CHECK(std::abs(width - plain) < 1.0);
  // Hebrew (DejaVu Sans has it): right to left, clusters run backwards.
  const auto heb = strata::shape("\u05e9\u05dc\u05d5\u05dd", {}, 100);
  REQUIRE(heb.size() == 1);
  REQUIRE(heb[0].glyph_ids.size() == 4);
  CHECK(heb[0].clusters.front() > heb[0].clusters.back());
  for (auto g : heb[0].glyph_ids) CHECK(g != 0);
}

TEST_CASE("empty text measures zero; sizes below 1 pt are 1 pt", "[fonts]") {
  const auto m = strata::measure("", {}, 100);
  CHECK(m.width == 0);
  CHECK(m.height == 0);
  CHECK(m.descent == 0);
  CHECK(strata::shape("", {}, 100).empty());
  CHECK(strata::measure("x", {.size = 0.25}, 100).width ==
        strata::measure("x", {.size = 1}, 100).width);
  CHECK_THROWS_AS(strata::measure("x", {.size = std::nan("")}, 100), strata::ValueError);
  CHECK_THROWS_AS(strata::measure("x", {}, 0), strata::ValueError);
}

TEST_CASE("fonts are shared safely between threads", "[fonts]") {
  const double expected = strata::measure("Sine and cosine", {.size = 12}, 100).width;
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, expected, &ok] {
      int good = 0;
      for (int i = 0; i < 50; ++i) {
        // Different sizes on the same face from several threads at once.
        const double size = 8 + (t + i) % 7;
        const auto w = strata::measure("Sine and cosine", {.size = size}, 100).width;
        const auto w12 = strata::measure("Sine and cosine", {.size = 12}, 100).width;
        const auto runs = strata::shape("Temperature", {.weight = 700, .size = size}, 100);
        const auto bm = runs[0].source->glyph_bitmap(runs[0].glyph_ids[0], runs[0].size_px,
                                                     runs[0].positions[0]);
        good += (w > 0 && w12 == expected && bm.width > 0) ? 1 : 0;
      }
      ok[static_cast<std::size_t>(t)] = good;
    });
  }
  for (auto& th : threads) th.join();
  for (int g : ok) CHECK(g == 50);
}
