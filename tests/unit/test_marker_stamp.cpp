// SPDX-License-Identifier: MIT
// Raster marker stamps (backends/cairo/src/marker_stamp.*): exact placement, exact blending,
// SSE2 == scalar, clipping without stray writes, and agreement with Cairo's own rendering.
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <random>
#include <span>
#include <vector>

#include "marker_stamp.hpp"
#include "support/catch.hpp"

using strata::Affine2D;
using strata::CapStyle;
using strata::GraphicsContext;
using strata::JoinStyle;
using strata::Path;
using strata::Point;
using strata::Rgba;
using strata::cairo_backend::blend_stamps;
using strata::cairo_backend::make_stamp;
using strata::cairo_backend::PixelClip;
using strata::cairo_backend::Stamp;

namespace {

constexpr std::uint32_t argb(unsigned a, unsigned r, unsigned g, unsigned b) {
  return (a << 24) | (r << 16) | (g << 8) | b;
}
constexpr std::uint32_t kWhite = argb(255, 255, 255, 255);
constexpr std::uint32_t kBlack = argb(255, 0, 0, 0);

// A canvas of premultiplied ARGB32 pixels, stride = width * 4.
struct Canvas {
  int w = 0;
  int h = 0;
  std::vector<std::uint32_t> px;
  Canvas(int w_, int h_, std::uint32_t fill)
      : w(w_), h(h_), px(static_cast<std::size_t>(w_ * h_), fill) {}
  std::uint8_t* data() { return reinterpret_cast<std::uint8_t*>(px.data()); }
  int stride() const { return w * 4; }
  PixelClip clip() const { return {0, 0, w, h}; }
  std::uint32_t at(int x, int y) const { return px[static_cast<std::size_t>(y * w + x)]; }
};

// A centred square of side `side` px (y up as the Renderer API).
Path centred_square() {
  return Path::unit_rectangle().transformed(Affine2D().translate(-0.5, -0.5));
}

GraphicsContext fill_only_gc() {
  GraphicsContext gc;
  gc.linewidth = 0;
  return gc;
}

int channel(std::uint32_t p, int shift) { return static_cast<int>((p >> shift) & 0xffu); }

int max_channel_diff(std::uint32_t a, std::uint32_t b) {
  int m = 0;
  for (int s = 0; s < 32; s += 8) m = std::max(m, std::abs(channel(a, s) - channel(b, s)));
  return m;
}

// matplotlib's scatter/plot circle: the unit circle scaled to `radius` px.
Path circle_marker() { return Path::unit_circle(); }

// Draws `path` after `t` (y up, flipped here) with Cairo directly onto a canvas, its origin at
// device point (cx, cy): the reference the stamp must reproduce. Same fill/stroke order and
// parameters as make_stamp.
void cairo_direct(Canvas& c, const Path& path, const Affine2D& t, const std::optional<Rgba>& fill,
                  const Rgba& edge, double lw_px, double cx, double cy, bool aa = true) {
  cairo_surface_t* s =
      cairo_image_surface_create_for_data(c.data(), CAIRO_FORMAT_ARGB32, c.w, c.h, c.stride());
  cairo_t* cr = cairo_create(s);
  cairo_set_antialias(cr, aa ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
  const auto& v = path.vertices();
  for (std::size_t i = 0; i < v.size();) {
    auto dev = [&](std::size_t k) {
      const Point q = t.transform(v[k]);
      return Point{cx + q.x, cy - q.y};
    };
    switch (path.code(i)) {
      case strata::PathCode::moveto: {
        const Point p = dev(i);
        cairo_move_to(cr, p.x, p.y);
        i += 1;
        break;
      }
      case strata::PathCode::lineto: {
        const Point p = dev(i);
        cairo_line_to(cr, p.x, p.y);
        i += 1;
        break;
      }
      case strata::PathCode::curve4: {
        const Point a = dev(i), b = dev(i + 1), e = dev(i + 2);
        cairo_curve_to(cr, a.x, a.y, b.x, b.y, e.x, e.y);
        i += 3;
        break;
      }
      case strata::PathCode::closepoly:
        cairo_close_path(cr);
        i += 1;
        break;
      default:
        i += 1;
        break;
    }
  }
  if (fill) {
    cairo_set_source_rgba(cr, fill->r, fill->g, fill->b, fill->a);
    cairo_fill_preserve(cr);
  }
  if (lw_px > 0) {
    cairo_set_source_rgba(cr, edge.r, edge.g, edge.b, edge.a);
    cairo_set_line_width(cr, lw_px);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_stroke(cr);
  }
  cairo_destroy(cr);
  cairo_surface_flush(s);
  cairo_surface_destroy(s);
}

}  // namespace

TEST_CASE("a 1-px square marker lands on pixel floor(x + 0.5), floor(y + 0.5)", "[markers]") {
  for (const std::optional<bool> snap :
       {std::optional<bool>(false), std::optional<bool>(true), std::optional<bool>()}) {
    GraphicsContext gc = fill_only_gc();
    gc.snap = snap;
    const Stamp st = make_stamp(gc, centred_square(), Affine2D(), strata::colors::black, 72.0);
    REQUIRE(st.width == 1);
    REQUIRE(st.height == 1);
    REQUIRE(st.ox == 0);
    REQUIRE(st.oy == 0);
    REQUIRE(st.pixels.size() == 1);
    CHECK(st.pixels[0] == kBlack);
    REQUIRE(st.row_begin.size() == 1);
    CHECK(st.row_begin[0] == 0);
    CHECK(st.row_end[0] == 1);

    struct Case {
      Point at;
      int x, y;
    };
    // x + 0.5 and y + 0.5, floored; exact .5 ties go up; negatives floor, not truncate.
    const Case cases[] = {{{10.3, 20.6}, 10, 21}, {{10.5, 20.5}, 11, 21}, {{10.49, 20.49}, 10, 20},
                          {{-0.5, 5.0}, 0, 5},    {{31.49, 0.0}, 31, 0},  {{0.0, -0.5}, 0, 0}};
    for (const Case& c : cases) {
      Canvas cv(32, 32, kWhite);
      const Point p[] = {c.at};
      blend_stamps(cv.data(), cv.stride(), cv.clip(), st, p);
      int changed = 0;
      for (int y = 0; y < cv.h; ++y)
        for (int x = 0; x < cv.w; ++x)
          if (cv.at(x, y) != kWhite) ++changed;
      INFO("position " << c.at.x << ", " << c.at.y);
      CHECK(changed == 1);
      CHECK(cv.at(c.x, c.y) == kBlack);
    }
    // floor(-0.6 + 0.5) = -1 and floor(31.5 + 0.5) = 32: off the canvas, nothing drawn.
    Canvas cv(32, 32, kWhite);
    const Point off[] = {{-0.6, 5.0}, {31.5, 5.0}, {5.0, -0.51}, {5.0, 31.5}};
    blend_stamps(cv.data(), cv.stride(), cv.clip(), st, off);
    CHECK(std::all_of(cv.px.begin(), cv.px.end(), [](std::uint32_t v) { return v == kWhite; }));
  }
}

TEST_CASE("marker snapping follows matplotlib's PathSnapper", "[markers]") {
  // Side-4 square, stroke 2 px (even): snapped corners at +-2 around the pixel corner, so the
  // stroke covers pixels -3..2 exactly, with a 2x2 hole (pixels -1, 0) in the middle.
  GraphicsContext gc;
  gc.linewidth = 2;                 // points at 72 dpi = 2 px
  gc.joinstyle = JoinStyle::miter;  // miter limit = 2 px > sqrt(2): square corners
  const Path sq = centred_square();
  const Affine2D t = Affine2D().scale(4);
  for (const std::optional<bool> snap : {std::optional<bool>(true), std::optional<bool>()}) {
    gc.snap = snap;
    const Stamp st = make_stamp(gc, sq, t, std::nullopt, 72.0);
    REQUIRE(st.width == 6);
    REQUIRE(st.height == 6);
    CHECK(st.ox == -3);
    CHECK(st.oy == -3);
    for (int y = 0; y < 6; ++y) {
      for (int x = 0; x < 6; ++x) {
        const bool hole = (x == 2 || x == 3) && (y == 2 || y == 3);
        INFO("stamp pixel " << x << ", " << y);
        CHECK(st.pixels[static_cast<std::size_t>(y * 6 + x)] == (hole ? 0u : kBlack));
      }
    }
  }
  // Odd stroke (3 px): corners at floor(+-2 + 0.5) + 0.5 = 2.5 / -1.5, outer edge -3..4:
  // a 7x7 block with the single centre pixel (pixel 0) empty.
  gc.linewidth = 3;
  gc.snap = std::nullopt;
  const Stamp odd = make_stamp(gc, sq, t, std::nullopt, 72.0);
  REQUIRE(odd.width == 7);
  REQUIRE(odd.height == 7);
  CHECK(odd.ox == -3);
  CHECK(odd.oy == -3);
  for (int y = 0; y < 7; ++y)
    for (int x = 0; x < 7; ++x)
      CHECK(odd.pixels[static_cast<std::size_t>(y * 7 + x)] == (x == 3 && y == 3 ? 0u : kBlack));
  // Not snapped (gc.snap = false): the origin sits on the pixel centre, so the even stroke's
  // edges fall on pixel centres and the outer ring is partly covered.
  gc.linewidth = 2;
  gc.snap = false;
  const Stamp soft = make_stamp(gc, sq, t, std::nullopt, 72.0);
  CHECK(soft.ox == -3);
  CHECK(soft.width == 7);
  const std::uint32_t corner = soft.pixels[0];
  CHECK((corner >> 24) > 0u);
  CHECK((corner >> 24) < 255u);
}

TEST_CASE("stamp blending is premultiplied over with exact rounding", "[markers]") {
  GraphicsContext gc = fill_only_gc();
  gc.snap = false;
  const Stamp st = make_stamp(gc, centred_square(), Affine2D(), Rgba{1, 0, 0, 0.5}, 72.0);
  REQUIRE(st.width == 1);
  REQUIRE(st.height == 1);
  // Cairo: 0.5 -> 32768/65535 -> 128; red premultiplied by alpha -> 128.
  REQUIRE(st.pixels[0] == argb(128, 128, 0, 0));

  const Point at[] = {{3.0, 4.0}};
  // Over white: 128 + 255 * 127 / 255 = 255 (red); 0 + 127 (green, blue); alpha 255.
  Canvas white(8, 8, kWhite);
  blend_stamps(white.data(), white.stride(), white.clip(), st, at);
  CHECK(white.at(3, 4) == argb(255, 255, 127, 127));
  // Over gray 200: 200 * 127 / 255 = 99.6 -> 100 (t = 25528, (t + 99) >> 8 = 100).
  Canvas gray(8, 8, argb(255, 200, 200, 200));
  blend_stamps(gray.data(), gray.stride(), gray.clip(), st, at);
  CHECK(gray.at(3, 4) == argb(255, 228, 100, 100));
  // Over a translucent pixel (alpha 64, green 64): 64 * 127 / 255 = 31.87 -> 32.
  Canvas tr(8, 8, argb(64, 0, 64, 0));
  blend_stamps(tr.data(), tr.stride(), tr.clip(), st, at);
  CHECK(tr.at(3, 4) == argb(160, 128, 32, 0));
  // The scalar path agrees, and Cairo itself composites the same square to the same bytes.
  Canvas gray2(8, 8, argb(255, 200, 200, 200));
  strata::cairo_backend::detail::blend_stamps_scalar(gray2.data(), gray2.stride(), gray2.clip(), st,
                                                     at);
  CHECK(gray2.at(3, 4) == argb(255, 228, 100, 100));
  Canvas gray3(8, 8, argb(255, 200, 200, 200));
  cairo_direct(gray3, centred_square(), Affine2D(), Rgba{1, 0, 0, 0.5}, {}, 0.0, 3.5, 4.5);
  CHECK(gray3.at(3, 4) == argb(255, 228, 100, 100));
  CHECK(gray3.px == gray.px);
}

TEST_CASE("SSE2 and scalar blending give identical buffers", "[markers]") {
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> byte(0, 255);
  auto rand_px = [&](bool valid) {
    const int a = std::uniform_int_distribution<int>(0, 5)(rng) == 0   ? 0
                  : std::uniform_int_distribution<int>(0, 4)(rng) == 0 ? 255
                                                                       : byte(rng);
    auto c = [&] { return valid ? (a == 0 ? 0 : byte(rng) % (a + 1)) : byte(rng); };
    const unsigned r = static_cast<unsigned>(c()), g = static_cast<unsigned>(c()),
                   b = static_cast<unsigned>(c());
    return argb(static_cast<unsigned>(a), r, g, b);
  };
  for (int trial = 0; trial < 40; ++trial) {
    const bool valid = trial % 4 != 3;  // also non-premultiplied garbage: saturating adds
    Stamp st;
    st.width = std::uniform_int_distribution<int>(1, 13)(rng);
    st.height = std::uniform_int_distribution<int>(1, 9)(rng);
    if (trial % 5 == 0) st.width = st.height = 1;  // the one-pixel fast path ("," markers)
    st.ox = -st.width / 2;
    st.oy = -st.height / 2;
    st.pixels.resize(static_cast<std::size_t>(st.width * st.height));
    st.row_begin.resize(static_cast<std::size_t>(st.height));
    st.row_end.resize(static_cast<std::size_t>(st.height));
    for (int y = 0; y < st.height; ++y) {
      const int b = std::uniform_int_distribution<int>(0, st.width - 1)(rng);
      const int e = std::uniform_int_distribution<int>(b + 1, st.width)(rng);
      st.row_begin[static_cast<std::size_t>(y)] = b;
      st.row_end[static_cast<std::size_t>(y)] = e;
      for (int x = 0; x < st.width; ++x)
        st.pixels[static_cast<std::size_t>(y * st.width + x)] =
            x >= b && x < e ? rand_px(valid) : 0u;
    }
    Canvas a(67, 41, 0);
    for (auto& p : a.px) p = rand_px(valid);
    Canvas b = a;
    std::vector<Point> pos(3000);
    std::uniform_real_distribution<double> ux(-15.0, 82.0), uy(-15.0, 56.0);
    for (auto& p : pos) p = {ux(rng), uy(rng)};
    pos[7] = {std::numeric_limits<double>::quiet_NaN(), 3.0};
    pos[8] = {3.0, std::numeric_limits<double>::infinity()};
    const PixelClip clip = trial % 2 ? a.clip() : PixelClip{5, 3, 60, 37};
    blend_stamps(a.data(), a.stride(), clip, st, pos);
    strata::cairo_backend::detail::blend_stamps_scalar(b.data(), b.stride(), clip, st, pos);
    INFO("trial " << trial);
    REQUIRE(a.px == b.px);
  }
  // And a real marker: default scatter circle with an edge.
  GraphicsContext gc;
  gc.linewidth = 1.5;
  gc.color = Rgba{0.1, 0.2, 0.3, 0.8};
  const Stamp circ =
      make_stamp(gc, circle_marker(), Affine2D().scale(1.39), Rgba{0.12, 0.47, 0.71, 0.6}, 100.0);
  Canvas a(64, 48, kWhite);
  Canvas b = a;
  std::vector<Point> pos(5000);
  std::uniform_real_distribution<double> ux(-5.0, 69.0), uy(-5.0, 53.0);
  for (auto& p : pos) p = {ux(rng), uy(rng)};
  blend_stamps(a.data(), a.stride(), a.clip(), circ, pos);
  strata::cairo_backend::detail::blend_stamps_scalar(b.data(), b.stride(), b.clip(), circ, pos);
  CHECK(a.px == b.px);
}

TEST_CASE("stamps partly outside are clipped without stray writes", "[markers]") {
  GraphicsContext gc;
  gc.linewidth = 1;
  const Stamp st =
      make_stamp(gc, circle_marker(), Affine2D().scale(5), Rgba{0, 0.5, 1, 0.7}, 100.0);
  REQUIRE(st.width >= 11);
  // A 20x10 buffer with 4 spare pixels at the end of each row and 64 guard bytes around it.
  constexpr int W = 20, H = 10, stride = (W + 4) * 4, guard = 64;
  constexpr std::uint8_t kGuard = 0xAB;
  std::vector<std::uint8_t> mem(static_cast<std::size_t>(guard * 2 + stride * H), kGuard);
  std::uint8_t* data = mem.data() + guard;
  for (int y = 0; y < H; ++y) std::memset(data + y * stride, 0xff, W * 4);  // white pixels
  // A reference canvas with a 20-px margin: what the visible part must look like.
  constexpr int M = 20;
  Canvas ref(W + 2 * M, H + 2 * M, kWhite);
  const std::vector<Point> pos = {{0.0, 0.0},   {19.7, 0.2},  {-3.0, 5.0},  {22.0, 4.0},
                                  {10.0, -4.0}, {10.0, 12.6}, {-4.5, -4.5}, {23.2, 13.1}};
  std::vector<Point> shifted;
  for (const Point& p : pos) shifted.push_back({p.x + M, p.y + M});
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 0)
      blend_stamps(data, stride, PixelClip{0, 0, W, H}, st, pos);
    else
      strata::cairo_backend::detail::blend_stamps_scalar(data, stride, PixelClip{0, 0, W, H}, st,
                                                         pos);
    blend_stamps(ref.data(), ref.stride(), ref.clip(), st, shifted);
    for (int i = 0; i < guard; ++i) {
      REQUIRE(mem[static_cast<std::size_t>(i)] == kGuard);
      REQUIRE(mem[mem.size() - 1 - static_cast<std::size_t>(i)] == kGuard);
    }
    for (int y = 0; y < H; ++y)
      for (int b = W * 4; b < stride; ++b) REQUIRE(data[y * stride + b] == kGuard);
    for (int y = 0; y < H; ++y) {
      for (int x = 0; x < W; ++x) {
        std::uint32_t v;
        std::memcpy(&v, data + y * stride + x * 4, 4);
        INFO("pass " << pass << " pixel " << x << ", " << y);
        REQUIRE(v == ref.at(x + M, y + M));
      }
    }
    // Reset for the scalar pass.
    for (int y = 0; y < H; ++y) std::memset(data + y * stride, 0xff, W * 4);
    ref = Canvas(W + 2 * M, H + 2 * M, kWhite);
  }
  // Something was drawn at all (the corner marker is partly visible).
  blend_stamps(data, stride, PixelClip{0, 0, W, H}, st, std::span<const Point>(pos.data(), 1));
  std::uint32_t v00;
  std::memcpy(&v00, data, 4);
  CHECK(v00 != kWhite);

  // A clip rectangle inside the buffer: nothing outside it changes.
  Canvas cv(30, 30, kWhite);
  const PixelClip inner{8, 9, 21, 17};
  std::vector<Point> many;
  for (int i = 0; i < 30; i += 2)
    for (int j = 0; j < 30; j += 3) many.push_back({i + 0.25, j - 0.25});
  blend_stamps(cv.data(), cv.stride(), inner, st, many);
  bool inside_changed = false;
  for (int y = 0; y < cv.h; ++y) {
    for (int x = 0; x < cv.w; ++x) {
      const bool in = x >= inner.x0 && x < inner.x1 && y >= inner.y0 && y < inner.y1;
      if (!in) REQUIRE(cv.at(x, y) == kWhite);
      if (in && cv.at(x, y) != kWhite) inside_changed = true;
    }
  }
  CHECK(inside_changed);
}

TEST_CASE("markers entirely off the canvas are culled", "[markers]") {
  GraphicsContext gc;
  const Stamp st =
      make_stamp(gc, circle_marker(), Affine2D().scale(3), strata::colors::black, 100.0);
  REQUIRE(!st.empty());
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<Point> pos = {{-1e300, 5}, {1e300, 5}, {5, -1e300},  {5, 1e300}, {inf, 5}, {-inf, 5},
                            {5, nan},    {nan, nan}, {-1e9, -1e9}, {2e9, 5},   {5, -3e9}};
  // Just outside each edge: the stamp's last column/row ends one pixel before the canvas.
  const double left = -0.5 - st.ox - st.width;  // floor(x + 0.5) + ox + width == 0
  const double top = -0.5 - st.oy - st.height;
  const double right = 16.0 - 0.5 - st.ox;  // floor(x + 0.5) + ox == 16
  const double bottom = 12.0 - 0.5 - st.oy;
  pos.push_back({left, 6});
  pos.push_back({right, 6});
  pos.push_back({6, top});
  pos.push_back({6, bottom});
  pos.push_back({left + 0.999, top + 0.999});  // floor still lands one pixel off both edges
  Canvas cv(16, 12, kWhite);
  blend_stamps(cv.data(), cv.stride(), cv.clip(), st, pos);
  CHECK(std::all_of(cv.px.begin(), cv.px.end(), [](std::uint32_t v) { return v == kWhite; }));
  strata::cairo_backend::detail::blend_stamps_scalar(cv.data(), cv.stride(), cv.clip(), st, pos);
  CHECK(std::all_of(cv.px.begin(), cv.px.end(), [](std::uint32_t v) { return v == kWhite; }));
  // One pixel further in, each of the four touches the canvas.
  const Point in[] = {{left + 1, 6}, {right - 1, 6}, {6, top + 1}, {6, bottom - 1}};
  for (const Point& p : in) {
    Canvas c2(16, 12, kWhite);
    blend_stamps(c2.data(), c2.stride(), c2.clip(), st, std::span<const Point>(&p, 1));
    CHECK_FALSE(
        std::all_of(c2.px.begin(), c2.px.end(), [](std::uint32_t v) { return v == kWhite; }));
  }
}

TEST_CASE("a circle stamp equals Cairo's direct rendering at the pixel centre", "[markers]") {
  // The stamp is byte-identical to Cairo drawing the same Bezier circle centred on the pixel
  // centre (x + 0.5, y + 0.5) of the integer position, onto a transparent canvas and, for a
  // fill-only marker, onto any background. With fill and edge over an opaque background Cairo
  // composites twice (fill, then stroke) while the stamp composites once, so the rounding may
  // differ: max per-channel difference <= 1 there.
  const Rgba face{0.12, 0.47, 0.71, 1.0};
  const Rgba face_a{0.12, 0.47, 0.71, 0.6};
  const Rgba edge{0.8, 0.1, 0.1, 0.9};
  const double dpi = 100.0;
  struct Case {
    double radius;
    bool stroke;
    Rgba fill;
    std::uint32_t bg;
    bool exact;
  };
  const Case cases[] = {
      {1.39, false, face, 0u, true},
      {1.39, false, face_a, kWhite, true},
      {4.17, false, face_a, kWhite, true},
      {1.39, true, face, 0u, true},
      {4.17, true, face_a, 0u, true},
      {1.39, true, face, kWhite, false},
      {4.17, true, face_a, argb(255, 30, 200, 90), false},
  };
  for (const Case& c : cases) {
    GraphicsContext gc;
    gc.color = edge;
    gc.linewidth = c.stroke ? 1.5 : 0.0;
    const Affine2D t = Affine2D().scale(c.radius);
    const Stamp st = make_stamp(gc, circle_marker(), t, c.fill, dpi);
    REQUIRE(!st.empty());
    for (const Point at : {Point{12.0, 13.0}, Point{12.3, 12.7}, Point{11.5, 12.5}}) {
      Canvas via_stamp(26, 26, c.bg);
      Canvas direct(26, 26, c.bg);
      blend_stamps(via_stamp.data(), via_stamp.stride(), via_stamp.clip(), st,
                   std::span<const Point>(&at, 1));
      const double cx = std::floor(at.x + 0.5) + 0.5, cy = std::floor(at.y + 0.5) + 0.5;
      cairo_direct(direct, circle_marker(), t, c.fill, edge, gc.linewidth * dpi / 72.0, cx, cy);
      int maxdiff = 0;
      for (std::size_t i = 0; i < direct.px.size(); ++i)
        maxdiff = std::max(maxdiff, max_channel_diff(direct.px[i], via_stamp.px[i]));
      INFO("radius " << c.radius << " stroke " << c.stroke << " at " << at.x << ", " << at.y);
      if (c.exact)
        CHECK(maxdiff == 0);
      else
        CHECK(maxdiff <= 1);
    }
  }
  // A 1.39 px circle centred on a pixel centre is 3x3 pixels, symmetric about the middle one
  // (up to Cairo's sampling grid: coverage of mirrored pixels differs by at most 2/255).
  GraphicsContext gc = fill_only_gc();
  const Stamp st =
      make_stamp(gc, circle_marker(), Affine2D().scale(1.39), strata::colors::black, dpi);
  REQUIRE(st.width == 3);
  REQUIRE(st.height == 3);
  CHECK(st.ox == -1);
  CHECK(st.oy == -1);
  CHECK(st.pixels[4] == kBlack);
  for (const int corner : {2, 6, 8})
    CHECK(max_channel_diff(st.pixels[0], st.pixels[static_cast<std::size_t>(corner)]) <= 2);
  for (const int edge_px : {3, 5, 7})
    CHECK(max_channel_diff(st.pixels[1], st.pixels[static_cast<std::size_t>(edge_px)]) <= 2);
  CHECK((st.pixels[0] >> 24) < (st.pixels[1] >> 24));
}

TEST_CASE("make_stamp: aliasing, dashes, empty and oversized markers", "[markers]") {
  GraphicsContext gc;
  gc.antialiased = false;
  gc.linewidth = 1;
  const Stamp hard = make_stamp(gc, circle_marker(), Affine2D().scale(4), Rgba{0, 0, 1, 1}, 100.0);
  REQUIRE(!hard.empty());
  for (const std::uint32_t p : hard.pixels) CHECK(((p >> 24) == 0u || (p >> 24) == 255u));

  // Rows are trimmed: first and last rows and columns hold something.
  gc.antialiased = true;
  const Stamp soft = make_stamp(gc, circle_marker(), Affine2D().scale(4), Rgba{0, 0, 1, 1}, 100.0);
  auto row_has = [&](const Stamp& s, int y) {
    return s.row_end[static_cast<std::size_t>(y)] > s.row_begin[static_cast<std::size_t>(y)];
  };
  CHECK(row_has(soft, 0));
  CHECK(row_has(soft, soft.height - 1));
  int minb = soft.width, maxe = 0;
  for (int y = 0; y < soft.height; ++y) {
    minb = std::min(minb, soft.row_begin[static_cast<std::size_t>(y)]);
    maxe = std::max(maxe, soft.row_end[static_cast<std::size_t>(y)]);
    for (int x = 0; x < soft.width; ++x) {
      const bool in_span = x >= soft.row_begin[static_cast<std::size_t>(y)] &&
                           x < soft.row_end[static_cast<std::size_t>(y)];
      if (!in_span) CHECK(soft.pixels[static_cast<std::size_t>(y * soft.width + x)] == 0u);
    }
  }
  CHECK(minb == 0);
  CHECK(maxe == soft.width);

  // Dashed outline of an unfilled circle: fewer covered pixels than the solid one.
  gc.dashes.pattern = {1.0, 2.0};
  const Stamp dashed = make_stamp(gc, circle_marker(), Affine2D().scale(8), std::nullopt, 100.0);
  gc.dashes.pattern.clear();
  const Stamp solid = make_stamp(gc, circle_marker(), Affine2D().scale(8), std::nullopt, 100.0);
  auto coverage = [](const Stamp& s) {
    long sum = 0;
    for (const std::uint32_t p : s.pixels) sum += static_cast<long>(p >> 24);
    return sum;
  };
  CHECK(coverage(dashed) > 0);
  CHECK(coverage(dashed) < coverage(solid) * 2 / 3);

  // Nothing to draw: no fill, zero-width or transparent edge, empty path.
  gc.linewidth = 0;
  CHECK(make_stamp(gc, circle_marker(), Affine2D().scale(4), std::nullopt, 100.0).empty());
  gc.linewidth = 1;
  gc.color = strata::colors::transparent;
  CHECK(make_stamp(gc, circle_marker(), Affine2D().scale(4), std::nullopt, 100.0).empty());
  CHECK(make_stamp(gc, Path(), Affine2D(), strata::colors::black, 100.0).empty());
  // gc.alpha replaces the fill's alpha.
  gc.alpha = 0.0;
  CHECK(make_stamp(gc, circle_marker(), Affine2D().scale(4), strata::colors::black, 100.0).empty());
  gc.alpha.reset();
  gc.color = strata::colors::black;
  const Stamp huge =
      make_stamp(gc, circle_marker(), Affine2D().scale(1e5), strata::colors::black, 100.0);
  CHECK(huge.empty());
  CHECK(huge.oversized);
  // Blending an empty stamp is a no-op.
  Canvas cv(4, 4, kWhite);
  const Point p[] = {{1, 1}};
  blend_stamps(cv.data(), cv.stride(), cv.clip(), huge, p);
  CHECK(std::all_of(cv.px.begin(), cv.px.end(), [](std::uint32_t v) { return v == kWhite; }));
}
