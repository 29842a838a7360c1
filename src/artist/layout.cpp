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

Bbox tightbbox_for_layout(Axes& ax) { return ax.get_tightbbox(true); }

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
