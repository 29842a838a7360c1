// SPDX-License-Identifier: MIT
// Quiver and QuiverKey (src/artist/quiver.cpp) against matplotlib 3.6.3: automatic width
// and scale, arrow polygons for each angle mode and pivot, grids, short and masked vectors,
// the key's arrow and label position. Expected values: tests/fixtures/quiver/make_expected.py.
#include <cmath>
#include <limits>
#include <vector>

#include "strata/artist/axes.hpp"
#include "strata/artist/figure.hpp"
#include "strata/error.hpp"
#include "support/catch.hpp"
#include "support/image_tools.hpp"

using strata::Point;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Expected {
  double scale, width, trans;
  std::vector<std::vector<Point>> paths;
};

// basic: x {0,1,2} y {0,1,3} u {1,-1,0.5} v {1,2,-1}
// datalim [0.0, 0.0, 2.0, 3.0] xlim [-0.1, 2.1] ylim [-0.15000000000000002, 3.15]
const Expected kCase0{28.609893171736683,
                      0.007499999999999999,
                      496.0,
                      {
                          {{-0.0026516504294495525, 0.002651650429449553},
                           {0.008436439919497067, 0.01373974077839617},
                           {0.00048148863114841003, 0.016391391207845725},
                           {0.034952944213992594, 0.034952944213992594},
                           {0.016391391207845725, 0.0004814886311484067},
                           {0.013739740778396172, 0.008436439919497066},
                           {0.0026516504294495525, -0.002651650429449553},
                           {-0.0026516504294495525, 0.002651650429449553}},
                          {{-0.003354101966249684, -0.001677050983124842},
                           {-0.0232135873321187, 0.03804191974861319},
                           {-0.02824474028149323, 0.03133371581611383},
                           {-0.034952944213992594, 0.06990588842798519},
                           {-0.008120128483995123, 0.041396021714862875},
                           {-0.016505383399619333, 0.041396021714862875},
                           {0.003354101966249684, 0.001677050983124842},
                           {-0.003354101966249684, -0.001677050983124842}},
                          {{0.003354101966249684, 0.0016770509831248424},
                           {0.0057371152251224035, -0.003088975534620597},
                           {0.01076826817449693, 0.003619228397878772},
                           {0.0174764721069963, -0.034952944213992594},
                           {-0.009356343623001175, -0.006443077500870282},
                           {-0.0009710887073769639, -0.006443077500870282},
                           {-0.003354101966249684, -0.0016770509831248424},
                           {0.003354101966249684, 0.0016770509831248424}},
                      }};
// xy: x {0,1} y {0,1} u {1,1} v {1,-0.5} angles xy scale_units xy scale 1 pivot mid
// datalim [0.0, 0.0, 1.0, 1.0] xlim [-0.05, 1.05] ylim [-0.05, 1.05]
const Expected kCase1{1,
                      0.007499999999999999,
                      496.0,
                      {
                          {{-0.4567861318010028, -0.3357027079422119},
                           {0.425242051995621, 0.3215505515965625},
                           {0.4177537280073816, 0.3253238132952997},
                           {0.4545454545454544, 0.3387096774193547},
                           {0.4311977915406716, 0.3072819964324429},
                           {0.4297234065067177, 0.31553661264227684},
                           {-0.4523047772899061, -0.3417166468964975},
                           {-0.4567861318010028, -0.3357027079422119}},
                          {{-0.4532361981207376, 0.17286886028251067},
                           {0.4242285168146721, -0.154057509314392},
                           {0.42333300809127267, -0.1457202097440086},
                           {0.4545454545454545, -0.1693548387096774},
                           {0.4154774695429712, -0.1668043391810081},
                           {0.4216100039652383, -0.16108555246005848},
                           {-0.4558547109701714, 0.16584081713684415},
                           {-0.4532361981207376, 0.17286886028251067}},
                      }};
// grid 4x3: u = arange(12)/6-1, v = 0.5, units inches width 0.02 pivot tip
// datalim [0.0, 0.0, 3.0, 2.0] xlim [-0.15000000000000002, 3.15] ylim [-0.1, 2.1]
const Expected kCase2{2.6910809963555082,
                      0.02,
                      100.0,
                      {
                          {{0.3671257465889615, -0.1947432131819798},
                           {0.07602631123499284, -0.04919349550499539},
                           {0.07602631123499286, -0.07155417527999329},
                           {-0.0, 0.0},
                           {0.10285912696499035, -0.017888543819998336},
                           {0.084970583144992, -0.03130495168499707},
                           {0.3760700184989607, -0.17685466936198146},
                           {0.3671257465889615, -0.1947432131819798}},
                          {{0.30451994456569237, -0.194373870529106},
                           {0.07202940575985371, -0.054879547245602844},
                           {0.07031441990842863, -0.07717436331412898},
                           {-0.0, 0.0},
                           {0.10118416523408023, -0.025724787771376326},
                           {0.08231932086840425, -0.037729688731351955},
                           {0.31480985967424285, -0.1772240120148551},
                           {0.30451994456569237, -0.194373870529106}},
                          {{0.24173192169597416, -0.1937989412719806},
                           {0.066, -0.06199999999999999},
                           {0.062000000000000006, -0.084},
                           {-0.0, 0.0},
                           {0.098, -0.036},
                           {0.078, -0.046},
                           {0.2537319216959742, -0.1777989412719806},
                           {0.24173192169597416, -0.1937989412719806}},
                          {{0.1787278734601151, -0.19287000908384602},
                           {0.056568542494923796, -0.07071067811865475},
                           {0.04949747468305832, -0.09192388155425117},
                           {-0.0, 0.0},
                           {0.09192388155425117, -0.04949747468305834},
                           {0.07071067811865475, -0.05656854249492382},
                           {0.19287000908384602, -0.1787278734601151},
                           {0.1787278734601151, -0.19287000908384602}},
                          {{0.11554545790460864, -0.19134594323423282},
                           {0.0416025147168922, -0.0804315284526582},
                           {0.03050851079238762, -0.09984603532054123},
                           {-0.0, 0.0},
                           {0.08043152845265823, -0.06656402354702749},
                           {0.05824352060364907, -0.06933752452815363},
                           {0.1321864637913655, -0.18025193930972822},
                           {0.11554545790460864, -0.19134594323423282}},
                          {{0.05244614744348836, -0.18896121893214893},
                           {0.01897366596101027, -0.08854377448471462},
                           {0.003162277660168367, -0.10435516278555651},
                           {-0.0, 0.0},
                           {0.06008327554319919, -0.08538149682454625},
                           {0.037947331922020544, -0.08221921916437788},
                           {0.07141981340449864, -0.1826366636118122},
                           {0.05244614744348836, -0.18896121893214893}},
                          {{-0.01000000000000001, -0.18579894127198057},
                           {-0.010000000000000005, -0.09},
                           {-0.030000000000000006, -0.1},
                           {0.0, 0.0},
                           {0.029999999999999995, -0.1},
                           {0.009999999999999995, -0.09},
                           {0.00999999999999999, -0.18579894127198057},
                           {-0.01000000000000001, -0.18579894127198057}},
                          {{-0.07141981340449871, -0.1826366636118122},
                           {-0.03794733192202057, -0.08221921916437784},
                           {-0.06008327554319923, -0.08538149682454624},
                           {0.0, 0.0},
                           {-0.0031622776601684067, -0.10435516278555654},
                           {-0.018973665961010296, -0.08854377448471462},
                           {-0.052446147443488425, -0.18896121893214893},
                           {-0.07141981340449871, -0.1826366636118122}},
                          {{-0.13218646379136545, -0.18025193930972822},
                           {-0.05824352060364906, -0.06933752452815364},
                           {-0.08043152845265823, -0.0665640235470275},
                           {0.0, 0.0},
                           {-0.030508510792387606, -0.09984603532054126},
                           {-0.04160251471689219, -0.08043152845265823},
                           {-0.11554545790460859, -0.19134594323423282},
                           {-0.13218646379136545, -0.18025193930972822}},
                          {{-0.19287000908384602, -0.1787278734601151},
                           {-0.07071067811865475, -0.056568542494923796},
                           {-0.09192388155425117, -0.04949747468305832},
                           {0.0, 0.0},
                           {-0.04949747468305834, -0.09192388155425117},
                           {-0.05656854249492382, -0.07071067811865475},
                           {-0.1787278734601151, -0.19287000908384602},
                           {-0.19287000908384602, -0.1787278734601151}},
                          {{-0.2537319216959742, -0.1777989412719806},
                           {-0.078, -0.046},
                           {-0.098, -0.036},
                           {0.0, 0.0},
                           {-0.062000000000000006, -0.084},
                           {-0.066, -0.06199999999999999},
                           {-0.24173192169597416, -0.1937989412719806},
                           {-0.2537319216959742, -0.1777989412719806}},
                          {{-0.3148098596742428, -0.1772240120148551},
                           {-0.08231932086840424, -0.037729688731351955},
                           {-0.10118416523408019, -0.025724787771376333},
                           {0.0, 0.0},
                           {-0.0703144199084286, -0.07717436331412898},
                           {-0.0720294057598537, -0.054879547245602844},
                           {-0.3045199445656923, -0.194373870529106},
                           {-0.3148098596742428, -0.1772240120148551}},
                      }};
// short and masked: u {1, 0.001, nan} v {0, 0, 1}
// datalim [0.0, 0.0, 2.0, 0.0] xlim [-0.1, 2.1] ylim [-0.05500000000000001, 0.05500000000000001]
const Expected kCase3{9.009,
                      0.007499999999999999,
                      496.0,
                      {
                          {{0.0, 0.0037499999999999994},
                           {0.077250111000111, 0.0037499999999999994},
                           {0.073500111000111, 0.011249999999999998},
                           {0.111000111000111, 0.0},
                           {0.073500111000111, -0.011249999999999998},
                           {0.077250111000111, -0.0037499999999999994},
                           {0.0, -0.0037499999999999994},
                           {0.0, 0.0037499999999999994}},
                          {{0.0037499999999999994, 0.0},
                           {0.0018750000000000001, 0.0032475952641916436},
                           {-0.0018749999999999986, 0.0032475952641916445},
                           {-0.0037499999999999994, 4.592425496802574e-19},
                           {-0.001875000000000001, -0.0032475952641916428},
                           {0.001874999999999997, -0.003247595264191646},
                           {0.0037499999999999994, -9.184850993605148e-19},
                           {0.0018750000000000014, 0.0032475952641916428}},
                          {{kNaN, kNaN},
                           {kNaN, kNaN},
                           {kNaN, kNaN},
                           {kNaN, kNaN},
                           {kNaN, kNaN},
                           {kNaN, kNaN},
                           {kNaN, kNaN},
                           {kNaN, kNaN}},
                      }};

void check_paths(const strata::Quiver& q, const Expected& e) {
  REQUIRE(q.get_scale().has_value());
  CHECK(*q.get_scale() == Approx(e.scale).epsilon(1e-12));
  CHECK(*q.get_width() == Approx(e.width).epsilon(1e-12));
  CHECK(q.trans_scale() == Approx(e.trans).epsilon(1e-12));
  // Masked arrows (NaN polygons in matplotlib) are left out here.
  std::vector<std::vector<Point>> want;
  for (const auto& p : e.paths) {
    if (!std::isnan(p[0].x)) want.push_back(p);
  }
  const auto paths = q.get_paths();
  REQUIRE(paths.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto& v = paths[i].vertices();
    REQUIRE(v.size() == want[i].size());
    for (std::size_t k = 0; k < v.size(); ++k) {
      INFO("arrow " << i << " vertex " << k);
      CHECK(v[k].x == Approx(want[i][k].x).margin(1e-12));
      CHECK(v[k].y == Approx(want[i][k].y).margin(1e-12));
    }
  }
}

}  // namespace

TEST_CASE("quiver: automatic width and scale, arrows as matplotlib's", "[quiver]") {
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  auto& q = ax.quiver(std::vector<double>{0, 1, 2}, std::vector<double>{0, 1, 3},
                      std::vector<double>{1, -1, 0.5}, std::vector<double>{1, 2, -1});
  CHECK(ax.get_xlim().first == Approx(-0.1));
  CHECK(ax.get_xlim().second == Approx(2.1));
  CHECK(ax.get_ylim().first == Approx(-0.15));
  CHECK(ax.get_ylim().second == Approx(3.15));
  CHECK_FALSE(q.get_scale().has_value());  // fixed at the first draw, as matplotlib's
  (void)fig.to_bytes("png");
  check_paths(q, kCase0);
}

TEST_CASE("quiver: angles and scale_units 'xy' connect the points; pivot mid", "[quiver]") {
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  auto& q = ax.quiver(
      std::vector<double>{0, 1}, std::vector<double>{0, 1}, std::vector<double>{1, 1},
      std::vector<double>{1, -0.5},
      {.scale = 1, .scale_units = "xy", .angles = std::string("xy"), .pivot = "mid", .color = "r"});
  CHECK(ax.get_xlim().first == Approx(-0.05));
  CHECK(ax.get_xlim().second == Approx(1.05));
  (void)fig.to_bytes("png");
  check_paths(q, kCase1);
}

TEST_CASE("quiver: a grid of x by y positions, units inches, pivot tip", "[quiver]") {
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  std::vector<double> u(12), v(12, 0.5);
  for (int i = 0; i < 12; ++i) u[static_cast<std::size_t>(i)] = i / 6.0 - 1;
  auto& q = ax.quiver(std::vector<double>{0, 1, 2, 3}, std::vector<double>{0, 1, 2}, u, v,
                      {.units = "inches", .width = 0.02, .pivot = "tip"});
  CHECK(ax.get_xlim().first == Approx(-0.15));
  CHECK(ax.get_xlim().second == Approx(3.15));
  CHECK(ax.get_ylim().first == Approx(-0.1));
  CHECK(ax.get_ylim().second == Approx(2.1));
  (void)fig.to_bytes("png");
  check_paths(q, kCase2);
}

TEST_CASE("quiver: short vectors shrink or become dots; non-finite ones are not drawn",
          "[quiver]") {
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  auto& q = ax.quiver(std::vector<double>{0, 1, 2}, std::vector<double>{0, 0, 0},
                      std::vector<double>{1, 0.001, kNaN}, std::vector<double>{0, 0, 1});
  (void)fig.to_bytes("png");
  check_paths(q, kCase3);
}

TEST_CASE("quiverkey: the key arrow and its label where matplotlib puts them", "[quiver]") {
  strata::Figure fig;
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  auto& q = ax.quiver(std::vector<double>{0, 1}, std::vector<double>{0, 1},
                      std::vector<double>{1, 2}, std::vector<double>{0, 1});
  auto& key = ax.quiverkey(q, 0.8, 0.9, 1.0, "1 m/s", {.labelpos = "E"});
  (void)fig.to_bytes("png");
  // matplotlib 3.6.3: qk.text.get_position() == (486.8, 385.44) in display pixels, and the
  // key arrow (pivot "tip": it ends at the key position) spans 0.0343 width units.
  const Point p = key.text().get_position();
  CHECK(p.x == Approx(486.8));
  CHECK(p.y == Approx(385.44));
  const auto v = q.make_verts(std::vector<double>{1.0}, std::vector<double>{0.0}, std::string("uv"),
                              std::string("tip"));
  REQUIRE(v[0].size() == 8);
  CHECK(v[0].vertices()[0].x == Approx(-0.034335221597216366));
  CHECK(v[0].vertices()[2].y == Approx(0.01030056647916491));
  CHECK(v[0].vertices()[3].x == Approx(0.0).margin(1e-15));
}

TEST_CASE("quiver: colored by values, drawn, and bad input named", "[quiver]") {
  strata::Figure fig({.figsize = {{3, 3}}, .dpi = 50});
  strata::Axes& ax = fig.add_subplot(1, 1, 1);
  auto& q =
      ax.quiver(std::vector<double>{0, 1}, std::vector<double>{0, 1}, std::vector<double>{1, 1},
                std::vector<double>{0, 1}, std::vector<double>{2, 5}, {.cmap = "viridis"});
  CHECK(q.get_clim().first == 2.0);
  CHECK(q.get_clim().second == 5.0);
  const auto colors = q.get_facecolor();
  REQUIRE(colors.size() == 2);
  CHECK(colors[0] != colors[1]);
  const auto px = strata::test::render_rgba(fig);
  CHECK(px.width == 150);

  CHECK_THROWS_WITH(
      ax.quiver(std::vector<double>{0, 1, 2}, std::vector<double>{0, 1, 2, 3},
                std::vector<double>{1, 1, 1, 1, 1}, std::vector<double>{1, 1, 1, 1, 1}),
      "X and Y must be the same size, but X.size is 3 and Y.size is 4.");
  CHECK_THROWS_WITH(ax.quiver(std::vector<double>{0}, std::vector<double>{0},
                              std::vector<double>{1}, std::vector<double>{1}, {.pivot = "head"}),
                    "'head' is not a valid value for pivot; supported values are 'tail', "
                    "'middle', 'tip'");
  CHECK_THROWS_WITH(ax.quiver(std::vector<double>{0}, std::vector<double>{0},
                              std::vector<double>{1}, std::vector<double>{1}, {.units = "km"}),
                    Catch::Contains("'km' is not a valid value for units"));
  CHECK_THROWS_WITH(ax.quiverkey(q, 0.5, 0.5, 1, "k", {.labelpos = "X"}),
                    Catch::Contains("'X' is not a valid value for labelpos"));
}
