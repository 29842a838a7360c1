// SPDX-License-Identifier: MIT
// rcParams: matplotlib 3.6.3 defaults, rcsetup-style validation messages, per-thread
// rc_context, style sheets. Expected values and messages were printed by /usr/bin/python3 with
// matplotlib (rcParamsDefault, rcParams[key] = bad value, style.use("ggplot")).
#include <string>
#include <thread>

#include "strata/colors/color.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"
#include "support/catch.hpp"

using namespace strata;

TEST_CASE("rcParams defaults are matplotlib 3.6's", "[rcparams]") {
  rcdefaults();
  const RcParams p = rc();
  CHECK(p.get_double("lines.linewidth") == 1.5);
  CHECK(p.get_string("axes.facecolor") == "white");
  CHECK(p.get_color("axes.facecolor") == Rgba{1, 1, 1, 1});
  CHECK(p.get_doubles("figure.figsize") == std::vector<double>{6.4, 4.8});
  CHECK(p.get_list("font.family") == std::vector<std::string>{"sans-serif"});
  CHECK(p.get_fontsize("axes.titlesize") == Approx(12.0));
  CHECK(p.get_string("image.cmap") == "viridis");
  CHECK_FALSE(p.get_bool("axes.grid"));
  CHECK(p.get_int("legend.numpoints") == 1);
  CHECK(p.get_color_cycle().size() == 10);
  CHECK(to_hex(p.get_color_cycle()[1]) == "#ff7f0e");
  CHECK(p.is_none("legend.framealpha") == false);
  // Every default validates.
  for (const auto& key : RcParams::keys()) {
    INFO(key);
    CHECK_NOTHROW((void)validate_rc(key, rc_default(key)));
  }
}

TEST_CASE("bad rc values throw matplotlib's messages", "[rcparams]") {
  // Each message: matplotlib's ValueError text for rcParams[key] = value.
  CHECK_THROWS_WITH(rc().set("lines.linewidth", "abc"),
                    "Key lines.linewidth: Could not convert 'abc' to float");
  CHECK_THROWS_WITH(rc().set("axes.grid", "maybe"),
                    "Key axes.grid: Cannot convert 'maybe' to bool");
  CHECK_THROWS_WITH(rc().set("axes.facecolor", "notacolor"),
                    "Key axes.facecolor: 'notacolor' does not look like a color arg");
  CHECK_THROWS_WITH(rc().set("legend.numpoints", "1.5"),
                    "Key legend.numpoints: Could not convert '1.5' to int");
  CHECK_THROWS_WITH(rc().set("image.origin", "middle"),
                    "Key image.origin: 'middle' is not a valid value for image.origin; supported "
                    "values are ['upper', 'lower']");
  CHECK_THROWS_WITH(rc().set("font.weight", "heavyish"),
                    "Key font.weight: heavyish is not a valid font weight.");
  CHECK_THROWS_WITH(rc().set("figure.figsize", "1,2,3"),
                    "Key figure.figsize: Expected 2 values, but there are 3 values in 1,2,3");
  CHECK_THROWS_WITH(rc().set("lines.solid_capstyle", "flat"),
                    "Key lines.solid_capstyle: 'flat' is not a valid CapStyle");
  CHECK_THROWS_WITH(rc().set("axes.titlesize", "huge"),
                    "Key axes.titlesize: huge is not a valid font size. Valid font sizes are "
                    "xx-small, x-small, small, medium, large, x-large, xx-large, smaller, larger.");
  CHECK_THROWS_WITH(
      rc().set("savefig.dpi", "x"),
      "Key savefig.dpi: 'x' is not string \"figure\" and could not convert 'x' to float");
  CHECK_THROWS_WITH(rc().set("axes.prop_cycle", "cycler('color', ['C1'])"),
                    "Key axes.prop_cycle: \"cycler('color', ['C1'])\" is not a valid cycler "
                    "construction: Cannot put cycle reference ('C1') in prop_cycler");
  CHECK_THROWS_WITH(rc().set("foo.bar", "1"),
                    "foo.bar is not a valid rc parameter (see rcParams.keys() for a list of valid "
                    "parameters)");
  CHECK_THROWS_AS(rc().set("axes.xmargin", "2"), ValueError);
  CHECK(rc().get_double("lines.linewidth") == 1.5);  // nothing was set
}

TEST_CASE("rc_context overrides are per thread and scoped", "[rcparams]") {
  rcdefaults();
  double a = 0, b = 0, main_seen = 0;
  {
    rc_context outer({{"lines.linewidth", "4"}});
    std::thread t1([&] {
      rc_context ctx({{"lines.linewidth", "2"}});
      a = rc().get_double("lines.linewidth");
    });
    std::thread t2([&] {
      rc_context ctx({{"lines.linewidth", "3"}, {"axes.facecolor", "E5E5E5"}});
      b = rc().get_double("lines.linewidth");
      CHECK(rc().get_string("axes.facecolor") == "#E5E5E5");
    });
    t1.join();
    t2.join();
    main_seen = rc().get_double("lines.linewidth");
    rc().set("lines.linewidth", "5");  // inside a context: reverted at its end
    CHECK(rc().get_double("lines.linewidth") == 5);
  }
  CHECK(a == 2);
  CHECK(b == 3);
  CHECK(main_seen == 4);
  CHECK(rc().get_double("lines.linewidth") == 1.5);
  CHECK_THROWS_AS(rc_context({{"lines.linewidth", "wide"}}), ValueError);
  CHECK(rc().get_double("lines.linewidth") == 1.5);
}

TEST_CASE("style sheets", "[rcparams]") {
  rcdefaults();
  {
    rc_context ctx;
    style::use("ggplot");
    // matplotlib: style.use('ggplot') -> axes.facecolor '#E5E5E5', cycle '#E24A33', '#348ABD', ...
    CHECK(rc().get_string("axes.facecolor") == "#E5E5E5");
    CHECK(to_hex(rc().get_color("axes.facecolor")) == "#e5e5e5");
    CHECK(to_hex("C0") == "#e24a33");
    style::use("default");
    CHECK(rc().get_string("axes.facecolor") == "white");
    for (const auto& name : style::available()) {
      INFO(name);
      CHECK_NOTHROW(style::use(name));
    }
  }
  CHECK(rc().get_string("axes.facecolor") == "white");
  const RcPairs pairs = style::parse_style(
      "# comment\naxes.facecolor : \"#eeeeee\"  # a color\nlines.linewidth: 3\nno.such.key: 1\n");
  REQUIRE(pairs.size() == 2);
  CHECK(pairs[0] == std::pair<std::string, std::string>{"axes.facecolor", "#eeeeee"});
  CHECK(pairs[1].second == "3");
  CHECK_THROWS_AS(style::parse_style("lines.linewidth: thick\n"), ValueError);
  CHECK_THROWS_AS(style::use("no-such-style"), ValueError);
}
