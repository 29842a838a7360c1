// SPDX-License-Identifier: MIT
#pragma once
// Tick label formatters (matplotlib's ticker.py, the Formatter half), free of artists.
//
// As in matplotlib, an axis first hands all its tick locations to the formatter
// (format_ticks() calls set_locs()), then formats each one; get_offset() is the text drawn at
// the end of the axis ("1e5", "+1e5", or mathtext with use_math_text). The view interval,
// which some formatters read, comes from the TickHelper base. Negative numbers use U+2212
// MINUS SIGN (rcParams["axes.unicode_minus"]) unless set_unicode_minus(false).
//
// **Example**
// ```
// strata::ScalarFormatter f;
// f.set_view_interval(1e5 + 0.05, 1e5 + 0.55);
// f.format_ticks(std::vector{1e5, 1e5 + 0.1, 1e5 + 0.2});  // {"0.0", "0.1", "0.2"}
// f.get_offset();                                         // "+1e5"
// ```

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "strata/export.hpp"
#include "strata/ticker/locator.hpp"

namespace strata {

/// Base of the formatters (matplotlib's Formatter).
class STRATA_API Formatter : public TickHelper {
 public:
  /// The label of tick value `x` at index `pos` (nullopt: unknown position).
  [[nodiscard]] std::string operator()(double x, std::optional<std::size_t> pos = {}) const {
    return call(x, pos);
  }
  /// set_locs(values), then the label of each value.
  [[nodiscard]] std::vector<std::string> format_ticks(std::span<const double> values);
  /// The full representation of a value (for the status bar).
  [[nodiscard]] virtual std::string format_data(double value) const;
  /// A short representation of a value; format_data by default.
  [[nodiscard]] virtual std::string format_data_short(double value) const;
  /// The text drawn at the end of the axis; "" by default.
  [[nodiscard]] virtual std::string get_offset() const { return {}; }
  /// Record the tick locations before formatting them.
  virtual void set_locs(std::span<const double> locs);
  /// The tick locations last set.
  [[nodiscard]] const std::vector<double>& locs() const { return locs_; }
  /// Replace '-' with U+2212 when unicode minus is on (matplotlib's fix_minus).
  [[nodiscard]] std::string fix_minus(std::string_view s) const;
  /// rcParams["axes.unicode_minus"]; default true.
  void set_unicode_minus(bool on) { unicode_minus_ = on; }
  /// Whether '-' becomes U+2212.
  [[nodiscard]] bool unicode_minus() const { return unicode_minus_; }

 protected:
  /// The label of one value (matplotlib's `__call__`).
  [[nodiscard]] virtual std::string call(double x, std::optional<std::size_t> pos) const = 0;

 private:
  std::vector<double> locs_{};
  bool unicode_minus_ = true;
};

/// Always "" (matplotlib's NullFormatter).
class STRATA_API NullFormatter : public Formatter {
 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;
};

/// The i-th string for the i-th tick, "" past the end or without a position (matplotlib's
/// FixedFormatter). Use with a FixedLocator.
class STRATA_API FixedFormatter : public Formatter {
 public:
  explicit FixedFormatter(std::vector<std::string> seq) : seq_(std::move(seq)) {}
  /// The offset text, "" by default.
  [[nodiscard]] std::string get_offset() const override { return offset_string_; }
  /// Set the offset text.
  void set_offset_string(std::string ofs) { offset_string_ = std::move(ofs); }

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;

 private:
  std::vector<std::string> seq_;
  std::string offset_string_{};
};

/// A user function (value, position) -> label (matplotlib's FuncFormatter).
class STRATA_API FuncFormatter : public Formatter {
 public:
  using Function = std::function<std::string(double, std::optional<std::size_t>)>;
  /// Throws strata::ValueError when `func` is empty.
  explicit FuncFormatter(Function func);
  /// The offset text, "" by default.
  [[nodiscard]] std::string get_offset() const override { return offset_string_; }
  /// Set the offset text.
  void set_offset_string(std::string ofs) { offset_string_ = std::move(ofs); }

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;

 private:
  Function func_;
  std::string offset_string_{};
};

/// A printf-style format of the value, e.g. "%1.2f" or "%d m" (matplotlib's FormatStrFormatter
/// with Python's `%` operator). One conversion among d i u f F e E g G s r; "%%" is a literal
/// '%'. %d truncates toward zero; %s and %r print the shortest round-trip repr ("1.0").
/// No unicode minus, as in matplotlib.
class STRATA_API FormatStrFormatter : public Formatter {
 public:
  /// Throws strata::ValueError when `fmt` does not hold exactly one supported conversion.
  explicit FormatStrFormatter(std::string fmt);

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;

 private:
  std::string fmt_;
};

/// A format string in {fmt}'s (≈ Python's str.format) syntax with fields named x and pos, e.g.
/// "{x:.2f}" (matplotlib's StrMethodFormatter). `pos` is an integer, or the text "None" when
/// the position is unknown. Differences from Python: a bare "{x}" of 1.0 prints "1", not "1.0".
/// No unicode minus, as in matplotlib.
class STRATA_API StrMethodFormatter : public Formatter {
 public:
  /// Throws strata::ValueError when `fmt` is not a valid format string for a double x.
  explicit StrMethodFormatter(std::string fmt);

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;

 private:
  std::string fmt_;
};

/// ScalarFormatter's keyword arguments.
struct ScalarFormatterOptions {
  /// Offset notation; nullopt: rcParams["axes.formatter.useoffset"] (true).
  std::optional<bool> use_offset{};
  /// A fixed offset (matplotlib's `useOffset=<number>`); turns automatic offsets off.
  std::optional<double> offset{};
  /// "$\times\mathdefault{10^{6}}$" style offsets and "$\mathdefault{..}$" labels; nullopt:
  /// rcParams["axes.formatter.use_mathtext"] (false).
  std::optional<bool> use_math_text{};
  /// Digits an offset must save; nullopt: rcParams["axes.formatter.offset_threshold"] (4).
  std::optional<int> offset_threshold{};
  /// Scientific notation for exponents <= first or >= second; nullopt:
  /// rcParams["axes.formatter.limits"] (-5, 6).
  std::optional<std::pair<int, int>> powerlimits{};
  /// Scientific notation allowed at all; default true.
  bool scientific = true;
};

/// Numbers with a shared offset and power of ten (matplotlib's ScalarFormatter): the default
/// formatter of a linear axis.
class STRATA_API ScalarFormatter : public Formatter {
 public:
  explicit ScalarFormatter(const ScalarFormatterOptions& opts = {});
  /// Automatic offset on or off (the offset becomes 0).
  void set_use_offset(bool on);
  /// A fixed offset (automatic offset off).
  void set_offset_value(double offset);
  /// Whether the offset is automatic.
  [[nodiscard]] bool get_use_offset() const { return use_offset_; }
  /// The offset in use.
  [[nodiscard]] double offset() const { return offset_; }
  /// Mathtext labels and offset.
  void set_use_math_text(bool on) { use_math_text_ = on; }
  /// Whether labels and offset are mathtext.
  [[nodiscard]] bool get_use_math_text() const { return use_math_text_; }
  /// Scientific notation on or off.
  void set_scientific(bool on) { scientific_ = on; }
  /// The exponents at which scientific notation starts (inclusive).
  void set_powerlimits(int min_exp, int max_exp) { powerlimits_ = {min_exp, max_exp}; }
  /// The power of ten divided out of the labels.
  [[nodiscard]] int order_of_magnitude() const { return order_of_magnitude_; }
  /// The printf format of the labels, e.g. "%1.2f".
  [[nodiscard]] const std::string& format() const { return format_; }
  /// "1e5", "+1e5", "1e−7", "1e6+1e3" ... or mathtext; "" without offset or power.
  [[nodiscard]] std::string get_offset() const override;
  /// Computes offset, order of magnitude and format from the visible locations.
  void set_locs(std::span<const double> locs) override;
  /// "1.5e5", or with mathtext "1.5 \times 10^{5}".
  [[nodiscard]] std::string format_data(double value) const override;

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;

 private:
  void compute_offset();
  void set_order_of_magnitude();
  void set_format();
  [[nodiscard]] std::string format_value(double v) const;

  bool use_offset_ = true;
  double offset_ = 0;
  bool use_math_text_ = false;
  int offset_threshold_ = 4;
  std::pair<int, int> powerlimits_{-5, 6};
  bool scientific_ = true;
  int order_of_magnitude_ = 0;
  int sigfigs_ = 0;
  std::string format_{};
};

/// PercentFormatter's keyword arguments.
struct PercentFormatterOptions {
  /// The data value shown as 100%; default 100.
  double xmax = 100;
  /// Digits after the point; nullopt: from the view range (0 to 5).
  std::optional<int> decimals{};
  /// Appended to each label; default "%".
  std::string symbol = "%";
};

/// Percentages (matplotlib's PercentFormatter); reads the view interval.
class STRATA_API PercentFormatter : public Formatter {
 public:
  /// Throws strata::ValueError when xmax is 0 or not finite, or decimals < 0.
  explicit PercentFormatter(const PercentFormatterOptions& opts = {});
  /// The percentage of x with `decimals` decimals, no symbol, no unicode minus.
  [[nodiscard]] std::string format_pct(double x, double display_range) const;

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;

 private:
  PercentFormatterOptions opts_;
};

/// EngFormatter's keyword arguments.
struct EngFormatterOptions {
  /// Unit after the prefix, e.g. "Hz"; default "".
  std::string unit{};
  /// Digits after the point; nullopt: "%g" (6 significant digits).
  std::optional<int> places{};
  /// Between the number and the prefix/unit; default " ".
  std::string sep = " ";
  /// "$1.5$ k" style; nullopt: rcParams["axes.formatter.use_mathtext"] (false).
  std::optional<bool> use_math_text{};
};

/// Engineering notation with SI prefixes, "1.5 kHz" (matplotlib's EngFormatter).
class STRATA_API EngFormatter : public Formatter {
 public:
  /// Throws strata::ValueError when places < 0.
  explicit EngFormatter(const EngFormatterOptions& opts = {});
  /// The number and prefix, without unit and unicode minus.
  [[nodiscard]] std::string format_eng(double num) const;

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;

 private:
  EngFormatterOptions opts_;
};

/// LogFormatter's keyword arguments (shared by LogFormatterSciNotation).
struct LogFormatterOptions {
  /// The base; default 10. Must be > 0 and != 1.
  double base = 10.0;
  /// Label only integer powers of the base. Default false.
  bool label_only_base = false;
  /// (subset, all): label some minor ticks when the view spans <= subset decades, all of them
  /// when <= all. Default (1, 0.4); (inf, inf) labels every tick.
  std::pair<double, double> minor_thresholds{1.0, 0.4};
  /// The linthresh of a symlog axis; nullopt: a log axis.
  std::optional<double> linthresh{};
};

/// Labels for log axes: "1", "10", "1e+05" (matplotlib's LogFormatter).
class STRATA_API LogFormatter : public Formatter {
 public:
  /// Throws strata::ValueError for a bad base.
  explicit LogFormatter(const LogFormatterOptions& opts = {});
  /// Chooses which multiples of the decades get labels from the view interval.
  void set_locs(std::span<const double> locs) override;
  /// The label with every tick labelled, mathtext stripped.
  [[nodiscard]] std::string format_data(double value) const override;
  /// "%-12g".
  [[nodiscard]] std::string format_data_short(double value) const override;
  /// The base.
  [[nodiscard]] double base() const { return opts_.base; }

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;
  /// The label of x; label_only_base is the option, or false for format_data.
  [[nodiscard]] virtual std::string label(double x, bool label_only_base) const;
  /// Whether a tick at |x| = base**fx is labelled; sets is_decade.
  [[nodiscard]] bool labelled(double fx, bool label_only_base, bool& is_decade) const;
  /// The options.
  [[nodiscard]] const LogFormatterOptions& options() const { return opts_; }

 private:
  [[nodiscard]] std::string num_to_string(double x, double vmin, double vmax) const;
  LogFormatterOptions opts_;
  std::vector<double> sublabels_{};
  bool have_sublabels_ = false;  // false: label every multiple
};

/// Log labels as mathtext: "$\mathdefault{10^{2}}$", "$\mathdefault{2\times10^{1}}$"
/// (matplotlib's LogFormatterSciNotation): the default formatter of a log axis.
class STRATA_API LogFormatterSciNotation : public LogFormatter {
 public:
  /// Throws strata::ValueError for a bad base.
  explicit LogFormatterSciNotation(const LogFormatterOptions& opts = {});
  /// rcParams["axes.formatter.min_exponent"]: plain numbers below this |exponent|; default 0.
  void set_min_exponent(int min_exp) { min_exponent_ = min_exp; }

 protected:
  [[nodiscard]] std::string label(double x, bool label_only_base) const override;

 private:
  int min_exponent_ = 0;
};

/// LogitFormatter's keyword arguments.
struct LogitFormatterOptions {
  /// Show 1 - v as "\overline{v}" rather than "1-v". Default false.
  bool use_overline = false;
  /// The mathtext of 1/2; default "\frac{1}{2}".
  std::string one_half = "\\frac{1}{2}";
  /// Formats minor ticks: only a few of them get labels (see minor_threshold). Default false.
  bool minor = false;
  /// Minor ticks get labels only when there are fewer locations than this. Default 25.
  int minor_threshold = 25;
  /// How many minor ticks get labels then (the most widely spaced ones). Default 6.
  int minor_number = 6;
};

/// Probabilities as mathtext for a logit axis (matplotlib's LogitFormatter):
/// "$\mathdefault{10^{-3}}$", "$\mathdefault{\frac{1}{2}}$", "$\mathdefault{1-10^{-3}}$",
/// "$\mathdefault{2\cdot10^{-2}}$", "$\mathdefault{0.35}$", with as many digits as the
/// neighbouring locations need. Values outside (0, 1) get "".
///
/// A logit axis uses LogitFormatter() for its major ticks and LogitFormatter({.minor = true})
/// for its minor ones.
///
/// **Example**
/// ```
/// strata::LogitFormatter f;
/// f.format_ticks(std::vector{0.001, 0.5, 0.999});
/// // {"$\mathdefault{10^{-3}}$", "$\mathdefault{\frac{1}{2}}$", "$\mathdefault{1-10^{-3}}$"}
/// ```
class STRATA_API LogitFormatter : public Formatter {
 public:
  explicit LogitFormatter(const LogitFormatterOptions& opts = {});
  /// "\overline{v}" (true) or "1-v" (false) for values above 1/2.
  void use_overline(bool on) { opts_.use_overline = on; }
  /// The mathtext of 1/2.
  void set_one_half(std::string one_half) { opts_.one_half = std::move(one_half); }
  /// Minor ticks get labels only when there are fewer locations than this.
  void set_minor_threshold(int minor_threshold) { opts_.minor_threshold = minor_threshold; }
  /// How many minor ticks get labels when some do.
  void set_minor_number(int minor_number) { opts_.minor_number = minor_number; }
  /// The options in use.
  [[nodiscard]] const LogitFormatterOptions& options() const { return opts_; }
  /// Records the locations; a minor formatter also chooses which of them get labels.
  void set_locs(std::span<const double> locs) override;
  /// "1.230000e-02" below 0.1, "0.500000" below 0.9, "1-1.000000e-02" above.
  [[nodiscard]] std::string format_data_short(double value) const override;

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;

 private:
  [[nodiscard]] std::string one_minus(const std::string& s) const;
  LogitFormatterOptions opts_;
  std::vector<double> labelled_{};  // the minor locations that get labels
};

}  // namespace strata
