// SPDX-License-Identifier: MIT
#pragma once
// Box styles: matplotlib's BoxStyle (patches.py), the outlines FancyBboxPatch draws around a
// rectangle, e.g. the background box of a Text (`bbox=dict(boxstyle="round", pad=0.3)`).

#include <cstdint>
#include <optional>
#include <string_view>

#include "strata/core/geometry.hpp"
#include "strata/core/path.hpp"
#include "strata/export.hpp"

namespace strata {

/// The box styles of matplotlib's BoxStyle that text boxes use.
enum class BoxStyleName : std::uint8_t {
  square,  ///< the padded rectangle
  round,   ///< rounded corners (quadratic Bezier), radius rounding_size (default: pad)
  round4,  ///< rounded edges (cubic Bezier), rounding_size default pad / 2
  circle,  ///< a circle around the padded box
  larrow,  ///< a left-pointing arrow
  rarrow,  ///< a right-pointing arrow
  darrow,  ///< a two-way arrow
};

/// A box style with its parameters, as matplotlib's `BoxStyle("round", pad=0.5)`. Lengths
/// are fractions of the mutation scale (for a Text box: the font size in pixels).
///
/// **Example**
/// ```
/// strata::BoxStyle s{.name = strata::BoxStyleName::round, .pad = 0.5};
/// auto t = strata::parse_boxstyle("round4,pad=0.2,rounding_size=0.1");
/// ```
struct BoxStyle {
  BoxStyleName name = BoxStyleName::square;
  /// Padding around the box, fraction of the mutation scale; nullopt: 0.3 (matplotlib's
  /// default), or for a text box the `pad` of TextBoxOptions.
  std::optional<double> pad{};
  /// round/round4 corner size, fraction of the mutation scale; nullopt (or 0): pad for
  /// round, pad / 2 for round4. Ignored by the other styles.
  std::optional<double> rounding_size{};
  friend bool operator==(const BoxStyle&, const BoxStyle&) = default;
};

/// Parses matplotlib's box style strings: a name ("square", "round", "round4", "circle",
/// "larrow", "rarrow", "darrow"; case-insensitive) optionally followed by
/// ",pad=0.5,rounding_size=0.2". Throws ValueError naming the value and the accepted names.
[[nodiscard]] STRATA_API BoxStyle parse_boxstyle(std::string_view spec);

/// The name as matplotlib writes it ("square", "round", ...).
[[nodiscard]] STRATA_API std::string_view boxstyle_name(BoxStyleName name);

/// The outline of `style` around `box` with lengths scaled by `mutation_scale` (pixels),
/// as matplotlib's `BoxStyle.<Name>()(x0, y0, width, height, mutation_size)`: vertices and
/// codes equal matplotlib's (closed paths end with a CLOSEPOLY vertex).
///
/// **Example**
/// ```
/// // A 100 x 20 box with a 10 px font: square pad 0.3 -> 3 px on every side.
/// auto p = strata::boxstyle_path({}, strata::Bbox::from_bounds(0, 0, 100, 20), 10.0);
/// p.get_extents();  // (-3, -3) - (103, 23)
/// ```
[[nodiscard]] STRATA_API Path boxstyle_path(const BoxStyle& style, const Bbox& box,
                                            double mutation_scale);

}  // namespace strata
