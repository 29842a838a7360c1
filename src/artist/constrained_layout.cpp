// SPDX-License-Identifier: MIT
// Constrained layout: matplotlib 3.6.3's _constrained_layout.do_constrained_layout with the
// LayoutGrid of _layoutgrid.py.
//
// matplotlib hands the LayoutGrid constraints to kiwisolver. For the grids made here (a
// figure grid, a grid per GridSpec inside the figure's inner box, a grid per
// GridSpecFromSubplotSpec inside its parent cell) the "strong" constraints are: every margin
// equals its suggested value, the inner widths (heights) of the columns (rows) are in the
// ratio of width_ratios (height_ratios), and neighbouring cells touch; the "required" ones pin
// the first and last edges to the parent box. While every inner size is positive these have
// exactly one solution, which is computed here directly, grid after grid from the outside in:
//
//   inner width of column i = ratio_i / sum(ratios) * (parent width - all column margins)
//
// When a size would be zero or negative, matplotlib's solver gives up strong constraints and
// do_constrained_layout then refuses the result ("axes sizes collapsed to zero"); here the
// layout is not applied in that case either.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <vector>

#include "layout_impl.hpp"
#include "strata/artist/figure.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

namespace {

// The margins of a cell side: the decorations' ("left") and the padding / colorbar one
// ("leftcb"), as in matplotlib's get_margin_from_padding.
struct Margins {
  double left = 0, right = 0, bottom = 0, top = 0;
  double leftcb = 0, rightcb = 0, bottomcb = 0, topcb = 0;
};

// matplotlib's LayoutGrid, with the solved edges. Columns left to right, rows top down.
struct LayoutGrid {
  int nrows = 1;
  int ncols = 1;
  std::vector<double> width_ratios{};
  std::vector<double> height_ratios{};
  int parent = -1;  // index in the grid list; -1: the figure rect
  bool parent_inner = false;
  GridRange prows{0, 1};
  GridRange pcols{0, 1};
  // margin_vals: per column (left, right, leftcb, rightcb) and per row (bottom, top, ...).
  std::vector<double> left, right, leftcb, rightcb;
  std::vector<double> bottom, top, bottomcb, topcb;
  // The solution.
  std::vector<double> lefts, rights, bottoms, tops;
  bool collapsed = false;  // a column or row without room for its inner part

  LayoutGrid(int rows, int cols, std::vector<double> wr, std::vector<double> hr)
      : nrows(rows), ncols(cols), width_ratios(std::move(wr)), height_ratios(std::move(hr)) {
    if (width_ratios.empty()) width_ratios.assign(static_cast<std::size_t>(ncols), 1.0);
    if (height_ratios.empty()) height_ratios.assign(static_cast<std::size_t>(nrows), 1.0);
    reset_margins();
  }

  void reset_margins() {
    const auto nc = static_cast<std::size_t>(ncols);
    const auto nr = static_cast<std::size_t>(nrows);
    left.assign(nc, 0.0);
    right.assign(nc, 0.0);
    leftcb.assign(nc, 0.0);
    rightcb.assign(nc, 0.0);
    bottom.assign(nr, 0.0);
    top.assign(nr, 0.0);
    bottomcb.assign(nr, 0.0);
    topcb.assign(nr, 0.0);
  }

  // edit_margin_min: a margin only grows.
  static void edit_min(std::vector<double>& m, int cell, double size) {
    auto& v = m[static_cast<std::size_t>(cell)];
    if (size > v) v = size;
  }

  // edit_outer_margin_mins.
  void edit_outer_margin_mins(const Margins& m, const SubplotSpec& ss) {
    const GridRange rs = ss.rowspan();
    const GridRange cs = ss.colspan();
    edit_min(left, cs.start, m.left);
    edit_min(leftcb, cs.start, m.leftcb);
    edit_min(right, cs.stop - 1, m.right);
    edit_min(rightcb, cs.stop - 1, m.rightcb);
    edit_min(top, rs.start, m.top);
    edit_min(topcb, rs.start, m.topcb);
    edit_min(bottom, rs.stop - 1, m.bottom);
    edit_min(bottomcb, rs.stop - 1, m.bottomcb);
  }

  [[nodiscard]] static double at(const std::vector<double>& v, int i) {
    return v[static_cast<std::size_t>(i)];
  }

  // Places the cells in the outer box [x0, x1] x [y0, y1]; sets `collapsed` when a column or
  // row has no room left for its inner part.
  void solve(double x0, double x1, double y0, double y1) {
    const auto nc = static_cast<std::size_t>(ncols);
    const auto nr = static_cast<std::size_t>(nrows);
    lefts.assign(nc, 0.0);
    rights.assign(nc, 0.0);
    tops.assign(nr, 0.0);
    bottoms.assign(nr, 0.0);
    bool ok = true;
    double hm = 0;
    for (int i = 0; i < ncols; ++i) {
      hm += at(left, i) + at(leftcb, i) + at(right, i) + at(rightcb, i);
    }
    const double wsum = std::accumulate(width_ratios.begin(), width_ratios.end(), 0.0);
    double x = x0;
    for (int i = 0; i < ncols; ++i) {
      const double inner = (x1 - x0 - hm) * at(width_ratios, i) / wsum;
      if (!(inner > 0)) ok = false;
      lefts[static_cast<std::size_t>(i)] = x;
      x += at(left, i) + at(leftcb, i) + inner + at(right, i) + at(rightcb, i);
      rights[static_cast<std::size_t>(i)] = x;
    }
    rights.back() = x1;
    double vm = 0;
    for (int i = 0; i < nrows; ++i) {
      vm += at(top, i) + at(topcb, i) + at(bottom, i) + at(bottomcb, i);
    }
    const double hsum = std::accumulate(height_ratios.begin(), height_ratios.end(), 0.0);
    double y = y1;
    for (int i = 0; i < nrows; ++i) {
      const double inner = (y1 - y0 - vm) * at(height_ratios, i) / hsum;
      if (!(inner > 0)) ok = false;
      tops[static_cast<std::size_t>(i)] = y;
      y -= at(top, i) + at(topcb, i) + inner + at(bottom, i) + at(bottomcb, i);
      bottoms[static_cast<std::size_t>(i)] = y;
    }
    bottoms.back() = y0;
    collapsed = !ok;
  }

  // get_outer_bbox(rows, cols).
  [[nodiscard]] Bbox outer_bbox(GridRange rows, GridRange cols) const {
    return Bbox::from_extents(at(lefts, cols.start), at(bottoms, rows.stop - 1),
                              at(rights, cols.stop - 1), at(tops, rows.start));
  }

  // get_inner_bbox(rows, cols).
  [[nodiscard]] Bbox inner_bbox(GridRange rows, GridRange cols) const {
    const int c0 = cols.start;
    const int c1 = cols.stop - 1;
    const int r0 = rows.start;
    const int r1 = rows.stop - 1;
    return Bbox::from_extents(at(lefts, c0) + at(left, c0) + at(leftcb, c0),
                              at(bottoms, r1) + at(bottom, r1) + at(bottomcb, r1),
                              at(rights, c1) - at(right, c1) - at(rightcb, c1),
                              at(tops, r0) - at(top, r0) - at(topcb, r0));
  }
};

struct Params {
  double w_pad;  // figure fractions
  double h_pad;
  double wspace;  // fractions of the figure, shared by the gaps
  double hspace;
  std::array<double, 4> rect{0, 0, 1, 1};  // left, bottom, width, height
};

// The layout grids of a figure: [0] is the figure's, then one per grid, parents first.
struct LayoutGrids {
  std::vector<LayoutGrid> grids{};
  std::map<const GridSpecBase*, int> index{};

  int add_gridspec(const std::shared_ptr<GridSpecBase>& gs) {
    if (auto it = index.find(gs.get()); it != index.end()) return it->second;
    if (const auto* nested = dynamic_cast<const GridSpecFromSubplotSpec*>(gs.get())) {
      // Inside the outer box of its cells of the parent grid (matplotlib puts a 1x1 "top"
      // grid without margins in between, which changes nothing).
      const SubplotSpec& ss = nested->get_subplot_spec();
      const int parent = add_gridspec(ss.get_gridspec());
      LayoutGrid lg(gs->nrows(), gs->ncols(), gs->get_width_ratios(), gs->get_height_ratios());
      lg.parent = parent;
      lg.parent_inner = false;
      lg.prows = ss.rowspan();
      lg.pcols = ss.colspan();
      grids.push_back(std::move(lg));
    } else {
      // A figure-level grid fills the figure grid's inner box.
      LayoutGrid lg(gs->nrows(), gs->ncols(), gs->get_width_ratios(), gs->get_height_ratios());
      lg.parent = 0;
      lg.parent_inner = true;
      grids.push_back(std::move(lg));
    }
    const int k = static_cast<int>(grids.size()) - 1;
    index[gs.get()] = k;
    return k;
  }

  LayoutGrid& of(const SubplotSpec& ss) {
    return grids[static_cast<std::size_t>(index.at(ss.get_gridspec().get()))];
  }

  void reset_margins() {
    for (LayoutGrid& g : grids) g.reset_margins();
  }

  // update_variables: every grid inside its parent box, outside in.
  void solve(const std::array<double, 4>& rect) {
    for (LayoutGrid& g : grids) {
      double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
      if (g.parent < 0) {
        x0 = rect[0];
        x1 = rect[0] + rect[2];
        y0 = rect[1];
        y1 = rect[1] + rect[3];
      } else {
        const LayoutGrid& p = grids[static_cast<std::size_t>(g.parent)];
        const Bbox b =
            g.parent_inner ? p.inner_bbox(g.prows, g.pcols) : p.outer_bbox(g.prows, g.pcols);
        x0 = b.x0;
        x1 = b.x1;
        y0 = b.y0;
        y1 = b.y1;
      }
      g.solve(x0, x1, y0, y1);
    }
  }
};

// get_margin_from_padding: the pads, or the share of wspace / hspace of an inner cell side
// when that is larger.
Margins margin_from_padding(const SubplotSpec& ss, const Params& p) {
  const GridSpecBase& gs = *ss.get_gridspec();
  double wspace = p.wspace;
  double hspace = p.hspace;
  if (const auto* g = dynamic_cast<const GridSpec*>(&gs)) {
    if (g->params().wspace) wspace = *g->params().wspace;
    if (g->params().hspace) hspace = *g->params().hspace;
  } else {
    // A nested grid's own spacing, else the values passed in.
    const SubplotParams sp = gs.get_subplot_params({.wspace = p.wspace, .hspace = p.hspace});
    wspace = *sp.wspace;
    hspace = *sp.hspace;
  }
  wspace /= 2;
  hspace /= 2;
  const auto [nrows, ncols] = gs.get_geometry();
  Margins m;
  m.leftcb = m.rightcb = p.w_pad;
  m.bottomcb = m.topcb = p.h_pad;
  const GridRange rs = ss.rowspan();
  const GridRange cs = ss.colspan();
  if (wspace / ncols > p.w_pad) {
    if (cs.start > 0) m.leftcb = wspace / ncols;
    if (cs.stop < ncols) m.rightcb = wspace / ncols;
  }
  if (hspace / nrows > p.h_pad) {
    if (rs.stop < nrows) m.bottomcb = hspace / nrows;
    if (rs.start > 0) m.topcb = hspace / nrows;
  }
  return m;
}

// Hook for colorbars (Strata has none yet). matplotlib's make_layout_margins adds, for each
// colorbar `cb` of the Axes (ax._colorbars), to the "cb" margin on the colorbar's side its
// tight width (height) plus its pad (cb pad x the parent's inner size, colorbar_get_pad) when
// the colorbar sits at that edge of its parents' span, and grows the decoration margins
// across it when the colorbar box pokes out of the Axes' tight box. reposition_axes then
// places each colorbar next to its parent (reposition_colorbar). Both go here and in
// reposition_colorbars below once Axes has colorbars.
void add_colorbar_margins(const Axes& /*ax*/, const SubplotSpec& /*ss*/, const Bbox& /*bbox*/,
                          Margins& /*margin*/) {}

// Hook for colorbars: matplotlib's reposition_colorbar for each colorbar of `ax`.
void reposition_colorbars(Axes& /*ax*/, const LayoutGrids& /*grids*/) {}

// An Axes' box in figure fractions.
Bbox to_figure_fraction(const Bbox& px, const Bbox& fig) {
  return Bbox::from_extents((px.x0 - fig.x0) / fig.width(), (px.y0 - fig.y0) / fig.height(),
                            (px.x1 - fig.x0) / fig.width(), (px.y1 - fig.y0) / fig.height());
}

bool in_layout(const Axes& ax) { return ax.get_subplotspec() != nullptr && ax.get_in_layout(); }

}  // namespace

void Figure::do_constrained_layout() {
  const RcParams rcp = rc();
  const Params p{.w_pad = rcp.get_double("figure.constrained_layout.w_pad") / size_inches_.width,
                 .h_pad = rcp.get_double("figure.constrained_layout.h_pad") / size_inches_.height,
                 .wspace = rcp.get_double("figure.constrained_layout.wspace"),
                 .hspace = rcp.get_double("figure.constrained_layout.hspace")};

  // make_layoutgrids: the figure grid, then the grids of the Axes in the order they came.
  LayoutGrids lgs;
  lgs.grids.emplace_back(1, 1, std::vector<double>{}, std::vector<double>{});
  for (const auto& ax : axes_) {
    if (const auto& ss = ax->get_subplotspec()) lgs.add_gridspec(ss->get_gridspec());
  }
  if (lgs.grids.size() == 1) return;  // no grids: matplotlib warns and does nothing

  std::vector<Axes*> axs;  // the Axes that take part
  for (const auto& ax : axes_) {
    if (in_layout(*ax)) axs.push_back(ax.get());
  }

  // Done twice: tick labels change with the first repositioning.
  for (int pass = 0; pass < 2; ++pass) {
    const Bbox fig_px = bbox_->get_points();
    // make_layout_margins.
    for (Axes* ax : axs) {
      const SubplotSpec& ss = *ax->get_subplotspec();
      Margins m = margin_from_padding(ss, p);
      const Bbox pos = ax->get_position(true);
      const Bbox tb = layout_detail::tightbbox_for_layout(*ax);
      const Bbox bbox = tb.is_null() ? pos : to_figure_fraction(tb, fig_px);
      m.left += pos.x0 - bbox.x0;
      m.right += bbox.x1 - pos.x1;
      m.bottom += pos.y0 - bbox.y0;
      m.top += bbox.y1 - pos.y1;
      add_colorbar_margins(*ax, ss, bbox, m);
      lgs.of(ss).edit_outer_margin_mins(m, ss);
    }

    // make_margin_suptitles: sup-texts move to the figure edge (plus the pad) and the figure
    // grid gets a margin of their size plus twice the pad. Strata's sup-texts always have
    // matplotlib's automatic position.
    LayoutGrid& figlg = lgs.grids.front();
    auto tight_fraction = [&](const Text& t) {
      const Bbox b = t.get_visible() ? t.get_tightbbox() : Bbox::from_extents(0, 0, 1, 1);
      return b.is_null() ? Bbox::from_extents(0, 0, 0, 0) : to_figure_fraction(b, fig_px);
    };
    if (Text* t = sup_texts_[0].get(); t && t->get_in_layout()) {
      t->set_position({t->get_position().x, 1 - p.h_pad});
      LayoutGrid::edit_min(figlg.top, 0, tight_fraction(*t).height() + 2 * p.h_pad);
    }
    if (Text* t = sup_texts_[1].get(); t && t->get_in_layout()) {
      t->set_position({t->get_position().x, p.h_pad});
      LayoutGrid::edit_min(figlg.bottom, 0, tight_fraction(*t).height() + 2 * p.h_pad);
    }
    if (Text* t = sup_texts_[2].get(); t && t->get_in_layout()) {
      t->set_position({p.w_pad, t->get_position().y});
      LayoutGrid::edit_min(figlg.left, 0, tight_fraction(*t).width() + 2 * p.w_pad);
    }

    // match_submerged_margins: the margins inside a spanning Axes all equal the largest
    // interior margin of any spanning Axes.
    auto max_over = [](const std::vector<double>& a, const std::vector<double>& b, int from,
                       int to) {
      double m = -std::numeric_limits<double>::infinity();
      for (int i = from; i < to; ++i) {
        m = std::max(m, a[static_cast<std::size_t>(i)] + b[static_cast<std::size_t>(i)]);
      }
      return m;
    };
    for (Axes* ax1 : axs) {
      const SubplotSpec& ss1 = *ax1->get_subplotspec();
      LayoutGrid& lg1 = lgs.of(ss1);
      const GridRange c1 = ss1.colspan();
      const GridRange r1 = ss1.rowspan();
      if (c1.size() > 1) {
        double maxsubl = max_over(lg1.left, lg1.leftcb, c1.start + 1, c1.stop);
        double maxsubr = max_over(lg1.right, lg1.rightcb, c1.start, c1.stop - 1);
        for (Axes* ax2 : axs) {
          const SubplotSpec& ss2 = *ax2->get_subplotspec();
          const LayoutGrid& lg2 = lgs.of(ss2);
          const GridRange c2 = ss2.colspan();
          if (c2.size() > 1) {
            maxsubl = std::max(maxsubl, max_over(lg2.left, lg2.leftcb, c2.start + 1, c2.stop));
            maxsubr = std::max(maxsubr, max_over(lg2.right, lg2.rightcb, c2.start, c2.stop - 1));
          }
        }
        for (int i = c1.start + 1; i < c1.stop; ++i) LayoutGrid::edit_min(lg1.left, i, maxsubl);
        for (int i = c1.start; i < c1.stop - 1; ++i) LayoutGrid::edit_min(lg1.right, i, maxsubr);
      }
      if (r1.size() > 1) {
        double maxsubt = max_over(lg1.top, lg1.topcb, r1.start + 1, r1.stop);
        double maxsubb = max_over(lg1.bottom, lg1.bottomcb, r1.start, r1.stop - 1);
        for (Axes* ax2 : axs) {
          const SubplotSpec& ss2 = *ax2->get_subplotspec();
          const LayoutGrid& lg2 = lgs.of(ss2);
          const GridRange r2 = ss2.rowspan();
          if (r2.size() > 1) {
            maxsubt = std::max(maxsubt, max_over(lg2.top, lg2.topcb, r2.start + 1, r2.stop));
            maxsubb = std::max(maxsubb, max_over(lg2.bottom, lg2.bottomcb, r2.start, r2.stop - 1));
          }
        }
        for (int i = r1.start + 1; i < r1.stop; ++i) LayoutGrid::edit_min(lg1.top, i, maxsubt);
        for (int i = r1.start; i < r1.stop - 1; ++i) LayoutGrid::edit_min(lg1.bottom, i, maxsubb);
      }
    }

    // update_variables + check_no_collapsed_axes (the grids that hold Axes) + reposition_axes.
    lgs.solve(p.rect);
    const bool collapsed = std::any_of(axes_.begin(), axes_.end(), [&](const auto& ax) {
      const auto& ss = ax->get_subplotspec();
      return ss && lgs.of(*ss).collapsed;
    });
    if (!collapsed) {
      for (Axes* ax : axs) {
        const SubplotSpec& ss = *ax->get_subplotspec();
        ax->set_position(lgs.of(ss).inner_bbox(ss.rowspan(), ss.colspan()));
        reposition_colorbars(*ax, lgs);
      }
    }
    // reset_margins.
    lgs.reset_margins();
  }
}

}  // namespace strata
