// SPDX-License-Identifier: MIT
// Five million points shown as a density image: the points come from a chunk source (three
// Gaussian clouds, generated chunk by chunk, never all in memory), are binned per pixel at
// draw time by a DensityContainer, and colormapped with a LogNorm and a colorbar.
#include <cmath>
#include <strata/artist/figure.hpp>
#include <strata/colors/normalize.hpp>
#include <strata/data/density_container.hpp>
#include <strata/data/streaming.hpp>

#include "support/look.hpp"

int main(int argc, char** argv) {
  const std::filesystem::path out = argc > 1 ? argv[1] : "out/gallery";
  constexpr std::size_t kPoints = 5'000'000;
  constexpr std::size_t kChunk = 1 << 16;
  // Three clouds: centres, spreads, shares of the points.
  struct Cloud {
    double cx, cy, sx, sy;
  };
  const Cloud clouds[] = {{-1.0, 0.0, 0.5, 0.3}, {1.2, 0.8, 0.3, 0.6}, {0.5, -1.0, 0.8, 0.2}};
  auto start = [&] {
    return
        [&, made = std::size_t{0}, rng = look::Lcg(7)]() mutable -> std::optional<strata::Chunk> {
          if (made >= kPoints) return std::nullopt;
          const std::size_t n = std::min(kChunk, kPoints - made);
          std::vector<double> x(n), y(n);
          for (std::size_t i = 0; i < n; ++i) {
            const Cloud& c = clouds[(made + i) % 3];
            x[i] = c.cx + c.sx * rng.normal();
            y[i] = c.cy + c.sy * rng.normal();
          }
          made += n;
          return strata::Chunk{{{"x", strata::Column::from_vector(std::move(x))},
                                {"y", strata::Column::from_vector(std::move(y))}}};
        };
  };
  auto source = std::make_shared<strata::GeneratorSource>(
      start, std::map<std::string, strata::FieldDesc>{{"x", {}}, {"y", {}}}, kPoints);
  auto density = std::make_shared<strata::DensityContainer>(source);

  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  ax.set_xlim(-3, 3);
  ax.set_ylim(-2.5, 2.5);
  strata::DensityImage& im =
      ax.density_image(density, {.cmap = "magma", .norm = std::make_shared<strata::LogNorm>()});
  ax.set_title("5,000,000 points, binned per pixel at draw time");
  ax.set_xlabel("x");
  ax.set_ylabel("y");
  fig.colorbar(im, {.label = "points per pixel"});
  look::save_all(fig, out, "density_points");
}
