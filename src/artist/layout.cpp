// SPDX-License-Identifier: MIT
// Figure layout engines: the choice of engine, run at every draw, and the extent of an Axes
// as the engines see it (layout_impl.hpp).
#include <fmt/format.h>

#include <cmath>

#include "layout_impl.hpp"
#include "strata/artist/figure.hpp"
#include "strata/error.hpp"

namespace strata {

namespace layout_detail {

namespace {

// matplotlib keeps boxes with 0 < width < inf and 0 < height < inf (Axis.get_tightbbox, the
// extra artists of Axes.get_tightbbox).
bool positive_finite(const Bbox& b) {
  return !b.is_null() && b.width() > 0 && b.height() > 0 && std::isfinite(b.width()) &&
         std::isfinite(b.height());
}

// Axes.get_tightbbox's final filter: boxes empty in both directions are dropped.
void add_unless_empty(Bbox& u, const Bbox& b) {
  if (b.is_null() || (b.width() == 0 && b.height() == 0)) return;
  u = Bbox::union_of(u, b);
}

// matplotlib's Axis.get_tightbbox(for_layout_only=True): offset text, tick labels and the
// axis label collapsed to 1 px along the axis ("the adjustments they make can't be
// improved"). Axes.get_tightbbox always asks its axes for this variant.
Bbox axis_tightbbox_for_layout(Axis& axis, double dpi) {
  // The label and the offset text were placed for the current ticks by Axes::get_tightbbox
  // (tightbbox_for_layout calls it first).
  if (!axis.get_visible()) return Bbox::null();
  const Axis::LabelExtents ext = axis.get_ticklabel_extents(dpi);
  Bbox u = Bbox::null();
  auto add = [&u](const Bbox& b) {
    if (positive_finite(b)) u = Bbox::union_of(u, b);
  };
  add(axis.offset_text().get_window_extent(dpi));
  for (const Bbox& b : ext.side1) add(b);
  for (const Bbox& b : ext.side2) add(b);
  Bbox lb = axis.label().get_window_extent(dpi);
  if (!lb.is_null()) {
    if (axis.is_x() && lb.width() > 0) {
      lb.x0 = (lb.x0 + lb.x1) / 2 - 0.5;
      lb.x1 = lb.x0 + 1.0;
    }
    if (!axis.is_x() && lb.height() > 0) {
      lb.y0 = (lb.y0 + lb.y1) / 2 - 0.5;
      lb.y1 = lb.y0 + 1.0;
    }
    add(lb);
  }
  return u;
}

}  // namespace

Bbox tightbbox_for_layout(Axes& ax) {
  if (!ax.get_visible()) return Bbox::null();
  // Axes::get_tightbbox brings the view limits, the aspect and the title position up to date
  // (matplotlib's apply_aspect and _update_title_position); its own box is not the layout one.
  (void)ax.get_tightbbox();
  const Figure* fig = ax.get_figure();
  const double dpi = fig ? fig->get_dpi() : 100.0;
  Bbox u = Bbox::null();
  if (ax.axison()) {
    add_unless_empty(u, axis_tightbbox_for_layout(ax.xaxis(), dpi));
    add_unless_empty(u, axis_tightbbox_for_layout(ax.yaxis(), dpi));
  }
  add_unless_empty(u, ax.get_window_extent());
  for (const char* loc : {"center", "left", "right"}) {
    Text& t = ax.title(loc);
    if (!t.get_visible()) continue;
    Bbox bt = t.get_window_extent(dpi);
    if (bt.is_null()) continue;
    if (bt.width() > 0) {  // 1 px wide: a title's width does not make room (matplotlib)
      bt.x0 = (bt.x0 + bt.x1) / 2 - 0.5;
      bt.x1 = bt.x0 + 1.0;
    }
    add_unless_empty(u, bt);
  }
  // get_default_bbox_extra_artists: the spines (with their tick marks) when the axes are on,
  // and the visible children in the layout. Children clipped to the axes box add nothing.
  if (ax.axison()) {
    for (const char* name : {"left", "right", "bottom", "top"}) {
      Spine& s = ax.spines(name);
      if (!s.get_visible() || !s.get_in_layout()) continue;
      const Bbox b = s.get_tightbbox();
      if (positive_finite(b)) u = Bbox::union_of(u, b);
    }
  }
  for (const Artist* c : ax.get_children()) {
    if (!c->get_visible() || !c->get_in_layout()) continue;
    const Bbox b = c->get_tightbbox();
    if (positive_finite(b)) u = Bbox::union_of(u, b);
  }
  return u;
}

}  // namespace layout_detail

void Figure::set_layout_engine(std::string_view layout) {
  if (layout == "none" || layout.empty()) {
    layout_.clear();
  } else if (layout == "tight" || layout == "constrained") {
    layout_ = std::string(layout);
  } else {
    throw ValueError(fmt::format(
        "Invalid value for 'layout': '{}'; supported values are 'constrained', 'tight', 'none'",
        layout));
  }
  set_stale();
}

void Figure::execute_layout() {
  if (axes_.empty()) return;  // matplotlib runs the engine only when there are Axes
  if (layout_ == "tight") {
    do_tight_layout(1.08, {}, {}, {0, 0, 1, 1});
  } else if (layout_ == "constrained") {
    do_constrained_layout();
  }
}

}  // namespace strata
