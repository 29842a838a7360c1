// SPDX-License-Identifier: MIT
#pragma once
// The DejaVu (and matplotlib's mathtext) faces embedded in the library at build time
// (bundled_fonts.cpp, .incbin).

#include <cstdint>
#include <span>

#include "strata/text/font.hpp"

namespace strata::text_detail {

struct BundledFont {
  const char* family;     ///< "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono", ...
  const char* file_name;  ///< "DejaVuSans-Bold.ttf"
  FontStyle style;
  int weight;
  std::span<const std::uint8_t> data;
};

/// The 20 bundled faces: DejaVu Sans, Serif and Sans Mono in regular, bold, oblique/italic
/// and bold oblique/italic, in that order; then matplotlib's mathtext faces: DejaVu Sans
/// Display, DejaVu Serif Display, STIXGeneral and STIXSizeOneSym..STIXSizeFiveSym.
[[nodiscard]] std::span<const BundledFont> bundled_fonts();

}  // namespace strata::text_detail
