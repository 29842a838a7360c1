// SPDX-License-Identifier: MIT
// The example of README.md ("Example": matplotlib's pyplot in C++), compiled as is so that
// the README cannot drift from the API; it writes sine.png as the README says, then the
// gallery's readme_example.{png,pdf,svg,ps} into the output directory.
#include <cmath>
#include <filesystem>
#include <string>

// ---- README.md example (keep in sync) -----------------------------------------------------
#include <strata/pyplot.hpp>
namespace plt = strata::plt;

int readme_main() {
  auto x = strata::linspace(0.0, 10.0, 200);
  std::vector<double> y(x.size());
  for (size_t i = 0; i < x.size(); ++i) y[i] = std::sin(x[i]);
  plt::plot(x, y, "r--", {.linewidth = 2, .label = "sin"});
  plt::xlabel("time [s]");
  plt::title(R"($\sin(x)$ over time)");
  plt::legend();
  plt::savefig("sine.png", {.dpi = 150});
  return 0;
}
// ---- end of the README.md example ---------------------------------------------------------

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  std::filesystem::create_directories(out);
  // The README writes sine.png into the current directory: run it inside the output directory.
  const std::filesystem::path cwd = std::filesystem::current_path();
  std::filesystem::current_path(out);
  readme_main();
  std::filesystem::remove("sine.png");
  std::filesystem::current_path(cwd);
  for (const char* ext : {"png", "pdf", "svg", "ps"}) {
    plt::savefig(out / (std::string("readme_example.") + ext));
  }
  plt::close("all");
}
