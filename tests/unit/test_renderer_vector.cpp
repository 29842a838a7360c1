// SPDX-License-Identifier: MIT
// The same renderer-level scene drawn to PDF, SVG, PS and EPS, rasterized by pdftoppm,
// rsvg-convert and ghostscript, must look like the PNG render.
#include <cmath>
#include <limits>
#include <random>

#include "support/catch.hpp"
#include "support/image_tools.hpp"
#include "support/paths.hpp"

using strata::Affine2D;
using strata::Bbox;
using strata::GraphicsContext;
using strata::Path;
using strata::Point;
using strata::Renderer;
using strata::Rgba;

namespace strata::test {

// Every primitive of the backend layer, in display units of any renderer (pixels or points):
// the scene scales itself by r.dpi() so that it is the same picture at any resolution.
void everything_scene(Renderer& r) {
  const double u = r.dpi() / 100.0;  // one "pixel at 100 dpi"
  const Affine2D px = Affine2D().scale(u);
  GraphicsContext gc;
  gc.linewidth = 8;
  // Caps and joins.
  const strata::CapStyle caps[] = {strata::CapStyle::butt, strata::CapStyle::round,
                                   strata::CapStyle::projecting};
  const strata::JoinStyle joins[] = {strata::JoinStyle::miter, strata::JoinStyle::round,
                                     strata::JoinStyle::bevel};
  for (int i = 0; i < 3; ++i) {
    gc.capstyle = caps[i];
    gc.joinstyle = joins[i];
    gc.color = {0.1 * i, 0.2, 0.6, 1};
    r.draw_path(gc, Path({{20.0 + 60 * i, 330}, {60.0 + 60 * i, 370}, {60.0 + 60 * i, 310}}), px,
                std::nullopt);
  }
  // Dashes.
  gc = {};
  gc.linewidth = 2;
  gc.dashes = {0, {6, 3}};
  r.draw_path(gc, Path({{200, 360}, {380, 360}}), px, std::nullopt);
  gc.dashes = {3, {6, 3, 1, 3}};
  r.draw_path(gc, Path({{200, 340}, {380, 340}}), px, std::nullopt);
  // Filled, hatched and translucent shapes.
  gc = {};
  gc.linewidth = 1.5;
  gc.hatch = "//";
  r.draw_path(gc, Path::unit_rectangle(), Affine2D().scale(80, 60).translate(20, 220).then(px),
              Rgba{1, 0.8, 0.6, 1});
  gc.hatch.assign(1, 'o');  // (g++ 12 -O3 warns falsely on assigning a 1-char literal)
  r.draw_path(gc, Path::circle({170, 250}, 35), px, Rgba{0.6, 0.8, 1, 1});
  gc.hatch.clear();
  gc.alpha = 0.5;
  r.draw_path(gc, Path::unit_regular_star(5, 0.4),
              Affine2D().scale(40).translate(260, 250).then(px), Rgba{0, 0.6, 0, 1});
  // Clip rectangle and clip path.
  gc = {};
  gc.linewidth = 0;
  gc.clip_rectangle = Bbox{330 * u, 210 * u, 390 * u, 290 * u};
  r.draw_path(gc, Path::circle({360, 250}, 50), px, Rgba{0.8, 0.2, 0.2, 1});
  gc.clip_rectangle.reset();
  gc.clip_path = strata::ClipPath{std::make_shared<Path>(Path::circle({460, 250}, 40)), px};
  r.draw_path(gc, Path::unit_rectangle(), Affine2D().scale(100).translate(410, 200).then(px),
              Rgba{0.2, 0.2, 0.8, 1});
  // A long random walk with a NaN gap.
  std::vector<Point> walk(20000);
  std::mt19937 rng(7);
  std::normal_distribution<double> step;
  double y = 0;
  for (std::size_t i = 0; i < walk.size(); ++i) {
    y += step(rng);
    walk[i] = {20 + 560.0 * static_cast<double>(i) / static_cast<double>(walk.size()),
               150 + y * 0.3};
  }
  walk[10000] = {std::numeric_limits<double>::quiet_NaN(), 0};
  gc = {};
  gc.linewidth = 1;
  gc.color = {0.12, 0.47, 0.71, 1};
  r.draw_path(gc, Path(walk), px, std::nullopt);
  // Markers.
  std::vector<Point> pts;
  for (int i = 0; i < 30; ++i) pts.push_back({30.0 + 18 * i, 60 + 20 * std::sin(i * 0.5)});
  gc.color = {0, 0, 0, 1};
  gc.linewidth = 1;
  r.draw_markers(gc, Path::unit_circle(), Affine2D().scale(3 * u), Path(pts), px,
                 Rgba{1, 0.5, 0, 1});
  // A path collection with per-item colors.
  const std::vector<Path> sq{
      Path::unit_rectangle().transformed(Affine2D().translate(-0.5, -0.5).scale(10 * u))};
  std::vector<Point> offs;
  std::vector<Rgba> faces;
  for (int i = 0; i < 8; ++i) {
    offs.push_back({(40.0 + 20 * i) * u, 20 * u});
    faces.push_back({i / 8.0, 0.3, 1 - i / 8.0, 1});
  }
  Renderer::PathCollection pc;
  pc.paths = sq;
  pc.offsets = offs;
  pc.facecolors = faces;
  r.draw_path_collection({}, {}, pc);
  // An image and Gouraud triangles.
  strata::Image img{8, 8, {}};
  for (int j = 0; j < 8; ++j) {
    for (int i = 0; i < 8; ++i) {
      img.rgba.insert(img.rgba.end(), {static_cast<std::uint8_t>(i * 32),
                                       static_cast<std::uint8_t>(j * 32), 128, 255});
    }
  }
  r.draw_image({}, img, Bbox{420 * u, 300 * u, 500 * u, 380 * u}, strata::Interpolation::nearest);
  const std::vector<std::array<Point, 3>> tris{
      {{{520 * u, 300 * u}, {620 * u, 300 * u}, {570 * u, 380 * u}}}};
  const std::vector<std::array<Rgba, 3>> cols{{{{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}}}};
  r.draw_gouraud_triangles({}, tris, cols, {});
  // Rasterized part (mixed mode in vector output).
  r.start_rasterizing();
  gc = {};
  gc.linewidth = 3;
  gc.color = {0.5, 0, 0.5, 1};
  r.draw_path(gc, Path::circle({560, 120}, 30), px, Rgba{1, 1, 0, 1});
  r.stop_rasterizing();
}

}  // namespace strata::test

TEST_CASE("vector output rasterizes like the PNG render", "[renderer][vector]") {
  strata::test::SceneDrawable d({6.4, 4}, 100, strata::test::everything_scene);
  strata::Canvas c(d);
  const auto dir = strata::test::output_path("vector_compare");
  std::filesystem::create_directories(dir);
  c.print(dir / "scene.png");
  const auto png = strata::test::read_png(dir / "scene.png");
  // Tolerances, RMS on 0-255: the raster render snaps lines and stamps markers at whole
  // pixels and the three rasterizers antialias differently, which costs 11-16 plain and 2-3.3
  // blurred (measured); leaving out one 80x80 px element of the scene costs 10 blurred.
  for (const char* ext : {"pdf", "svg", "ps", "eps"}) {
    std::string name = "scene.";
    name += ext;
    const auto path = dir / name;
    c.print(path);
    const auto raster = strata::test::rasterize_vector(path, 100);
    const double plain = strata::test::rms(png, raster);
    const double blurred = strata::test::blurred_rms(png, raster);
    INFO(ext << " rms " << plain << " blurred " << blurred);
    CHECK(plain < 20);
    CHECK(blurred < 4.5);
  }
}

TEST_CASE("markers in vector output stay compact", "[renderer][vector][markers]") {
  std::vector<Point> pts;
  for (int i = 0; i < 500; ++i) pts.push_back({10.0 + i % 25 * 10, 10.0 + i / 25 * 10});
  strata::test::SceneDrawable d({4, 4}, 100, [&](Renderer& r) {
    GraphicsContext gc;
    r.draw_markers(gc, Path::unit_circle(), Affine2D().scale(3), Path(pts), {}, Rgba{1, 0, 0, 1});
  });
  strata::Canvas c(d);
  // Each marker is its outline appended at the vertex (measured: 66 bytes a circle marker,
  // compressed). A form XObject per marker would be smaller, but Cairo 1.16 leaks memory for
  // every recording surface used as a source in PDF/SVG output.
  const auto pdf = c.print_to_bytes({.format = "pdf"});
  INFO("PDF size " << pdf.size());
  CHECK(pdf.size() < 500 * 100);
  CHECK(pdf.size() > 500 * 20);  // all 500 are there
}

TEST_CASE("rasterized parts of vector output are embedded images",
          "[renderer][vector][rasterized]") {
  auto scene = [](bool rasterize) {
    return [rasterize](Renderer& r) {
      if (rasterize) r.start_rasterizing();
      GraphicsContext gc;
      r.draw_path(gc, Path::circle({72, 72}, 40), {}, Rgba{0, 0, 1, 1});
      if (rasterize) r.stop_rasterizing();
    };
  };
  strata::test::SceneDrawable vec({2, 2}, 100, scene(false));
  strata::test::SceneDrawable ras({2, 2}, 100, scene(true));
  const auto a = strata::Canvas(vec).print_to_bytes({.format = "svg"});
  const auto b = strata::Canvas(ras).print_to_bytes({.format = "svg"});
  const std::string sa(a.begin(), a.end()), sb(b.begin(), b.end());
  CHECK(sa.find("<image") == std::string::npos);
  CHECK(sb.find("<image") != std::string::npos);
  // The embedded image has the figure's dpi: 2 in at 100 dpi = 200 px.
  CHECK(sb.find("width=\"200\"") != std::string::npos);
}
