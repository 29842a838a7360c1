// SPDX-License-Identifier: MIT
// W1: plot(x, y) of a random walk, x = 0..N-1; PNG (shared/bench/matplotlib/w01_line.py).
// Second argument: "copy" (default: plot(x, y) copies the arrays, as matplotlib's Line2D
// keeps its own copy) or "view" (the arrays borrowed through strata::view: no copy).
#include <strata/artist/figure.hpp>
#include <strata/data/array_container.hpp>

#include "workload.hpp"

int main(int argc, char** argv) {
  const std::size_t n = workload::count_arg(argc, argv, 1, 1'000'000);
  const std::string mode = workload::string_arg(argc, argv, 2, "copy");
  if (mode != "copy" && mode != "view") {
    fmt::print(stderr, "unknown mode '{}' (copy, view)\n", mode);
    return 2;
  }
  const auto path = workload::out_path(fmt::format("w01_line_{}_{}.png", n, mode));
  const std::vector<double> x = workload::arange(n);
  const std::vector<double> y = workload::random_walk(n, 0);

  const workload::Timer t;
  strata::Figure fig({.figsize = {{6.4, 4.8}}, .dpi = 100});
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  if (mode == "copy") {
    ax.plot(x, y);
  } else {
    ax.plot(std::make_shared<strata::ArrayContainer>(
        std::map<std::string, strata::DataRef>{{"x", strata::view(x)}, {"y", strata::view(y)}}));
  }
  fig.savefig(path);
  workload::report("W1_line_" + mode, n, t.seconds(), path);
}
