// SPDX-License-Identifier: MIT
// Artists over StreamingContainers (src/artist/lines_streaming.cpp,
// src/artist/collections_streaming.cpp) and lines plotted with units that follow
// Axis::set_units (src/data/unit_container.cpp): the data-layer issue's "drawn chunk by
// chunk" and "both series still right after switching units", through the artist layer.
#include <any>
#include <cmath>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "strata/artist/axes.hpp"
#include "strata/artist/figure.hpp"
#include "strata/colors/colormap.hpp"
#include "strata/data/array_container.hpp"
#include "strata/data/density_container.hpp"
#include "strata/data/streaming.hpp"
#include "strata/data/unit_container.hpp"
#include "strata/error.hpp"
#include "support/catch.hpp"
#include "support/image_tools.hpp"

using strata::Axes;
using strata::Column;
using strata::FieldDesc;
using strata::Figure;
using strata::Size;

namespace {

/// A stream over (copies of) x, y and optionally c, `chunk` points at a time.
std::shared_ptr<strata::StreamingContainer> stream_of(std::vector<double> x, std::vector<double> y,
                                                      std::size_t chunk,
                                                      std::vector<double> c = {}) {
  auto xs = std::make_shared<const std::vector<double>>(std::move(x));
  auto ys = std::make_shared<const std::vector<double>>(std::move(y));
  auto cs = std::make_shared<const std::vector<double>>(std::move(c));
  std::map<std::string, FieldDesc> fields{{"x", {}}, {"y", {}}};
  if (!cs->empty()) fields.emplace("c", FieldDesc{});
  auto start = [=] {
    return [=, at = std::size_t{0}]() mutable -> std::optional<strata::Chunk> {
      if (at >= xs->size()) return std::nullopt;
      const std::size_t n = std::min(chunk, xs->size() - at);
      auto col = [&](const std::shared_ptr<const std::vector<double>>& v) {
        return Column(strata::DType::float64, v->data() + at, n, sizeof(double), v);
      };
      strata::Chunk ch{{{"x", col(xs)}, {"y", col(ys)}}};
      if (!cs->empty()) ch.columns.emplace("c", col(cs));
      at += n;
      return ch;
    };
  };
  return std::make_shared<strata::StreamingContainer>(
      std::make_shared<strata::GeneratorSource>(start, fields));
}

std::vector<double> walk(std::size_t n, double step) {
  std::vector<double> v(n);
  double y = 0;
  for (std::size_t i = 0; i < n; ++i) {
    y += std::sin(0.37 * static_cast<double>(i)) * step + std::cos(0.011 * static_cast<double>(i));
    v[i] = y;
  }
  return v;
}

std::vector<double> iota(std::size_t n) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<double>(i);
  return v;
}

long peak_rss_kb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

bool reset_peak_rss() {
  std::ofstream f("/proc/self/clear_refs");
  f << "5";
  f.flush();
  return f.good();
}

}  // namespace

TEST_CASE("A streamed line draws as the same line from an array", "[streaming][artists]") {
  const std::vector<double> x = iota(5000);
  const std::vector<double> y = walk(5000, 3.0);
  for (const char* style : {"-", "--"}) {
    Figure a({.figsize = {{4, 3}}, .dpi = 100});
    Figure b({.figsize = {{4, 3}}, .dpi = 100});
    Axes& aa = a.add_subplot(1, 1, 1);
    Axes& ab = b.add_subplot(1, 1, 1);
    aa.plot(x, y, style, {.marker = "o", .markersize = 2});
    strata::Line2D& streamed =
        ab.plot(stream_of(x, y, 777), style, {.marker = "o", .markersize = 2});
    // Autoscaling saw every chunk: the same limits as the array line.
    CHECK(ab.get_xlim() == aa.get_xlim());
    CHECK(ab.get_ylim() == aa.get_ylim());
    const auto pa = strata::test::render_rgba(a);
    const auto pb = strata::test::render_rgba(b);
    // Chunks are separate strokes joined at a shared point (caps overlap there) and each is
    // simplified on its own: a few edge pixels differ, the figure does not.
    INFO("style " << style << " rms " << strata::test::rms(pa, pb));
    CHECK(strata::test::blurred_rms(pa, pb) < 0.5);
    CHECK_THROWS_WITH(streamed.get_xdata(), Catch::Contains("streamed"));
  }
}

TEST_CASE("Streamed scatter is pixel-identical to the array scatter", "[streaming][artists]") {
  const std::size_t n = 20000;
  std::vector<double> x(n), y(n), c(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = std::fmod(static_cast<double>(i) * 0.618034, 1.0) * 10 - 3;
    y[i] = std::fmod(static_cast<double>(i) * 0.414214, 1.0) * 4 + 1;
    c[i] = x[i] * y[i];
  }
  SECTION("one color") {
    Figure a({.figsize = {{4, 3}}, .dpi = 100});
    Figure b({.figsize = {{4, 3}}, .dpi = 100});
    Axes& aa = a.add_subplot(1, 1, 1);
    Axes& ab = b.add_subplot(1, 1, 1);
    aa.scatter(x, y, {.s = {4.0}, .alpha = 0.5});
    ab.scatter(stream_of(x, y, 3001), {.s = {4.0}, .alpha = 0.5});
    CHECK(ab.get_xlim() == aa.get_xlim());
    CHECK(ab.get_ylim() == aa.get_ylim());
    CHECK(strata::test::rms(strata::test::render_rgba(a), strata::test::render_rgba(b)) == 0.0);
  }
  SECTION("values mapped through a norm scaled over the whole stream") {
    Figure a({.figsize = {{4, 3}}, .dpi = 100});
    Figure b({.figsize = {{4, 3}}, .dpi = 100});
    Axes& aa = a.add_subplot(1, 1, 1);
    Axes& ab = b.add_subplot(1, 1, 1);
    strata::PathCollection& ca = aa.scatter(x, y, {.s = {4.0}, .c = c});
    strata::PathCollection& cb = ab.scatter(stream_of(x, y, 3001, c), {.s = {4.0}});
    const auto pb = strata::test::render_rgba(b);
    // The first chunk alone has a smaller range than the whole stream.
    CHECK(cb.get_clim() == ca.get_clim());
    CHECK(strata::test::rms(strata::test::render_rgba(a), pb) == 0.0);
  }
}

TEST_CASE("Drawing a streamed scatter keeps memory independent of N",
          "[streaming][artists][memory]") {
  // 1e6 and 1e7 pixel markers drawn through the artist layer: the peak RSS growth of the
  // draw must not depend on N (1e7 points as float64 pairs would take 160 MB).
  const bool can_reset = reset_peak_rss();
  if (!can_reset) WARN("cannot reset VmHWM (/proc/self/clear_refs); measuring growth only");
  auto growth_kb = [&](std::size_t n) {
    Figure fig({.figsize = {{8, 6}}, .dpi = 100});
    Axes& ax = fig.add_subplot(1, 1, 1);
    auto src = std::make_shared<strata::UniformPointsSource>(
        strata::UniformPointsOptions{.count = n, .seed = 3});
    ax.scatter(std::make_shared<strata::StreamingContainer>(src), {.s = {1.0}, .marker = ","});
    ax.set_xlim(0, 1);
    ax.set_ylim(0, 1);
    (void)fig.to_bytes("png");  // canvas and encoder allocated once before measuring
    (void)reset_peak_rss();
    const long base = peak_rss_kb();
    const auto png = fig.to_bytes("png");
    CHECK(png.size() > 1000);
    return peak_rss_kb() - base;
  };
  const long g6 = growth_kb(1'000'000);
  const long g7 = growth_kb(10'000'000);
  INFO("peak RSS growth while drawing: 1e6 points " << g6 << " kB, 1e7 points " << g7 << " kB");
#if defined(__SANITIZE_ADDRESS__)
  WARN("AddressSanitizer build: peak RSS bound not checked (freed chunks stay quarantined)");
#else
  CHECK(g7 - g6 < 16 * 1024);
  CHECK(g7 < 32 * 1024);
#endif
}

// ---- units followed by plotted lines ----------------------------------------------------------

namespace {

enum class Len { feet, metres, inches, centimetres };
struct Distance {
  double value;
  Len unit;
};
constexpr double kMetresPer[] = {0.3048, 1.0, 0.0254, 0.01};
constexpr const char* kUnitName[] = {"feet", "metres", "inches", "centimetres"};

class DistanceConverter : public strata::ConversionInterface {
 public:
  std::vector<double> convert(const strata::UnitValues& values,
                              const strata::Units& units) const override {
    const Len to = std::any_cast<Len>(units);
    std::vector<double> out;
    for (const Distance& d : values.user_values<Distance>()) {
      out.push_back(d.value * kMetresPer[static_cast<int>(d.unit)] /
                    kMetresPer[static_cast<int>(to)]);
    }
    return out;
  }
  strata::AxisInfo axis_info(const strata::Units& units) const override {
    const auto* u = std::any_cast<Len>(&units);
    return {.label = u ? kUnitName[static_cast<int>(*u)] : ""};
  }
  strata::Units default_units(const strata::UnitValues& values,
                              const strata::Units&) const override {
    const auto v = values.user_values<Distance>();
    return v.empty() ? strata::Units{} : strata::Units{v.front().unit};
  }
};

std::vector<double> ydata(const strata::Line2D& line) {
  const auto r = line.get_data_container()->query(*strata::IdentityTransform::make(), {1, 1});
  return r.at("y").to_vector();
}

}  // namespace

TEST_CASE("Lines in feet and metres follow the axis from inches to centimetres",
          "[units][artists]") {
  strata::default_registry().register_converter<Distance>(std::make_shared<DistanceConverter>());
  Figure fig({.figsize = {{4, 3}}, .dpi = 100});
  Axes& ax = fig.add_subplot(1, 1, 1);
  const std::vector<double> t{0, 1};
  strata::Line2D& feet =
      ax.plot(t, std::vector<Distance>{{1.0, Len::feet}, {2.0, Len::feet}}, "o-");
  strata::Line2D& metres =
      ax.plot(t, std::vector<Distance>{{1.0, Len::metres}, {0.5, Len::metres}}, "s-");
  CHECK(ax.get_ylabel() == "feet");  // the first series' unit, as matplotlib's default_units
  CHECK(ydata(feet) == std::vector<double>{1.0, 2.0});

  ax.yaxis().set_units(Len::inches);
  CHECK(ax.get_ylabel() == "inches");
  CHECK(ydata(feet)[1] == Approx(24.0));
  CHECK(ydata(metres)[0] == Approx(39.37007874015748));
  // Autoscaled over both series in inches: 12 .. 39.37 with 5 % margins.
  const auto [lo_in, hi_in] = ax.get_ylim();
  CHECK(lo_in == Approx(12.0 - 0.05 * (39.37007874015748 - 12.0)));
  CHECK(hi_in == Approx(39.37007874015748 + 0.05 * (39.37007874015748 - 12.0)));
  (void)fig.to_bytes("png");

  ax.yaxis().set_units(Len::centimetres);
  CHECK(ax.get_ylabel() == "centimetres");
  CHECK(ydata(feet)[0] == Approx(30.48));
  CHECK(ydata(feet)[1] == Approx(60.96));
  CHECK(ydata(metres)[0] == Approx(100.0));
  CHECK(ydata(metres)[1] == Approx(50.0));
  const auto [lo_cm, hi_cm] = ax.get_ylim();
  CHECK(lo_cm == Approx(30.48 - 0.05 * (100.0 - 30.48)));
  CHECK(hi_cm == Approx(100.0 + 0.05 * (100.0 - 30.48)));
  // The drawing follows: the line's top point sits at the top of the data range.
  const auto png = fig.to_bytes("png");
  CHECK(!png.empty());

  // A label the user set is kept when the units change (matplotlib's isDefault_label).
  ax.set_ylabel("height");
  ax.yaxis().set_units(Len::feet);
  CHECK(ax.get_ylabel() == "height");
  CHECK(ydata(metres)[0] == Approx(1.0 / 0.3048));
  CHECK(strata::default_registry().unregister_converter<Distance>());
}

TEST_CASE("UnitContainer converts again only when its units change", "[units][data]") {
  auto units = std::make_shared<strata::AxisUnits>();
  const strata::UnitValues v = std::vector<std::string>{"a", "b", "c"};
  units->update_units(v);
  strata::UnitContainer c;
  c.add_field("x", v, units);
  auto ident = strata::IdentityTransform::make();
  const auto r1 = c.query(*ident, {10, 10});
  const auto r2 = c.query(*ident, {20, 10});
  CHECK(r1.key == r2.key);
  CHECK(c.conversion_count() == 1);
  CHECK(r1.at("x").to_vector() == std::vector<double>{0, 1, 2});
  CHECK(c.describe().at("x") == FieldDesc{strata::DType::float64, "N"});
  CHECK_THROWS_WITH(c.add_field("y", std::vector<std::string>{"a"}, units),
                    "UnitContainer: field 'y' has 1 values but 'x' has 3");
  CHECK_THROWS_WITH(c.add_field("y", v, nullptr),
                    "UnitContainer.add_field: units of field 'y' must not be null");
}

// ---- DensityContainer drawn as an image -------------------------------------------------------

TEST_CASE("density_image colormaps per-pixel counts over the axes", "[density][artists]") {
  std::vector<double> x, y;
  for (int i = 0; i < 100; ++i) {
    x.push_back(0.25);
    y.push_back(0.25);
  }
  for (int i = 0; i < 10; ++i) {
    x.push_back(0.75);
    y.push_back(0.75);
  }
  Figure fig({.figsize = {{4, 3}}, .dpi = 100});
  Axes& ax = fig.add_subplot(1, 1, 1);
  auto d = std::make_shared<strata::DensityContainer>(strata::DataRef(x), strata::DataRef(y));
  strata::DensityImage& im = ax.density_image(d, {.cmap = "viridis"});
  ax.set_xlim(0, 1);
  ax.set_ylim(0, 1);
  const auto px = strata::test::render_rgba(fig);
  // The counts of the draw: one bin of 100 and one of 10, the rest empty.
  const auto [rows, cols] = im.last_shape();
  const Size ps = ax.pixel_size();
  CHECK(cols == static_cast<int>(std::ceil(ps.width)));
  CHECK(rows == static_cast<int>(std::ceil(ps.height)));
  double total = 0, top = 0;
  for (double c : im.last_counts()) {
    total += c;
    top = std::max(top, c);
  }
  CHECK(total == 110);
  CHECK(top == 100);
  CHECK(im.get_clim().first == 10.0);  // the smallest count shown (zeros are transparent)
  CHECK(im.get_clim().second == 100.0);
  // Pixels: the dense bin in viridis' top color, the sparse one in its bottom color, an empty
  // one in the axes background. Display y up; pixel rows from the top.
  auto pixel_at = [&](double dx, double dy) {
    const strata::Point p = ax.transData()->transform({dx, dy});
    return px.at(static_cast<int>(p.x), px.height - 1 - static_cast<int>(p.y));
  };
  const strata::Rgba hi = strata::get_cmap("viridis")->operator()(1.0);
  const strata::Rgba lo = strata::get_cmap("viridis")->operator()(0.0);
  auto rgba32 = [](const strata::Rgba& c) {
    return strata::test::rgba32(static_cast<std::uint8_t>(std::lround(c.r * 255)),
                                static_cast<std::uint8_t>(std::lround(c.g * 255)),
                                static_cast<std::uint8_t>(std::lround(c.b * 255)), 255);
  };
  CHECK(pixel_at(0.25, 0.25) == rgba32(hi));
  CHECK(pixel_at(0.75, 0.75) == rgba32(lo));
  CHECK(pixel_at(0.5, 0.4) == strata::test::rgba32(255, 255, 255, 255));
  CHECK_THROWS_WITH(ax.density_image(std::make_shared<strata::ArrayContainer>(
                        std::map<std::string, strata::DataRef>{{"x", x}})),
                    "density_image: the data container has no field 'counts'");
}
