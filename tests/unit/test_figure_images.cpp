// SPDX-License-Identifier: MIT
// Image tests of the artist layer: figures compared with reviewed baselines in tests/baseline/
// (RMS over 0-255 under 0.5: only antialiasing noise may differ), and the same figure built two
// ways compared with each other.
#include <cmath>
#include <numbers>
#include <vector>

#include "strata/artist/figure.hpp"
#include "support/catch.hpp"
#include "support/image_compare.hpp"

namespace {

constexpr double kBaselineTolerance = 0.5;

std::vector<double> lin(double a, double b, int n) {
  std::vector<double> v(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = a + i * ((b - a) / (n - 1));
  return v;
}

template <class F>
std::vector<double> map(const std::vector<double>& x, F f) {
  std::vector<double> y;
  y.reserve(x.size());
  for (double v : x) y.push_back(f(v));
  return y;
}

void require_baseline(strata::Figure& fig, const std::string& name) {
  const auto r = strata::test::compare_with_baseline(fig, name, kBaselineTolerance);
  INFO(r.message);
  CHECK(r.passed);
}

}  // namespace

TEST_CASE("Image: default line plot with grid, labels and title", "[artist][image]") {
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  const auto x = lin(0, 2 * std::numbers::pi, 100);
  ax.plot(x, map(x, [](double v) { return std::sin(v); }));
  ax.plot(x, map(x, [](double v) { return std::cos(v); }), "--");
  ax.set_title("Sine and cosine");
  ax.set_xlabel("x (radians)");
  ax.set_ylabel("y");
  ax.grid(true);
  require_baseline(fig, "line_default");
}

TEST_CASE("Image: log axes with minor ticks and a restyled minor grid", "[artist][image]") {
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  ax.set_xscale("log");
  ax.set_yscale("log");
  const auto x = map(lin(-1, 3, 60), [](double e) { return std::pow(10.0, e); });
  ax.plot(x, map(x, [](double v) { return 0.02 * v * v; }), {.marker = "."});
  ax.grid(true, "both");
  ax.grid(true, "minor", "both", {.linewidth = 0.5, .linestyle = ":"});
  require_baseline(fig, "log_minor_grid");
}

TEST_CASE("Image: spines moved to zero and outward, ticks inward", "[artist][image]") {
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  const auto x = lin(-3, 3, 61);
  ax.plot(x, map(x, [](double v) { return v * v * v / 9; }));
  ax.spines("left").set_position("zero");
  ax.spines("bottom").set_position("outward", 10);
  ax.spines("right").set_visible(false);
  ax.spines("top").set_visible(false);
  ax.tick_params({.direction = "in", .length = 6});
  require_baseline(fig, "spines_moved");
}

TEST_CASE("Image: 2x2 subplots sharing both axes with a suptitle", "[artist][image]") {
  strata::Figure fig;
  auto axs = fig.subplots(2, 2, {.sharex = true, .sharey = true});
  const auto x = lin(0, 10, 50);
  for (int k = 0; k < 4; ++k) {
    axs[k].plot(x, map(x, [k](double v) { return std::sin(v + k) * (k + 1); }));
  }
  fig.suptitle("Shared axes");
  require_baseline(fig, "subplots_shared");
}

TEST_CASE("Image: twinx with colored axes", "[artist][image]") {
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  const auto x = lin(1, 12, 12);
  ax.plot(x, map(x, [](double v) { return 10 + 8 * std::sin(v / 2); }), {.color = "tab:red"});
  ax.set_ylabel("temperature", {.text = {.color = "tab:red"}});
  strata::Axes& ax2 = ax.twinx();
  ax2.plot(x, map(x, [](double v) { return 50 + 30 * std::cos(v / 3); }), {.color = "tab:blue"});
  ax2.set_ylabel("rain", {.text = {.color = "tab:blue"}});
  ax2.tick_params({.axis = "y", .labelcolor = "tab:blue"});
  require_baseline(fig, "twinx_colored");
}

TEST_CASE("Image: equal aspect shrinks the box around a circle", "[artist][image]") {
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot();
  ax.add_patch(std::make_unique<strata::Circle>(
      strata::Point{0, 0}, 1.0,
      strata::PatchOptions{.facecolor = "C2", .edgecolor = "k", .hatch = "//"}));
  ax.set_xlim(-1.5, 1.5);
  ax.set_ylim(-1.2, 1.2);
  ax.set_aspect("equal");
  require_baseline(fig, "aspect_equal_circle");
}

TEST_CASE("Image: set_xlim reversed equals invert_xaxis", "[artist][image]") {
  auto build = [](bool invert) {
    auto fig = std::make_unique<strata::Figure>();
    strata::Axes& ax = fig->add_subplot();
    ax.plot(std::vector<double>{0, 5, 10}, std::vector<double>{1, 3, 2});
    if (invert) {
      ax.set_xlim(0, 10);
      ax.invert_xaxis();
    } else {
      ax.set_xlim(10, 0);
    }
    return fig;
  };
  auto a = build(true);
  auto b = build(false);
  const auto r = strata::test::compare_figures(*a, *b, "invert_xaxis", 0.0);
  INFO(r.message);
  CHECK(r.passed);
}

TEST_CASE("Image: add_subplot one by one equals subplots", "[artist][image]") {
  strata::Figure a, b;
  auto grid = b.subplots(2, 2);
  for (int k = 0; k < 4; ++k) {
    strata::Axes& ax = a.add_subplot(2, 2, k + 1);
    const std::vector<double> y{0.0 + k, 1.0, 0.5 * k};
    ax.plot(y);
    grid[k].plot(y);
  }
  const auto r = strata::test::compare_figures(a, b, "add_subplot_vs_subplots", 0.0);
  INFO(r.message);
  CHECK(r.passed);
}

TEST_CASE("Image: a format string equals the same options given by name", "[artist][image]") {
  strata::Figure a, b;
  const std::vector<double> x{0, 1, 2, 3}, y{1, 0, 2, 1};
  a.add_subplot().plot(x, y, "r--o");
  b.add_subplot().plot(x, y, {.color = "r", .linestyle = "--", .marker = "o"});
  const auto r = strata::test::compare_figures(a, b, "fmt_vs_options", 0.0);
  INFO(r.message);
  CHECK(r.passed);
}
