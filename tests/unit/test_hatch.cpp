// SPDX-License-Identifier: MIT
// Hatch patterns (src/core/hatch.cpp), checked against matplotlib's hatch.get_path: vertex
// counts per pattern, line positions, the fixed order of the pattern families, extents.
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "core/hatch.hpp"
#include "strata/error.hpp"
#include "support/catch.hpp"

using strata::Path;
using strata::PathCode;
using strata::Point;
using strata::detail::hatch_path;

namespace {

std::size_t count_code(const Path& p, PathCode c) {
  return static_cast<std::size_t>(std::count(p.codes().begin(), p.codes().end(), c));
}

/// Number of straight line segments (MOVETO followed by LINETO).
std::size_t count_segments(const Path& p) {
  std::size_t n = 0;
  for (std::size_t i = 1; i < p.size(); ++i) {
    if (p.codes()[i - 1] == PathCode::moveto && p.codes()[i] == PathCode::lineto) ++n;
  }
  return n;
}

struct Extent {
  double xmin, ymin, xmax, ymax;
};

Extent extent(const Path& p) {
  Extent e{1e300, 1e300, -1e300, -1e300};
  for (const Point& v : p.vertices()) {
    e.xmin = std::min(e.xmin, v.x);
    e.ymin = std::min(e.ymin, v.y);
    e.xmax = std::max(e.xmax, v.x);
    e.ymax = std::max(e.ymax, v.y);
  }
  return e;
}

}  // namespace

TEST_CASE("hatch: empty string gives an empty path", "[hatch]") {
  CHECK(hatch_path("").empty());
  CHECK(hatch_path("/", 0).empty());
}

TEST_CASE("hatch: horizontal and vertical lines", "[hatch]") {
  SECTION("'-' at density 6: 6 lines centred in 6 bands") {
    const Path p = hatch_path("-", 6);
    REQUIRE(p.size() == 12);
    REQUIRE(count_segments(p) == 6);
    for (std::size_t i = 0; i < 6; ++i) {
      const double y = (static_cast<double>(i) + 0.5) / 6.0;
      CHECK(p.vertices()[2 * i].x == 0.0);
      CHECK(p.vertices()[2 * i + 1].x == 1.0);
      CHECK(p.vertices()[2 * i].y == Approx(y).margin(1e-15));
      CHECK(p.vertices()[2 * i + 1].y == p.vertices()[2 * i].y);
    }
  }
  SECTION("'|' is the transpose") {
    const Path v = hatch_path("|", 6);
    const Path h = hatch_path("-", 6);
    REQUIRE(v.size() == h.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      CHECK(v.vertices()[i].x == h.vertices()[i].y);
      CHECK(v.vertices()[i].y == h.vertices()[i].x);
    }
  }
  SECTION("'+' is '-' then '|'") {
    const Path plus = hatch_path("+", 6);
    const Path both = hatch_path("-|", 6);
    REQUIRE(plus.size() == 24);
    CHECK(plus.vertices() == both.vertices());
    CHECK(plus.codes() == both.codes());
  }
  SECTION("all vertices in the unit square") {
    const Extent e = extent(hatch_path("+++", 6));
    CHECK(e.xmin >= 0.0);
    CHECK(e.ymin >= 0.0);
    CHECK(e.xmax <= 1.0);
    CHECK(e.ymax <= 1.0);
  }
}

TEST_CASE("hatch: diagonals", "[hatch]") {
  SECTION("'/' at density 6: 7 line segments, the square's diagonal shifted by -0.5 .. 0.5") {
    const Path p = hatch_path("/", 6);
    REQUIRE(p.size() == 14);
    REQUIRE(count_segments(p) == 7);
    for (std::size_t i = 0; i <= 6; ++i) {
      const double s = -0.5 + static_cast<double>(i) / 6.0;
      const Point a = p.vertices()[2 * i];
      const Point b = p.vertices()[2 * i + 1];
      CHECK(a.x == Approx(s).margin(1e-15));
      CHECK(a.y == Approx(-s).margin(1e-15));
      CHECK(b.x - a.x == Approx(1.0));  // slope +1, one unit wide
      CHECK(b.y - a.y == Approx(1.0));
    }
    // The ends of the shift are exact (numpy.linspace sets the last value to `stop`).
    CHECK(p.vertices()[0] == Point{-0.5, 0.5});
    CHECK(p.vertices()[13] == Point{1.5, 0.5});
  }
  SECTION("'\\\\' runs the other way") {
    const Path p = hatch_path("\\", 6);
    REQUIRE(count_segments(p) == 7);
    CHECK(p.vertices()[0] == Point{-0.5, 0.5});
    CHECK(p.vertices()[1] == Point{0.5, -0.5});
  }
  SECTION("density 3: 4 segments") { CHECK(count_segments(hatch_path("/", 3)) == 4); }
  SECTION("'x' is '/' then '\\\\', 'X' the same as 'x'") {
    const Path x = hatch_path("x", 6);
    const Path both = hatch_path("/\\", 6);
    REQUIRE(x.size() == 28);
    CHECK(x.vertices() == both.vertices());
    CHECK(hatch_path("X", 6).vertices() == x.vertices());
  }
  SECTION("diagonals overshoot the square by at most 0.5, as matplotlib's") {
    const Extent e = extent(hatch_path("x", 6));
    CHECK(e.xmin == -0.5);
    CHECK(e.ymin == -0.5);
    CHECK(e.xmax == 1.5);
    CHECK(e.ymax == 1.5);
  }
}

TEST_CASE("hatch: repeating a character makes the pattern denser", "[hatch]") {
  // matplotlib: num_lines = count * density for each family.
  CHECK(count_segments(hatch_path("//", 6)) == 13);
  CHECK(count_segments(hatch_path("///", 6)) == 19);
  const Path x = hatch_path("x", 6);
  const Path xx = hatch_path("xx", 6);
  CHECK(count_segments(x) == 14);
  CHECK(count_segments(xx) == 26);
  CHECK(xx.size() == 52);
  CHECK(xx.size() > x.size());
  CHECK(count_segments(hatch_path("--", 6)) == 12);
  // '+' and '-' add up.
  CHECK(count_segments(hatch_path("+-", 6)) == 12 + 6);
}

TEST_CASE("hatch: vertex counts of every pattern match matplotlib", "[hatch]") {
  // len(matplotlib.hatch.get_path(h, 6).vertices), matplotlib 3.6.3.
  const std::vector<std::pair<std::string, std::size_t>> expected = {
      {"/", 14},         {"\\", 14},
      {"|", 12},         {"-", 12},
      {"+", 24},         {"x", 28},
      {"xx", 52},        {"o", 2392},
      {"O", 2392},       {".", 1196},
      {"*", 506},        {"oo", 8476},
      {"-o", 12 + 2392}, {"/.*", 14 + 1196 + 506}};
  for (const auto& [h, n] : expected) {
    INFO("hatch \"" << h << "\"");
    CHECK(hatch_path(h, 6).size() == n);
  }
}

TEST_CASE("hatch: shapes", "[hatch]") {
  SECTION("'o': rings of 26 + 26 vertices, staggered rows, centred on the grid") {
    const Path p = hatch_path("o", 6);
    // 6 rows: 4 even rows of 7 and 3 odd rows of 6 -> 46 circles.
    REQUIRE(p.size() == 46u * 52u);
    CHECK(count_code(p, PathCode::moveto) == 46u * 2u);
    CHECK(count_code(p, PathCode::closepoly) == 46u * 2u);
    CHECK(count_code(p, PathCode::curve4) == 46u * 48u);
    // The first ring is centred at (0, 0) with radius 0.2 / 6, the inner one 0.9 of it.
    double rmax = 0;
    double rmin = 1;
    for (std::size_t k = 0; k < 26; ++k) {
      const Point v = p.vertices()[k];
      if (p.codes()[k] != PathCode::curve4 || k % 3 == 0) {  // on-curve points
        rmax = std::max(rmax, std::hypot(v.x, v.y));
      }
      const Point w = p.vertices()[26 + k];
      if (p.codes()[26 + k] != PathCode::curve4 || k % 3 == 0) {
        rmin = std::min(rmin, std::hypot(w.x, w.y));
      }
    }
    CHECK(rmax == Approx(0.2 / 6));
    CHECK(rmin == Approx(0.9 * 0.2 / 6));
    // Second row (odd) starts half a cell in, one row up.
    const Point second_row_first = p.vertices()[7 * 52];  // MOVETO of circle 8
    const Point first_circle = p.vertices()[0];
    CHECK(second_row_first.x - first_circle.x == Approx(1.0 / 12));
    CHECK(second_row_first.y - first_circle.y == Approx(1.0 / 6));
  }
  SECTION("'.': filled circles, one outline each") {
    const Path p = hatch_path(".", 6);
    REQUIRE(p.size() == 46u * 26u);
    CHECK(count_code(p, PathCode::moveto) == 46u);
  }
  SECTION("'*': stars of 11 vertices, MOVETO then LINETOs") {
    const Path p = hatch_path("*", 6);
    REQUIRE(p.size() == 46u * 11u);
    CHECK(count_code(p, PathCode::moveto) == 46u);
    CHECK(count_code(p, PathCode::lineto) == 46u * 10u);
    // The star returns to its first point.
    CHECK(p.vertices()[10].x == Approx(p.vertices()[0].x).margin(1e-12));
    CHECK(p.vertices()[10].y == Approx(p.vertices()[0].y).margin(1e-12));
    // Top point of the first star: radius 1/3 of a 1/6 cell above (0, 0).
    CHECK(p.vertices()[0].y == Approx(1.0 / 18));
  }
  SECTION("shapes stay within the square plus one shape radius") {
    struct Case {
      const char* hatch;
      double radius;
    };
    for (const Case c :
         {Case{"o", 0.2 / 6}, Case{"O", 0.35 / 6}, Case{".", 0.1 / 6}, Case{"*", 1.0 / 18}}) {
      INFO("hatch " << c.hatch);
      const Extent e = extent(hatch_path(c.hatch, 6));
      // Bezier control points of circles lie slightly outside the circle: allow 5%.
      const double tol = c.radius * 1.05;
      CHECK(e.xmin >= -tol);
      CHECK(e.ymin >= -tol);
      CHECK(e.xmax <= 1 + tol);
      CHECK(e.ymax <= 1 + tol);
      CHECK(e.xmin < 0.0);  // shapes are centred on the edges too, so they overshoot
    }
  }
}

TEST_CASE("hatch: families come in matplotlib's fixed order", "[hatch]") {
  // Horizontal, vertical, north-east, south-east, o, O, ., * whatever the string's order.
  const Path a = hatch_path("*.Oo\\/|-", 2);
  const Path b = hatch_path("-|/\\oO.*", 2);
  CHECK(a.vertices() == b.vertices());
  CHECK(a.codes() == b.codes());
  // The first vertices are the horizontal lines.
  CHECK(a.vertices()[0] == Point{0.0, 0.25});
  CHECK(a.vertices()[1] == Point{1.0, 0.25});
}

TEST_CASE("hatch: unknown character throws ValueError naming it and the hatch", "[hatch]") {
  CHECK_THROWS_AS(hatch_path("/q"), strata::ValueError);
  CHECK_THROWS_WITH(hatch_path("/q"),
                    "hatch: unknown pattern character 'q' in \"/q\"; "
                    "expected one of / \\ | - + x o O . *");
  CHECK_THROWS_WITH(hatch_path("x "),
                    "hatch: unknown pattern character ' ' in \"x \"; "
                    "expected one of / \\ | - + x o O . *");
  // Non-printable bytes are escaped in the message.
  CHECK_THROWS_WITH(hatch_path(std::string("/\x01", 2)),
                    "hatch: unknown pattern character '\\x01' in \"/\\x01\"; "
                    "expected one of / \\ | - + x o O . *");
  CHECK_THROWS_AS(hatch_path("/", -1), strata::ValueError);
}
