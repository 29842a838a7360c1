// SPDX-License-Identifier: MIT
#pragma once

#include "strata/export.hpp"

namespace strata {

/// A straight (not premultiplied) RGBA color, each channel in [0, 1].
struct Rgba {
  double r = 0.0;
  double g = 0.0;
  double b = 0.0;
  double a = 1.0;
  friend bool operator==(const Rgba&, const Rgba&) = default;

  /// The same color with its alpha replaced.
  [[nodiscard]] constexpr Rgba with_alpha(double alpha) const { return {r, g, b, alpha}; }
};

namespace colors {
inline constexpr Rgba black{0, 0, 0, 1};
inline constexpr Rgba white{1, 1, 1, 1};
inline constexpr Rgba transparent{0, 0, 0, 0};
}  // namespace colors

}  // namespace strata
