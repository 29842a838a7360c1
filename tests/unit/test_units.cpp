// SPDX-License-Identifier: MIT
// Units (src/data/units.cpp): date numbers against matplotlib, categories, the registry, the
// per-axis state, and the data-prototype note's example (one series in feet, one in metres,
// ticks in inches, then switched to centimetres).
#include <any>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "strata/data/units.hpp"
#include "strata/error.hpp"
#include "support/catch.hpp"

using namespace std::chrono;
using strata::AxisUnits;
using strata::DateTime;
using strata::UnitKind;
using strata::UnitValues;

namespace {

/// A date-time in UTC with microseconds.
DateTime utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0,
             std::int64_t us = 0) {
  return DateTime{sys_days{year{y} / month{mo} / day{d}}} + hours{h} + minutes{mi} + seconds{s} +
         microseconds{us};
}

// ---- the note's example: a user type with a unit ----

enum class LengthUnit { feet, metres, inches, centimetres };

struct Length {
  double value;
  LengthUnit unit;
};

double metres_per(LengthUnit u) {
  switch (u) {
    case LengthUnit::feet:
      return 0.3048;
    case LengthUnit::metres:
      return 1.0;
    case LengthUnit::inches:
      return 0.0254;
    case LengthUnit::centimetres:
      return 0.01;
  }
  return 1.0;
}

std::string unit_name(LengthUnit u) {
  switch (u) {
    case LengthUnit::feet:
      return "feet";
    case LengthUnit::metres:
      return "metres";
    case LengthUnit::inches:
      return "inches";
    case LengthUnit::centimetres:
      return "centimetres";
  }
  return "?";
}

/// Converts lengths to floats in the axis' unit (a LengthUnit held in the axis' Units).
class LengthConverter : public strata::ConversionInterface {
 public:
  std::vector<double> convert(const UnitValues& values, const strata::Units& units) const override {
    const auto* target = std::any_cast<LengthUnit>(&units);
    if (target == nullptr) throw strata::ValueError("LengthConverter: the axis has no length unit");
    std::vector<double> out;
    for (const Length& l : values.user_values<Length>()) {
      out.push_back(l.value * metres_per(l.unit) / metres_per(*target));
    }
    return out;
  }
  strata::AxisInfo axis_info(const strata::Units& units) const override {
    const auto* u = std::any_cast<LengthUnit>(&units);
    return {.label = u != nullptr ? unit_name(*u) : std::string()};
  }
  strata::Units default_units(const UnitValues& values, const strata::Units&) const override {
    auto v = values.user_values<Length>();
    if (v.empty()) return {};
    return v.front().unit;
  }
};

struct Unregistered {
  int x;
};

std::vector<double> as_doubles(std::initializer_list<double> v) { return v; }

}  // namespace

// ---- dates ----------------------------------------------------------------------------------

TEST_CASE("date2num gives matplotlib's numbers", "[units]") {
  // Expected values computed with matplotlib 3.6.3 (epoch 1970-01-01T00:00:00):
  //   /usr/bin/python3 -c "import matplotlib.dates as d, datetime as dt;
  //                        print(repr(d.date2num(dt.datetime(2000,1,1))))"   etc.
  CHECK(strata::date2num(sys_days{2000y / January / 1}) == 10957.0);
  CHECK(strata::date2num(utc(1970, 1, 1, 12)) == 0.5);
  CHECK(strata::date2num(utc(1970, 1, 1)) == 0.0);
  CHECK(strata::date2num(sys_days{1969y / December / 31}) == -1.0);
  CHECK(strata::date2num(sys_days{1900y / January / 1}) == -25567.0);
  CHECK(strata::date2num(utc(2023, 6, 15, 13, 45, 30, 123456)) == 19523.573265317777);
  CHECK(strata::date2num(utc(1, 1, 1)) == -719162.0);
  CHECK(strata::date2num(utc(9999, 12, 31, 23, 59, 59, 999999)) == 2932897.0);
  CHECK(strata::date2num(utc(1970, 1, 1, 0, 0, 0, 1)) == 1.1574074074074074e-11);
  // dt.datetime(1969,12,31,23,59,59,999999) and np.datetime64('1969-12-31T23:59:59.999999'):
  CHECK(strata::date2num(utc(1969, 12, 31, 23, 59, 59, 999999)) == -1.1574074074406894e-11);
  CHECK(strata::date2num(sys_days{2010y / January / 1}) == 14610.0);
  CHECK(strata::date2num(utc(2020, 2, 29, 6)) == 18321.25);
  // np.datetime64('2021-03-04T05:06:07') (seconds precision):
  CHECK(strata::date2num(sys_seconds{sys_days{2021y / March / 4}} + 5h + 6min + 7s) ==
        18690.212581018517);
}

TEST_CASE("date2num keeps nanoseconds as numpy datetime64[ns] does", "[units]") {
  // matplotlib 3.6.3: d.date2num(np.datetime64('1970-01-01T00:00:00.000000001')) etc.
  const sys_time<nanoseconds> epoch{};
  CHECK(strata::date2num(epoch + 1ns) == 1.1574074074074075e-14);
  CHECK(strata::date2num(epoch - 1ns) == -1.1574073746736904e-14);
  CHECK(strata::date2num(sys_time<nanoseconds>{sys_days{2000y / January / 1}} + 1ns) == 10957.0);
}

TEST_CASE("num2date gives matplotlib's dates", "[units]") {
  // matplotlib 3.6.3: d.num2date(x).isoformat()
  CHECK(strata::num2date(10957.0) == utc(2000, 1, 1));
  CHECK(strata::num2date(0.5) == utc(1970, 1, 1, 12));
  CHECK(strata::num2date(-0.25) == utc(1969, 12, 31, 18));
  CHECK(strata::num2date(19523.573265317777) == utc(2023, 6, 15, 13, 45, 30, 123456));
  CHECK(strata::num2date(1e-10) == utc(1970, 1, 1, 0, 0, 0, 9));
  CHECK(strata::num2date(19523.5) == utc(2023, 6, 15, 12));
  CHECK(strata::num2date(0.1) == utc(1970, 1, 1, 2, 24));
  CHECK(strata::num2date(-719162.0) == utc(1, 1, 1));
  CHECK(strata::num2date(2932896.9999999884) == utc(9999, 12, 31, 23, 59, 59, 999000));
  CHECK(strata::num2date(18000.123456789) == utc(2019, 4, 14, 2, 57, 46, 666570));
  CHECK(strata::num2date(12.3456789123) == utc(1970, 1, 13, 8, 17, 46, 658023));
}

TEST_CASE("num2date rounds to 20 microseconds half to even beyond 70 years", "[units]") {
  // matplotlib 3.6.3: d.num2date(d.date2num(dt.datetime(2050,1,1,0,0,0,us))) for
  // us = 10, 30, 50, 70, 999990 gives .000000, .000040, .000040, .000080 and 00:00:01.
  CHECK(strata::num2date(29220.000000000116) == utc(2050, 1, 1));
  CHECK(strata::num2date(29220.00000000035) == utc(2050, 1, 1, 0, 0, 0, 40));
  CHECK(strata::num2date(29220.00000000058) == utc(2050, 1, 1, 0, 0, 0, 40));
  CHECK(strata::num2date(29220.00000000081) == utc(2050, 1, 1, 0, 0, 0, 80));
  CHECK(strata::num2date(29220.000011573957) == utc(2050, 1, 1, 0, 0, 1));
  // d.num2date(29220.000000347223) -> 2050-01-01T00:00:00.030000
  CHECK(strata::num2date(29220.000000347223) == utc(2050, 1, 1, 0, 0, 0, 30000));
}

TEST_CASE("date2num and num2date round trip", "[units]") {
  // Within 70 years of the epoch: exact to the microsecond.
  for (std::int64_t us = -2'000'000'000'000'000; us <= 2'000'000'000'000'000;
       us += 12'345'678'901'234) {
    const DateTime t{microseconds{us}};
    REQUIRE(strata::num2date(strata::date2num(t)) == t);
  }
  // Whole days anywhere in 0001..9999 are exact; times of day within the 20 us rounding.
  for (int y : {1, 100, 1066, 1582, 1900, 2000, 2100, 5000, 9999}) {
    const DateTime d{sys_days{year{y} / 2 / 28}};
    REQUIRE(strata::num2date(strata::date2num(d)) == d);
    const DateTime t = utc(y, 7, 14, 13, 37, 42);
    REQUIRE(std::abs((strata::num2date(strata::date2num(t)) - t).count()) <= 20);
  }
  // matplotlib 3.6.3: d.num2date(d.date2num(dt.datetime(5000,7,14,13,37,42))) is
  // 5000-07-14 13:37:42.000020, and for dt.datetime(2500,5,6,7,8,9,us) with us = 123457,
  // 999999, 500001, 20: .123460, 07:08:10, .500000, .000020.
  CHECK(strata::num2date(strata::date2num(utc(5000, 7, 14, 13, 37, 42))) ==
        utc(5000, 7, 14, 13, 37, 42, 20));
  CHECK(strata::num2date(strata::date2num(utc(2500, 5, 6, 7, 8, 9, 123457))) ==
        utc(2500, 5, 6, 7, 8, 9, 123460));
  CHECK(strata::num2date(strata::date2num(utc(2500, 5, 6, 7, 8, 9, 999999))) ==
        utc(2500, 5, 6, 7, 8, 10));
  CHECK(strata::num2date(strata::date2num(utc(2500, 5, 6, 7, 8, 9, 500001))) ==
        utc(2500, 5, 6, 7, 8, 9, 500000));
  CHECK(strata::num2date(strata::date2num(utc(2500, 5, 6, 7, 8, 9, 20))) ==
        utc(2500, 5, 6, 7, 8, 9, 20));
}

TEST_CASE("num2date rejects non-finite and out-of-range numbers", "[units]") {
  REQUIRE_THROWS_WITH(strata::num2date(std::numeric_limits<double>::quiet_NaN()),
                      "num2date: x = nan is not a finite number of days");
  REQUIRE_THROWS_WITH(strata::num2date(std::numeric_limits<double>::infinity()),
                      "num2date: x = inf is not a finite number of days");
  REQUIRE_THROWS_WITH(strata::num2date(3e6),
                      "num2date: x = 3000000 is outside the dates Strata supports: days since "
                      "1970-01-01T00:00:00 UTC must be in [-719162, 2932897) (years 0001 to 9999)");
  REQUIRE_THROWS_AS(strata::num2date(-719162.5), strata::ValueError);
  REQUIRE_THROWS_AS(strata::num2date(2932897.0), strata::ValueError);
  REQUIRE_NOTHROW(strata::num2date(2932896.99));
}

TEST_CASE("DateConverter converts any sys_time and names the date ticker", "[units]") {
  strata::DateConverter conv;
  const UnitValues days =
      std::vector<sys_days>{sys_days{2000y / January / 1}, sys_days{1970y / 1 / 2}};
  CHECK(days.kind() == UnitKind::dates);
  CHECK(days.type_name() == "std::chrono::sys_days");
  CHECK(conv.convert(days, {}) == as_doubles({10957.0, 1.0}));

  const UnitValues micro = std::vector<DateTime>{utc(2023, 6, 15, 13, 45, 30, 123456)};
  CHECK(conv.convert(micro, {}) == as_doubles({19523.573265317777}));

  // Nanoseconds are rounded to the nearest microsecond.
  const UnitValues nano =
      std::vector<sys_time<nanoseconds>>{sys_time<nanoseconds>{sys_days{1970y / 1 / 1}} + 1500ns};
  CHECK(nano.dates()[0] == utc(1970, 1, 1, 0, 0, 0, 2));
  CHECK(nano.type_name() == "std::chrono::sys_time<std::chrono::nanoseconds>");

  // Numbers are date numbers already.
  CHECK(conv.convert(UnitValues{1.5, 2.5}, {}) == as_doubles({1.5, 2.5}));
  REQUIRE_THROWS_WITH(conv.convert(UnitValues{"a"}, {}),
                      "DateConverter: cannot convert values of type const char* to dates; "
                      "expected std::chrono::sys_days or another std::chrono::sys_time");

  const strata::AxisInfo info = conv.axis_info({});
  CHECK(info.majloc.name == "AutoDateLocator");
  CHECK(std::any_cast<bool>(info.majloc.data));
  CHECK(info.majfmt.name == "AutoDateFormatter");
  CHECK(info.minloc.name.empty());
  CHECK(info.label == std::string());
  // matplotlib 3.6.3 DateConverter.axisinfo: default_limits = (date(1970,1,1), date(1970,1,2)).
  REQUIRE(info.default_limits.has_value());
  CHECK(info.default_limits->first == 0.0);
  CHECK(info.default_limits->second == 1.0);

  strata::DateConverter concise({.concise = true, .interval_multiples = false});
  const strata::AxisInfo cinfo = concise.axis_info({});
  CHECK(cinfo.majfmt.name == "ConciseDateFormatter");
  CHECK_FALSE(std::any_cast<bool>(cinfo.majloc.data));
}

TEST_CASE("AxisUnits with dates: any sys_time shares the axis, numbers pass through", "[units]") {
  AxisUnits x;
  CHECK_FALSE(x.have_units());
  CHECK(x.update_units(std::vector<sys_days>{sys_days{2000y / January / 1}}));
  CHECK(x.converter() == strata::default_registry().get_converter(typeid(sys_days)));
  CHECK(x.version() == 1);
  CHECK_FALSE(x.units().has_value());  // dates are UTC: no units
  CHECK(x.axis_info().majloc.name == "AutoDateLocator");

  // Another precision uses the same converter.
  CHECK(x.update_units(std::vector<DateTime>{utc(1970, 1, 1, 12)}));
  CHECK(x.version() == 1);
  CHECK(x.convert_units(std::vector<DateTime>{utc(1970, 1, 1, 12)}) == as_doubles({0.5}));
  // A sys_time type that is not registered falls back to DateTime's converter.
  using deciseconds = duration<std::int64_t, std::deci>;
  const UnitValues deci =
      std::vector<sys_time<deciseconds>>{sys_time<deciseconds>{deciseconds{8640}}};
  CHECK(x.convert_units(deci) == as_doubles({0.01}));
  // Numbers are taken as date numbers.
  CHECK_FALSE(x.update_units(UnitValues{3.0}));
  CHECK(x.convert_units(UnitValues{3.0}) == as_doubles({3.0}));

  REQUIRE_THROWS_WITH(x.update_units(std::vector<std::string>{"a"}),
                      "AxisUnits::update_units: values of type std::string cannot be added to "
                      "an axis whose units come from values of type std::chrono::sys_days (they "
                      "need different unit converters)");
  REQUIRE_THROWS_WITH(x.convert_units(std::vector<std::string>{"a"}),
                      "AxisUnits::convert_units: values of type std::string cannot be added to "
                      "an axis whose units come from values of type std::chrono::sys_days (they "
                      "need different unit converters)");
}

// ---- categories -----------------------------------------------------------------------------

TEST_CASE("UnitData maps strings in order of first appearance and keeps them", "[units]") {
  strata::UnitData d(std::vector<std::string>{"b", "a", "b"});
  CHECK(d.labels() == std::vector<std::string>{"b", "a"});
  d.update(std::vector<std::string>{"c", "a", "d"});
  CHECK(d.labels() == std::vector<std::string>{"b", "a", "c", "d"});
  CHECK(d.size() == 4);
  CHECK(d.index_of("c") == 2.0);
  CHECK_FALSE(d.index_of("zzz").has_value());
  CHECK(d.map(std::vector<std::string>{"d", "e", "b"}) == as_doubles({3.0, 4.0, 0.0}));
  d.update(std::vector<std::string>{});
  CHECK(d.size() == 5);
}

TEST_CASE("AxisUnits with categories: mapping, extension, labels", "[units]") {
  AxisUnits x;
  const UnitValues first = std::vector<std::string>{"b", "a", "b"};
  CHECK(x.update_units(first));
  CHECK(x.version() == 1);
  auto data = std::any_cast<std::shared_ptr<strata::UnitData>>(x.units());
  REQUIRE(data != nullptr);
  CHECK(x.convert_units(first) == as_doubles({0.0, 1.0, 0.0}));

  // A second series with new strings extends the mapping; old strings keep their numbers.
  const UnitValues second = std::vector<std::string_view>{"c", "a"};
  CHECK(x.update_units(second));
  CHECK(x.version() == 1);  // same units object: artists need not re-convert
  CHECK(x.convert_units(second) == as_doubles({2.0, 1.0}));
  CHECK(x.convert_units(first) == as_doubles({0.0, 1.0, 0.0}));
  const UnitValues third = {"d", "b"};  // const char*
  CHECK(x.update_units(third));
  CHECK(x.convert_units(third) == as_doubles({3.0, 0.0}));
  CHECK(data->labels() == std::vector<std::string>{"b", "a", "c", "d"});

  // Labels for the category locator and formatter.
  const strata::AxisInfo info = x.axis_info();
  CHECK(info.majloc.name == "StrCategoryLocator");
  CHECK(info.majfmt.name == "StrCategoryFormatter");
  CHECK_FALSE(info.label.has_value());
  CHECK_FALSE(info.default_limits.has_value());
  auto mapping = std::any_cast<std::shared_ptr<const strata::UnitData>>(info.majfmt.data);
  CHECK(mapping == data);
  x.update_units(std::vector<std::string>{"e"});
  CHECK(mapping->labels() == std::vector<std::string>{"b", "a", "c", "d", "e"});  // sees updates

  // Empty input is fine.
  CHECK(x.update_units(std::vector<std::string>{}));
  CHECK(x.convert_units(std::vector<std::string>{}).empty());
}

TEST_CASE("Numbers cannot be mixed into a categorical axis", "[units]") {
  AxisUnits x;
  x.update_units(std::vector<std::string>{"a", "b"});
  REQUIRE_THROWS_WITH(x.update_units(UnitValues{1.0, 2.0}),
                      "AxisUnits::update_units: values of type double are numbers, which cannot "
                      "be mixed into this axis: its units come from values of type std::string, "
                      "whose converter does not accept numbers");
  REQUIRE_THROWS_WITH(x.convert_units(std::vector<int>{1}),
                      "AxisUnits::convert_units: values of type std::int32_t are numbers, which "
                      "cannot be mixed into this axis: its units come from values of type "
                      "std::string, whose converter does not accept numbers");

  strata::StrCategoryConverter conv;
  REQUIRE_THROWS_WITH(conv.convert(UnitValues{1.0}, std::make_shared<strata::UnitData>()),
                      "StrCategoryConverter: cannot convert numbers (values of type double) to "
                      "categories; numeric and categorical data cannot be mixed on one axis");
  REQUIRE_THROWS_WITH(conv.convert(UnitValues{"a"}, {}),
                      "Missing category information for StrCategoryConverter; this might be "
                      "caused by unintendedly mixing categorical and numeric data");
  REQUIRE_THROWS_WITH(conv.axis_info(std::string("not a mapping")),
                      "StrCategoryConverter: the units are not valid for a categorical "
                      "converter: they must be a std::shared_ptr<strata::UnitData>");
  CHECK_FALSE(conv.accepts_numbers());
}

// ---- numbers --------------------------------------------------------------------------------

TEST_CASE("Plain numbers pass through unchanged and never pick a converter", "[units]") {
  const UnitValues f = std::vector<float>{1.5f, -2.0f};
  CHECK(f.kind() == UnitKind::numbers);
  CHECK(f.type_name() == "float");
  CHECK(UnitValues(std::vector<long long>{1}).type_name() == "std::int64_t");
  CHECK(UnitValues(std::vector<std::uint8_t>{1}).type_name() == "std::uint8_t");
  CHECK(UnitValues().empty());

  strata::NumberConverter conv;
  CHECK(conv.convert(f, {}) == as_doubles({1.5, -2.0}));
  CHECK(strata::default_registry().get_converter(typeid(int))  // std::int32_t
        == strata::default_registry().get_converter(typeid(double)));

  AxisUnits x;
  CHECK_FALSE(x.update_units(f));
  CHECK(x.converter() == nullptr);
  CHECK(x.version() == 0);
  CHECK(x.convert_units(std::vector<int>{3, 4}) == as_doubles({3.0, 4.0}));
  // A borrowed column is read in place.
  const double raw[] = {7.0, 8.0};
  CHECK(x.convert_units(strata::view(raw)) == as_doubles({7.0, 8.0}));
  // Numbers first do not stop a later typed series from picking the converter.
  CHECK(x.update_units(std::vector<sys_days>{sys_days{2000y / 1 / 1}}));
  CHECK(x.converter() != nullptr);
}

// ---- user units: the note's example --------------------------------------------------------

TEST_CASE("Feet and metres on one axis, shown in inches then centimetres", "[units]") {
  strata::default_registry().register_converter<Length>(std::make_shared<LengthConverter>());

  const UnitValues in_feet = std::vector<Length>{{1.0, LengthUnit::feet}, {2.0, LengthUnit::feet}};
  const UnitValues in_metres =
      std::vector<Length>{{1.0, LengthUnit::metres}, {0.5, LengthUnit::metres}};
  CHECK(in_feet.kind() == UnitKind::user);
  CHECK(in_feet.type() == typeid(Length));

  AxisUnits x;
  CHECK(x.update_units(in_feet));
  CHECK(std::any_cast<LengthUnit>(x.units()) == LengthUnit::feet);  // default: the first unit
  CHECK(x.axis_info().label == "feet");
  CHECK(x.update_units(in_metres));
  CHECK(std::any_cast<LengthUnit>(x.units()) == LengthUnit::feet);  // kept

  const auto v0 = x.version();
  x.set_units(LengthUnit::inches);
  const auto v1 = x.version();
  CHECK(v1 != v0);
  CHECK(x.axis_info().label == "inches");
  auto feet = x.convert_units(in_feet);
  auto metres = x.convert_units(in_metres);
  REQUIRE(feet.size() == 2);
  REQUIRE(metres.size() == 2);
  CHECK(feet[0] == Approx(12.0));
  CHECK(feet[1] == Approx(24.0));
  CHECK(metres[0] == Approx(39.37007874015748));
  CHECK(metres[1] == Approx(19.68503937007874));

  // Switch the axis to centimetres: the SAME series convert again, both right.
  x.set_units(LengthUnit::centimetres);
  CHECK(x.version() != v1);
  CHECK(x.axis_info().label == "centimetres");
  feet = x.convert_units(in_feet);
  metres = x.convert_units(in_metres);
  CHECK(feet[0] == Approx(30.48));
  CHECK(feet[1] == Approx(60.96));
  CHECK(metres[0] == Approx(100.0));
  CHECK(metres[1] == Approx(50.0));

  // Plain numbers are already in the axis unit and pass through.
  CHECK(x.convert_units(UnitValues{5.0}) == as_doubles({5.0}));
  // Another kind of values is rejected, naming both types.
  REQUIRE_THROWS_WITH(x.update_units(std::vector<sys_days>{sys_days{2000y / 1 / 1}}),
                      "AxisUnits::update_units: values of type std::chrono::sys_days cannot be "
                      "added to an axis whose units come from values of type "
                      "(anonymous namespace)::Length (they need different unit converters)");

  CHECK(strata::default_registry().unregister_converter<Length>());
  CHECK_FALSE(strata::default_registry().unregister_converter<Length>());
}

TEST_CASE("A per-axis registry overrides the default one", "[units]") {
  auto reg = std::make_shared<strata::UnitRegistry>();
  reg->register_converter<Length>(std::make_shared<LengthConverter>());
  CHECK(reg->size() == 1);
  CHECK(strata::default_registry().get_converter(typeid(Length)) == nullptr);

  AxisUnits x(reg);
  x.set_units(LengthUnit::metres);
  CHECK(x.convert_units(std::vector<Length>{{100.0, LengthUnit::centimetres}}) ==
        as_doubles({1.0}));
  // The default registry still serves the built-in types.
  AxisUnits y(reg);
  CHECK(y.update_units(std::vector<std::string>{"a"}));

  // Without the override, no converter is known for Length.
  AxisUnits z;
  REQUIRE_THROWS_WITH(z.update_units(std::vector<Length>{{1.0, LengthUnit::feet}}),
                      "AxisUnits::update_units: no unit converter is registered for values of "
                      "type (anonymous namespace)::Length; register one with "
                      "UnitRegistry::register_converter");

  // A forced converter is used for whatever comes.
  AxisUnits w;
  w.set_converter(
      std::make_shared<strata::DateConverter>(strata::DateConverterOptions{.concise = true}));
  CHECK(w.version() == 1);
  CHECK(w.update_units(std::vector<sys_days>{sys_days{1970y / 1 / 3}}));
  CHECK(w.axis_info().majfmt.name == "ConciseDateFormatter");
  CHECK(w.convert_units(std::vector<sys_days>{sys_days{1970y / 1 / 3}}) == as_doubles({2.0}));
}

TEST_CASE("The default registry is thread-safe", "[units]") {
  struct TypeA {
    double v;
  };
  struct TypeB {
    double v;
  };
  class Doubler : public strata::ConversionInterface {
   public:
    explicit Doubler(double k) : k_(k) {}
    std::vector<double> convert(const UnitValues& values, const strata::Units&) const override {
      std::vector<double> out;
      if (values.type() == typeid(TypeA)) {
        for (const auto& a : values.user_values<TypeA>()) out.push_back(a.v * k_);
      } else {
        for (const auto& b : values.user_values<TypeB>()) out.push_back(b.v * k_);
      }
      return out;
    }

   private:
    double k_;
  };

  std::atomic<int> failures{0};
  auto work = [&failures](auto tag) {
    using T = decltype(tag);
    for (int i = 0; i < 300; ++i) {
      try {
        strata::default_registry().register_converter<T>(std::make_shared<Doubler>(2.0));
        AxisUnits x;
        const UnitValues v = std::vector<T>{{1.0}, {static_cast<double>(i)}};
        if (!x.update_units(v)) ++failures;
        if (x.convert_units(v) != std::vector<double>{2.0, 2.0 * i}) ++failures;
        AxisUnits c;
        c.update_units(std::vector<std::string>{"p", "q"});
        if (c.convert_units(std::vector<std::string>{"q"}) != std::vector<double>{1.0}) ++failures;
      } catch (...) {
        ++failures;
      }
    }
  };
  std::thread a(work, TypeA{});
  std::thread b(work, TypeB{});
  a.join();
  b.join();
  CHECK(failures.load() == 0);
  CHECK(strata::default_registry().unregister_converter<TypeA>());
  CHECK(strata::default_registry().unregister_converter<TypeB>());
}

// ---- bad input ------------------------------------------------------------------------------

TEST_CASE("Bad unit input is rejected with exact messages", "[units]") {
  REQUIRE_THROWS_WITH(UnitValues(std::vector<const char*>{"a", nullptr}),
                      "UnitValues: values[1] is a null const char*");
  const UnitValues s = {"x"};
  REQUIRE_THROWS_WITH(s.numbers(),
                      "UnitValues::numbers: the values are of type const char*, not numbers");
  REQUIRE_THROWS_WITH(UnitValues{1.0}.dates(),
                      "UnitValues::dates: the values are of type double, not dates");
  REQUIRE_THROWS_WITH(UnitValues{1.0}.strings(),
                      "UnitValues::strings: the values are of type double, not strings");
  const UnitValues u = std::vector<Unregistered>{{1}};
  REQUIRE_THROWS_WITH(u.user_values<Length>(),
                      "UnitValues::user_values: the values are of type "
                      "(anonymous namespace)::Unregistered, not (anonymous namespace)::Length");
  CHECK(u.user_values<Unregistered>()[0].x == 1);
  REQUIRE_THROWS_WITH(strata::default_registry().register_converter<Unregistered>(nullptr),
                      "UnitRegistry::register_converter: the converter for type "
                      "(anonymous namespace)::Unregistered is null");
  REQUIRE_THROWS_WITH(AxisUnits().convert_units(u),
                      "AxisUnits::convert_units: no unit converter is registered for values of "
                      "type (anonymous namespace)::Unregistered; register one with "
                      "UnitRegistry::register_converter");
  REQUIRE_THROWS_WITH(strata::NumberConverter().convert(s, {}),
                      "NumberConverter: cannot convert values of type const char* to numbers");
  // Lengths on an axis with no unit: the user converter's own error comes through.
  auto reg = std::make_shared<strata::UnitRegistry>();
  reg->register_converter<Length>(std::make_shared<LengthConverter>());
  REQUIRE_THROWS_WITH(AxisUnits(reg).convert_units(std::vector<Length>{{1.0, LengthUnit::feet}}),
                      "LengthConverter: the axis has no length unit");
  CHECK(strata::type_name(typeid(std::string_view)) == "std::string_view");
}
