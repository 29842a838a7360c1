// SPDX-License-Identifier: MIT
// Color parsing and to_hex against matplotlib 3.6.3: every expected value below was printed by
// /usr/bin/python3 with matplotlib.colors.to_rgba / to_hex(keep_alpha=True).
#include <string>
#include <thread>

#include "strata/colors/color.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"
#include "support/catch.hpp"

using namespace strata;

namespace {
struct ColorCase {
  const char* spec;
  Rgba rgba;
  const char* hex;
};
// matplotlib: (spec, to_rgba(spec), to_hex(spec, keep_alpha=True)) under the default cycle.
const ColorCase k_cases[] = {
    {"r", {1.0, 0.0, 0.0, 1}, "#ff0000ff"},
    {"red", {1.0, 0.0, 0.0, 1.0}, "#ff0000ff"},
    {"tab:blue", {0.12156862745098039, 0.4666666666666667, 0.7058823529411765, 1.0}, "#1f77b4ff"},
    {"tab:orange", {1.0, 0.4980392156862745, 0.054901960784313725, 1.0}, "#ff7f0eff"},
    {"xkcd:sky blue",
     {0.4588235294117647, 0.7333333333333333, 0.9921568627450981, 1.0},
     "#75bbfdff"},
    {"#ff000080", {1.0, 0.0, 0.0, 0.5019607843137255}, "#ff000080"},
    {"#f00", {1.0, 0.0, 0.0, 1.0}, "#ff0000ff"},
    {"#abc", {0.6666666666666666, 0.7333333333333333, 0.8, 1.0}, "#aabbccff"},
    {"#abcd", {0.6666666666666666, 0.7333333333333333, 0.8, 0.8666666666666667}, "#aabbccdd"},
    {"0.5", {0.5, 0.5, 0.5, 1.0}, "#808080ff"},
    {"0.25", {0.25, 0.25, 0.25, 1.0}, "#404040ff"},
    {"none", {0.0, 0.0, 0.0, 0.0}, "#00000000"},
    {"C0", {0.12156862745098039, 0.4666666666666667, 0.7058823529411765, 1.0}, "#1f77b4ff"},
    {"C3", {0.8392156862745098, 0.15294117647058825, 0.1568627450980392, 1.0}, "#d62728ff"},
    {"C9", {0.09019607843137255, 0.7450980392156863, 0.8117647058823529, 1.0}, "#17becfff"},
    {"g", {0.0, 0.5, 0.0, 1}, "#008000ff"},
    {"CornflowerBlue",
     {0.39215686274509803, 0.5843137254901961, 0.9294117647058824, 1.0},
     "#6495edff"},
    {"darkslategray",
     {0.1843137254901961, 0.30980392156862746, 0.30980392156862746, 1.0},
     "#2f4f4fff"},
    {"darkslategrey",
     {0.1843137254901961, 0.30980392156862746, 0.30980392156862746, 1.0},
     "#2f4f4fff"},
    {"xkcd:grey", {0.5725490196078431, 0.5843137254901961, 0.5686274509803921, 1.0}, "#929591ff"},
    {"XKCD:Sky Blue",
     {0.4588235294117647, 0.7333333333333333, 0.9921568627450981, 1.0},
     "#75bbfdff"},
    {"k", {0.0, 0.0, 0.0, 1}, "#000000ff"},
    {"w", {1.0, 1.0, 1.0, 1}, "#ffffffff"},
    {"#1f77b4", {0.12156862745098039, 0.4666666666666667, 0.7058823529411765, 1.0}, "#1f77b4ff"},
    {"rebeccapurple", {0.4, 0.2, 0.6, 1.0}, "#663399ff"},
};
}  // namespace

TEST_CASE("color strings parse like matplotlib", "[colors]") {
  rcdefaults();
  for (const auto& c : k_cases) {
    INFO(c.spec);
    const Rgba got = to_rgba(Color(c.spec));
    CHECK(got.r == c.rgba.r);
    CHECK(got.g == c.rgba.g);
    CHECK(got.b == c.rgba.b);
    CHECK(got.a == c.rgba.a);
    CHECK(to_hex(c.spec, true) == c.hex);
  }
}

TEST_CASE("color alpha, tuples, none and hex", "[colors]") {
  CHECK(to_rgba("red", 0.25) == Rgba{1, 0, 0, 0.25});
  CHECK(to_rgba("#ff000080", 1.0).a == 1.0);
  CHECK(to_rgba("none", 0.7) == Rgba{0, 0, 0, 0});  // matplotlib ignores alpha for "none"
  CHECK(to_rgba(Color(0.1, 0.2, 0.3)) == Rgba{0.1, 0.2, 0.3, 1});
  CHECK(to_rgba(Rgba{0.5, 0.5, 0.5, 0.5}) == Rgba{0.5, 0.5, 0.5, 0.5});
  CHECK(to_hex("tab:orange") == "#ff7f0e");
  CHECK(to_hex(Color(0.5, 0.5, 0.5)) == "#808080");  // matplotlib: round(127.5) == 128
  CHECK(to_hex("g") == "#008000");
  CHECK(is_color_like("C12"));
  CHECK_FALSE(is_color_like("notacolor"));
  CHECK(named_colors(ColorTable::tableau).size() == 10);
  CHECK(named_colors(ColorTable::css4).size() == 148);
  CHECK(named_colors(ColorTable::xkcd).size() == 949);
  CHECK(named_colors(ColorTable::base).size() == 8);
}

TEST_CASE("bad colors throw ValueError with matplotlib's messages", "[colors]") {
  // matplotlib: to_rgba_array("notacolor") -> "'notacolor' is not a valid color value."
  CHECK_THROWS_WITH(Color("notacolor"), "'notacolor' is not a valid color value.");
  CHECK_THROWS_WITH(Color("1.5"),
                    "Invalid string grayscale value '1.5'. Value must be within 0-1 range");
  CHECK_THROWS_AS(Color("#12345"), ValueError);
  CHECK_THROWS_AS(Color(1.5, 0, 0), ValueError);
  CHECK_THROWS_AS(to_rgba("red", 2.0), ValueError);
}

TEST_CASE("cycle references resolve against the thread's prop cycle", "[colors]") {
  rcdefaults();
  const Color c3 = "C3";
  CHECK(c3.cycle_index() == 3);
  CHECK(to_hex(c3) == "#d62728");     // matplotlib default cycle
  CHECK(to_hex("C13") == "#d62728");  // modulo the cycle length
  {
    rc_context ctx({{"axes.prop_cycle", "cycler('color', ['E24A33', '348ABD'])"}});
    CHECK(to_hex(c3) == "#348abd");
    std::string other;
    std::thread t([&] { other = to_hex(Color("C3")); });
    t.join();
    CHECK(other == "#d62728");
  }
  CHECK(to_hex(c3) == "#d62728");
}
