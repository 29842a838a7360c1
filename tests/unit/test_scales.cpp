// SPDX-License-Identifier: MIT
// Axis scales: formulas, exact inverses, masking and clipping, argument checks.
#include <cmath>
#include <numbers>
#include <vector>

#include "strata/error.hpp"
#include "strata/transforms/scale.hpp"
#include "strata/transforms/transforms.hpp"
#include "support/catch.hpp"

using namespace strata;

namespace {

// Forward then inverse, and inverse then forward, of every value in `values`, on x and y.
void check_round_trip(const ScaleBase& scale, const std::vector<double>& values,
                      double rel = 1e-12) {
  const TransformPtr fwd = scale.get_transform();
  const TransformPtr inv = fwd->inverted();
  for (double v : values) {
    INFO(scale.name() << " value " << v);
    const Point there = fwd->transform({v, v});
    const Point back = inv->transform(there);
    CHECK(back.x == Approx(v).epsilon(rel).margin(rel));
    CHECK(back.y == Approx(v).epsilon(rel).margin(rel));
    // And the inverse of the inverse is the forward function again.
    const Point again = inv->inverted()->transform({v, v});
    CHECK(again.x == Approx(there.x).epsilon(rel).margin(rel));
  }
}

}  // namespace

TEST_CASE("scale names and transforms", "[scales]") {
  LinearScale lin;
  CHECK(lin.name() == "linear");
  CHECK(lin.get_transform()->is_affine());
  CHECK(lin.get_transform()->transform({3, 4}) == Point{3, 4});
  LogScale log;
  CHECK(log.name() == "log");
  CHECK(log.base() == 10);
  CHECK(log.get_transform() == log.get_transform());  // the same node each time
  for (const ScaleBase* s : std::vector<const ScaleBase*>{&log}) {
    CHECK_FALSE(s->get_transform()->is_affine());
    CHECK(s->get_transform()->is_separable());
  }
  CHECK(SymmetricalLogScale().name() == "symlog");
  CHECK(LogitScale().name() == "logit");
  CHECK(FuncScale([](double x) { return x; }, [](double x) { return x; }).name() == "function");
  for (std::string_view name : get_scale_names()) CHECK(scale_factory(name)->name() == name);
  CHECK_THROWS_WITH(
      scale_factory("loglog"),
      "scale_factory: scale must be one of 'linear', 'log', 'symlog', 'logit', got 'loglog'");
  CHECK_THROWS_AS(scale_factory("function"), ValueError);
}

TEST_CASE("log scale: values and round trips for bases 2, 10, e and 3", "[scales]") {
  const std::vector<double> values = {1e-300, 1e-5, 0.3, 1, 2, 7.5, 1024, 1e8, 1e300};
  for (double base : {2.0, 10.0, std::numbers::e, 3.0}) {
    LogScale s({.base = base});
    check_round_trip(s, values);
    const TransformPtr t = s.get_transform();
    CHECK(t->transform({base * base, 1 / base}).x == Approx(2));
    CHECK(t->transform({base * base, 1 / base}).y == Approx(-1));
  }
  const TransformPtr t10 = LogScale().get_transform();
  CHECK(t10->transform({1000, 1e-3}).x == Approx(3));
  CHECK(t10->transform({1000, 1e-3}).y == Approx(-3));
  Point pts[] = {{100, 0.01}, {1, 10}};
  t10->transform_points(pts);
  CHECK(pts[0].x == Approx(2));
  CHECK(pts[0].y == Approx(-2));
  CHECK(pts[1].x == Approx(0).margin(1e-15));
  CHECK(pts[1].y == Approx(1));
}

TEST_CASE("log scale: non-positive values are clipped or masked", "[scales]") {
  const TransformPtr clip = LogScale({.nonpositive = "clip"}).get_transform();
  CHECK(clip->transform({0, -5}) == Point{-1000, -1000});
  CHECK(std::isnan(clip->transform({std::nan(""), 1}).x));
  const TransformPtr mask = LogScale({.base = 2, .nonpositive = "mask"}).get_transform();
  const Point m = mask->transform({0, -5});
  CHECK(std::isnan(m.x));
  CHECK(std::isnan(m.y));
  CHECK(mask->transform({8, 0.5}) == Point{3, -1});
  // Clipped values stay finite through the inverse (the drawing code keeps them).
  CHECK(clip->inverted()->transform({-1000, 0}).x == 0);

  LogScale s;
  auto r = s.limit_range_for_scale(-1, 100, 0.5);
  CHECK(r.first == 0.5);
  CHECK(r.second == 100);
  r = s.limit_range_for_scale(-1, 0, std::numeric_limits<double>::infinity());
  CHECK(r.first == 1e-300);
  CHECK(r.second == 1e-300);
}

TEST_CASE("symlog scale: matplotlib's formulas and round trips", "[scales]") {
  SymmetricalLogScale s({.base = 10, .linthresh = 2, .linscale = 1});
  const TransformPtr t = s.get_transform();
  const double adj = 1.0 / (1.0 - 0.1);
  CHECK(t->transform({1, -1}).x == Approx(adj));
  CHECK(t->transform({1, -1}).y == Approx(-adj));
  CHECK(t->transform({20, -200}).x == Approx(2 * (adj + 1)));
  CHECK(t->transform({20, -200}).y == Approx(-2 * (adj + 2)));
  CHECK(t->transform({2, 0}).x == Approx(2 * adj));  // continuous at linthresh
  CHECK(t->transform({2, 0}).y == 0);
  check_round_trip(s, {-1e6, -20, -2, -1.999, -0.5, 0, 1e-9, 0.5, 2, 2.001, 33, 1e6});
  SymmetricalLogScale s2({.base = 2, .linthresh = 0.1, .linscale = 0.3});
  check_round_trip(s2, {-1e3, -0.1, -0.05, 0, 0.05, 0.1, 0.2, 7, 1e3});
  CHECK(std::isnan(t->transform({std::nan(""), 0}).x));
}

TEST_CASE("logit scale: values, masking, clipping and round trips", "[scales]") {
  LogitScale s;
  const TransformPtr t = s.get_transform();
  CHECK(t->transform({0.5, 0.9}).x == Approx(0).margin(1e-15));
  CHECK(t->transform({0.5, 0.9}).y == Approx(std::log10(9.0)));
  for (double bad : {0.0, 1.0, -0.2, 1.5}) {
    INFO(bad);
    CHECK(std::isnan(t->transform({bad, 0.5}).x));
  }
  const TransformPtr clip = LogitScale({.nonpositive = "clip"}).get_transform();
  CHECK(clip->transform({0, 1}) == Point{-1000, 1000});
  CHECK(clip->transform({-3, 7}) == Point{-1000, 1000});
  check_round_trip(s, {1e-12, 1e-6, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-6});
  // The other way round: logistic then logit, within the precision of 1 - p.
  const TransformPtr inv = t->inverted();
  for (double v : {-8.0, -3.0, 0.0, 1.0, 4.0})
    CHECK(t->transform(inv->transform({v, v})).x == Approx(v).margin(1e-7));

  auto r = s.limit_range_for_scale(-1, 2, 0.01);
  CHECK(r.first == 0.01);
  CHECK(r.second == 0.99);
  r = s.limit_range_for_scale(0.2, 0.8, std::numeric_limits<double>::infinity());
  CHECK(r.first == 0.2);
  CHECK(r.second == 0.8);
  r = s.limit_range_for_scale(0, 1, std::numeric_limits<double>::infinity());
  CHECK(r.first == 1e-7);
  CHECK(r.second == 1 - 1e-7);
}

TEST_CASE("function scale: user functions and round trips", "[scales]") {
  FuncScale s([](double x) { return x * x * x; }, [](double y) { return std::cbrt(y); });
  CHECK(s.get_transform()->transform({2, -3}) == Point{8, -27});
  check_round_trip(s, {-10, -1, 0, 0.5, 3, 100});
  FuncScale sq([](double x) { return std::sqrt(x); }, [](double y) { return y * y; });
  check_round_trip(sq, {0, 0.25, 2, 9, 1e6}, 1e-12);
  CHECK_THROWS_AS(FuncScale(nullptr, [](double y) { return y; }), ValueError);
}

TEST_CASE("scales blend into an axes' transScale", "[scales]") {
  LogScale xs;
  LinearScale ys;
  auto trans_scale = blended_transform_factory(xs.get_transform(), ys.get_transform());
  CHECK_FALSE(trans_scale->is_affine());
  CHECK(trans_scale->transform({100, 5}).x == Approx(2));
  CHECK(trans_scale->transform({100, 5}).y == 5);
  CHECK(trans_scale->inverted()->transform({2, 5}).x == Approx(100));
  CHECK(trans_scale->inverted()->transform({2, 5}).y == 5);
}

TEST_CASE("bad scale arguments throw ValueError naming the value", "[scales]") {
  CHECK_THROWS_WITH(LogScale({.base = 1}), "LogScale: base must be > 0 and != 1, got 1");
  CHECK_THROWS_WITH(LogScale({.base = 0}), "LogScale: base must be > 0 and != 1, got 0");
  CHECK_THROWS_WITH(LogScale({.base = -2.5}), "LogScale: base must be > 0 and != 1, got -2.5");
  CHECK_THROWS_AS(LogScale({.base = std::nan("")}), ValueError);
  CHECK_THROWS_WITH(LogScale({.nonpositive = "drop"}),
                    "LogScale: nonpositive must be 'clip' or 'mask', got 'drop'");
  CHECK_THROWS_WITH(LogTransform::make(1), "LogTransform: base must be > 0 and != 1, got 1");
  CHECK_THROWS_WITH(SymmetricalLogScale({.base = 1}),
                    "SymmetricalLogScale: base must be > 1, got 1");
  CHECK_THROWS_WITH(SymmetricalLogScale({.linthresh = 0}),
                    "SymmetricalLogScale: linthresh must be > 0, got 0");
  CHECK_THROWS_WITH(SymmetricalLogScale({.linthresh = -1}),
                    "SymmetricalLogScale: linthresh must be > 0, got -1");
  CHECK_THROWS_WITH(SymmetricalLogScale({.linscale = 0}),
                    "SymmetricalLogScale: linscale must be > 0, got 0");
  CHECK_THROWS_WITH(SymmetricalLogScale({.linscale = -0.5}),
                    "SymmetricalLogScale: linscale must be > 0, got -0.5");
  CHECK_THROWS_WITH(LogitScale({.nonpositive = "zero"}),
                    "LogitScale: nonpositive must be 'clip' or 'mask', got 'zero'");
}
