// SPDX-License-Identifier: MIT
// SVG text with svg.fonttype 'none': Strata's SVG output must hold the <text> elements (and
// for math the comment, <g>, <tspan>s and <rect>s) that matplotlib 3.6.3 writes for the same
// figure, with &, < and > escaped; with the default 'path' there is no <text> at all.
// Expected markup: tests/fixtures/text/make_svg_text.py (matplotlib's SVG, indentation removed).
#include <string>
#include <vector>

#include "strata/artist/figure.hpp"
#include "strata/artist/text.hpp"
#include "strata/backend/canvas.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"
#include "support/catch.hpp"

namespace {

struct SvgCase {
  const char* text;
  double x, y;
  strata::TextOptions options;
};

// Keep in sync with CASES in make_svg_text.py.
std::vector<SvgCase> cases() {
  return {
      {"Sine and cosine", 0.5, 0.5, {}},
      {"centred & <escaped> \"quoted\" 'single'", 0.25, 0.75, {.ha = "center", .va = "center"}},
      {"Bold right",
       0.9,
       0.1,
       {.color = strata::Color("#ff0000"), .fontsize = 14, .fontweight = "bold", .ha = "right"}},
      {"Oblique \u00b5m \u2212 1", 0.1, 0.3, {.fontstyle = "italic", .alpha = 0.5}},
      {"Rotated 30", 0.5, 0.2, {.rotation = 30}},
      {"Anchored 45",
       0.3,
       0.6,
       {.ha = "center", .va = "top", .rotation = 45, .rotation_mode = "anchor"}},
      {"Serif text", 0.6, 0.8, {.fontsize = 12, .fontfamily = "serif"}},
      {"DejaVu Sans Mono", 0.6, 0.4, {.fontfamily = "DejaVu Sans Mono"}},
      {"Two\nlines", 0.2, 0.2, {}},
      {R"($x^2_i$)", 0.7, 0.6, {}},
      {R"(a $\frac{1}{2}$ b)", 0.4, 0.9, {.fontsize = 12}},
      {R"(($\alpha > \beta$) & <co>)", 0.8, 0.5, {.color = strata::Color("C1"), .rotation = 90}},
  };
}

// matplotlib's elements for each case, in order.
const std::
    vector<std::vector<std::string>>
        kExpected =
            {
                // 'Sine and cosine'
                {R"svg(<text style="font: 10px 'DejaVu Sans', 'Bitstream Vera Sans', 'Computer Modern Sans Serif', 'Lucida Grande', 'Verdana', 'Geneva', 'Lucid', 'Arial', 'Helvetica', 'Avant Garde', sans-serif; text-anchor: start" x="230.4" y="172.8" transform="rotate(-0 230.4 172.8)">Sine and cosine</text>)svg"},
                // 'centred & <escaped> "quoted" \'single\''
                {R"svg(<text style="font: 10px 'DejaVu Sans', 'Bitstream Vera Sans', 'Computer Modern Sans Serif', 'Lucida Grande', 'Verdana', 'Geneva', 'Lucid', 'Arial', 'Helvetica', 'Avant Garde', sans-serif; text-anchor: middle" x="115.2" y="89.159375" transform="rotate(-0 115.2 89.159375)">centred &amp; &lt;escaped&gt; "quoted" 'single'</text>)svg"},
                // 'Bold right'
                {R"svg(<text style="fill: #ff0000; font: 700 14px 'DejaVu Sans', 'Bitstream Vera Sans', 'Computer Modern Sans Serif', 'Lucida Grande', 'Verdana', 'Geneva', 'Lucid', 'Arial', 'Helvetica', 'Avant Garde', sans-serif; text-anchor: end" x="414.72" y="311.04" transform="rotate(-0 414.72 311.04)">Bold right</text>)svg"},
                // 'Oblique µm − 1'
                {R"svg(<text style="opacity: 0.5; font: italic 10px 'DejaVu Sans', 'Bitstream Vera Sans', 'Computer Modern Sans Serif', 'Lucida Grande', 'Verdana', 'Geneva', 'Lucid', 'Arial', 'Helvetica', 'Avant Garde', sans-serif; text-anchor: start" x="46.08" y="241.92" transform="rotate(-0 46.08 241.92)">Oblique µm − 1</text>)svg"},
                // 'Rotated 30'
                {R"svg(<text style="font: 10px 'DejaVu Sans', 'Bitstream Vera Sans', 'Computer Modern Sans Serif', 'Lucida Grande', 'Verdana', 'Geneva', 'Lucid', 'Arial', 'Helvetica', 'Avant Garde', sans-serif" transform="translate(234.199219 276.758625) rotate(-30)">Rotated 30</text>)svg"},
                // 'Anchored 45'
                {R"svg(<text style="font: 10px 'DejaVu Sans', 'Bitstream Vera Sans', 'Computer Modern Sans Serif', 'Lucida Grande', 'Verdana', 'Geneva', 'Lucid', 'Arial', 'Helvetica', 'Avant Garde', sans-serif; text-anchor: middle" x="143.612907" y="143.612907" transform="rotate(-45 143.612907 143.612907)">Anchored 45</text>)svg"},
                // 'Serif text'
                {R"svg(<text style="font: 12px 'DejaVu Serif', 'Bitstream Vera Serif', 'Computer Modern Roman', 'New Century Schoolbook', 'Century Schoolbook L', 'Utopia', 'ITC Bookman', 'Bookman', 'Nimbus Roman No9 L', 'Times New Roman', 'Times', 'Palatino', 'Charter', serif; text-anchor: start" x="276.48" y="69.12" transform="rotate(-0 276.48 69.12)">Serif text</text>)svg"},
                // 'DejaVu Sans Mono'
                {R"svg(<text style="font: 10px 'DejaVu Sans Mono'; text-anchor: start" x="276.48" y="207.36" transform="rotate(-0 276.48 207.36)">DejaVu Sans Mono</text>)svg"},
                // 'Two\nlines'
                {R"svg(<text style="font: 10px 'DejaVu Sans', 'Bitstream Vera Sans', 'Computer Modern Sans Serif', 'Lucida Grande', 'Verdana', 'Geneva', 'Lucid', 'Arial', 'Helvetica', 'Avant Garde', sans-serif" transform="translate(92.16 265.282187)">Two</text>)svg",
                 R"svg(<text style="font: 10px 'DejaVu Sans', 'Bitstream Vera Sans', 'Computer Modern Sans Serif', 'Lucida Grande', 'Verdana', 'Geneva', 'Lucid', 'Arial', 'Helvetica', 'Avant Garde', sans-serif" transform="translate(92.16 276.48)">lines</text>)svg"},
                // '$x^2_i$'
                {R"svg(<!-- $x^2_i$ -->
<g transform="translate(322.56 138.24)">
<text>
<tspan style="font: oblique 10px 'DejaVu Sans'" x="0" y="-0.9734374999999993">x</tspan>
<tspan style="font: 7px 'DejaVu Sans'" x="6.364583" y="-4.8046875">2</tspan>
<tspan style="font: oblique 7px 'DejaVu Sans'" x="5.917969" y="1.7609375000000007">i</tspan>
</text>
</g>)svg"},
                // 'a $\\frac{1}{2}$ b'
                {R"svg(<!-- a $\frac{1}{2}$ b -->
<g transform="translate(184.32 34.56)">
<text>
<tspan style="font: 12px 'DejaVu Sans'" x="0 7.353516 18.012305 21.826758" y="-0.6171875">a  b</tspan>
<tspan style="font: 8.4px 'DejaVu Sans'" x="11.167969 11.167969" y="-5.875 4.109375">12</tspan>
</text>
<rect x="11.167969" y="-3.875" width="5.344336" height="0.75"/>
</g>)svg"},
                // '($\\alpha > \\beta$) & <co>'
                {R"svg(<!-- ($\alpha &gt; \beta$) &amp; &lt;co&gt; -->
<g style="fill: #ff7f0e" transform="translate(376.34 174.9) rotate(-90)">
<text>
<tspan style="font: 10px 'DejaVu Sans'" x="0 12.441406 29.150391 33.051758 36.230469 44.02832 47.207031 55.585938 61.083984 67.202148" y="-0.34375">(&gt;) &amp; &lt;co&gt;</tspan>
<tspan style="font: oblique 10px 'DejaVu Sans'" x="3.901367 22.768555" y="-0.34375">αβ</tspan>
</text>
</g>)svg"},
};

std::string svg_of(const SvgCase& c) {
  strata::Figure fig({.figsize = strata::Size{6.4, 4.8}});
  fig.text(c.x, c.y, c.text, c.options);
  const auto bytes = fig.canvas().print_to_bytes({.format = "svg"});
  return {bytes.begin(), bytes.end()};
}

/// The text elements of an SVG document as the fixture script cuts them out of matplotlib's:
/// "<!-- ... -->" followed by a <g> up to its "</g>", or a <text> element; lines stripped.
std::vector<std::string> text_elements(const std::string& svg) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t comment = svg.find("<!-- ", pos);
    const std::size_t text = svg.find("<text ", pos);
    if (comment == std::string::npos && text == std::string::npos) break;
    std::size_t start = 0, end = 0;
    if (comment < text) {
      start = comment;
      end = svg.find("\n</g>", start);
      if (end == std::string::npos) break;
      end += 5;
    } else {
      start = text;
      end = svg.find("</text>", start);
      const std::size_t self_closing = svg.find("/>", start);
      const std::size_t next_open = svg.find('>', start);
      if (self_closing != std::string::npos && self_closing + 1 == next_open) {
        end = self_closing + 2;
      } else {
        if (end == std::string::npos) break;
        end += 7;
      }
    }
    out.push_back(svg.substr(start, end - start));
    pos = end;
  }
  return out;
}

}  // namespace

TEST_CASE("svg.fonttype none: <text> elements as matplotlib writes them", "[svg_text]") {
  strata::rc_context ctx({{"svg.fonttype", "none"}});
  const auto all = cases();
  REQUIRE(all.size() == kExpected.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    INFO(i << ": " << all[i].text);
    const std::string svg = svg_of(all[i]);
    const auto got = text_elements(svg);
    REQUIRE(got.size() == kExpected[i].size());
    for (std::size_t k = 0; k < got.size(); ++k) CHECK(got[k] == kExpected[i][k]);
    // No glyph outlines were drawn for the text, and no placeholder is left.
    CHECK(svg.find("<symbol") == std::string::npos);
    CHECK(svg.find("43.21%") == std::string::npos);
  }
}

TEST_CASE("svg.fonttype none: special characters are escaped", "[svg_text]") {
  strata::rc_context ctx({{"svg.fonttype", "none"}});
  const std::string svg = svg_of({"a & b < c > d \"e\" 'f'", 0.5, 0.5, {}});
  const auto got = text_elements(svg);
  REQUIRE(got.size() == 1);
  CHECK(got[0].find(">a &amp; b &lt; c &gt; d \"e\" 'f'</text>") != std::string::npos);
  CHECK(svg.find("a & b") == std::string::npos);
  // Cairo's ids are renumbered before the texts go in: text that looks like one is kept.
  const std::string ids = svg_of({"\"surface77\" #image9 \"source5", 0.5, 0.5, {}});
  CHECK(ids.find(">\"surface77\" #image9 \"source5</text>") != std::string::npos);
}

TEST_CASE("svg.fonttype path (the default): glyphs as paths, no <text>", "[svg_text]") {
  CHECK(strata::rc().get_string("svg.fonttype") == "path");
  const std::string svg = svg_of({"Sine and cosine", 0.5, 0.5, {}});
  CHECK(svg.find("<text") == std::string::npos);
  CHECK(svg.find("<path") != std::string::npos);
  CHECK_THROWS_AS(strata::rc().set("svg.fonttype", "svgfont"), strata::ValueError);
}

TEST_CASE("svg.fonttype none: text keeps its place in the drawing order", "[svg_text]") {
  strata::rc_context ctx({{"svg.fonttype", "none"}});
  strata::Figure fig({.figsize = strata::Size{4, 3}});
  auto& ax = fig.add_subplot(1, 1, 1);
  ax.set_title("Title & more");
  fig.text(0.01, 0.01, "last");
  const auto bytes = fig.canvas().print_to_bytes({.format = "svg"});
  const std::string svg(bytes.begin(), bytes.end());
  const auto title = svg.find(">Title &amp; more</text>");
  const auto last = svg.find(">last</text>");
  REQUIRE(title != std::string::npos);
  REQUIRE(last != std::string::npos);
  CHECK(title < last);
  // Tick labels are text too.
  CHECK(svg.find(">0.0</text>") != std::string::npos);
  CHECK(svg.find(">1.0</text>") != std::string::npos);
}
