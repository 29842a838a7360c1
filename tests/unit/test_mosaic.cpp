// SPDX-License-Identifier: MIT
// Figure::subplot_mosaic against matplotlib.
//
// The expected positions (get_position().bounds: left, bottom, width, height), the order of the
// Axes, which shared tick labels stay on, and the error messages come from matplotlib 3.6.3,
// printed by tests/fixtures/pyplot/make_expected.py (run with /usr/bin/python3; sections
// MOSAICS and ERRORS) and pasted unchanged. Each case names the matplotlib call.
#include <functional>
#include <string>
#include <vector>

#include "strata/artist/figure.hpp"
#include "strata/artist/mosaic.hpp"
#include "strata/error.hpp"
#include "support/catch.hpp"

using namespace strata;

namespace {

struct Expected {
  std::string label;
  std::vector<double> bounds;  // left, bottom, width, height
  bool labelbottom;
  bool labelleft;
};

void check_mosaic(const Mosaic& axd, const std::vector<Expected>& want) {
  REQUIRE(axd.size() == want.size());
  std::size_t i = 0;
  for (const auto& [label, ax] : axd) {
    const Expected& w = want[i++];
    INFO("label " << w.label);
    CHECK(label == w.label);
    const Bbox b = ax->get_position();
    CHECK(b.x0 == Approx(w.bounds[0]).epsilon(0).margin(1e-12));
    CHECK(b.y0 == Approx(w.bounds[1]).epsilon(0).margin(1e-12));
    CHECK(b.width() == Approx(w.bounds[2]).epsilon(0).margin(1e-12));
    CHECK(b.height() == Approx(w.bounds[3]).epsilon(0).margin(1e-12));
    CHECK(ax->xaxis().major_style().label1on == w.labelbottom);
    CHECK(ax->yaxis().major_style().label1on == w.labelleft);
    CHECK(ax->get_label() == w.label);
  }
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ValueError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("subplot_mosaic: string layouts", "[mosaic]") {
  Figure fig;
  // subplot_mosaic('AB;CC', {})
  check_mosaic(
      fig.subplot_mosaic("AB;CC"),
      {
          {"A", {0.125, 0.53, 0.35227272727272724, 0.35}, true, true},
          {"B", {0.5477272727272726, 0.53, 0.3522727272727273, 0.35}, true, true},
          {"C", {0.125, 0.10999999999999999, 0.7749999999999999, 0.35000000000000003}, true, true},
      });
  Figure fig2;
  // subplot_mosaic('\n    AAE\n    C.E\n    ', {})
  check_mosaic(
      fig2.subplot_mosaic("\n    AAE\n    C.E\n    "),
      {
          {"A", {0.125, 0.53, 0.5014705882352941, 0.35}, true, true},
          {"E", {0.6720588235294118, 0.10999999999999999, 0.2279411764705882, 0.77}, true, true},
          {"C", {0.125, 0.10999999999999999, 0.2279411764705882, 0.35000000000000003}, true, true},
      });
  CHECK(fig2.get_axes().size() == 3);
  Figure fig3;
  // subplot_mosaic('CBA;DDA', {}): ordered by upper-left cell, not by first appearance
  check_mosaic(
      fig3.subplot_mosaic("CBA;DDA"),
      {
          {"C", {0.125, 0.53, 0.2279411764705882, 0.35}, true, true},
          {"B", {0.3985294117647059, 0.53, 0.2279411764705882, 0.35}, true, true},
          {"A", {0.6720588235294118, 0.10999999999999999, 0.2279411764705882, 0.77}, true, true},
          {"D", {0.125, 0.10999999999999999, 0.5014705882352941, 0.35000000000000003}, true, true},
      });
  Figure fig4;
  // subplot_mosaic('AX;BB', {'empty_sentinel': 'X'})
  check_mosaic(
      fig4.subplot_mosaic("AX;BB", {.empty_sentinel = "X"}),
      {
          {"A", {0.125, 0.53, 0.35227272727272724, 0.35}, true, true},
          {"B", {0.125, 0.10999999999999999, 0.7749999999999999, 0.35000000000000003}, true, true},
      });
}

TEST_CASE("subplot_mosaic: list layouts, ratios and nesting", "[mosaic]") {
  Figure fig;
  // subplot_mosaic([['A panel', 'A panel', 'edge'], ['C panel', '.', 'edge']],
  //                {'width_ratios': [1, 2, 1], 'height_ratios': [2, 1]})
  check_mosaic(
      fig.subplot_mosaic({{"A panel", "A panel", "edge"}, {"C panel", ".", "edge"}},
                         {.width_ratios = {1, 2, 1}, .height_ratios = {2, 1}}),
      {
          {"A panel",
           {0.125, 0.4133333333333334, 0.5584558823529412, 0.4666666666666666},
           true,
           true},
          {"edge",
           {0.7290441176470588, 0.1100000000000001, 0.17095588235294112, 0.7699999999999999},
           true,
           true},
          {"C panel",
           {0.125, 0.1100000000000001, 0.17095588235294118, 0.23333333333333328},
           true,
           true},
      });
  Figure fig2;
  // subplot_mosaic([['A', [['x', 'y'], ['z', 'w']]], ['B', 'B']], {'gridspec_kw': {'wspace': 0.4}})
  check_mosaic(
      fig2.subplot_mosaic({{"A", MosaicLayout{{"x", "y"}, {"z", "w"}}}, {"B", "B"}},
                          {.gridspec_kw = {.wspace = 0.4}}),
      {
          {"A", {0.125, 0.53, 0.3229166666666667, 0.35}, true, true},
          {"x",
           {0.5770833333333334, 0.7209090909090909, 0.13454861111111116, 0.15909090909090906},
           true,
           true},
          {"y",
           {0.765451388888889, 0.7209090909090909, 0.13454861111111116, 0.15909090909090906},
           true,
           true},
          {"z", {0.5770833333333334, 0.53, 0.13454861111111116, 0.15909090909090917}, true, true},
          {"w", {0.765451388888889, 0.53, 0.13454861111111116, 0.15909090909090917}, true, true},
          {"B", {0.125, 0.10999999999999999, 0.7750000000000001, 0.35000000000000003}, true, true},
      });
  // A one-row list layout; a nested layout is spelled MosaicLayout{...}.
  Figure fig3;
  const Mosaic one = fig3.subplot_mosaic({{"left", "right"}});
  CHECK(one.labels() == std::vector<std::string>{"left", "right"});
  Figure fig4;
  const Mosaic nested = fig4.subplot_mosaic({{"a", MosaicLayout{{"b"}, {"c"}}}});
  CHECK(nested.labels() == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("subplot_mosaic: sharex and sharey hide inner tick labels", "[mosaic]") {
  Figure fig;
  // subplot_mosaic('AB;CD', {'sharex': True, 'sharey': True})
  const Mosaic axd = fig.subplot_mosaic("AB;CD", {.sharex = true, .sharey = true});
  check_mosaic(
      axd,
      {
          {"A", {0.125, 0.53, 0.35227272727272724, 0.35}, false, true},
          {"B", {0.5477272727272726, 0.53, 0.3522727272727273, 0.35}, false, false},
          {"C", {0.125, 0.10999999999999999, 0.35227272727272724, 0.35000000000000003}, true, true},
          {"D",
           {0.5477272727272726, 0.10999999999999999, 0.3522727272727273, 0.35000000000000003},
           true,
           false},
      });
  CHECK(axd["D"].get_shared_x_axes().size() == 4);
  CHECK(axd["D"].get_shared_y_axes().size() == 4);
  axd["A"].set_xlim(2, 3);
  CHECK(axd["D"].get_xlim() == std::pair<double, double>{2, 3});
}

TEST_CASE("subplot_mosaic: matplotlib's errors", "[mosaic]") {
  Figure fig;
  CHECK(error_of([&] { (void)fig.subplot_mosaic("AB;CA"); }) ==
        "While trying to layout\narray([['A', 'B'],\n       ['C', 'A']], dtype=object)\nwe found "
        "that the label 'A' specifies a non-rectangular or non-contiguous area.");
  CHECK(error_of([&] {
          (void)fig.subplot_mosaic({{"A", "B"}, {"C"}});
        }) ==
        "All of the rows must be the same length, however the first row (['A', 'B']) has "
        "length 2 and row 1 (['C']) has length 1.");
  CHECK(error_of([&] {
          (void)fig.subplot_mosaic({{"A", MosaicLayout{{"B", "A"}}}});
        }) ==
        "There are duplicate keys {'A'} between the outer layout\narray([['A', list([['B', "
        "'A']])]], dtype=object)\nand the nested layout\n[['B' 'A']]");
  CHECK(error_of([&] {
          (void)fig.subplot_mosaic({{MosaicLayout{{"A"}}, "A"}});
        }) ==
        "There are duplicate keys A in the layout\narray([[list([['A']]), 'A']], dtype=object)");
  CHECK(error_of([&] {
          (void)fig.subplot_mosaic(
              "AB", {.width_ratios = {1, 2}, .gridspec_kw = {.width_ratios = {1, 2}}});
        }) == "'width_ratios' must not be defined both as parameter and as key in 'gridspec_kw'");
  CHECK(error_of([&] { (void)fig.subplot_mosaic("ABA"); }) ==
        "While trying to layout\narray([['A', 'B', 'A']], dtype=object)\nwe found that the "
        "label 'A' specifies a non-rectangular or non-contiguous area.");
  // A failed layout leaves no Axes behind.
  CHECK(fig.get_axes().empty());
  const Mosaic ok = fig.subplot_mosaic("AB");
  CHECK(error_of([&] { (void)ok["Z"]; }) == "'Z'");
  CHECK(ok.contains("A"));
  CHECK_FALSE(ok.contains("Z"));
}

TEST_CASE("subplot_mosaic: string parsing as matplotlib's _normalize_grid_string", "[mosaic]") {
  const auto rows = [](const MosaicLayout& l) {
    std::vector<std::string> out;
    for (const auto& r : l) {
      std::string s;
      for (const auto& c : r) s += c.label();
      out.push_back(s);
    }
    return out;
  };
  // inspect.cleandoc('\n    AAE\n    C.E\n    ').strip('\n').split('\n') == ['AAE', 'C.E']
  CHECK(rows(detail::parse_mosaic_string("\n    AAE\n    C.E\n    ")) ==
        std::vector<std::string>{"AAE", "C.E"});
  // 'AB;CC'.split(';') == ['AB', 'CC']
  CHECK(rows(detail::parse_mosaic_string("AB;CC")) == std::vector<std::string>{"AB", "CC"});
  // cleandoc('  AB\n    CD\n') == 'AB\nCD' (first line stripped, common margin of the rest)
  CHECK(rows(detail::parse_mosaic_string("  AB\n    CD\n")) ==
        std::vector<std::string>{"AB", "CD"});
  // Multi-byte characters are one cell each.
  const MosaicLayout greek = detail::parse_mosaic_string("\u03b1\u03b2;\u03b3\u03b3");
  REQUIRE(greek.size() == 2);
  CHECK(greek[0].size() == 2);
  CHECK(greek[0][1].label() == "\u03b2");
}
