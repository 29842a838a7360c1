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
#include "strata/text/layout.hpp"
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

// Mathtext: each item is drawn by matplotlib's RendererAgg.draw_text(..., ismath=True) at
// (x, y_down) in the fixture, and here by layout_text + draw_text with the anchor at the same
// point (ha left, va baseline: the line's origin is the anchor).
struct MathItem {
  std::string text;
  double x, y_down;  ///< the origin in pixels at 100 dpi, y down
  double size;       ///< points
  strata::MathFontset fontset;
  strata::Rgba color;
};

struct MathScene {
  const char* name;
  int width, height;  ///< pixels at 100 dpi
  std::vector<MathItem> items;
};

// Keep in sync with MATH_SCENES in tests/fixtures/text/make_fixtures.py.
const std::vector<MathScene>& math_scenes() {
  static const std::vector<MathScene> s = [] {
    constexpr auto sans = strata::MathFontset::dejavusans;
    constexpr auto serif = strata::MathFontset::dejavuserif;
    std::vector<MathScene> out;
    MathScene math{"math", 325, 650, {}};
    int row = 0;
    for (const char* expr : {R"($x^2$)", R"($mc^2$)", R"($\frac{a}{b} = \sqrt{x}$)",
                             R"($\sum_{i=0}^{n} x_i$)", R"($\alpha^2_i$)", R"($\mathrm{H_2O}$)"}) {
      for (double size : {10.0, 14.0}) {
        const double y = 40.0 + 52.0 * row;
        math.items.push_back({expr, 10.0, y, size, sans, black});
        math.items.push_back({expr, 200.5, y + 0.62, size, sans, black});
        ++row;
      }
    }
    out.push_back(std::move(math));
    out.push_back(
        {"math_more",
         400,
         250,
         {
             {R"(speed $v_0$ (m s$^{-1}$))", 10.3, 30.4, 12, sans, black},
             {R"($\sqrt{x^2} + \left(\frac{a}{b}\right)^2$)", 200.7, 40.2, 12, sans, black},
             {R"($\int_0^1 f(x)\,dx$)", 10.0, 100.5, 11, sans, {0.12, 0.47, 0.71, 1}},
             {R"($E = mc^2$)", 200.25, 100.75, 13, serif, black},
             {R"($\alpha_i + \beta^2$)", 10.6, 170.1, 12, serif, {0.8, 0.1, 0.1, 1}},
             {R"($10^{-3}$)", 200.0, 170.0, 10, sans, black},
             {R"($\overline{AB}\ \hat{x}$)", 300.45, 170.55, 12, sans, black},
         }});
    return out;
  }();
  return s;
}

const MathScene& math_scene_named(const std::string& name) {
  for (const MathScene& s : math_scenes()) {
    if (name == s.name) return s;
  }
  throw std::runtime_error("no math scene " + name);
}

// Draws a math scene at any resolution (laid out at the renderer's dpi), rotated by `angle`
// about each item's origin.
std::unique_ptr<strata::test::SceneDrawable> math_drawable(const MathScene& scene,
                                                           double angle = 0.0) {
  const double w_in = scene.width / 100.0, h_in = scene.height / 100.0;
  return std::make_unique<strata::test::SceneDrawable>(
      strata::Size{w_in, h_in}, 100, [&scene, h_in, angle](strata::Renderer& r) {
        const double u = r.dpi() / 100.0;
        for (const MathItem& it : scene.items) {
          const FontProperties props{.size = it.size};
          const strata::TextLayout lay = strata::layout_text(
              it.text, props, r.dpi(), {.rotation = angle, .math_fontset = it.fontset});
          strata::GraphicsContext gc;
          gc.color = it.color;
          strata::draw_text(r, lay, {it.x * u, h_in * r.dpi() - it.y_down * u}, gc);
        }
      });
}

// RMS over the rows and columns [x0, x1) x [y0, y1) only (rows from the top), clipped.
double rms_in(const strata::test::Pixels& a, const strata::test::Pixels& b, int x0, int y0, int x1,
              int y1) {
  double sum = 0;
  long n = 0;
  for (int yy = std::max(y0, 0); yy < std::min({y1, a.height, b.height}); ++yy) {
    for (int xx = std::max(x0, 0); xx < std::min({x1, a.width, b.width}); ++xx) {
      const std::uint32_t p = a.at(xx, yy), q = b.at(xx, yy);
      for (int shift : {24, 16, 8}) {
        const double d = static_cast<double>((p >> shift) & 0xFF) - ((q >> shift) & 0xFF);
        sum += d * d;
        ++n;
      }
    }
  }
  return n > 0 ? std::sqrt(sum / static_cast<double>(n)) : 0.0;
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

TEST_CASE("raster mathtext is matplotlib's, pixel for pixel", "[text][mathtext]") {
  // The fixtures are matplotlib's RendererAgg.draw_mathtext output (make_fixtures.py). Besides
  // the whole image, each expression is compared on its own box, where a one-pixel shift of
  // one glyph costs an RMS of 10 or more.
  for (const char* name : {"math", "math_more"}) {
    const MathScene& scene = math_scene_named(name);
    auto d = math_drawable(scene);
    strata::Canvas canvas(*d);
    const auto out = strata::test::output_path(std::string("text_") + name + ".png");
    canvas.print(out);
    const auto ours = strata::test::read_png(out);
    const auto theirs = strata::test::read_png(strata::test::source_dir() / "fixtures/text" /
                                               (std::string(name) + ".png"));
    const double whole = strata::test::rms(ours, theirs);
    INFO(name << ": rms " << whole << " (ours: " << out << ")");
    CHECK(whole < 1.0);
    for (const MathItem& it : scene.items) {
      const auto m = strata::parse_and_layout_math(it.text, {.size = it.size}, 100, it.fontset);
      const int x0 = static_cast<int>(it.x) - 2;
      const int x1 = static_cast<int>(it.x + m.width) + 3;
      const int y0 = static_cast<int>(it.y_down - (m.height - m.depth)) - 2;
      const int y1 = static_cast<int>(it.y_down + m.depth) + 3;
      const double local = rms_in(ours, theirs, x0, y0, x1, y1);
      INFO(name << " '" << it.text << "' " << it.size << " pt at (" << it.x << ", " << it.y_down
                << "): rms " << local);
      CHECK(local < 1.0);
    }
  }
}

TEST_CASE("mathtext raster images follow matplotlib's Output.to_raster", "[text][mathtext]") {
  // matplotlib 3.6.3, MathTextParser("agg").parse(s, 100, FontProperties(size=pt)): the image
  // size, and the width, height and depth (printed by tests/fixtures/text/make_fixtures.py).
  // The layout is matplotlib's to rounding error: unhinted advances (linearHoriAdvance) and
  // glyphs at the size FreeType is given (1/64 point), as its DejaVu fontset uses them.
  struct Case {
    const char* text;
    double size;
    int image_width, image_height;
    double width, height, depth;
  };
  const Case cases[] = {
      // clang-format off
      {R"($x^2$)", 10, 17, 19, 16.45072713216146, 18.6, 3.0},
      {R"($mc^2$)", 10, 30, 19, 29.037366536458332, 18.6, 3.0},
      {R"($\frac{a}{b} = \sqrt{x}$)", 10, 48, 23, 47.49766133626302, 22.440277777777773, 7.797916666666666},
      {R"($\sum_{i=0}^{n} x_i$)", 10, 34, 42, 33.696308288574215, 41.308333333333344, 16.704166666666673},
      {R"($\alpha^2_i$)", 10, 18, 23, 17.02720418294271, 22.6, 7.0},
      {R"($\mathrm{H_2O}$)", 10, 30, 17, 29.294095458984373, 16.4, 4.4},
      {R"($x^2$)", 14, 23, 22, 22.15600850423177, 21.9, 2.1999999999999993},
      {R"($mc^2$)", 14, 40, 22, 39.781527303059896, 21.9, 2.1999999999999993},
      {R"($\frac{a}{b} = \sqrt{x}$)", 14, 66, 30, 65.70015513102214, 29.5625, 10.395833333333332},
      {R"($\sum_{i=0}^{n} x_i$)", 14, 47, 56, 46.37728942871094, 55.091666666666654, 21.44583333333333},
      {R"($\alpha^2_i$)", 14, 23, 28, 22.966280721028646, 27.400000000000006, 7.700000000000003},
      {R"($\mathrm{H_2O}$)", 14, 41, 22, 40.27464569091797, 21.3, 5.300000000000001},
      // clang-format on
  };
  for (const Case& c : cases) {
    INFO(c.text << " at " << c.size << " pt");
    const auto m = strata::parse_and_layout_math(c.text, {.size = c.size}, 100);
    const strata::TextImage img = strata::render_math(m);
    CHECK(img.width == c.image_width);
    CHECK(img.height == c.image_height);
    CHECK(img.coverage.size() == static_cast<std::size_t>(c.image_width * c.image_height));
    CHECK(m.width == Approx(c.width).margin(1e-9));
    CHECK(m.height == Approx(c.height).margin(1e-9));
    CHECK(m.depth == Approx(c.depth).margin(1e-9));
  }
}

TEST_CASE("rotated and vector mathtext still draw glyph runs", "[text][mathtext]") {
  const MathScene& scene = math_scene_named("math_more");
  // Rotated math on raster output takes the glyph-run path: ink where the text is.
  {
    auto d = math_drawable(scene, 90.0);
    const auto px = strata::test::render_rgba(*d);
    const Point c = ink_centroid(px, 0, 0, px.width, px.height);
    CHECK(c.x > 0);
  }
  // Vector output keeps outlines and fonts; rasterized by poppler and rsvg it lands where the
  // PNG's text is (coarse, as for plain text).
  auto d = math_drawable(scene);
  strata::Canvas canvas(*d);
  const auto dir = strata::test::output_path("text_math_backends");
  std::filesystem::create_directories(dir);
  canvas.print(dir / "math.png");
  const auto png = strata::test::read_png(dir / "math.png");
  for (const char* ext : {"pdf", "svg"}) {
    const auto path = dir / (std::string("math.") + ext);
    canvas.print(path);
    const double blurred =
        strata::test::blurred_rms(png, strata::test::rasterize_vector(path, 100));
    INFO(ext << ": blurred rms " << blurred);
    CHECK(blurred < 5.0);
  }
}

namespace {

// Records what draw_text asks of a renderer; draw_text_image is left to the base class, so its
// fallback (draw_image) is recorded too.
class RecordingRenderer final : public strata::Renderer {
 public:
  explicit RecordingRenderer(bool prefer_images)
      : Renderer(200, 100, 100), images_(prefer_images) {}
  void draw_path(const strata::GraphicsContext&, const strata::Path&, const strata::Affine2D&,
                 const std::optional<strata::Rgba>&) override {
    ++paths;
  }
  void draw_image(const strata::GraphicsContext& gc, const strata::Image& image,
                  const strata::Bbox& dest, strata::Interpolation) override {
    images.push_back(image);
    boxes.push_back(dest);
    image_alpha = gc.alpha;
  }
  void draw_glyphs(const strata::GraphicsContext&, const strata::GlyphRun&, double, double,
                   double) override {
    ++runs;
  }
  [[nodiscard]] bool prefers_text_images() const override { return images_; }

  int paths = 0, runs = 0;
  std::vector<strata::Image> images;
  std::vector<strata::Bbox> boxes;
  std::optional<double> image_alpha;

 private:
  bool images_;
};

}  // namespace

TEST_CASE("draw_text gives math to each renderer as it prefers", "[text][mathtext]") {
  const auto lay = strata::layout_text(R"($\frac{a}{b}$ and $x^2$)", {.size = 14}, 100);
  const auto m = strata::parse_and_layout_math(R"($\frac{a}{b}$ and $x^2$)", {.size = 14}, 100);
  strata::GraphicsContext gc;
  gc.color = {1, 0, 0, 1};
  gc.alpha = 0.5;
  SECTION("vector-like renderers get glyph runs and the fraction bar as a path") {
    RecordingRenderer r(false);
    strata::draw_text(r, lay, {20.4, 50.6}, gc);
    CHECK(r.runs > 0);
    CHECK(r.paths == 1);
    CHECK(r.images.empty());
  }
  SECTION("raster renderers get one image, placed as RendererAgg.draw_mathtext places it") {
    RecordingRenderer r(true);
    strata::draw_text(r, lay, {20.4, 50.6}, gc);
    CHECK(r.runs == 0);
    CHECK(r.paths == 0);
    REQUIRE(r.images.size() == 1);
    const strata::TextImage expected = strata::render_math(m);
    const strata::Image& img = r.images[0];
    REQUIRE(img.width == expected.width);
    REQUIRE(img.height == expected.height);
    // Device (y down): x = round(20.4) = 20; the bottom edge at round(100 - 50.6 + depth) + 1.
    const double bottom = std::nearbyint(100 - 50.6 + m.depth) + 1;
    CHECK(r.boxes[0].x0 == 20);
    CHECK(r.boxes[0].x1 == 20 + img.width);
    CHECK(r.boxes[0].y0 == Approx(100 - bottom));
    CHECK(r.boxes[0].y1 == Approx(100 - bottom + img.height));
    // The fallback: the text color with coverage times the alpha as its alpha, gc.alpha spent.
    CHECK_FALSE(r.image_alpha.has_value());
    bool inked = false;
    for (std::size_t i = 0; i < expected.coverage.size(); ++i) {
      CHECK(img.rgba[i * 4] == 255);
      CHECK(img.rgba[i * 4 + 1] == 0);
      CHECK(img.rgba[i * 4 + 3] == std::lround(expected.coverage[i] * 0.5));
      inked = inked || expected.coverage[i] == 255;
    }
    CHECK(inked);  // the fraction bar is fully covered
  }
  SECTION("rotated math goes the glyph-run way on raster renderers too") {
    const auto rotated = strata::layout_text("$x^2$", {.size = 14}, 100, {.rotation = 30});
    RecordingRenderer r(true);
    strata::draw_text(r, rotated, {20, 50}, gc);
    CHECK(r.runs > 0);
    CHECK(r.images.empty());
  }
}
