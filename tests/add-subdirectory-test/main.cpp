// SPDX-License-Identifier: MIT
// A program outside the Strata tree: draws a Drawable to PNG bytes in memory and checks them.
// Built three ways by ctest: find_package(strata), pkg-config, and add_subdirectory.
#include <algorithm>
#include <array>
#include <cstdint>
#include <exception>
#include <iostream>
#include <strata/backend/canvas.hpp>
#include <vector>

namespace {

/// A one-inch square with a filled triangle in it.
class Triangle final : public strata::Drawable {
 public:
  [[nodiscard]] strata::Size size_inches() const override { return {1.0, 1.0}; }
  void draw(strata::Renderer& renderer) override {
    const strata::Path triangle({{0.1, 0.1}, {0.9, 0.1}, {0.5, 0.9}, {0.0, 0.0}},
                                {strata::PathCode::moveto, strata::PathCode::lineto,
                                 strata::PathCode::lineto, strata::PathCode::closepoly});
    strata::GraphicsContext gc;
    gc.linewidth = 2.0;
    renderer.draw_path(gc, triangle,
                       strata::Affine2D::from_scale(renderer.width(), renderer.height()),
                       strata::Rgba{0.2, 0.4, 0.8, 1.0});
  }
};

}  // namespace

int main() {
  try {
    Triangle drawable;
    strata::Canvas canvas(drawable);
    const std::vector<std::uint8_t> png = canvas.print_to_bytes({.format = "png", .dpi = 50.0});
    constexpr std::array<std::uint8_t, 8> signature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (png.size() <= signature.size() ||
        !std::equal(signature.begin(), signature.end(), png.begin())) {
      std::cerr << "png: bad output (" << png.size() << " bytes, no PNG signature)\n";
      return 1;
    }
    std::cout << "png: ok " << png.size() << " bytes\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "png: " << e.what() << '\n';
    return 1;
  }
}
