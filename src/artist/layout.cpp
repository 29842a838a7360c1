// SPDX-License-Identifier: MIT
// Figure layout engines: the choice of engine, run at every draw.
#include <fmt/format.h>

#include "strata/artist/figure.hpp"
#include "strata/error.hpp"

namespace strata {

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
  if (layout_ == "tight") tight_layout();
}

}  // namespace strata
