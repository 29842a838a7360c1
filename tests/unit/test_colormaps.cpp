// SPDX-License-Identifier: MIT
// Colormaps and norms against matplotlib 3.6.3: the expected numbers were printed by
// /usr/bin/python3 (cmap._lut entries, Normalize family calls and inverses,
// ScalarMappable.to_rgba(bytes=True)).
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

#include "strata/colors/colormap.hpp"
#include "strata/colors/normalize.hpp"
#include "strata/error.hpp"
#include "support/catch.hpp"

using namespace strata;

namespace {
struct LutCase {
  const char* cmap;
  int index;
  Rgba rgba;
};
// matplotlib: mpl.colormaps[name]._lut[index]
const LutCase k_luts[] = {
    {"viridis", 0, {0.267004, 0.004874, 0.329415, 1.0}},
    {"viridis", 1, {0.26851, 0.009605, 0.335427, 1.0}},
    {"viridis", 77, {0.204903, 0.375746, 0.553533, 1.0}},
    {"viridis", 128, {0.127568, 0.566949, 0.550556, 1.0}},
    {"viridis", 255, {0.993248, 0.906157, 0.143936, 1.0}},
    {"jet", 0, {0.0, 0.0, 0.5, 1.0}},
    {"jet", 37, {0.0, 0.08039215686274499, 1.0, 1.0}},
    {"jet", 100, {0.13598987982289687, 1.0, 0.8317520556609741, 1.0}},
    {"jet", 200, {1.0, 0.46550472040668145, 0.0, 1.0}},
    {"jet", 255, {0.5, 0.0, 0.0, 1.0}},
    {"coolwarm", 0, {0.2298057, 0.298717966, 0.753683153, 1.0}},
    {"coolwarm", 64, {0.5543118699137254, 0.6900970112156862, 0.9955155482352941, 1.0}},
    {"coolwarm", 128, {0.8674276350862745, 0.864376599772549, 0.8626024620196079, 1.0}},
    {"coolwarm", 191, {0.9582793979254902, 0.604335096882353, 0.48329710138823534, 1.0}},
    {"coolwarm", 255, {0.705673158, 0.01555616, 0.150232812, 1.0}},
    {"tab10", 0, {0.12156862745098039, 0.4666666666666667, 0.7058823529411765, 1.0}},
    {"tab10", 3, {0.8392156862745098, 0.15294117647058825, 0.1568627450980392, 1.0}},
    {"tab10", 9, {0.09019607843137255, 0.7450980392156863, 0.8117647058823529, 1.0}},
    {"hot", 0, {0.0416, 0.0, 0.0, 1.0}},
    {"hot", 90, {0.9681359648991361, 0.0, 0.0, 1.0}},
    {"hot", 200, {1.0, 1.0, 0.150734444852092, 1.0}},
    {"gnuplot2", 0, {0.0, 0.0, 0.0, 1.0}},
    {"gnuplot2", 100, {0.44424019607843124, 0.0, 1.0, 1.0}},
    {"gnuplot2", 240, {1.0, 1.0, 0.26470588235294024, 1.0}},
    {"cubehelix", 10, {0.05809004524160909, 0.024219876979716747, 0.06817258062534762, 1.0}},
    {"cubehelix", 128, {0.6328422475018421, 0.4747981096220677, 0.29070209208025455, 1.0}},
    {"cubehelix", 250, {0.9647055345598645, 0.9895434198437888, 0.9740896186266301, 1.0}},
    {"Blues", 0, {0.9686274509803922, 0.984313725490196, 1.0, 1.0}},
    {"Blues", 5, {0.9532487504805844, 0.9744713571703191, 0.9950788158400615, 1.0}},
    {"Blues", 255, {0.03137254901960784, 0.18823529411764706, 0.4196078431372549, 1.0}},
    {"twilight", 0, {0.8857501584075443, 0.8500092494306783, 0.8879736506427196, 1.0}},
    {"twilight", 300, {0.36088752387578377, 0.0892271943627452, 0.28591050458531014, 1.0}},
    {"twilight", 509, {0.8857115512284565, 0.8500218611585632, 0.8857253899008712, 1.0}},
    {"seismic", 3, {0.0, 0.0, 0.33294117647058824, 1.0}},
    {"seismic", 128, {1.0, 0.9921568627450981, 0.9921568627450981, 1.0}},
    {"seismic", 250, {0.5392156862745099, 0.0, 0.0, 1.0}},
    {"flag_r", 7, {0.7644577585591505, 0.9110226492460877, 1.0, 1.0}},
    {"flag_r", 100, {0.0, 0.0, 0.7383435646864276, 1.0}},
    {"RdBu_r", 20, {0.10572856593617842, 0.35432525951557103, 0.6110726643598616, 1.0}},
    {"RdBu_r", 200, {0.8576701268742791, 0.41891580161476355, 0.33456362937331796, 1.0}},
    {"terrain", 50, {0.0, 0.692156862745098, 0.723529411764706, 1.0}},
    {"terrain", 150, {0.8235294117647058, 0.7741176470588236, 0.5047058823529411, 1.0}},
};
constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
}  // namespace

TEST_CASE("lookup tables match matplotlib's", "[colormaps]") {
  for (const auto& c : k_luts) {
    INFO(c.cmap << "[" << c.index << "]");
    const auto cmap = get_cmap(c.cmap);
    const Rgba got = cmap->lut()[static_cast<std::size_t>(c.index)];
    CHECK(got.r == Approx(c.rgba.r).margin(1e-12));
    CHECK(got.g == Approx(c.rgba.g).margin(1e-12));
    CHECK(got.b == Approx(c.rgba.b).margin(1e-12));
    CHECK(got.a == Approx(c.rgba.a).margin(1e-12));
  }
}

TEST_CASE("colormap lookup, extremes, reversal", "[colormaps]") {
  const auto viridis = get_cmap("viridis");
  CHECK(viridis->N() == 256);
  CHECK(get_cmap("tab10")->N() == 10);
  // matplotlib: viridis(0.5), viridis(-0.1), viridis(1.1)
  CHECK((*viridis)(0.5) == Rgba{0.127568, 0.566949, 0.550556, 1.0});
  CHECK((*viridis)(-0.1) == Rgba{0.267004, 0.004874, 0.329415, 1.0});
  CHECK((*viridis)(1.1) == Rgba{0.993248, 0.906157, 0.143936, 1.0});
  CHECK((*viridis)(k_nan) == Rgba{0, 0, 0, 0});
  auto mine = viridis->with_extremes({.bad = "red", .under = "k", .over = "w"});
  CHECK((*mine)(k_nan) == Rgba{1, 0, 0, 1});
  CHECK((*mine)(-0.1) == Rgba{0, 0, 0, 1});
  CHECK((*mine)(1.1) == Rgba{1, 1, 1, 1});
  CHECK((*viridis)(-0.1) == Rgba{0.267004, 0.004874, 0.329415, 1.0});  // shared map unchanged
  const auto r = mine->reversed();
  CHECK(r->name() == "viridis_r");
  CHECK((*r)(-0.1) == Rgba{1, 1, 1, 1});  // under and over swap
  CHECK(r->lut()[0] == viridis->lut()[255]);
  CHECK(get_cmap("viridis_r")->lut()[10] == viridis->lut()[245]);
  const auto jet = get_cmap("jet");
  CHECK(get_cmap("jet_r")->lut()[0].b == Approx(jet->lut()[255].b).margin(1e-12));
  CHECK(get_cmap("gray")->is_gray());
  CHECK(jet->resampled(8)->N() == 8);
  CHECK_THROWS_AS(get_cmap("nocmap"), ValueError);
}

TEST_CASE("registry is thread-safe and accepts user maps", "[colormaps]") {
  std::vector<std::thread> threads;
  std::vector<Rgba> got(8);
  for (std::size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&, i] { got[i] = (*get_cmap("plasma"))(0.25); });
  }
  for (auto& t : threads) t.join();
  for (const auto& g : got) CHECK(g == got[0]);
  auto mine = LinearSegmentedColormap::from_list("strata_test_bw", {"black", "white"});
  register_cmap(*mine, {}, true);
  CHECK((*get_cmap("strata_test_bw"))(1.0) == Rgba{1, 1, 1, 1});
  CHECK_THROWS_AS(register_cmap(*mine, "viridis"), ValueError);
}

TEST_CASE("norms match matplotlib", "[colormaps]") {
  // matplotlib: Normalize(vmin=-1, vmax=3)
  Normalize n({.vmin = -1, .vmax = 3});
  CHECK(n(-2) == -0.25);
  CHECK(n(1.5) == 0.625);
  CHECK(n(4) == 1.25);
  CHECK(n.inverse(0.3) == Approx(0.19999999999999996));
  Normalize nc({.vmin = -1, .vmax = 3, .clip = true});
  CHECK(nc(-2) == 0.0);
  CHECK(nc(4) == 1.0);
  // LogNorm(vmin=1, vmax=1000)
  LogNorm ln({.vmin = 1, .vmax = 1000});
  CHECK(ln(10) == Approx(0.3333333333333333).epsilon(1e-14));
  CHECK(ln(31.6) == Approx(0.4998956942061346).epsilon(1e-14));
  CHECK(ln(5000) == Approx(1.2329900014453397).epsilon(1e-14));
  CHECK(std::isnan(ln(-1)));  // masked
  CHECK(ln.inverse(0.5) == Approx(31.622776601683796).epsilon(1e-14));
  // SymLogNorm(linthresh=1, linscale=1, vmin=-100, vmax=100, base=10)
  SymLogNorm sl(1, {.vmin = -100, .vmax = 100});
  const double sl_in[] = {-100, -10, -0.5, 0, 0.5, 3, 100};
  const double sl_out[] = {
      0.0, 0.1607142857142857, 0.4107142857142857, 0.5, 0.5892857142857143, 0.755251630222803, 1.0};
  for (int i = 0; i < 7; ++i) CHECK(sl(sl_in[i]) == Approx(sl_out[i]).epsilon(1e-13).margin(1e-15));
  CHECK(sl.inverse(0.8) == Approx(5.695810810737687).epsilon(1e-13));
  CHECK(sl.inverse(0.45) == Approx(-0.2799999999999998).epsilon(1e-12));
  // PowerNorm(gamma=2, vmin=0, vmax=4)
  PowerNorm pn(2, {.vmin = 0, .vmax = 4});
  CHECK(pn(1) == 0.0625);
  CHECK(pn(3) == 0.5625);
  CHECK(pn.inverse(0.25) == 2.0);
  // TwoSlopeNorm(vcenter=0, vmin=-2, vmax=8)
  TwoSlopeNorm ts(0, -2, 8);
  CHECK(ts(-1) == 0.25);
  CHECK(ts(4) == 0.75);
  CHECK(ts.inverse(0.75) == 4.0);
  CHECK_THROWS_AS(TwoSlopeNorm(0, 1, 8), ValueError);
  // CenteredNorm(vcenter=1).autoscale_None([-3, 2]) -> vmin -3, vmax 5; norm(0) = 0.375
  CenteredNorm cn({.vcenter = 1});
  const double data[] = {-3.0, 2.0};
  cn.autoscale_None(data);
  CHECK(cn.vmin() == -3.0);
  CHECK(cn.vmax() == 5.0);
  CHECK(cn(0.0) == 0.375);
  // BoundaryNorm([0, 1, 2, 5], ncolors=256) and (ncolors=5, extend='both')
  BoundaryNorm bn({0, 1, 2, 5}, 256);
  const double b_in[] = {-1, 0, 0.5, 1.5, 4.9, 5, 6};
  const double b_out[] = {-1, 0, 0, 127, 255, 256, 256};
  for (int i = 0; i < 7; ++i) CHECK(bn(b_in[i]) == b_out[i]);
  BoundaryNorm be({0, 1, 2, 5}, 5, {.extend = "both"});
  const double be_out[] = {-1, 1, 1, 2, 3, 5, 5};
  for (int i = 0; i < 7; ++i) CHECK(be(b_in[i]) == be_out[i]);
  CHECK_THROWS_WITH(bn.inverse(0.5), "BoundaryNorm is not invertible");
  CHECK_THROWS_AS(BoundaryNorm({0, 1, 2, 5}, 2), ValueError);
  NoNorm nn;
  CHECK(nn(7.5) == 7.5);
}

TEST_CASE("autoscale ignores NaN; map_to_rgba8 matches to_rgba(bytes=True)", "[colormaps]") {
  Normalize n;
  const double x[] = {2.0, k_nan, 6.0, 4.0};
  double out[4];
  n.process(x, out);
  CHECK(n.vmin() == 2.0);
  CHECK(n.vmax() == 6.0);
  CHECK(out[0] == 0.0);
  CHECK(std::isnan(out[1]));
  CHECK(out[3] == 0.5);
  // matplotlib: ScalarMappable(Normalize(0, 1), 'viridis').to_rgba(masked_invalid(v), bytes=True)
  Normalize unit({.vmin = 0, .vmax = 1});
  const double v[] = {0.0, 0.5, k_nan, 1.0, 1.5, -0.5};
  std::vector<std::uint8_t> px(24);
  map_to_rgba8(v, unit, *get_cmap("viridis"), px);
  const std::uint8_t want[] = {68,  1,   84, 255, 32,  144, 140, 255, 0,  0, 0,  0,
                               253, 231, 36, 255, 253, 231, 36,  255, 68, 1, 84, 255};
  for (std::size_t i = 0; i < 24; ++i) CHECK(int(px[i]) == int(want[i]));
}
