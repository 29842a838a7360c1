// SPDX-License-Identifier: MIT
// Vector text metrics: matplotlib's PDF, PS and SVG backends measure and place text with
// unhinted glyphs at 72 dpi (SVG through TextToPath, at 100 pt scaled to the size). In the
// vector and text_path metrics modes (ScopedTextMetrics, which the vector formats set while
// drawing) Strata's measure(), mathtext, layout_text() and the artists' extents must equal
// matplotlib's PDF (SVG) renderer numbers; raster mode is unchanged.
// Expected values: tests/fixtures/text/make_vector_metrics.py (matplotlib 3.6.3, pdf backend).
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "strata/artist/axes.hpp"
#include "strata/artist/figure.hpp"
#include "strata/artist/text.hpp"
#include "strata/text/font.hpp"
#include "strata/text/layout.hpp"
#include "strata/text/mathtext.hpp"
#include "support/catch.hpp"

namespace {

using strata::Bbox;
using strata::FontProperties;
using strata::FontStyle;
using strata::HAlign;
using strata::RotationMode;
using strata::ScopedTextMetrics;
using strata::TextMetricsMode;
using strata::VAlign;

constexpr double kTol = 0.01;  // points

struct ExtentCase {
  const char* text;
  double size;
  int weight;
  FontStyle style;
  HAlign ha;
  VAlign va;
  double rotation;
  RotationMode mode;
};

using H = HAlign;
using V = VAlign;
constexpr auto kDef = RotationMode::default_mode;
constexpr auto kN = FontStyle::normal;

// Keep in sync with CASES in make_vector_metrics.py.
const ExtentCase kCases[] = {
    {"Sine and cosine", 10, 400, kN, H::left, V::baseline, 0, kDef},
    {"Sine and cosine", 12, 400, kN, H::center, V::center, 0, kDef},
    {"lp", 10, 400, kN, H::left, V::bottom, 0, kDef},
    {"AVATAR Ty, fi", 11, 400, kN, H::right, V::top, 0, kDef},
    {"\u22121.5", 10, 400, kN, H::center, V::top, 0, kDef},
    {"0.0", 10, 400, kN, H::right, V::center_baseline, 0, kDef},
    {"Bold label", 14, 700, kN, H::center, V::baseline, 0, kDef},
    {"Oblique (\u00b5m)", 9, 400, FontStyle::italic, H::left, V::center, 0, kDef},
    {"Rotated 45", 10, 400, kN, H::center, V::center, 45, kDef},
    {"Voltage (mV)", 10, 400, kN, H::center, V::bottom, 90, kDef},
    {"anchor mode", 10, 400, kN, H::right, V::top, 30, RotationMode::anchor_mode},
    {"Two lines\nsecond, longer", 10, 400, kN, H::center, V::center, 0, kDef},
    {"Size 7.5 text", 7.5, 400, kN, H::left, V::baseline, 0, kDef},
    {R"($x^2$)", 10, 400, kN, H::left, V::baseline, 0, kDef},
    {R"($\frac{\pi}{2}$)", 12, 400, kN, H::center, V::center, 0, kDef},
    {R"($v\sin i$ (km s$^{-1}$))", 10, 400, kN, H::center, V::top, 0, kDef},
    {R"($\alpha_i^2 + \sqrt{x}$)", 10, 400, kN, H::left, V::bottom, 90, kDef},
};

// Text.get_window_extent(pdf renderer) - anchor: x0, y0, x1, y1 (points).
const std::array<double, 4> kExtents[] = {
    {0, -2.078125, 78.937499999999972, 7.59375},
    {-47.34375, -5.8125, 47.343749999999972, 5.8125},
    {0, 0, 9.125, 9.671875},
    {-70.15625, -10.640625, 0, 0},
    {-12.140625, -9.671875, 12.140625, 0},
    {-15.90625, -5.875, 0, 3.796875},
    {-39.2734375, -2.90625, 39.273437499999972, 10.640625},
    {0, -4.359375, 59.140624999999972, 4.359375},
    {-22.84838786709031, -22.84838786709031, 22.84838786709031, 22.84838786709031},
    {-4.8359375, 0, 4.8359375, 65.140625},
    {-57.252398178311893, -41.430776952227603, 4.8359375, 0},
    {-36.9609375, -10.431250000000006, 36.960937499999972, 10.431250000000006},
    {0, -1.5625, 46.890624999999972, 5.703125},
    {0, -2.078125, 12, 7.921875},
    {-3.5, -8, 3.5, 8},
    {-35.5, -11, 35.499999999999972, 0},
    {0, 0, 13, 39},
};

struct MeasureCase {
  const char* text;
  double size;
  bool math;
};
const MeasureCase kMeasureCases[] = {
    {"Sine and cosine", 12, false},
    {"Hello, World!", 10, false},
    {"AV To Wa", 10, false},
    {"\u00c5ngstr\u00f6m \u00b0C \u03b1\u03b2\u03b3", 10, false},
    {"gjpqy", 17, false},
    {R"($x^2$)", 10, true},
    {R"($\frac{a}{b}+\sqrt{x}\,\alpha_i^2$)", 10, true},
    {R"($\sum_{i=0}^{n} x_i$)", 14, true},
};
// RendererPdf.get_text_width_height_descent: width, height, descent (points).
const std::array<double, 3> kMeasures[] = {
    {94.6875, 9.296875, 0.171875},
    {64.375, 8.75, 1.15625},
    {45.3125, 7.4375, 0.140625},
    {85.671875, 11.359375, 2.078125},
    {47.171875, 16.453125, 3.53125},
    {12, 10, 0},
    {47, 15, 5},
    {33, 38, 15},
};

// RendererSVG.get_text_width_height_descent (TextToPath: at 100 pt, scaled): w, h, d.
const std::array<double, 3> kSvgMeasures[] = {
    {94.659374999999997, 9.2887500000000003, 0.170625},
    {64.370312499999997, 8.7609375000000007, 1.1625000000000001},
    {45.3046875, 7.4328125000000007, 0.14218749999999999},
    {85.6328125, 11.362500000000001, 2.0796874999999999},
    {47.161718750000006, 16.4528125, 3.5354687500000002},
    {11.100000000000001, 9.0999999999999996, 0},
    {46.200000000000003, 13.300000000000001, 4.2000000000000002},
    {32.480000000000004, 36.540000000000006, 14.140000000000001},
};

// RendererPdf.draw_text glyph x positions at 10 pt ("AV To Wa", "Sine and cosine"):
// linear advances plus FT_KERNING_UNFITTED.
const std::vector<double> kPositions[] = {
    {0, 6.2001953125, 13.041015625, 16.2197265625, 20.640625, 26.7587890625, 29.9375,
     39.1845703125},
    {0, 6.34765625, 9.1259765625, 15.4638671875, 21.6162109375, 24.794921875, 30.9228515625,
     37.2607421875, 43.6083984375, 46.787109375, 52.28515625, 58.4033203125, 63.61328125,
     66.3916015625, 72.7294921875},
};
// TextToPath.get_glyphs_with_font positions (at 100 pt, scaled to 10 pt): linear advances
// plus FT_KERNING_DEFAULT at 100 pt.
const std::vector<double> kSvgPositions[] = {
    {0, 6.2033203124999998, 13.044140625000001, 16.222851562500001, 20.631250000000001,
     26.749414062500001, 29.928125000000001, 39.178320312499999},
    {0, 6.34765625, 9.1259765625, 15.4638671875, 21.6162109375, 24.794921875, 30.9228515625,
     37.2607421875, 43.6083984375, 46.787109375, 52.28515625, 58.4033203125, 63.61328125,
     66.3916015625, 72.7294921875},
};

// fig.get_tightbbox(pdf renderer) * 72 of the figure built in the tight-bbox test.
const std::array<double, 4> kTight = {-3.0812500000000074, 2.0562499999999986, 273.60000000000002,
                                      209.52500000000001};

}  // namespace

TEST_CASE("vector metrics: measure equals matplotlib's PDF renderer", "[vector_text]") {
  ScopedTextMetrics vector(TextMetricsMode::vector);
  for (std::size_t i = 0; i < std::size(kMeasureCases); ++i) {
    const MeasureCase& c = kMeasureCases[i];
    INFO(c.text);
    const FontProperties props{.size = c.size};
    double w = 0, h = 0, d = 0;
    if (c.math) {
      const auto m = strata::parse_and_layout_math(c.text, props, 72.0);
      w = m.width;
      h = m.height;
      d = m.depth;
    } else {
      const auto m = strata::measure(c.text, props, 72.0);
      w = m.width;
      h = m.height;
      d = m.descent;
    }
    CHECK(w == Approx(kMeasures[i][0]).margin(kTol));
    CHECK(h == Approx(kMeasures[i][1]).margin(kTol));
    CHECK(d == Approx(kMeasures[i][2]).margin(kTol));
  }
}

TEST_CASE("text_path metrics: measure equals matplotlib's SVG renderer", "[vector_text]") {
  ScopedTextMetrics svg(TextMetricsMode::text_path);
  for (std::size_t i = 0; i < std::size(kMeasureCases); ++i) {
    const MeasureCase& c = kMeasureCases[i];
    INFO(c.text);
    const FontProperties props{.size = c.size};
    double w = 0, h = 0, d = 0;
    if (c.math) {
      const auto m = strata::parse_and_layout_math(c.text, props, 72.0);
      w = m.width;
      h = m.height;
      d = m.depth;
    } else {
      const auto m = strata::measure(c.text, props, 72.0);
      w = m.width;
      h = m.height;
      d = m.descent;
    }
    CHECK(w == Approx(kSvgMeasures[i][0]).margin(1e-9));
    CHECK(h == Approx(kSvgMeasures[i][1]).margin(1e-9));
    CHECK(d == Approx(kSvgMeasures[i][2]).margin(1e-9));
  }
}

TEST_CASE("vector metrics: layout extents equal matplotlib's PDF window extents", "[vector_text]") {
  ScopedTextMetrics vector(TextMetricsMode::vector);
  for (std::size_t i = 0; i < std::size(kCases); ++i) {
    const ExtentCase& c = kCases[i];
    INFO(i << ": " << c.text);
    const FontProperties props{.style = c.style, .weight = c.weight, .size = c.size};
    const auto lay = strata::layout_text(
        c.text, props, 72.0,
        {.ha = c.ha, .va = c.va, .rotation = c.rotation, .rotation_mode = c.mode});
    CHECK(lay.metrics == TextMetricsMode::vector);
    CHECK(lay.extent.x0 == Approx(kExtents[i][0]).margin(kTol));
    CHECK(lay.extent.y0 == Approx(kExtents[i][1]).margin(kTol));
    CHECK(lay.extent.x1 == Approx(kExtents[i][2]).margin(kTol));
    CHECK(lay.extent.y1 == Approx(kExtents[i][3]).margin(kTol));
  }
}

TEST_CASE("vector metrics: glyphs placed at linear advances plus kerning", "[vector_text]") {
  const char* const texts[] = {"AV To Wa", "Sine and cosine"};
  for (const auto mode : {TextMetricsMode::vector, TextMetricsMode::text_path}) {
    ScopedTextMetrics scope(mode);
    const auto& expected = mode == TextMetricsMode::vector ? kPositions : kSvgPositions;
    for (std::size_t i = 0; i < 2; ++i) {
      INFO(texts[i] << (mode == TextMetricsMode::vector ? " (PDF)" : " (SVG)"));
      const auto runs = strata::shape(texts[i], {.size = 10}, 72.0);
      REQUIRE(runs.size() == 1);
      CHECK(runs[0].size_px == 10.0);
      REQUIRE(runs[0].positions.size() == expected[i].size());
      for (std::size_t k = 0; k < expected[i].size(); ++k) {
        CHECK(runs[0].positions[k].x == Approx(expected[i][k]).margin(1e-6));
        CHECK(runs[0].positions[k].y == 0.0);
      }
    }
  }
}

TEST_CASE("vector metrics: the mode is scoped and raster metrics are unchanged", "[vector_text]") {
  CHECK(strata::text_metrics_mode() == TextMetricsMode::raster);
  // font.hpp's documented Agg numbers ("Sine and cosine", 12 pt, 100 dpi).
  const auto raster = strata::measure("Sine and cosine", {.size = 12}, 100.0);
  CHECK(raster.width == 131.375);
  CHECK(raster.height == 12.0);
  CHECK(raster.descent == 0.0);
  const auto raster72 = strata::measure("Sine and cosine", {.size = 12}, 72.0);
  {
    ScopedTextMetrics vector(TextMetricsMode::vector);
    CHECK(strata::text_metrics_mode() == TextMetricsMode::vector);
    {
      ScopedTextMetrics inner(TextMetricsMode::raster);
      CHECK(strata::text_metrics_mode() == TextMetricsMode::raster);
    }
    const auto v = strata::measure("Sine and cosine", {.size = 12}, 72.0);
    CHECK(v.width == Approx(kMeasures[0][0]).margin(kTol));
    CHECK(v.height == Approx(kMeasures[0][1]).margin(kTol));
    // Hinted and unhinted metrics differ (here the hinted ones have no descent).
    CHECK(v.descent != raster72.descent);
  }
  CHECK(strata::text_metrics_mode() == TextMetricsMode::raster);
  const auto again = strata::measure("Sine and cosine", {.size = 12}, 72.0);
  CHECK(again.width == raster72.width);
  CHECK(again.height == raster72.height);
  CHECK(again.descent == raster72.descent);
}

TEST_CASE("vector metrics: a Text's cached layout follows the mode", "[vector_text]") {
  strata::Figure fig({.figsize = strata::Size{6.4, 4.8}});
  strata::Text& t = fig.text(0.5, 0.5, "Sine and cosine");
  fig.set_dpi(72);
  const Bbox raster = t.get_window_extent(72.0);
  Bbox vector;
  {
    ScopedTextMetrics scope(TextMetricsMode::vector);
    vector = t.get_window_extent(72.0);
  }
  const Bbox raster_again = t.get_window_extent(72.0);
  // Anchor (230.4, 172.8) pt.
  CHECK(vector.x0 - 230.4 == Approx(kExtents[0][0]).margin(kTol));
  CHECK(vector.y0 - 172.8 == Approx(kExtents[0][1]).margin(kTol));
  CHECK(vector.x1 - 230.4 == Approx(kExtents[0][2]).margin(kTol));
  CHECK(vector.y1 - 172.8 == Approx(kExtents[0][3]).margin(kTol));
  CHECK(raster.x1 != vector.x1);
  CHECK(raster_again.x1 == raster.x1);
  CHECK(raster_again.y0 == raster.y0);
}

TEST_CASE("vector metrics: figure tight bbox equals matplotlib's PDF tight bbox", "[vector_text]") {
  strata::Figure fig({.figsize = strata::Size{4, 3}});
  strata::Axes& ax = fig.add_axes({0.15, 0.15, 0.8, 0.75});
  const std::vector<double> x{0, 1, 2, 3}, y{0.0, 1.5, -0.5, 2.0};
  ax.plot(x, y);
  ax.set_xlabel("Time (s)");
  ax.set_ylabel("Amplitude $A$ (mV)");
  ax.set_title("Vector metrics");
  fig.set_dpi(72);
  ScopedTextMetrics vector(TextMetricsMode::vector);
  const Bbox b = fig.get_tightbbox();
  CHECK(b.x0 == Approx(kTight[0]).margin(kTol));
  CHECK(b.y0 == Approx(kTight[1]).margin(kTol));
  CHECK(b.x1 == Approx(kTight[2]).margin(kTol));
  CHECK(b.y1 == Approx(kTight[3]).margin(kTol));
}
