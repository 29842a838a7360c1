// SPDX-License-Identifier: MIT
#pragma once
// Image comparison tests as matplotlib's @image_comparison: render a figure, compare it with a
// baseline PNG in tests/baseline/ by RMS under a stated tolerance, and on failure write the
// actual render and an amplified difference image next to the test output. Baselines are
// Strata's own renders, reviewed by eye and committed; STRATA_UPDATE_BASELINES=1 in the
// environment rewrites them (then look at every changed PNG before committing).
#include <filesystem>
#include <string>

#include "strata/artist/figure.hpp"
#include "support/image_tools.hpp"

namespace strata::test {

struct ImageComparison {
  double rms = 0.0;
  bool passed = false;
  std::string message{};  ///< what failed and where the actual and diff images are
};

/// Renders `fig` to PNG and compares it with tests/baseline/<name>.png.
ImageComparison compare_with_baseline(Figure& fig, const std::string& name, double tolerance);

/// Renders both figures to PNG and compares them (the same figure built two ways); on
/// failure writes <name>_a.png, <name>_b.png and <name>_diff.png to the output directory.
ImageComparison compare_figures(Figure& a, Figure& b, const std::string& name, double tolerance);

/// Writes |a - b| * 4 (RGB, opaque) as a PNG.
void write_diff_png(const Pixels& a, const Pixels& b, const std::filesystem::path& path);

}  // namespace strata::test
