// SPDX-License-Identifier: MIT
// The data layer (issue 3): Column, DataRef and strata::view, the shape checks, and the
// ArrayContainer, FuncContainer and HistContainer: query/describe agreement, cache keys,
// borrowing, error messages, sampling, and exact chunked histograms.
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "strata/data/array_container.hpp"
#include "strata/data/container.hpp"
#include "strata/data/data_ref.hpp"
#include "strata/data/func_container.hpp"
#include "strata/data/hist_container.hpp"
#include "strata/error.hpp"
#include "strata/transforms/transform.hpp"
#include "support/catch.hpp"

using strata::Column;
using strata::DataRef;
using strata::DType;
using strata::FieldDesc;
using strata::Point;
using strata::QueryResult;
using strata::Size;

namespace {

/// Axes fraction -> data for linear x and y axes with settable limits (affine).
class LinearView final : public strata::Transform {
 public:
  LinearView(double x0, double x1, double y0 = 0.0, double y1 = 1.0)
      : x0_(x0), x1_(x1), y0_(y0), y1_(y1) {}
  void set_xlim(double x0, double x1) {
    x0_ = x0;
    x1_ = x1;
    invalidate(true);
  }
  [[nodiscard]] bool is_affine() const override { return true; }
  [[nodiscard]] bool is_separable() const override { return true; }
  [[nodiscard]] strata::Affine2D get_affine() const override {
    return {x1_ - x0_, 0.0, 0.0, y1_ - y0_, x0_, y0_};
  }

 private:
  double x0_, x1_, y0_, y1_;
};

/// Axes fraction -> data for a log10 x axis and a linear y axis (non-affine).
class LogXView final : public strata::Transform {
 public:
  LogXView(double x0, double x1) : lx0_(std::log10(x0)), lx1_(std::log10(x1)) {}
  void set_xlim(double x0, double x1) {
    lx0_ = std::log10(x0);
    lx1_ = std::log10(x1);
    invalidate();
  }
  [[nodiscard]] bool is_separable() const override { return true; }
  [[nodiscard]] Point transform_non_affine(Point p) const override {
    return {std::pow(10.0, lx0_ + p.x * (lx1_ - lx0_)), p.y};
  }

 private:
  double lx0_, lx1_;
};

/// The message of the strata::ValueError `f` throws ("" if none).
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const strata::ValueError& e) {
    return e.what();
  }
  return "";
}

/// query() agrees with describe(): names, dtypes and the length relations.
void require_agrees(const strata::DataContainer& c, const strata::Transform& t, Size px) {
  const QueryResult r = c.query(t, px);
  REQUIRE_NOTHROW(strata::check_query_result("test", r, c.describe()));
  for (const auto& [name, desc] : c.describe()) {
    REQUIRE(r.columns.contains(name));
    REQUIRE(r.at(name).dtype() == desc.dtype);
  }
  REQUIRE(r.columns.size() == c.describe().size());
}

std::vector<double> normal_samples(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> dist(0.0, 1.0);
  std::vector<double> v(n);
  for (double& x : v) x = dist(rng);
  return v;
}

}  // namespace

// ---------------------------------------------------------------- Column, DataRef, view

TEST_CASE("dtype helpers and Column basics", "[data]") {
  REQUIRE(strata::dtype_size(DType::float64) == 8);
  REQUIRE(strata::dtype_size(DType::int16) == 2);
  REQUIRE(strata::dtype_size(DType::uint8) == 1);
  REQUIRE(std::string(strata::dtype_name(DType::float32)) == "float32");
  REQUIRE(std::string(strata::dtype_name(DType::uint64)) == "uint64");

  const Column c = Column::from_vector({1.0, 2.0, 3.0, 4.0});
  REQUIRE(c.is_contiguous_double());
  REQUIRE(c.owns_data());
  REQUIRE(c.as_span().size() == 4);
  REQUIRE(c[2] == 3.0);
  const Column s = c.slice(1, 2);
  REQUIRE(s.to_vector() == std::vector<double>{2.0, 3.0});
  REQUIRE(error_of([&] { (void)c.slice(3, 2); }) ==
          "Column.slice: elements [3, 5) out of range (size 4)");
  std::vector<double> out(3);
  REQUIRE(error_of([&] { c.copy_to(out, 2); }) ==
          "Column.copy_to: elements [2, 5) out of range (size 4)");
  REQUIRE(Column().empty());
  REQUIRE(Column().to_vector().empty());

  QueryResult r;
  r.columns.emplace("x", c);
  r.columns.emplace("y", c);
  REQUIRE(r.at("x").size() == 4);
  REQUIRE(error_of([&] { (void)r.at("z"); }) == "QueryResult.at: no field 'z' (fields: x, y)");
}

TEST_CASE("DataRef copies by default and keeps the dtype", "[data]") {
  std::vector<double> x = {1.0, 2.0, 3.0};
  const DataRef a = x;  // copy
  x[0] = 100.0;
  REQUIRE(a.column()[0] == 1.0);
  REQUIRE(a.dtype() == DType::float64);
  REQUIRE_FALSE(a.is_view());
  REQUIRE(a.column().data() != x.data());

  const std::vector<float> f = {1.5F, 2.5F};
  REQUIRE(DataRef(f).dtype() == DType::float32);
  REQUIRE(DataRef(f).column()[1] == 2.5);

  const std::array<std::uint8_t, 3> bytes = {1, 2, 255};
  const DataRef b = bytes;
  REQUIRE(b.dtype() == DType::uint8);
  REQUIRE(b.column().to_vector() == std::vector<double>{1, 2, 255});

  const std::vector<int> ints = {-3, 4};
  const DataRef i = std::span<const int>(ints);
  REQUIRE(i.dtype() == DType::int32);
  REQUIRE(i.column()[0] == -3.0);

  const std::vector<long long> ll = {-(1LL << 40), 7};
  REQUIRE(DataRef(ll).dtype() == DType::int64);
  REQUIRE(DataRef(ll).column()[0] == -std::ldexp(1.0, 40));

  const DataRef list = {1, 2, 4};
  REQUIRE(list.column().to_vector() == std::vector<double>{1, 2, 4});

  // An rvalue vector is moved in: its buffer is adopted, not copied.
  std::vector<double> big(1000, 1.0);
  const double* buffer = big.data();
  const DataRef moved = std::move(big);
  REQUIRE(moved.column().data() == buffer);
  REQUIRE_FALSE(moved.is_view());

  // Converts to Column.
  const Column& col = a;
  REQUIRE(col.size() == 3);
}

TEST_CASE("strata::view borrows, contiguous and strided", "[data]") {
  std::vector<double> x = {1.0, 2.0, 3.0};
  const DataRef v = strata::view(x);
  REQUIRE(v.is_view());
  REQUIRE(v.column().data() == x.data());
  x[1] = 20.0;
  REQUIRE(v.column()[1] == 20.0);

  SECTION("strided float32") {
    std::vector<float> interleaved = {0.F, 10.F, 1.F, 11.F, 2.F, 12.F, 3.F, 13.F};
    const DataRef odd = strata::view(interleaved.data() + 1, 4, 2);
    REQUIRE(odd.dtype() == DType::float32);
    REQUIRE(odd.column().stride() == 8);
    REQUIRE(odd.column().to_vector() == std::vector<double>{10, 11, 12, 13});
    interleaved[3] = 42.F;
    REQUIRE(odd.column()[1] == 42.0);
    // A copy of a strided view is contiguous and no longer follows the source.
    const DataRef copied(strata::detail::copy_column(DType::float32, interleaved.data() + 1, 4, 8));
    REQUIRE(copied.column().stride() == 4);
    interleaved[3] = 0.F;
    REQUIRE(copied.column()[1] == 42.0);
  }
  SECTION("strided int16, and backwards") {
    const std::vector<std::int16_t> rows = {1, -2, 3, 4, -5, 6, 7, -8, 9};  // 3x3 row-major
    const DataRef col1 = strata::view(rows.data() + 1, 3, 3);
    REQUIRE(col1.dtype() == DType::int16);
    REQUIRE(col1.column().to_vector() == std::vector<double>{-2, -5, -8});
    const DataRef back = strata::view(rows.data() + 8, 3, -4);  // the diagonal, backwards
    REQUIRE(back.column().to_vector() == std::vector<double>{9, -5, 1});
    const Column tail = col1.column().slice(1, 2);
    REQUIRE(tail.to_vector() == std::vector<double>{-5, -8});
  }
  SECTION("a field of an array of structs") {
    struct P {
      float x, y;
    };
    std::vector<P> pts = {{1, 2}, {3, 4}, {5, 6}};
    const DataRef ys = strata::view(&pts[0].y, pts.size(), 2);
    REQUIRE(ys.column().to_vector() == std::vector<double>{2, 4, 6});
  }
  SECTION("a span is borrowed too; null data is rejected") {
    const std::span<const double> s(x);
    REQUIRE(strata::view(s).column().data() == x.data());
    const double* null = nullptr;
    REQUIRE(error_of([&] { (void)strata::view(null, 3); }) ==
            "strata::view: data is null but count is 3");
  }
}

// ---------------------------------------------------------------- shape relations

TEST_CASE("check_lengths applies the shape relations", "[data]") {
  using M = std::map<std::string, FieldDesc>;
  using L = std::map<std::string, std::size_t>;
  const M xy = {{"x", {}}, {"y", {}}};
  REQUIRE_NOTHROW(strata::check_lengths("t", xy, L{{"x", 5}, {"y", 5}}));
  REQUIRE(error_of([&] {
            strata::check_lengths("t", xy, L{{"x", 5}, {"y", 4}});
          }) == "t: field 'y' has 4 values but 'x' has 5");

  const M hist = {{"edges", {.shape = "N+1"}}, {"counts", {.shape = "N"}}};
  REQUIRE_NOTHROW(strata::check_lengths("t", hist, L{{"edges", 11}, {"counts", 10}}));
  REQUIRE(error_of([&] {
            strata::check_lengths("t", hist, L{{"edges", 10}, {"counts", 10}});
          }) == "t: field 'edges' (shape 'N+1') has 10 values but 'counts' (shape 'N') has 10");
  REQUIRE(error_of([&] {
            strata::check_lengths("t", M{{"e", {.shape = "N+1"}}}, L{{"e", 0}});
          }) == "t: field 'e' has 0 values, too few for its shape 'N+1'");

  const M fixed = {{"rgba", {.shape = "4"}}};
  REQUIRE_NOTHROW(strata::check_lengths("t", fixed, L{{"rgba", 4}}));
  REQUIRE(error_of([&] {
            strata::check_lengths("t", fixed, L{{"rgba", 3}});
          }) == "t: field 'rgba' has 3 values but its shape is '4'");

  const M grid = {{"x", {.shape = "M"}}, {"y", {.shape = "N"}}, {"z", {.shape = "N,M"}}};
  REQUIRE_NOTHROW(strata::check_lengths("t", grid, L{{"x", 4}, {"y", 3}, {"z", 12}}));
  REQUIRE(error_of([&] {
            strata::check_lengths("t", grid, L{{"x", 4}, {"y", 3}, {"z", 11}});
          }) ==
          "t: field 'z' has 11 values but its shape 'N,M' needs 12 (N=3 from 'y', M=4 from 'x')");
  // One unknown symbol is solved from the 2-D field.
  REQUIRE_NOTHROW(strata::check_lengths("t", M{{"z", {.shape = "N,M"}}, {"y", {.shape = "N"}}},
                                        L{{"z", 12}, {"y", 3}}));

  REQUIRE(error_of([] { strata::check_shape_syntax("t", "f", "N+"); }) ==
          "t: field 'f' has invalid shape 'N+' (missing integer; expected e.g. 'N', 'N+1', '3' "
          "or 'N,M')");
  REQUIRE_NOTHROW(strata::check_shape_syntax("t", "f", "N - 1"));
  REQUIRE_THROWS_AS(strata::check_shape_syntax("t", "f", "+1"), strata::ValueError);
  REQUIRE_THROWS_AS(strata::check_shape_syntax("t", "f", "N*2"), strata::ValueError);
  REQUIRE_THROWS_AS(strata::check_shape_syntax("t", "f", "N,"), strata::ValueError);
}

// ---------------------------------------------------------------- ArrayContainer

TEST_CASE("ArrayContainer rejects mismatched lengths at construction", "[data]") {
  const std::vector<double> x(100, 1.0), y(99, 2.0);
  REQUIRE(error_of([&] {
            strata::ArrayContainer c({{"x", x}, {"y", y}});
          }) == "ArrayContainer: field 'y' has 99 values but 'x' has 100");

  // "N+1" relations through the shapes map.
  const std::vector<double> edges(11), values(10), bad_edges(10);
  const strata::ArrayContainer steps(
      std::map<std::string, DataRef>{{"edges", edges}, {"values", values}}, {{"edges", "N+1"}});
  REQUIRE(steps.describe().at("edges").shape == "N+1");
  REQUIRE(steps.describe().at("values").shape == "N");
  require_agrees(steps, LinearView(0.0, 1.0), {100, 100});
  REQUIRE(error_of([&] {
            strata::ArrayContainer c(
                std::map<std::string, DataRef>{{"edges", bad_edges}, {"values", values}},
                {{"edges", "N+1"}});
          }) ==
          "ArrayContainer: field 'edges' (shape 'N+1') has 10 values but 'values' (shape "
          "'N') has 10");
  REQUIRE(error_of([&] {
            strata::ArrayContainer c(std::map<std::string, DataRef>{{"x", x}}, {{"w", "N"}});
          }) == "ArrayContainer: shapes names field 'w' that is not given (fields: x)");
}

TEST_CASE("ArrayContainer query, describe, keys, update", "[data]") {
  const LinearView view(0.0, 10.0);
  const std::vector<double> x = {0, 1, 2, 3};
  const std::vector<float> y = {5, 6, 7, 8};
  strata::ArrayContainer c{{"x", x}, {"y", y}};
  const auto desc = c.describe();
  REQUIRE(desc.at("x") == FieldDesc{DType::float64, "N"});
  REQUIRE(desc.at("y") == FieldDesc{DType::float32, "N"});
  require_agrees(c, view, {400, 300});

  const QueryResult r1 = c.query(view, {400, 300});
  REQUIRE(r1.key.parts == std::vector<std::uint64_t>{c.id(), 0});
  // No copy: the returned column is the stored one.
  REQUIRE(r1.at("x").data() == c.column("x").data());
  // The arguments are ignored: another view or size gives the same key.
  const LinearView other(-5.0, 5.0);
  REQUIRE(c.query(other, {10, 10}).key == r1.key);
  REQUIRE(c.query(view, {400, 300}).key == r1.key);
  // Two containers never share keys.
  strata::ArrayContainer c2{{"x", x}, {"y", y}};
  REQUIRE(c2.query(view, {400, 300}).key != r1.key);

  SECTION("update renews the key and replaces the values") {
    c.update({{"y", std::vector<double>{1, 1, 1, 1}}});
    const QueryResult r2 = c.query(view, {400, 300});
    REQUIRE(r2.key != r1.key);
    REQUIRE(c.generation() == 1);
    REQUIRE(r2.at("y")[0] == 1.0);
    REQUIRE(c.describe().at("y").dtype == DType::float64);  // dtype follows the new data
    require_agrees(c, view, {400, 300});
    // The old snapshot still holds its own data.
    REQUIRE(r1.at("y")[0] == 5.0);
  }
  SECTION("update rejects unknown fields, with nothing changed") {
    REQUIRE(error_of([&] {
              c.update({{"y", y}, {"z", x}});
            }) == "ArrayContainer.update: unknown field 'z' (fields: x, y)");
    REQUIRE(c.query(view, {400, 300}).key == r1.key);
    REQUIRE(c.generation() == 0);
  }
  SECTION("update rejects mismatched lengths, with nothing changed") {
    REQUIRE(error_of([&] {
              c.update({{"x", std::vector<double>{1, 2, 3}}});
            }) == "ArrayContainer.update: field 'y' has 4 values but 'x' has 3");
    REQUIRE(c.query(view, {400, 300}).at("x").size() == 4);
    REQUIRE(c.query(view, {400, 300}).key == r1.key);
    // Both at once is fine.
    c.update({{"x", std::vector<double>{1, 2, 3}}, {"y", std::vector<double>{4, 5, 6}}});
    REQUIRE(c.query(view, {400, 300}).at("y").size() == 3);
  }
  SECTION("unknown column") {
    REQUIRE(error_of([&] { (void)c.column("q"); }) ==
            "ArrayContainer.column: unknown field 'q' (fields: x, y)");
  }
}

TEST_CASE("ArrayContainer: view() borrows, the default copies", "[data]") {
  const LinearView view(0.0, 1.0);
  std::vector<double> x = {1, 2, 3};
  std::vector<double> y = {4, 5, 6};
  strata::ArrayContainer borrowed{{"x", strata::view(x)}, {"y", strata::view(y)}};
  strata::ArrayContainer copied{{"x", x}, {"y", y}};
  const auto key = borrowed.query(view, {100, 100}).key;
  y[0] = -4.0;
  REQUIRE(borrowed.query(view, {100, 100}).at("y")[0] == -4.0);
  REQUIRE(copied.query(view, {100, 100}).at("y")[0] == 4.0);
  // After changing borrowed memory the caller renews the key.
  borrowed.mark_changed();
  REQUIRE(borrowed.query(view, {100, 100}).key != key);
}

// ---------------------------------------------------------------- FuncContainer

TEST_CASE("FuncContainer samples the visible range and caches", "[data]") {
  int evaluations = 0;
  strata::FuncContainer f([&](double x) {
    ++evaluations;
    return 2.0 * x;
  });
  LinearView view(0.0, 10.0);
  require_agrees(f, view, {100, 50});
  evaluations = 0;
  view.set_xlim(0.0, 10.0);  // a new version: the next query re-samples

  const QueryResult r1 = f.query(view, {100, 50});
  REQUIRE(evaluations == 201);  // 2 samples per pixel: 200 intervals, 201 points
  const Column& x = r1.at("x");
  REQUIRE(x.size() == 201);
  REQUIRE(x[0] == 0.0);
  REQUIRE(x[200] == 10.0);
  REQUIRE(x[100] == Approx(5.0));
  REQUIRE(r1.at("y")[200] == 20.0);
  for (std::size_t i = 1; i < x.size(); ++i) REQUIRE(x[i] - x[i - 1] == Approx(0.05));

  SECTION("an unchanged view is a cache hit: nothing is evaluated") {
    const QueryResult r2 = f.query(view, {100, 50});
    REQUIRE(r2.key == r1.key);
    REQUIRE(evaluations == 201);
    REQUIRE(r2.at("y").data() == r1.at("y").data());
  }
  SECTION("pan changes the key and re-samples") {
    view.set_xlim(5.0, 15.0);
    const QueryResult r2 = f.query(view, {100, 50});
    REQUIRE(r2.key != r1.key);
    REQUIRE(evaluations == 402);
    REQUIRE(r2.at("x")[0] == 5.0);
    REQUIRE(r2.at("x")[200] == 15.0);
  }
  SECTION("pixel size changes the key") {
    const QueryResult wider = f.query(view, {200, 50});
    REQUIRE(wider.key != r1.key);
    REQUIRE(wider.at("x").size() == 401);
    const QueryResult taller = f.query(view, {100, 80});
    REQUIRE(taller.key != r1.key);
    REQUIRE(taller.key != wider.key);
  }
  SECTION("linear and log views give different keys; log samples are log-spaced") {
    LinearView lin(1.0, 1000.0);
    LogXView logv(1.0, 1000.0);
    const QueryResult rl = f.query(lin, {100, 50});
    const QueryResult rg = f.query(logv, {100, 50});
    REQUIRE(rl.key != rg.key);
    const Column& lx = rg.at("x");
    REQUIRE(lx.size() == 201);
    REQUIRE(lx[0] == Approx(1.0));
    REQUIRE(lx[200] == Approx(1000.0));
    REQUIRE(lx[100] == Approx(std::sqrt(1000.0)));
    for (std::size_t i = 1; i < lx.size(); ++i) {
      REQUIRE(std::log10(lx[i]) - std::log10(lx[i - 1]) == Approx(3.0 / 200.0));
    }
    // Going back to the linear view is not a stale log result.
    REQUIRE(f.query(lin, {100, 50}).at("x")[100] == Approx(500.5));
  }
}

TEST_CASE("FuncContainer with several outputs, and errors", "[data]") {
  const LinearView view(0.0, 3.14);
  strata::FuncContainer f(std::map<std::string, strata::FuncContainer::Function>{
      {"sin", [](double x) { return std::sin(x); }},
      {"cos", [](double x) { return std::cos(x); }}});
  const auto desc = f.describe();
  REQUIRE(desc.size() == 3);
  REQUIRE(desc.contains("x"));
  REQUIRE(desc.contains("sin"));
  REQUIRE(desc.contains("cos"));
  require_agrees(f, view, {50, 50});
  const QueryResult r = f.query(view, {50, 50});
  REQUIRE(r.at("cos")[0] == 1.0);
  REQUIRE(r.at("sin")[50] == Approx(std::sin(r.at("x")[50])));

  REQUIRE(error_of([] {
            strata::FuncContainer g(std::map<std::string, strata::FuncContainer::Function>{
                {"x", [](double v) { return v; }}});
          }) == "FuncContainer: output name 'x' is reserved or empty");
  REQUIRE(error_of([] { strata::FuncContainer g(strata::FuncContainer::Function{}); }) ==
          "FuncContainer: function 'y' is empty");
  REQUIRE(error_of([] {
            strata::FuncContainer g([](double v) { return v; }, {.samples_per_pixel = 0.0});
          }) == "FuncContainer: samples_per_pixel must be finite and > 0, got 0");
  REQUIRE(error_of([&] {
            (void)f.query(view, {-1, 10});
          }) == "FuncContainer.query: pixels must be finite and >= 0, got -1 x 10");
  // Zero-sized axes still get min_samples intervals.
  REQUIRE(f.query(view, {0, 0}).at("x").size() == 3);
}

TEST_CASE("FuncContainer parametric curves", "[data]") {
  int evaluations = 0;
  const auto circle = [&](double t) {
    ++evaluations;
    return Point{std::cos(t), std::sin(t)};
  };
  const double two_pi = 2.0 * std::acos(-1.0);
  const LinearView view(-1.0, 1.0);
  const LinearView other(-5.0, 5.0);

  SECTION("fixed sample count: the view does not matter") {
    strata::FuncContainer c(circle, 0.0, two_pi, {.samples = 101});
    require_agrees(c, view, {300, 300});
    REQUIRE(c.describe().size() == 3);
    evaluations = 0;
    const QueryResult r = c.query(view, {300, 300});
    REQUIRE(evaluations == 0);  // cached by require_agrees' query
    REQUIRE(r.at("t").size() == 101);
    REQUIRE(r.at("t")[100] == two_pi);
    for (std::size_t i = 0; i < 101; ++i) {
      REQUIRE(r.at("x")[i] * r.at("x")[i] + r.at("y")[i] * r.at("y")[i] == Approx(1.0));
    }
    REQUIRE(c.query(other, {10, 10}).key == r.key);
    REQUIRE(evaluations == 0);
  }
  SECTION("adaptive: 2 samples per pixel of width") {
    strata::FuncContainer c(circle, 0.0, two_pi);
    const QueryResult r = c.query(view, {150, 300});
    REQUIRE(r.at("t").size() == 301);
    REQUIRE(evaluations == 301);
    REQUIRE(c.query(other, {150, 10}).key == r.key);
    REQUIRE(evaluations == 301);
    const QueryResult wider = c.query(view, {200, 300});
    REQUIRE(wider.key != r.key);
    REQUIRE(wider.at("x").size() == 401);
    require_agrees(c, view, {200, 300});
  }
  REQUIRE(error_of([&] { strata::FuncContainer c(circle, 0.0, 1.0, {.samples = 1}); }) ==
          "FuncContainer: samples must be >= 2, got 1");
}

// ---------------------------------------------------------------- HistContainer

TEST_CASE("Histogram follows numpy.histogram", "[data]") {
  SECTION("equal bins, hand-computed") {
    // np.histogram([0, .5, 1, 1.5, 2, 2.5, 3, 3, -1, 4, nan], 3, (0, 3)) -> [2, 2, 4]
    auto h = strata::Histogram::uniform(0.0, 3.0, 3);
    h.add(Column::from_vector({0, 0.5, 1, 1.5, 2, 2.5, 3, 3, -1, 4, std::nan("")}));
    REQUIRE(h.edges() == std::vector<double>{0, 1, 2, 3});
    REQUIRE(h.counts() == std::vector<double>{2, 2, 4});
  }
  SECTION("rounded edges decide, as in numpy") {
    // linspace(0, 1, 11)[3] == 0.30000000000000004 > 0.3, so 0.3 falls in bin 2.
    auto h = strata::Histogram::uniform(0.0, 1.0, 10);
    h.add(Column::from_vector({0.3, 1.0, 0.0}));
    REQUIRE(h.counts()[2] == 1.0);
    REQUIRE(h.counts()[3] == 0.0);
    REQUIRE(h.counts()[9] == 1.0);
    REQUIRE(h.counts()[0] == 1.0);
  }
  SECTION("explicit uneven edges, and weights") {
    strata::Histogram h({0, 1, 10, 100});
    h.add(Column::from_vector({0.5, 1, 5, 10, 50, 100, 150}));
    REQUIRE(h.counts() == std::vector<double>{1, 2, 3});
    strata::Histogram w({0, 1, 10, 100});
    w.add(Column::from_vector({0.5, 5, 50}), Column::from_vector({2, 3, 0.5}));
    REQUIRE(w.counts() == std::vector<double>{2, 3, 0.5});
    REQUIRE(error_of([&] {
              w.add(Column::from_vector({1, 2}), Column::from_vector({1}));
            }) == "Histogram.add: weights has 1 values but samples has 2");
  }
  SECTION("density integrates to 1") {
    strata::Histogram h({-4, -1, -0.5, 0, 0.1, 2, 4});
    h.add(DataRef(normal_samples(10000, 7)));
    const auto d = h.density();
    double integral = 0.0;
    for (std::size_t i = 0; i < d.size(); ++i) integral += d[i] * (h.edges()[i + 1] - h.edges()[i]);
    REQUIRE(integral == Approx(1.0).epsilon(1e-12));
    REQUIRE(strata::Histogram::uniform(0, 1, 4).density() == std::vector<double>(4, 0.0));
  }
  SECTION("bad arguments") {
    REQUIRE(error_of([] {
              strata::Histogram h({0, 1, 1, 2});
            }) ==
            "Histogram: edges must increase monotonically, but edges[2] = 1 after edges[1] = 1");
    REQUIRE(error_of([] { (void)strata::Histogram::uniform(0, 1, 0); }) ==
            "Histogram.uniform: bins must be >= 1, got 0");
    REQUIRE(error_of([] { (void)strata::Histogram::uniform(2, 1, 3); }) ==
            "Histogram.uniform: range (2, 1): max must be larger than min");
    auto a = strata::Histogram::uniform(0, 1, 10);
    REQUIRE(error_of([&] { a.merge(strata::Histogram::uniform(0, 1, 12)); }) ==
            "Histogram.merge: bin edges differ (10 bins over [0, 1] vs 12 bins over [0, 1])");
    REQUIRE(strata::Histogram::uniform(2, 2, 1).edges() == std::vector<double>{1.5, 2.5});
  }
}

TEST_CASE("Chunked histograms merge to exactly the whole", "[data]") {
  const std::vector<double> all = normal_samples(1'000'000, 42);
  const std::size_t chunk = all.size() / 10;
  const std::span<const double> s(all);

  auto whole = strata::Histogram::uniform(-5.0, 5.0, 100);
  whole.add(strata::view(all));
  auto merged = strata::Histogram::uniform(-5.0, 5.0, 100);
  for (std::size_t k = 0; k < 10; ++k) {
    auto part = strata::Histogram::uniform(-5.0, 5.0, 100);
    part.add(strata::view(s.subspan(k * chunk, chunk)));
    merged.merge(part);
  }
  REQUIRE(merged.counts() == whole.counts());
  double total = 0.0;
  for (double c : whole.counts()) total += c;
  REQUIRE(total > 999'000.0);  // a few samples beyond 5 sigma at most

  // Through the container: chunks arriving with accumulate(), over the visible range, with
  // queries in between (incremental binning), equal one container holding everything.
  const LinearView view(-3.0, 3.0);
  strata::HistContainer whole_c(strata::view(all), {.bins = 60});
  strata::HistContainer chunked(strata::view(s.subspan(0, chunk)), {.bins = 60});
  const auto first_key = chunked.query(view, {400, 300}).key;
  for (std::size_t k = 1; k < 10; ++k) {
    chunked.accumulate(strata::view(s.subspan(k * chunk, chunk)));
    if (k == 5) REQUIRE(chunked.query(view, {400, 300}).key != first_key);
  }
  REQUIRE(chunked.query(view, {400, 300}).at("counts").to_vector() ==
          whole_c.query(view, {400, 300}).at("counts").to_vector());
  REQUIRE(chunked.query(view, {400, 300}).at("edges").to_vector() ==
          whole_c.query(view, {400, 300}).at("edges").to_vector());
}

TEST_CASE("HistContainer query, describe and keys", "[data]") {
  const std::vector<double> samples = {0, 0.5, 1, 1.5, 2, 2.5, 3, 3, -1, 4};
  LinearView view(0.0, 3.0);

  SECTION("default range: the visible x range") {
    strata::HistContainer h(samples, {.bins = 3});
    REQUIRE(h.describe().at("edges") == FieldDesc{DType::float64, "N+1"});
    REQUIRE(h.describe().at("counts") == FieldDesc{DType::float64, "N"});
    require_agrees(h, view, {300, 200});
    const QueryResult r = h.query(view, {300, 200});
    REQUIRE(r.at("edges").to_vector() == std::vector<double>{0, 1, 2, 3});
    REQUIRE(r.at("counts").to_vector() == std::vector<double>{2, 2, 4});
    // An unchanged view is a hit (the cached columns come back).
    const QueryResult again = h.query(view, {300, 200});
    REQUIRE(again.key == r.key);
    REQUIRE(again.at("counts").data() == r.at("counts").data());
    // Pan: new range, new key, new bins.
    view.set_xlim(1.0, 4.0);
    const QueryResult panned = h.query(view, {300, 200});
    REQUIRE(panned.key != r.key);
    REQUIRE(panned.at("edges").to_vector() == std::vector<double>{1, 2, 3, 4});
    REQUIRE(panned.at("counts").to_vector() == std::vector<double>{2, 2, 3});
    // Bins change the key.
    h.set_bins(6);
    const QueryResult six = h.query(view, {300, 200});
    REQUIRE(six.key != panned.key);
    REQUIRE(six.at("counts").size() == 6);
    require_agrees(h, view, {300, 200});
  }
  SECTION("a fixed range ignores the view; setting it changes the key") {
    strata::HistContainer h(samples, {.bins = 3, .range = std::pair{0.0, 3.0}});
    const QueryResult r = h.query(view, {300, 200});
    view.set_xlim(-100.0, 100.0);
    REQUIRE(h.query(view, {300, 200}).key == r.key);
    REQUIRE(r.at("counts").to_vector() == std::vector<double>{2, 2, 4});
    h.set_range(std::pair{0.0, 6.0});
    const QueryResult r2 = h.query(view, {300, 200});
    REQUIRE(r2.key != r.key);
    REQUIRE(r2.at("counts").to_vector() == std::vector<double>{4, 4, 1});
    require_agrees(h, view, {300, 200});
  }
  SECTION("explicit edges, density") {
    strata::HistContainer h(samples, {.edges = {0, 1, 3}, .density = true});
    require_agrees(h, view, {300, 200});
    const QueryResult r = h.query(view, {300, 200});
    const auto d = r.at("counts").to_vector();
    // counts 2 and 6 of 8: densities 2/8/1 and 6/8/2.
    REQUIRE(d == std::vector<double>{0.25, 0.375});
    REQUIRE(d[0] * 1.0 + d[1] * 2.0 == 1.0);
    h.set_density(false);
    REQUIRE(h.query(view, {300, 200}).key != r.key);
    REQUIRE(h.query(view, {300, 200}).at("counts").to_vector() == std::vector<double>{2, 6});
  }
  SECTION("weights") {
    const std::vector<double> w(samples.size(), 0.5);
    strata::HistContainer h(samples, {.bins = 3, .range = std::pair{0.0, 3.0}, .weights = w});
    REQUIRE(h.query(view, {1, 1}).at("counts").to_vector() == std::vector<double>{1, 1, 2});
    REQUIRE(error_of([&] {
              h.accumulate(std::vector<double>{1, 2}, std::vector<double>{1});
            }) == "HistContainer.accumulate: weights has 1 values but samples has 2");
    REQUIRE(error_of([&] {
              strata::HistContainer bad(samples, {.weights = std::vector<double>{1}});
            }) == "HistContainer: weights has 1 values but samples has 10");
  }
  SECTION("a log view gives log-spaced bins and a different key than a linear one") {
    strata::HistContainer h(std::vector<double>{1.5, 20, 30, 500, 999}, {.bins = 3});
    LinearView lin(1.0, 1000.0);
    LogXView logv(1.0, 1000.0);
    const QueryResult rl = h.query(lin, {300, 200});
    const QueryResult rg = h.query(logv, {300, 200});
    REQUIRE(rl.key != rg.key);
    const auto e = rg.at("edges").to_vector();
    REQUIRE(e.size() == 4);
    REQUIRE(e[0] == 1.0);
    REQUIRE(e[1] == Approx(10.0));
    REQUIRE(e[2] == Approx(100.0));
    REQUIRE(e[3] == 1000.0);
    REQUIRE(rg.at("counts").to_vector() == std::vector<double>{1, 2, 2});
    REQUIRE(rl.at("counts").to_vector() ==
            std::vector<double>{3, 1, 1});  // edges 1, 334, 667, 1000
    require_agrees(h, logv, {300, 200});
  }
  SECTION("bad options") {
    REQUIRE(error_of([&] { strata::HistContainer h(samples, {.bins = 0}); }) ==
            "HistContainer: bins must be >= 1, got 0");
    REQUIRE(
        error_of([&] {
          strata::HistContainer h(samples, {.edges = {1, 0}});
        }) ==
        "HistContainer: edges must increase monotonically, but edges[1] = 0 after edges[0] = 1");
    strata::HistContainer h(samples);
    LinearView nan_view(std::nan(""), 1.0);
    REQUIRE(error_of([&] {
              (void)h.query(nan_view, {1, 1});
            }) == "HistContainer.query: the visible x range (nan, nan) is not finite");
  }
}
