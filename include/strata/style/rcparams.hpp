// SPDX-License-Identifier: MIT
#pragma once
// rcParams (matplotlib's rcsetup.py and matplotlib/__init__.py rc_context, rcdefaults) and
// style sheets (matplotlib/style/core.py).
//
// There is one process-wide set of parameters, initialised with matplotlib 3.6's
// rcParamsDefault, and each thread may push overrides with an RAII `rc_context`. Reads look at
// the calling thread's innermost context first, then the process-wide set, so figures built on
// different threads never see each other's overrides. Writes (`rc().set`, `style::use`,
// `rcdefaults`) go to the innermost context of the calling thread, or to the process-wide set
// when the thread has none (guarded by a lock). Values are written as in a matplotlibrc file and
// validated like rcsetup; a bad value or an unknown key throws strata::ValueError.
//
// **Example**
// ```
// double lw = strata::rc().get_double("lines.linewidth");           // 1.5
// {
//   strata::rc_context ctx({{"lines.linewidth", "2"}, {"axes.facecolor", "E5E5E5"}});
//   strata::rc().get_double("lines.linewidth");                     // 2, on this thread only
// }
// strata::style::use("ggplot");
// ```

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "strata/core/color.hpp"
#include "strata/export.hpp"

namespace strata {

/// Key/value pairs as written in a matplotlibrc file.
using RcPairs = std::vector<std::pair<std::string, std::string>>;

/// One property of axes.prop_cycle and its values ("color", {"#1f77b4", ...}).
struct PropCycleEntry {
  std::string property;
  std::vector<std::string> values;
};

/// The calling thread's effective rcParams (a cheap view; obtain it with rc()).
class STRATA_API RcParams {
 public:
  /// The validated text of a value, e.g. "1.5", "True", "#e5e5e5", "DejaVu Sans, Bitstream Vera
  /// Sans", "None". Throws strata::ValueError for an unknown key.
  [[nodiscard]] std::string get_string(std::string_view key) const;
  /// A number. Throws strata::ValueError when the value is not one (e.g. "None").
  [[nodiscard]] double get_double(std::string_view key) const;
  /// An integer. Throws strata::ValueError when the value is not one.
  [[nodiscard]] int get_int(std::string_view key) const;
  /// A boolean.
  [[nodiscard]] bool get_bool(std::string_view key) const;
  /// A color key's value as RGBA ("Cn" resolved against this thread's cycle). Throws
  /// strata::ValueError for values that are not colors ("auto", "inherit", "linecolor").
  [[nodiscard]] Rgba get_color(std::string_view key) const;
  /// A font size in points: named sizes ("large") are scaled by font.size like matplotlib's
  /// font_manager.font_scalings.
  [[nodiscard]] double get_fontsize(std::string_view key) const;
  /// A list value's items (comma-separated, stripped), e.g. font.sans-serif.
  [[nodiscard]] std::vector<std::string> get_list(std::string_view key) const;
  /// A list of numbers (figure.figsize, lines.dashed_pattern).
  [[nodiscard]] std::vector<double> get_doubles(std::string_view key) const;
  /// axes.prop_cycle, one entry per property.
  [[nodiscard]] std::vector<PropCycleEntry> get_prop_cycle() const;
  /// The colors of axes.prop_cycle (black alone when it has no color property).
  [[nodiscard]] std::vector<Rgba> get_color_cycle() const;
  /// True when the value is None.
  [[nodiscard]] bool is_none(std::string_view key) const;
  /// Validates and sets a value (see the file comment for where it goes).
  void set(std::string_view key, std::string_view value) const;
  /// Validates and sets several values; nothing is set when one is bad.
  void update(const RcPairs& values) const;
  /// Whether `key` is a known rcParams key.
  [[nodiscard]] static bool contains(std::string_view key);
  /// Every known key, sorted.
  [[nodiscard]] static std::vector<std::string> keys();
};

/// The calling thread's rcParams.
[[nodiscard]] STRATA_API RcParams rc();

/// matplotlib 3.6's default text of `key` (rcParamsDefault). Throws for unknown keys.
[[nodiscard]] STRATA_API std::string rc_default(std::string_view key);

/// Restores matplotlib's defaults (in the innermost rc_context of this thread, or process-wide).
/// Like matplotlib, keys that style sheets may not set (backend, date.epoch, ...) are kept.
STRATA_API void rcdefaults();

/// Validates `value` for `key` and returns its canonical text, without setting anything.
/// Throws strata::ValueError ("Key lines.linewidth: Could not convert 'abc' to float").
[[nodiscard]] STRATA_API std::string validate_rc(std::string_view key, std::string_view value);

/// Temporary per-thread overrides: pushed by the constructor, popped by the destructor, which
/// must run on the same thread (use it as a scoped local).
class STRATA_API rc_context {  // NOLINT(readability-identifier-naming): matplotlib's name
 public:
  /// Overrides `values` (validated first: a bad one throws and nothing is pushed).
  rc_context(std::initializer_list<std::pair<std::string_view, std::string_view>> values = {});
  /// Overrides `values`.
  explicit rc_context(const RcPairs& values);
  ~rc_context();
  rc_context(const rc_context&) = delete;
  rc_context& operator=(const rc_context&) = delete;
  rc_context(rc_context&&) = delete;
  rc_context& operator=(rc_context&&) = delete;

 private:
  std::size_t depth_;
};

namespace style {

/// Parses matplotlibrc / .mplstyle text ("key : value", '#' comments, "quoted" values) and
/// validates it. Unknown keys are skipped (matplotlib warns); a bad value throws
/// strata::ValueError naming the line.
[[nodiscard]] STRATA_API RcPairs parse_style(std::string_view text,
                                             std::string_view source = "<string>");
/// Reads and parses a style file. Throws strata::IOError when it cannot be read.
[[nodiscard]] STRATA_API RcPairs read_style_file(const std::string& path);
/// The bundled style sheets' names (matplotlib's stylelib), sorted.
[[nodiscard]] STRATA_API std::vector<std::string> available();
/// Applies a style: "default" (matplotlib's defaults), a bundled name ("ggplot", "bmh",
/// "classic", ...), or a path to a .mplstyle file. Keys that style sheets may not set
/// (backend, date.epoch, ...) are ignored like matplotlib's STYLE_BLACKLIST.
STRATA_API void use(std::string_view style);
/// Applies several styles in order.
STRATA_API void use(const std::vector<std::string>& styles);

}  // namespace style

}  // namespace strata
