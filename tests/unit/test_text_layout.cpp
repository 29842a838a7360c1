// SPDX-License-Identifier: MIT
// Text layout (matplotlib's Text._get_layout) and text boxes (BoxStyle / FancyBboxPatch):
// window extents and box outlines against matplotlib 3.6.3, and raster output of draw_text
// against matplotlib's Agg renders (tests/fixtures/text_layout/).
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "strata/backend/canvas.hpp"
#include "strata/error.hpp"
#include "strata/text/boxstyle.hpp"
#include "strata/text/layout.hpp"
#include "support/catch.hpp"
#include "support/image_tools.hpp"
#include "support/paths.hpp"

namespace {

using strata::Bbox;
using strata::BoxStyle;
using strata::BoxStyleName;
using strata::HAlign;
using strata::PathCode;
using strata::Point;
using strata::RotationMode;
using strata::TextLayoutOptions;
using strata::VAlign;
using H = strata::HAlign;
using V = strata::VAlign;
using M = strata::RotationMode;

// Keep in sync with STRINGS in tests/fixtures/text_layout/make_expected.py.
const char* const kStrings[] = {
    "Sine wave",
    "Line one\nsecond, longer line\n3 (lp)",
    R"($\frac{a}{b}+\sqrt{x}\,\alpha_i^2$ m)",
    "quite\n\n$x^2_i$ mixed",
};

enum class A { none, left, center, right };  // multialignment; none: as ha

struct ExtentCase {
  int string;
  HAlign ha;
  VAlign va;
  double rotation;
  RotationMode mode;
  A malign;
  double x0, y0, x1, y1;  ///< get_window_extent() minus the anchor (320, 240), pixels
};

// From matplotlib 3.6.3 (tests/fixtures/text_layout/make_expected.py): fig.text(0.5, 0.5, s,
// ha=, va=, rotation=, rotation_mode=, multialignment=) on a 6.4 x 4.8 in figure at 100 dpi,
// font size 10; t.get_window_extent() after fig.canvas.draw(), relative to the anchor.
const ExtentCase kExtents[] = {
    {0, H::left, V::top, 0, M::default_mode, A::none, 0.0000, -14.0000, 71.0000, 0.0000},
    {0, H::left, V::center, 0, M::default_mode, A::none, 0.0000, -7.0000, 71.0000, 7.0000},
    {0, H::left, V::bottom, 0, M::default_mode, A::none, 0.0000, 0.0000, 71.0000, 14.0000},
    {0, H::left, V::baseline, 0, M::default_mode, A::none, 0.0000, -3.0000, 71.0000, 11.0000},
    {0, H::left, V::center_baseline, 0, M::default_mode, A::none, 0.0000, -8.5000, 71.0000, 5.5000},
    {0, H::center, V::top, 0, M::default_mode, A::none, -35.5000, -14.0000, 35.5000, 0.0000},
    {0, H::center, V::center, 0, M::default_mode, A::none, -35.5000, -7.0000, 35.5000, 7.0000},
    {0, H::center, V::bottom, 0, M::default_mode, A::none, -35.5000, 0.0000, 35.5000, 14.0000},
    {0, H::center, V::baseline, 0, M::default_mode, A::none, -35.5000, -3.0000, 35.5000, 11.0000},
    {0, H::center, V::center_baseline, 0, M::default_mode, A::none, -35.5000, -8.5000, 35.5000,
     5.5000},
    {0, H::right, V::top, 0, M::default_mode, A::none, -71.0000, -14.0000, 0.0000, 0.0000},
    {0, H::right, V::center, 0, M::default_mode, A::none, -71.0000, -7.0000, 0.0000, 7.0000},
    {0, H::right, V::bottom, 0, M::default_mode, A::none, -71.0000, 0.0000, 0.0000, 14.0000},
    {0, H::right, V::baseline, 0, M::default_mode, A::none, -71.0000, -3.0000, 0.0000, 11.0000},
    {0, H::right, V::center_baseline, 0, M::default_mode, A::none, -71.0000, -8.5000, 0.0000,
     5.5000},
    {0, H::left, V::top, 45, M::default_mode, A::none, 0.0000, -60.1041, 60.1041, 0.0000},
    {0, H::left, V::center, 45, M::default_mode, A::none, 0.0000, -30.0520, 60.1041, 30.0520},
    {0, H::left, V::bottom, 45, M::default_mode, A::none, 0.0000, 0.0000, 60.1041, 60.1041},
    {0, H::left, V::baseline, 45, M::default_mode, A::none, 0.0000, -3.0000, 60.1041, 57.1041},
    {0, H::left, V::center_baseline, 45, M::default_mode, A::none, 0.0000, -54.6041, 60.1041,
     5.5000},
    {0, H::center, V::top, 45, M::default_mode, A::none, -30.0520, -60.1041, 30.0520, 0.0000},
    {0, H::center, V::center, 45, M::default_mode, A::none, -30.0520, -30.0520, 30.0520, 30.0520},
    {0, H::center, V::bottom, 45, M::default_mode, A::none, -30.0520, 0.0000, 30.0520, 60.1041},
    {0, H::center, V::baseline, 45, M::default_mode, A::none, -30.0520, -3.0000, 30.0520, 57.1041},
    {0, H::center, V::center_baseline, 45, M::default_mode, A::none, -30.0520, -54.6041, 30.0520,
     5.5000},
    {0, H::right, V::top, 45, M::default_mode, A::none, -60.1041, -60.1041, 0.0000, 0.0000},
    {0, H::right, V::center, 45, M::default_mode, A::none, -60.1041, -30.0520, 0.0000, 30.0520},
    {0, H::right, V::bottom, 45, M::default_mode, A::none, -60.1041, 0.0000, 0.0000, 60.1041},
    {0, H::right, V::baseline, 45, M::default_mode, A::none, -60.1041, -3.0000, 0.0000, 57.1041},
    {0, H::right, V::center_baseline, 45, M::default_mode, A::none, -60.1041, -54.6041, 0.0000,
     5.5000},
    {0, H::left, V::top, 90, M::default_mode, A::none, 0.0000, -71.0000, 14.0000, 0.0000},
    {0, H::left, V::center, 90, M::default_mode, A::none, 0.0000, -35.5000, 14.0000, 35.5000},
    {0, H::left, V::bottom, 90, M::default_mode, A::none, 0.0000, 0.0000, 14.0000, 71.0000},
    {0, H::left, V::baseline, 90, M::default_mode, A::none, 0.0000, -3.0000, 14.0000, 68.0000},
    {0, H::left, V::center_baseline, 90, M::default_mode, A::none, 0.0000, -65.5000, 14.0000,
     5.5000},
    {0, H::center, V::top, 90, M::default_mode, A::none, -7.0000, -71.0000, 7.0000, 0.0000},
    {0, H::center, V::center, 90, M::default_mode, A::none, -7.0000, -35.5000, 7.0000, 35.5000},
    {0, H::center, V::bottom, 90, M::default_mode, A::none, -7.0000, 0.0000, 7.0000, 71.0000},
    {0, H::center, V::baseline, 90, M::default_mode, A::none, -7.0000, -3.0000, 7.0000, 68.0000},
    {0, H::center, V::center_baseline, 90, M::default_mode, A::none, -7.0000, -65.5000, 7.0000,
     5.5000},
    {0, H::right, V::top, 90, M::default_mode, A::none, -14.0000, -71.0000, 0.0000, 0.0000},
    {0, H::right, V::center, 90, M::default_mode, A::none, -14.0000, -35.5000, 0.0000, 35.5000},
    {0, H::right, V::bottom, 90, M::default_mode, A::none, -14.0000, 0.0000, 0.0000, 71.0000},
    {0, H::right, V::baseline, 90, M::default_mode, A::none, -14.0000, -3.0000, 0.0000, 68.0000},
    {0, H::right, V::center_baseline, 90, M::default_mode, A::none, -14.0000, -65.5000, 0.0000,
     5.5000},
    {0, H::left, V::top, 180, M::default_mode, A::none, 0.0000, -14.0000, 71.0000, 0.0000},
    {0, H::left, V::center, 180, M::default_mode, A::none, 0.0000, -7.0000, 71.0000, 7.0000},
    {0, H::left, V::bottom, 180, M::default_mode, A::none, 0.0000, 0.0000, 71.0000, 14.0000},
    {0, H::left, V::baseline, 180, M::default_mode, A::none, 0.0000, -3.0000, 71.0000, 11.0000},
    {0, H::left, V::center_baseline, 180, M::default_mode, A::none, 0.0000, -8.5000, 71.0000,
     5.5000},
    {0, H::center, V::top, 180, M::default_mode, A::none, -35.5000, -14.0000, 35.5000, 0.0000},
    {0, H::center, V::center, 180, M::default_mode, A::none, -35.5000, -7.0000, 35.5000, 7.0000},
    {0, H::center, V::bottom, 180, M::default_mode, A::none, -35.5000, 0.0000, 35.5000, 14.0000},
    {0, H::center, V::baseline, 180, M::default_mode, A::none, -35.5000, -3.0000, 35.5000, 11.0000},
    {0, H::center, V::center_baseline, 180, M::default_mode, A::none, -35.5000, -8.5000, 35.5000,
     5.5000},
    {0, H::right, V::top, 180, M::default_mode, A::none, -71.0000, -14.0000, 0.0000, 0.0000},
    {0, H::right, V::center, 180, M::default_mode, A::none, -71.0000, -7.0000, 0.0000, 7.0000},
    {0, H::right, V::bottom, 180, M::default_mode, A::none, -71.0000, 0.0000, 0.0000, 14.0000},
    {0, H::right, V::baseline, 180, M::default_mode, A::none, -71.0000, -3.0000, 0.0000, 11.0000},
    {0, H::right, V::center_baseline, 180, M::default_mode, A::none, -71.0000, -8.5000, 0.0000,
     5.5000},
    {0, H::left, V::top, 0, M::anchor_mode, A::none, 0.0000, -14.0000, 71.0000, 0.0000},
    {0, H::left, V::center, 0, M::anchor_mode, A::none, 0.0000, -7.0000, 71.0000, 7.0000},
    {0, H::left, V::bottom, 0, M::anchor_mode, A::none, 0.0000, 0.0000, 71.0000, 14.0000},
    {0, H::left, V::baseline, 0, M::anchor_mode, A::none, 0.0000, -3.0000, 71.0000, 11.0000},
    {0, H::left, V::center_baseline, 0, M::anchor_mode, A::none, 0.0000, -8.5000, 71.0000, 5.5000},
    {0, H::center, V::top, 0, M::anchor_mode, A::none, -35.5000, -14.0000, 35.5000, 0.0000},
    {0, H::center, V::center, 0, M::anchor_mode, A::none, -35.5000, -7.0000, 35.5000, 7.0000},
    {0, H::center, V::bottom, 0, M::anchor_mode, A::none, -35.5000, 0.0000, 35.5000, 14.0000},
    {0, H::center, V::baseline, 0, M::anchor_mode, A::none, -35.5000, -3.0000, 35.5000, 11.0000},
    {0, H::center, V::center_baseline, 0, M::anchor_mode, A::none, -35.5000, -8.5000, 35.5000,
     5.5000},
    {0, H::right, V::top, 0, M::anchor_mode, A::none, -71.0000, -14.0000, 0.0000, 0.0000},
    {0, H::right, V::center, 0, M::anchor_mode, A::none, -71.0000, -7.0000, 0.0000, 7.0000},
    {0, H::right, V::bottom, 0, M::anchor_mode, A::none, -71.0000, 0.0000, 0.0000, 14.0000},
    {0, H::right, V::baseline, 0, M::anchor_mode, A::none, -71.0000, -3.0000, 0.0000, 11.0000},
    {0, H::right, V::center_baseline, 0, M::anchor_mode, A::none, -71.0000, -8.5000, 0.0000,
     5.5000},
    {0, H::left, V::top, 45, M::anchor_mode, A::none, 0.0000, -9.8995, 60.1041, 50.2046},
    {0, H::left, V::center, 45, M::anchor_mode, A::none, -4.9497, -4.9497, 55.1543, 55.1543},
    {0, H::left, V::bottom, 45, M::anchor_mode, A::none, -9.8995, 0.0000, 50.2046, 60.1041},
    {0, H::left, V::baseline, 45, M::anchor_mode, A::none, -7.7782, -2.1213, 52.3259, 57.9828},
    {0, H::left, V::center_baseline, 45, M::anchor_mode, A::none, -3.8891, -6.0104, 56.2150,
     54.0937},
    {0, H::center, V::top, 45, M::anchor_mode, A::none, -25.1023, -35.0018, 35.0018, 25.1023},
    {0, H::center, V::center, 45, M::anchor_mode, A::none, -30.0520, -30.0520, 30.0520, 30.0520},
    {0, H::center, V::bottom, 45, M::anchor_mode, A::none, -35.0018, -25.1023, 25.1023, 35.0018},
    {0, H::center, V::baseline, 45, M::anchor_mode, A::none, -32.8805, -27.2236, 27.2236, 32.8805},
    {0, H::center, V::center_baseline, 45, M::anchor_mode, A::none, -28.9914, -31.1127, 31.1127,
     28.9914},
    {0, H::right, V::top, 45, M::anchor_mode, A::none, -50.2046, -60.1041, 9.8995, 0.0000},
    {0, H::right, V::center, 45, M::anchor_mode, A::none, -55.1543, -55.1543, 4.9497, 4.9497},
    {0, H::right, V::bottom, 45, M::anchor_mode, A::none, -60.1041, -50.2046, 0.0000, 9.8995},
    {0, H::right, V::baseline, 45, M::anchor_mode, A::none, -57.9828, -52.3259, 2.1213, 7.7782},
    {0, H::right, V::center_baseline, 45, M::anchor_mode, A::none, -54.0937, -56.2150, 6.0104,
     3.8891},
    {0, H::left, V::top, 90, M::anchor_mode, A::none, 0.0000, 0.0000, 14.0000, 71.0000},
    {0, H::left, V::center, 90, M::anchor_mode, A::none, -7.0000, 0.0000, 7.0000, 71.0000},
    {0, H::left, V::bottom, 90, M::anchor_mode, A::none, -14.0000, 0.0000, 0.0000, 71.0000},
    {0, H::left, V::baseline, 90, M::anchor_mode, A::none, -11.0000, 0.0000, 3.0000, 71.0000},
    {0, H::left, V::center_baseline, 90, M::anchor_mode, A::none, -5.5000, 0.0000, 8.5000, 71.0000},
    {0, H::center, V::top, 90, M::anchor_mode, A::none, 0.0000, -35.5000, 14.0000, 35.5000},
    {0, H::center, V::center, 90, M::anchor_mode, A::none, -7.0000, -35.5000, 7.0000, 35.5000},
    {0, H::center, V::bottom, 90, M::anchor_mode, A::none, -14.0000, -35.5000, 0.0000, 35.5000},
    {0, H::center, V::baseline, 90, M::anchor_mode, A::none, -11.0000, -35.5000, 3.0000, 35.5000},
    {0, H::center, V::center_baseline, 90, M::anchor_mode, A::none, -5.5000, -35.5000, 8.5000,
     35.5000},
    {0, H::right, V::top, 90, M::anchor_mode, A::none, 0.0000, -71.0000, 14.0000, 0.0000},
    {0, H::right, V::center, 90, M::anchor_mode, A::none, -7.0000, -71.0000, 7.0000, 0.0000},
    {0, H::right, V::bottom, 90, M::anchor_mode, A::none, -14.0000, -71.0000, 0.0000, 0.0000},
    {0, H::right, V::baseline, 90, M::anchor_mode, A::none, -11.0000, -71.0000, 3.0000, 0.0000},
    {0, H::right, V::center_baseline, 90, M::anchor_mode, A::none, -5.5000, -71.0000, 8.5000,
     0.0000},
    {0, H::left, V::top, 180, M::anchor_mode, A::none, -71.0000, 0.0000, 0.0000, 14.0000},
    {0, H::left, V::center, 180, M::anchor_mode, A::none, -71.0000, -7.0000, 0.0000, 7.0000},
    {0, H::left, V::bottom, 180, M::anchor_mode, A::none, -71.0000, -14.0000, 0.0000, 0.0000},
    {0, H::left, V::baseline, 180, M::anchor_mode, A::none, -71.0000, -11.0000, 0.0000, 3.0000},
    {0, H::left, V::center_baseline, 180, M::anchor_mode, A::none, -71.0000, -5.5000, 0.0000,
     8.5000},
    {0, H::center, V::top, 180, M::anchor_mode, A::none, -35.5000, 0.0000, 35.5000, 14.0000},
    {0, H::center, V::center, 180, M::anchor_mode, A::none, -35.5000, -7.0000, 35.5000, 7.0000},
    {0, H::center, V::bottom, 180, M::anchor_mode, A::none, -35.5000, -14.0000, 35.5000, 0.0000},
    {0, H::center, V::baseline, 180, M::anchor_mode, A::none, -35.5000, -11.0000, 35.5000, 3.0000},
    {0, H::center, V::center_baseline, 180, M::anchor_mode, A::none, -35.5000, -5.5000, 35.5000,
     8.5000},
    {0, H::right, V::top, 180, M::anchor_mode, A::none, 0.0000, 0.0000, 71.0000, 14.0000},
    {0, H::right, V::center, 180, M::anchor_mode, A::none, 0.0000, -7.0000, 71.0000, 7.0000},
    {0, H::right, V::bottom, 180, M::anchor_mode, A::none, 0.0000, -14.0000, 71.0000, 0.0000},
    {0, H::right, V::baseline, 180, M::anchor_mode, A::none, 0.0000, -11.0000, 71.0000, 3.0000},
    {0, H::right, V::center_baseline, 180, M::anchor_mode, A::none, 0.0000, -5.5000, 71.0000,
     8.5000},
    {1, H::left, V::top, 0, M::default_mode, A::none, 0.0000, -46.4000, 131.7500, 0.0000},
    {1, H::left, V::top, 0, M::default_mode, A::left, 0.0000, -46.4000, 131.7500, 0.0000},
    {1, H::left, V::top, 0, M::default_mode, A::right, 0.0000, -46.4000, 131.7500, 0.0000},
    {1, H::left, V::center, 0, M::default_mode, A::none, 0.0000, -23.2000, 131.7500, 23.2000},
    {1, H::left, V::center, 0, M::default_mode, A::left, 0.0000, -23.2000, 131.7500, 23.2000},
    {1, H::left, V::center, 0, M::default_mode, A::right, 0.0000, -23.2000, 131.7500, 23.2000},
    {1, H::left, V::bottom, 0, M::default_mode, A::none, 0.0000, 0.0000, 131.7500, 46.4000},
    {1, H::left, V::bottom, 0, M::default_mode, A::left, 0.0000, 0.0000, 131.7500, 46.4000},
    {1, H::left, V::bottom, 0, M::default_mode, A::right, 0.0000, 0.0000, 131.7500, 46.4000},
    {1, H::left, V::baseline, 0, M::default_mode, A::none, 0.0000, -3.0000, 131.7500, 43.4000},
    {1, H::left, V::baseline, 0, M::default_mode, A::left, 0.0000, -3.0000, 131.7500, 43.4000},
    {1, H::left, V::baseline, 0, M::default_mode, A::right, 0.0000, -3.0000, 131.7500, 43.4000},
    {1, H::left, V::center_baseline, 0, M::default_mode, A::none, 0.0000, -25.8000, 131.7500,
     20.6000},
    {1, H::left, V::center_baseline, 0, M::default_mode, A::left, 0.0000, -25.8000, 131.7500,
     20.6000},
    {1, H::left, V::center_baseline, 0, M::default_mode, A::right, 0.0000, -25.8000, 131.7500,
     20.6000},
    {1, H::center, V::top, 0, M::default_mode, A::none, -65.8750, -46.4000, 65.8750, 0.0000},
    {1, H::center, V::top, 0, M::default_mode, A::left, -65.8750, -46.4000, 65.8750, 0.0000},
    {1, H::center, V::top, 0, M::default_mode, A::right, -65.8750, -46.4000, 65.8750, 0.0000},
    {1, H::center, V::center, 0, M::default_mode, A::none, -65.8750, -23.2000, 65.8750, 23.2000},
    {1, H::center, V::center, 0, M::default_mode, A::left, -65.8750, -23.2000, 65.8750, 23.2000},
    {1, H::center, V::center, 0, M::default_mode, A::right, -65.8750, -23.2000, 65.8750, 23.2000},
    {1, H::center, V::bottom, 0, M::default_mode, A::none, -65.8750, 0.0000, 65.8750, 46.4000},
    {1, H::center, V::bottom, 0, M::default_mode, A::left, -65.8750, 0.0000, 65.8750, 46.4000},
    {1, H::center, V::bottom, 0, M::default_mode, A::right, -65.8750, 0.0000, 65.8750, 46.4000},
    {1, H::center, V::baseline, 0, M::default_mode, A::none, -65.8750, -3.0000, 65.8750, 43.4000},
    {1, H::center, V::baseline, 0, M::default_mode, A::left, -65.8750, -3.0000, 65.8750, 43.4000},
    {1, H::center, V::baseline, 0, M::default_mode, A::right, -65.8750, -3.0000, 65.8750, 43.4000},
    {1, H::center, V::center_baseline, 0, M::default_mode, A::none, -65.8750, -25.8000, 65.8750,
     20.6000},
    {1, H::center, V::center_baseline, 0, M::default_mode, A::left, -65.8750, -25.8000, 65.8750,
     20.6000},
    {1, H::center, V::center_baseline, 0, M::default_mode, A::right, -65.8750, -25.8000, 65.8750,
     20.6000},
    {1, H::right, V::top, 0, M::default_mode, A::none, -131.7500, -46.4000, 0.0000, 0.0000},
    {1, H::right, V::top, 0, M::default_mode, A::left, -131.7500, -46.4000, 0.0000, 0.0000},
    {1, H::right, V::top, 0, M::default_mode, A::right, -131.7500, -46.4000, 0.0000, 0.0000},
    {1, H::right, V::center, 0, M::default_mode, A::none, -131.7500, -23.2000, 0.0000, 23.2000},
    {1, H::right, V::center, 0, M::default_mode, A::left, -131.7500, -23.2000, 0.0000, 23.2000},
    {1, H::right, V::center, 0, M::default_mode, A::right, -131.7500, -23.2000, 0.0000, 23.2000},
    {1, H::right, V::bottom, 0, M::default_mode, A::none, -131.7500, 0.0000, 0.0000, 46.4000},
    {1, H::right, V::bottom, 0, M::default_mode, A::left, -131.7500, 0.0000, 0.0000, 46.4000},
    {1, H::right, V::bottom, 0, M::default_mode, A::right, -131.7500, 0.0000, 0.0000, 46.4000},
    {1, H::right, V::baseline, 0, M::default_mode, A::none, -131.7500, -3.0000, 0.0000, 43.4000},
    {1, H::right, V::baseline, 0, M::default_mode, A::left, -131.7500, -3.0000, 0.0000, 43.4000},
    {1, H::right, V::baseline, 0, M::default_mode, A::right, -131.7500, -3.0000, 0.0000, 43.4000},
    {1, H::right, V::center_baseline, 0, M::default_mode, A::none, -131.7500, -25.8000, 0.0000,
     20.6000},
    {1, H::right, V::center_baseline, 0, M::default_mode, A::left, -131.7500, -25.8000, 0.0000,
     20.6000},
    {1, H::right, V::center_baseline, 0, M::default_mode, A::right, -131.7500, -25.8000, 0.0000,
     20.6000},
    {1, H::left, V::top, 45, M::default_mode, A::none, 0.0000, -125.9711, 125.9711, 0.0000},
    {1, H::left, V::center, 45, M::default_mode, A::none, 0.0000, -62.9855, 125.9711, 62.9855},
    {1, H::left, V::bottom, 45, M::default_mode, A::none, 0.0000, 0.0000, 125.9711, 125.9711},
    {1, H::left, V::baseline, 45, M::default_mode, A::none, 0.0000, -3.0000, 125.9711, 122.9711},
    {1, H::left, V::center_baseline, 45, M::default_mode, A::none, 0.0000, -105.3711, 125.9711,
     20.6000},
    {1, H::center, V::top, 45, M::default_mode, A::none, -62.9855, -125.9711, 62.9855, 0.0000},
    {1, H::center, V::center, 45, M::default_mode, A::none, -62.9855, -62.9855, 62.9855, 62.9855},
    {1, H::center, V::bottom, 45, M::default_mode, A::none, -62.9855, 0.0000, 62.9855, 125.9711},
    {1, H::center, V::baseline, 45, M::default_mode, A::none, -62.9855, -3.0000, 62.9855, 122.9711},
    {1, H::center, V::center_baseline, 45, M::default_mode, A::none, -62.9855, -105.3711, 62.9855,
     20.6000},
    {1, H::right, V::top, 45, M::default_mode, A::none, -125.9711, -125.9711, 0.0000, 0.0000},
    {1, H::right, V::center, 45, M::default_mode, A::none, -125.9711, -62.9855, 0.0000, 62.9855},
    {1, H::right, V::bottom, 45, M::default_mode, A::none, -125.9711, 0.0000, 0.0000, 125.9711},
    {1, H::right, V::baseline, 45, M::default_mode, A::none, -125.9711, -3.0000, 0.0000, 122.9711},
    {1, H::right, V::center_baseline, 45, M::default_mode, A::none, -125.9711, -105.3711, 0.0000,
     20.6000},
    {1, H::left, V::top, 90, M::default_mode, A::none, 0.0000, -131.7500, 46.4000, 0.0000},
    {1, H::left, V::center, 90, M::default_mode, A::none, 0.0000, -65.8750, 46.4000, 65.8750},
    {1, H::left, V::bottom, 90, M::default_mode, A::none, 0.0000, 0.0000, 46.4000, 131.7500},
    {1, H::left, V::baseline, 90, M::default_mode, A::none, 0.0000, -3.0000, 46.4000, 128.7500},
    {1, H::left, V::center_baseline, 90, M::default_mode, A::none, 0.0000, -111.1500, 46.4000,
     20.6000},
    {1, H::center, V::top, 90, M::default_mode, A::none, -23.2000, -131.7500, 23.2000, 0.0000},
    {1, H::center, V::center, 90, M::default_mode, A::none, -23.2000, -65.8750, 23.2000, 65.8750},
    {1, H::center, V::bottom, 90, M::default_mode, A::none, -23.2000, 0.0000, 23.2000, 131.7500},
    {1, H::center, V::baseline, 90, M::default_mode, A::none, -23.2000, -3.0000, 23.2000, 128.7500},
    {1, H::center, V::center_baseline, 90, M::default_mode, A::none, -23.2000, -111.1500, 23.2000,
     20.6000},
    {1, H::right, V::top, 90, M::default_mode, A::none, -46.4000, -131.7500, 0.0000, 0.0000},
    {1, H::right, V::center, 90, M::default_mode, A::none, -46.4000, -65.8750, 0.0000, 65.8750},
    {1, H::right, V::bottom, 90, M::default_mode, A::none, -46.4000, 0.0000, 0.0000, 131.7500},
    {1, H::right, V::baseline, 90, M::default_mode, A::none, -46.4000, -3.0000, 0.0000, 128.7500},
    {1, H::right, V::center_baseline, 90, M::default_mode, A::none, -46.4000, -111.1500, 0.0000,
     20.6000},
    {1, H::left, V::top, 180, M::default_mode, A::none, 0.0000, -46.4000, 131.7500, 0.0000},
    {1, H::left, V::center, 180, M::default_mode, A::none, 0.0000, -23.2000, 131.7500, 23.2000},
    {1, H::left, V::bottom, 180, M::default_mode, A::none, 0.0000, 0.0000, 131.7500, 46.4000},
    {1, H::left, V::baseline, 180, M::default_mode, A::none, 0.0000, -3.0000, 131.7500, 43.4000},
    {1, H::left, V::center_baseline, 180, M::default_mode, A::none, 0.0000, -25.8000, 131.7500,
     20.6000},
    {1, H::center, V::top, 180, M::default_mode, A::none, -65.8750, -46.4000, 65.8750, 0.0000},
    {1, H::center, V::center, 180, M::default_mode, A::none, -65.8750, -23.2000, 65.8750, 23.2000},
    {1, H::center, V::bottom, 180, M::default_mode, A::none, -65.8750, 0.0000, 65.8750, 46.4000},
    {1, H::center, V::baseline, 180, M::default_mode, A::none, -65.8750, -3.0000, 65.8750, 43.4000},
    {1, H::center, V::center_baseline, 180, M::default_mode, A::none, -65.8750, -25.8000, 65.8750,
     20.6000},
    {1, H::right, V::top, 180, M::default_mode, A::none, -131.7500, -46.4000, 0.0000, 0.0000},
    {1, H::right, V::center, 180, M::default_mode, A::none, -131.7500, -23.2000, 0.0000, 23.2000},
    {1, H::right, V::bottom, 180, M::default_mode, A::none, -131.7500, 0.0000, 0.0000, 46.4000},
    {1, H::right, V::baseline, 180, M::default_mode, A::none, -131.7500, -3.0000, 0.0000, 43.4000},
    {1, H::right, V::center_baseline, 180, M::default_mode, A::none, -131.7500, -25.8000, 0.0000,
     20.6000},
    {1, H::left, V::top, 0, M::anchor_mode, A::none, 0.0000, -46.4000, 131.7500, 0.0000},
    {1, H::left, V::top, 0, M::anchor_mode, A::left, 0.0000, -46.4000, 131.7500, 0.0000},
    {1, H::left, V::top, 0, M::anchor_mode, A::right, 0.0000, -46.4000, 131.7500, 0.0000},
    {1, H::left, V::center, 0, M::anchor_mode, A::none, 0.0000, -23.2000, 131.7500, 23.2000},
    {1, H::left, V::center, 0, M::anchor_mode, A::left, 0.0000, -23.2000, 131.7500, 23.2000},
    {1, H::left, V::center, 0, M::anchor_mode, A::right, 0.0000, -23.2000, 131.7500, 23.2000},
    {1, H::left, V::bottom, 0, M::anchor_mode, A::none, 0.0000, 0.0000, 131.7500, 46.4000},
    {1, H::left, V::bottom, 0, M::anchor_mode, A::left, 0.0000, 0.0000, 131.7500, 46.4000},
    {1, H::left, V::bottom, 0, M::anchor_mode, A::right, 0.0000, 0.0000, 131.7500, 46.4000},
    {1, H::left, V::baseline, 0, M::anchor_mode, A::none, 0.0000, -5.2000, 131.7500, 41.2000},
    {1, H::left, V::baseline, 0, M::anchor_mode, A::left, 0.0000, -5.2000, 131.7500, 41.2000},
    {1, H::left, V::baseline, 0, M::anchor_mode, A::right, 0.0000, -5.2000, 131.7500, 41.2000},
    {1, H::left, V::center_baseline, 0, M::anchor_mode, A::none, 0.0000, -25.8000, 131.7500,
     20.6000},
    {1, H::left, V::center_baseline, 0, M::anchor_mode, A::left, 0.0000, -25.8000, 131.7500,
     20.6000},
    {1, H::left, V::center_baseline, 0, M::anchor_mode, A::right, 0.0000, -25.8000, 131.7500,
     20.6000},
    {1, H::center, V::top, 0, M::anchor_mode, A::none, -65.8750, -46.4000, 65.8750, 0.0000},
    {1, H::center, V::top, 0, M::anchor_mode, A::left, -65.8750, -46.4000, 65.8750, 0.0000},
    {1, H::center, V::top, 0, M::anchor_mode, A::right, -65.8750, -46.4000, 65.8750, 0.0000},
    {1, H::center, V::center, 0, M::anchor_mode, A::none, -65.8750, -23.2000, 65.8750, 23.2000},
    {1, H::center, V::center, 0, M::anchor_mode, A::left, -65.8750, -23.2000, 65.8750, 23.2000},
    {1, H::center, V::center, 0, M::anchor_mode, A::right, -65.8750, -23.2000, 65.8750, 23.2000},
    {1, H::center, V::bottom, 0, M::anchor_mode, A::none, -65.8750, 0.0000, 65.8750, 46.4000},
    {1, H::center, V::bottom, 0, M::anchor_mode, A::left, -65.8750, 0.0000, 65.8750, 46.4000},
    {1, H::center, V::bottom, 0, M::anchor_mode, A::right, -65.8750, 0.0000, 65.8750, 46.4000},
    {1, H::center, V::baseline, 0, M::anchor_mode, A::none, -65.8750, -5.2000, 65.8750, 41.2000},
    {1, H::center, V::baseline, 0, M::anchor_mode, A::left, -65.8750, -5.2000, 65.8750, 41.2000},
    {1, H::center, V::baseline, 0, M::anchor_mode, A::right, -65.8750, -5.2000, 65.8750, 41.2000},
    {1, H::center, V::center_baseline, 0, M::anchor_mode, A::none, -65.8750, -25.8000, 65.8750,
     20.6000},
    {1, H::center, V::center_baseline, 0, M::anchor_mode, A::left, -65.8750, -25.8000, 65.8750,
     20.6000},
    {1, H::center, V::center_baseline, 0, M::anchor_mode, A::right, -65.8750, -25.8000, 65.8750,
     20.6000},
    {1, H::right, V::top, 0, M::anchor_mode, A::none, -131.7500, -46.4000, 0.0000, 0.0000},
    {1, H::right, V::top, 0, M::anchor_mode, A::left, -131.7500, -46.4000, 0.0000, 0.0000},
    {1, H::right, V::top, 0, M::anchor_mode, A::right, -131.7500, -46.4000, 0.0000, 0.0000},
    {1, H::right, V::center, 0, M::anchor_mode, A::none, -131.7500, -23.2000, 0.0000, 23.2000},
    {1, H::right, V::center, 0, M::anchor_mode, A::left, -131.7500, -23.2000, 0.0000, 23.2000},
    {1, H::right, V::center, 0, M::anchor_mode, A::right, -131.7500, -23.2000, 0.0000, 23.2000},
    {1, H::right, V::bottom, 0, M::anchor_mode, A::none, -131.7500, 0.0000, 0.0000, 46.4000},
    {1, H::right, V::bottom, 0, M::anchor_mode, A::left, -131.7500, 0.0000, 0.0000, 46.4000},
    {1, H::right, V::bottom, 0, M::anchor_mode, A::right, -131.7500, 0.0000, 0.0000, 46.4000},
    {1, H::right, V::baseline, 0, M::anchor_mode, A::none, -131.7500, -5.2000, 0.0000, 41.2000},
    {1, H::right, V::baseline, 0, M::anchor_mode, A::left, -131.7500, -5.2000, 0.0000, 41.2000},
    {1, H::right, V::baseline, 0, M::anchor_mode, A::right, -131.7500, -5.2000, 0.0000, 41.2000},
    {1, H::right, V::center_baseline, 0, M::anchor_mode, A::none, -131.7500, -25.8000, 0.0000,
     20.6000},
    {1, H::right, V::center_baseline, 0, M::anchor_mode, A::left, -131.7500, -25.8000, 0.0000,
     20.6000},
    {1, H::right, V::center_baseline, 0, M::anchor_mode, A::right, -131.7500, -25.8000, 0.0000,
     20.6000},
    {1, H::left, V::top, 45, M::anchor_mode, A::none, 0.0000, -32.8098, 125.9711, 93.1613},
    {1, H::left, V::center, 45, M::anchor_mode, A::none, -16.4049, -16.4049, 109.5662, 109.5662},
    {1, H::left, V::bottom, 45, M::anchor_mode, A::none, -32.8098, 0.0000, 93.1613, 125.9711},
    {1, H::left, V::baseline, 45, M::anchor_mode, A::none, -29.1328, -3.6770, 96.8383, 122.2941},
    {1, H::left, V::center_baseline, 45, M::anchor_mode, A::none, -14.5664, -18.2434, 111.4047,
     107.7277},
    {1, H::center, V::top, 45, M::anchor_mode, A::none, -46.5807, -79.3904, 79.3904, 46.5807},
    {1, H::center, V::center, 45, M::anchor_mode, A::none, -62.9855, -62.9855, 62.9855, 62.9855},
    {1, H::center, V::bottom, 45, M::anchor_mode, A::none, -79.3904, -46.5807, 46.5807, 79.3904},
    {1, H::center, V::baseline, 45, M::anchor_mode, A::none, -75.7135, -50.2576, 50.2576, 75.7135},
    {1, H::center, V::center_baseline, 45, M::anchor_mode, A::none, -61.1471, -64.8240, 64.8240,
     61.1471},
    {1, H::right, V::top, 45, M::anchor_mode, A::none, -93.1613, -125.9711, 32.8098, 0.0000},
    {1, H::right, V::center, 45, M::anchor_mode, A::none, -109.5662, -109.5662, 16.4049, 16.4049},
    {1, H::right, V::bottom, 45, M::anchor_mode, A::none, -125.9711, -93.1613, 0.0000, 32.8098},
    {1, H::right, V::baseline, 45, M::anchor_mode, A::none, -122.2941, -96.8383, 3.6770, 29.1328},
    {1, H::right, V::center_baseline, 45, M::anchor_mode, A::none, -107.7277, -111.4047, 18.2434,
     14.5664},
    {1, H::left, V::top, 90, M::anchor_mode, A::none, 0.0000, 0.0000, 46.4000, 131.7500},
    {1, H::left, V::center, 90, M::anchor_mode, A::none, -23.2000, 0.0000, 23.2000, 131.7500},
    {1, H::left, V::bottom, 90, M::anchor_mode, A::none, -46.4000, 0.0000, 0.0000, 131.7500},
    {1, H::left, V::baseline, 90, M::anchor_mode, A::none, -41.2000, 0.0000, 5.2000, 131.7500},
    {1, H::left, V::center_baseline, 90, M::anchor_mode, A::none, -20.6000, 0.0000, 25.8000,
     131.7500},
    {1, H::center, V::top, 90, M::anchor_mode, A::none, 0.0000, -65.8750, 46.4000, 65.8750},
    {1, H::center, V::center, 90, M::anchor_mode, A::none, -23.2000, -65.8750, 23.2000, 65.8750},
    {1, H::center, V::bottom, 90, M::anchor_mode, A::none, -46.4000, -65.8750, 0.0000, 65.8750},
    {1, H::center, V::baseline, 90, M::anchor_mode, A::none, -41.2000, -65.8750, 5.2000, 65.8750},
    {1, H::center, V::center_baseline, 90, M::anchor_mode, A::none, -20.6000, -65.8750, 25.8000,
     65.8750},
    {1, H::right, V::top, 90, M::anchor_mode, A::none, 0.0000, -131.7500, 46.4000, 0.0000},
    {1, H::right, V::center, 90, M::anchor_mode, A::none, -23.2000, -131.7500, 23.2000, 0.0000},
    {1, H::right, V::bottom, 90, M::anchor_mode, A::none, -46.4000, -131.7500, 0.0000, 0.0000},
    {1, H::right, V::baseline, 90, M::anchor_mode, A::none, -41.2000, -131.7500, 5.2000, 0.0000},
    {1, H::right, V::center_baseline, 90, M::anchor_mode, A::none, -20.6000, -131.7500, 25.8000,
     0.0000},
    {1, H::left, V::top, 180, M::anchor_mode, A::none, -131.7500, 0.0000, 0.0000, 46.4000},
    {1, H::left, V::center, 180, M::anchor_mode, A::none, -131.7500, -23.2000, 0.0000, 23.2000},
    {1, H::left, V::bottom, 180, M::anchor_mode, A::none, -131.7500, -46.4000, 0.0000, 0.0000},
    {1, H::left, V::baseline, 180, M::anchor_mode, A::none, -131.7500, -41.2000, 0.0000, 5.2000},
    {1, H::left, V::center_baseline, 180, M::anchor_mode, A::none, -131.7500, -20.6000, 0.0000,
     25.8000},
    {1, H::center, V::top, 180, M::anchor_mode, A::none, -65.8750, 0.0000, 65.8750, 46.4000},
    {1, H::center, V::center, 180, M::anchor_mode, A::none, -65.8750, -23.2000, 65.8750, 23.2000},
    {1, H::center, V::bottom, 180, M::anchor_mode, A::none, -65.8750, -46.4000, 65.8750, 0.0000},
    {1, H::center, V::baseline, 180, M::anchor_mode, A::none, -65.8750, -41.2000, 65.8750, 5.2000},
    {1, H::center, V::center_baseline, 180, M::anchor_mode, A::none, -65.8750, -20.6000, 65.8750,
     25.8000},
    {1, H::right, V::top, 180, M::anchor_mode, A::none, 0.0000, -0.0000, 131.7500, 46.4000},
    {1, H::right, V::center, 180, M::anchor_mode, A::none, 0.0000, -23.2000, 131.7500, 23.2000},
    {1, H::right, V::bottom, 180, M::anchor_mode, A::none, 0.0000, -46.4000, 131.7500, 0.0000},
    {1, H::right, V::baseline, 180, M::anchor_mode, A::none, 0.0000, -41.2000, 131.7500, 5.2000},
    {1, H::right, V::center_baseline, 180, M::anchor_mode, A::none, 0.0000, -20.6000, 131.7500,
     25.8000},
    {2, H::left, V::top, 0, M::default_mode, A::none, 0.0000, -23.9979, 82.8738, 0.0000},
    {2, H::left, V::center, 0, M::default_mode, A::none, 0.0000, -11.9990, 82.8738, 11.9990},
    {2, H::left, V::bottom, 0, M::default_mode, A::none, 0.0000, 0.0000, 82.8738, 23.9979},
    {2, H::left, V::baseline, 0, M::default_mode, A::none, 0.0000, -8.3979, 82.8738, 15.6000},
    {2, H::left, V::center_baseline, 0, M::default_mode, A::none, 0.0000, -16.1979, 82.8738,
     7.8000},
    {2, H::center, V::top, 0, M::default_mode, A::none, -41.4369, -23.9979, 41.4369, 0.0000},
    {2, H::center, V::center, 0, M::default_mode, A::none, -41.4369, -11.9990, 41.4369, 11.9990},
    {2, H::center, V::bottom, 0, M::default_mode, A::none, -41.4369, 0.0000, 41.4369, 23.9979},
    {2, H::center, V::baseline, 0, M::default_mode, A::none, -41.4369, -8.3979, 41.4369, 15.6000},
    {2, H::center, V::center_baseline, 0, M::default_mode, A::none, -41.4369, -16.1979, 41.4369,
     7.8000},
    {2, H::right, V::top, 0, M::default_mode, A::none, -82.8738, -23.9979, 0.0000, 0.0000},
    {2, H::right, V::center, 0, M::default_mode, A::none, -82.8738, -11.9990, 0.0000, 11.9990},
    {2, H::right, V::bottom, 0, M::default_mode, A::none, -82.8738, 0.0000, 0.0000, 23.9979},
    {2, H::right, V::baseline, 0, M::default_mode, A::none, -82.8738, -8.3979, 0.0000, 15.6000},
    {2, H::right, V::center_baseline, 0, M::default_mode, A::none, -82.8738, -16.1979, 0.0000,
     7.8000},
    {2, H::left, V::top, 45, M::default_mode, A::none, 0.0000, -75.5697, 75.5697, 0.0000},
    {2, H::left, V::center, 45, M::default_mode, A::none, 0.0000, -37.7849, 75.5697, 37.7849},
    {2, H::left, V::bottom, 45, M::default_mode, A::none, 0.0000, 0.0000, 75.5697, 75.5697},
    {2, H::left, V::baseline, 45, M::default_mode, A::none, 0.0000, -8.3979, 75.5697, 67.1718},
    {2, H::left, V::center_baseline, 45, M::default_mode, A::none, 0.0000, -67.7697, 75.5697,
     7.8000},
    {2, H::center, V::top, 45, M::default_mode, A::none, -37.7849, -75.5697, 37.7849, 0.0000},
    {2, H::center, V::center, 45, M::default_mode, A::none, -37.7849, -37.7849, 37.7849, 37.7849},
    {2, H::center, V::bottom, 45, M::default_mode, A::none, -37.7849, 0.0000, 37.7849, 75.5697},
    {2, H::center, V::baseline, 45, M::default_mode, A::none, -37.7849, -8.3979, 37.7849, 67.1718},
    {2, H::center, V::center_baseline, 45, M::default_mode, A::none, -37.7849, -67.7697, 37.7849,
     7.8000},
    {2, H::right, V::top, 45, M::default_mode, A::none, -75.5697, -75.5697, 0.0000, 0.0000},
    {2, H::right, V::center, 45, M::default_mode, A::none, -75.5697, -37.7849, 0.0000, 37.7849},
    {2, H::right, V::bottom, 45, M::default_mode, A::none, -75.5697, 0.0000, 0.0000, 75.5697},
    {2, H::right, V::baseline, 45, M::default_mode, A::none, -75.5697, -8.3979, 0.0000, 67.1718},
    {2, H::right, V::center_baseline, 45, M::default_mode, A::none, -75.5697, -67.7697, 0.0000,
     7.8000},
    {2, H::left, V::top, 90, M::default_mode, A::none, 0.0000, -82.8738, 23.9979, 0.0000},
    {2, H::left, V::center, 90, M::default_mode, A::none, 0.0000, -41.4369, 23.9979, 41.4369},
    {2, H::left, V::bottom, 90, M::default_mode, A::none, 0.0000, 0.0000, 23.9979, 82.8738},
    {2, H::left, V::baseline, 90, M::default_mode, A::none, 0.0000, -8.3979, 23.9979, 74.4759},
    {2, H::left, V::center_baseline, 90, M::default_mode, A::none, 0.0000, -75.0738, 23.9979,
     7.8000},
    {2, H::center, V::top, 90, M::default_mode, A::none, -11.9990, -82.8738, 11.9990, 0.0000},
    {2, H::center, V::center, 90, M::default_mode, A::none, -11.9990, -41.4369, 11.9990, 41.4369},
    {2, H::center, V::bottom, 90, M::default_mode, A::none, -11.9990, 0.0000, 11.9990, 82.8738},
    {2, H::center, V::baseline, 90, M::default_mode, A::none, -11.9990, -8.3979, 11.9990, 74.4759},
    {2, H::center, V::center_baseline, 90, M::default_mode, A::none, -11.9990, -75.0738, 11.9990,
     7.8000},
    {2, H::right, V::top, 90, M::default_mode, A::none, -23.9979, -82.8738, 0.0000, 0.0000},
    {2, H::right, V::center, 90, M::default_mode, A::none, -23.9979, -41.4369, 0.0000, 41.4369},
    {2, H::right, V::bottom, 90, M::default_mode, A::none, -23.9979, 0.0000, 0.0000, 82.8738},
    {2, H::right, V::baseline, 90, M::default_mode, A::none, -23.9979, -8.3979, 0.0000, 74.4759},
    {2, H::right, V::center_baseline, 90, M::default_mode, A::none, -23.9979, -75.0738, 0.0000,
     7.8000},
    {2, H::left, V::top, 180, M::default_mode, A::none, 0.0000, -23.9979, 82.8738, 0.0000},
    {2, H::left, V::center, 180, M::default_mode, A::none, 0.0000, -11.9990, 82.8738, 11.9990},
    {2, H::left, V::bottom, 180, M::default_mode, A::none, 0.0000, 0.0000, 82.8738, 23.9979},
    {2, H::left, V::baseline, 180, M::default_mode, A::none, 0.0000, -8.3979, 82.8738, 15.6000},
    {2, H::left, V::center_baseline, 180, M::default_mode, A::none, 0.0000, -16.1979, 82.8738,
     7.8000},
    {2, H::center, V::top, 180, M::default_mode, A::none, -41.4369, -23.9979, 41.4369, 0.0000},
    {2, H::center, V::center, 180, M::default_mode, A::none, -41.4369, -11.9990, 41.4369, 11.9990},
    {2, H::center, V::bottom, 180, M::default_mode, A::none, -41.4369, 0.0000, 41.4369, 23.9979},
    {2, H::center, V::baseline, 180, M::default_mode, A::none, -41.4369, -8.3979, 41.4369, 15.6000},
    {2, H::center, V::center_baseline, 180, M::default_mode, A::none, -41.4369, -16.1979, 41.4369,
     7.8000},
    {2, H::right, V::top, 180, M::default_mode, A::none, -82.8738, -23.9979, 0.0000, 0.0000},
    {2, H::right, V::center, 180, M::default_mode, A::none, -82.8738, -11.9990, 0.0000, 11.9990},
    {2, H::right, V::bottom, 180, M::default_mode, A::none, -82.8738, 0.0000, 0.0000, 23.9979},
    {2, H::right, V::baseline, 180, M::default_mode, A::none, -82.8738, -8.3979, 0.0000, 15.6000},
    {2, H::right, V::center_baseline, 180, M::default_mode, A::none, -82.8738, -16.1979, 0.0000,
     7.8000},
    {2, H::left, V::top, 0, M::anchor_mode, A::none, 0.0000, -23.9979, 82.8738, 0.0000},
    {2, H::left, V::center, 0, M::anchor_mode, A::none, 0.0000, -11.9990, 82.8738, 11.9990},
    {2, H::left, V::bottom, 0, M::anchor_mode, A::none, 0.0000, 0.0000, 82.8738, 23.9979},
    {2, H::left, V::baseline, 0, M::anchor_mode, A::none, 0.0000, -8.3979, 82.8738, 15.6000},
    {2, H::left, V::center_baseline, 0, M::anchor_mode, A::none, 0.0000, -16.1979, 82.8738, 7.8000},
    {2, H::center, V::top, 0, M::anchor_mode, A::none, -41.4369, -23.9979, 41.4369, 0.0000},
    {2, H::center, V::center, 0, M::anchor_mode, A::none, -41.4369, -11.9990, 41.4369, 11.9990},
    {2, H::center, V::bottom, 0, M::anchor_mode, A::none, -41.4369, 0.0000, 41.4369, 23.9979},
    {2, H::center, V::baseline, 0, M::anchor_mode, A::none, -41.4369, -8.3979, 41.4369, 15.6000},
    {2, H::center, V::center_baseline, 0, M::anchor_mode, A::none, -41.4369, -16.1979, 41.4369,
     7.8000},
    {2, H::right, V::top, 0, M::anchor_mode, A::none, -82.8738, -23.9979, 0.0000, 0.0000},
    {2, H::right, V::center, 0, M::anchor_mode, A::none, -82.8738, -11.9990, 0.0000, 11.9990},
    {2, H::right, V::bottom, 0, M::anchor_mode, A::none, -82.8738, 0.0000, 0.0000, 23.9979},
    {2, H::right, V::baseline, 0, M::anchor_mode, A::none, -82.8738, -8.3979, 0.0000, 15.6000},
    {2, H::right, V::center_baseline, 0, M::anchor_mode, A::none, -82.8738, -16.1979, 0.0000,
     7.8000},
    {2, H::left, V::top, 45, M::anchor_mode, A::none, 0.0000, -16.9691, 75.5697, 58.6006},
    {2, H::left, V::center, 45, M::anchor_mode, A::none, -8.4845, -8.4845, 67.0852, 67.0852},
    {2, H::left, V::bottom, 45, M::anchor_mode, A::none, -16.9691, 0.0000, 58.6006, 75.5697},
    {2, H::left, V::baseline, 45, M::anchor_mode, A::none, -11.0309, -5.9382, 64.5389, 69.6315},
    {2, H::left, V::center_baseline, 45, M::anchor_mode, A::none, -5.5154, -11.4537, 70.0543,
     64.1161},
    {2, H::center, V::top, 45, M::anchor_mode, A::none, -29.3003, -46.2694, 46.2694, 29.3003},
    {2, H::center, V::center, 45, M::anchor_mode, A::none, -37.7849, -37.7849, 37.7849, 37.7849},
    {2, H::center, V::bottom, 45, M::anchor_mode, A::none, -46.2694, -29.3003, 29.3003, 46.2694},
    {2, H::center, V::baseline, 45, M::anchor_mode, A::none, -40.3312, -35.2385, 35.2385, 40.3312},
    {2, H::center, V::center_baseline, 45, M::anchor_mode, A::none, -34.8157, -40.7540, 40.7540,
     34.8157},
    {2, H::right, V::top, 45, M::anchor_mode, A::none, -58.6006, -75.5697, 16.9691, 0.0000},
    {2, H::right, V::center, 45, M::anchor_mode, A::none, -67.0852, -67.0852, 8.4845, 8.4845},
    {2, H::right, V::bottom, 45, M::anchor_mode, A::none, -75.5697, -58.6006, 0.0000, 16.9691},
    {2, H::right, V::baseline, 45, M::anchor_mode, A::none, -69.6315, -64.5389, 5.9382, 11.0309},
    {2, H::right, V::center_baseline, 45, M::anchor_mode, A::none, -64.1161, -70.0543, 11.4537,
     5.5154},
    {2, H::left, V::top, 90, M::anchor_mode, A::none, 0.0000, 0.0000, 23.9979, 82.8738},
    {2, H::left, V::center, 90, M::anchor_mode, A::none, -11.9990, 0.0000, 11.9990, 82.8738},
    {2, H::left, V::bottom, 90, M::anchor_mode, A::none, -23.9979, 0.0000, 0.0000, 82.8738},
    {2, H::left, V::baseline, 90, M::anchor_mode, A::none, -15.6000, 0.0000, 8.3979, 82.8738},
    {2, H::left, V::center_baseline, 90, M::anchor_mode, A::none, -7.8000, 0.0000, 16.1979,
     82.8738},
    {2, H::center, V::top, 90, M::anchor_mode, A::none, 0.0000, -41.4369, 23.9979, 41.4369},
    {2, H::center, V::center, 90, M::anchor_mode, A::none, -11.9990, -41.4369, 11.9990, 41.4369},
    {2, H::center, V::bottom, 90, M::anchor_mode, A::none, -23.9979, -41.4369, 0.0000, 41.4369},
    {2, H::center, V::baseline, 90, M::anchor_mode, A::none, -15.6000, -41.4369, 8.3979, 41.4369},
    {2, H::center, V::center_baseline, 90, M::anchor_mode, A::none, -7.8000, -41.4369, 16.1979,
     41.4369},
    {2, H::right, V::top, 90, M::anchor_mode, A::none, 0.0000, -82.8738, 23.9979, 0.0000},
    {2, H::right, V::center, 90, M::anchor_mode, A::none, -11.9990, -82.8738, 11.9990, 0.0000},
    {2, H::right, V::bottom, 90, M::anchor_mode, A::none, -23.9979, -82.8738, 0.0000, 0.0000},
    {2, H::right, V::baseline, 90, M::anchor_mode, A::none, -15.6000, -82.8738, 8.3979, 0.0000},
    {2, H::right, V::center_baseline, 90, M::anchor_mode, A::none, -7.8000, -82.8738, 16.1979,
     0.0000},
    {2, H::left, V::top, 180, M::anchor_mode, A::none, -82.8738, 0.0000, 0.0000, 23.9979},
    {2, H::left, V::center, 180, M::anchor_mode, A::none, -82.8738, -11.9990, 0.0000, 11.9990},
    {2, H::left, V::bottom, 180, M::anchor_mode, A::none, -82.8738, -23.9979, 0.0000, 0.0000},
    {2, H::left, V::baseline, 180, M::anchor_mode, A::none, -82.8738, -15.6000, 0.0000, 8.3979},
    {2, H::left, V::center_baseline, 180, M::anchor_mode, A::none, -82.8738, -7.8000, 0.0000,
     16.1979},
    {2, H::center, V::top, 180, M::anchor_mode, A::none, -41.4369, 0.0000, 41.4369, 23.9979},
    {2, H::center, V::center, 180, M::anchor_mode, A::none, -41.4369, -11.9990, 41.4369, 11.9990},
    {2, H::center, V::bottom, 180, M::anchor_mode, A::none, -41.4369, -23.9979, 41.4369, 0.0000},
    {2, H::center, V::baseline, 180, M::anchor_mode, A::none, -41.4369, -15.6000, 41.4369, 8.3979},
    {2, H::center, V::center_baseline, 180, M::anchor_mode, A::none, -41.4369, -7.8000, 41.4369,
     16.1979},
    {2, H::right, V::top, 180, M::anchor_mode, A::none, 0.0000, 0.0000, 82.8738, 23.9979},
    {2, H::right, V::center, 180, M::anchor_mode, A::none, 0.0000, -11.9990, 82.8738, 11.9990},
    {2, H::right, V::bottom, 180, M::anchor_mode, A::none, 0.0000, -23.9979, 82.8738, 0.0000},
    {2, H::right, V::baseline, 180, M::anchor_mode, A::none, 0.0000, -15.6000, 82.8738, 8.3979},
    {2, H::right, V::center_baseline, 180, M::anchor_mode, A::none, 0.0000, -7.8000, 82.8738,
     16.1979},
    {3, H::left, V::top, 0, M::default_mode, A::none, 0.0000, -55.9200, 63.9468, 0.0000},
    {3, H::left, V::top, 0, M::default_mode, A::left, 0.0000, -55.9200, 63.9468, 0.0000},
    {3, H::left, V::top, 0, M::default_mode, A::right, 0.0000, -55.9200, 63.9468, 0.0000},
    {3, H::left, V::center, 0, M::default_mode, A::none, 0.0000, -27.9600, 63.9468, 27.9600},
    {3, H::left, V::center, 0, M::default_mode, A::left, 0.0000, -27.9600, 63.9468, 27.9600},
    {3, H::left, V::center, 0, M::default_mode, A::right, 0.0000, -27.9600, 63.9468, 27.9600},
    {3, H::left, V::bottom, 0, M::default_mode, A::none, 0.0000, 0.0000, 63.9468, 55.9200},
    {3, H::left, V::bottom, 0, M::default_mode, A::left, 0.0000, 0.0000, 63.9468, 55.9200},
    {3, H::left, V::bottom, 0, M::default_mode, A::right, 0.0000, 0.0000, 63.9468, 55.9200},
    {3, H::left, V::baseline, 0, M::default_mode, A::none, 0.0000, -7.0000, 63.9468, 48.9200},
    {3, H::left, V::baseline, 0, M::default_mode, A::left, 0.0000, -7.0000, 63.9468, 48.9200},
    {3, H::left, V::baseline, 0, M::default_mode, A::right, 0.0000, -7.0000, 63.9468, 48.9200},
    {3, H::left, V::center_baseline, 0, M::default_mode, A::none, 0.0000, -33.0200, 63.9468,
     22.9000},
    {3, H::left, V::center_baseline, 0, M::default_mode, A::left, 0.0000, -33.0200, 63.9468,
     22.9000},
    {3, H::left, V::center_baseline, 0, M::default_mode, A::right, 0.0000, -33.0200, 63.9468,
     22.9000},
    {3, H::center, V::top, 0, M::default_mode, A::none, -31.9734, -55.9200, 31.9734, 0.0000},
    {3, H::center, V::top, 0, M::default_mode, A::left, -31.9734, -55.9200, 31.9734, 0.0000},
    {3, H::center, V::top, 0, M::default_mode, A::right, -31.9734, -55.9200, 31.9734, 0.0000},
    {3, H::center, V::center, 0, M::default_mode, A::none, -31.9734, -27.9600, 31.9734, 27.9600},
    {3, H::center, V::center, 0, M::default_mode, A::left, -31.9734, -27.9600, 31.9734, 27.9600},
    {3, H::center, V::center, 0, M::default_mode, A::right, -31.9734, -27.9600, 31.9734, 27.9600},
    {3, H::center, V::bottom, 0, M::default_mode, A::none, -31.9734, 0.0000, 31.9734, 55.9200},
    {3, H::center, V::bottom, 0, M::default_mode, A::left, -31.9734, 0.0000, 31.9734, 55.9200},
    {3, H::center, V::bottom, 0, M::default_mode, A::right, -31.9734, 0.0000, 31.9734, 55.9200},
    {3, H::center, V::baseline, 0, M::default_mode, A::none, -31.9734, -7.0000, 31.9734, 48.9200},
    {3, H::center, V::baseline, 0, M::default_mode, A::left, -31.9734, -7.0000, 31.9734, 48.9200},
    {3, H::center, V::baseline, 0, M::default_mode, A::right, -31.9734, -7.0000, 31.9734, 48.9200},
    {3, H::center, V::center_baseline, 0, M::default_mode, A::none, -31.9734, -33.0200, 31.9734,
     22.9000},
    {3, H::center, V::center_baseline, 0, M::default_mode, A::left, -31.9734, -33.0200, 31.9734,
     22.9000},
    {3, H::center, V::center_baseline, 0, M::default_mode, A::right, -31.9734, -33.0200, 31.9734,
     22.9000},
    {3, H::right, V::top, 0, M::default_mode, A::none, -63.9468, -55.9200, 0.0000, 0.0000},
    {3, H::right, V::top, 0, M::default_mode, A::left, -63.9468, -55.9200, 0.0000, 0.0000},
    {3, H::right, V::top, 0, M::default_mode, A::right, -63.9468, -55.9200, 0.0000, 0.0000},
    {3, H::right, V::center, 0, M::default_mode, A::none, -63.9468, -27.9600, 0.0000, 27.9600},
    {3, H::right, V::center, 0, M::default_mode, A::left, -63.9468, -27.9600, 0.0000, 27.9600},
    {3, H::right, V::center, 0, M::default_mode, A::right, -63.9468, -27.9600, 0.0000, 27.9600},
    {3, H::right, V::bottom, 0, M::default_mode, A::none, -63.9468, 0.0000, 0.0000, 55.9200},
    {3, H::right, V::bottom, 0, M::default_mode, A::left, -63.9468, 0.0000, 0.0000, 55.9200},
    {3, H::right, V::bottom, 0, M::default_mode, A::right, -63.9468, 0.0000, 0.0000, 55.9200},
    {3, H::right, V::baseline, 0, M::default_mode, A::none, -63.9468, -7.0000, 0.0000, 48.9200},
    {3, H::right, V::baseline, 0, M::default_mode, A::left, -63.9468, -7.0000, 0.0000, 48.9200},
    {3, H::right, V::baseline, 0, M::default_mode, A::right, -63.9468, -7.0000, 0.0000, 48.9200},
    {3, H::right, V::center_baseline, 0, M::default_mode, A::none, -63.9468, -33.0200, 0.0000,
     22.9000},
    {3, H::right, V::center_baseline, 0, M::default_mode, A::left, -63.9468, -33.0200, 0.0000,
     22.9000},
    {3, H::right, V::center_baseline, 0, M::default_mode, A::right, -63.9468, -33.0200, 0.0000,
     22.9000},
    {3, H::left, V::top, 45, M::default_mode, A::none, 0.0000, -84.7586, 84.7586, 0.0000},
    {3, H::left, V::center, 45, M::default_mode, A::none, 0.0000, -42.3793, 84.7586, 42.3793},
    {3, H::left, V::bottom, 45, M::default_mode, A::none, 0.0000, 0.0000, 84.7586, 84.7586},
    {3, H::left, V::baseline, 45, M::default_mode, A::none, 0.0000, -7.0000, 84.7586, 77.7586},
    {3, H::left, V::center_baseline, 45, M::default_mode, A::none, 0.0000, -61.8586, 84.7586,
     22.9000},
    {3, H::center, V::top, 45, M::default_mode, A::none, -42.3793, -84.7586, 42.3793, 0.0000},
    {3, H::center, V::center, 45, M::default_mode, A::none, -42.3793, -42.3793, 42.3793, 42.3793},
    {3, H::center, V::bottom, 45, M::default_mode, A::none, -42.3793, 0.0000, 42.3793, 84.7586},
    {3, H::center, V::baseline, 45, M::default_mode, A::none, -42.3793, -7.0000, 42.3793, 77.7586},
    {3, H::center, V::center_baseline, 45, M::default_mode, A::none, -42.3793, -61.8586, 42.3793,
     22.9000},
    {3, H::right, V::top, 45, M::default_mode, A::none, -84.7586, -84.7586, 0.0000, 0.0000},
    {3, H::right, V::center, 45, M::default_mode, A::none, -84.7586, -42.3793, 0.0000, 42.3793},
    {3, H::right, V::bottom, 45, M::default_mode, A::none, -84.7586, 0.0000, 0.0000, 84.7586},
    {3, H::right, V::baseline, 45, M::default_mode, A::none, -84.7586, -7.0000, 0.0000, 77.7586},
    {3, H::right, V::center_baseline, 45, M::default_mode, A::none, -84.7586, -61.8586, 0.0000,
     22.9000},
    {3, H::left, V::top, 90, M::default_mode, A::none, 0.0000, -63.9468, 55.9200, 0.0000},
    {3, H::left, V::center, 90, M::default_mode, A::none, 0.0000, -31.9734, 55.9200, 31.9734},
    {3, H::left, V::bottom, 90, M::default_mode, A::none, 0.0000, 0.0000, 55.9200, 63.9468},
    {3, H::left, V::baseline, 90, M::default_mode, A::none, 0.0000, -7.0000, 55.9200, 56.9468},
    {3, H::left, V::center_baseline, 90, M::default_mode, A::none, 0.0000, -41.0468, 55.9200,
     22.9000},
    {3, H::center, V::top, 90, M::default_mode, A::none, -27.9600, -63.9468, 27.9600, 0.0000},
    {3, H::center, V::center, 90, M::default_mode, A::none, -27.9600, -31.9734, 27.9600, 31.9734},
    {3, H::center, V::bottom, 90, M::default_mode, A::none, -27.9600, 0.0000, 27.9600, 63.9468},
    {3, H::center, V::baseline, 90, M::default_mode, A::none, -27.9600, -7.0000, 27.9600, 56.9468},
    {3, H::center, V::center_baseline, 90, M::default_mode, A::none, -27.9600, -41.0468, 27.9600,
     22.9000},
    {3, H::right, V::top, 90, M::default_mode, A::none, -55.9200, -63.9468, 0.0000, 0.0000},
    {3, H::right, V::center, 90, M::default_mode, A::none, -55.9200, -31.9734, 0.0000, 31.9734},
    {3, H::right, V::bottom, 90, M::default_mode, A::none, -55.9200, 0.0000, 0.0000, 63.9468},
    {3, H::right, V::baseline, 90, M::default_mode, A::none, -55.9200, -7.0000, 0.0000, 56.9468},
    {3, H::right, V::center_baseline, 90, M::default_mode, A::none, -55.9200, -41.0468, 0.0000,
     22.9000},
    {3, H::left, V::top, 180, M::default_mode, A::none, 0.0000, -55.9200, 63.9468, 0.0000},
    {3, H::left, V::center, 180, M::default_mode, A::none, 0.0000, -27.9600, 63.9468, 27.9600},
    {3, H::left, V::bottom, 180, M::default_mode, A::none, 0.0000, 0.0000, 63.9468, 55.9200},
    {3, H::left, V::baseline, 180, M::default_mode, A::none, 0.0000, -7.0000, 63.9468, 48.9200},
    {3, H::left, V::center_baseline, 180, M::default_mode, A::none, 0.0000, -33.0200, 63.9468,
     22.9000},
    {3, H::center, V::top, 180, M::default_mode, A::none, -31.9734, -55.9200, 31.9734, 0.0000},
    {3, H::center, V::center, 180, M::default_mode, A::none, -31.9734, -27.9600, 31.9734, 27.9600},
    {3, H::center, V::bottom, 180, M::default_mode, A::none, -31.9734, 0.0000, 31.9734, 55.9200},
    {3, H::center, V::baseline, 180, M::default_mode, A::none, -31.9734, -7.0000, 31.9734, 48.9200},
    {3, H::center, V::center_baseline, 180, M::default_mode, A::none, -31.9734, -33.0200, 31.9734,
     22.9000},
    {3, H::right, V::top, 180, M::default_mode, A::none, -63.9468, -55.9200, 0.0000, 0.0000},
    {3, H::right, V::center, 180, M::default_mode, A::none, -63.9468, -27.9600, 0.0000, 27.9600},
    {3, H::right, V::bottom, 180, M::default_mode, A::none, -63.9468, 0.0000, 0.0000, 55.9200},
    {3, H::right, V::baseline, 180, M::default_mode, A::none, -63.9468, -7.0000, 0.0000, 48.9200},
    {3, H::right, V::center_baseline, 180, M::default_mode, A::none, -63.9468, -33.0200, 0.0000,
     22.9000},
    {3, H::left, V::top, 0, M::anchor_mode, A::none, 0.0000, -55.9200, 63.9468, 0.0000},
    {3, H::left, V::top, 0, M::anchor_mode, A::left, 0.0000, -55.9200, 63.9468, 0.0000},
    {3, H::left, V::top, 0, M::anchor_mode, A::right, 0.0000, -55.9200, 63.9468, 0.0000},
    {3, H::left, V::center, 0, M::anchor_mode, A::none, 0.0000, -27.9600, 63.9468, 27.9600},
    {3, H::left, V::center, 0, M::anchor_mode, A::left, 0.0000, -27.9600, 63.9468, 27.9600},
    {3, H::left, V::center, 0, M::anchor_mode, A::right, 0.0000, -27.9600, 63.9468, 27.9600},
    {3, H::left, V::bottom, 0, M::anchor_mode, A::none, 0.0000, 0.0000, 63.9468, 55.9200},
    {3, H::left, V::bottom, 0, M::anchor_mode, A::left, 0.0000, 0.0000, 63.9468, 55.9200},
    {3, H::left, V::bottom, 0, M::anchor_mode, A::right, 0.0000, 0.0000, 63.9468, 55.9200},
    {3, H::left, V::baseline, 0, M::anchor_mode, A::none, 0.0000, -10.1200, 63.9468, 45.8000},
    {3, H::left, V::baseline, 0, M::anchor_mode, A::left, 0.0000, -10.1200, 63.9468, 45.8000},
    {3, H::left, V::baseline, 0, M::anchor_mode, A::right, 0.0000, -10.1200, 63.9468, 45.8000},
    {3, H::left, V::center_baseline, 0, M::anchor_mode, A::none, 0.0000, -33.0200, 63.9468,
     22.9000},
    {3, H::left, V::center_baseline, 0, M::anchor_mode, A::left, 0.0000, -33.0200, 63.9468,
     22.9000},
    {3, H::left, V::center_baseline, 0, M::anchor_mode, A::right, 0.0000, -33.0200, 63.9468,
     22.9000},
    {3, H::center, V::top, 0, M::anchor_mode, A::none, -31.9734, -55.9200, 31.9734, 0.0000},
    {3, H::center, V::top, 0, M::anchor_mode, A::left, -31.9734, -55.9200, 31.9734, 0.0000},
    {3, H::center, V::top, 0, M::anchor_mode, A::right, -31.9734, -55.9200, 31.9734, 0.0000},
    {3, H::center, V::center, 0, M::anchor_mode, A::none, -31.9734, -27.9600, 31.9734, 27.9600},
    {3, H::center, V::center, 0, M::anchor_mode, A::left, -31.9734, -27.9600, 31.9734, 27.9600},
    {3, H::center, V::center, 0, M::anchor_mode, A::right, -31.9734, -27.9600, 31.9734, 27.9600},
    {3, H::center, V::bottom, 0, M::anchor_mode, A::none, -31.9734, 0.0000, 31.9734, 55.9200},
    {3, H::center, V::bottom, 0, M::anchor_mode, A::left, -31.9734, 0.0000, 31.9734, 55.9200},
    {3, H::center, V::bottom, 0, M::anchor_mode, A::right, -31.9734, 0.0000, 31.9734, 55.9200},
    {3, H::center, V::baseline, 0, M::anchor_mode, A::none, -31.9734, -10.1200, 31.9734, 45.8000},
    {3, H::center, V::baseline, 0, M::anchor_mode, A::left, -31.9734, -10.1200, 31.9734, 45.8000},
    {3, H::center, V::baseline, 0, M::anchor_mode, A::right, -31.9734, -10.1200, 31.9734, 45.8000},
    {3, H::center, V::center_baseline, 0, M::anchor_mode, A::none, -31.9734, -33.0200, 31.9734,
     22.9000},
    {3, H::center, V::center_baseline, 0, M::anchor_mode, A::left, -31.9734, -33.0200, 31.9734,
     22.9000},
    {3, H::center, V::center_baseline, 0, M::anchor_mode, A::right, -31.9734, -33.0200, 31.9734,
     22.9000},
    {3, H::right, V::top, 0, M::anchor_mode, A::none, -63.9468, -55.9200, 0.0000, 0.0000},
    {3, H::right, V::top, 0, M::anchor_mode, A::left, -63.9468, -55.9200, 0.0000, 0.0000},
    {3, H::right, V::top, 0, M::anchor_mode, A::right, -63.9468, -55.9200, 0.0000, 0.0000},
    {3, H::right, V::center, 0, M::anchor_mode, A::none, -63.9468, -27.9600, 0.0000, 27.9600},
    {3, H::right, V::center, 0, M::anchor_mode, A::left, -63.9468, -27.9600, 0.0000, 27.9600},
    {3, H::right, V::center, 0, M::anchor_mode, A::right, -63.9468, -27.9600, 0.0000, 27.9600},
    {3, H::right, V::bottom, 0, M::anchor_mode, A::none, -63.9468, 0.0000, 0.0000, 55.9200},
    {3, H::right, V::bottom, 0, M::anchor_mode, A::left, -63.9468, 0.0000, 0.0000, 55.9200},
    {3, H::right, V::bottom, 0, M::anchor_mode, A::right, -63.9468, 0.0000, 0.0000, 55.9200},
    {3, H::right, V::baseline, 0, M::anchor_mode, A::none, -63.9468, -10.1200, 0.0000, 45.8000},
    {3, H::right, V::baseline, 0, M::anchor_mode, A::left, -63.9468, -10.1200, 0.0000, 45.8000},
    {3, H::right, V::baseline, 0, M::anchor_mode, A::right, -63.9468, -10.1200, 0.0000, 45.8000},
    {3, H::right, V::center_baseline, 0, M::anchor_mode, A::none, -63.9468, -33.0200, 0.0000,
     22.9000},
    {3, H::right, V::center_baseline, 0, M::anchor_mode, A::left, -63.9468, -33.0200, 0.0000,
     22.9000},
    {3, H::right, V::center_baseline, 0, M::anchor_mode, A::right, -63.9468, -33.0200, 0.0000,
     22.9000},
    {3, H::left, V::top, 45, M::anchor_mode, A::none, 0.0000, -39.5414, 84.7586, 45.2172},
    {3, H::left, V::center, 45, M::anchor_mode, A::none, -19.7707, -19.7707, 64.9879, 64.9879},
    {3, H::left, V::bottom, 45, M::anchor_mode, A::none, -39.5414, 0.0000, 45.2172, 84.7586},
    {3, H::left, V::baseline, 45, M::anchor_mode, A::none, -32.3855, -7.1559, 52.3731, 77.6027},
    {3, H::left, V::center_baseline, 45, M::anchor_mode, A::none, -16.1927, -23.3487, 68.5659,
     61.4099},
    {3, H::center, V::top, 45, M::anchor_mode, A::none, -22.6086, -62.1500, 62.1500, 22.6086},
    {3, H::center, V::center, 45, M::anchor_mode, A::none, -42.3793, -42.3793, 42.3793, 42.3793},
    {3, H::center, V::bottom, 45, M::anchor_mode, A::none, -62.1500, -22.6086, 22.6086, 62.1500},
    {3, H::center, V::baseline, 45, M::anchor_mode, A::none, -54.9941, -29.7645, 29.7645, 54.9941},
    {3, H::center, V::center_baseline, 45, M::anchor_mode, A::none, -38.8013, -45.9573, 45.9573,
     38.8013},
    {3, H::right, V::top, 45, M::anchor_mode, A::none, -45.2172, -84.7586, 39.5414, 0.0000},
    {3, H::right, V::center, 45, M::anchor_mode, A::none, -64.9879, -64.9879, 19.7707, 19.7707},
    {3, H::right, V::bottom, 45, M::anchor_mode, A::none, -84.7586, -45.2172, 0.0000, 39.5414},
    {3, H::right, V::baseline, 45, M::anchor_mode, A::none, -77.6027, -52.3731, 7.1559, 32.3855},
    {3, H::right, V::center_baseline, 45, M::anchor_mode, A::none, -61.4099, -68.5659, 23.3487,
     16.1927},
    {3, H::left, V::top, 90, M::anchor_mode, A::none, 0.0000, 0.0000, 55.9200, 63.9468},
    {3, H::left, V::center, 90, M::anchor_mode, A::none, -27.9600, 0.0000, 27.9600, 63.9468},
    {3, H::left, V::bottom, 90, M::anchor_mode, A::none, -55.9200, 0.0000, 0.0000, 63.9468},
    {3, H::left, V::baseline, 90, M::anchor_mode, A::none, -45.8000, 0.0000, 10.1200, 63.9468},
    {3, H::left, V::center_baseline, 90, M::anchor_mode, A::none, -22.9000, 0.0000, 33.0200,
     63.9468},
    {3, H::center, V::top, 90, M::anchor_mode, A::none, 0.0000, -31.9734, 55.9200, 31.9734},
    {3, H::center, V::center, 90, M::anchor_mode, A::none, -27.9600, -31.9734, 27.9600, 31.9734},
    {3, H::center, V::bottom, 90, M::anchor_mode, A::none, -55.9200, -31.9734, 0.0000, 31.9734},
    {3, H::center, V::baseline, 90, M::anchor_mode, A::none, -45.8000, -31.9734, 10.1200, 31.9734},
    {3, H::center, V::center_baseline, 90, M::anchor_mode, A::none, -22.9000, -31.9734, 33.0200,
     31.9734},
    {3, H::right, V::top, 90, M::anchor_mode, A::none, 0.0000, -63.9468, 55.9200, 0.0000},
    {3, H::right, V::center, 90, M::anchor_mode, A::none, -27.9600, -63.9468, 27.9600, 0.0000},
    {3, H::right, V::bottom, 90, M::anchor_mode, A::none, -55.9200, -63.9468, 0.0000, 0.0000},
    {3, H::right, V::baseline, 90, M::anchor_mode, A::none, -45.8000, -63.9468, 10.1200, 0.0000},
    {3, H::right, V::center_baseline, 90, M::anchor_mode, A::none, -22.9000, -63.9468, 33.0200,
     0.0000},
    {3, H::left, V::top, 180, M::anchor_mode, A::none, -63.9468, 0.0000, 0.0000, 55.9200},
    {3, H::left, V::center, 180, M::anchor_mode, A::none, -63.9468, -27.9600, 0.0000, 27.9600},
    {3, H::left, V::bottom, 180, M::anchor_mode, A::none, -63.9468, -55.9200, 0.0000, 0.0000},
    {3, H::left, V::baseline, 180, M::anchor_mode, A::none, -63.9468, -45.8000, 0.0000, 10.1200},
    {3, H::left, V::center_baseline, 180, M::anchor_mode, A::none, -63.9468, -22.9000, 0.0000,
     33.0200},
    {3, H::center, V::top, 180, M::anchor_mode, A::none, -31.9734, 0.0000, 31.9734, 55.9200},
    {3, H::center, V::center, 180, M::anchor_mode, A::none, -31.9734, -27.9600, 31.9734, 27.9600},
    {3, H::center, V::bottom, 180, M::anchor_mode, A::none, -31.9734, -55.9200, 31.9734, 0.0000},
    {3, H::center, V::baseline, 180, M::anchor_mode, A::none, -31.9734, -45.8000, 31.9734, 10.1200},
    {3, H::center, V::center_baseline, 180, M::anchor_mode, A::none, -31.9734, -22.9000, 31.9734,
     33.0200},
    {3, H::right, V::top, 180, M::anchor_mode, A::none, 0.0000, 0.0000, 63.9468, 55.9200},
    {3, H::right, V::center, 180, M::anchor_mode, A::none, 0.0000, -27.9600, 63.9468, 27.9600},
    {3, H::right, V::bottom, 180, M::anchor_mode, A::none, 0.0000, -55.9200, 63.9468, 0.0000},
    {3, H::right, V::baseline, 180, M::anchor_mode, A::none, 0.0000, -45.8000, 63.9468, 10.1200},
    {3, H::right, V::center_baseline, 180, M::anchor_mode, A::none, 0.0000, -22.9000, 63.9468,
     33.0200},
};

struct BoxCase {
  const char* style;  ///< "none": bbox=dict(fc="w") (matplotlib's default square, pad 4 pt)
  double rotation;
  double x0, y0, x1, y1;    ///< the patch's window extent minus the anchor, pixels
  double first_x, first_y;  ///< the first vertex of the patch path, minus the anchor
  std::size_t vertices;
};

// From matplotlib 3.6.3 (make_expected.py, textbox_paths): fig.text(0.5, 0.5, "Boxed\ntext",
// ha="center", va="center", rotation=, bbox=dict(boxstyle=style, fc="w")).
const BoxCase kBoxes[] = {
    {"square", 0, -25.6667, -19.2667, 25.6667, 19.2667, -25.6667, -19.2667, 5},
    {"round", 0, -25.6667, -19.2667, 25.6667, 19.2667, -21.5000, -19.2667, 14},
    {"round4", 30, -29.0433, -26.6927, 29.0433, 26.6927, -11.8321, -26.6729, 14},
    {"circle", 0, -25.6667, -25.6667, 25.6667, 25.6667, 0.0000, -25.6667, 26},
    {"larrow", 0, -41.9571, -28.9000, 25.6667, 28.9000, -13.0571, -19.2667, 9},
    {"rarrow", 90, -28.9000, -25.6667, 28.9000, 41.9571, 19.2667, 13.0571, 9},
    {"none", 0, -27.0556, -20.6556, 27.0556, 20.6556, -27.0556, -20.6556, 5},
};

TextLayoutOptions options_of(const ExtentCase& c) {
  TextLayoutOptions o{.ha = c.ha, .va = c.va, .rotation = c.rotation, .rotation_mode = c.mode};
  if (c.malign != A::none) {
    o.multialignment = c.malign == A::left     ? HAlign::left
                       : c.malign == A::center ? HAlign::center
                                               : HAlign::right;
  }
  return o;
}

/// A drawable of `w` x `h` pixels at 100 dpi with a white background, drawing `fn`.
strata::test::SceneDrawable scene(double w, double h, std::function<void(strata::Renderer&)> fn) {
  return strata::test::SceneDrawable(
      strata::Size{w / 100.0, h / 100.0}, 100.0, [w, h, fn](strata::Renderer& r) {
        strata::GraphicsContext bg;
        bg.linewidth = 0;
        r.draw_path(bg, strata::Path::unit_rectangle(), strata::Affine2D().scale(w, h),
                    strata::Rgba{1, 1, 1, 1});
        fn(r);
      });
}

}  // namespace

TEST_CASE("layout_text window extents equal matplotlib's", "[textlayout]") {
  int checked = 0;
  for (const ExtentCase& c : kExtents) {
    const auto lay = strata::layout_text(kStrings[c.string], {}, 100.0, options_of(c));
    const double tol = c.rotation == 0 ? 0.5 : 1.0;
    INFO("string " << c.string << " ha " << static_cast<int>(c.ha) << " va "
                   << static_cast<int>(c.va) << " rotation " << c.rotation << " mode "
                   << static_cast<int>(c.mode) << " malign " << static_cast<int>(c.malign));
    INFO("got " << lay.extent.x0 << ", " << lay.extent.y0 << ", " << lay.extent.x1 << ", "
                << lay.extent.y1 << " expected " << c.x0 << ", " << c.y0 << ", " << c.x1 << ", "
                << c.y1);
    CHECK(std::abs(lay.extent.x0 - c.x0) <= tol);
    CHECK(std::abs(lay.extent.y0 - c.y0) <= tol);
    CHECK(std::abs(lay.extent.x1 - c.x1) <= tol);
    CHECK(std::abs(lay.extent.y1 - c.y1) <= tol);
    ++checked;
  }
  CHECK(checked > 500);
}

TEST_CASE("layout_text lines: spacing, multialignment, rotation", "[textlayout]") {
  const strata::FontProperties props{};
  const auto lp = strata::measure("lp", props, 100.0);
  SECTION("one line at the default alignment sits on the anchor") {
    const auto lay = strata::layout_text("Sine wave", props, 100.0);
    REQUIRE(lay.lines.size() == 1);
    CHECK(lay.lines[0].offset.x == Approx(0.0).margin(1e-12));
    CHECK(lay.lines[0].offset.y == Approx(0.0).margin(1e-12));
    CHECK(lay.extent.y0 == Approx(-lp.descent));
    CHECK(lay.lines[0].width == Approx(strata::measure("Sine wave", props, 100.0).width));
  }
  SECTION("baselines step by 1.2 lp heights; multialignment places short lines") {
    for (HAlign ma : {HAlign::left, HAlign::center, HAlign::right}) {
      const auto lay = strata::layout_text("short\nmuch longer line", props, 100.0,
                                           {.ha = HAlign::left, .multialignment = ma});
      REQUIRE(lay.lines.size() == 2);
      // The step is 1.2 "lp" heights below the previous line's descent.
      const double step = lay.lines[0].offset.y - lay.lines[1].offset.y;
      CHECK(step == Approx((lp.height - lp.descent) * 1.2 + lp.descent));
      const double slack = lay.lines[1].width - lay.lines[0].width;
      const double expect = ma == HAlign::left ? 0.0 : ma == HAlign::center ? slack / 2 : slack;
      CHECK(lay.lines[0].offset.x - lay.lines[1].offset.x == Approx(expect).margin(1e-9));
    }
  }
  SECTION("an empty line keeps its place; \\$ is a literal dollar") {
    const auto lay = strata::layout_text("a\n\nb \\$5", props, 100.0);
    REQUIRE(lay.lines.size() == 3);
    CHECK(lay.lines[1].width == 0.0);
    CHECK(lay.lines[1].runs.empty());
    CHECK(lay.lines[2].text == "b $5");
    CHECK_FALSE(lay.lines[2].is_math);
  }
  SECTION("rotation is modulo 360 and rotates the line offsets") {
    const auto lay = strata::layout_text("ab\ncd", props, 100.0, {.rotation = -270});
    CHECK(lay.rotation == Approx(90.0));
    // At 90 degrees the second line sits to the right of the first (x grows).
    CHECK(lay.lines[1].offset.x > lay.lines[0].offset.x);
    CHECK(lay.lines[1].offset.y == Approx(lay.lines[0].offset.y).margin(1e-9));
  }
  SECTION("the unrotated box rotated about the anchor spans the extent") {
    for (double rot : {0.0, 30.0, 90.0, 200.0}) {
      for (RotationMode mode : {RotationMode::default_mode, RotationMode::anchor_mode}) {
        const auto lay = strata::layout_text(
            "Two\nlines here", props, 100.0,
            {.ha = HAlign::right, .va = VAlign::top, .rotation = rot, .rotation_mode = mode});
        const auto r = strata::Affine2D().rotate_deg(rot);
        Bbox b = Bbox::null();
        for (Point c : {Point{lay.box.x0, lay.box.y0}, Point{lay.box.x1, lay.box.y0},
                        Point{lay.box.x0, lay.box.y1}, Point{lay.box.x1, lay.box.y1}}) {
          const Point p = r.transform(c);
          b = Bbox::union_of(b, Bbox{p.x, p.y, p.x, p.y});
        }
        CHECK(b.x0 == Approx(lay.extent.x0).margin(1e-9));
        CHECK(b.y1 == Approx(lay.extent.y1).margin(1e-9));
      }
    }
  }
  SECTION("anchor mode: ha/va right/top put the unrotated box's corner on the anchor") {
    const auto lay = strata::layout_text("Anchor", props, 100.0,
                                         {.ha = HAlign::right,
                                          .va = VAlign::top,
                                          .rotation = 45,
                                          .rotation_mode = RotationMode::anchor_mode});
    CHECK(lay.box.x1 == Approx(0.0).margin(1e-9));
    CHECK(lay.box.y1 == Approx(0.0).margin(1e-9));
  }
  SECTION("usetex and bad math raise ValueError") {
    CHECK_THROWS_AS(strata::layout_text("x", props, 100.0, {.usetex = true}), strata::ValueError);
    CHECK_THROWS_AS(strata::layout_text("$\\frac{a$", props, 100.0), strata::ValueError);
  }
}

TEST_CASE("boxstyle paths", "[textlayout]") {
  const Bbox box = Bbox::from_bounds(10, 20, 100, 30);
  const double scale = 10.0;  // pad 0.3 -> 3 px
  SECTION("square: the box grown by the pad") {
    const auto p = strata::boxstyle_path({}, box, scale);
    const Bbox e = p.get_extents();
    CHECK(e.x0 == Approx(7));
    CHECK(e.y0 == Approx(17));
    CHECK(e.x1 == Approx(113));
    CHECK(e.y1 == Approx(53));
    REQUIRE(p.size() == 5);
    CHECK(p.code(4) == PathCode::closepoly);
    const auto q = strata::boxstyle_path({.pad = 0.5}, box, scale).get_extents();
    CHECK(q.x0 == Approx(5));
    CHECK(q.y1 == Approx(55));
  }
  SECTION("round: quadratic corners of radius pad (or rounding_size)") {
    const auto p = strata::boxstyle_path({.name = BoxStyleName::round}, box, scale);
    REQUIRE(p.size() == 14);
    CHECK(p.code(2) == PathCode::curve3);
    CHECK(p.vertices()[0].x == Approx(7 + 3));  // starts after the lower-left corner
    CHECK(p.vertices()[2].x == Approx(113));    // control point: the sharp corner
    CHECK(p.vertices()[2].y == Approx(17));
    CHECK(p.vertices()[3].y == Approx(17 + 3));
    const Bbox e = p.get_extents();
    CHECK(e.x0 == Approx(7));
    CHECK(e.y1 == Approx(53));
    const auto r =
        strata::boxstyle_path({.name = BoxStyleName::round, .rounding_size = 0.8}, box, scale);
    CHECK(r.vertices()[0].x == Approx(7 + 8));
    // A corner point of the square lies outside the rounded box.
    CHECK(strata::boxstyle_path({}, box, scale).contains_point({7.2, 17.2}));
    CHECK_FALSE(p.contains_point({7.2, 17.2}));
  }
  SECTION("round4: cubic edges, corner size pad / 2") {
    const auto p = strata::boxstyle_path({.name = BoxStyleName::round4}, box, scale);
    REQUIRE(p.size() == 14);
    CHECK(p.code(1) == PathCode::curve4);
    CHECK(p.vertices()[0].x == Approx(7 + 1.5));
    CHECK(p.vertices()[0].y == Approx(17 + 1.5));
  }
  SECTION("circle: centred on the box, radius half the larger padded side") {
    const auto p = strata::boxstyle_path({.name = BoxStyleName::circle}, box, scale);
    const Bbox e = p.get_extents();
    CHECK(e.x0 == Approx(7).margin(0.05));
    CHECK(e.x1 == Approx(113).margin(0.05));
    CHECK((e.y0 + e.y1) / 2 == Approx(35).margin(1e-9));
    CHECK(e.height() == Approx(106).margin(0.05));
  }
  SECTION("arrows point the right way") {
    const auto l = strata::boxstyle_path({.name = BoxStyleName::larrow}, box, scale);
    const auto r = strata::boxstyle_path({.name = BoxStyleName::rarrow}, box, scale);
    auto tip = [](const strata::Path& p, bool leftmost) {
      Point best = p.vertices()[0];
      for (const Point& v : p.vertices()) {
        if (leftmost ? v.x < best.x : v.x > best.x) best = v;
      }
      return best;
    };
    const Point lt = tip(l, true), rt = tip(r, false);
    CHECK(lt.x < box.x0 - 3);  // beyond the padded box on the left
    CHECK(lt.y == Approx(35));
    CHECK(rt.x > box.x1 + 3);
    CHECK(rt.y == Approx(35));
    // Each arrow's flat side is the padded box's edge on the other side.
    CHECK(l.get_extents().x1 == Approx(113));
    CHECK(r.get_extents().x0 == Approx(7));
  }
  SECTION("parse_boxstyle") {
    const BoxStyle s = strata::parse_boxstyle("Round4, pad=0.2,rounding_size=0.1");
    CHECK(s.name == BoxStyleName::round4);
    CHECK(*s.pad == Approx(0.2));
    CHECK(*s.rounding_size == Approx(0.1));
    CHECK(strata::parse_boxstyle("rarrow").name == BoxStyleName::rarrow);
    CHECK_FALSE(strata::parse_boxstyle("circle").pad.has_value());
    CHECK_THROWS_AS(strata::parse_boxstyle("hexagon"), strata::ValueError);
    CHECK_THROWS_AS(strata::parse_boxstyle("square,pad=x"), strata::ValueError);
    CHECK_THROWS_AS(strata::parse_boxstyle("square,rounding_size=1"), strata::ValueError);
    CHECK(strata::boxstyle_name(BoxStyleName::larrow) == "larrow");
  }
}

TEST_CASE("text box paths equal matplotlib's FancyBboxPatch", "[textlayout]") {
  for (const BoxCase& c : kBoxes) {
    strata::TextBoxOptions bopts{};
    if (std::string(c.style) != "none") bopts.boxstyle = strata::parse_boxstyle(c.style);
    const auto lay = strata::layout_text(
        "Boxed\ntext", {}, 100.0,
        {.ha = HAlign::center, .va = VAlign::center, .rotation = c.rotation, .bbox = bopts});
    const strata::Path p = strata::text_box_path(lay, {0, 0});
    const Bbox e = p.get_extents();
    const double tol = c.rotation == 0 ? 0.5 : 1.0;
    INFO(c.style << " got " << e.x0 << ", " << e.y0 << ", " << e.x1 << ", " << e.y1);
    CHECK(std::abs(e.x0 - c.x0) <= tol);
    CHECK(std::abs(e.y0 - c.y0) <= tol);
    CHECK(std::abs(e.x1 - c.x1) <= tol);
    CHECK(std::abs(e.y1 - c.y1) <= tol);
    REQUIRE(p.size() == c.vertices);
    CHECK(std::abs(p.vertices()[0].x - c.first_x) <= tol);
    CHECK(std::abs(p.vertices()[0].y - c.first_y) <= tol);
  }
  SECTION("no box: empty path") {
    CHECK(strata::text_box_path(strata::layout_text("x", {}, 100.0), {0, 0}).empty());
  }
}

TEST_CASE("draw_text matches matplotlib's Agg render", "[textlayout]") {
  namespace st = strata::test;
  const auto fixtures = st::source_dir() / "fixtures" / "text_layout";
  SECTION("multi-line centred text") {
    auto d = scene(240, 100, [](strata::Renderer& r) {
      const auto lay = strata::layout_text("Centered text\nspans lines\nof 3", {.size = 11},
                                           r.dpi(), {.ha = HAlign::center, .va = VAlign::center});
      strata::draw_text(r, lay, {120, 50}, {});
    });
    const auto ours = st::render_rgba(d);
    const auto ref = st::read_png(fixtures / "multiline_center.png");
    const double e = st::rms(ours, ref);
    INFO("rms " << e);
    CHECK(e < 1.5);
  }
  SECTION("square text box, left / baseline") {
    auto d = scene(240, 100, [](strata::Renderer& r) {
      const auto lay =
          strata::layout_text("Boxed ha=left", {.size = 12}, r.dpi(),
                              {.bbox = strata::TextBoxOptions{
                                   .boxstyle = BoxStyle{.name = BoxStyleName::square},
                                   .facecolor = strata::Rgba{208.0 / 255, 232.0 / 255, 1.0, 1.0},
                                   .edgecolor = strata::Rgba{0, 0, 0, 1}}});
      strata::draw_text(r, lay, {24, 50}, {});
    });
    const auto ours = st::render_rgba(d);
    const auto ref = st::read_png(fixtures / "square_box.png");
    const double e = st::rms(ours, ref);
    INFO("rms " << e);
    CHECK(e < 1.5);
  }
  SECTION("rotated text in a round box (geometry within a pixel)") {
    auto d = scene(200, 200, [](strata::Renderer& r) {
      const auto lay = strata::layout_text(
          "Rotated\nand boxed", {.size = 11}, r.dpi(),
          {.ha = HAlign::center,
           .va = VAlign::center,
           .rotation = 30,
           .bbox = strata::TextBoxOptions{
               .boxstyle = BoxStyle{.name = BoxStyleName::round},
               .facecolor = strata::Rgba{1.0, 224.0 / 255, 160.0 / 255, 1.0},
               .edgecolor = strata::Rgba{32.0 / 255, 64.0 / 255, 128.0 / 255, 1.0}}});
      strata::draw_text(r, lay, {100, 100}, {});
    });
    const auto ours = st::render_rgba(d);
    const auto ref = st::read_png(fixtures / "rotated_box.png");
    const double e = st::rms(ours, ref), eb = st::blurred_rms(ours, ref);
    INFO("rms " << e << " blurred " << eb);
    CHECK(eb < 2.0);
  }
}
