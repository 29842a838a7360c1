// SPDX-License-Identifier: MIT
// Image helpers for tests: draw a scene through a Canvas, decode PNGs, rasterize vector
// output with the usual tools, and compare images by RMS (matplotlib's measure).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "strata/backend/canvas.hpp"

namespace strata::test {

/// A Drawable made of a lambda, for renderer-level tests.
class SceneDrawable final : public Drawable {
 public:
  SceneDrawable(Size inches, double dpi, std::function<void(Renderer&)> draw_fn)
      : inches_(inches), dpi_(dpi), draw_(std::move(draw_fn)) {}
  Size size_inches() const override { return inches_; }
  double dpi() const override { return dpi_; }
  void draw(Renderer& r) override { draw_(r); }
  Size inches_;
  double dpi_;
  std::function<void(Renderer&)> draw_;
};

/// Straight RGBA8 pixel access.
struct Pixels {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
  /// Pixel (x, y), rows from the top, as 0xRRGGBBAA.
  [[nodiscard]] std::uint32_t at(int x, int y) const;
  [[nodiscard]] Image to_image() const { return Image{width, height, rgba}; }
};

/// Renders `d` through Canvas::print_to_bytes in the raw "rgba" format.
Pixels render_rgba(Drawable& d);
/// Decodes PNG bytes (any color type) to straight RGBA.
Pixels decode_png(const std::vector<std::uint8_t>& png);
Pixels read_png(const std::filesystem::path& path);

/// Rasterizes a PDF, SVG, PS or EPS file at `dpi` with pdftoppm, rsvg-convert or
/// ghostscript (installed by scripts/deps) into a PNG next to it and decodes it.
Pixels rasterize_vector(const std::filesystem::path& path, double dpi);

/// matplotlib's compare_images RMS over RGB on the 0-255 scale, composited over white.
/// Throws std::runtime_error when the sizes differ.
double rms(const Pixels& a, const Pixels& b);

/// RMS after blurring both images (three passes of a 5x5 box, about a Gaussian of sigma 2.4):
/// forgives antialiasing and sub-pixel placement, not missing or misplaced elements.
double blurred_rms(const Pixels& a, const Pixels& b);

/// Reads a whole file.
std::vector<std::uint8_t> read_file(const std::filesystem::path& path);

constexpr std::uint32_t rgba32(std::uint8_t r, std::uint8_t g, std::uint8_t b,
                               std::uint8_t a = 255) {
  return (std::uint32_t{r} << 24) | (std::uint32_t{g} << 16) | (std::uint32_t{b} << 8) | a;
}

}  // namespace strata::test
