// SPDX-License-Identifier: MIT
// Figure::tight_layout: matplotlib 3.6.3's Figure.tight_layout / TightLayoutEngine.execute
// (_tight_layout.get_tight_layout_figure and _auto_adjust_subplotpars).
//
// The margins around each subplot are the distances between its Axes' layout tight box and
// the box of its subplot spec; the subplot parameters are then chosen so that the largest
// margin of each figure edge and each gap between rows and columns fits, plus `pad` (in units
// of rcParams font.size). Like matplotlib it assumes the margins do not depend on the Axes'
// position, and it runs once (no second pass for tick labels that change with the new size).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>
#include <vector>

#include "layout_impl.hpp"
#include "strata/artist/figure.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

namespace {

// One subplot spec of the topmost grid and the Axes placed in it (twins share one).
struct SubplotGroup {
  SubplotSpec spec;
  std::vector<Axes*> axes;
  Bbox ax_bbox;              // the spec's box, figure fractions
  GridRange rows{}, cols{};  // scaled to the largest grid
};

// A rows x cols array of doubles, row major (numpy's zeros((rows, cols))).
struct Grid2 {
  int rows = 0;
  int cols = 0;
  std::vector<double> v{};
  Grid2(int r, int c) : rows(r), cols(c), v(static_cast<std::size_t>(r * c), 0.0) {}
  double& at(int r, int c) { return v[static_cast<std::size_t>(r * cols + c)]; }
  // The largest value of rows [r0, r1) x columns [c0, c1); -inf when empty.
  [[nodiscard]] double max(int r0, int r1, int c0, int c1) const {
    double m = -std::numeric_limits<double>::infinity();
    for (int r = r0; r < r1; ++r) {
      for (int c = c0; c < c1; ++c) m = std::max(m, v[static_cast<std::size_t>(r * cols + c)]);
    }
    return m;
  }
};

// The rect of _auto_adjust_subplotpars: (left, bottom, right, top), each optional.
struct MarginRect {
  std::optional<double> left, bottom, right, top;
};

// Height (or width) of a figure-level text in figure fractions, as matplotlib measures it
// with get_window_extent: 0 for an empty text, a 1 px unit box for an invisible one.
double text_fraction(const Text& t, double figure_px, bool height) {
  if (!t.get_visible()) return 1.0 / figure_px;
  const Bbox b = t.get_window_extent();
  if (b.is_null()) return 0.0;
  return (height ? b.height() : b.width()) / figure_px;
}

}  // namespace

void Figure::tight_layout(double pad, std::optional<double> h_pad, std::optional<double> w_pad,
                          std::array<double, 4> rect) {
  // matplotlib sets a TightLayoutEngine, runs it and then sets the engine to None, which
  // falls back to the rcParams choice.
  do_tight_layout(pad, h_pad, w_pad, rect);
  const RcParams p = rc();
  if (p.get_bool("figure.autolayout")) {
    layout_ = "tight";
  } else if (p.get_bool("figure.constrained_layout.use")) {
    layout_ = "constrained";
  } else {
    layout_.clear();
  }
}

void Figure::do_tight_layout(double pad, std::optional<double> h_pad, std::optional<double> w_pad,
                             std::array<double, 4> rect) {
  if (!std::isfinite(pad))
    throw ValueError(fmt::format("tight_layout: pad must be finite, not {}", pad));
  if (h_pad && !std::isfinite(*h_pad)) {
    throw ValueError(fmt::format("tight_layout: h_pad must be finite, not {}", *h_pad));
  }
  if (w_pad && !std::isfinite(*w_pad)) {
    throw ValueError(fmt::format("tight_layout: w_pad must be finite, not {}", *w_pad));
  }
  if (!std::all_of(rect.begin(), rect.end(), [](double v) { return std::isfinite(v); }) ||
      !(rect[0] < rect[2]) || !(rect[1] < rect[3])) {
    throw ValueError(fmt::format(
        "tight_layout: rect must be finite (left, bottom, right, top) with left < right and "
        "bottom < top, not ({}, {}, {}, {})",
        rect[0], rect[1], rect[2], rect[3]));
  }

  // get_subplotspec_list + the grouping of get_tight_layout_figure: Axes without a subplot
  // spec, or from a grid with its own subplot parameters, are left alone.
  std::vector<SubplotGroup> groups;
  for (const auto& ax : axes_) {
    const auto& spec = ax->get_subplotspec();
    if (!spec) continue;
    SubplotSpec top = spec->get_topmost_subplotspec();
    if (const auto* gs = dynamic_cast<const GridSpec*>(top.get_gridspec().get())) {
      if (!gs->locally_modified_subplot_params().empty()) continue;
    }
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const SubplotGroup& g) { return g.spec == top; });
    if (it == groups.end()) {
      groups.push_back({top, {}, top.get_position(subplotpars_)});
      it = std::prev(groups.end());
    }
    it->axes.push_back(ax.get());
  }
  if (groups.empty()) return;

  int max_nrows = 0;
  int max_ncols = 0;
  for (const SubplotGroup& g : groups) {
    max_nrows = std::max(max_nrows, g.spec.get_gridspec()->nrows());
    max_ncols = std::max(max_ncols, g.spec.get_gridspec()->ncols());
  }
  for (SubplotGroup& g : groups) {
    const auto [rows, cols] = g.spec.get_gridspec()->get_geometry();
    // Grids whose sizes are not multiples of one another: matplotlib does not apply.
    if (max_nrows % rows != 0 || max_ncols % cols != 0) return;
    const int div_row = max_nrows / rows;
    const int div_col = max_ncols / cols;
    const GridRange rs = g.spec.rowspan();
    const GridRange cs = g.spec.colspan();
    g.rows = {rs.start * div_row, rs.stop * div_row};
    g.cols = {cs.start * div_col, cs.stop * div_col};
  }

  // The layout tight boxes, in figure fractions, once for both passes.
  const Bbox fig_px = bbox_->get_points();
  const double fig_w_px = fig_px.width();
  const double fig_h_px = fig_px.height();
  std::vector<std::optional<Bbox>> tight(groups.size());
  for (std::size_t k = 0; k < groups.size(); ++k) {
    Bbox u = Bbox::null();
    bool any = false;
    for (Axes* ax : groups[k].axes) {
      if (!ax->get_visible()) continue;
      any = true;
      u = Bbox::union_of(u, layout_detail::tightbbox_for_layout(*ax));
    }
    if (!any || u.is_null()) continue;
    tight[k] = Bbox::from_extents((u.x0 - fig_px.x0) / fig_w_px, (u.y0 - fig_px.y0) / fig_h_px,
                                  (u.x1 - fig_px.x0) / fig_w_px, (u.y1 - fig_px.y0) / fig_h_px);
  }

  const double font_size_inch = rc().get_double("font.size") / 72.0;
  const double pad_inch = pad * font_size_inch;
  const double vpad_inch = h_pad ? *h_pad * font_size_inch : pad_inch;
  const double hpad_inch = w_pad ? *w_pad * font_size_inch : pad_inch;
  const double fig_w_in = size_inches_.width;
  const double fig_h_in = size_inches_.height;
  const Text* suptitle = sup_texts_[0].get();
  const Text* supxlabel = sup_texts_[1].get();
  const Text* supylabel = sup_texts_[2].get();

  // _auto_adjust_subplotpars: nullopt when the margins leave no room for the Axes (matplotlib
  // warns "Tight layout not applied" and changes nothing).
  auto adjust = [&](const MarginRect& r) -> std::optional<SubplotParams> {
    const int rows = max_nrows;
    const int cols = max_ncols;
    Grid2 vspaces(rows + 1, cols);
    Grid2 hspaces(rows, cols + 1);
    for (std::size_t k = 0; k < groups.size(); ++k) {
      if (!tight[k]) continue;
      const SubplotGroup& g = groups[k];
      const Bbox& ax = g.ax_bbox;
      const Bbox& tb = *tight[k];
      for (int i = g.rows.start; i < g.rows.stop; ++i) {
        hspaces.at(i, g.cols.start) += ax.xmin() - tb.xmin();
        hspaces.at(i, g.cols.stop) += tb.xmax() - ax.xmax();
      }
      for (int j = g.cols.start; j < g.cols.stop; ++j) {
        vspaces.at(g.rows.start, j) += tb.ymax() - ax.ymax();
        vspaces.at(g.rows.stop, j) += ax.ymin() - tb.ymin();
      }
    }
    // matplotlib tests the values' truth: 0 (or unset) means "compute".
    double margin_left = r.left.value_or(0.0);
    double margin_bottom = r.bottom.value_or(0.0);
    double margin_right = r.right && *r.right != 0 ? 1 - *r.right : 0.0;
    double margin_top = r.top && *r.top != 0 ? 1 - *r.top : 0.0;
    if (margin_left == 0) {
      margin_left = std::max(hspaces.max(0, rows, 0, 1), 0.0) + pad_inch / fig_w_in;
      if (supylabel && supylabel->get_in_layout()) {
        margin_left += text_fraction(*supylabel, fig_w_px, false) + pad_inch / fig_w_in;
      }
    }
    if (margin_right == 0) {
      margin_right = std::max(hspaces.max(0, rows, cols, cols + 1), 0.0) + pad_inch / fig_w_in;
    }
    if (margin_top == 0) {
      margin_top = std::max(vspaces.max(0, 1, 0, cols), 0.0) + pad_inch / fig_h_in;
      if (suptitle && suptitle->get_in_layout()) {
        margin_top += text_fraction(*suptitle, fig_h_px, true) + pad_inch / fig_h_in;
      }
    }
    if (margin_bottom == 0) {
      margin_bottom = std::max(vspaces.max(rows, rows + 1, 0, cols), 0.0) + pad_inch / fig_h_in;
      if (supxlabel && supxlabel->get_in_layout()) {
        margin_bottom += text_fraction(*supxlabel, fig_h_px, true) + pad_inch / fig_h_in;
      }
    }
    if (margin_left + margin_right >= 1 || margin_bottom + margin_top >= 1) return std::nullopt;
    SubplotParams out{.left = margin_left,
                      .right = 1 - margin_right,
                      .bottom = margin_bottom,
                      .top = 1 - margin_top};
    if (cols > 1) {
      const double hspace = hspaces.max(0, rows, 1, cols) + hpad_inch / fig_w_in;
      const double h_axes = (1 - margin_right - margin_left - hspace * (cols - 1)) / cols;
      if (h_axes < 0) return std::nullopt;
      out.wspace = hspace / h_axes;
    }
    if (rows > 1) {
      const double vspace = vspaces.max(1, rows, 0, cols) + vpad_inch / fig_h_in;
      const double v_axes = (1 - margin_top - margin_bottom - vspace * (rows - 1)) / rows;
      if (v_axes < 0) return std::nullopt;
      out.hspace = vspace / v_axes;
    }
    return out;
  };

  std::optional<SubplotParams> kw = adjust({});
  if (!kw) return;
  // The whole subplot area, labels included, goes into `rect`: a second pass with the
  // margins of the first added to the rect (matplotlib always makes it; the default rect
  // (0, 0, 1, 1) gives the first pass' values again).
  kw = adjust({.left = rect[0] + *kw->left,
               .bottom = rect[1] + *kw->bottom,
               .right = rect[2] - (1 - *kw->right),
               .top = rect[3] - (1 - *kw->top)});
  if (!kw) return;
  subplots_adjust(*kw);
}

}  // namespace strata
