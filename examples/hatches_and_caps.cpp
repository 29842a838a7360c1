// SPDX-License-Identifier: MIT
// Every hatch pattern of matplotlib, every cap, join and dash style, and Gouraud shading,
// drawn through the backend layer alone (no artists) and printed to PNG, PDF, SVG and PS.
//
//   hatches_and_caps [OUTDIR]   writes OUTDIR/hatches_and_caps.{png,pdf,svg,ps}

#include <array>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "strata/backend/canvas.hpp"

namespace {

using strata::Affine2D;
using strata::GraphicsContext;
using strata::Path;
using strata::Point;
using strata::Rgba;

class Sheet final : public strata::Drawable {
 public:
  strata::Size size_inches() const override { return {6.4, 4.8}; }
  void draw(strata::Renderer& r) override {
    const double u = r.dpi() / 100.0;  // the sheet is laid out in pixels at 100 dpi
    const Affine2D px = Affine2D().scale(u);
    // Hatches: a row of squares, each with one pattern, doubled below for density.
    const char* hatches[] = {"/", "\\", "|", "-", "+", "x", "o", "O", ".", "*"};
    for (int i = 0; i < 10; ++i) {
      for (int dense = 0; dense < 2; ++dense) {
        GraphicsContext gc;
        gc.linewidth = 1;
        gc.hatch = std::string(static_cast<std::size_t>(dense + 1), hatches[i][0]);
        gc.hatch_color = {0.12, 0.47, 0.71, 1};
        const Affine2D box = Affine2D().scale(50, 50).translate(20 + 60.0 * i, 400 - 60.0 * dense);
        r.draw_path(gc, Path::unit_rectangle(), box.then(px), Rgba{1, 1, 1, 1});
      }
    }
    // Caps (rows) x joins (columns) on a zig-zag, with dashes underneath.
    const strata::CapStyle caps[] = {strata::CapStyle::butt, strata::CapStyle::round,
                                     strata::CapStyle::projecting};
    const strata::JoinStyle joins[] = {strata::JoinStyle::miter, strata::JoinStyle::round,
                                       strata::JoinStyle::bevel};
    for (int c = 0; c < 3; ++c) {
      for (int j = 0; j < 3; ++j) {
        GraphicsContext gc;
        gc.linewidth = 7;
        gc.capstyle = caps[c];
        gc.joinstyle = joins[j];
        gc.color = {0.84, 0.15, 0.16, 1};
        const double x = 30 + 110.0 * j, y = 250 - 55.0 * c;
        r.draw_path(gc, Path({{x, y}, {x + 30, y + 30}, {x + 60, y}, {x + 90, y + 30}}), px,
                    std::nullopt);
      }
    }
    const std::vector<std::vector<double>> dashes = {
        {3.7 * 1.5, 1.6 * 1.5}, {6.4 * 1.5, 1.6 * 1.5, 1.0 * 1.5, 1.6 * 1.5}, {1.5, 1.65 * 1.5}};
    for (std::size_t k = 0; k < dashes.size(); ++k) {
      GraphicsContext gc;
      gc.linewidth = 1.5;
      gc.dashes = {0, dashes[k]};
      const double y = 80 - 25.0 * static_cast<double>(k);
      r.draw_path(gc, Path({{30, y}, {330, y}}), px, std::nullopt);
    }
    // Gouraud-shaded triangles.
    const std::vector<std::array<Point, 3>> tris{
        {{{380 * u, 40 * u}, {610 * u, 40 * u}, {495 * u, 260 * u}}},
        {{{380 * u, 40 * u}, {495 * u, 260 * u}, {380 * u, 260 * u}}}};
    const std::vector<std::array<Rgba, 3>> colors{
        {{{0.27, 0.0, 0.33, 1}, {0.13, 0.57, 0.55, 1}, {0.99, 0.91, 0.14, 1}}},
        {{{0.27, 0.0, 0.33, 1}, {0.99, 0.91, 0.14, 1}, {1, 1, 1, 1}}}};
    r.draw_gouraud_triangles({}, tris, colors, {});
  }
};

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::filesystem::path out = argc > 1 ? argv[1] : ".";
    std::filesystem::create_directories(out);
    Sheet sheet;
    strata::Canvas canvas(sheet);
    for (const char* ext : {"png", "pdf", "svg", "ps"}) {
      const auto path = out / (std::string("hatches_and_caps.") + ext);
      canvas.print(path);
      std::cout << path.string() << '\n';
    }
  } catch (const std::exception& e) {
    std::cerr << "hatches_and_caps: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
