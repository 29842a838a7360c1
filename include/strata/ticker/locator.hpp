// SPDX-License-Identifier: MIT
#pragma once
// Tick locators (matplotlib's ticker.py, the Locator half), free of artists.
//
// A locator chooses tick positions from a view interval. What matplotlib asks of its Axis
// (view and data intervals, minpos, the tick space, the major tick locations) is held by the
// TickHelper base and set by the caller: the axis, or a test.
//
// **Example**
// ```
// strata::AutoLocator loc;
// loc.set_axis_info(strata::AxisGeometry{.length_points = 357.12, .label_size_points = 10});
// loc.tick_values(0, 1);  // {0, 0.2, 0.4, 0.6, 0.8, 1}
// ```

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "strata/export.hpp"

namespace strata {

/// What a locator needs to know about its axis to guess how many ticks fit.
struct AxisGeometry {
  double length_points = 0;       ///< axis length, points
  double label_size_points = 10;  ///< tick label font size, points; default 10 (xtick.labelsize)
  bool is_x = true;               ///< x axis: 3 label sizes per tick; y axis: 2
};

/// How autoscaled view limits are chosen (matplotlib's rcParams["axes.autolimit_mode"]).
enum class AutolimitMode {
  data,           ///< the data limits (matplotlib's default)
  round_numbers,  ///< widened to the locator's outer ticks (matplotlib's classic style)
};

/// matplotlib's transforms.nonsingular: widen (vmin, vmax) when it is empty or tiny.
///
/// Returns (-expander, expander) when either end is not finite or both are about 0; widens by
/// `expander * |v|` each end when `vmax - vmin <= max(|vmin|, |vmax|) * tiny`. With `increasing`
/// the result is sorted; otherwise the order of the input is kept.
[[nodiscard]] STRATA_API std::pair<double, double> nonsingular(double vmin, double vmax,
                                                               double expander = 0.001,
                                                               double tiny = 1e-15,
                                                               bool increasing = true);

/// matplotlib's ticker.scale_range: (scale, offset) for `n` bins over (vmin, vmax).
[[nodiscard]] STRATA_API std::pair<double, double> scale_range(double vmin, double vmax,
                                                               double n = 1,
                                                               double threshold = 100);

/// The axis state that locators and formatters read (matplotlib's TickHelper and _DummyAxis).
/// A default TickHelper behaves like matplotlib's dummy axis: view and data intervals (0, 1),
/// minpos 0, tick space 9.
class STRATA_API TickHelper {
 public:
  virtual ~TickHelper() = default;
  TickHelper() = default;
  TickHelper(const TickHelper&) = default;
  TickHelper& operator=(const TickHelper&) = default;
  TickHelper(TickHelper&&) = default;
  TickHelper& operator=(TickHelper&&) = default;

  /// The axis length and label size; nullopt (the default) means "no axis": tick space 9.
  void set_axis_info(std::optional<AxisGeometry> info) { axis_info_ = info; }
  /// The axis length and label size, if set.
  [[nodiscard]] const std::optional<AxisGeometry>& axis_info() const { return axis_info_; }
  /// How many ticks fit: floor(length / (3 * label size)) on x, floor(length / (2 * label
  /// size)) on y (Axis.get_tick_space); 9 without axis info; 2**31 - 1 if the size is 0.
  [[nodiscard]] int get_tick_space() const;

  /// The view interval (the axis limits).
  void set_view_interval(double vmin, double vmax) { view_ = {vmin, vmax}; }
  /// The view interval, as set.
  [[nodiscard]] std::pair<double, double> get_view_interval() const { return view_; }
  /// The data interval (IndexLocator ticks it).
  void set_data_interval(double vmin, double vmax) { data_ = {vmin, vmax}; }
  /// The data interval, as set.
  [[nodiscard]] std::pair<double, double> get_data_interval() const { return data_; }
  /// Both the view and the data interval.
  void set_bounds(double vmin, double vmax) {
    set_view_interval(vmin, vmax);
    set_data_interval(vmin, vmax);
  }
  /// The smallest positive data value (log locators use it for a view starting at <= 0).
  void set_minpos(double minpos) { minpos_ = minpos; }
  /// The smallest positive data value; default 0 ("none").
  [[nodiscard]] double get_minpos() const { return minpos_; }
  /// The major tick locations of the axis (AutoMinorLocator subdivides them).
  void set_majorticklocs(std::vector<double> locs) { majorticklocs_ = std::move(locs); }
  /// The major tick locations, as set.
  [[nodiscard]] const std::vector<double>& get_majorticklocs() const { return majorticklocs_; }

 private:
  std::optional<AxisGeometry> axis_info_{};
  std::pair<double, double> view_{0.0, 1.0};
  std::pair<double, double> data_{0.0, 1.0};
  double minpos_ = 0;
  std::vector<double> majorticklocs_{};
};

/// Base of the locators (matplotlib's Locator).
class STRATA_API Locator : public TickHelper {
 public:
  /// Tick positions for the interval (vmin, vmax). Ticks just outside are included; the axis
  /// drops them when drawing.
  [[nodiscard]] virtual std::vector<double> tick_values(double vmin, double vmax) const = 0;
  /// The ticks of the axis: tick_values of the view interval (matplotlib's `__call__`).
  [[nodiscard]] std::vector<double> operator()() const { return call(); }
  /// Widen a singular interval: nonsingular(v0, v1, 0.05) by default.
  [[nodiscard]] virtual std::pair<double, double> nonsingular(double v0, double v1) const;
  /// View limits for autoscaling to the data interval (dmin, dmax).
  [[nodiscard]] virtual std::pair<double, double> view_limits(double dmin, double dmax) const;
  /// axes.autolimit_mode; default AutolimitMode::data.
  void set_autolimit_mode(AutolimitMode mode) { autolimit_mode_ = mode; }
  /// axes.autolimit_mode.
  [[nodiscard]] AutolimitMode autolimit_mode() const { return autolimit_mode_; }

 protected:
  /// What operator() returns; tick_values(view interval) unless overridden.
  [[nodiscard]] virtual std::vector<double> call() const;
  [[nodiscard]] bool round_numbers() const {
    return autolimit_mode_ == AutolimitMode::round_numbers;
  }

 private:
  AutolimitMode autolimit_mode_ = AutolimitMode::data;
};

/// No ticks (matplotlib's NullLocator).
class STRATA_API NullLocator : public Locator {
 public:
  /// Always empty.
  [[nodiscard]] std::vector<double> tick_values(double vmin, double vmax) const override;
};

/// Fixed tick positions, optionally subsampled to at most nbins + 1 ticks keeping the one
/// nearest 0 (matplotlib's FixedLocator).
class STRATA_API FixedLocator : public Locator {
 public:
  /// `nbins`: nullopt keeps every position; otherwise at least 2.
  explicit FixedLocator(std::vector<double> locs, std::optional<int> nbins = std::nullopt);
  /// The positions (subsampled); vmin and vmax are not used.
  [[nodiscard]] std::vector<double> tick_values(double vmin, double vmax) const override;

 private:
  std::vector<double> locs_;
  std::optional<int> nbins_;
};

/// A tick every `base` data points starting at `offset` over the data interval (matplotlib's
/// IndexLocator).
class STRATA_API IndexLocator : public Locator {
 public:
  /// Throws strata::ValueError when base <= 0.
  IndexLocator(double base, double offset);
  /// arange(vmin + offset, vmax + 1, base).
  [[nodiscard]] std::vector<double> tick_values(double vmin, double vmax) const override;

 protected:
  /// tick_values of the data interval.
  [[nodiscard]] std::vector<double> call() const override;

 private:
  double base_;
  double offset_;
};

/// `numticks` evenly spaced ticks over the view (matplotlib's LinearLocator).
class STRATA_API LinearLocator : public Locator {
 public:
  /// `numticks`: nullopt means 11. Throws strata::ValueError when negative.
  explicit LinearLocator(std::optional<int> numticks = std::nullopt);
  /// linspace(vmin, vmax, numticks) of the nonsingular interval.
  [[nodiscard]] std::vector<double> tick_values(double vmin, double vmax) const override;
  /// With round_numbers: widened to multiples of a power of (numticks - 1).
  [[nodiscard]] std::pair<double, double> view_limits(double dmin, double dmax) const override;
  /// The number of ticks.
  [[nodiscard]] int numticks() const { return numticks_.value_or(11); }

 private:
  std::optional<int> numticks_;
};

/// A tick on every integer multiple of `base` (matplotlib's MultipleLocator).
class STRATA_API MultipleLocator : public Locator {
 public:
  /// Throws strata::ValueError when base <= 0 or not finite.
  explicit MultipleLocator(double base = 1.0);
  /// The multiples of base in the view, plus one on each side.
  [[nodiscard]] std::vector<double> tick_values(double vmin, double vmax) const override;
  /// With round_numbers: the nearest multiples of base containing the data.
  [[nodiscard]] std::pair<double, double> view_limits(double dmin, double dmax) const override;

 private:
  double base_;
};

/// MaxNLocator's keyword arguments.
struct MaxNLocatorOptions {
  /// Maximum number of intervals; nullopt is matplotlib's 'auto' (the axis' tick space,
  /// clipped to [max(1, min_n_ticks - 1), 9]). Default 10. Must be >= 1.
  std::optional<int> nbins = 10;
  /// Nice step mantissas, increasing, in [1, 10]; 1 and 10 are added when missing. Empty:
  /// [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].
  std::vector<double> steps{};
  /// Only integer ticks (when at least min_n_ticks integers are in the view). Default false.
  bool integer = false;
  /// Symmetric about 0. Default false.
  bool symmetric = false;
  /// Drop the "lower", "upper" or "both" edge ticks; nullopt keeps them.
  std::optional<std::string> prune{};
  /// Relax nbins and integer to get at least this many ticks; default 2, at least 1.
  int min_n_ticks = 2;
};

/// At most nbins + 1 nice ticks inside the view (matplotlib's MaxNLocator).
class STRATA_API MaxNLocator : public Locator {
 public:
  /// Throws strata::ValueError for nbins < 1, bad steps or an unknown prune value.
  explicit MaxNLocator(const MaxNLocatorOptions& opts = {});
  /// The nice ticks covering (vmin, vmax), pruned.
  [[nodiscard]] std::vector<double> tick_values(double vmin, double vmax) const override;
  /// With round_numbers: the outer ticks of the data interval; else the data interval.
  [[nodiscard]] std::pair<double, double> view_limits(double dmin, double dmax) const override;
  /// The options, with steps resolved.
  [[nodiscard]] const MaxNLocatorOptions& options() const { return opts_; }

 protected:
  /// Ticks covering (vmin, vmax) before pruning (matplotlib's _raw_ticks).
  [[nodiscard]] std::vector<double> raw_ticks(double vmin, double vmax) const;

 private:
  MaxNLocatorOptions opts_;
  std::vector<double> extended_steps_;
};

/// MaxNLocator with nbins 'auto' and steps [1, 2, 2.5, 5, 10] (matplotlib's AutoLocator):
/// the default major locator of a linear axis.
class STRATA_API AutoLocator : public MaxNLocator {
 public:
  AutoLocator();
};

/// Minor ticks subdividing the major step (matplotlib's AutoMinorLocator). The major ticks
/// come from set_majorticklocs().
class STRATA_API AutoMinorLocator : public Locator {
 public:
  /// `n` subdivisions; nullopt: 5 when the major step's mantissa is 1, 2.5, 5 or 10, else 4.
  /// Throws strata::ValueError when n < 1.
  explicit AutoMinorLocator(std::optional<int> n = std::nullopt);
  /// The minor ticks in (vmin, vmax) for the major ticks set with set_majorticklocs(); empty
  /// with fewer than 2 major ticks.
  [[nodiscard]] std::vector<double> tick_values(double vmin, double vmax) const override;

 private:
  std::optional<int> ndivs_;
};

/// LogLocator's "subs": 'auto', 'all' or a list of multiples.
enum class LogSubs {
  auto_,  ///< matplotlib's 'auto': 2 .. base-1 between the decades (none past 10 decades)
  all,    ///< matplotlib's 'all': 1 .. base-1
};

/// LogLocator's keyword arguments.
struct LogLocatorOptions {
  /// The base; default 10. Must be > 0 and != 1.
  double base = 10.0;
  /// Ticks at `subs[j] * base**i`; default {1.0} (major ticks only).
  std::variant<std::vector<double>, LogSubs> subs = std::vector<double>{1.0};
  /// Maximum number of major ticks; nullopt is 'auto' (tick space clipped to [2, 9]).
  std::optional<int> numticks{};
};

/// Ticks at powers of the base and their multiples (matplotlib's LogLocator).
class STRATA_API LogLocator : public Locator {
 public:
  /// Throws strata::ValueError for a bad base, numticks < 2 or empty subs.
  explicit LogLocator(const LogLocatorOptions& opts = {});
  /// The ticks; throws strata::ValueError when vmin <= 0 and minpos is not positive.
  [[nodiscard]] std::vector<double> tick_values(double vmin, double vmax) const override;
  /// With round_numbers: widened to whole decades.
  [[nodiscard]] std::pair<double, double> view_limits(double dmin, double dmax) const override;
  /// Positive, non-empty interval: (1, 10) when nothing is positive; minpos for vmin <= 0.
  [[nodiscard]] std::pair<double, double> nonsingular(double v0, double v1) const override;
  /// The base.
  [[nodiscard]] double base() const { return opts_.base; }

 private:
  LogLocatorOptions opts_;
};

/// SymmetricalLogLocator's keyword arguments.
struct SymmetricalLogLocatorOptions {
  /// Multiples of the powers of the base; nullopt: {1.0}.
  std::optional<std::vector<double>> subs{};
  /// The base of the symlog transform; default 10. Must be > 1.
  double base = 10.0;
  /// The half-width of the linear part; default 2 (SymmetricalLogScale's). Must be > 0.
  double linthresh = 2.0;
  /// Maximum number of decade ticks; default 15.
  int numticks = 15;
};

/// Ticks at powers of the base on both sides of a linear part around 0 (matplotlib's
/// SymmetricalLogLocator).
class STRATA_API SymmetricalLogLocator : public Locator {
 public:
  /// Throws strata::ValueError for base <= 1, linthresh <= 0 or numticks < 2.
  explicit SymmetricalLogLocator(const SymmetricalLogLocatorOptions& opts = {});
  /// The ticks; (vmin, vmax) itself when the view is inside the linear part.
  [[nodiscard]] std::vector<double> tick_values(double vmin, double vmax) const override;
  /// With round_numbers: widened to whole decades.
  [[nodiscard]] std::pair<double, double> view_limits(double dmin, double dmax) const override;

 private:
  SymmetricalLogLocatorOptions opts_;
};

/// LogitLocator's keyword arguments.
struct LogitLocatorOptions {
  /// Minor ticks rather than major ones. Default false.
  bool minor = false;
  /// Number of ticks; nullopt is 'auto' (the tick space, at least 2).
  std::optional<int> nbins{};
};

/// Ticks at 10**-k, 1/2 and 1 - 10**-k for a logit axis (matplotlib's LogitLocator); falls
/// back to MaxNLocator (steps 1, 2, 5, 10) when zoomed in.
class STRATA_API LogitLocator : public MaxNLocator {
 public:
  /// Throws strata::ValueError for nbins < 1.
  explicit LogitLocator(const LogitLocatorOptions& opts = {});
  /// The ticks.
  [[nodiscard]] std::vector<double> tick_values(double vmin, double vmax) const override;
  /// An interval inside (0, 1): (1e-7, 1 - 1e-7) when there is none.
  [[nodiscard]] std::pair<double, double> nonsingular(double v0, double v1) const override;

 private:
  LogitLocatorOptions logit_opts_;
};

}  // namespace strata
