// SPDX-License-Identifier: MIT
// Date tick locators and formatters: matplotlib 3.6's dates.py, with the parts of dateutil it
// relies on (rrule, relativedelta) and of Python's datetime.strftime / glibc's strftime
// re-implemented on std::chrono's civil calendar. UTC only.
#include "strata/ticker/dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "strata/data/units.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

namespace {

using std::chrono::days;
using std::chrono::microseconds;
using std::chrono::sys_days;

constexpr std::int64_t kUsPerSecond = 1'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::int64_t kUsPerDay = kUsPerSecond * kSecondsPerDay;

// matplotlib's time constants.
constexpr double kHoursPerDay = 24.0;
constexpr double kMinutesPerDay = 60.0 * 24.0;
constexpr double kSecondsPerDayD = 60.0 * 60.0 * 24.0;
constexpr double kMusecondsPerDay = 1e6 * kSecondsPerDayD;
constexpr double kDaysPerWeek = 7.0;
constexpr double kDaysPerMonth = 30.0;
constexpr double kDaysPerYear = 365.0;

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

// ---- integer arithmetic as Python does it ----

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

// ---- the civil calendar ----

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t y, int m) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && is_leap(y)) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

sys_days civil_day(std::int64_t y, int m, int d) {
  return sys_days{std::chrono::year{static_cast<int>(y)} /
                  std::chrono::month{static_cast<unsigned>(m)} /
                  std::chrono::day{static_cast<unsigned>(d)}};
}

// Monday 0 .. Sunday 6 (Python's weekday()).
int weekday_of(sys_days d) { return static_cast<int>(std::chrono::weekday{d}.iso_encoding()) - 1; }

// A broken-down UTC time (Python's datetime fields).
struct Fields {
  std::int64_t year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int micro = 0;
};

sys_days day_of(DateTime t) { return std::chrono::floor<days>(t); }

Fields fields_of(DateTime t) {
  const sys_days d = day_of(t);
  const std::chrono::year_month_day ymd{d};
  const std::int64_t us = (t - d).count();
  const std::int64_t secs = us / kUsPerSecond;
  Fields f;
  f.year = static_cast<int>(ymd.year());
  f.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  f.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  f.hour = static_cast<int>(secs / 3600);
  f.minute = static_cast<int>(secs / 60 % 60);
  f.second = static_cast<int>(secs % 60);
  f.micro = static_cast<int>(us % kUsPerSecond);
  return f;
}

DateTime time_of(sys_days d, std::int64_t us_of_day = 0) {
  return DateTime{std::chrono::duration_cast<microseconds>(d.time_since_epoch())} +
         microseconds{us_of_day};
}

DateTime time_of(const Fields& f) {
  return time_of(civil_day(f.year, f.month, f.day),
                 ((f.hour * 60LL + f.minute) * 60LL + f.second) * kUsPerSecond + f.micro);
}

// The first and last instants Python's datetime holds.
DateTime min_datetime() { return time_of(civil_day(kMinYear, 1, 1)); }
DateTime max_datetime() { return time_of(civil_day(kMaxYear, 12, 31), kUsPerDay - 1); }

double to_num(DateTime t) {
  const auto s = std::chrono::floor<std::chrono::seconds>(t);
  const auto us = (t - s).count();
  return detail::date2num_parts(static_cast<std::int64_t>(s.time_since_epoch().count()),
                                static_cast<std::int64_t>(us) * 1000);
}

// ---- dateutil's relativedelta, the part matplotlib uses ----

struct RelDelta {
  std::int64_t years = 0;
  std::int64_t months = 0;
  std::int64_t days = 0;
  std::int64_t hours = 0;
  std::int64_t minutes = 0;
  std::int64_t seconds = 0;
  std::int64_t microseconds = 0;
};

std::int64_t sign_of(std::int64_t x) { return x < 0 ? -1 : 1; }

// Carries each field into the next larger one with the field's sign (relativedelta._fix).
void carry(std::int64_t& small, std::int64_t& large, std::int64_t limit) {
  if (std::abs(small) > limit - 1) {
    const std::int64_t s = sign_of(small);
    const std::int64_t v = small * s;
    small = (v % limit) * s;
    large += (v / limit) * s;
  }
}

void fix(RelDelta& r) {
  carry(r.microseconds, r.seconds, 1'000'000);
  carry(r.seconds, r.minutes, 60);
  carry(r.minutes, r.hours, 60);
  carry(r.hours, r.days, 24);
  carry(r.months, r.years, 12);
}

RelDelta months_delta(std::int64_t months) {
  RelDelta r;
  if (std::abs(months) > 11) {
    const std::int64_t s = sign_of(months);
    r.months = (months * s % 12) * s;
    r.years = (months * s / 12) * s;
  } else {
    r.months = months;
  }
  return r;
}

RelDelta negated(const RelDelta& r) {
  RelDelta n{-r.years, -r.months, -r.days, -r.hours, -r.minutes, -r.seconds, -r.microseconds};
  fix(n);
  return n;
}

// dt + relativedelta; nullopt where Python raises (a year outside 1..9999, or an overflow).
std::optional<DateTime> add(DateTime dt, const RelDelta& r) {
  const Fields f = fields_of(dt);
  std::int64_t year = f.year + r.years;
  std::int64_t month = f.month;
  if (r.months != 0) {
    month += r.months;
    if (month > 12) {
      year += 1;
      month -= 12;
    } else if (month < 1) {
      year -= 1;
      month += 12;
    }
  }
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  const int day = std::min(days_in_month(year, static_cast<int>(month)), f.day);
  Fields g = f;
  g.year = year;
  g.month = static_cast<int>(month);
  g.day = day;
  const DateTime base = time_of(g);
  const std::int64_t delta_us =
      ((((r.days * 24) + r.hours) * 60 + r.minutes) * 60 + r.seconds) * kUsPerSecond +
      r.microseconds;
  // No overflow: every field is bounded by the 1..9999 range of the dates it came from.
  const DateTime out = base + microseconds{delta_us};
  if (out < min_datetime() || out > max_datetime()) return std::nullopt;
  return out;
}

// relativedelta(dt1, dt2): dt2 + result == dt1.
RelDelta relativedelta(DateTime dt1, DateTime dt2) {
  const Fields f1 = fields_of(dt1);
  const Fields f2 = fields_of(dt2);
  std::int64_t months = (f1.year - f2.year) * 12 + (f1.month - f2.month);
  RelDelta r = months_delta(months);
  auto shifted = [&] {
    const std::optional<DateTime> t = add(dt2, r);
    STRATA_ASSERT(t.has_value(), "relativedelta: month shift out of range");
    return *t;
  };
  DateTime dtm = shifted();
  const bool backwards = dt1 < dt2;
  const std::int64_t increment = backwards ? 1 : -1;
  while (backwards ? dt1 > dtm : dt1 < dtm) {
    months += increment;
    r = months_delta(months);
    dtm = shifted();
  }
  const std::int64_t delta_us = (dt1 - dtm).count();
  r.seconds = floor_div(delta_us, kUsPerSecond);
  r.microseconds = floor_mod(delta_us, kUsPerSecond);
  fix(r);
  return r;
}

// ---- rrule ----

template <std::size_t N>
struct Mask {
  std::array<bool, N> on{};
  bool active = false;
  [[nodiscard]] bool allows(int v) const { return !active || on[static_cast<std::size_t>(v)]; }
  void set(const std::vector<int>& values) {
    active = true;
    for (int v : values) on[static_cast<std::size_t>(v)] = true;
  }
};

std::vector<int> sorted_unique(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

const char* freq_name(DateFrequency f) {
  switch (f) {
    case DateFrequency::yearly:
      return "yearly";
    case DateFrequency::monthly:
      return "monthly";
    case DateFrequency::weekly:
      return "weekly";
    case DateFrequency::daily:
      return "daily";
    case DateFrequency::hourly:
      return "hourly";
    case DateFrequency::minutely:
      return "minutely";
    case DateFrequency::secondly:
      return "secondly";
    case DateFrequency::microsecondly:
      return "microsecondly";
  }
  return "?";
}

void check_values(const char* who, const char* name, const std::optional<std::vector<int>>& v,
                  int lo, int hi, bool nonzero = false) {
  if (!v) return;
  if (v->empty()) throw ValueError(fmt::format("{}: {} must not be empty", who, name));
  for (int x : *v) {
    if (x < lo || x > hi || (nonzero && x == 0)) {
      throw ValueError(fmt::format("{}: {} values must be in {}..{}{}, got {}", who, name, lo, hi,
                                   nonzero ? " and not 0" : "", x));
    }
  }
}

void check_rule(const RRule& r, const char* who) {
  if (r.freq == DateFrequency::microsecondly) {
    throw ValueError(fmt::format("{}: freq must be yearly .. secondly, got microsecondly", who));
  }
  if (r.interval < 1) {
    throw ValueError(
        fmt::format("{}: interval must be an integer greater than 0, got {}", who, r.interval));
  }
  check_values(who, "bymonth", r.bymonth, 1, 12);
  check_values(who, "bymonthday", r.bymonthday, -31, 31, true);
  check_values(who, "byhour", r.byhour, 0, 23);
  check_values(who, "byminute", r.byminute, 0, 59);
  check_values(who, "bysecond", r.bysecond, 0, 59);
  if (r.byweekday && r.byweekday->empty()) {
    throw ValueError(fmt::format("{}: byweekday must not be empty", who));
  }
}

// A rule with dateutil's defaults filled in from dtstart.
struct ResolvedRule {
  DateFrequency freq = DateFrequency::yearly;
  std::int64_t interval = 1;
  Mask<13> month;
  Mask<32> monthday;   // 1..31
  Mask<32> nmonthday;  // -1..-31 stored as 1..31
  bool any_monthday = false;
  Mask<7> weekday;
  Mask<24> hour;
  Mask<60> minute;
  Mask<60> second;
  std::vector<int> hours, minutes, seconds;  // the sorted lists (for the time sets)
  std::vector<std::int64_t> timeset;         // seconds of the day, sorted (below hourly)
};

// dateutil's __construct_byset: the values reachable from `start` in steps of interval.
std::vector<int> reachable(int start, const std::vector<int>& values, std::int64_t interval,
                           int base) {
  const auto g = static_cast<int>(std::gcd(interval, static_cast<std::int64_t>(base)));
  std::vector<int> out;
  for (int v : values) {
    if (g == 1 || floor_mod(v - start, g) == 0) out.push_back(v);
  }
  if (out.empty()) throw ValueError("rrule: Invalid rrule byxxx generates an empty set.");
  return sorted_unique(out);
}

ResolvedRule resolve(const RRule& rule, DateTime dtstart) {
  check_rule(rule, "rrule");
  const Fields s = fields_of(dtstart);
  ResolvedRule r;
  r.freq = rule.freq;
  r.interval = rule.interval;
  std::optional<std::vector<int>> bymonth = rule.bymonth;
  std::optional<std::vector<int>> bymonthday = rule.bymonthday;
  std::optional<std::vector<int>> byweekday;
  if (rule.byweekday) {
    byweekday.emplace();
    for (Weekday w : *rule.byweekday) byweekday->push_back(static_cast<int>(w));
  }
  if (!bymonthday && !byweekday) {
    if (r.freq == DateFrequency::yearly) {
      if (!bymonth) bymonth = std::vector<int>{s.month};
      bymonthday = std::vector<int>{s.day};
    } else if (r.freq == DateFrequency::monthly) {
      bymonthday = std::vector<int>{s.day};
    } else if (r.freq == DateFrequency::weekly) {
      byweekday = std::vector<int>{weekday_of(day_of(dtstart))};
    }
  }
  if (bymonth) r.month.set(*bymonth);
  if (bymonthday) {
    std::vector<int> pos;
    std::vector<int> neg;
    for (int d : *bymonthday) (d > 0 ? pos : neg).push_back(d > 0 ? d : -d);
    if (!pos.empty()) r.monthday.set(pos);
    if (!neg.empty()) r.nmonthday.set(neg);
    r.any_monthday = !pos.empty() || !neg.empty();
  }
  if (byweekday) r.weekday.set(*byweekday);

  // Times: the given lists (reduced to the reachable values at the rule's own frequency), or
  // dtstart's fields for frequencies coarser than the field.
  auto times = [&](const std::optional<std::vector<int>>& given, DateFrequency own, int start,
                   int base) -> std::vector<int> {
    if (given) {
      if (r.freq == own) return reachable(start, *given, r.interval, base);
      return sorted_unique(*given);
    }
    if (r.freq < own) return {start};
    return {};
  };
  r.hours = times(rule.byhour, DateFrequency::hourly, s.hour, 24);
  r.minutes = times(rule.byminute, DateFrequency::minutely, s.minute, 60);
  r.seconds = times(rule.bysecond, DateFrequency::secondly, s.second, 60);
  if (!r.hours.empty()) r.hour.set(r.hours);
  if (!r.minutes.empty()) r.minute.set(r.minutes);
  if (!r.seconds.empty()) r.second.set(r.seconds);
  if (r.freq < DateFrequency::hourly) {
    for (int h : r.hours) {
      for (int m : r.minutes) {
        for (int sec : r.seconds) r.timeset.push_back((h * 60LL + m) * 60LL + sec);
      }
    }
    std::sort(r.timeset.begin(), r.timeset.end());
  }
  return r;
}

bool day_matches(const ResolvedRule& r, std::int64_t y, int m, int d, sys_days day) {
  if (!r.month.allows(m)) return false;
  if (r.any_monthday) {
    const int neg = days_in_month(y, m) - d + 1;  // -1 is the last day
    const bool pos_ok = r.monthday.active && r.monthday.on[static_cast<std::size_t>(d)];
    const bool neg_ok = r.nmonthday.active && r.nmonthday.on[static_cast<std::size_t>(neg)];
    if (!pos_ok && !neg_ok) return false;
  }
  return r.weekday.allows(weekday_of(day));
}

bool day_matches(const ResolvedRule& r, sys_days day) {
  const std::chrono::year_month_day ymd{day};
  return day_matches(r, static_cast<int>(ymd.year()),
                     static_cast<int>(static_cast<unsigned>(ymd.month())),
                     static_cast<int>(static_cast<unsigned>(ymd.day())), day);
}

// Collects occurrences as rrule.between does; returns false once past the end.
class Collector {
 public:
  Collector(DateTime dtstart, std::optional<DateTime> until, DateTime after, DateTime before,
            bool inc, std::vector<DateTime>& out)
      : dtstart_(dtstart), until_(until), after_(after), before_(before), inc_(inc), out_(out) {}
  bool operator()(DateTime res) {
    if (until_ && res > *until_) return false;
    if (res < dtstart_) return true;
    if (inc_) {
      if (res > before_) return false;
      if (res >= after_) out_.push_back(res);
    } else {
      if (res >= before_) return false;
      if (res > after_) out_.push_back(res);
    }
    return true;
  }
  // No occurrence at or after t can be collected.
  [[nodiscard]] bool past(DateTime t) const {
    if (until_ && t > *until_) return true;
    return inc_ ? t > before_ : t >= before_;
  }

 private:
  DateTime dtstart_;
  std::optional<DateTime> until_;
  DateTime after_;
  DateTime before_;
  bool inc_;
  std::vector<DateTime>& out_;
};

// The occurrences on one day at the day-level time set; false to stop.
bool emit_day(const ResolvedRule& r, sys_days day, Collector& collect) {
  for (std::int64_t t : r.timeset) {
    if (!collect(time_of(day, t * kUsPerSecond))) return false;
  }
  return true;
}

void iterate_month(const ResolvedRule& r, std::int64_t y, int m, Collector& collect, bool& stop) {
  if (!r.month.allows(m)) return;
  const int n = days_in_month(y, m);
  for (int d = 1; d <= n && !stop; ++d) {
    const sys_days day = civil_day(y, m, d);
    if (!day_matches(r, y, m, d, day)) continue;
    if (!emit_day(r, day, collect)) stop = true;
  }
}

void iterate(const ResolvedRule& r, DateTime dtstart, Collector& collect) {
  const Fields s = fields_of(dtstart);
  const sys_days last_day = civil_day(kMaxYear, 12, 31);
  bool stop = false;
  switch (r.freq) {
    case DateFrequency::yearly:
      for (std::int64_t y = s.year; y <= kMaxYear && !stop; y += r.interval) {
        if (collect.past(time_of(civil_day(y, 1, 1)))) return;
        for (int m = 1; m <= 12 && !stop; ++m) iterate_month(r, y, m, collect, stop);
      }
      return;
    case DateFrequency::monthly: {
      std::int64_t y = s.year;
      std::int64_t m = s.month;
      while (y <= kMaxYear && !stop) {
        if (collect.past(time_of(civil_day(y, static_cast<int>(m), 1)))) return;
        iterate_month(r, y, static_cast<int>(m), collect, stop);
        m += r.interval;
        y += (m - 1) / 12;
        m = (m - 1) % 12 + 1;
      }
      return;
    }
    case DateFrequency::weekly: {
      // Weeks start on Monday (dateutil's wkst default, calendar.firstweekday()).
      sys_days week = day_of(dtstart) - days{weekday_of(day_of(dtstart))};
      while (!stop) {
        if (collect.past(time_of(week))) return;
        for (int i = 0; i < 7 && !stop; ++i) {
          const sys_days day = week + days{i};
          if (day > last_day) return;
          if (day_matches(r, day) && !emit_day(r, day, collect)) stop = true;
        }
        week += days{7 * r.interval};
      }
      return;
    }
    case DateFrequency::daily:
      for (sys_days day = day_of(dtstart); day <= last_day && !stop; day += days{r.interval}) {
        if (collect.past(time_of(day))) return;
        if (day_matches(r, day) && !emit_day(r, day, collect)) stop = true;
      }
      return;
    case DateFrequency::hourly:
    case DateFrequency::minutely:
    case DateFrequency::secondly: {
      // The periods are hours, minutes or seconds start + k * interval; walk them day by day.
      const std::int64_t unit = r.freq == DateFrequency::hourly     ? 3600
                                : r.freq == DateFrequency::minutely ? 60
                                                                    : 1;
      const std::int64_t per_day = kSecondsPerDay / unit;
      const std::int64_t start_s =
          std::chrono::floor<std::chrono::seconds>(dtstart).time_since_epoch().count();
      const std::int64_t start = floor_div(start_s, unit);
      for (sys_days day = day_of(dtstart); day <= last_day && !stop; day += days{1}) {
        if (collect.past(time_of(day))) return;
        if (!day_matches(r, day)) continue;
        const std::int64_t first = day.time_since_epoch().count() * per_day;
        const std::int64_t k =
            std::max<std::int64_t>(0, floor_div(first - start + r.interval - 1, r.interval));
        for (std::int64_t u = start + k * r.interval; u < first + per_day && !stop;
             u += r.interval) {
          const std::int64_t sod = (u - first) * unit;
          const auto h = static_cast<int>(sod / 3600);
          const auto mi = static_cast<int>(sod / 60 % 60);
          const auto se = static_cast<int>(sod % 60);
          if (!r.hour.allows(h)) continue;
          if (r.freq >= DateFrequency::minutely && !r.minute.allows(mi)) continue;
          if (r.freq == DateFrequency::secondly && !r.second.allows(se)) continue;
          auto emit = [&](int mm, int ss) {
            if (!collect(time_of(day, ((h * 60LL + mm) * 60LL + ss) * kUsPerSecond))) stop = true;
          };
          if (r.freq == DateFrequency::hourly) {
            for (int mm : r.minutes) {
              for (int ss : r.seconds) {
                if (!stop) emit(mm, ss);
              }
            }
          } else if (r.freq == DateFrequency::minutely) {
            for (int ss : r.seconds) {
              if (!stop) emit(mi, ss);
            }
          } else {
            emit(mi, se);
          }
        }
      }
      return;
    }
    case DateFrequency::microsecondly:
      return;
  }
}

DateTime drop_micro(DateTime t) { return std::chrono::floor<std::chrono::seconds>(t); }

// ---- strftime ----

constexpr std::array<const char*, 7> kDayNames{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                               "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> kMonthNames{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

// The ISO 8601 week-based year and week of a date.
std::pair<std::int64_t, int> iso_week(sys_days day) {
  const int wd = weekday_of(day);                // Monday 0
  const sys_days thursday = day + days{3 - wd};  // the Thursday of this ISO week
  const std::chrono::year_month_day ymd{thursday};
  const auto iso_year = static_cast<std::int64_t>(static_cast<int>(ymd.year()));
  const sys_days jan1 = civil_day(iso_year, 1, 1);
  const auto week = static_cast<int>((thursday - jan1).count() / 7 + 1);
  return {iso_year, week};
}

struct Spec {
  char pad = 0;  // 0, '-', '_', '0'
  int width = -1;
  bool upcase = false;
  bool swapcase = false;
};

void append_padded(std::string& out, std::string_view s, const Spec& spec, char default_fill) {
  if (spec.width > 0 && static_cast<int>(s.size()) < spec.width) {
    const char fill = spec.pad == '0' ? '0' : (spec.pad == 0 ? default_fill : ' ');
    out.append(static_cast<std::size_t>(spec.width) - s.size(), fill);
  }
  out += s;
}

// A number with glibc's padding: `digits` wide by default, zeros (or `spaces` for %e %k %l).
void append_number(std::string& out, std::int64_t v, int digits, const Spec& spec,
                   bool spaces = false) {
  const std::string s = std::to_string(v);
  int width = spec.width >= 0 ? spec.width : digits;
  char fill = spaces ? ' ' : '0';
  if (spec.pad == '-') {
    if (spec.width < 0) width = 0;
    fill = ' ';
  } else if (spec.pad == '_') {
    fill = ' ';
  } else if (spec.pad == '0') {
    fill = '0';
  }
  if (static_cast<int>(s.size()) < width)
    out.append(static_cast<std::size_t>(width) - s.size(), fill);
  out += s;
}

void append_name(std::string& out, std::string s, const Spec& spec, bool swap_to_upper = true) {
  if (spec.upcase || (spec.swapcase && swap_to_upper)) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  } else if (spec.swapcase) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  append_padded(out, s, spec, ' ');
}

void strftime_into(std::string& out, DateTime t, std::string_view fmt, bool python_codes);

std::string strftime_str(DateTime t, std::string_view fmt) {
  std::string s;
  strftime_into(s, t, fmt, false);
  return s;
}

void strftime_into(std::string& out, DateTime t, std::string_view fmt, bool python_codes) {
  const Fields f = fields_of(t);
  const sys_days day = day_of(t);
  const int wday = (weekday_of(day) + 1) % 7;                                  // Sunday 0
  const int yday = static_cast<int>((day - civil_day(f.year, 1, 1)).count());  // 0-based
  const int hour12 = f.hour % 12 == 0 ? 12 : f.hour % 12;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    const char c = fmt[i];
    if (c != '%') {
      out += c;
      continue;
    }
    if (i + 1 >= fmt.size()) {  // a lone '%' at the end
      out += '%';
      break;
    }
    // Python's datetime.strftime replaces %f, %z and %Z itself (only right after the '%').
    if (python_codes) {
      const char n = fmt[i + 1];
      if (n == 'f') {
        out += fmt::format("{:06d}", f.micro);
        ++i;
        continue;
      }
      if (n == 'z') {
        out += "+0000";
        ++i;
        continue;
      }
      if (n == 'Z') {
        out += "UTC";
        ++i;
        continue;
      }
    }
    // glibc: flags, width, E/O modifier, conversion.
    Spec spec;
    std::size_t j = i + 1;
    for (; j < fmt.size(); ++j) {
      const char fl = fmt[j];
      if (fl == '-' || fl == '_' || fl == '0') {
        spec.pad = fl;
      } else if (fl == '^') {
        spec.upcase = true;
      } else if (fl == '#') {
        spec.swapcase = true;
      } else {
        break;
      }
    }
    if (j < fmt.size() && fmt[j] >= '1' && fmt[j] <= '9') {
      spec.width = 0;
      while (j < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[j])) != 0) {
        spec.width = std::min(spec.width * 10 + (fmt[j] - '0'), 1024);
        ++j;
      }
    }
    while (j < fmt.size() && (fmt[j] == 'E' || fmt[j] == 'O')) ++j;
    if (j >= fmt.size()) {  // an incomplete conversion is copied
      out.append(fmt.substr(i));
      break;
    }
    const char conv = fmt[j];
    auto composite = [&](std::string_view sub) {
      std::string s = strftime_str(t, sub);
      if (spec.upcase) {
        for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      }
      append_padded(out, s, spec, ' ');
    };
    switch (conv) {
      case '%':
        append_padded(out, "%", spec, ' ');
        break;
      case 'a':
        append_name(out, std::string(kDayNames[static_cast<std::size_t>(wday)]).substr(0, 3), spec);
        break;
      case 'A':
        append_name(out, kDayNames[static_cast<std::size_t>(wday)], spec);
        break;
      case 'b':
      case 'h':
        append_name(out,
                    std::string(kMonthNames[static_cast<std::size_t>(f.month - 1)]).substr(0, 3),
                    spec);
        break;
      case 'B':
        append_name(out, kMonthNames[static_cast<std::size_t>(f.month - 1)], spec);
        break;
      case 'p':
        append_name(out, f.hour < 12 ? "AM" : "PM", spec, false);
        break;
      case 'P': {
        Spec lower = spec;
        lower.upcase = false;
        lower.swapcase = false;
        append_name(out, f.hour < 12 ? "am" : "pm", lower);
        break;
      }
      case 'c':
        composite("%a %b %e %H:%M:%S %Y");
        break;
      case 'D':
      case 'x':
        composite("%m/%d/%y");
        break;
      case 'F':
        composite("%Y-%m-%d");
        break;
      case 'r':
        composite("%I:%M:%S %p");
        break;
      case 'R':
        composite("%H:%M");
        break;
      case 'T':
      case 'X':
        composite("%H:%M:%S");
        break;
      case 'C':
        append_number(out, floor_div(f.year, 100), 1, spec);
        break;
      case 'd':
        append_number(out, f.day, 2, spec);
        break;
      case 'e':
        append_number(out, f.day, 2, spec, true);
        break;
      case 'g':
        append_number(out, floor_mod(iso_week(day).first, 100), 2, spec);
        break;
      case 'G':
        append_number(out, iso_week(day).first, 1, spec);
        break;
      case 'H':
        append_number(out, f.hour, 2, spec);
        break;
      case 'I':
        append_number(out, hour12, 2, spec);
        break;
      case 'j':
        append_number(out, yday + 1, 3, spec);
        break;
      case 'k':
        append_number(out, f.hour, 2, spec, true);
        break;
      case 'l':
        append_number(out, hour12, 2, spec, true);
        break;
      case 'm':
        append_number(out, f.month, 2, spec);
        break;
      case 'M':
        append_number(out, f.minute, 2, spec);
        break;
      case 'n':
        out += '\n';
        break;
      case 's':
        append_number(out, std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count(),
                      1, spec);
        break;
      case 'S':
        append_number(out, f.second, 2, spec);
        break;
      case 't':
        out += '\t';
        break;
      case 'u':
        append_number(out, wday == 0 ? 7 : wday, 1, spec);
        break;
      case 'U':
        append_number(out, (yday + 7 - wday) / 7, 2, spec);
        break;
      case 'V':
        append_number(out, iso_week(day).second, 2, spec);
        break;
      case 'w':
        append_number(out, wday, 1, spec);
        break;
      case 'W':
        append_number(out, (yday + 7 - (wday + 6) % 7) / 7, 2, spec);
        break;
      case 'y':
        append_number(out, floor_mod(f.year, 100), 2, spec);
        break;
      case 'Y':
        append_number(out, f.year, 1, spec);
        break;
      case 'z':  // glibc's own %z (after a flag): Python gives it a zero UTC offset
        append_padded(out, "+0000", spec, ' ');
        break;
      case 'Z':  // glibc's own %Z (after a flag): Python's time tuple has no zone name
        break;
      default:  // unknown conversions are copied
        out.append(fmt.substr(i, j - i + 1));
        break;
    }
    i = j;
  }
}

// ---- locator helpers ----

RRule make_rule(DateFrequency freq, int interval) {
  RRule r;
  r.freq = freq;
  r.interval = interval;
  return r;
}

std::vector<int> range_of(int lo, int hi_exclusive) {
  std::vector<int> v(static_cast<std::size_t>(hi_exclusive - lo));
  std::iota(v.begin(), v.end(), lo);
  return v;
}

std::optional<std::vector<int>> list_or(std::vector<int> v, int lo, int hi_exclusive) {
  if (v.empty()) return range_of(lo, hi_exclusive);
  return v;
}

}  // namespace

// ---- rrule_between ----

std::vector<DateTime> rrule_between(const RRule& rule, DateTime dtstart,
                                    std::optional<DateTime> until, DateTime after, DateTime before,
                                    bool inc) {
  const DateTime start = drop_micro(dtstart);
  const ResolvedRule r = resolve(rule, start);
  std::vector<DateTime> out;
  Collector collect(start, until, after, before, inc, out);
  iterate(r, start, collect);
  return out;
}

// ---- DateLocator ----

std::vector<double> DateLocator::tick_values(double vmin, double vmax) const {
  return date_tick_values(num2date(vmin), num2date(vmax));
}

std::pair<double, double> DateLocator::nonsingular(double v0, double v1) const {
  if (!std::isfinite(v0) || !std::isfinite(v1)) return {0.0, 1.0};  // 1970-01-01, 1970-01-02
  if (v1 < v0) std::swap(v0, v1);
  const double unit = get_unit();
  const double interval = get_interval();
  if (std::abs(v1 - v0) < 1e-6) {
    v0 -= 2 * unit * interval;
    v1 += 2 * unit * interval;
  }
  return {v0, v1};
}

std::pair<DateTime, DateTime> DateLocator::viewlim_to_dt() const {
  auto [vmin, vmax] = get_view_interval();
  if (vmin > vmax) std::swap(vmin, vmax);
  return {num2date(vmin), num2date(vmax)};
}

std::pair<DateTime, DateTime> DateLocator::datalim_to_dt() const {
  auto [dmin, dmax] = get_data_interval();
  if (dmin > dmax) std::swap(dmin, dmax);
  return {num2date(dmin), num2date(dmax)};
}

std::vector<double> DateLocator::call() const {
  std::pair<DateTime, DateTime> v;
  try {
    v = viewlim_to_dt();
  } catch (const ValueError&) {
    return {};
  }
  return date_tick_values(v.first, v.second);
}

// ---- RRuleLocator and the fixed-frequency locators ----

RRuleLocator::RRuleLocator(RRule rule) : rule_(std::move(rule)) {
  check_rule(rule_, "RRuleLocator");
}

double RRuleLocator::get_unit_generic(DateFrequency freq) {
  switch (freq) {
    case DateFrequency::yearly:
      return kDaysPerYear;
    case DateFrequency::monthly:
      return kDaysPerMonth;
    case DateFrequency::weekly:
      return kDaysPerWeek;
    case DateFrequency::daily:
      return 1.0;
    case DateFrequency::hourly:
      return 1.0 / kHoursPerDay;
    case DateFrequency::minutely:
      return 1.0 / kMinutesPerDay;
    case DateFrequency::secondly:
      return 1.0 / kSecondsPerDayD;
    case DateFrequency::microsecondly:
      break;
  }
  return -1;
}

double RRuleLocator::get_unit() const { return get_unit_generic(rule_.freq); }

RRuleLocator::RuleBounds RRuleLocator::create_rrule(DateTime vmin, DateTime vmax) const {
  const RelDelta delta = relativedelta(vmax, vmin);
  const DateTime start = add(vmin, negated(delta)).value_or(min_datetime());
  const DateTime stop =
      add(vmax, delta)
          .value_or(time_of(civil_day(kMaxYear, 12, 31), (kSecondsPerDay - 1) * kUsPerSecond));
  return {start, stop, vmin, vmax};
}

std::vector<double> RRuleLocator::date_tick_values(DateTime vmin, DateTime vmax) const {
  const RuleBounds b = create_rrule(vmin, vmax);
  const std::vector<DateTime> dates = rrule_between(rule_, b.dtstart, b.until, b.after, b.before);
  if (dates.empty()) return {to_num(vmin), to_num(vmax)};
  std::vector<double> out;
  out.reserve(dates.size());
  for (DateTime d : dates) out.push_back(to_num(d));
  return out;
}

namespace {

RRule year_rule(int base, int month, int day) {
  if (base < 1) throw ValueError(fmt::format("YearLocator: base must be >= 1, got {}", base));
  if (month < 1 || month > 12) {
    throw ValueError(fmt::format("YearLocator: month must be in 1..12, got {}", month));
  }
  if (day < 1 || day > 31) {
    throw ValueError(fmt::format("YearLocator: day must be in 1..31, got {}", day));
  }
  RRule r = make_rule(DateFrequency::yearly, base);
  r.bymonth = std::vector<int>{month};
  r.bymonthday = std::vector<int>{day};
  r.byhour = std::vector<int>{0};
  r.byminute = std::vector<int>{0};
  r.bysecond = std::vector<int>{0};
  return r;
}

// datetime.replace(year=..., month=..., day=...): strata::ValueError where Python raises.
DateTime replace_date(const Fields& f, std::int64_t year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) {
    throw ValueError(fmt::format("YearLocator: year {} is out of range", year));
  }
  if (day > days_in_month(year, month)) {
    throw ValueError(
        fmt::format("YearLocator: day {} is out of range for month {}-{:02d}", day, year, month));
  }
  Fields g = f;
  g.year = year;
  g.month = month;
  g.day = day;
  return time_of(g);
}

}  // namespace

YearLocator::YearLocator(int base, int month, int day)
    : RRuleLocator(year_rule(base, month, day)), base_(base), month_(month), day_(day) {}

RRuleLocator::RuleBounds YearLocator::create_rrule(DateTime vmin, DateTime vmax) const {
  // The first tick on a multiple of base, so that ticks fall on multiples of base.
  const Fields f0 = fields_of(vmin);
  const Fields f1 = fields_of(vmax);
  const std::int64_t ymin = std::max<std::int64_t>(floor_div(f0.year, base_) * base_, 1);
  const std::int64_t ge =
      floor_mod(f1.year, base_) == 0 ? floor_div(f1.year, base_) : floor_div(f1.year, base_) + 1;
  const std::int64_t ymax = std::min<std::int64_t>(ge * base_, kMaxYear);
  Fields g = f0;
  g.hour = 0;
  g.minute = 0;
  g.second = 0;  // the microseconds stay, as in matplotlib's vmin.replace(...)
  const DateTime start = replace_date(g, ymin, month_, day_);
  const DateTime stop = replace_date(fields_of(start), ymax, month_, day_);
  return {start, stop, start, stop};
}

MonthLocator::MonthLocator(std::vector<int> bymonth, std::vector<int> bymonthday, int interval)
    : RRuleLocator([&] {
        RRule r = make_rule(DateFrequency::monthly, interval);
        r.bymonth = list_or(std::move(bymonth), 1, 13);
        if (bymonthday.empty()) throw ValueError("MonthLocator: bymonthday must not be empty");
        r.bymonthday = std::move(bymonthday);
        r.byhour = std::vector<int>{0};
        r.byminute = std::vector<int>{0};
        r.bysecond = std::vector<int>{0};
        check_rule(r, "MonthLocator");
        return r;
      }()) {}

WeekdayLocator::WeekdayLocator(std::vector<Weekday> byweekday, int interval)
    : RRuleLocator([&] {
        RRule r = make_rule(DateFrequency::daily, interval);
        r.byweekday = std::move(byweekday);
        r.byhour = std::vector<int>{0};
        r.byminute = std::vector<int>{0};
        r.bysecond = std::vector<int>{0};
        check_rule(r, "WeekdayLocator");
        return r;
      }()) {}

DayLocator::DayLocator(std::vector<int> bymonthday, int interval)
    : RRuleLocator([&] {
        RRule r = make_rule(DateFrequency::daily, interval);
        r.bymonthday = list_or(std::move(bymonthday), 1, 32);
        r.byhour = std::vector<int>{0};
        r.byminute = std::vector<int>{0};
        r.bysecond = std::vector<int>{0};
        check_rule(r, "DayLocator");
        return r;
      }()) {}

HourLocator::HourLocator(std::vector<int> byhour, int interval)
    : RRuleLocator([&] {
        RRule r = make_rule(DateFrequency::hourly, interval);
        r.byhour = list_or(std::move(byhour), 0, 24);
        r.byminute = std::vector<int>{0};
        r.bysecond = std::vector<int>{0};
        check_rule(r, "HourLocator");
        return r;
      }()) {}

MinuteLocator::MinuteLocator(std::vector<int> byminute, int interval)
    : RRuleLocator([&] {
        RRule r = make_rule(DateFrequency::minutely, interval);
        r.byminute = list_or(std::move(byminute), 0, 60);
        r.bysecond = std::vector<int>{0};
        check_rule(r, "MinuteLocator");
        return r;
      }()) {}

SecondLocator::SecondLocator(std::vector<int> bysecond, int interval)
    : RRuleLocator([&] {
        RRule r = make_rule(DateFrequency::secondly, interval);
        r.bysecond = list_or(std::move(bysecond), 0, 60);
        check_rule(r, "SecondLocator");
        return r;
      }()) {}

// ---- MicrosecondLocator ----

MicrosecondLocator::MicrosecondLocator(int interval) : interval_(interval) {
  if (interval < 1) {
    throw ValueError(
        fmt::format("MicrosecondLocator: interval must be an integer >= 1, got {}", interval));
  }
}

double MicrosecondLocator::get_unit() const { return 1.0 / kMusecondsPerDay; }

std::vector<double> MicrosecondLocator::date_tick_values(DateTime vmin, DateTime vmax) const {
  double nmin = to_num(vmin);
  double nmax = to_num(vmax);
  const double t0 = std::floor(nmin);
  nmax = nmax - t0;
  nmin = nmin - t0;
  nmin *= kMusecondsPerDay;
  nmax *= kMusecondsPerDay;
  std::vector<double> ticks = MultipleLocator(interval_).tick_values(nmin, nmax);
  for (double& t : ticks) t = t / kMusecondsPerDay + t0;
  return ticks;
}

// ---- AutoDateLocator ----

AutoDateLocator::AutoDateLocator(const AutoDateLocatorOptions& opts)
    : minticks_(opts.minticks),
      maxticks_{{DateFrequency::yearly, 11},      {DateFrequency::monthly, 12},
                {DateFrequency::daily, 11},       {DateFrequency::hourly, 12},
                {DateFrequency::minutely, 11},    {DateFrequency::secondly, 11},
                {DateFrequency::microsecondly, 8}},
      interval_multiples_(opts.interval_multiples),
      intervald_{{DateFrequency::yearly,
                  {1, 2, 4, 5, 10, 20, 40, 50, 100, 200, 400, 500, 1000, 2000, 4000, 5000, 10000}},
                 {DateFrequency::monthly, {1, 2, 3, 4, 6}},
                 {DateFrequency::daily, {1, 2, 3, 7, 14, 21}},
                 {DateFrequency::hourly, {1, 2, 3, 4, 6, 12}},
                 {DateFrequency::minutely, {1, 5, 10, 15, 30}},
                 {DateFrequency::secondly, {1, 5, 10, 15, 30}},
                 {DateFrequency::microsecondly,
                  {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000,
                   100000, 200000, 500000, 1000000}}} {
  if (minticks_ < 1) {
    throw ValueError(fmt::format("AutoDateLocator: minticks must be >= 1, got {}", minticks_));
  }
  if (const int* all = std::get_if<int>(&opts.maxticks)) {
    for (auto& [freq, n] : maxticks_) n = *all;
  } else if (const auto* some = std::get_if<std::map<DateFrequency, int>>(&opts.maxticks)) {
    for (const auto& [freq, n] : *some) maxticks_[freq] = n;
  }
  for (const auto& [freq, n] : maxticks_) {
    if (n < 2) {
      throw ValueError(
          fmt::format("AutoDateLocator: maxticks for {} must be >= 2, got {}", freq_name(freq), n));
    }
  }
  if (interval_multiples_) {
    // 4 rather than 3 days: 1, 5, ..., 29 rather than 1, 4, ..., 28, 31, 1.
    intervald_[DateFrequency::daily] = {1, 2, 4, 7, 14};
  }
}

std::pair<double, double> AutoDateLocator::nonsingular(double v0, double v1) const {
  if (!std::isfinite(v0) || !std::isfinite(v1)) return {0.0, 1.0};
  if (v1 < v0) std::swap(v0, v1);
  if (v0 == v1) {
    v0 = v0 - kDaysPerYear * 2;
    v1 = v1 + kDaysPerYear * 2;
  }
  return {v0, v1};
}

double AutoDateLocator::get_unit() const {
  if (freq_ == DateFrequency::microsecondly) return 1.0 / kMusecondsPerDay;
  return RRuleLocator::get_unit_generic(freq_);
}

std::unique_ptr<DateLocator> AutoDateLocator::get_locator(DateTime dmin, DateTime dmax) const {
  RelDelta delta = relativedelta(dmax, dmin);
  std::int64_t tdelta = (dmax - dmin).count();
  if (dmin > dmax) {
    delta = negated(delta);
    tdelta = -tdelta;
  }
  const double num_years = static_cast<double>(delta.years);
  const double num_months = num_years * 12.0 + static_cast<double>(delta.months);
  const auto num_days = static_cast<double>(floor_div(tdelta, kUsPerDay));
  const double num_hours = num_days * kHoursPerDay + static_cast<double>(delta.hours);
  const double num_minutes = num_hours * 60.0 + static_cast<double>(delta.minutes);
  const double total_seconds = static_cast<double>(tdelta) / 1e6;
  const double num_seconds = std::floor(total_seconds);
  const double num_microseconds = std::floor(total_seconds * 1e6);

  static constexpr std::array<DateFrequency, 7> kFreqs{
      DateFrequency::yearly,       DateFrequency::monthly,  DateFrequency::daily,
      DateFrequency::hourly,       DateFrequency::minutely, DateFrequency::secondly,
      DateFrequency::microsecondly};
  const std::array<double, 7> nums{num_years,   num_months,  num_days,        num_hours,
                                   num_minutes, num_seconds, num_microseconds};
  // The full range of each level (matplotlib's _byranges), and what the rule gets: a level
  // above the chosen one is left free, the chosen one gets its multiples, the levels below
  // are pinned to their start (month 1, day 1, 00:00:00).
  const std::array<std::optional<std::vector<int>>, 7> full{
      std::nullopt,    range_of(1, 13), range_of(1, 32), range_of(0, 24),
      range_of(0, 60), range_of(0, 60), std::nullopt};
  std::array<std::optional<std::vector<int>>, 7> byranges{
      std::nullopt,        std::vector<int>{1}, std::vector<int>{1}, std::vector<int>{0},
      std::vector<int>{0}, std::vector<int>{0}, std::nullopt};

  std::size_t i = 0;
  int interval = 1;
  bool found = false;
  for (; i < kFreqs.size(); ++i) {
    const DateFrequency freq = kFreqs[i];
    if (nums[i] < minticks_) {
      byranges[i] = std::nullopt;
      continue;
    }
    const std::vector<int>& choices = intervald_.at(freq);
    if (choices.empty()) {
      throw ValueError(
          fmt::format("AutoDateLocator: intervald for {} must not be empty", freq_name(freq)));
    }
    const double max_ticks = maxticks_.at(freq);
    for (int choice : choices) {
      interval = choice;
      if (nums[i] <= interval * (max_ticks - 1)) break;
    }
    freq_ = freq;
    if (full[i] && interval_multiples_) {
      std::vector<int> multiples;
      for (std::size_t k = 0; k < full[i]->size(); k += static_cast<std::size_t>(interval)) {
        multiples.push_back((*full[i])[k]);
      }
      byranges[i] = std::move(multiples);
      // matplotlib tests `i in (DAILY, WEEKLY)`, dateutil's constants 3 and 2: the daily and
      // hourly levels. Only daily intervals are ever 7 or 14.
      if (i == 2 || i == 3) {
        if (interval == 14) {
          byranges[i] = std::vector<int>{1, 15};  // the 1st and 15th, never the 29th
        } else if (interval == 7) {
          byranges[i] = std::vector<int>{1, 8, 15, 22};
        }
      }
      interval = 1;
    } else {
      byranges[i] = full[i];
    }
    found = true;
    break;
  }
  DateFrequency freq = DateFrequency::microsecondly;
  if (found) {
    freq = kFreqs[i];
  } else {
    i = kFreqs.size() - 1;
    interval = 1;
  }

  std::unique_ptr<DateLocator> locator;
  if (freq == DateFrequency::yearly && interval_multiples_) {
    locator = std::make_unique<YearLocator>(interval);
  } else if (i < 6) {
    RRule rule = make_rule(freq_, interval);
    rule.bymonth = byranges[1];
    rule.bymonthday = byranges[2];
    rule.byhour = byranges[3];
    rule.byminute = byranges[4];
    rule.bysecond = byranges[5];
    locator = std::make_unique<RRuleLocator>(std::move(rule));
  } else {
    locator = std::make_unique<MicrosecondLocator>(interval);
  }
  static_cast<TickHelper&>(*locator) = static_cast<const TickHelper&>(*this);
  locator->set_autolimit_mode(autolimit_mode());
  return locator;
}

std::vector<double> AutoDateLocator::date_tick_values(DateTime vmin, DateTime vmax) const {
  return get_locator(vmin, vmax)->tick_values(vmin, vmax);
}

std::vector<double> AutoDateLocator::call() const {
  const auto [dmin, dmax] = viewlim_to_dt();
  return date_tick_values(dmin, dmax);
}

// ---- formatters ----

std::string format_date(DateTime t, std::string_view fmt) {
  std::string out;
  strftime_into(out, t, fmt, true);
  return out;
}

std::string DateFormatter::call(double x, std::optional<std::size_t> /*pos*/) const {
  return format_date(num2date(x), fmt_);
}

AutoDateFormatter::AutoDateFormatter(std::shared_ptr<const Locator> locator, std::string defaultfmt)
    : locator_(std::move(locator)), defaultfmt_(std::move(defaultfmt)) {
  const RcParams rc = strata::rc();
  scaled_ = {
      {kDaysPerYear, rc.get_string("date.autoformatter.year")},
      {kDaysPerMonth, rc.get_string("date.autoformatter.month")},
      {1.0, rc.get_string("date.autoformatter.day")},
      {1.0 / kHoursPerDay, rc.get_string("date.autoformatter.hour")},
      {1.0 / kMinutesPerDay, rc.get_string("date.autoformatter.minute")},
      {1.0 / kSecondsPerDayD, rc.get_string("date.autoformatter.second")},
      {1.0 / kMusecondsPerDay, rc.get_string("date.autoformatter.microsecond")},
  };
}

std::string AutoDateFormatter::call(double x, std::optional<std::size_t> pos) const {
  double unit = 1;
  if (const auto* date_locator = dynamic_cast<const DateLocator*>(locator_.get())) {
    unit = date_locator->get_unit();
  }
  const DateScaledFormat* chosen = nullptr;
  for (const auto& [scale, format] : scaled_) {
    if (scale >= unit) {
      chosen = &format;
      break;
    }
  }
  if (chosen == nullptr) return format_date(num2date(x), defaultfmt_);
  if (const auto* s = std::get_if<std::string>(chosen)) return format_date(num2date(x), *s);
  const auto& func = std::get<1>(*chosen);
  if (!func) throw ValueError("AutoDateFormatter: a scaled format function is empty");
  return func(x, pos);
}

namespace {

std::vector<std::string> six_formats(const std::optional<std::vector<std::string>>& v,
                                     const char* name) {
  if (!v || v->empty()) return {};
  if (v->size() != 6) {
    throw ValueError(fmt::format(
        "ConciseDateFormatter: {} argument must be a list of 6 format strings (or None), got {}",
        name, v->size()));
  }
  return *v;
}

}  // namespace

ConciseDateFormatter::ConciseDateFormatter(std::shared_ptr<const Locator> locator,
                                           const ConciseDateFormatterOptions& opts)
    : locator_(std::move(locator)), show_offset_(opts.show_offset) {
  formats_ = six_formats(opts.formats, "formats");
  const bool user_formats = !formats_.empty();
  if (!user_formats) formats_ = {"%Y", "%b", "%d", "%H:%M", "%H:%M", "%S.%f"};
  zero_formats_ = six_formats(opts.zero_formats, "zero_formats");
  if (zero_formats_.empty()) {
    zero_formats_ = {""};
    zero_formats_.insert(zero_formats_.end(), formats_.begin(), formats_.end() - 1);
    if (!user_formats) zero_formats_[3] = "%b-%d";
  }
  offset_formats_ = six_formats(opts.offset_formats, "offset_formats");
  if (offset_formats_.empty()) {
    offset_formats_ = {"", "%Y", "%Y-%b", "%Y-%b-%d", "%Y-%b-%d", "%Y-%b-%d %H:%M"};
  }
}

void ConciseDateFormatter::set_locs(std::span<const double> locs) {
  Formatter::set_locs(locs);
  labels_.clear();
  offset_string_.clear();
  if (locs.empty()) return;
  std::vector<DateTime> dts;
  std::vector<std::array<std::int64_t, 6>> parts;
  dts.reserve(locs.size());
  parts.reserve(locs.size());
  for (double x : locs) {
    const DateTime t = num2date(x);
    const Fields f = fields_of(t);
    dts.push_back(t);
    parts.push_back({f.year, f.month, f.day, f.hour, f.minute, f.second});
  }
  // The level: the finest of year .. second that differs between ticks.
  bool show_offset = show_offset_;
  std::size_t level = 5;
  for (std::size_t lv = 6; lv-- > 0;) {
    std::vector<std::int64_t> unique;
    for (const auto& p : parts) unique.push_back(p[lv]);
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    if (unique.size() > 1) {
      // January (or the year 1) among the ticks: the year is in the labels.
      if (lv < 2 && std::find(unique.begin(), unique.end(), 1) != unique.end()) {
        show_offset = false;
      }
      level = lv;
      break;
    }
  }
  static constexpr std::array<std::int64_t, 6> kZeroVals{0, 1, 1, 0, 0, 0};
  labels_.reserve(dts.size());
  for (std::size_t n = 0; n < dts.size(); ++n) {
    bool zero = false;
    if (level < 5) {
      zero = parts[n][level] == kZeroVals[level];
    } else {
      zero = parts[n][5] == 0 && fields_of(dts[n]).micro == 0;
    }
    labels_.push_back(format_date(dts[n], zero ? zero_formats_[level] : formats_[level]));
  }
  if (level >= 5) {
    // Strip the trailing zeros of the fractional seconds alike from every label.
    std::optional<std::size_t> trailing;
    for (const std::string& s : labels_) {
      if (s.find('.') == std::string::npos) continue;
      const std::size_t last = s.find_last_not_of('0');
      const std::size_t zeros = last == std::string::npos ? s.size() : s.size() - last - 1;
      trailing = trailing ? std::min(*trailing, zeros) : zeros;
    }
    if (trailing && *trailing > 0) {
      for (std::string& s : labels_) {
        if (s.find('.') == std::string::npos) continue;
        s.resize(s.size() - std::min(*trailing, s.size()));
        while (!s.empty() && s.back() == '.') s.pop_back();
      }
    }
  }
  if (show_offset) offset_string_ = format_date(dts.back(), offset_formats_[level]);
}

std::string ConciseDateFormatter::call(double x, std::optional<std::size_t> pos) const {
  if (pos && *pos < labels_.size() && *pos < locs().size() && locs()[*pos] == x) {
    return labels_[*pos];
  }
  return format_date(num2date(x), "%Y");
}

std::string ConciseDateFormatter::format_data_short(double value) const {
  return format_date(num2date(value), "%Y-%m-%d %H:%M:%S");
}

}  // namespace strata
