// SPDX-License-Identifier: MIT
#pragma once
// Colors as matplotlib specifies them (matplotlib's colors.py: to_rgba, to_hex, is_color_like).
//
// A `Color` converts implicitly from every matplotlib color string ("r", "red", "tab:blue",
// "xkcd:sky blue", "#ff000080", "#f00", "0.5", "none", "C0".."C9"), from an `Rgba`, and from
// (r, g, b[, a]) doubles. A cycle reference "Cn" is kept symbolic and resolved against the
// calling thread's rcParams["axes.prop_cycle"] when the color is converted, as matplotlib does
// when an artist is created.
//
// **Example**
// ```
// strata::Color c = "tab:orange";
// strata::Rgba rgba = strata::to_rgba(c, 0.5);   // {1, 0.498, 0.0549, 0.5}
// std::string hex = strata::to_hex("C3");         // "#d62728" under the default cycle
// ```

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/core/color.hpp"
#include "strata/export.hpp"

namespace strata {

/// A matplotlib color specification. Value type; the default is opaque black.
class STRATA_API Color {
 public:
  /// Opaque black.
  Color() = default;
  /// Parses a matplotlib color string. Throws strata::ValueError
  /// ("'notacolor' is not a valid color value.") when it is not one.
  Color(std::string_view spec);    // NOLINT(google-explicit-constructor): implicit by design
  Color(const char* spec);         // NOLINT(google-explicit-constructor)
  Color(const std::string& spec);  // NOLINT(google-explicit-constructor)
  /// An RGBA color; throws strata::ValueError when a channel is outside [0, 1].
  Color(Rgba rgba);  // NOLINT(google-explicit-constructor)
  /// (r, g, b[, a]), each in [0, 1]; throws strata::ValueError otherwise.
  Color(double r, double g, double b, double a = 1.0);

  /// True for "none" (always fully transparent, whatever alpha is asked for).
  [[nodiscard]] bool is_none() const { return kind_ == Kind::none; }
  /// The n of a "Cn" cycle reference, or nullopt.
  [[nodiscard]] std::optional<int> cycle_index() const;
  /// The RGBA, resolving "Cn" against the calling thread's axes.prop_cycle.
  [[nodiscard]] Rgba rgba() const;
  friend bool operator==(const Color&, const Color&) = default;

 private:
  enum class Kind : unsigned char { rgba, none, cycle };
  void parse(std::string_view spec);
  Rgba rgba_{0, 0, 0, 1};
  int cycle_ = 0;
  Kind kind_ = Kind::rgba;
};

/// The RGBA of `c` (matplotlib's to_rgba). `alpha`, when given, replaces the color's alpha,
/// except for "none", which is always (0, 0, 0, 0). Throws strata::ValueError when alpha is
/// outside [0, 1].
[[nodiscard]] STRATA_API Rgba to_rgba(const Color& c, std::optional<double> alpha = {});

/// "#rrggbb" (or "#rrggbbaa" with keep_alpha), channels rounded half to even like matplotlib.
[[nodiscard]] STRATA_API std::string to_hex(const Color& c, bool keep_alpha = false);

/// True when `spec` is a valid matplotlib color string (including "Cn").
[[nodiscard]] STRATA_API bool is_color_like(std::string_view spec);

/// Which published table of named colors (matplotlib's _color_data.py).
enum class ColorTable { base, tableau, css4, xkcd };

/// A named color: its name and "#rrggbb".
struct NamedColor {
  std::string_view name;
  std::string_view hex;
};

/// The entries of one table, in matplotlib's order (BASE_COLORS, TABLEAU_COLORS, CSS4_COLORS,
/// XKCD_COLORS).
[[nodiscard]] STRATA_API std::vector<NamedColor> named_colors(ColorTable table);

}  // namespace strata
