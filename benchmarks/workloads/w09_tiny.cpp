// SPDX-License-Identifier: MIT
// W9: a 10-point plot with title and axis labels; PNG. The figure of merit is the whole
// process (start to file written), which benchmarks/run measures around this program.
#include <strata/artist/figure.hpp>

#include "workload.hpp"

int main(int, char**) {
  const auto path = workload::out_path("w09_tiny.png");
  const std::vector<double> x = workload::arange(10);
  const std::vector<double> y = workload::normals(10, 0);

  const workload::Timer t;
  strata::Figure fig({.figsize = {{6.4, 4.8}}, .dpi = 100});
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  ax.plot(x, y);
  ax.set_title("Tiny plot");
  ax.set_xlabel("x");
  ax.set_ylabel("y");
  fig.savefig(path);
  workload::report("W9_tiny", 10, t.seconds(), path);
}
