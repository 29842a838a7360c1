// SPDX-License-Identifier: MIT
// Tick locators: matplotlib 3.6's ticker.py algorithms, step for step, so that tick values
// match to the last bit where the arithmetic allows.
#include "strata/ticker/locator.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "strata/error.hpp"
#include "ticker/ticker_impl.hpp"

namespace strata {

using ticker_detail::np_arange;
using ticker_detail::py_divmod;
using ticker_detail::py_floordiv;

namespace {

// matplotlib's _Edge_integer: integer multiples of a step, tolerant of rounding.
class EdgeInteger {
 public:
  EdgeInteger(double step, double offset) : step_(step), offset_(std::abs(offset)) {}
  [[nodiscard]] bool closeto(double ms, double edge) const {
    double tol = 1e-10;
    if (offset_ > 0) {
      const double digits = std::log10(offset_ / step_);
      tol = std::min(0.4999, std::max(1e-10, std::pow(10.0, digits - 12)));
    }
    return std::abs(ms - edge) < tol;
  }
  // The largest n with n * step <= x.
  [[nodiscard]] double le(double x) const {
    const auto [d, m] = py_divmod(x, step_);
    return closeto(m / step_, 1) ? d + 1 : d;
  }
  // The smallest n with n * step >= x.
  [[nodiscard]] double ge(double x) const {
    const auto [d, m] = py_divmod(x, step_);
    return closeto(m / step_, 0) ? d : d + 1;
  }

 private:
  double step_;
  double offset_;
};

double decade_less_equal(double x, double base);
double decade_greater_equal(double x, double base) {
  if (x == 0) return x;
  if (x < 0) return -decade_less_equal(-x, base);
  return std::pow(base, std::ceil(std::log(x) / std::log(base)));
}
double decade_less_equal(double x, double base) {
  if (x == 0) return x;
  if (x < 0) return -decade_greater_equal(-x, base);
  return std::pow(base, std::floor(std::log(x) / std::log(base)));
}
double decade_greater(double x, double base);
double decade_less(double x, double base) {
  if (x < 0) return -decade_greater(-x, base);
  double less = decade_less_equal(x, base);
  if (less == x) less /= base;
  return less;
}
double decade_greater(double x, double base) {
  if (x < 0) return -decade_less(-x, base);
  double greater = decade_greater_equal(x, base);
  if (greater == x) greater *= base;
  return greater;
}

std::size_t count_inside(const std::vector<double>& ticks, double vmin, double vmax) {
  return static_cast<std::size_t>(
      std::count_if(ticks.begin(), ticks.end(), [&](double t) { return vmin <= t && t <= vmax; }));
}

void check_base(const char* who, double base) {
  if (!(base > 0) || base == 1 || !std::isfinite(base)) {
    throw ValueError(fmt::format("{}: base must be > 0 and != 1, got {}", who, base));
  }
}

}  // namespace

// ---- free functions ----

std::pair<double, double> nonsingular(double vmin, double vmax, double expander, double tiny,
                                      bool increasing) {
  if (!std::isfinite(vmin) || !std::isfinite(vmax)) return {-expander, expander};
  bool swapped = false;
  if (vmax < vmin) {
    std::swap(vmin, vmax);
    swapped = true;
  }
  const double maxabsvalue = std::max(std::abs(vmin), std::abs(vmax));
  if (maxabsvalue < (1e6 / tiny) * std::numeric_limits<double>::min()) {
    vmin = -expander;
    vmax = expander;
  } else if (vmax - vmin <= maxabsvalue * tiny) {
    if (vmax == 0 && vmin == 0) {
      vmin = -expander;
      vmax = expander;
    } else {
      vmin -= expander * std::abs(vmin);
      vmax += expander * std::abs(vmax);
    }
  }
  if (swapped && !increasing) std::swap(vmin, vmax);
  return {vmin, vmax};
}

std::pair<double, double> scale_range(double vmin, double vmax, double n, double threshold) {
  const double dv = std::abs(vmax - vmin);
  const double meanv = (vmax + vmin) / 2;
  double offset = 0;
  if (!(std::abs(meanv) / dv < threshold)) {
    offset = std::copysign(std::pow(10.0, py_floordiv(std::log10(std::abs(meanv)), 1)), meanv);
  }
  const double scale = std::pow(10.0, py_floordiv(std::log10(dv / n), 1));
  return {scale, offset};
}

// ---- TickHelper, Locator ----

int TickHelper::get_tick_space() const {
  if (!axis_info_) return 9;
  const double size = axis_info_->label_size_points * (axis_info_->is_x ? 3 : 2);
  if (!(size > 0)) return std::numeric_limits<std::int32_t>::max();
  const double n = std::floor(axis_info_->length_points / size);
  if (!(n < 2147483647.0)) return std::numeric_limits<std::int32_t>::max();
  return static_cast<int>(std::max(n, -2147483647.0));
}

std::vector<double> Locator::call() const {
  const auto [vmin, vmax] = get_view_interval();
  return tick_values(vmin, vmax);
}

std::pair<double, double> Locator::nonsingular(double v0, double v1) const {
  return strata::nonsingular(v0, v1, 0.05);
}

std::pair<double, double> Locator::view_limits(double dmin, double dmax) const {
  return strata::nonsingular(dmin, dmax);
}

// ---- NullLocator, FixedLocator, IndexLocator ----

std::vector<double> NullLocator::tick_values(double /*vmin*/, double /*vmax*/) const { return {}; }

FixedLocator::FixedLocator(std::vector<double> locs, std::optional<int> nbins)
    : locs_(std::move(locs)) {
  if (nbins) nbins_ = std::max(*nbins, 2);
}

std::vector<double> FixedLocator::tick_values(double /*vmin*/, double /*vmax*/) const {
  if (!nbins_ || locs_.empty()) return locs_;
  const std::size_t n = locs_.size();
  const auto nb = static_cast<std::size_t>(*nbins_);
  const std::size_t step = std::max<std::size_t>((n + nb - 1) / nb, 1);
  auto take = [&](std::size_t start) {
    std::vector<double> out;
    for (std::size_t i = start; i < n; i += step) out.push_back(locs_[i]);
    return out;
  };
  auto min_abs = [](const std::vector<double>& v) {
    double m = std::numeric_limits<double>::infinity();
    for (double x : v) m = std::min(m, std::abs(x));
    return m;
  };
  std::vector<double> ticks = take(0);
  for (std::size_t i = 1; i < step; ++i) {
    std::vector<double> ticks1 = take(i);
    if (min_abs(ticks1) < min_abs(ticks)) ticks = std::move(ticks1);
  }
  return ticks;
}

IndexLocator::IndexLocator(double base, double offset) : base_(base), offset_(offset) {
  if (!(base > 0) || !std::isfinite(base)) {
    throw ValueError(fmt::format("IndexLocator: base must be > 0, got {}", base));
  }
}

std::vector<double> IndexLocator::tick_values(double vmin, double vmax) const {
  return np_arange(vmin + offset_, vmax + 1, base_);
}

std::vector<double> IndexLocator::call() const {
  const auto [dmin, dmax] = get_data_interval();
  return tick_values(dmin, dmax);
}

// ---- LinearLocator ----

LinearLocator::LinearLocator(std::optional<int> numticks) : numticks_(numticks) {
  if (numticks && *numticks < 0) {
    throw ValueError(fmt::format("LinearLocator: numticks must be >= 0, got {}", *numticks));
  }
}

std::vector<double> LinearLocator::tick_values(double vmin, double vmax) const {
  std::tie(vmin, vmax) = strata::nonsingular(vmin, vmax, 0.05);
  if (vmax < vmin) std::swap(vmin, vmax);
  const int num = numticks();
  if (num == 0) return {};
  std::vector<double> out(static_cast<std::size_t>(num));
  const double div = num - 1;
  const double delta = vmax - vmin;
  for (int i = 0; i < num; ++i) {
    const double fi = i;
    const auto k = static_cast<std::size_t>(i);
    if (div > 0) {
      const double step = delta / div;
      out[k] = (step == 0 ? fi / div * delta : fi * step) + vmin;
    } else {
      out[k] = fi * delta + vmin;
    }
  }
  if (num > 1) out.back() = vmax;
  return out;
}

std::pair<double, double> LinearLocator::view_limits(double vmin, double vmax) const {
  if (vmax < vmin) std::swap(vmin, vmax);
  if (vmin == vmax) {
    vmin -= 1;
    vmax += 1;
  }
  if (round_numbers() && numticks() > 2) {
    const double n1 = std::max(numticks() - 1, 1);
    auto [exponent, remainder] = py_divmod(std::log10(vmax - vmin), std::log10(n1));
    if (remainder < .5) exponent -= 1;
    const double scale = std::pow(n1, -exponent);
    vmin = std::floor(scale * vmin) / scale;
    vmax = std::ceil(scale * vmax) / scale;
  }
  return strata::nonsingular(vmin, vmax);
}

// ---- MultipleLocator ----

MultipleLocator::MultipleLocator(double base) : base_(base) {
  if (!(base > 0) || !std::isfinite(base)) {
    throw ValueError(fmt::format("MultipleLocator: base must be > 0, got {}", base));
  }
}

std::vector<double> MultipleLocator::tick_values(double vmin, double vmax) const {
  if (vmax < vmin) std::swap(vmin, vmax);
  const EdgeInteger edge(base_, 0);
  const double step = base_;
  vmin = edge.ge(vmin) * step;
  const double n = py_floordiv(vmax - vmin + 0.001 * step, step);
  std::vector<double> out;
  for (double i = 0; i < n + 3; i += 1) out.push_back(vmin - step + i * step);
  return out;
}

std::pair<double, double> MultipleLocator::view_limits(double dmin, double dmax) const {
  double vmin = dmin;
  double vmax = dmax;
  if (round_numbers()) {
    const EdgeInteger edge(base_, 0);
    vmin = edge.le(dmin) * base_;
    vmax = edge.ge(dmax) * base_;
    if (vmin == vmax) {
      vmin -= 1;
      vmax += 1;
    }
  }
  return strata::nonsingular(vmin, vmax);
}

// ---- MaxNLocator, AutoLocator ----

MaxNLocator::MaxNLocator(const MaxNLocatorOptions& opts) : opts_(opts) {
  if (opts_.nbins && *opts_.nbins < 1) {
    throw ValueError(
        fmt::format("MaxNLocator: nbins must be >= 1 or 'auto', got {}", *opts_.nbins));
  }
  if (opts_.prune && *opts_.prune != "upper" && *opts_.prune != "lower" && *opts_.prune != "both") {
    throw ValueError(fmt::format(
        "MaxNLocator: prune must be 'upper', 'lower', 'both' or unset, got '{}'", *opts_.prune));
  }
  opts_.min_n_ticks = std::max(1, opts_.min_n_ticks);
  std::vector<double>& steps = opts_.steps;
  if (steps.empty()) {
    steps = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
  } else {
    bool ok = steps.front() >= 1 && steps.back() <= 10;
    for (std::size_t i = 1; i < steps.size(); ++i) ok = ok && steps[i] > steps[i - 1];
    if (!ok) {
      throw ValueError(fmt::format(
          "MaxNLocator: steps must be an increasing sequence of numbers between 1 and 10 "
          "inclusive, got [{}]",
          fmt::join(steps, ", ")));
    }
    if (steps.front() != 1) steps.insert(steps.begin(), 1.0);
    if (steps.back() != 10) steps.push_back(10.0);
  }
  // The staircase: 0.1 * steps[:-1], steps, 10 * steps[1].
  for (std::size_t i = 0; i + 1 < steps.size(); ++i) extended_steps_.push_back(0.1 * steps[i]);
  extended_steps_.insert(extended_steps_.end(), steps.begin(), steps.end());
  extended_steps_.push_back(10 * steps[1]);
}

std::vector<double> MaxNLocator::raw_ticks(double vmin, double vmax) const {
  int nbins_i = 0;
  if (!opts_.nbins) {
    nbins_i = std::min(std::max(get_tick_space(), std::max(1, opts_.min_n_ticks - 1)), 9);
  } else {
    nbins_i = *opts_.nbins;
  }
  const double nbins = nbins_i;
  const auto [scale, offset] = scale_range(vmin, vmax, nbins);
  const double v0 = vmin - offset;
  const double v1 = vmax - offset;
  const double raw_step = (v1 - v0) / nbins;
  std::vector<double> steps;
  for (double s : extended_steps_) {
    const double step = s * scale;
    if (opts_.integer &&
        !(step < 1 || std::abs(step - ticker_detail::round_half_even(step)) < 0.001)) {
      continue;
    }
    steps.push_back(step);
  }
  std::size_t istep = 0;
  while (istep < steps.size() && !(steps[istep] >= raw_step)) ++istep;
  if (istep == steps.size()) istep = steps.empty() ? 0 : steps.size() - 1;  // not reached
  if (round_numbers()) {
    for (; istep < steps.size(); ++istep) {
      const double step = steps[istep];
      const double best_vmin = py_floordiv(v0, step) * step;
      const double best_vmax = best_vmin + step * nbins;
      if (best_vmax >= v1) break;
    }
    if (istep == steps.size()) istep = steps.size() - 1;
  }
  std::vector<double> ticks;
  for (std::size_t k = istep + 1; k-- > 0;) {
    double step = steps[k];
    if (opts_.integer && std::floor(v1) - std::ceil(v0) >= opts_.min_n_ticks - 1) {
      step = std::max(1.0, step);
    }
    const double best_vmin = py_floordiv(v0, step) * step;
    const EdgeInteger edge(step, offset);
    const double low = edge.le(v0 - best_vmin);
    const double high = edge.ge(v1 - best_vmin);
    ticks.clear();
    for (double i = low; i < high + 1; i += 1) ticks.push_back(i * step + best_vmin);
    if (count_inside(ticks, v0, v1) >= static_cast<std::size_t>(opts_.min_n_ticks)) break;
  }
  for (double& t : ticks) t += offset;
  return ticks;
}

std::vector<double> MaxNLocator::tick_values(double vmin, double vmax) const {
  if (opts_.symmetric) {
    vmax = std::max(std::abs(vmin), std::abs(vmax));
    vmin = -vmax;
  }
  std::tie(vmin, vmax) = strata::nonsingular(vmin, vmax, 1e-13, 1e-14);
  std::vector<double> locs = raw_ticks(vmin, vmax);
  if (opts_.prune) {
    const std::string& p = *opts_.prune;
    const bool lower = p == "lower" || p == "both";
    const bool upper = p == "upper" || p == "both";
    if (lower && !locs.empty()) locs.erase(locs.begin());
    if (upper && !locs.empty()) locs.pop_back();
  }
  return locs;
}

std::pair<double, double> MaxNLocator::view_limits(double dmin, double dmax) const {
  if (opts_.symmetric) {
    dmax = std::max(std::abs(dmin), std::abs(dmax));
    dmin = -dmax;
  }
  std::tie(dmin, dmax) = strata::nonsingular(dmin, dmax, 1e-12, 1e-13);
  if (round_numbers()) {
    const std::vector<double> ticks = raw_ticks(dmin, dmax);
    if (!ticks.empty()) return {ticks.front(), ticks.back()};
  }
  return {dmin, dmax};
}

AutoLocator::AutoLocator()
    : MaxNLocator(MaxNLocatorOptions{.nbins = std::nullopt, .steps = {1, 2, 2.5, 5, 10}}) {}

// ---- AutoMinorLocator ----

AutoMinorLocator::AutoMinorLocator(std::optional<int> n) : ndivs_(n) {
  if (n && *n < 1) {
    throw ValueError(fmt::format("AutoMinorLocator: n must be >= 1, got {}", *n));
  }
}

std::vector<double> AutoMinorLocator::tick_values(double vmin, double vmax) const {
  const std::vector<double>& majorlocs = get_majorticklocs();
  if (majorlocs.size() < 2) return {};
  const double majorstep = majorlocs[1] - majorlocs[0];
  int ndivs = 0;
  if (ndivs_) {
    ndivs = *ndivs_;
  } else {
    const double mantissa = std::pow(10.0, ticker_detail::py_mod(std::log10(majorstep), 1));
    ndivs = 4;
    for (double nice : {1.0, 2.5, 5.0, 10.0}) {
      if (ticker_detail::np_isclose(mantissa, nice)) ndivs = 5;
    }
  }
  const double minorstep = majorstep / ndivs;
  if (vmin > vmax) std::swap(vmin, vmax);
  const double t0 = majorlocs[0];
  const double tmin = (py_floordiv(vmin - t0, minorstep) + 1) * minorstep;
  const double tmax = (py_floordiv(vmax - t0, minorstep) + 1) * minorstep;
  std::vector<double> locs = np_arange(tmin, tmax, minorstep);
  for (double& v : locs) v += t0;
  return locs;
}

// ---- LogLocator ----

LogLocator::LogLocator(const LogLocatorOptions& opts) : opts_(opts) {
  check_base("LogLocator", opts_.base);
  if (opts_.numticks && *opts_.numticks < 2) {
    throw ValueError(
        fmt::format("LogLocator: numticks must be >= 2 or 'auto', got {}", *opts_.numticks));
  }
  if (const auto* v = std::get_if<std::vector<double>>(&opts_.subs); v && v->empty()) {
    throw ValueError("LogLocator: subs must be 'auto', 'all' or a non-empty list, got []");
  }
}

std::vector<double> LogLocator::tick_values(double vmin, double vmax) const {
  const int numticks =
      opts_.numticks ? *opts_.numticks : std::min(std::max(get_tick_space(), 2), 9);
  const double b = opts_.base;
  if (vmin <= 0.0) {
    vmin = get_minpos();
    if (vmin <= 0.0 || !std::isfinite(vmin)) {
      throw ValueError(
          "LogLocator: data has no positive values, and therefore can not be log-scaled");
    }
  }
  if (vmax < vmin) std::swap(vmin, vmax);
  const double log_vmin = std::log(vmin) / std::log(b);
  const double log_vmax = std::log(vmax) / std::log(b);
  const auto numdec = static_cast<long long>(std::floor(log_vmax) - std::ceil(log_vmin));

  std::vector<double> subs;
  if (const auto* mode = std::get_if<LogSubs>(&opts_.subs)) {
    if (numdec > 10 || b < 3) {
      if (*mode == LogSubs::auto_) return {};
      subs = {1.0};
    } else {
      subs = np_arange(*mode == LogSubs::auto_ ? 2.0 : 1.0, b, 1.0);
    }
  } else {
    subs = std::get<std::vector<double>>(opts_.subs);
  }

  // Python's floor division of integers.
  auto floordiv_ll = [](long long a, long long d) {
    long long q = a / d;
    if ((a % d != 0) && ((a < 0) != (d < 0))) --q;
    return q;
  };
  long long stride = floordiv_ll(numdec + 1, numticks) + 1;
  if (stride >= numdec) stride = std::max<long long>(1, numdec - 1);

  const bool have_subs = subs.size() > 1 || (subs.size() == 1 && subs[0] != 1.0);
  std::vector<double> ticklocs;
  const auto first = static_cast<long long>(std::floor(log_vmin)) - stride;
  const auto last = static_cast<long long>(std::ceil(log_vmax)) + 2 * stride;
  for (long long d = first; d < last; d += stride) {
    const double decade_start = std::pow(b, static_cast<double>(d));
    if (have_subs) {
      if (stride == 1) {
        for (double s : subs) ticklocs.push_back(s * decade_start);
      }
    } else {
      ticklocs.push_back(decade_start);
    }
  }
  if (subs.size() > 1 && stride == 1 && count_inside(ticklocs, vmin, vmax) <= 1) {
    // A minor locator with at most one tick in view: linear ticks instead.
    return AutoLocator().tick_values(vmin, vmax);
  }
  return ticklocs;
}

std::pair<double, double> LogLocator::view_limits(double vmin, double vmax) const {
  std::tie(vmin, vmax) = nonsingular(vmin, vmax);
  if (round_numbers()) {
    vmin = decade_less_equal(vmin, opts_.base);
    vmax = decade_greater_equal(vmax, opts_.base);
  }
  return {vmin, vmax};
}

std::pair<double, double> LogLocator::nonsingular(double vmin, double vmax) const {
  if (vmin > vmax) std::swap(vmin, vmax);
  if (!std::isfinite(vmin) || !std::isfinite(vmax) || vmax <= 0) return {1.0, 10.0};
  double minpos = get_minpos();
  if (!std::isfinite(minpos)) minpos = 1e-300;
  if (vmin <= 0) vmin = minpos;
  if (vmin == vmax) {
    vmin = decade_less(vmin, opts_.base);
    vmax = decade_greater(vmax, opts_.base);
  }
  return {vmin, vmax};
}

// ---- SymmetricalLogLocator ----

SymmetricalLogLocator::SymmetricalLogLocator(const SymmetricalLogLocatorOptions& opts)
    : opts_(opts) {
  if (!(opts_.base > 1) || !std::isfinite(opts_.base)) {
    throw ValueError(fmt::format("SymmetricalLogLocator: base must be > 1, got {}", opts_.base));
  }
  if (!(opts_.linthresh > 0) || !std::isfinite(opts_.linthresh)) {
    throw ValueError(
        fmt::format("SymmetricalLogLocator: linthresh must be > 0, got {}", opts_.linthresh));
  }
  if (opts_.numticks < 2) {
    throw ValueError(
        fmt::format("SymmetricalLogLocator: numticks must be >= 2, got {}", opts_.numticks));
  }
  if (opts_.subs && opts_.subs->empty()) {
    throw ValueError("SymmetricalLogLocator: subs must not be empty");
  }
}

std::vector<double> SymmetricalLogLocator::tick_values(double vmin, double vmax) const {
  const double base = opts_.base;
  const double linthresh = opts_.linthresh;
  if (vmax < vmin) std::swap(vmin, vmax);
  if (-linthresh < vmin && vmin < vmax && vmax < linthresh) return {vmin, vmax};

  const bool has_a = vmin < -linthresh;
  const bool has_c = vmax > linthresh;
  const bool has_b = (has_a && vmax > -linthresh) || (has_c && vmin < linthresh);
  auto get_log_range = [&](double lo, double hi) {
    return std::pair{std::floor(std::log(lo) / std::log(base)),
                     std::ceil(std::log(hi) / std::log(base))};
  };
  double a_lo = 0, a_hi = 0, c_lo = 0, c_hi = 0;
  if (has_a) {
    const double a_upper_lim = std::min(-linthresh, vmax);
    std::tie(a_lo, a_hi) = get_log_range(std::abs(a_upper_lim), std::abs(vmin) + 1);
  }
  if (has_c) {
    const double c_lower_lim = std::max(linthresh, vmin);
    std::tie(c_lo, c_hi) = get_log_range(c_lower_lim, vmax + 1);
  }
  double total_ticks = (a_hi - a_lo) + (c_hi - c_lo);
  if (has_b) total_ticks += 1;
  const double stride = std::max(py_floordiv(total_ticks, opts_.numticks - 1), 1.0);

  std::vector<double> decades;
  if (has_a) {
    std::vector<double> exps = np_arange(a_lo, a_hi, stride);
    for (auto it = exps.rbegin(); it != exps.rend(); ++it) {
      decades.push_back(-1 * std::pow(base, *it));
    }
  }
  if (has_b) decades.push_back(0.0);
  if (has_c) {
    for (double e : np_arange(c_lo, c_hi, stride)) decades.push_back(std::pow(base, e));
  }
  const std::vector<double> subs = opts_.subs.value_or(std::vector<double>{1.0});
  if (subs.size() > 1 || subs[0] != 1.0) {
    std::vector<double> ticklocs;
    for (double decade : decades) {
      if (decade == 0) {
        ticklocs.push_back(decade);
      } else {
        for (double s : subs) ticklocs.push_back(s * decade);
      }
    }
    return ticklocs;
  }
  return decades;
}

std::pair<double, double> SymmetricalLogLocator::view_limits(double vmin, double vmax) const {
  const double b = opts_.base;
  if (vmax < vmin) std::swap(vmin, vmax);
  if (round_numbers()) {
    vmin = decade_less_equal(vmin, b);
    vmax = decade_greater_equal(vmax, b);
    if (vmin == vmax) {
      vmin = decade_less(vmin, b);
      vmax = decade_greater(vmax, b);
    }
  }
  return strata::nonsingular(vmin, vmax);
}

// ---- LogitLocator ----

LogitLocator::LogitLocator(const LogitLocatorOptions& opts)
    : MaxNLocator(MaxNLocatorOptions{.nbins = opts.nbins, .steps = {1, 2, 5, 10}}),
      logit_opts_(opts) {}

std::vector<double> LogitLocator::tick_values(double vmin, double vmax) const {
  int nbins = 0;
  if (!logit_opts_.nbins) {
    nbins = std::max(get_tick_space(), 2);
  } else {
    nbins = *logit_opts_.nbins;
  }
  auto ideal_ticks = [](int x) {
    return x < 0 ? ticker_detail::pow10i(x) : x > 0 ? 1 - ticker_detail::pow10i(-x) : 0.5;
  };
  std::tie(vmin, vmax) = nonsingular(vmin, vmax);
  const int binf = static_cast<int>(vmin < 0.5   ? std::floor(std::log10(vmin))
                                    : vmin < 0.9 ? 0
                                                 : -std::ceil(std::log10(1 - vmin)));
  const int bsup = static_cast<int>(vmax <= 0.5   ? std::ceil(std::log10(vmax))
                                    : vmax <= 0.9 ? 1
                                                  : -std::floor(std::log10(1 - vmax)));
  const int numideal = bsup - binf - 1;
  const bool minor = logit_opts_.minor;
  if (numideal >= 2) {
    std::vector<double> ticklocs;
    if (numideal > nbins) {
      const int factor = (numideal + nbins - 1) / nbins;
      for (int b = binf; b <= bsup; ++b) {
        if (((b % factor) != 0) == minor) ticklocs.push_back(ideal_ticks(b));
      }
      return ticklocs;
    }
    if (minor) {
      for (int b = binf; b < bsup; ++b) {
        if (b < -1) {
          for (int k = 2; k < 10; ++k) ticklocs.push_back(k * ticker_detail::pow10i(b));
        } else if (b == -1) {
          for (int k = 2; k < 5; ++k) ticklocs.push_back(k / 10.0);
        } else if (b == 0) {
          for (int k = 6; k < 9; ++k) ticklocs.push_back(k / 10.0);
        } else {
          for (int k = 9; k >= 2; --k) ticklocs.push_back(1 - k * ticker_detail::pow10i(-b - 1));
        }
      }
      return ticklocs;
    }
    for (int b = binf; b <= bsup; ++b) ticklocs.push_back(ideal_ticks(b));
    return ticklocs;
  }
  if (minor) return {};
  return MaxNLocator::tick_values(vmin, vmax);
}

std::pair<double, double> LogitLocator::nonsingular(double vmin, double vmax) const {
  constexpr double standard_minpos = 1e-7;
  if (vmin > vmax) std::swap(vmin, vmax);
  if (!std::isfinite(vmin) || !std::isfinite(vmax) || vmax <= 0 || vmin >= 1) {
    return {standard_minpos, 1 - standard_minpos};
  }
  double minpos = get_minpos();
  if (!std::isfinite(minpos)) minpos = standard_minpos;
  if (vmin <= 0) vmin = minpos;
  if (vmax >= 1) vmax = 1 - minpos;
  if (vmin == vmax) return {0.1 * vmin, 1 - 0.1 * vmin};
  return {vmin, vmax};
}

}  // namespace strata
