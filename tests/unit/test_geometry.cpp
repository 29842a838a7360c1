// SPDX-License-Identifier: MIT
// Path and Bbox: extents (curves included), containment, unit shapes, box algebra.
#include <cmath>
#include <limits>
#include <numbers>

#include "strata/core/path.hpp"
#include "strata/error.hpp"
#include "support/catch.hpp"

using strata::Affine2D;
using strata::Bbox;
using strata::Path;
using strata::PathCode;
using strata::Point;

TEST_CASE("path extents follow curves, not their control points", "[geometry][path]") {
  // A quadratic from (0,0) to (2,0) with control (1,2) peaks at y = 1, not 2.
  const Path quad({{0, 0}, {1, 2}, {2, 0}}, {PathCode::moveto, PathCode::curve3, PathCode::curve3});
  const Bbox q = quad.get_extents();
  CHECK(q.x0 == 0);
  CHECK(q.x1 == 2);
  CHECK(q.y0 == 0);
  CHECK(q.y1 == Approx(1.0).margin(1e-12));
  // The unit circle's Bezier arcs reach exactly +-1.
  const Bbox c = Path::unit_circle().get_extents();
  CHECK(c.x0 == Approx(-1).margin(1e-12));
  CHECK(c.x1 == Approx(1).margin(1e-12));
  CHECK(c.y0 == Approx(-1).margin(1e-12));
  CHECK(c.y1 == Approx(1).margin(1e-12));
  // A cubic with both controls above: max of B(t) = 0.75 * 4 = 3 at t = 0.5.
  const Path cubic({{0, 0}, {0, 4}, {1, 4}, {1, 0}},
                   {PathCode::moveto, PathCode::curve4, PathCode::curve4, PathCode::curve4});
  CHECK(cubic.get_extents().y1 == Approx(3.0).margin(1e-12));
  // Extents after a transform; NaN vertices are skipped; an empty path is null.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Bbox t = Path({{0, 0}, {nan, 5}, {1, 1}}).get_extents(Affine2D().scale(10).translate(1, 2));
  CHECK(t == Bbox{1, 2, 11, 12});
  CHECK(Path().get_extents().is_null());
}

TEST_CASE("contains_point uses the non-zero rule and a picking radius", "[geometry][path]") {
  const Path sq = Path::unit_rectangle();
  CHECK(sq.contains_point({0.5, 0.5}));
  CHECK_FALSE(sq.contains_point({1.5, 0.5}));
  CHECK(sq.contains_point({1.05, 0.5}, {}, 0.1));  // within the radius of the edge
  CHECK(sq.contains_point({5, 5}, Affine2D().scale(10)));
  const Path circle = Path::circle({0, 0}, 2);
  CHECK(circle.contains_point({1.9, 0}));
  CHECK_FALSE(circle.contains_point({1.5, 1.5}));  // inside the box, outside the circle
  // An open polyline is closed for the test, as matplotlib does.
  CHECK(Path({{0, 0}, {4, 0}, {0, 4}}).contains_point({1, 1}));
}

TEST_CASE("unit shapes", "[geometry][path]") {
  const Path hex = Path::unit_regular_polygon(6);
  REQUIRE(hex.size() == 7);
  CHECK(hex.vertices()[0].x == Approx(0).margin(1e-15));  // first vertex at the top
  CHECK(hex.vertices()[0].y == Approx(1));
  CHECK(hex.code(6) == PathCode::closepoly);
  const Path star = Path::unit_regular_star(5, 0.4);
  REQUIRE(star.size() == 11);
  CHECK(std::hypot(star.vertices()[1].x, star.vertices()[1].y) == Approx(0.4));
  CHECK(std::hypot(star.vertices()[2].x, star.vertices()[2].y) == Approx(1.0));
  // A quarter arc stays on the circle and ends where it should.
  const Path arc = Path::arc(0, 90);
  const Point end = arc.vertices().back();
  CHECK(end.x == Approx(0).margin(1e-12));
  CHECK(end.y == Approx(1));
  const Path flat = arc.flattened({}, 1e-4);
  for (const Point& p : flat.vertices()) CHECK(std::hypot(p.x, p.y) == Approx(1).margin(2e-4));
  // A wedge is closed and contains its bisector's midpoint.
  const Path w = Path::wedge(0, 90);
  CHECK(w.contains_point({0.4, 0.4}));
  CHECK_FALSE(w.contains_point({-0.4, 0.4}));
  const Bbox e = Path::ellipse({1, 2}, 4, 2).get_extents();
  CHECK(e.x0 == Approx(-1));
  CHECK(e.x1 == Approx(3));
  CHECK(e.y0 == Approx(1));
  CHECK(e.y1 == Approx(3));
  REQUIRE_THROWS_MATCHES(Path::unit_regular_polygon(2), strata::ValueError,
                         Catch::Message("unit_regular_polygon: num_vertices must be >= 3, got 2"));
  REQUIRE_THROWS_MATCHES(
      Path({{0, 0}, {1, 1}}, {PathCode::moveto}), strata::ValueError,
      Catch::Message("Path: codes has 1 entries but vertices has 2; they must match"));
}

TEST_CASE("Bbox algebra, null boxes and minpos", "[geometry][bbox]") {
  const Bbox a{0, 0, 2, 2}, b{1, 1, 3, 4};
  CHECK(Bbox::union_of(a, b) == Bbox{0, 0, 3, 4});
  CHECK(Bbox::union_of(Bbox::null(), a) == a);
  REQUIRE(Bbox::intersection(a, b).has_value());
  CHECK(*Bbox::intersection(a, b) == Bbox{1, 1, 2, 2});
  CHECK_FALSE(Bbox::intersection(a, Bbox{5, 5, 6, 6}).has_value());
  CHECK(Bbox::null().is_null());
  CHECK(Bbox::from_bounds(1, 2, 3, 4) == Bbox{1, 2, 4, 6});
  Bbox d = Bbox::null();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> xs{-1, 0.5, nan, 3}, ys{2, -4, 7, 0.25};
  d.update_from_data(xs, ys, true);
  CHECK(d == Bbox{-1, -4, 3, 7});
  CHECK(d.minposx == 0.5);   // smallest positive x
  CHECK(d.minposy == 0.25);  // smallest positive y
  // ignore = false grows the box.
  const std::vector<double> x2{10}, y2{-10};
  d.update_from_data(x2, y2, false);
  CHECK(d == Bbox{-1, -10, 10, 7});
}

TEST_CASE("Affine2D composes in matplotlib's order and inverts", "[geometry][affine]") {
  const Affine2D t = Affine2D().scale(2).rotate_deg(90).translate(1, 0);
  const Point p = t.transform({1, 0});  // scale -> (2,0), rotate -> (0,2), move -> (1,2)
  CHECK(p.x == Approx(1));
  CHECK(p.y == Approx(2));
  const Point back = t.inverted().transform(p);
  CHECK(back.x == Approx(1));
  CHECK(back.y == Approx(0).margin(1e-12));
  REQUIRE_THROWS_AS(Affine2D::from_scale(0, 1).inverted(), strata::ValueError);
}
