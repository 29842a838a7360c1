// SPDX-License-Identifier: MIT
// Renderer-level raster tests with no artists: exact pixels at known places.
#include <cairo.h>

#include <algorithm>
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
using strata::PathCode;
using strata::Point;
using strata::Renderer;
using strata::Rgba;
using strata::test::Pixels;
using strata::test::rgba32;
using strata::test::SceneDrawable;

namespace {

constexpr std::uint32_t kWhite = rgba32(255, 255, 255);
constexpr std::uint32_t kBlack = rgba32(0, 0, 0);
constexpr std::uint32_t kRed = rgba32(255, 0, 0);
constexpr Rgba red{1, 0, 0, 1};

// A 100x100 pixel canvas (1 inch at 100 dpi): display y = 100 - device row.
Pixels render(std::function<void(Renderer&)> fn, double w_in = 1, double h_in = 1) {
  SceneDrawable d({w_in, h_in}, 100, std::move(fn));
  return strata::test::render_rgba(d);
}

GraphicsContext stroke_px(double px, Rgba color = {0, 0, 0, 1}) {
  GraphicsContext gc;
  gc.linewidth = px * 72.0 / 100.0;  // points at 100 dpi
  gc.color = color;
  return gc;
}

Path polyline(std::vector<Point> pts) { return Path(std::move(pts)); }

struct Walk {
  std::vector<Point> pts;  ///< x = 0..n-1, y a random walk of standard normal steps
  double lo, hi;           ///< the range of y
};

Walk random_walk(std::size_t n, unsigned seed) {
  Walk w{std::vector<Point>(n), 0, 0};
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> step;
  double y = 0;
  for (std::size_t i = 0; i < n; ++i) {
    y += step(rng);
    w.pts[i] = {static_cast<double>(i), y};
  }
  const auto [a, b] =
      std::minmax_element(w.pts.begin(), w.pts.end(), [](Point p, Point q) { return p.y < q.y; });
  w.lo = a->y;
  w.hi = b->y;
  return w;
}

}  // namespace

TEST_CASE("a filled rectangle covers exactly its pixels", "[renderer][raster]") {
  const Pixels p = render([](Renderer& r) {
    GraphicsContext gc;
    gc.linewidth = 0;
    r.draw_path(gc, Path::unit_rectangle(), Affine2D().scale(20).translate(10, 10), red);
  });
  // Display (10..30, 10..30) is device columns 10..29, rows 70..89.
  CHECK(p.at(10, 70) == kRed);
  CHECK(p.at(29, 89) == kRed);
  CHECK(p.at(9, 80) == kWhite);
  CHECK(p.at(30, 80) == kWhite);
  CHECK(p.at(20, 69) == kWhite);
  CHECK(p.at(20, 90) == kWhite);
}

TEST_CASE("one-pixel axis-aligned lines snap to whole pixels", "[renderer][raster][snap]") {
  const Pixels p = render([](Renderer& r) {
    r.draw_path(stroke_px(1), polyline({{10, 60}, {90, 60}}), {}, std::nullopt);     // row 40
    r.draw_path(stroke_px(1), polyline({{20.3, 5}, {20.3, 30}}), {}, std::nullopt);  // col 20
  });
  CHECK(p.at(50, 40) == kBlack);
  CHECK(p.at(50, 39) == kWhite);
  CHECK(p.at(50, 41) == kWhite);
  CHECK(p.at(20, 80) == kBlack);
  CHECK(p.at(19, 80) == kWhite);
  CHECK(p.at(21, 80) == kWhite);
}

TEST_CASE("cap styles end a thick line where matplotlib's do", "[renderer][raster][caps]") {
  auto draw_cap = [](strata::CapStyle cap) {
    return render([cap](Renderer& r) {
      GraphicsContext gc = stroke_px(10);
      gc.capstyle = cap;
      r.draw_path(gc, polyline({{30, 60}, {70, 60}}), {}, std::nullopt);  // rows 35..44
    });
  };
  const Pixels butt = draw_cap(strata::CapStyle::butt);
  const Pixels proj = draw_cap(strata::CapStyle::projecting);
  const Pixels round = draw_cap(strata::CapStyle::round);
  CHECK(butt.at(28, 40) == kWhite);
  CHECK(butt.at(31, 40) == kBlack);
  CHECK(proj.at(26, 40) == kBlack);
  CHECK(proj.at(25, 35) == kBlack);  // square corner
  CHECK(proj.at(24, 40) == kWhite);
  CHECK(round.at(26, 40) == kBlack);
  CHECK(round.at(25, 35) == kWhite);  // outside the radius-5 half disc
}

TEST_CASE("join styles shape the outer corner", "[renderer][raster][joins]") {
  auto draw_join = [](strata::JoinStyle join) {
    return render([join](Renderer& r) {
      GraphicsContext gc = stroke_px(10);
      gc.joinstyle = join;
      // device (20,20) -> (60,20) -> (60,60)
      r.draw_path(gc, polyline({{20, 80}, {60, 80}, {60, 40}}), {}, std::nullopt);
    });
  };
  const Pixels miter = draw_join(strata::JoinStyle::miter);
  const Pixels bevel = draw_join(strata::JoinStyle::bevel);
  const Pixels round = draw_join(strata::JoinStyle::round);
  CHECK(miter.at(64, 15) == kBlack);
  CHECK(bevel.at(64, 15) == kWhite);
  CHECK(round.at(64, 15) == kWhite);
  CHECK(round.at(63, 17) == kBlack);
  CHECK(bevel.at(63, 17) == kWhite);
}

TEST_CASE("dash patterns and offsets are in points", "[renderer][raster][dashes]") {
  auto draw_dash = [](double offset_px) {
    return render([offset_px](Renderer& r) {
      GraphicsContext gc = stroke_px(1);
      gc.dashes = {offset_px * 0.72, {10 * 0.72, 5 * 0.72}};
      r.draw_path(gc, polyline({{0, 50}, {100, 50}}), {}, std::nullopt);  // row 50
    });
  };
  const Pixels d0 = draw_dash(0);
  CHECK(d0.at(5, 50) == kBlack);
  CHECK(d0.at(12, 50) == kWhite);
  CHECK(d0.at(20, 50) == kBlack);
  CHECK(d0.at(27, 50) == kWhite);
  const Pixels d5 = draw_dash(5);
  CHECK(d5.at(2, 50) == kBlack);
  CHECK(d5.at(7, 50) == kWhite);
  CHECK(d5.at(15, 50) == kBlack);
}

TEST_CASE("NaN vertices leave a gap in a line", "[renderer][raster][nan]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Pixels p = render([nan](Renderer& r) {
    r.draw_path(stroke_px(1), polyline({{10, 50}, {40, 50}, {nan, nan}, {60, 50}, {90, 50}}), {},
                std::nullopt);
  });
  CHECK(p.at(25, 50) == kBlack);
  CHECK(p.at(50, 50) == kWhite);
  CHECK(p.at(75, 50) == kBlack);
}

TEST_CASE("clip rectangles and clip paths limit drawing", "[renderer][raster][clip]") {
  const Pixels rect = render([](Renderer& r) {
    GraphicsContext gc;
    gc.linewidth = 0;
    gc.clip_rectangle = Bbox{20, 20, 40, 40};
    r.draw_path(gc, Path::unit_rectangle(), Affine2D().scale(100), red);
  });
  CHECK(rect.at(20, 60) == kRed);  // display (20, 40) is the top-left corner
  CHECK(rect.at(39, 79) == kRed);
  CHECK(rect.at(19, 70) == kWhite);
  CHECK(rect.at(40, 70) == kWhite);
  CHECK(rect.at(30, 59) == kWhite);
  CHECK(rect.at(30, 80) == kWhite);

  const Pixels circ = render([](Renderer& r) {
    GraphicsContext gc;
    gc.linewidth = 0;
    gc.clip_path = strata::ClipPath{std::make_shared<Path>(Path::circle({50, 50}, 20)), {}};
    r.draw_path(gc, Path::unit_rectangle(), Affine2D().scale(100), red);
  });
  CHECK(circ.at(50, 50) == kRed);
  CHECK(circ.at(64, 50) == kRed);
  CHECK(circ.at(75, 50) == kWhite);
  CHECK(circ.at(50, 25) == kWhite);
  CHECK(circ.at(66, 34) == kWhite);  // outside the circle, inside its bounding box
}

TEST_CASE("hatches tile from the canvas origin", "[renderer][raster][hatch]") {
  const Pixels p = render([](Renderer& r) {
    GraphicsContext gc;
    gc.linewidth = 0;
    gc.hatch = "-";
    r.draw_path(gc, Path::unit_rectangle(), Affine2D().scale(45, 100), std::nullopt);
    r.draw_path(gc, Path::unit_rectangle(), Affine2D().scale(45, 100).translate(55, 0),
                std::nullopt);
  });
  auto dark_runs = [&](int x) {
    int runs = 0;
    bool in = false;
    for (int y = 0; y < 100; ++y) {
      const bool dark = (p.at(x, y) >> 24) < 160;
      if (dark && !in) ++runs;
      in = dark;
    }
    return runs;
  };
  CHECK(dark_runs(20) == 6);  // density 6 per inch, one inch tall canvas
  for (int y = 0; y < 100; ++y) {
    INFO("row " << y);
    CHECK(p.at(20, y) == p.at(75, y));  // both patches share the tiling
  }
  CHECK(p.at(50, 50) == kWhite);  // between the patches: no hatch
}

TEST_CASE("a million-vertex random walk draws with every column's extremes",
          "[renderer][raster][big]") {
  const std::size_t n = 1'000'000;
  const auto [pts, lo, hi] = random_walk(n, 42);
  // Data to display: x over the 640 px width, y into 20..460.
  const Affine2D t =
      Affine2D().translate(0, -lo).scale(640.0 / n, 440.0 / (hi - lo)).translate(0, 20);
  const Path path{pts};
  const Pixels img =
      render([&](Renderer& r) { r.draw_path(stroke_px(1), path, t, std::nullopt); }, 6.4, 4.8);
  // For each pixel column, the highest and lowest ink must lie between the extremes of the
  // data inside the column and those of the data within half a pixel of it (the 1 px stroke
  // reaches at most that far sideways): no spike lost, nothing drawn where there is no data.
  std::vector<double> wide_max(641, -1e300), wide_min(641, 1e300);
  std::vector<double> narrow_max(641, -1e300), narrow_min(641, 1e300);
  for (const auto& p : pts) {
    const Point d = t.transform(p);
    const auto k = static_cast<std::size_t>(std::clamp(static_cast<int>(d.x), 0, 640));
    narrow_max[k] = std::max(narrow_max[k], d.y);
    narrow_min[k] = std::min(narrow_min[k], d.y);
    for (int c = static_cast<int>(std::floor(d.x - 0.5));
         c <= static_cast<int>(std::floor(d.x + 0.5)); ++c) {
      if (c < 0 || c > 640) continue;
      wide_max[static_cast<std::size_t>(c)] = std::max(wide_max[static_cast<std::size_t>(c)], d.y);
      wide_min[static_cast<std::size_t>(c)] = std::min(wide_min[static_cast<std::size_t>(c)], d.y);
    }
  }
  int bad = 0;
  for (int c = 2; c < 638; ++c) {
    const auto k = static_cast<std::size_t>(c);
    // Faint ink (any coverage) must reach the extremes inside the column; solid ink (at least
    // half covered) must not go beyond what the stroke can reach.
    int faint_top = -1, faint_bottom = -1, solid_top = -1, solid_bottom = -1;
    for (int row = 0; row < 480; ++row) {
      const std::uint32_t red = img.at(c, row) >> 24;
      if (red < 250) {
        if (faint_top < 0) faint_top = row;
        faint_bottom = row;
      }
      if (red < 128) {
        if (solid_top < 0) solid_top = row;
        solid_bottom = row;
      }
    }
    // Rows (from the top) of the ink's upper and lower edges.
    const double top_lo = 480 - wide_max[k] - 0.5, top_hi = 480 - narrow_max[k] - 0.5;
    const double bot_lo = 480 - narrow_min[k] + 0.5, bot_hi = 480 - wide_min[k] + 0.5;
    const bool ok = faint_top >= 0 && solid_top >= 0 && faint_top <= top_hi + 1 &&
                    solid_top >= top_lo - 1 && faint_bottom + 1 >= bot_lo - 1 &&
                    solid_bottom + 1 <= bot_hi + 1;
    const int top = faint_top, bottom = faint_bottom;
    if (!ok) {
      if (bad < 10) {
        UNSCOPED_INFO("column " << c << " ink rows " << top << ".." << bottom << " expected top in "
                                << top_lo << ".." << top_hi << ", bottom in " << bot_lo << ".."
                                << bot_hi);
      }
      ++bad;
    }
  }
  if (bad != 0) {
    strata::test::SceneDrawable d(
        {6.4, 4.8}, 100, [&](Renderer& r) { r.draw_path(stroke_px(1), path, t, std::nullopt); });
    strata::Canvas(d).print(strata::test::output_path("random_walk_1e6.png"));
  }
  CHECK(bad == 0);
}

TEST_CASE("markers are stamped at whole pixels", "[renderer][raster][markers]") {
  const Pixels p = render([](Renderer& r) {
    GraphicsContext gc;
    gc.linewidth = 0;
    const Path square = Path::unit_rectangle().transformed(Affine2D().translate(-0.5, -0.5));
    r.draw_markers(gc, square, Affine2D().scale(5), polyline({{20.2, 20.2}, {70, 70}}), {}, red);
  });
  // (20.2, 20.2) is device (20.2, 79.8): stamped at pixel (20, 80), 5x5 around it.
  CHECK(p.at(20, 80) == kRed);
  CHECK(p.at(18, 78) == kRed);
  CHECK(p.at(22, 82) == kRed);
  CHECK(p.at(17, 80) == kWhite);
  CHECK(p.at(23, 80) == kWhite);
  CHECK(p.at(20, 77) == kWhite);
  CHECK(p.at(20, 83) == kWhite);
  CHECK(p.at(70, 30) == kRed);
}

TEST_CASE("markers honour the clip rectangle and skip NaN", "[renderer][raster][markers]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Pixels p = render([nan](Renderer& r) {
    GraphicsContext gc;
    gc.linewidth = 0;
    gc.clip_rectangle = Bbox{0, 0, 50, 100};
    const Path square = Path::unit_rectangle().transformed(Affine2D().translate(-0.5, -0.5));
    r.draw_markers(gc, square, Affine2D().scale(10), polyline({{48, 50}, {nan, 5}, {80, 50}}), {},
                   red);
  });
  CHECK(p.at(46, 50) == kRed);
  CHECK(p.at(50, 50) == kWhite);  // clipped half of the first marker
  CHECK(p.at(80, 50) == kWhite);  // second marker entirely outside the clip
}

TEST_CASE("path collections give each item its offset and colors",
          "[renderer][raster][collections]") {
  const Pixels p = render([](Renderer& r) {
    GraphicsContext gc;
    const std::vector<Path> paths{
        Path::unit_rectangle().transformed(Affine2D().scale(10).translate(-5, -5))};
    const std::vector<Point> offsets{{20, 50}, {50, 50}, {80, 50}};
    const std::vector<Rgba> faces{{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}};
    Renderer::PathCollection pc;
    pc.paths = paths;
    pc.offsets = offsets;
    pc.facecolors = faces;
    r.draw_path_collection(gc, {}, pc);
    // A uniform collection goes the marker route.
    const std::vector<Point> off2{{20, 20}, {80, 20}};
    const std::vector<Rgba> one{{0, 0, 0, 1}};
    Renderer::PathCollection uni;
    uni.paths = paths;
    uni.offsets = off2;
    uni.facecolors = one;
    r.draw_path_collection(gc, {}, uni);
  });
  CHECK(p.at(20, 50) == kRed);
  CHECK(p.at(50, 50) == rgba32(0, 255, 0));
  CHECK(p.at(80, 50) == rgba32(0, 0, 255));
  CHECK(p.at(35, 50) == kWhite);
  CHECK(p.at(20, 80) == kBlack);
  CHECK(p.at(80, 80) == kBlack);
  CHECK(p.at(50, 80) == kWhite);
}

TEST_CASE("images are placed, scaled and blended", "[renderer][raster][image]") {
  const strata::Image img{
      2, 2, {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255}};
  const Pixels nearest = render([&](Renderer& r) {
    r.draw_image({}, img, Bbox{0, 0, 100, 100}, strata::Interpolation::nearest);
  });
  CHECK(nearest.at(25, 25) == kRed);  // first row of the image is the top
  CHECK(nearest.at(75, 25) == rgba32(0, 255, 0));
  CHECK(nearest.at(25, 75) == rgba32(0, 0, 255));
  CHECK(nearest.at(75, 75) == kWhite);
  const Pixels half = render([&](Renderer& r) {
    GraphicsContext gc;
    gc.alpha = 0.5;
    r.draw_image(gc, img, Bbox{0, 0, 100, 100}, strata::Interpolation::nearest);
  });
  const std::uint32_t h = half.at(25, 25);
  CHECK((h >> 24) == 255);
  CHECK(std::abs(static_cast<int>((h >> 16) & 0xff) - 128) <= 1);
  const Pixels bil = render([&](Renderer& r) {
    r.draw_image({}, img, Bbox{0, 0, 100, 100}, strata::Interpolation::bilinear);
  });
  const std::uint32_t c = bil.at(50, 50);  // centre: a mix of all four
  CHECK((c >> 24) > 60);
  CHECK((c >> 24) < 200);
  CHECK(((c >> 16) & 0xff) > 60);
  CHECK(((c >> 8) & 0xff) > 60);
}

TEST_CASE("Gouraud triangles interpolate their corner colors", "[renderer][raster][gouraud]") {
  const Pixels p = render([](Renderer& r) {
    const std::vector<std::array<Point, 3>> tris{{{{0, 0}, {100, 0}, {0, 100}}}};
    const std::vector<std::array<Rgba, 3>> cols{{{{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}}}};
    r.draw_gouraud_triangles({}, tris, cols, {});
  });
  const std::uint32_t near_red = p.at(2, 97);
  CHECK((near_red >> 24) > 230);
  const std::uint32_t mid = p.at(33, 66);  // display (33, 34): about the centroid
  for (int shift : {24, 16, 8}) {
    const int v = static_cast<int>((mid >> shift) & 0xff);
    INFO("channel shift " << shift << " value " << v);
    CHECK(std::abs(v - 85) <= 12);
  }
  CHECK(p.at(90, 10) == kWhite);  // outside the triangle
}

TEST_CASE("a reduced long line gives the pixels of stroking every vertex",
          "[renderer][raster][big]") {
  // Second way of drawing the same picture: Cairo strokes all vertices itself, with no
  // clean-up at all. 200,000 vertices over 640 columns: the column reduction applies.
  const std::size_t n = 200'000;
  const auto [pts, lo, hi] = random_walk(n, 9);
  const Affine2D t =
      Affine2D().translate(0, -lo).scale(600.0 / n, 400.0 / (hi - lo)).translate(20, 40);
  const Path path{pts};
  const Pixels ours =
      render([&](Renderer& r) { r.draw_path(stroke_px(1), path, t, std::nullopt); }, 6.4, 4.8);

  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 640, 480);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  for (const auto& p : pts) {
    const Point d = t.transform(p);
    cairo_line_to(cr, d.x, 480 - d.y);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  cairo_surface_flush(s);
  Pixels ref{640, 480, std::vector<std::uint8_t>(640u * 480u * 4u)};
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int row = 0; row < 480; ++row) {
    for (int col = 0; col < 640; ++col) {
      const std::uint32_t px = reinterpret_cast<const std::uint32_t*>(data + row * stride)[col];
      const std::size_t i =
          (static_cast<std::size_t>(row) * 640 + static_cast<std::size_t>(col)) * 4;
      ref.rgba[i] = static_cast<std::uint8_t>(px >> 16);
      ref.rgba[i + 1] = static_cast<std::uint8_t>(px >> 8);
      ref.rgba[i + 2] = static_cast<std::uint8_t>(px);
      ref.rgba[i + 3] = 255;
    }
  }
  const double plain = strata::test::rms(ours, ref);
  const double blurred = strata::test::blurred_rms(ours, ref);
  INFO("rms " << plain << " blurred " << blurred);
  // Measured 4.4 plain, 1.4 blurred: the antialiasing of the densest columns differs a little
  // (a reduced column has fewer overlapping sub-pixel strokes); shapes must not. With whole
  // pixel columns it was 7.9 / 3.1.
  CHECK(plain < 6);
  CHECK(blurred < 2);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
}

TEST_CASE("markers too large to stamp are still drawn", "[renderer][raster][markers]") {
  const Pixels p = render([](Renderer& r) {
    GraphicsContext gc;
    gc.linewidth = 0;
    const Path square = Path::unit_rectangle().transformed(Affine2D().translate(-0.5, -0.5));
    r.draw_markers(gc, square, Affine2D().scale(10000), polyline({{50, 50}}), {}, red);
  });
  CHECK(p.at(0, 0) == kRed);
  CHECK(p.at(99, 99) == kRed);
}

TEST_CASE("the antialiased image filter averages when shrinking", "[renderer][raster][image]") {
  // A 1000x1000 one-pixel checkerboard shrunk to 100x100: the box filter gives even gray,
  // nearest gives pure black or white.
  strata::Image checker{1000, 1000, std::vector<std::uint8_t>(1000u * 1000u * 4u)};
  for (std::size_t i = 0; i < 1000u * 1000u; ++i) {
    const std::uint8_t v = ((i % 1000) + (i / 1000)) % 2 ? 255 : 0;
    checker.rgba[i * 4] = checker.rgba[i * 4 + 1] = checker.rgba[i * 4 + 2] = v;
    checker.rgba[i * 4 + 3] = 255;
  }
  const Pixels aa = render([&](Renderer& r) {
    r.draw_image({}, checker, Bbox{0, 0, 100, 100}, strata::Interpolation::antialiased);
  });
  const Pixels nearest = render([&](Renderer& r) {
    r.draw_image({}, checker, Bbox{0, 0, 100, 100}, strata::Interpolation::nearest);
  });
  int extreme_aa = 0, extreme_nearest = 0;
  for (int y = 10; y < 90; ++y) {
    for (int x = 10; x < 90; ++x) {
      const int va = static_cast<int>(aa.at(x, y) >> 24);
      const int vn = static_cast<int>(nearest.at(x, y) >> 24);
      if (va < 100 || va > 155) ++extreme_aa;
      if (vn == 0 || vn == 255) ++extreme_nearest;
    }
  }
  CHECK(extreme_aa == 0);
  CHECK(extreme_nearest == 80 * 80);
}

TEST_CASE("quad meshes color each cell and hide the seams", "[renderer][raster][quadmesh]") {
  // A 2x2 mesh over the canvas: cells red, green / blue, black (row 0 at the bottom).
  std::vector<Point> coords;
  for (int i = 0; i <= 2; ++i) {
    for (int j = 0; j <= 2; ++j) coords.push_back({50.0 * j, 50.0 * i});
  }
  const std::vector<Rgba> faces{{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}, {0, 0, 0, 1}};
  const Pixels p = render([&](Renderer& r) {
    GraphicsContext gc;
    gc.linewidth = 0.25;
    r.draw_quad_mesh(gc, {}, 2, 2, coords, faces, true, {});
  });
  CHECK(p.at(25, 75) == kRed);  // bottom-left cell
  CHECK(p.at(75, 75) == rgba32(0, 255, 0));
  CHECK(p.at(25, 25) == rgba32(0, 0, 255));
  CHECK(p.at(75, 25) == kBlack);
  // No white seam along the shared edges.
  for (int x = 0; x < 100; ++x) CHECK((p.at(x, 50) & 0xffffff00) != 0xffffff00);
}
