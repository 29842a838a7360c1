// SPDX-License-Identifier: MIT
#pragma once
// matplotlib's hatch patterns (hatch.py) as paths in the unit square.

#include <string_view>

#include "strata/core/path.hpp"
#include "strata/export.hpp"

namespace strata::detail {

/// The hatch pattern for `hatch` (characters of "/\\|-+xoO.*", repeats make it denser) as
/// a path in the unit square [0, 1]^2, `density` lines per unit for one repeat (matplotlib
/// uses 6 per inch and scales the square to one inch). Throws ValueError naming an unknown
/// character. Lines are open paths to stroke; circles and stars are closed shapes to fill.
STRATA_API Path hatch_path(std::string_view hatch, int density = 6);

}  // namespace strata::detail
