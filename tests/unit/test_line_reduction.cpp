// SPDX-License-Identifier: MIT
// Line2D's reduction of huge sorted series to the renderer's columns
// (src/artist/lines_reduce.cpp): it must draw exactly what the renderer's own reduction of
// every vertex draws, and step aside where it does not apply.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "strata/artist/axes.hpp"
#include "strata/artist/figure.hpp"
#include "strata/data/array_container.hpp"
#include "support/catch.hpp"
#include "support/image_tools.hpp"

namespace {

struct Series {
  std::vector<double> x, y;
  // The same values interleaved, so that a strided view (not contiguous) can be made: Line2D
  // then takes the general path (full Path, reduced by the renderer's pipeline).
  std::vector<double> xy;
};

Series walk(std::size_t n, double x0, double dx, bool decreasing = false) {
  Series s;
  s.x.resize(n);
  s.y.resize(n);
  double y = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i);
    y += std::sin(0.7 * t) * std::cos(0.013 * t) + 0.3 * std::sin(0.00071 * t * t);
    s.x[i] = decreasing ? x0 - dx * t : x0 + dx * t;
    s.y[i] = y;
  }
  if (decreasing) {
    // Sorted means non-decreasing data x here; an inverted x axis makes device x decrease.
    std::reverse(s.x.begin(), s.x.end());
    std::reverse(s.y.begin(), s.y.end());
  }
  s.xy.resize(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    s.xy[2 * i] = s.x[i];
    s.xy[2 * i + 1] = s.y[i];
  }
  return s;
}

// Full-path rebuilds of the last line rendered: 0 when the artist reduced the series itself.
std::uint64_t g_rebuilds = 0;

strata::test::Pixels render(const Series& s, bool strided, bool invert_x,
                            std::optional<std::pair<double, double>> xlim = {}) {
  strata::Figure fig({.figsize = {{5, 3.5}}, .dpi = 100});
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  strata::DataContainerPtr data;
  if (strided) {
    data = std::make_shared<strata::ArrayContainer>(std::map<std::string, strata::DataRef>{
        {"x", strata::view(s.xy.data(), s.x.size(), 2)},
        {"y", strata::view(s.xy.data() + 1, s.y.size(), 2)}});
  } else {
    data = std::make_shared<strata::ArrayContainer>(
        std::map<std::string, strata::DataRef>{{"x", s.x}, {"y", s.y}});
  }
  strata::Line2D& line = ax.plot(data, "", {.linewidth = 0.8});
  if (invert_x) ax.invert_xaxis();
  if (xlim) ax.set_xlim(xlim->first, xlim->second);
  auto px = strata::test::render_rgba(fig);
  g_rebuilds = line.rebuild_count();
  return px;
}

}  // namespace

TEST_CASE("Reducing a sorted series in the artist draws the renderer's pixels",
          "[lines][reduction]") {
  const Series s = walk(300'000, -2.0, 1e-5);
  SECTION("whole series") {
    const auto reduced = render(s, false, false);
    CHECK(g_rebuilds == 0);  // the artist reduced it: no full-size Path was built
    const auto full = render(s, true, false);
    CHECK(g_rebuilds == 1);
    CHECK(strata::test::rms(reduced, full) == 0.0);
  }
  SECTION("inverted x axis (device x decreasing)") {
    CHECK(strata::test::rms(render(s, false, true), render(s, true, true)) == 0.0);
  }
  SECTION("zoomed in: most columns outside the axes") {
    const auto lim = std::make_pair(-1.2, -1.1);
    CHECK(strata::test::rms(render(s, false, false, lim), render(s, true, false, lim)) == 0.0);
  }
}

TEST_CASE("A series with NaN or unsorted x is drawn without the artist's reduction",
          "[lines][reduction]") {
  Series s = walk(100'000, 0.0, 1.0);
  s.y[5000] = std::nan("");
  s.xy[2 * 5000 + 1] = std::nan("");
  CHECK(strata::test::rms(render(s, false, false), render(s, true, false)) == 0.0);
  CHECK(g_rebuilds == 1);
  std::swap(s.x[10], s.x[11]);
  std::swap(s.xy[20], s.xy[22]);
  CHECK(strata::test::rms(render(s, false, false), render(s, true, false)) == 0.0);
}
