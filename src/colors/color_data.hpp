// SPDX-License-Identifier: MIT
#pragma once
// The generated named-color tables (src/colors/color_data.cpp, tools/gen_colors.py).

#include <cstddef>

namespace strata::detail {

/// One entry of a published table: name and "#rrggbb".
struct NamedColorEntry {
  const char* name;
  const char* hex;
};

/// One entry of the lookup map to_rgba() uses, sorted by name (strcmp order).
struct ColorMapEntry {
  const char* name;
  double r, g, b, a;
};

extern const NamedColorEntry k_base_colors[];
extern const std::size_t k_base_colors_size;
extern const NamedColorEntry k_tableau_colors[];
extern const std::size_t k_tableau_colors_size;
extern const NamedColorEntry k_css4_colors[];
extern const std::size_t k_css4_colors_size;
extern const NamedColorEntry k_xkcd_colors[];
extern const std::size_t k_xkcd_colors_size;
extern const ColorMapEntry k_color_map[];
extern const std::size_t k_color_map_size;

}  // namespace strata::detail
