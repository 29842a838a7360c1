// SPDX-License-Identifier: MIT
// Text drawn through Renderer::draw_glyphs: raster output against matplotlib's Agg renders
// (tests/fixtures/text/, made by make_fixtures.py with matplotlib 3.6.3), vector output
// against the raster one, and PDF text extraction.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "strata/backend/canvas.hpp"
#include "strata/text/font.hpp"
#include "support/catch.hpp"
#include "support/image_tools.hpp"
#include "support/paths.hpp"

namespace {

using strata::FontProperties;
using strata::FontStyle;
using strata::Point;

struct Item {
  const char* text;
  double x, y_down;  ///< baseline-left point in pixels at 100 dpi, y down (as matplotlib's)
  double size;       ///< points
  int weight;
  FontStyle style;
  const char* family;
  double angle;  ///< degrees
  strata::Rgba color;
};

struct Scene {
  const char* name;
  int width, height;  ///< pixels at 100 dpi
  std::vector<Item> items;
};

constexpr strata::Rgba black{0, 0, 0, 1};

// Keep in sync with SCENES in tests/fixtures/text/make_fixtures.py.
const std::vector<Scene>& scenes() {
  static const std::vector<Scene> s{
      {"horizontal",
       400,
       300,
       {
           {"Sine and cosine", 10.0, 30.0, 12, 400, FontStyle::normal, "sans-serif", 0, black},
           {"AVATAR Tyg 0.25", 12.25, 60.5, 10, 400, FontStyle::normal, "sans-serif", 0, black},
           {"Temperature (\u00b0C) \u22121.5", 20.5, 90.25, 11, 400, FontStyle::normal,
            "sans-serif", 0, black},
           {"\u00c5ngstr\u00f6m \u00b5m \u03b1\u03b2\u03b3 \u03a9", 30.75, 125.75, 14, 700,
            FontStyle::normal, "sans-serif", 0, black},
           {"fjord, quay; {[()]}", 200.4, 30.6, 9, 400, FontStyle::italic, "sans-serif", 0, black},
           {"Serif 1e-3 Wave", 200.1, 60.9, 12, 400, FontStyle::normal, "serif", 0, black},
           {"mono_spaced = 42", 210.333, 95.5, 10, 400, FontStyle::normal, "monospace", 0, black},
           {"small tick label 10\u207b\u00b3", 15.875, 160.125, 7, 400, FontStyle::normal,
            "sans-serif", 0, black},
           {"x", 300.5, 160.5, 20, 400, FontStyle::normal, "sans-serif", 0, black},
           {"Large Title", 40.2, 230.7, 24, 700, FontStyle::normal, "sans-serif", 0, black},
           {"-", 330.3, 230.2, 16, 400, FontStyle::normal, "sans-serif", 0, black},
           {"y-label_g", 60.6, 280.4, 10, 400, FontStyle::normal, "serif", 0, black},
       }},
      {"colored",
       240,
       80,
       {
           {"Colored text",
            10.3,
            30.3,
            14,
            400,
            FontStyle::normal,
            "sans-serif",
            0,
            {0.12, 0.47, 0.71, 1}},
           {"orange on white",
            20.6,
            65.8,
            12,
            700,
            FontStyle::normal,
            "sans-serif",
            0,
            {1.0, 0.5, 0.05, 1}},
       }},
      {"rotated",
       300,
       300,
       {
           {"Rotated 90 degrees", 40.0, 260.0, 12, 400, FontStyle::normal, "sans-serif", 90, black},
           {"Thirty degrees", 80.3, 250.6, 12, 400, FontStyle::normal, "sans-serif", 30, black},
           {"minus 45", 150.5, 80.2, 11, 400, FontStyle::normal, "serif", -45, black},
           {"Upside", 270.0, 40.0, 10, 700, FontStyle::normal, "sans-serif", 180, black},
       }},
  };
  return s;
}

// Draws a scene at any resolution: shaped at the renderer's dpi, placed at the same physical
// points (display units are pixels for raster output and points for vector output).
std::unique_ptr<strata::test::SceneDrawable> drawable(const Scene& scene) {
  const double w_in = scene.width / 100.0, h_in = scene.height / 100.0;
  return std::make_unique<strata::test::SceneDrawable>(
      strata::Size{w_in, h_in}, 100, [&scene, h_in](strata::Renderer& r) {
        const double u = r.dpi() / 100.0;
        for (const Item& it : scene.items) {
          const FontProperties props{
              .family = {it.family}, .style = it.style, .weight = it.weight, .size = it.size};
          strata::GraphicsContext gc;
          gc.color = it.color;
          for (const strata::GlyphRun& run : strata::shape(it.text, props, r.dpi())) {
            r.draw_glyphs(gc, run, it.x * u, h_in * r.dpi() - it.y_down * u, it.angle);
          }
        }
      });
}

const Scene& scene_named(const std::string& name) {
  for (const Scene& s : scenes()) {
    if (name == s.name) return s;
  }
  throw std::runtime_error("no scene " + name);
}

}  // namespace

TEST_CASE("horizontal raster text is matplotlib's, pixel for pixel", "[text]") {
  for (const char* name : {"horizontal", "colored"}) {
    const Scene& scene = scene_named(name);
    auto d = drawable(scene);
    strata::Canvas canvas(*d);
    const auto out = strata::test::output_path(std::string("text_") + name + ".png");
    canvas.print(out);
    const auto ours = strata::test::read_png(out);
    const auto theirs = strata::test::read_png(strata::test::source_dir() / "fixtures/text" /
                                               (std::string(name) + ".png"));
    const double plain = strata::test::rms(ours, theirs);
    INFO(name << ": rms " << plain << " (ours: " << out << ")");
    CHECK(plain < 1.0);
  }
}

TEST_CASE("rotated raster text is within a pixel of matplotlib's", "[text]") {
  const Scene& scene = scene_named("rotated");
  auto d = drawable(scene);
  strata::Canvas canvas(*d);
  const auto out = strata::test::output_path("text_rotated.png");
  canvas.print(out);
  const auto ours = strata::test::read_png(out);
  const auto theirs =
      strata::test::read_png(strata::test::source_dir() / "fixtures/text/rotated.png");
  const double plain = strata::test::rms(ours, theirs);
  const double blurred = strata::test::blurred_rms(ours, theirs);
  INFO("rotated: rms " << plain << " blurred " << blurred);
  // Same image rotated with a different filter; a one-pixel shift of all text costs > 3 blurred.
  CHECK(plain < 8.0);
  CHECK(blurred < 1.0);
}

// Ink centroid of the pixels in [x0, x1) x [y0, y1) (rows from the top), darkness-weighted.
static Point ink_centroid(const strata::test::Pixels& p, int x0, int y0, int x1, int y1) {
  double sx = 0, sy = 0, sw = 0;
  for (int yy = std::max(y0, 0); yy < std::min(y1, p.height); ++yy) {
    for (int xx = std::max(x0, 0); xx < std::min(x1, p.width); ++xx) {
      const std::uint32_t c = p.at(xx, yy);
      const double a = (c & 0xFF) / 255.0;
      const double lum = (((c >> 24) & 0xFF) + ((c >> 16) & 0xFF) + ((c >> 8) & 0xFF)) / 3.0;
      const double ink = 255.0 - (lum * a + 255.0 * (1 - a));
      sx += ink * xx;
      sy += ink * yy;
      sw += ink;
    }
  }
  return sw > 0 ? Point{sx / sw, sy / sw} : Point{-1, -1};
}

TEST_CASE("every backend draws the glyphs at the same places", "[text]") {
  // Each string's ink centroid in the PDF, SVG, PS and EPS output (rasterized by pdftoppm,
  // rsvg-convert and ghostscript at 100 dpi) is within 1.5 px of the PNG's. Vector text is
  // shaped at 72 dpi (points) and raster text at 100 dpi, so hinted advances differ a little.
  // Measured: at most 1.2 px (PDF/SVG), 1.7 px (ghostscript, which hints glyphs itself).
  //
  // Whole-image blurred RMS is only a coarse check on text: the rasterizers disagree with
  // matplotlib's hinted bitmaps by 3.2 (rsvg), 4.5 (poppler) and 6.2 (ghostscript, 16 alpha
  // levels) on this dense scene with every glyph in its right place; moving all text by one
  // pixel adds about 2.5-3.
  const Scene& scene = scene_named("horizontal");
  auto d = drawable(scene);
  strata::Canvas canvas(*d);
  const auto dir = strata::test::output_path("text_backends");
  std::filesystem::create_directories(dir);
  canvas.print(dir / "text.png");
  const auto png = strata::test::read_png(dir / "text.png");
  for (const char* ext : {"pdf", "svg", "ps", "eps"}) {
    const auto path = dir / (std::string("text.") + ext);
    canvas.print(path);
    const auto raster = strata::test::rasterize_vector(path, 100);
    const bool ghostscript = std::string(ext) == "ps" || std::string(ext) == "eps";
    const double blurred = strata::test::blurred_rms(png, raster);
    INFO(ext << ": blurred rms " << blurred);
    CHECK(blurred < (ghostscript ? 7.0 : 5.0));
    for (const Item& it : scene.items) {
      const FontProperties props{
          .family = {it.family}, .style = it.style, .weight = it.weight, .size = it.size};
      const auto m = strata::measure(it.text, props, 100);
      const int x0 = static_cast<int>(it.x) - 3, x1 = static_cast<int>(it.x + m.width) + 4;
      const int y0 = static_cast<int>(it.y_down - (m.height - m.descent)) - 3;
      const int y1 = static_cast<int>(it.y_down + m.descent) + 4;
      const Point a = ink_centroid(png, x0, y0, x1, y1);
      const Point b = ink_centroid(raster, x0, y0, x1, y1);
      INFO(ext << " '" << it.text << "': png (" << a.x << ", " << a.y << ") vs (" << b.x << ", "
               << b.y << ")");
      CHECK(std::abs(a.x - b.x) < (ghostscript ? 2.0 : 1.5));
      CHECK(std::abs(a.y - b.y) < (ghostscript ? 2.0 : 1.5));
    }
  }
  // Rotated text too (coarse: one blurred number per format).
  const Scene& rotated = scene_named("rotated");
  auto dr = drawable(rotated);
  strata::Canvas rc(*dr);
  rc.print(dir / "rotated.png");
  const auto rpng = strata::test::read_png(dir / "rotated.png");
  for (const char* ext : {"pdf", "svg", "ps"}) {
    const auto path = dir / (std::string("rotated.") + ext);
    rc.print(path);
    const double blurred =
        strata::test::blurred_rms(rpng, strata::test::rasterize_vector(path, 100));
    INFO("rotated." << ext << ": blurred rms " << blurred);
    CHECK(blurred < 5.5);
  }
}

TEST_CASE("PDF text can be extracted", "[text]") {
  const Scene& scene = scene_named("horizontal");
  auto d = drawable(scene);
  strata::Canvas canvas(*d);
  const auto dir = strata::test::output_path("text_pdf_extract");
  std::filesystem::create_directories(dir);
  const auto pdf = dir / "text.pdf";
  canvas.print(pdf);
  const auto txt = dir / "text.txt";
  const std::string cmd = "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + txt.string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(txt);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  INFO(text);
  CHECK(text.find("Sine and cosine") != std::string::npos);
  CHECK(text.find("Temperature (\u00b0C) \u22121.5") != std::string::npos);
  CHECK(text.find("\u00c5ngstr\u00f6m \u00b5m") != std::string::npos);
  CHECK(text.find("mono_spaced = 42") != std::string::npos);
  CHECK(text.find("Large Title") != std::string::npos);
  // The fonts are embedded (subsets), not referenced.
  const auto bytes = strata::test::read_file(pdf);
  const std::string s(bytes.begin(), bytes.end());
  CHECK(s.find("/FontFile") != std::string::npos);
  CHECK(s.find("DejaVuSans") != std::string::npos);
}

TEST_CASE("SVG text is drawn as paths", "[text]") {
  const Scene& scene = scene_named("colored");
  auto d = drawable(scene);
  strata::Canvas canvas(*d);
  const auto bytes = canvas.print_to_bytes({.format = "svg"});
  const std::string s(bytes.begin(), bytes.end());
  CHECK(s.find("<text") == std::string::npos);
  CHECK(s.find("<path") != std::string::npos);
}
