// SPDX-License-Identifier: MIT
// A script in the pyplot style (strata::plt): three figures made through the facade's current
// figure and Axes — a line plot, a scatter with a colorbar, and a subplot_mosaic with a
// histogram, bars and a filled band — the mosaic saved as pyplot_tour.{png,pdf,svg,ps}, then
// plt::show() writing every open figure as PNG into <out>/pyplot_tour_show/.
//
// The matplotlib script it follows:
//   x = np.linspace(0, 2 * np.pi, 200)
//   plt.plot(x, np.sin(x), "r--", label="sin"); plt.plot(x, np.cos(x), "C0", lw=2, label="cos")
//   plt.title("Two waves"); plt.xlabel("x"); plt.ylabel("y"); plt.legend(); plt.grid(True)
//   plt.figure("scatter"); plt.scatter(u, v, c=u * v, s=30); plt.colorbar(label="u v")
//   fig, axd = plt.subplot_mosaic("AAB;CCB", figsize=(8, 5))
//   plt.sca(axd["A"]); plt.hist(samples, bins=20); plt.title("hist")
//   plt.sca(axd["B"]); plt.barh([1, 2, 3, 4], [3, 1, 4, 2]); plt.title("barh")
//   plt.sca(axd["C"]); plt.fill_between(x, lo, hi, alpha=0.3); plt.plot(x, mid); plt.title(...)
//   plt.suptitle("subplot_mosaic('AAB;CCB')"); plt.tight_layout(); plt.savefig(...); plt.show()
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <strata/pyplot.hpp>

#include "support/look.hpp"

namespace plt = strata::plt;

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  const auto x = strata::linspace(0.0, 2.0 * std::numbers::pi, 200);
  std::vector<double> s(x.size()), c(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    s[i] = std::sin(x[i]);
    c[i] = std::cos(x[i]);
  }

  // Figure 1: lines on the current Axes (made by the first plot call).
  plt::plot(x, s, "r--", {.label = "sin"});
  plt::plot(x, c, "C0", {.linewidth = 2, .label = "cos"});
  plt::title("Two waves");
  plt::xlabel("x");
  plt::ylabel("y");
  plt::legend();
  plt::grid(true);

  // Figure "scatter": the scatter becomes the current image, which colorbar() uses.
  plt::figure("scatter");
  look::Lcg rng(1);
  std::vector<double> u(150), v(150), uv(150);
  for (std::size_t i = 0; i < u.size(); ++i) {
    u[i] = rng.normal();
    v[i] = rng.normal();
    uv[i] = u[i] * v[i];
  }
  plt::scatter(u, v, {.s = {30.0}, .c = uv});
  plt::colorbar({.label = "u v"});
  plt::title("scatter + colorbar()");

  // Figure 3: a mosaic.
  auto [fig, axd] = plt::subplot_mosaic("AAB;CCB", {}, {.figsize = strata::Size{8, 5}});
  std::vector<double> samples(1000);
  for (double& d : samples) d = rng.normal();
  plt::sca(axd["A"]);
  plt::hist(samples, {.bins = 20});
  plt::title("hist");
  plt::sca(axd["B"]);
  plt::barh(std::vector<double>{1, 2, 3, 4}, std::vector<double>{3, 1, 4, 2});
  plt::title("barh");
  plt::sca(axd["C"]);
  std::vector<double> lo(x.size()), hi(x.size()), mid(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    mid[i] = std::sin(x[i]) * std::exp(-0.2 * x[i]);
    lo[i] = mid[i] - 0.2;
    hi[i] = mid[i] + 0.2;
  }
  plt::fill_between(x, lo, hi, {.alpha = 0.3});
  plt::plot(x, mid);
  plt::title("fill_between + plot");
  plt::suptitle("subplot_mosaic('AAB;CCB')");
  plt::tight_layout();

  std::filesystem::create_directories(out);
  for (const char* ext : {"png", "pdf", "svg", "ps"}) {
    plt::savefig(out / (std::string("pyplot_tour.") + ext));
  }

  // show(): every open figure as PNG into $STRATA_SHOW_DIR (here a sub-directory of out, so
  // the gallery index does not list them); the figures stay open.
  const std::filesystem::path show_dir = out / "pyplot_tour_show";
  std::filesystem::create_directories(show_dir);
  ::setenv("STRATA_SHOW_DIR", show_dir.c_str(), 1);
  plt::show();
  plt::close("all");
}
