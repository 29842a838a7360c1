// SPDX-License-Identifier: MIT
// LogitFormatter: matplotlib 3.6's ticker.LogitFormatter, with Python's `%` formatting
// reproduced through snprintf and its rounding helpers (round half to even, math.isclose,
// np.isclose) from ticker_impl.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <tuple>

#include "strata/ticker/formatter.hpp"
#include "ticker/ticker_impl.hpp"

namespace strata {

using ticker_detail::cformat;
using ticker_detail::is_close_to_int;
using ticker_detail::pow10i;
using ticker_detail::round_half_even;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// matplotlib's _is_decade(x, rtol=rtol) for base 10: np.isclose(lx, round(lx), rtol) with
// lx = ln|x| / ln 10 (and its default atol 1e-8).
bool is_decade(double x, double rtol) {
  if (!std::isfinite(x)) return false;
  if (x == 0.0) return true;
  const double lx = std::log(std::abs(x)) / std::log(10.0);
  const double r = round_half_even(lx);
  return std::abs(lx - r) <= 1e-8 + rtol * std::abs(r);
}

// _is_close_to_int(2 * x) and round(2 * x) == 1.
bool is_one_half(double x) { return is_close_to_int(2 * x) && round_half_even(2 * x) == 1.0; }

// Python's round(math.log10(x)) for the exponent of a decade.
int decade_exponent(double x) { return static_cast<int>(round_half_even(std::log10(x))); }

// Whether -log10(d) + e > 0 for d close to 10**e, as matplotlib computes it with NumPy's
// log10. The exact value of the sum is tiny then, and its sign is decided by the rounding of
// log10(d) to a neighbour of e; NumPy's log10 (the AVX-512 SVML kernel the reference numbers
// were made with) rounds away from e from 0.445 ulp on, where libm rounds from 0.5 ulp
// (measured against mpmath on the doubles just below 10**-1 ... 10**-11).
bool log10_below(double d, int e) {
  if (e == 0) return d < 1;  // log10 near 1 is accurate relative to itself: only the sign
  if (e < 0 && e >= -22) {
    // r - 1 with r = d * 10**-e exactly (10**-e is an exact integer; fma gives the rest).
    const double scale = pow10i(-e);
    const double prod = d * scale;
    const double err = std::fma(d, scale, -prod);
    const double r_minus_1 = (prod - 1) + err;
    const double mag = -static_cast<double>(e);
    const double ulp = std::nextafter(mag, kInf) - mag;
    // log10(r) = (r - 1) / ln 10 to first order; how far below e, in ulps of the result.
    const double below_ulps = -r_minus_1 / std::numbers::ln10 / ulp;
    return below_ulps > 0.445;
  }
  return -std::log10(d) + e > 0;
}

// matplotlib's LogitFormatter._format_value: `x` with as many digits as its distance to the
// nearest other location needs; "m\cdot10^{e}" in scientific notation.
std::string format_value(double x, const std::vector<double>& locs, bool sci_notation) {
  int exponent = 0;
  int min_precision = 1;
  if (sci_notation) {
    exponent = static_cast<int>(std::floor(std::log10(x)));
    min_precision = 0;
  }
  // Python: x * 10 ** (-exponent), an exact integer power for exponent <= 0.
  const double value = x * pow10i(-exponent);
  int precision = min_precision;
  if (locs.size() >= 2) {
    std::vector<double> dist(locs.size());
    for (std::size_t i = 0; i < locs.size(); ++i) dist[i] = std::abs(locs[i] - x);
    std::nth_element(dist.begin(), dist.begin() + 1, dist.end());
    const double diff = dist[1];
    const double p = -std::log10(diff) + exponent;
    if (std::abs(p) < 1e-9) {
      // math.isclose(p, 0) holds only for p == 0, so an ulp of log10 decides between 0 and
      // 1 digit here (ceil of a tiny positive p); NumPy's log10 is not libm's.
      precision = std::max(log10_below(diff, exponent) ? 1 : 0, min_precision);
    } else if (std::isfinite(p)) {
      // matplotlib raises (round(inf)) for two equal locations; keep min_precision then.
      precision = is_close_to_int(p) ? static_cast<int>(round_half_even(p))
                                     : static_cast<int>(std::ceil(p));
      precision = std::max(precision, min_precision);
    }
  }
  const std::string mantissa = cformat(fmt::format("%.{}f", precision).c_str(), value);
  if (!sci_notation) return mantissa;
  return fmt::format("{}\\cdot10^{{{}}}", mantissa, exponent);
}

}  // namespace

LogitFormatter::LogitFormatter(const LogitFormatterOptions& opts) : opts_(opts) {}

void LogitFormatter::set_locs(std::span<const double> locs) {
  Formatter::set_locs(locs);
  labelled_.clear();
  if (!opts_.minor) return;
  // Minor ticks at ideal positions (decades, 1 - decades, 1/2) get no labels.
  if (std::all_of(locs.begin(), locs.end(), [](double x) {
        return is_decade(x, 1e-7) || is_decade(1 - x, 1e-7) || is_one_half(x);
      })) {
    return;
  }
  const auto n = static_cast<std::ptrdiff_t>(locs.size());
  if (n >= opts_.minor_threshold) return;
  if (n < opts_.minor_number) {
    labelled_.assign(locs.begin(), locs.end());
    return;
  }
  // Few minor ticks, so few decades: label the most widely spaced ones. Each tick's smaller
  // distance (in logit space) to its neighbours decides, the sum of both breaks ties.
  std::vector<double> diff;
  for (std::ptrdiff_t i = 0; i + 1 < n; ++i) {
    const double a = -std::log(1 / locs[static_cast<std::size_t>(i)] - 1);
    const double b = -std::log(1 / locs[static_cast<std::size_t>(i + 1)] - 1);
    diff.push_back(b - a);
  }
  std::vector<std::pair<double, double>> key(static_cast<std::size_t>(n));
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    const double before = i > 0 ? diff[static_cast<std::size_t>(i - 1)] : kInf;
    const double after = i + 1 < n ? diff[static_cast<std::size_t>(i)] : kInf;
    const double sum_before = i > 0 ? diff[static_cast<std::size_t>(i - 1)] : 0.0;
    const double sum_after = i + 1 < n ? diff[static_cast<std::size_t>(i)] : 0.0;
    key[static_cast<std::size_t>(i)] = {std::min(before, after), sum_before + sum_after};
  }
  // Python's sorted() of the indices by (pessimistic space, space sum): stable. NaN keys
  // (locations outside (0, 1)) sort first here, so they are never preferred.
  auto less = [](double a, double b) {
    if (std::isnan(a)) return !std::isnan(b);
    if (std::isnan(b)) return false;
    return a < b;
  };
  std::vector<std::size_t> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const auto& [pi, si] = key[i];
    const auto& [pj, sj] = key[j];
    if (less(pi, pj)) return true;
    if (less(pj, pi)) return false;
    return less(si, sj);
  });
  // The last minor_number of them (Python's slice [-minor_number:]).
  std::ptrdiff_t start = -static_cast<std::ptrdiff_t>(opts_.minor_number);
  if (start < 0) start = std::max<std::ptrdiff_t>(start + n, 0);
  start = std::min(start, n);
  for (std::ptrdiff_t k = start; k < n; ++k) {
    labelled_.push_back(locs[order[static_cast<std::size_t>(k)]]);
  }
}

std::string LogitFormatter::one_minus(const std::string& s) const {
  if (opts_.use_overline) return fmt::format("\\overline{{{}}}", s);
  return "1-" + s;
}

std::string LogitFormatter::call(double x, std::optional<std::size_t> /*pos*/) const {
  if (opts_.minor && std::find(labelled_.begin(), labelled_.end(), x) == labelled_.end()) {
    return "";
  }
  if (!(x > 0 && x < 1)) return "";  // NaN too (matplotlib raises for NaN)
  std::string s;
  if (is_one_half(x)) {
    s = opts_.one_half;
  } else if (x < 0.5 && is_decade(x, 1e-7)) {
    s = fmt::format("10^{{{}}}", decade_exponent(x));
  } else if (x > 0.5 && is_decade(1 - x, 1e-7)) {
    s = one_minus(fmt::format("10^{{{}}}", decade_exponent(1 - x)));
  } else if (x < 0.1) {
    s = format_value(x, locs(), true);
  } else if (x > 0.9) {
    std::vector<double> complement(locs().size());
    std::transform(locs().begin(), locs().end(), complement.begin(),
                   [](double v) { return 1 - v; });
    s = one_minus(format_value(1 - x, complement, true));
  } else {
    s = format_value(x, locs(), false);
  }
  return "$\\mathdefault{" + s + "}$";
}

std::string LogitFormatter::format_data_short(double value) const {
  // Scientific notation for exponents <= -2, as matplotlib.
  if (value < 0.1) return cformat("%e", value);
  if (value < 0.9) return cformat("%f", value);
  return "1-" + cformat("%e", 1 - value);
}

}  // namespace strata
