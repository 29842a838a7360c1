// SPDX-License-Identifier: MIT
// The path clean-up pipeline (src/core/path_pipeline.cpp): NaN removal, Liang-Barsky
// clipping, snapping, simplification, the per-column (M4) reduction, and curves passing
// through. Expected vertices are exact unless a comment says otherwise.
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "core/path_pipeline.hpp"
#include "support/catch.hpp"

using strata::Affine2D;
using strata::Bbox;
using strata::Path;
using strata::PathCode;
using strata::Point;
using strata::detail::PipelineOptions;
using strata::detail::PipelineOutput;
using strata::detail::run_path_pipeline;
using strata::detail::should_snap;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr PathCode M = PathCode::moveto;
constexpr PathCode L = PathCode::lineto;
constexpr PathCode C3 = PathCode::curve3;
constexpr PathCode C4 = PathCode::curve4;
constexpr PathCode Z = PathCode::closepoly;

/// Only the stage under test: no clip, no snap, no simplify, no reduction.
PipelineOptions bare() {
  PipelineOptions o;
  o.clip.reset();
  o.snap = false;
  o.simplify = false;
  o.reduce_columns = false;
  return o;
}

PipelineOutput run(const Path& p, const PipelineOptions& o, const Affine2D& t = {}) {
  PipelineOutput out;
  run_path_pipeline(p, t, o, out);
  REQUIRE(out.vertices.size() == out.codes.size());
  return out;
}

void require_output(const PipelineOutput& out, const std::vector<Point>& verts,
                    const std::vector<PathCode>& codes) {
  REQUIRE(out.vertices.size() == verts.size());
  REQUIRE(out.codes == codes);
  for (std::size_t i = 0; i < verts.size(); ++i) {
    INFO("vertex " << i << ": got (" << out.vertices[i].x << ", " << out.vertices[i].y
                   << "), expected (" << verts[i].x << ", " << verts[i].y << ")");
    CHECK(out.vertices[i] == verts[i]);
  }
}

/// Small deterministic generator (the same sequence on every platform).
struct Lcg {
  std::uint64_t state;
  double uniform() {  // [0, 1)
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * (1.0 / 9007199254740992.0);
  }
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Transform and NaN removal

TEST_CASE("pipeline: transforms vertices to device space", "[pipeline]") {
  const Path p({{0, 0}, {1, 2}, {3, 1}});
  const auto out = run(p, bare(), Affine2D().scale(2, 3).translate(10, 20));
  require_output(out, {{10, 20}, {12, 26}, {16, 23}}, {M, L, L});
}

TEST_CASE("pipeline: empty path gives empty output, output is cleared first", "[pipeline]") {
  PipelineOutput out;
  out.vertices.push_back({1, 1});
  out.codes.push_back(M);
  run_path_pipeline(Path{}, Affine2D{}, bare(), out);
  CHECK(out.vertices.empty());
  CHECK(out.codes.empty());
  run_path_pipeline(Path({{0, 0}, {1, 1}}), Affine2D{}, bare(), out);
  run_path_pipeline(Path({{5, 5}, {6, 6}}), Affine2D{}, bare(), out);
  require_output(out, {{5, 5}, {6, 6}}, {M, L});
}

TEST_CASE("pipeline: NaN gap starts a new sub-path at the next finite vertex", "[pipeline]") {
  SECTION("NaN in the middle") {
    const Path p({{0, 0}, {1, 1}, {kNaN, 2}, {3, 3}, {4, 4}});
    require_output(run(p, bare()), {{0, 0}, {1, 1}, {3, 3}, {4, 4}}, {M, L, M, L});
  }
  SECTION("several non-finite vertices in a row, inf and NaN in either coordinate") {
    const Path p({{0, 0}, {1, 1}, {2, kNaN}, {kInf, 3}, {4, -kInf}, {5, 5}, {6, 6}});
    require_output(run(p, bare()), {{0, 0}, {1, 1}, {5, 5}, {6, 6}}, {M, L, M, L});
  }
  SECTION("leading NaN: the first finite vertex is the MOVETO") {
    const Path p({{kNaN, kNaN}, {1, 1}, {2, 2}});
    require_output(run(p, bare()), {{1, 1}, {2, 2}}, {M, L});
  }
  SECTION("trailing NaN is dropped") {
    const Path p({{0, 0}, {1, 1}, {kNaN, 0}});
    require_output(run(p, bare()), {{0, 0}, {1, 1}}, {M, L});
  }
  SECTION("a vertex that becomes non-finite only after the transform") {
    const Path p({{0, 0}, {1e308, 1}, {2, 2}, {3, 3}});
    require_output(run(p, bare(), Affine2D::from_scale(10, 1)), {{0, 0}, {20, 2}, {30, 3}},
                   {M, M, L});
  }
  SECTION("remove_nans = false passes non-finite vertices through") {
    auto o = bare();
    o.remove_nans = false;
    const auto out = run(Path({{0, 0}, {kNaN, 1}, {2, 2}}), o);
    REQUIRE(out.vertices.size() == 3);
    CHECK(out.codes == std::vector<PathCode>{M, L, L});
    CHECK(std::isnan(out.vertices[1].x));
  }
}

TEST_CASE("pipeline: CLOSEPOLY of a broken loop", "[pipeline]") {
  SECTION("unbroken loop keeps CLOSEPOLY") {
    const Path p({{0, 0}, {10, 0}, {10, 10}, {0, 0}}, {M, L, L, Z});
    require_output(run(p, bare()), {{0, 0}, {10, 0}, {10, 10}, {0, 0}}, {M, L, L, Z});
  }
  SECTION("broken loop: LINETO back to the start when both ends are valid") {
    const Path p({{0, 0}, {10, 0}, {kNaN, 5}, {10, 10}, {0, 10}, {0, 0}}, {M, L, L, L, L, Z});
    require_output(run(p, bare()), {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {M, L, M, L, L});
  }
  SECTION("broken loop whose last vertex is NaN: the close is dropped") {
    const Path p({{0, 0}, {10, 0}, {10, 10}, {kNaN, 10}, {0, 0}}, {M, L, L, L, Z});
    require_output(run(p, bare()), {{0, 0}, {10, 0}, {10, 10}}, {M, L, L});
  }
  SECTION("loop whose start is NaN: the close is dropped") {
    const Path p({{kNaN, 0}, {10, 0}, {10, 10}, {0, 0}}, {M, L, L, Z});
    require_output(run(p, bare()), {{10, 0}, {10, 10}}, {M, L});
  }
}

// ---------------------------------------------------------------------------------------------
// Clipping

TEST_CASE("pipeline: Liang-Barsky clipping of axis-aligned segments", "[pipeline]") {
  auto o = bare();
  o.clip = Bbox::from_extents(0, 0, 10, 10);
  // In from the left, out to the right, along the outside, back in from the right.
  const Path p({{-5, 5}, {5, 5}, {15, 5}, {15, 8}, {5, 8}});
  require_output(run(p, o), {{0, 5}, {5, 5}, {10, 5}, {10, 8}, {5, 8}}, {M, L, L, M, L});
}

TEST_CASE("pipeline: clipping drops fully clipped segments", "[pipeline]") {
  auto o = bare();
  o.clip = Bbox::from_extents(0, 0, 10, 10);
  SECTION("segments entirely outside vanish, the next inside one starts with MOVETO") {
    const Path p({{2, 2}, {4, 4}, {20, 20}, {30, 20}, {30, -5}, {8, 2}, {6, 2}});
    // (4,4)-(20,20) leaves at (10,10); (30,20)-(30,-5) and (20,20)-(30,20) are outside;
    // (30,-5)-(8,2) misses the box only partly: it enters through x = 10 at y = 1.3636...
    const auto out = run(p, o);
    REQUIRE(out.codes == std::vector<PathCode>{M, L, L, M, L, L});
    CHECK(out.vertices[0] == Point{2, 2});
    CHECK(out.vertices[1] == Point{4, 4});
    CHECK(out.vertices[2] == Point{10, 10});
    CHECK(out.vertices[3].x == 10.0);  // exactly on the edge that cut it
    CHECK(out.vertices[3].y == Approx(-5 + 7.0 * 20.0 / 22.0));
    CHECK(out.vertices[4] == Point{8, 2});
    CHECK(out.vertices[5] == Point{6, 2});
  }
  SECTION("a path entirely outside gives nothing") {
    const Path p({{20, 20}, {30, 20}, {30, 30}});
    CHECK(run(p, o).vertices.empty());
  }
  SECTION("a diagonal crossing a corner region: both ends move") {
    const Path p({{-2, 4}, {4, -2}});  // the line x + y = 2
    const auto out = run(p, o);
    REQUIRE(out.codes == std::vector<PathCode>{M, L});
    CHECK(out.vertices[0].x == 0.0);
    CHECK(out.vertices[0].y == Approx(2.0));
    CHECK(out.vertices[1].x == Approx(2.0));
    CHECK(out.vertices[1].y == 0.0);
  }
  SECTION("a segment touching the box only at a corner is kept (zero length)") {
    const Path p({{-5, 5}, {5, -5}});  // through (0, 0)
    const auto out = run(p, o);
    REQUIRE(out.codes == std::vector<PathCode>{M, L});
    CHECK(out.vertices[0] == Point{0, 0});
    CHECK(out.vertices[1] == Point{0, 0});
  }
  SECTION("an inverted box clips the same") {
    o.clip = Bbox::from_extents(10, 10, 0, 0);
    const Path p({{-5, 5}, {5, 5}, {15, 5}, {15, 8}, {5, 8}});
    require_output(run(p, o), {{0, 5}, {5, 5}, {10, 5}, {10, 8}, {5, 8}}, {M, L, L, M, L});
  }
}

TEST_CASE("pipeline: clipping of closed paths", "[pipeline]") {
  auto o = bare();
  o.clip = Bbox::from_extents(0, 0, 10, 10);
  SECTION("fully inside: the close becomes the closing segment plus CLOSEPOLY") {
    const Path p({{1, 1}, {5, 1}, {5, 5}, {0, 0}}, {M, L, L, Z});
    require_output(run(p, o), {{1, 1}, {5, 1}, {5, 5}, {1, 1}, {1, 1}}, {M, L, L, L, Z});
  }
  SECTION("partly clipped: no CLOSEPOLY, the closing segment is clipped too") {
    const Path p({{5, 5}, {15, 5}, {5, 8}, {0, 0}}, {M, L, L, Z});
    const auto out = run(p, o);
    REQUIRE(out.codes == std::vector<PathCode>{M, L, M, L, L});
    CHECK(out.vertices[0] == Point{5, 5});
    CHECK(out.vertices[1] == Point{10, 5});
    CHECK(out.vertices[2].x == 10.0);
    CHECK(out.vertices[2].y == Approx(6.5));
    CHECK(out.vertices[3] == Point{5, 8});
    CHECK(out.vertices[4] == Point{5, 5});
  }
}

TEST_CASE("pipeline: clipping keeps a lone MOVETO inside the box only", "[pipeline]") {
  auto o = bare();
  o.clip = Bbox::from_extents(0, 0, 10, 10);
  const Path p({{1, 1}, {20, 20}, {2, 2}, {3, 3}}, {M, M, M, L});
  require_output(run(p, o), {{1, 1}, {2, 2}, {3, 3}}, {M, M, L});
}

TEST_CASE("pipeline: canvas_clip_box is one pixel beyond the canvas", "[pipeline]") {
  const Bbox b = strata::detail::canvas_clip_box(640, 480);
  CHECK(b == Bbox::from_extents(-1, -1, 641, 481));
}

// ---------------------------------------------------------------------------------------------
// Snapping

TEST_CASE("pipeline: snapping rounds to pixel centres for odd widths, edges for even",
          "[pipeline]") {
  auto o = bare();
  o.snap = true;
  const Path p({{10.2, 20.7}, {-0.3, 20.7}, {-0.7, 3.5}});
  SECTION("width 1: floor(v + 0.5) + 0.5") {
    o.stroke_width_px = 1.0;
    require_output(run(p, o), {{10.5, 21.5}, {0.5, 21.5}, {-0.5, 4.5}}, {M, L, L});
  }
  SECTION("width 3 (odd) and 2.6 (rounds to 3)") {
    for (const double w : {3.0, 2.6}) {
      INFO("width " << w);
      o.stroke_width_px = w;
      require_output(run(p, o), {{10.5, 21.5}, {0.5, 21.5}, {-0.5, 4.5}}, {M, L, L});
    }
  }
  SECTION("width 2, 0 (fills) and 2.4 (rounds to 2): floor(v + 0.5)") {
    for (const double w : {2.0, 0.0, 2.4}) {
      INFO("width " << w);
      o.stroke_width_px = w;
      require_output(run(p, o), {{10, 21}, {0, 21}, {-1, 4}}, {M, L, L});
    }
  }
  SECTION("snap = false leaves vertices alone") {
    o.snap = false;
    require_output(run(p, o), {{10.2, 20.7}, {-0.3, 20.7}, {-0.7, 3.5}}, {M, L, L});
  }
}

TEST_CASE("pipeline: automatic snapping only for short axis-aligned straight paths", "[pipeline]") {
  auto o = bare();
  o.snap.reset();
  o.stroke_width_px = 1.0;
  const Path rect({{1.2, 1.2}, {8.7, 1.2}, {8.7, 6.1}, {1.2, 6.1}, {0, 0}}, {M, L, L, L, Z});
  CHECK(should_snap(rect, Affine2D{}));
  require_output(run(rect, o), {{1.5, 1.5}, {9.5, 1.5}, {9.5, 6.5}, {1.5, 6.5}, {1.5, 1.5}},
                 {M, L, L, L, Z});

  const Path diagonal({{1.2, 1.2}, {8.7, 1.2}, {5.3, 6.1}});
  CHECK_FALSE(should_snap(diagonal, Affine2D{}));
  require_output(run(diagonal, o), {{1.2, 1.2}, {8.7, 1.2}, {5.3, 6.1}}, {M, L, L});

  // Within 1e-4 px counts as aligned.
  CHECK(should_snap(Path({{1, 1}, {1.00005, 9}, {7, 9.00005}}), Affine2D{}));
  CHECK_FALSE(should_snap(Path({{1, 1}, {1.0002, 9}}), Affine2D{}));
  // A rotation makes the rectangle diagonal in device space.
  CHECK_FALSE(should_snap(rect, Affine2D().rotate_deg(30)));
  // Curves are never snapped.
  const Path curve({{0, 0}, {0, 5}, {5, 5}, {5, 0}}, {M, C4, C4, C4});
  CHECK_FALSE(should_snap(curve, Affine2D{}));
  CHECK_FALSE(should_snap(Path{}, Affine2D{}));

  // A 1024-vertex axis-aligned staircase snaps; 1025 vertices do not.
  std::vector<Point> stairs;
  for (int i = 0; i < 1025; ++i) stairs.push_back({0.3 + (i + 1) / 2, 0.3 + i / 2});
  const Path big(stairs);
  CHECK_FALSE(should_snap(big, Affine2D{}));
  stairs.pop_back();
  const Path small(stairs);
  CHECK(should_snap(small, Affine2D{}));
  const auto out = run(small, o);
  CHECK(out.vertices.front() == Point{0.5, 0.5});
  CHECK(run(big, o).vertices.front() == Point{0.3, 0.3});
}

TEST_CASE("pipeline: automatic snapping looks at the clipped path", "[pipeline]") {
  auto o = bare();
  o.snap.reset();
  o.clip = Bbox::from_extents(0, 0, 100, 100);
  // The diagonal segment lies outside the clip box, so what is drawn is axis-aligned.
  const Path p({{10.2, 10.2}, {50.2, 10.2}, {50.2, 200}, {300, 400}, {300, 50}});
  CHECK_FALSE(should_snap(p, Affine2D{}));
  require_output(run(p, o), {{10.5, 10.5}, {50.5, 10.5}, {50.5, 100.5}}, {M, L, L});
}

// ---------------------------------------------------------------------------------------------
// Simplification

namespace {
PipelineOptions simplifying() {
  PipelineOptions o;
  o.clip = strata::detail::canvas_clip_box(640, 480);
  o.snap.reset();
  o.simplify = true;
  o.reduce_columns = false;
  return o;
}
}  // namespace

TEST_CASE("pipeline: simplifier reduces a straight line to its two ends", "[pipeline]") {
  std::vector<Point> pts;
  for (int i = 0; i < 10000; ++i) pts.push_back({10 + i * 0.05, 20 + i * 0.03});
  const Path p(pts);
  require_output(run(p, simplifying()), {pts.front(), pts.back()}, {M, L});

  SECTION("not without clipping (as matplotlib)") {
    auto o = simplifying();
    o.clip.reset();
    CHECK(run(p, o).vertices.size() == 10000);
  }
  SECTION("not with simplify = false") {
    auto o = simplifying();
    o.simplify = false;
    CHECK(run(p, o).vertices.size() == 10000);
  }
  SECTION("not below 128 vertices") {
    const Path short_path(std::vector<Point>(pts.begin(), pts.begin() + 127));
    CHECK(run(short_path, simplifying()).vertices.size() == 127);
    const Path long_enough(std::vector<Point>(pts.begin(), pts.begin() + 128));
    CHECK(run(long_enough, simplifying()).vertices.size() == 2);
  }
}

TEST_CASE("pipeline: simplifier keeps a spike", "[pipeline]") {
  std::vector<Point> pts;
  for (int i = 0; i < 1000; ++i) pts.push_back({20 + i * 0.5, i == 500 ? 300.0 : 100.0});
  const auto out = run(Path(pts), simplifying());
  // Flat run, up to the spike, down, flat run.
  require_output(out, {pts[0], pts[499], pts[500], pts[501], pts[999]}, {M, L, L, L, L});
}

TEST_CASE("pipeline: simplifier keeps the extremes of a back-and-forth run", "[pipeline]") {
  // Along y = 100, x swings out and back with a growing amplitude: forward to 300, back to
  // 40, ending in between. Everything is on one line, so the run keeps only its extremes and
  // the last point.
  std::vector<Point> pts;
  pts.push_back({100, 100});
  for (int i = 0; i < 200; ++i) {
    const double a = i * 1.0;
    pts.push_back({i % 2 == 0 ? 100 + a : 100 - a * 0.3, 100});
  }
  pts.push_back({300, 100});
  pts.push_back({40, 100});
  pts.push_back({150, 100});
  auto o = simplifying();
  o.snap = false;  // (auto mode would snap this horizontal path)
  const auto out = run(Path(pts), o);
  require_output(out, {{100, 100}, {300, 100}, {40, 100}, {150, 100}}, {M, L, L, L});
}

TEST_CASE("pipeline: simplifier keeps a small deviation above the threshold", "[pipeline]") {
  std::vector<Point> pts;
  for (int i = 0; i < 300; ++i) pts.push_back({10 + i * 1.0, 50});
  pts[150].y = 50.2;  // 0.2 px > 1/9 px: must stay
  const auto out = run(Path(pts), simplifying());
  bool found = false;
  for (const auto& v : out.vertices) found = found || v == pts[150];
  CHECK(found);
  CHECK(out.vertices.size() < 10);

  pts[150].y = 50.1;  // 0.1 px < 1/9 px: absorbed
  CHECK(run(Path(pts), simplifying()).vertices.size() == 2);
}

TEST_CASE("pipeline: simplifier does not join across a clipped excursion", "[pipeline]") {
  // Along y = 100, up off the canvas at x = 300, back down at x = 320, on to x = 600.
  std::vector<Point> pts;
  for (int x = 10; x <= 300; ++x) pts.push_back({static_cast<double>(x), 100});
  pts.push_back({300, 1000});
  pts.push_back({320, 1000});
  for (int x = 320; x <= 600; ++x) pts.push_back({static_cast<double>(x), 100});
  auto o = simplifying();
  o.snap = false;
  require_output(run(Path(pts), o),
                 {{10, 100}, {300, 100}, {300, 481}, {320, 481}, {320, 100}, {600, 100}},
                 {M, L, L, M, L, L});
}

// ---------------------------------------------------------------------------------------------
// Column (M4) reduction

TEST_CASE("pipeline: column reduction of a 1e6-vertex sorted random walk", "[pipeline]") {
  constexpr int n = 1'000'000;
  Lcg rng{12345};
  std::vector<Point> pts(n);
  double y = 0;
  for (int i = 0; i < n; ++i) {
    y += rng.uniform() - 0.5;
    pts[i] = {i * (500.0 / n), y};
  }
  // Device space: x from 70 to 570 (500 columns), y scaled into the canvas. Powers of two and
  // integer shifts keep the transform exact.
  const Affine2D t = Affine2D().scale(1, 0.25).translate(70, 240);
  auto o = bare();
  o.reduce_columns = true;
  const auto out = run(Path(pts), o, t);

  // Per column (floor(x)) extremes of the transformed input.
  struct Col {
    double ymin = std::numeric_limits<double>::infinity();
    double ymax = -std::numeric_limits<double>::infinity();
    int count = 0;
  };
  std::vector<Col> in_cols(640);
  std::vector<Col> out_cols(640);
  for (const Point& p : pts) {
    const Point d = t.transform(p);
    auto& c = in_cols.at(static_cast<std::size_t>(std::floor(d.x)));
    c.ymin = std::min(c.ymin, d.y);
    c.ymax = std::max(c.ymax, d.y);
    ++c.count;
  }
  for (const Point& d : out.vertices) {
    auto& c = out_cols.at(static_cast<std::size_t>(std::floor(d.x)));
    c.ymin = std::min(c.ymin, d.y);
    c.ymax = std::max(c.ymax, d.y);
    ++c.count;
  }
  std::size_t columns = 0;
  for (std::size_t col = 0; col < in_cols.size(); ++col) {
    INFO("column " << col);
    REQUIRE((in_cols[col].count > 0) == (out_cols[col].count > 0));
    if (in_cols[col].count == 0) continue;
    ++columns;
    CHECK(out_cols[col].count <= 4);
    CHECK(out_cols[col].ymin == in_cols[col].ymin);
    CHECK(out_cols[col].ymax == in_cols[col].ymax);
  }
  REQUIRE(columns == 500);
  CHECK(out.vertices.size() <= 4 * columns);
  CHECK(out.vertices.front() == t.transform(pts.front()));
  CHECK(out.vertices.back() == t.transform(pts.back()));
  CHECK(out.codes.front() == M);
  for (std::size_t i = 1; i < out.codes.size(); ++i) REQUIRE(out.codes[i] == L);
  // x stays sorted: vertices are kept in their original order.
  for (std::size_t i = 1; i < out.vertices.size(); ++i)
    REQUIRE(out.vertices[i].x >= out.vertices[i - 1].x);

  SECTION("the full pipeline (clip, simplify) keeps it at most 4 per column") {
    PipelineOptions full;
    full.clip = strata::detail::canvas_clip_box(640, 480);
    const auto out2 = run(Path(pts), full, t);
    CHECK(out2.vertices.size() <= 4 * columns);
    CHECK(out2.vertices.size() >= 2);
  }
}

TEST_CASE("pipeline: column reduction keeps first, min, max, last in order", "[pipeline]") {
  auto o = bare();
  o.reduce_columns = true;
  // Column 0: 6 vertices, column 1: 6 vertices -> 12 > 4 * 2.
  const Path p({{0.0, 5},
                {0.1, 9},
                {0.2, 1},
                {0.3, 4},
                {0.4, 8},
                {0.5, 3},
                {1.0, 2},
                {1.1, 0},
                {1.2, 7},
                {1.3, 6},
                {1.4, 6.5},
                {1.9, 7}});
  // Column 1: max 7 first reached at 1.2 and tied by the last vertex; the last is kept.
  require_output(run(p, o),
                 {{0.0, 5}, {0.1, 9}, {0.2, 1}, {0.5, 3}, {1.0, 2}, {1.1, 0}, {1.2, 7}, {1.9, 7}},
                 {M, L, L, L, L, L, L, L});
}

TEST_CASE("pipeline: column reduction does not merge across NaN gaps", "[pipeline]") {
  auto o = bare();
  o.reduce_columns = true;
  std::vector<Point> pts;
  for (int i = 0; i < 100; ++i) pts.push_back({i * 0.01, static_cast<double>(i % 7)});
  pts[50].y = kNaN;
  const auto out = run(Path(pts), o);
  // Column 0 holds two runs, 0..49 and 51..99, each reduced to first / min / max / last:
  // in the first the minimum is the first vertex; in the second the maximum (y = 6 at 55)
  // comes before the minimum (y = 0 at 56).
  require_output(out, {pts[0], pts[6], pts[49], pts[51], pts[55], pts[56], pts[99]},
                 {M, L, L, M, L, L, L});
}

TEST_CASE("pipeline: column reduction only for monotonic, dense polylines", "[pipeline]") {
  auto o = bare();
  o.reduce_columns = true;
  std::vector<Point> pts;
  for (int i = 0; i < 1000; ++i) pts.push_back({i * 0.01, static_cast<double>(i % 13)});
  SECTION("decreasing x is reduced too") {
    std::vector<Point> rev(pts.rbegin(), pts.rend());
    CHECK(run(Path(rev), o).vertices.size() <= 4 * 10);
  }
  SECTION("one step back in x: not monotonic, untouched") {
    for (const std::size_t k : {std::size_t{1}, std::size_t{500}, std::size_t{997}}) {
      INFO("swap at " << k);
      auto bad = pts;
      std::swap(bad[k], bad[k + 1]);
      const auto out = run(Path(bad), o);
      CHECK(out.vertices == bad);  // no vertex lost, whenever the reversal is found
      CHECK(out.codes.size() == 1000);
    }
  }
  SECTION("automatic snapping decision falls back too (short path)") {
    // 600 vertices, axis-aligned steps, 60 columns: dense enough, but x goes back once.
    std::vector<Point> stairs;
    for (int i = 0; i < 600; ++i) stairs.push_back({0.1 * (i / 2), 0.1 * ((i + 1) / 2)});
    std::swap(stairs[300], stairs[302]);
    auto so = o;
    so.snap.reset();
    const auto out = run(Path(stairs), so);
    CHECK(out.vertices.size() == 600);  // not reduced; and not snapped (no longer aligned)
    CHECK(out.vertices[5] == stairs[5]);
  }
  SECTION("at most 4 vertices per column: untouched") {
    for (auto& p : pts) p.x *= 25.0;  // 250 columns, 4 per column
    CHECK(run(Path(pts), o).vertices.size() == 1000);
  }
  SECTION("reduce_columns = false: untouched") {
    o.reduce_columns = false;
    CHECK(run(Path(pts), o).vertices.size() == 1000);
  }
  SECTION("codes other than MOVETO / LINETO: untouched") {
    std::vector<PathCode> codes(1000, L);
    codes[0] = M;
    codes[999] = Z;
    CHECK(run(Path(pts, codes), o).vertices.size() == 1000);
  }
}

// ---------------------------------------------------------------------------------------------
// Curves

TEST_CASE("pipeline: curves pass through untouched", "[pipeline]") {
  PipelineOptions o;  // everything on
  o.clip = Bbox::from_extents(0, 0, 10, 10);
  o.snap = true;
  const Path p(
      {{0.3, 0.3}, {20.2, 30.7}, {-5.1, 2}, {4.4, 0.5}, {50, 50}, {6, 6}, {6.5, 1.2}, {0, 0}},
      {M, C4, C4, C4, L, C3, C3, Z});
  const auto out = run(p, o, Affine2D::from_translation(1, 0));
  require_output(
      out,
      {{1.3, 0.3}, {21.2, 30.7}, {-4.1, 2}, {5.4, 0.5}, {51, 50}, {7, 6}, {7.5, 1.2}, {1.3, 0.3}},
      {M, C4, C4, C4, L, C3, C3, Z});
}

TEST_CASE("pipeline: NaN removal drops whole curve segments", "[pipeline]") {
  const auto o = bare();
  SECTION("NaN control point: the curve is dropped, drawing resumes at its end point") {
    const Path p({{0, 0}, {1, 2}, {kNaN, 2}, {4, 0}, {5, 5}}, {M, C4, C4, C4, L});
    require_output(run(p, o), {{0, 0}, {4, 0}, {5, 5}}, {M, M, L});
  }
  SECTION("NaN end point: the next segment starts with a MOVETO to its first point") {
    const Path p({{0, 0}, {1, 2}, {3, 2}, {kNaN, 0}, {5, 5}, {6, 6}, {7, 5}, {8, 8}},
                 {M, C4, C4, C4, L, C3, C3, L});
    require_output(run(p, o), {{0, 0}, {5, 5}, {6, 6}, {7, 5}, {8, 8}}, {M, M, C3, C3, L});
  }
  SECTION("a curve after a NaN line vertex starts at its first control point") {
    const Path p({{0, 0}, {kNaN, 1}, {1, 2}, {3, 2}, {4, 0}}, {M, L, C4, C4, C4});
    require_output(run(p, o), {{0, 0}, {1, 2}, {1, 2}, {3, 2}, {4, 0}}, {M, M, C4, C4, C4});
  }
  SECTION("broken closed curve: LINETO to the start when both ends are valid") {
    const Path p({{0, 0}, {kNaN, 1}, {1, 2}, {3, 2}, {4, 0}, {0, 0}}, {M, L, C4, C4, C4, Z});
    const auto out = run(p, o);
    REQUIRE(out.codes == std::vector<PathCode>{M, M, C4, C4, C4, L});
    CHECK(out.vertices.back() == Point{0, 0});
  }
}
