// SPDX-License-Identifier: MIT
#pragma once
// Shared by the layout engines (tight_layout.cpp, constrained_layout.cpp): the extent of an
// Axes as layout engines see it.

#include "strata/artist/axes.hpp"
#include "strata/core/geometry.hpp"

namespace strata::layout_detail {

/// matplotlib's martist._get_tightbbox_for_layout_only(ax): Axes.get_tightbbox with
/// for_layout_only=True, in display pixels at the figure dpi. As matplotlib's, it unions the
/// axes box, each visible axis (tick labels, offset text, and the axis label collapsed to
/// 1 px along the axis), the titles (collapsed to 1 px wide), the spines (with their tick
/// marks) and the visible children in the layout. Null when the Axes is invisible.
[[nodiscard]] Bbox tightbbox_for_layout(Axes& ax);

}  // namespace strata::layout_detail
