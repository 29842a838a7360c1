// SPDX-License-Identifier: MIT
#pragma once
// Line styles, dash patterns, draw styles and plot format strings (matplotlib 3.6.3's
// lines.py _get_dash_pattern / _scale_dashes / Line2D.set_linestyle / set_drawstyle,
// cbook.pts_to_*step and axes._base._process_plot_format).
//
// **Example**
// ```
// strata::get_dash_pattern("--");                // {0, {3.7, 1.6}} (rcParams lines.dashed_pattern)
// strata::scale_dashes(strata::get_dash_pattern(":"), 2.0);   // {0, {2, 3.3}}
// auto f = strata::parse_plot_format("r--o");   // linestyle "--", marker "o", color red
// auto s = strata::steps_pre(x, y);              // x and y of the staircase
// ```

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "strata/backend/graphics_context.hpp"
#include "strata/core/color.hpp"
#include "strata/export.hpp"

namespace strata {

/// The canonical name of a line style string, as Line2D.set_linestyle stores it: "-", "--",
/// "-.", ":" or "None" ("solid" -> "-", "dashed" -> "--", "dashdot" -> "-.", "dotted" -> ":",
/// "none", " " and "" -> "None"). Throws strata::ValueError ("'foo' is not a valid value for
/// ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed',
/// 'dashdot', 'dotted'").
///
/// **Example**
/// ```
/// strata::normalize_linestyle("dashdot");  // "-."
/// ```
[[nodiscard]] STRATA_API std::string normalize_linestyle(std::string_view style);

/// True for the styles that draw no line: "None", "none", " " and "" (not for other
/// strings, valid or not).
[[nodiscard]] STRATA_API bool is_no_line(std::string_view style);

/// The unscaled dash pattern of a line style string (matplotlib's _get_dash_pattern): solid
/// and no-line styles give an empty pattern; "--"/"dashed", "-."/"dashdot", ":"/"dotted" give
/// the calling thread's rcParams lines.dashed_pattern, dashdot_pattern, dotted_pattern with
/// offset 0. Throws strata::ValueError as normalize_linestyle.
[[nodiscard]] STRATA_API Dashes get_dash_pattern(std::string_view style);

/// The dash pattern of matplotlib's (offset, on_off_seq) line style: the offset is taken
/// modulo the pattern's length (Python's %, so it is never negative) when that length is not
/// zero. Throws strata::ValueError when a length is negative or not finite, or when all are
/// zero (as matplotlib's GraphicsContextBase.set_dashes: "All values in the dash list must be
/// non-negative", "At least one value in the dash list must be positive").
///
/// **Example**
/// ```
/// strata::get_dash_pattern(-1, std::vector<double>{2, 3});  // {4, {2, 3}}
/// ```
[[nodiscard]] STRATA_API Dashes get_dash_pattern(double offset, std::span<const double> on_off);

/// matplotlib's _scale_dashes: offset and lengths multiplied by `linewidth` when the calling
/// thread's rcParams lines.scale_dashes is true; unchanged otherwise.
[[nodiscard]] STRATA_API Dashes scale_dashes(const Dashes& dashes, double linewidth);

/// matplotlib's names of cap and join styles (the parsers are in artist/patches.hpp).
[[nodiscard]] STRATA_API std::string_view capstyle_name(CapStyle cap);
[[nodiscard]] STRATA_API std::string_view joinstyle_name(JoinStyle join);

/// How the points of a line are connected (matplotlib's drawstyle).
enum class DrawStyle : std::uint8_t {
  default_style,  ///< "default": straight segments
  steps_pre,      ///< "steps-pre" and "steps": the step at the start of each interval
  steps_mid,      ///< "steps-mid": the step half-way
  steps_post,     ///< "steps-post": the step at the end of each interval
};

/// Parses "default", "steps", "steps-pre", "steps-mid", "steps-post". Throws
/// strata::ValueError ("'foo' is not a valid value for drawstyle; supported values are
/// 'default', 'steps-mid', 'steps-pre', 'steps-post', 'steps'").
[[nodiscard]] STRATA_API DrawStyle parse_drawstyle(std::string_view name);
/// "default", "steps-pre", "steps-mid" or "steps-post".
[[nodiscard]] STRATA_API std::string_view drawstyle_name(DrawStyle style);

/// The x and y of a line after a draw style.
struct StepPoints {
  std::vector<double> x{};
  std::vector<double> y{};
};

/// matplotlib's cbook.pts_to_prestep: N points become 2N - 1 (none for N = 0), the value
/// changing at the start of each interval. Throws strata::ValueError when the lengths differ.
///
/// **Example**
/// ```
/// strata::steps_pre(std::vector<double>{1, 2, 3}, std::vector<double>{4, 5, 6});
/// // x {1, 1, 2, 2, 3}, y {4, 5, 5, 6, 6}
/// ```
[[nodiscard]] STRATA_API StepPoints steps_pre(std::span<const double> x, std::span<const double> y);
/// matplotlib's cbook.pts_to_midstep: N points become 2N, the value changing half-way.
[[nodiscard]] STRATA_API StepPoints steps_mid(std::span<const double> x, std::span<const double> y);
/// matplotlib's cbook.pts_to_poststep: N points become 2N - 1, the value changing at the
/// end of each interval.
[[nodiscard]] STRATA_API StepPoints steps_post(std::span<const double> x,
                                               std::span<const double> y);
/// The points of `style` (copies of x and y for default), as matplotlib's STEP_LOOKUP_MAP.
[[nodiscard]] STRATA_API StepPoints apply_drawstyle(DrawStyle style, std::span<const double> x,
                                                    std::span<const double> y);

/// The result of a plot format string: what it sets. nullopt means "not given" (the
/// defaults apply); the linestyle and marker "None" mean "none" explicitly.
struct PlotFormat {
  std::optional<std::string> linestyle{};
  std::optional<std::string> marker{};
  std::optional<Rgba> color{};
  friend bool operator==(const PlotFormat&, const PlotFormat&) = default;
};

/// Parses a MATLAB-style format string as matplotlib's _process_plot_format (3.6.3).
///
/// - If the whole string is a color ("red", "0.5", "#ff8800", "C3", "tab:blue", "none"), only
///   the color is set (linestyle and marker stay unset); "0" and "1" are not taken as gray
///   levels but parsed below ("1" is the tri_down marker).
/// - Otherwise each character is a line style ("-", "--", "-.", ":", " "), a marker, one of
///   the colors "bgrcmykw", or "C" and one digit (a color of the cycle, resolved now against
///   the calling thread's rcParams). When neither a line style nor a marker is given the line
///   style is rcParams lines.linestyle; then an absent line style or marker is "None".
///
/// Throws strata::ValueError with matplotlib's messages: "'--o-' is not a valid format string
/// (two linestyle symbols)", "... (two marker symbols)", "... (two color symbols)",
/// "... (unrecognized character 'q')" (with `ambiguous_fmt_datakey`: "'..' is neither a data
/// key nor a valid format string (...)"), and "invalid literal for int() with base 10: 'x'"
/// for "C" followed by a non-digit.
///
/// **Example**
/// ```
/// auto f = strata::parse_plot_format("C1:");  // linestyle ":", marker "None", color C1
/// auto g = strata::parse_plot_format("1");    // linestyle "None", marker "1"
/// auto h = strata::parse_plot_format("red");  // color (1, 0, 0, 1) only
/// ```
[[nodiscard]] STRATA_API PlotFormat parse_plot_format(std::string_view fmt,
                                                      bool ambiguous_fmt_datakey = false);

}  // namespace strata
