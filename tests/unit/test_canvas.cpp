// SPDX-License-Identifier: MIT
// Canvas: formats, files, streams, bytes, errors, events, buffers and regions.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "strata/cairo.hpp"
#include "strata/error.hpp"
#include "support/catch.hpp"
#include "support/image_tools.hpp"
#include "support/paths.hpp"

using strata::Affine2D;
using strata::Bbox;
using strata::Canvas;
using strata::GraphicsContext;
using strata::Path;
using strata::Renderer;
using strata::Rgba;
using strata::test::SceneDrawable;
namespace fs = std::filesystem;

namespace {

void simple_scene(Renderer& r) {
  GraphicsContext gc;
  gc.linewidth = 2;
  gc.color = {0, 0, 1, 1};
  r.draw_path(gc, Path::circle({r.width() / 2, r.height() / 2}, r.height() / 4), {},
              Rgba{1, 0.5, 0, 1});
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = strata::test::output_path(name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::size_t count_files(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

std::string bytes_prefix(const std::vector<std::uint8_t>& b, std::size_t n) {
  return std::string(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(std::min(n, b.size())));
}

}  // namespace

TEST_CASE("every format is registered and has its signature", "[canvas][formats]") {
  const auto names = strata::FormatRegistry::global().names();
  CHECK(names == std::vector<std::string>{"eps", "pdf", "png", "ps", "rgba", "svg"});
  SceneDrawable d({2, 1.5}, 100, simple_scene);
  Canvas c(d);
  CHECK(bytes_prefix(c.print_to_bytes({.format = "png"}), 8) == "\x89PNG\r\n\x1a\n");
  CHECK(bytes_prefix(c.print_to_bytes({.format = "pdf"}), 5) == "%PDF-");
  const auto svg = c.print_to_bytes({.format = "svg"});
  CHECK(std::string(svg.begin(), svg.end()).find("<svg") != std::string::npos);
  CHECK(bytes_prefix(c.print_to_bytes({.format = "ps"}), 4) == "%!PS");
  const auto eps = c.print_to_bytes({.format = "eps"});
  const std::string eps_s(eps.begin(), eps.end());
  CHECK(eps_s.rfind("%!PS-Adobe-3.0 EPSF-3.0", 0) == 0);
  CHECK(c.print_to_bytes({.format = "rgba"}).size() == 200u * 150u * 4u);
  CHECK(c.print_to_bytes({.format = "RGBA", .dpi = 50}).size() == 100u * 75u * 4u);
}

TEST_CASE("EPS has the figure's bounding box", "[canvas][formats][eps]") {
  SceneDrawable d({2, 1.5}, 100, [](Renderer&) {});
  Canvas c(d);
  const auto eps = c.print_to_bytes({.format = "eps"});
  const std::string s(eps.begin(), eps.end());
  CHECK(s.find("%%BoundingBox: 0 0 144 108") != std::string::npos);
}

TEST_CASE("files take their format from the extension and are written atomically",
          "[canvas][files]") {
  const fs::path dir = fresh_dir("canvas_files");
  SceneDrawable d({1, 1}, 100, simple_scene);
  Canvas c(d);
  for (const char* ext : {"png", "pdf", "svg", "ps", "eps"}) {
    const fs::path p = dir / (std::string("scene.") + ext);
    c.print(p);
    CHECK(fs::file_size(p) > 100);
  }
  c.print(dir / "noext");  // matplotlib: png, extension appended
  CHECK(fs::exists(dir / "noext.png"));
  c.print(dir / "forced.dat", {.format = "pdf"});
  CHECK(bytes_prefix(strata::test::read_file(dir / "forced.dat"), 5) == "%PDF-");
  CHECK(count_files(dir) == 7);  // no temporary files left
  // Files get the usual permissions, not mkstemp's 0600.
  const auto perms = fs::status(dir / "scene.png").permissions();
  CHECK((perms & fs::perms::owner_read) != fs::perms::none);
  CHECK((perms & fs::perms::group_read) != fs::perms::none);
}

TEST_CASE("PNG bytes carry dpi and metadata", "[canvas][png]") {
  SceneDrawable d({1, 1}, 100, simple_scene);
  Canvas c(d);
  const auto png = c.print_to_bytes({.format = "png", .dpi = 254, .metadata = {{"Title", "T1"}}});
  const std::string s(png.begin(), png.end());
  // pHYs: 254 dpi = 10000 px/m.
  const auto phys = s.find("pHYs");
  REQUIRE(phys != std::string::npos);
  const auto* b = reinterpret_cast<const unsigned char*>(s.data() + phys + 4);
  CHECK(((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) == 10000);
  CHECK(s.find("Title") != std::string::npos);
  CHECK(s.find("Strata") != std::string::npos);
  const auto px = strata::test::decode_png(png);
  CHECK(px.width == 254);
  CHECK(px.at(127, 127) == strata::test::rgba32(255, 128, 0));
}

TEST_CASE("streams and transparent backgrounds", "[canvas][stream]") {
  SceneDrawable d({1, 1}, 100, simple_scene);
  Canvas c(d);
  std::ostringstream out;
  c.print(out, {.format = "png", .transparent = true});
  const std::string s = out.str();
  const auto px = strata::test::decode_png(std::vector<std::uint8_t>(s.begin(), s.end()));
  CHECK((px.at(1, 1) & 0xff) == 0);  // transparent corner
  CHECK(px.at(50, 50) == strata::test::rgba32(255, 128, 0));
  const auto red =
      strata::test::decode_png(c.print_to_bytes({.format = "png", .facecolor = Rgba{1, 0, 0, 1}}));
  CHECK(red.at(1, 1) == strata::test::rgba32(255, 0, 0));
  REQUIRE_THROWS_WITH(c.print(out, {}), "print to a stream: options.format is required");
}

TEST_CASE("the same figure gives the same bytes in every format", "[canvas][determinism]") {
  SceneDrawable d({2, 2}, 100, [](Renderer& r) {
    simple_scene(r);
    GraphicsContext gc;
    gc.hatch = "/";
    r.draw_path(gc, Path::unit_rectangle(), Affine2D().scale(40), Rgba{0, 1, 0, 0.5});
    const Path sq = Path::unit_rectangle();
    r.draw_markers(gc, sq, Affine2D().scale(4), Path({{10, 10}, {20, 30}, {50, 60}}), {},
                   Rgba{1, 0, 0, 1});
    r.start_rasterizing();
    r.draw_path(gc, Path::circle({100, 100}, 30), {}, Rgba{0, 0, 1, 0.3});
    r.stop_rasterizing();
  });
  Canvas c(d);
  for (const char* f : {"png", "pdf", "svg", "ps", "eps", "rgba"}) {
    INFO("format " << f);
    CHECK(c.print_to_bytes({.format = f}) == c.print_to_bytes({.format = f}));
  }
}

TEST_CASE("bad input names the argument and the value", "[canvas][errors]") {
  SceneDrawable d({1, 1}, 100, simple_scene);
  Canvas c(d);
  REQUIRE_THROWS_MATCHES(c.print_to_bytes({.format = "jpeg"}), strata::ValueError,
                         Catch::Message("format 'jpeg' is not supported (supported formats: eps, "
                                        "pdf, png, ps, rgba, svg)"));
  const fs::path dir = fresh_dir("canvas_errors");
  REQUIRE_THROWS_MATCHES(c.print(dir / "a.bmp"), strata::ValueError,
                         Catch::Message("file extension 'bmp' is not supported (supported "
                                        "formats: eps, pdf, png, ps, rgba, svg)"));
  REQUIRE_THROWS_AS(c.print(dir / "missing" / "a.png"), strata::IOError);
  REQUIRE_THROWS_WITH(c.print(dir / "missing" / "a.png"),
                      Catch::Contains("cannot write") && Catch::Contains("missing/a.png") &&
                          Catch::Contains("No such file or directory"));
  REQUIRE_THROWS_MATCHES(c.print_to_bytes({.format = "png", .dpi = 0}), strata::ValueError,
                         Catch::Message("dpi must be a finite number > 0, got 0"));
  REQUIRE_THROWS_MATCHES(c.print_to_bytes({.format = "png", .dpi = -5}), strata::ValueError,
                         Catch::Message("dpi must be a finite number > 0, got -5"));
  REQUIRE_THROWS_AS(c.print_to_bytes({.format = "png", .dpi = std::nan("")}), strata::ValueError);
  REQUIRE_THROWS_MATCHES(c.print_to_bytes({.format = "png", .png_compression = 12}),
                         strata::ValueError, Catch::Message("png_compression must be 0-9, got 12"));
  for (const strata::Size bad : {strata::Size{0, 1}, strata::Size{-1, 1},
                                 strata::Size{1, std::numeric_limits<double>::quiet_NaN()}}) {
    SceneDrawable b(bad, 100, simple_scene);
    Canvas cb(b);
    REQUIRE_THROWS_WITH(cb.print(dir / "bad.png"),
                        Catch::StartsWith("figure size must be finite and > 0 inches, got ("));
  }
  SceneDrawable huge({1000, 1}, 100, simple_scene);  // 100000 px wide: refused before allocating
  Canvas ch(huge);
  REQUIRE_THROWS_MATCHES(ch.print(dir / "huge.png"), strata::ValueError,
                         Catch::Message("image size of 100000x100 pixels is too large (figure "
                                        "size (1000, 1) in at dpi 100); it must be at most "
                                        "65536 pixels in each direction"));
  SceneDrawable tiny({0.001, 1}, 100, simple_scene);
  Canvas ct(tiny);
  REQUIRE_THROWS_WITH(ct.print_to_bytes({.format = "png"}),
                      Catch::StartsWith("image size of 0x100 pixels is empty"));
  CHECK(count_files(dir) == 0);
}

TEST_CASE("a failure while drawing leaves an existing file untouched", "[canvas][errors][atomic]") {
  const fs::path dir = fresh_dir("canvas_atomic");
  const fs::path target = dir / "keep.png";
  { std::ofstream(target) << "old contents"; }
  for (const char* ext : {"png", "pdf", "svg"}) {
    SceneDrawable failing({1, 1}, 100, [](Renderer&) { throw strata::ValueError("boom"); });
    Canvas c(failing);
    REQUIRE_THROWS_WITH(c.print(target, {.format = std::string(ext)}), "boom");
  }
  std::ifstream in(target);
  std::string s;
  std::getline(in, s);
  CHECK(s == "old contents");
  CHECK(count_files(dir) == 1);
}

TEST_CASE("draw events, buffer_rgba and regions", "[canvas][events][buffer]") {
  int draws = 0;
  SceneDrawable d({1, 1}, 100, simple_scene);
  Canvas c(d);
  const int id = c.mpl_connect("draw_event", [&](const strata::Event& e) {
    ++draws;
    CHECK(e.name == "draw_event");
    CHECK(e.canvas == &c);
    CHECK(dynamic_cast<const strata::DrawEvent&>(e).renderer != nullptr);
  });
  c.draw();
  c.draw();
  CHECK(draws == 2);
  c.mpl_disconnect(id);
  c.mpl_disconnect(12345);  // unknown ids are ignored
  c.draw();
  CHECK(draws == 2);
  REQUIRE_THROWS_WITH(
      c.mpl_connect("draw", [](const strata::Event&) {}),
      Catch::StartsWith("mpl_connect: unknown event 'draw' (known events: draw_event,"));

  const strata::RgbaBuffer buf = c.buffer_rgba();
  CHECK(buf.width == 100);
  CHECK(buf.height == 100);
  CHECK(buf.stride == 400);
  CHECK(buf.data[(50 * 100 + 50) * 4 + 0] == 255);  // orange centre
  CHECK(buf.data[(50 * 100 + 50) * 4 + 1] == 128);
  CHECK(buf.data[0] == 255);  // white corner

  // Save the top-left quarter, draw over it, put it back.
  const strata::CanvasRegion saved = c.copy_from_bbox(Bbox{0, 50, 50, 100});
  CHECK(saved.x == 0);
  CHECK(saved.y == 0);
  CHECK(saved.pixels.width == 50);
  GraphicsContext gc;
  gc.linewidth = 0;
  c.renderer().draw_path(gc, Path::unit_rectangle(), Affine2D().scale(100), Rgba{0, 0, 0, 1});
  CHECK(c.buffer_rgba().data[(10 * 100 + 10) * 4] == 0);
  c.restore_region(saved);
  const strata::RgbaBuffer after = c.buffer_rgba();
  CHECK(after.data[(10 * 100 + 10) * 4] == 255);  // restored
  CHECK(after.data[(80 * 100 + 80) * 4] == 0);    // outside the region: still black

  // The canvas as it stands can be saved without drawing again.
  const fs::path dir = fresh_dir("canvas_as_is");
  c.print_raster_as_is(dir / "as_is.png");
  const auto px = strata::test::read_png(dir / "as_is.png");
  CHECK(px.at(80, 80) == strata::test::rgba32(0, 0, 0));
  CHECK(px.at(10, 10) == strata::test::rgba32(255, 255, 255));
  CHECK(draws == 2);
}
