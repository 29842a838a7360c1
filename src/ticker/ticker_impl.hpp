// SPDX-License-Identifier: MIT
#pragma once
// Python and NumPy arithmetic the ticker reproduces bit for bit: floor division and divmod
// of floats, round-half-even, np.arange's fill, np.isclose, math.isclose, printf formatting.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace strata::ticker_detail {

/// Python's divmod(x, y) of floats: (floor quotient, remainder with the sign of y).
inline std::pair<double, double> py_divmod(double vx, double wx) {
  double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  double floordiv = 0;
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
  return {floordiv, mod};
}

/// Python's x // y of floats.
inline double py_floordiv(double x, double y) { return py_divmod(x, y).first; }
/// Python's x % y of floats.
inline double py_mod(double x, double y) { return py_divmod(x, y).second; }

/// Python's round(x) and NumPy's rint: half to even (the default rounding mode).
inline double round_half_even(double x) { return std::nearbyint(x); }

/// math.isclose(x, round(x)) (matplotlib's _is_close_to_int).
inline bool is_close_to_int(double x) {
  const double r = round_half_even(x);
  return std::abs(x - r) <= 1e-9 * std::max(std::abs(x), std::abs(r));
}

/// np.isclose(a, b) with the default tolerances.
inline bool np_isclose(double a, double b) { return std::abs(a - b) <= 1e-8 + 1e-5 * std::abs(b); }

/// np.arange(start, stop, step) for floats, filled as NumPy fills it: start + i * delta with
/// delta = (start + step) - start.
inline std::vector<double> np_arange(double start, double stop, double step) {
  std::vector<double> out;
  const double len_f = (stop - start) / step;
  long long n = 0;
  if (len_f == 0.0 && stop - start != 0.0) {
    n = std::signbit(len_f) ? 0 : 1;
  } else if (std::isfinite(len_f)) {
    n = static_cast<long long>(std::ceil(len_f));
  }
  if (n <= 0) return out;
  out.reserve(static_cast<std::size_t>(n));
  out.push_back(start);
  if (n == 1) return out;
  const double next = start + step;
  out.push_back(next);
  const double delta = next - start;
  for (long long i = 2; i < n; ++i) out.push_back(start + static_cast<double>(i) * delta);
  return out;
}

/// Python's 10 ** k for an integer k (exact for k >= 0 up to 10**22, pow() below 0).
inline double pow10i(int k) { return std::pow(10.0, static_cast<double>(k)); }

/// snprintf of one double with a printf format.
std::string cformat(const char* fmt, double x);
/// snprintf of one long long with a printf format.
std::string cformat_ll(const char* fmt, long long x);
/// Python's repr of a float: the shortest round-trip digits, "1.0", "1e+16", "nan", "inf".
std::string py_repr(double x);

}  // namespace strata::ticker_detail
