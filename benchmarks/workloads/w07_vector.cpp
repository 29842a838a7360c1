// SPDX-License-Identifier: MIT
// W7: plot of a 1e5-point random walk saved as PDF, SVG and EPS (one figure per format, as
// shared/bench/matplotlib/w07_vector.py). Arguments: formats (default pdf svg eps).
#include <strata/artist/figure.hpp>

#include "workload.hpp"

int main(int argc, char** argv) {
  const std::size_t n = 100'000;
  std::vector<std::string> formats;
  for (int i = 1; i < argc; ++i) formats.emplace_back(argv[i]);
  if (formats.empty()) formats = {"pdf", "svg", "eps"};
  const std::vector<double> x = workload::arange(n);
  const std::vector<double> y = workload::random_walk(n, 0);
  for (const std::string& f : formats) {
    const auto path = workload::out_path(fmt::format("w07_vector_{}.{}", n, f));
    const workload::Timer t;
    strata::Figure fig({.figsize = {{6.4, 4.8}}, .dpi = 100});
    strata::Axes& ax = fig.add_subplot(1, 1, 1);
    ax.plot(x, y);
    fig.savefig(path);
    workload::report("W7_vector_" + f, n, t.seconds(), path);
  }
}
