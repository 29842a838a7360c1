// SPDX-License-Identifier: MIT
// Rendering on many threads: independent figures share nothing mutable but the library's
// locked caches (fonts and glyphs, colormaps, marker stamps, rcParams defaults, unit
// registry). 100 figures of several kinds rendered on 4 threads must give exactly the bytes
// of the serial renders. scripts/test also runs this file under ThreadSanitizer.
#include <atomic>
#include <cmath>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "strata/artist/axes.hpp"
#include "strata/artist/figure.hpp"
#include "strata/style/rcparams.hpp"
#include "support/catch.hpp"

namespace {

std::vector<double> series(int seed, std::size_t n, double scale) {
  std::vector<double> v(n);
  double y = 0;
  for (std::size_t i = 0; i < n; ++i) {
    y += std::sin(0.37 * static_cast<double>(i) + seed) * scale;
    v[i] = y;
  }
  return v;
}

/// Figure `k` of the batch, as PNG (or, every fifth, PDF) bytes.
std::vector<std::uint8_t> render(int k) {
  strata::Figure fig({.figsize = {{3.2, 2.4}}, .dpi = 80});
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  std::vector<double> x(200);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i) + 1;
  switch (k % 5) {
    case 0:
      ax.plot(x, series(k, 200, 1.0), "r--", {.label = "walk"});
      ax.plot(x, series(k + 1, 200, 0.5), "o", {.markersize = 3, .label = "dots"});
      ax.legend();
      break;
    case 1: {
      auto& sc = ax.scatter(series(k, 200, 1.0), series(k + 7, 200, 1.0),
                            {.s = series(k, 200, 0.2), .c = x, .cmap = "plasma"});
      fig.colorbar(sc);
      break;
    }
    case 2:
      ax.hist(series(k, 200, 1.0), {.bins = 15});
      ax.set_title("$\\alpha^2 + \\frac{\\beta}{2}$ histogram");
      break;
    case 3:
      ax.plot(x, x);
      ax.set_xscale("log");
      ax.set_yscale("log");
      ax.set_xlabel("size [$\\mu$m]");
      break;
    case 4:
      ax.bar(std::vector<double>{1, 2, 3}, std::vector<double>{3, 1, 2}, {.label = "bars"});
      ax.text(1, 2.5, "Å µ ° −1", {.fontsize = 14});
      break;
  }
  ax.set_ylabel("figure " + std::to_string(k));
  return fig.to_bytes(k % 5 == 4 ? "pdf" : "png");
}

}  // namespace

TEST_CASE("Figures rendered on 4 threads equal their serial renders byte for byte", "[threads]") {
  constexpr int kFigures = 100;
  std::vector<std::vector<std::uint8_t>> serial(kFigures);
  for (int k = 0; k < kFigures; ++k) serial[static_cast<std::size_t>(k)] = render(k);

  std::vector<std::vector<std::uint8_t>> parallel(kFigures);
  std::atomic<int> next{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t) {
    pool.emplace_back([&] {
      for (int k = next++; k < kFigures; k = next++)
        parallel[static_cast<std::size_t>(k)] = render(k);
    });
  }
  for (auto& th : pool) th.join();

  for (int k = 0; k < kFigures; ++k) {
    INFO("figure " << k);
    CHECK(!serial[static_cast<std::size_t>(k)].empty());
    CHECK(parallel[static_cast<std::size_t>(k)] == serial[static_cast<std::size_t>(k)]);
  }
}

TEST_CASE("rc_context on one thread does not change another thread's figures", "[threads]") {
  const auto plain = render(0);
  std::vector<std::uint8_t> other;
  std::thread t([&] {
    strata::rc_context ctx({{"lines.linewidth", "5"}, {"axes.facecolor", "black"}});
    (void)render(0);  // this thread sees its overrides
  });
  other = render(0);
  t.join();
  CHECK(other == plain);
}
