// SPDX-License-Identifier: MIT
// The backend layer on its own, with no artists: a Drawable that draws filled, stroked,
// hatched, dashed and clipped paths, markers and an image straight through the Renderer,
// printed to PNG, PDF, SVG and PS.
//
//   backend_primitives [OUTDIR]   writes OUTDIR/backend_primitives.{png,pdf,svg,ps}

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <iostream>
#include <numbers>
#include <optional>
#include <string>
#include <vector>

#include "strata/backend/canvas.hpp"

namespace {

using strata::Affine2D;
using strata::Bbox;
using strata::GraphicsContext;
using strata::Path;
using strata::PathCode;
using strata::Point;
using strata::Rgba;

constexpr Rgba kBlue{0.122, 0.467, 0.706, 1.0};    // matplotlib C0
constexpr Rgba kOrange{1.0, 0.498, 0.055, 1.0};    // C1
constexpr Rgba kGreen{0.173, 0.627, 0.173, 1.0};   // C2
constexpr Rgba kRed{0.839, 0.153, 0.157, 1.0};     // C3
constexpr Rgba kPurple{0.580, 0.404, 0.741, 1.0};  // C4
constexpr Rgba kGray{0.5, 0.5, 0.5, 1.0};

/// A 16 x 12 color ramp with a checkerboard on top, to show how the image is resampled.
strata::Image make_ramp() {
  strata::Image img;
  img.width = 16;
  img.height = 12;
  img.rgba.resize(std::size_t{16} * 12 * 4);
  auto channel = [](double v) { return static_cast<std::uint8_t>(std::lround(v * 255.0)); };
  for (std::size_t row = 0; row < 12; ++row) {
    for (std::size_t col = 0; col < 16; ++col) {
      const double shade = (row + col) % 2 == 0 ? 1.0 : 0.8;
      const double u = static_cast<double>(col) / 15.0;
      const double v = static_cast<double>(row) / 11.0;
      std::uint8_t* px = &img.rgba[(row * 16 + col) * 4];
      px[0] = channel(shade * u);
      px[1] = channel(shade * (0.3 + 0.6 * v));
      px[2] = channel(shade * (1.0 - 0.7 * u));
      px[3] = 255;
    }
  }
  return img;
}

/// Draws in inches; `inch` maps them to the renderer's display units (pixels for raster
/// output, points for vector output), origin bottom left, y up.
class BackendPrimitives final : public strata::Drawable {
 public:
  [[nodiscard]] strata::Size size_inches() const override { return {6.0, 4.0}; }

  void draw(strata::Renderer& r) override {
    const double in = r.dpi();
    const Affine2D inch = Affine2D::from_scale(in, in);

    // Top left: a stroked and filled rectangle, a hatched star, a translucent circle and a
    // closed Bezier leaf.
    GraphicsContext gc;
    gc.color = kBlue;
    gc.linewidth = 3.0;
    gc.joinstyle = strata::JoinStyle::miter;
    r.draw_path(gc, Path::unit_rectangle(),
                Affine2D().scale(1.1, 0.9).translate(0.4, 2.5).scale(in),
                Rgba{0.75, 0.85, 0.95, 1.0});

    GraphicsContext star;
    star.color = kOrange;
    star.linewidth = 1.5;
    star.hatch = "//";
    star.hatch_color = kOrange;
    r.draw_path(star, Path::unit_regular_star(5, 0.45),
                Affine2D().scale(0.45).translate(2.45, 3.35).scale(in), Rgba{1.0, 0.93, 0.8, 1.0});

    GraphicsContext translucent;
    translucent.color = kRed;
    translucent.alpha = 0.5;
    r.draw_path(translucent, Path::circle({1.5, 2.55}, 0.35), inch, kRed);

    const Path leaf(
        {{2.0, 2.2}, {2.3, 2.85}, {2.9, 2.85}, {2.9, 2.2}, {2.45, 1.95}, {2.0, 2.2}, {0, 0}},
        {PathCode::moveto, PathCode::curve4, PathCode::curve4, PathCode::curve4, PathCode::curve3,
         PathCode::curve3, PathCode::closepoly});
    GraphicsContext leaf_gc;
    leaf_gc.color = kGreen;
    leaf_gc.linewidth = 2.0;
    r.draw_path(leaf_gc, leaf, inch, kGreen.with_alpha(0.3));

    // Top right: one 16 x 12 image drawn twice, nearest-neighbour and bilinear.
    const strata::Image ramp = make_ramp();
    const GraphicsContext plain;
    r.draw_image(plain, ramp, Bbox::from_extents(3.3 * in, 2.6 * in, 4.4 * in, 3.425 * in),
                 strata::Interpolation::nearest);
    r.draw_image(plain, ramp, Bbox::from_extents(4.5 * in, 2.6 * in, 5.6 * in, 3.425 * in),
                 strata::Interpolation::bilinear);

    // Bottom: a framed panel with dashed curves clipped to it, and markers on the curves.
    const Bbox panel = Bbox::from_extents(0.4, 0.35, 5.6, 1.95);
    GraphicsContext frame;
    frame.color = kGray;
    frame.linewidth = 0.8;
    r.draw_path(
        frame, Path::unit_rectangle(),
        Affine2D().scale(panel.width(), panel.height()).translate(panel.x0, panel.y0).scale(in),
        std::nullopt);

    std::vector<Point> sine;
    std::vector<Point> cosine;
    constexpr std::size_t kSamples = 201;
    for (std::size_t i = 0; i < kSamples; ++i) {
      const double t = static_cast<double>(i) / static_cast<double>(kSamples - 1);
      const double x = panel.x0 + t * panel.width();
      const double phase = 2.0 * std::numbers::pi * 1.5 * t;
      sine.push_back({x, 1.15 + 0.95 * std::sin(phase)});  // overshoots the panel: clipped
      cosine.push_back({x, 1.15 + 0.6 * std::cos(phase)});
    }

    GraphicsContext dashed;
    dashed.color = kBlue;
    dashed.linewidth = 1.5;
    dashed.dashes = {.offset = 0.0, .pattern = {6.0, 3.0}};
    dashed.clip_rectangle =
        Bbox::from_extents(panel.x0 * in, panel.y0 * in, panel.x1 * in, panel.y1 * in);
    r.draw_path(dashed, Path(sine), inch, std::nullopt);

    GraphicsContext dash_dot = dashed;
    dash_dot.color = kPurple;
    dash_dot.linewidth = 2.0;
    dash_dot.capstyle = strata::CapStyle::round;
    dash_dot.dashes = {.offset = 0.0, .pattern = {8.0, 3.0, 1.0, 3.0}};
    r.draw_path(dash_dot, Path(cosine), inch, std::nullopt);

    std::vector<Point> sine_marks;
    std::vector<Point> cosine_marks;
    for (std::size_t i = 0; i < kSamples; i += 20) {
      sine_marks.push_back(sine[i]);
      cosine_marks.push_back(cosine[i]);
    }
    GraphicsContext marker = dashed;
    marker.dashes = {};
    marker.linewidth = 1.0;
    // Marker shapes are in points: a circle of radius 3.5 pt and a triangle of radius 4.5 pt.
    r.draw_markers(marker, Path::unit_circle(), Affine2D::from_scale(3.5, 3.5), Path(sine_marks),
                   inch, strata::colors::white);
    marker.color = kPurple;
    r.draw_markers(marker, Path::unit_regular_polygon(3), Affine2D::from_scale(4.5, 4.5),
                   Path(cosine_marks), inch, kOrange);
  }
};

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::filesystem::path outdir = argc > 1 ? argv[1] : ".";
    std::filesystem::create_directories(outdir);
    BackendPrimitives drawable;
    strata::Canvas canvas(drawable);
    for (const char* ext : {"png", "pdf", "svg", "ps"}) {
      const std::filesystem::path file = outdir / (std::string("backend_primitives.") + ext);
      canvas.print(file);
      std::cout << file.string() << '\n';
    }
  } catch (const std::exception& e) {
    std::cerr << "backend_primitives: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
