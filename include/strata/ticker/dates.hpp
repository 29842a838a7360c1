// SPDX-License-Identifier: MIT
#pragma once
// Date tick locators and formatters (matplotlib 3.6's dates.py), UTC only.
//
// Dates on an axis are matplotlib date numbers: float days since 1970-01-01T00:00:00 UTC
// (strata::date2num / strata::num2date in strata/data/units.hpp). The locators turn the view
// interval into UTC time points (num2date: rounded to the microsecond), place ticks on calendar
// recurrences, and return them as date numbers again. The recurrences are dateutil's rrule,
// re-implemented on std::chrono's civil calendar for the parts matplotlib uses (frequency,
// interval, bymonth, bymonthday, byweekday, byhour, byminute, bysecond), so that the ticks
// are the ones matplotlib places, quirks included.
//
// **Example**
// ```
// auto loc = std::make_shared<strata::AutoDateLocator>();
// loc->set_view_interval(18700.39, 18703.39);           // 2021-03-14 09:21 .. 2021-03-17 09:21
// std::vector<double> ticks = (*loc)();                 // every 12 hours: 18700.5, 18701, ...
// strata::ConciseDateFormatter fmt(loc);
// fmt.format_ticks(ticks);                              // {"12:00", "Mar-15", "12:00", ...}
// fmt.get_offset();                                     // "2021-Mar-17"
// ```

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "strata/export.hpp"
#include "strata/ticker/formatter.hpp"
#include "strata/ticker/locator.hpp"

namespace strata {

/// A UTC time point with microsecond precision (the same type as in strata/data/units.hpp).
using DateTime = std::chrono::sys_time<std::chrono::microseconds>;

// ---- recurrence rules -----------------------------------------------------------------------

/// How often a recurrence repeats (dateutil.rrule's YEARLY ... SECONDLY, in the same order,
/// and matplotlib's MICROSECONDLY).
enum class DateFrequency : std::uint8_t {
  yearly,
  monthly,
  weekly,
  daily,
  hourly,
  minutely,
  secondly,
  microsecondly,  ///< only AutoDateLocator uses it (a MicrosecondLocator); no RRule
};

/// Days of the week (dateutil's MO ... SU; Monday is 0).
enum class Weekday : std::uint8_t { MO, TU, WE, TH, FR, SA, SU };

/// A recurrence rule: the part of dateutil.rrule that matplotlib's date locators use.
///
/// The occurrences are the instants from dtstart (microseconds dropped) on whose period (the
/// year, month, week, day, hour, minute or second of `freq`) is a multiple of `interval` periods
/// after dtstart's, and that match every `by*` list. As in dateutil, lists left unset default
/// to dtstart's fields: for yearly rules without bymonthday/byweekday, bymonth = dtstart's
/// month and bymonthday = its day; monthly: bymonthday = its day; weekly: byweekday = its
/// weekday; and byhour / byminute / bysecond = dtstart's for frequencies coarser than
/// hourly / minutely / secondly.
///
/// **Example**
/// ```
/// strata::RRule r{.freq = strata::DateFrequency::monthly, .bymonthday = std::vector{1, 15},
///                 .byhour = std::vector{0}, .byminute = std::vector{0},
///                 .bysecond = std::vector{0}};   // the 1st and 15th of every month, 00:00
/// ```
struct RRule {
  /// The period; not microsecondly.
  DateFrequency freq = DateFrequency::yearly;
  /// Every `interval` periods; at least 1.
  int interval = 1;
  /// Months, 1..12.
  std::optional<std::vector<int>> bymonth{};
  /// Days of the month, 1..31, or -31..-1 counted from the month's end (-1: the last day).
  std::optional<std::vector<int>> bymonthday{};
  /// Days of the week.
  std::optional<std::vector<Weekday>> byweekday{};
  /// Hours, 0..23.
  std::optional<std::vector<int>> byhour{};
  /// Minutes, 0..59.
  std::optional<std::vector<int>> byminute{};
  /// Seconds, 0..59.
  std::optional<std::vector<int>> bysecond{};
};

/// dateutil's rrule(dtstart=dtstart, until=until, ...).between(after, before, inc): the
/// occurrences of `rule` in [after, before] (inc) or (after, before) (!inc), none after `until`,
/// in increasing order. Throws strata::ValueError for a bad rule (interval < 1, a value out of
/// range, an empty list, microsecondly) or when byhour / byminute / bysecond at the rule's own
/// frequency holds no value reachable from dtstart in steps of interval (dateutil's "Invalid
/// rrule byxxx generates an empty set.").
[[nodiscard]] STRATA_API std::vector<DateTime> rrule_between(const RRule& rule, DateTime dtstart,
                                                             std::optional<DateTime> until,
                                                             DateTime after, DateTime before,
                                                             bool inc = true);

// ---- locators -------------------------------------------------------------------------------

/// Base of the date locators (matplotlib's DateLocator). tick_values(vmin, vmax) converts the
/// date numbers with num2date (throwing strata::ValueError outside the years 1..9999) and
/// places ticks between the two time points.
class STRATA_API DateLocator : public Locator {
 public:
  /// The ticks between the time points num2date(vmin) and num2date(vmax), as date numbers.
  [[nodiscard]] std::vector<double> tick_values(double vmin, double vmax) const override;
  /// The ticks between two time points (matplotlib's tick_values of datetimes).
  [[nodiscard]] std::vector<double> tick_values(DateTime vmin, DateTime vmax) const {
    return date_tick_values(vmin, vmax);
  }
  /// Days per unit of the locator (matplotlib's `_get_unit`): 365 for years, 30 for months,
  /// 7 for weeks, 1 for days, 1/24 for hours ... AutoDateFormatter picks its format by it.
  [[nodiscard]] virtual double get_unit() const { return 1; }
  /// Units per tick (matplotlib's `_get_interval`).
  [[nodiscard]] virtual int get_interval() const { return 1; }
  /// (0, 1) (1970-01-01 .. 1970-01-02) when either end is not finite; sorted; widened by
  /// 2 * unit * interval days on each side when the span is below 1e-6 days.
  [[nodiscard]] std::pair<double, double> nonsingular(double v0, double v1) const override;
  /// The view interval as time points, sorted (throws strata::ValueError out of range).
  [[nodiscard]] std::pair<DateTime, DateTime> viewlim_to_dt() const;
  /// The data interval as time points, sorted (throws strata::ValueError out of range).
  [[nodiscard]] std::pair<DateTime, DateTime> datalim_to_dt() const;

 protected:
  /// The ticks between two time points.
  [[nodiscard]] virtual std::vector<double> date_tick_values(DateTime vmin,
                                                             DateTime vmax) const = 0;
  /// The ticks of the view interval; empty when the view is outside the years 1..9999.
  [[nodiscard]] std::vector<double> call() const override;
};

/// Ticks on the occurrences of a recurrence rule (matplotlib's RRuleLocator). The rule's
/// dtstart and until are set from the view: from vmin - (vmax - vmin) to vmax + (vmax - vmin)
/// in calendar arithmetic (dateutil's relativedelta), capped to 0001-01-01 and
/// 9999-12-31T23:59:59; the ticks are the occurrences in [vmin, vmax], or {vmin, vmax} when
/// there are none.
///
/// **Example**
/// ```
/// strata::RRuleLocator loc(strata::RRule{.freq = strata::DateFrequency::yearly,
///                                        .bymonth = std::vector{1, 7},
///                                        .bymonthday = std::vector{1}});
/// ```
class STRATA_API RRuleLocator : public DateLocator {
 public:
  /// Throws strata::ValueError for a bad rule (see rrule_between).
  explicit RRuleLocator(RRule rule);
  /// The rule's unit: 365, 30, 7, 1, 1/24, 1/1440 or 1/86400 days.
  [[nodiscard]] double get_unit() const override;
  /// The rule's interval.
  [[nodiscard]] int get_interval() const override { return rule_.interval; }
  /// The rule.
  [[nodiscard]] const RRule& rule() const { return rule_; }
  /// Days per period of `freq` (matplotlib's RRuleLocator.get_unit_generic): 365, 30, 7, 1,
  /// 1/24, 1/1440, 1/86400; -1 for microsecondly.
  [[nodiscard]] static double get_unit_generic(DateFrequency freq);

 protected:
  /// What tick_values hands the rule: dtstart, until, and the bounds of the ticks.
  struct RuleBounds {
    DateTime dtstart;
    DateTime until;
    DateTime after;
    DateTime before;
  };
  /// dtstart, until and the tick bounds for the view (vmin, vmax) (matplotlib's
  /// `_create_rrule`).
  [[nodiscard]] virtual RuleBounds create_rrule(DateTime vmin, DateTime vmax) const;
  [[nodiscard]] std::vector<double> date_tick_values(DateTime vmin, DateTime vmax) const override;

 private:
  RRule rule_;
};

/// Ticks on a given day of the years that are multiples of `base` (matplotlib's YearLocator).
/// The ticks run from the multiple of base at or below vmin's year to the one at or above
/// vmax's year; as in matplotlib, the first is dropped when vmin has a fraction of a second.
///
/// **Example**
/// ```
/// strata::YearLocator every_5_years(5);
/// strata::YearLocator july_4th(1, 7, 4);
/// ```
class STRATA_API YearLocator : public RRuleLocator {
 public:
  /// Every `base` (>= 1) years on `month`-`day` at 00:00. Throws strata::ValueError for a bad
  /// base, month or day.
  explicit YearLocator(int base = 1, int month = 1, int day = 1);

 protected:
  [[nodiscard]] RuleBounds create_rrule(DateTime vmin, DateTime vmax) const override;

 private:
  int base_;
  int month_;
  int day_;
};

/// Ticks on given months (matplotlib's MonthLocator).
///
/// **Example**
/// ```
/// strata::MonthLocator quarters({1, 4, 7, 10});
/// strata::MonthLocator mid_month({}, {15});
/// ```
class STRATA_API MonthLocator : public RRuleLocator {
 public:
  /// On `bymonthday` (default the 1st) of the months `bymonth` (empty: every month), every
  /// `interval` months, at 00:00. Throws strata::ValueError for bad values.
  explicit MonthLocator(std::vector<int> bymonth = {}, std::vector<int> bymonthday = {1},
                        int interval = 1);
};

/// Ticks on given days of the week (matplotlib's WeekdayLocator: a daily rule filtered by
/// weekday, so interval counts days).
///
/// **Example**
/// ```
/// strata::WeekdayLocator mondays({strata::Weekday::MO});
/// ```
class STRATA_API WeekdayLocator : public RRuleLocator {
 public:
  /// On the days `byweekday` (matplotlib's default: Tuesday), every `interval` days, at
  /// 00:00. Throws strata::ValueError for an empty list or interval < 1.
  explicit WeekdayLocator(std::vector<Weekday> byweekday = {Weekday::TU}, int interval = 1);
};

/// Ticks on given days of the month (matplotlib's DayLocator).
///
/// **Example**
/// ```
/// strata::DayLocator first_and_15th({1, 15});
/// ```
class STRATA_API DayLocator : public RRuleLocator {
 public:
  /// On the days `bymonthday` (empty: every day), every `interval` days, at 00:00. Throws
  /// strata::ValueError for bad values ("interval must be an integer greater than 0").
  explicit DayLocator(std::vector<int> bymonthday = {}, int interval = 1);
};

/// Ticks on given hours (matplotlib's HourLocator).
///
/// **Example**
/// ```
/// strata::HourLocator every_6_hours({0, 6, 12, 18});
/// ```
class STRATA_API HourLocator : public RRuleLocator {
 public:
  /// On the hours `byhour` (empty: every hour), every `interval` hours, at minute 0.
  explicit HourLocator(std::vector<int> byhour = {}, int interval = 1);
};

/// Ticks on given minutes (matplotlib's MinuteLocator).
///
/// **Example**
/// ```
/// strata::MinuteLocator quarter_hours({0, 15, 30, 45});
/// ```
class STRATA_API MinuteLocator : public RRuleLocator {
 public:
  /// On the minutes `byminute` (empty: every minute), every `interval` minutes, at second 0.
  explicit MinuteLocator(std::vector<int> byminute = {}, int interval = 1);
};

/// Ticks on given seconds (matplotlib's SecondLocator).
///
/// **Example**
/// ```
/// strata::SecondLocator every_10_seconds({}, 10);
/// ```
class STRATA_API SecondLocator : public RRuleLocator {
 public:
  /// On the seconds `bysecond` (empty: every second), every `interval` seconds.
  explicit SecondLocator(std::vector<int> bysecond = {}, int interval = 1);
};

/// Ticks every `interval` microseconds (matplotlib's MicrosecondLocator: a MultipleLocator on
/// microseconds since the start of vmin's day). Precise only within about 70 years of 1970.
///
/// **Example**
/// ```
/// strata::MicrosecondLocator loc(100);
/// ```
class STRATA_API MicrosecondLocator : public DateLocator {
 public:
  /// Throws strata::ValueError when interval < 1.
  explicit MicrosecondLocator(int interval = 1);
  /// 1 / (86400 * 1e6) days.
  [[nodiscard]] double get_unit() const override;
  /// The interval.
  [[nodiscard]] int get_interval() const override { return interval_; }

 protected:
  [[nodiscard]] std::vector<double> date_tick_values(DateTime vmin, DateTime vmax) const override;

 private:
  int interval_;
};

/// AutoDateLocator's keyword arguments.
struct AutoDateLocatorOptions {
  /// The minimum number of ticks: the finest frequency giving at least this many is used.
  int minticks = 5;
  /// The maximum number of ticks: an int for every frequency, or per frequency (the others
  /// keep their defaults: yearly 11, monthly 12, daily 11, hourly 12, minutely 11, secondly
  /// 11, microsecondly 8).
  std::variant<std::monostate, int, std::map<DateFrequency, int>> maxticks{};
  /// Ticks on multiples of the interval (hours 0, 6, 12, 18 rather than every 6 hours from
  /// the view's start); rcParams["date.interval_multiples"] is the axis' default. Default true.
  bool interval_multiples = true;
};

/// Picks a frequency and interval for the view and ticks with a YearLocator, an RRuleLocator
/// or a MicrosecondLocator (matplotlib's AutoDateLocator): the default major locator of a date
/// axis. get_unit() is the unit of the locator picked last, which AutoDateFormatter reads.
///
/// **Example**
/// ```
/// strata::AutoDateLocator loc({.minticks = 3, .maxticks = 7});
/// loc.intervald()[strata::DateFrequency::hourly] = {3};   // hourly ticks every 3 hours
/// ```
class STRATA_API AutoDateLocator : public DateLocator {
 public:
  /// Throws strata::ValueError when minticks < 1 or a maxticks value is < 2.
  explicit AutoDateLocator(const AutoDateLocatorOptions& opts = {});
  /// The locator for the view (dmin, dmax) (matplotlib's get_locator); sets freq(). The
  /// locator gets a copy of this locator's axis state.
  [[nodiscard]] std::unique_ptr<DateLocator> get_locator(DateTime dmin, DateTime dmax) const;
  /// (0, 1) when either end is not finite; sorted; +-2 * 365 days when both are equal.
  [[nodiscard]] std::pair<double, double> nonsingular(double v0, double v1) const override;
  /// The unit of the frequency picked last (yearly before the first pick).
  [[nodiscard]] double get_unit() const override;
  /// The frequency picked last (yearly before the first pick).
  [[nodiscard]] DateFrequency freq() const { return freq_; }
  /// The intervals allowed per frequency, in increasing order (matplotlib's intervald); the
  /// first giving at most maxticks ticks is used. Modify only the lists, not the keys.
  [[nodiscard]] std::map<DateFrequency, std::vector<int>>& intervald() { return intervald_; }
  /// The intervals allowed per frequency.
  [[nodiscard]] const std::map<DateFrequency, std::vector<int>>& intervald() const {
    return intervald_;
  }
  /// The maximum number of ticks per frequency.
  [[nodiscard]] const std::map<DateFrequency, int>& maxticks() const { return maxticks_; }
  /// The minimum number of ticks.
  [[nodiscard]] int minticks() const { return minticks_; }
  /// Whether ticks are on multiples of the interval.
  [[nodiscard]] bool interval_multiples() const { return interval_multiples_; }

 protected:
  [[nodiscard]] std::vector<double> date_tick_values(DateTime vmin, DateTime vmax) const override;
  /// The ticks of the view interval; throws strata::ValueError when it is outside the years
  /// 1..9999 (as matplotlib's AutoDateLocator.__call__).
  [[nodiscard]] std::vector<double> call() const override;

 private:
  int minticks_;
  std::map<DateFrequency, int> maxticks_;
  bool interval_multiples_;
  std::map<DateFrequency, std::vector<int>> intervald_;
  mutable DateFrequency freq_ = DateFrequency::yearly;
};

// ---- formatters -----------------------------------------------------------------------------

/// Python's datetime.strftime of a UTC time point in the C locale (glibc's conversions), as
/// matplotlib's date formatters produce it. Supported: %a %A %b %B %c %C %d %D %e %f %F %g
/// %G %h %H %I %j %k %l %m %M %n %p %P %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%,
/// glibc's flags `-` (no padding), `_` (spaces), `0` (zeros), `^` (upper case), `#` (swap case
/// of names) and a field width; `E` and `O` are ignored. %z is "+0000" and %Z "UTC"; %f is the
/// six-digit microsecond. Other conversions are copied unchanged, as glibc does.
///
/// **Example**
/// ```
/// strata::format_date(strata::num2date(18700.5), "%Y-%m-%d %H:%M");   // "2021-03-14 12:00"
/// ```
[[nodiscard]] STRATA_API std::string format_date(DateTime t, std::string_view fmt);

/// Labels from a strftime format (matplotlib's DateFormatter), UTC.
///
/// **Example**
/// ```
/// strata::DateFormatter f("%b %d");
/// f(18700.5);   // "Mar 14"
/// ```
class STRATA_API DateFormatter : public Formatter {
 public:
  explicit DateFormatter(std::string fmt) : fmt_(std::move(fmt)) {}
  /// The format.
  [[nodiscard]] const std::string& format() const { return fmt_; }
  /// Replace the format.
  void set_format(std::string fmt) { fmt_ = std::move(fmt); }

 protected:
  /// format_date(num2date(x), fmt); throws strata::ValueError outside the years 1..9999.
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;

 private:
  std::string fmt_;
};

/// A format in AutoDateFormatter's table: a strftime format or a function (value, position)
/// -> label.
using DateScaledFormat =
    std::variant<std::string, std::function<std::string(double, std::optional<std::size_t>)>>;

/// Labels whose format follows the locator's unit (matplotlib's AutoDateFormatter): the
/// format of the smallest key of scaled() that is >= the unit of the locator's last pick.
/// The defaults come from rcParams when the formatter is made: date.autoformatter.year (key
/// 365), .month (30), .day (1), .hour (1/24), .minute (1/1440), .second (1/86400) and
/// .microsecond (1/86400e6).
///
/// **Example**
/// ```
/// auto loc = std::make_shared<strata::AutoDateLocator>();
/// strata::AutoDateFormatter fmt(loc);
/// fmt.scaled()[1.0 / 1440] = "%M:%S";   // minute ticks as minutes and seconds
/// ```
class STRATA_API AutoDateFormatter : public Formatter {
 public:
  /// `locator`: the axis' locator; a DateLocator's get_unit() chooses the format, any other
  /// (or none) counts as unit 1 (days). `defaultfmt`: used when no key is large enough.
  explicit AutoDateFormatter(std::shared_ptr<const Locator> locator,
                             std::string defaultfmt = "%Y-%m-%d");
  /// The table of formats by unit in days.
  [[nodiscard]] std::map<double, DateScaledFormat>& scaled() { return scaled_; }
  /// The table of formats by unit in days.
  [[nodiscard]] const std::map<double, DateScaledFormat>& scaled() const { return scaled_; }
  /// The format used when no key is large enough.
  [[nodiscard]] const std::string& defaultfmt() const { return defaultfmt_; }
  /// Replace the locator.
  void set_locator(std::shared_ptr<const Locator> locator) { locator_ = std::move(locator); }

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;

 private:
  std::shared_ptr<const Locator> locator_;
  std::string defaultfmt_;
  std::map<double, DateScaledFormat> scaled_;
};

/// ConciseDateFormatter's keyword arguments. Each list has 6 formats, for ticks that are
/// mostly years, months, days, hours, minutes and seconds.
struct ConciseDateFormatterOptions {
  /// Tick formats; nullopt or empty: {"%Y", "%b", "%d", "%H:%M", "%H:%M", "%S.%f"}.
  std::optional<std::vector<std::string>> formats{};
  /// Formats of ticks at the start of the next coarser level ("zeros": January, the 1st,
  /// midnight ...); nullopt or empty: {"", formats[0..4]}, and with the default formats
  /// {"", "%Y", "%b", "%b-%d", "%H:%M", "%H:%M"}.
  std::optional<std::vector<std::string>> zero_formats{};
  /// Formats of the offset text; nullopt or empty: {"", "%Y", "%Y-%b", "%Y-%b-%d",
  /// "%Y-%b-%d", "%Y-%b-%d %H:%M"}.
  std::optional<std::vector<std::string>> offset_formats{};
  /// Show the offset text. Default true.
  bool show_offset = true;
};

/// Short labels that show only what changes between ticks, with the rest in the offset text
/// (matplotlib's ConciseDateFormatter).
///
/// The labels are made for all ticks at once by format_ticks() (set_locs): the level is the
/// finest of year, month, day, hour, minute, second that differs between ticks; ticks at a
/// "zero" of the level use the zero format; trailing zeros of fractional seconds are removed
/// alike from all labels. A single label (operator() with a position that is not one of the
/// ticks last set) is "%Y", as matplotlib's `__call__`. Differences from matplotlib: an
/// empty tick list gives no labels and no offset (matplotlib raises), and operator()(x, i)
/// after format_ticks returns the i-th tick label when x is the i-th tick.
///
/// **Example**
/// ```
/// auto loc = std::make_shared<strata::AutoDateLocator>();
/// strata::ConciseDateFormatter fmt(loc, {.show_offset = false});
/// ```
class STRATA_API ConciseDateFormatter : public Formatter {
 public:
  /// `locator`: the axis' locator (kept, not used, as in matplotlib). Throws
  /// strata::ValueError when a format list does not have 6 entries.
  explicit ConciseDateFormatter(std::shared_ptr<const Locator> locator,
                                const ConciseDateFormatterOptions& opts = {});
  /// Computes the labels and the offset text of all the ticks.
  void set_locs(std::span<const double> locs) override;
  /// The offset text of the ticks last formatted, e.g. "2021-Mar-14".
  [[nodiscard]] std::string get_offset() const override { return offset_string_; }
  /// "%Y-%m-%d %H:%M:%S".
  [[nodiscard]] std::string format_data_short(double value) const override;
  /// The tick formats.
  [[nodiscard]] const std::vector<std::string>& formats() const { return formats_; }
  /// The zero formats.
  [[nodiscard]] const std::vector<std::string>& zero_formats() const { return zero_formats_; }
  /// The offset formats.
  [[nodiscard]] const std::vector<std::string>& offset_formats() const { return offset_formats_; }
  /// Whether the offset text is shown.
  [[nodiscard]] bool show_offset() const { return show_offset_; }
  /// Show or hide the offset text.
  void set_show_offset(bool on) { show_offset_ = on; }

 protected:
  [[nodiscard]] std::string call(double x, std::optional<std::size_t> pos) const override;

 private:
  std::shared_ptr<const Locator> locator_;
  std::vector<std::string> formats_;
  std::vector<std::string> zero_formats_;
  std::vector<std::string> offset_formats_;
  bool show_offset_ = true;
  std::string offset_string_{};
  std::vector<std::string> labels_{};
};

}  // namespace strata
