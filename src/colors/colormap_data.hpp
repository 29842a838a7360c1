// SPDX-License-Identifier: MIT
#pragma once
// The generated colormap source data (src/colors/colormap_data.cpp, tools/gen_colormaps.py).

#include <cstddef>

namespace strata::detail {

/// One channel of a segmented map. kind -1: absent; 0: `count` (x, y0, y1) rows at
/// k_cmap_values[offset]; 1: the function with id `offset` (see cmap_function()).
struct CmapChannel {
  int kind;
  int offset;
  int count;
};

/// One builtin colormap. type 0: listed, `count` RGBA colors at k_cmap_values[offset];
/// type 1: segmented, channels red, green, blue, alpha.
struct BuiltinCmap {
  const char* name;
  int type;
  int n;
  int offset;
  int count;
  CmapChannel channels[4];
};

extern const double k_cmap_values[];
extern const BuiltinCmap k_builtin_cmaps[];
extern const std::size_t k_builtin_cmaps_size;

}  // namespace strata::detail
