// SPDX-License-Identifier: MIT
// W1: plot(x, y) of a random walk, x = 0..N-1; PNG (shared/bench/matplotlib/w01_line.py).
#include <strata/artist/figure.hpp>

#include "workload.hpp"

int main(int argc, char** argv) {
  const std::size_t n = workload::count_arg(argc, argv, 1, 1'000'000);
  const auto path = workload::out_path(fmt::format("w01_line_{}.png", n));
  const std::vector<double> x = workload::arange(n);
  const std::vector<double> y = workload::random_walk(n, 0);

  const workload::Timer t;
  strata::Figure fig({.figsize = {{6.4, 4.8}}, .dpi = 100});
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  ax.plot(x, y);
  fig.savefig(path);
  workload::report("W1_line", n, t.seconds(), path);
}
