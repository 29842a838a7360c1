// SPDX-License-Identifier: MIT
// Tick label formatters: matplotlib 3.6's ticker.py, with Python's `%` formatting reproduced
// through snprintf (both round the exact binary value correctly).
#include "strata/ticker/formatter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "strata/error.hpp"
#include "ticker/ticker_impl.hpp"

namespace strata {

namespace ticker_detail {

std::string cformat(const char* fmt, double x) {
  std::array<char, 512> buf{};
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-vararg): the format is checked by the callers.
  const int n = std::snprintf(buf.data(), buf.size(), fmt, x);
  if (n < 0) throw ValueError(fmt::format("cannot format {} with '{}'", x, fmt));
  if (static_cast<std::size_t>(n) < buf.size()) return {buf.data(), static_cast<std::size_t>(n)};
  std::string out(static_cast<std::size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), fmt, x);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string cformat_ll(const char* fmt, long long x) {
  std::array<char, 512> buf{};
  const int n = std::snprintf(buf.data(), buf.size(), fmt, x);
  if (n < 0) throw ValueError(fmt::format("cannot format {} with '{}'", x, fmt));
  if (static_cast<std::size_t>(n) < buf.size()) return {buf.data(), static_cast<std::size_t>(n)};
  std::string out(static_cast<std::size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), fmt, x);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string py_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  std::string s = fmt::format("{}", x);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

}  // namespace ticker_detail

using ticker_detail::cformat;
using ticker_detail::pow10i;
using ticker_detail::round_half_even;

namespace {

constexpr std::string_view kMinus = "\u2212";

// Python's round(x, 10): through the correctly rounded decimal string.
double round10(double x) { return std::strtod(cformat("%.10f", x).c_str(), nullptr); }

// matplotlib's cbook.strip_math.
std::string strip_math(std::string s) {
  if (s.size() >= 2 && s.front() == '$' && s.back() == '$') {
    s = s.substr(1, s.size() - 2);
    constexpr std::array<std::pair<std::string_view, std::string_view>, 9> subs{{
        {"\\times", "x"},
        {"\\mathdefault", ""},
        {"\\rm", ""},
        {"\\cal", ""},
        {"\\tt", ""},
        {"\\it", ""},
        {"\\", ""},
        {"{", ""},
        {"}", ""},
    }};
    for (const auto& [tex, plain] : subs) {
      std::string out;
      std::size_t i = 0;
      while (i < s.size()) {
        if (s.compare(i, tex.size(), tex) == 0) {
          out += plain;
          i += tex.size();
        } else {
          out += s[i++];
        }
      }
      s = std::move(out);
    }
  }
  return s;
}

void check_log_base(const char* who, double base) {
  if (!(base > 0) || base == 1 || !std::isfinite(base)) {
    throw ValueError(fmt::format("{}: base must be > 0 and != 1, got {}", who, base));
  }
}

// Python's '%d' % b for a float b, or '%s' % b.
std::string base_string(double b) {
  if (std::fmod(b, 1.0) == 0.0) return fmt::format("{}", static_cast<long long>(b));
  return ticker_detail::py_repr(b);
}

}  // namespace

// ---- Formatter ----

std::vector<std::string> Formatter::format_ticks(std::span<const double> values) {
  set_locs(values);
  std::vector<std::string> out;
  out.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) out.push_back(call(values[i], i));
  return out;
}

std::string Formatter::format_data(double value) const { return call(value, std::nullopt); }

std::string Formatter::format_data_short(double value) const { return format_data(value); }

void Formatter::set_locs(std::span<const double> locs) { locs_.assign(locs.begin(), locs.end()); }

std::string Formatter::fix_minus(std::string_view s) const {
  if (!unicode_minus_) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    if (c == '-') {
      out += kMinus;
    } else {
      out += c;
    }
  }
  return out;
}

// ---- NullFormatter, FixedFormatter, FuncFormatter ----

std::string NullFormatter::call(double /*x*/, std::optional<std::size_t> /*pos*/) const {
  return {};
}

std::string FixedFormatter::call(double /*x*/, std::optional<std::size_t> pos) const {
  if (!pos || *pos >= seq_.size()) return {};
  return seq_[*pos];
}

FuncFormatter::FuncFormatter(Function func) : func_(std::move(func)) {
  if (!func_) throw ValueError("FuncFormatter: func must be callable, got an empty function");
}

std::string FuncFormatter::call(double x, std::optional<std::size_t> pos) const {
  return func_(x, pos);
}

// ---- FormatStrFormatter ----

namespace {

// One printf conversion of a Python %-format, as a C format, or nothing for literal text.
struct PercentPiece {
  std::string text;  // literal text, or the C format of the conversion
  char conv = '\0';  // '\0': literal
};

std::vector<PercentPiece> parse_percent_format(const std::string& f) {
  std::vector<PercentPiece> pieces;
  std::string literal;
  std::size_t i = 0;
  int conversions = 0;
  auto bad = [&](std::string_view why) {
    return ValueError(fmt::format("FormatStrFormatter: fmt {}, got '{}'", why, f));
  };
  while (i < f.size()) {
    if (f[i] != '%') {
      literal += f[i++];
      continue;
    }
    if (i + 1 < f.size() && f[i + 1] == '%') {
      literal += '%';
      i += 2;
      continue;
    }
    std::string spec = "%";
    ++i;
    while (i < f.size() && std::string_view("-+ #0").find(f[i]) != std::string_view::npos) {
      spec += f[i++];
    }
    while (i < f.size() && f[i] >= '0' && f[i] <= '9') spec += f[i++];
    if (i < f.size() && f[i] == '.') {
      spec += f[i++];
      while (i < f.size() && f[i] >= '0' && f[i] <= '9') spec += f[i++];
    }
    while (i < f.size() && (f[i] == 'l' || f[i] == 'h' || f[i] == 'L')) ++i;
    if (i >= f.size()) throw bad("ends inside a conversion");
    const char conv = f[i++];
    if (std::string_view("diufFeEgGsr").find(conv) == std::string_view::npos) {
      throw bad(fmt::format("has the unsupported conversion '%{}'", conv));
    }
    if (!literal.empty()) pieces.push_back({std::move(literal), '\0'});
    literal.clear();
    if (conv == 'd' || conv == 'i' || conv == 'u') {
      spec += "lld";
    } else if (conv == 's' || conv == 'r') {
      spec += 's';
    } else {
      spec += conv;
    }
    pieces.push_back({std::move(spec), conv});
    ++conversions;
  }
  if (!literal.empty()) pieces.push_back({std::move(literal), '\0'});
  if (conversions != 1) throw bad("must hold exactly one conversion");
  return pieces;
}

}  // namespace

FormatStrFormatter::FormatStrFormatter(std::string fmt) : fmt_(std::move(fmt)) {
  (void)parse_percent_format(fmt_);
}

std::string FormatStrFormatter::call(double x, std::optional<std::size_t> /*pos*/) const {
  std::string out;
  for (const PercentPiece& p : parse_percent_format(fmt_)) {
    switch (p.conv) {
      case '\0':
        out += p.text;
        break;
      case 'd':
      case 'i':
      case 'u':
        if (!std::isfinite(x)) {
          throw ValueError(fmt::format("FormatStrFormatter: cannot format {} with %d", x));
        }
        out += ticker_detail::cformat_ll(p.text.c_str(), static_cast<long long>(std::trunc(x)));
        break;
      case 's':
      case 'r': {
        const std::string r = ticker_detail::py_repr(x);
        std::array<char, 512> buf{};
        const int n = std::snprintf(buf.data(), buf.size(), p.text.c_str(), r.c_str());
        out.append(buf.data(), static_cast<std::size_t>(std::clamp(n, 0, 511)));
        break;
      }
      default:
        out += cformat(p.text.c_str(), x);
    }
  }
  return out;
}

// ---- StrMethodFormatter ----

StrMethodFormatter::StrMethodFormatter(std::string fmt) : fmt_(std::move(fmt)) {
  try {
    (void)fmt::format(fmt::runtime(fmt_), fmt::arg("x", 0.0), fmt::arg("pos", 0));
  } catch (const fmt::format_error& e) {
    throw ValueError(fmt::format(
        "StrMethodFormatter: fmt is not a valid format string ({}), got '{}'", e.what(), fmt_));
  }
}

std::string StrMethodFormatter::call(double x, std::optional<std::size_t> pos) const {
  try {
    if (pos) return fmt::format(fmt::runtime(fmt_), fmt::arg("x", x), fmt::arg("pos", *pos));
    return fmt::format(fmt::runtime(fmt_), fmt::arg("x", x), fmt::arg("pos", "None"));
  } catch (const fmt::format_error& e) {
    throw ValueError(fmt::format("StrMethodFormatter: cannot format x={} pos={} with '{}' ({})", x,
                                 pos ? fmt::format("{}", *pos) : "None", fmt_, e.what()));
  }
}

// ---- ScalarFormatter ----

ScalarFormatter::ScalarFormatter(const ScalarFormatterOptions& opts)
    : use_math_text_(opts.use_math_text.value_or(false)),
      offset_threshold_(opts.offset_threshold.value_or(4)),
      powerlimits_(opts.powerlimits.value_or(std::pair{-5, 6})),
      scientific_(opts.scientific) {
  if (opts.offset) {
    set_offset_value(*opts.offset);
  } else {
    set_use_offset(opts.use_offset.value_or(true));
  }
}

void ScalarFormatter::set_use_offset(bool on) {
  use_offset_ = on;
  offset_ = 0;
}

void ScalarFormatter::set_offset_value(double offset) {
  use_offset_ = false;
  offset_ = offset;
}

std::string ScalarFormatter::format_value(double v) const {
  return fix_minus(cformat(format_.c_str(), v));
}

std::string ScalarFormatter::call(double x, std::optional<std::size_t> /*pos*/) const {
  if (locs().empty()) return {};
  double xp = (x - offset_) / pow10i(order_of_magnitude_);
  if (std::abs(xp) < 1e-8) xp = 0;
  return format_value(xp);
}

std::string ScalarFormatter::format_data(double value) const {
  if (value == 0 || !std::isfinite(value)) return fix_minus(ticker_detail::py_repr(value));
  const auto e = static_cast<int>(std::floor(std::log10(std::abs(value))));
  const double s = round10(value / pow10i(e));
  const std::string exponent = fix_minus(fmt::format("{}", e));
  const std::string significand = fix_minus(
      std::fmod(s, 1.0) == 0 ? fmt::format("{}", static_cast<long long>(s)) : cformat("%1.10g", s));
  if (e == 0) return significand;
  if (use_math_text_) {
    const std::string ex = "10^{" + exponent + "}";
    return s == 1 ? ex : significand + " \\times " + ex;
  }
  return significand + "e" + exponent;
}

std::string ScalarFormatter::get_offset() const {
  if (locs().empty()) return {};
  std::string s;
  if (order_of_magnitude_ != 0 || offset_ != 0) {
    std::string offset_str;
    std::string sci_str;
    if (offset_ != 0) {
      offset_str = format_data(offset_);
      if (offset_ > 0) offset_str = "+" + offset_str;
    }
    if (order_of_magnitude_ != 0) {
      sci_str = use_math_text_ ? format_data(pow10i(order_of_magnitude_))
                               : fmt::format("1e{}", order_of_magnitude_);
    }
    if (use_math_text_) {
      if (!sci_str.empty()) sci_str = "\\times\\mathdefault{" + sci_str + "}";
      s = "$" + sci_str + "\\mathdefault{" + offset_str + "}$";
    } else {
      s = sci_str + offset_str;
    }
  }
  return fix_minus(s);
}

void ScalarFormatter::set_locs(std::span<const double> locs) {
  Formatter::set_locs(locs);
  if (locs.empty()) return;
  if (use_offset_) compute_offset();
  set_order_of_magnitude();
  set_format();
}

namespace {

std::vector<double> visible(const std::vector<double>& locs, std::pair<double, double> view) {
  const double vmin = std::min(view.first, view.second);
  const double vmax = std::max(view.first, view.second);
  std::vector<double> out;
  for (double v : locs) {
    if (vmin <= v && v <= vmax) out.push_back(v);
  }
  return out;
}

}  // namespace

void ScalarFormatter::compute_offset() {
  const std::vector<double> vis = visible(locs(), get_view_interval());
  if (vis.empty()) {
    offset_ = 0;
    return;
  }
  const double lmin = *std::min_element(vis.begin(), vis.end());
  const double lmax = *std::max_element(vis.begin(), vis.end());
  if (lmin == lmax || (lmin <= 0 && 0 <= lmax)) {
    offset_ = 0;
    return;
  }
  const double abs_min = std::min(std::abs(lmin), std::abs(lmax));
  const double abs_max = std::max(std::abs(lmin), std::abs(lmax));
  const double sign = std::copysign(1.0, lmin);
  using ticker_detail::py_floordiv;
  const double oom_max = std::ceil(std::log10(abs_max));
  auto p10 = [](double oom) { return std::pow(10.0, oom); };
  double oom = oom_max;
  while (oom > -400 && py_floordiv(abs_min, p10(oom)) == py_floordiv(abs_max, p10(oom))) {
    oom -= 1;
  }
  oom += 1;
  if ((abs_max - abs_min) / p10(oom) <= 1e-2) {
    oom = oom_max;
    while (oom > -400 && !(py_floordiv(abs_max, p10(oom)) - py_floordiv(abs_min, p10(oom)) > 1)) {
      oom -= 1;
    }
    oom += 1;
  }
  const double n = offset_threshold_ - 1;
  const double q = py_floordiv(abs_max, p10(oom));
  offset_ = q >= std::pow(10.0, n) ? sign * q * p10(oom) : 0;
}

void ScalarFormatter::set_order_of_magnitude() {
  if (!scientific_) {
    order_of_magnitude_ = 0;
    return;
  }
  if (powerlimits_.first == powerlimits_.second && powerlimits_.first != 0) {
    order_of_magnitude_ = powerlimits_.first;
    return;
  }
  const auto [v0, v1] = get_view_interval();
  const double vmin = std::min(v0, v1);
  const double vmax = std::max(v0, v1);
  const std::vector<double> vis = visible(locs(), {vmin, vmax});
  if (vis.empty()) {
    order_of_magnitude_ = 0;
    return;
  }
  int oom = 0;
  if (offset_ != 0) {
    oom = static_cast<int>(std::floor(std::log10(vmax - vmin)));
  } else {
    double val = 0;
    for (double v : vis) val = std::max(val, std::abs(v));
    oom = val == 0 ? 0 : static_cast<int>(std::floor(std::log10(val)));
  }
  order_of_magnitude_ = (oom <= powerlimits_.first || oom >= powerlimits_.second) ? oom : 0;
}

void ScalarFormatter::set_format() {
  std::vector<double> scaled(locs());
  const bool few = scaled.size() < 2;
  if (few) {
    const auto [v0, v1] = get_view_interval();
    scaled.push_back(v0);
    scaled.push_back(v1);
  }
  const double p = pow10i(order_of_magnitude_);
  for (double& v : scaled) v = (v - offset_) / p;
  double loc_range = *std::max_element(scaled.begin(), scaled.end()) -
                     *std::min_element(scaled.begin(), scaled.end());
  if (loc_range == 0) {
    for (double v : scaled) loc_range = std::max(loc_range, std::abs(v));
  }
  if (loc_range == 0) loc_range = 1;
  if (few) scaled.resize(scaled.size() - 2);
  const auto loc_range_oom = static_cast<int>(std::floor(std::log10(loc_range)));
  int sigfigs = std::max(0, 3 - loc_range_oom);
  const double thresh = 1e-3 * pow10i(loc_range_oom);
  while (sigfigs >= 0) {
    // np.round(locs, decimals=sigfigs): multiply, rint, divide.
    const double f = pow10i(sigfigs);
    double worst = 0;
    for (double v : scaled) worst = std::max(worst, std::abs(v - round_half_even(v * f) / f));
    if (worst < thresh) {
      --sigfigs;
    } else {
      break;
    }
  }
  ++sigfigs;
  sigfigs_ = sigfigs;
  format_ = fmt::format("%1.{}f", sigfigs);
  if (use_math_text_) format_ = "$\\mathdefault{" + format_ + "}$";
}

// ---- PercentFormatter ----

PercentFormatter::PercentFormatter(const PercentFormatterOptions& opts) : opts_(opts) {
  if (opts_.xmax == 0 || !std::isfinite(opts_.xmax)) {
    throw ValueError(
        fmt::format("PercentFormatter: xmax must be finite and != 0, got {}", opts_.xmax));
  }
  if (opts_.decimals && *opts_.decimals < 0) {
    throw ValueError(
        fmt::format("PercentFormatter: decimals must be >= 0, got {}", *opts_.decimals));
  }
}

std::string PercentFormatter::format_pct(double x, double display_range) const {
  x = 100.0 * (x / opts_.xmax);
  int decimals = 0;
  if (!opts_.decimals) {
    const double scaled_range = 100.0 * (display_range / opts_.xmax);
    if (scaled_range > 0) {
      decimals =
          static_cast<int>(std::clamp(std::ceil(2.0 - std::log10(2.0 * scaled_range)), 0.0, 5.0));
    }
  } else {
    decimals = *opts_.decimals;
  }
  return cformat(fmt::format("%0.{}f", decimals).c_str(), x) + opts_.symbol;
}

std::string PercentFormatter::call(double x, std::optional<std::size_t> /*pos*/) const {
  const auto [vmin, vmax] = get_view_interval();
  return fix_minus(format_pct(x, std::abs(vmax - vmin)));
}

// ---- EngFormatter ----

EngFormatter::EngFormatter(const EngFormatterOptions& opts) : opts_(opts) {
  if (opts_.places && *opts_.places < 0) {
    throw ValueError(fmt::format("EngFormatter: places must be >= 0, got {}", *opts_.places));
  }
}

std::string EngFormatter::format_eng(double num) const {
  const std::string cfmt = opts_.places ? fmt::format("%.{}f", *opts_.places) : "%g";
  double sign = 1;
  if (num < 0) {
    sign = -1;
    num = -num;
  }
  int pow10 = 0;
  if (num != 0) {
    pow10 = static_cast<int>(std::floor(std::log10(num) / 3) * 3);
  } else {
    num = 0.0;
  }
  pow10 = std::clamp(pow10, -24, 24);
  double mant = sign * num / std::pow(10.0, pow10);
  if (std::abs(std::strtod(cformat(cfmt.c_str(), mant).c_str(), nullptr)) >= 1000 && pow10 < 24) {
    mant /= 1000;
    pow10 += 3;
  }
  static constexpr std::array<std::string_view, 17> prefixes{
      "y", "z", "a", "f", "p", "n", "\u00b5", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y"};
  const std::string_view prefix = prefixes[static_cast<std::size_t>((pow10 + 24) / 3)];
  std::string m = cformat(cfmt.c_str(), mant);
  if (opts_.use_math_text.value_or(false)) m = "$" + m + "$";
  return m + opts_.sep + std::string(prefix);
}

std::string EngFormatter::call(double x, std::optional<std::size_t> /*pos*/) const {
  std::string s = format_eng(x) + opts_.unit;
  const std::string& sep = opts_.sep;
  if (!sep.empty() && s.size() >= sep.size() &&
      s.compare(s.size() - sep.size(), sep.size(), sep) == 0) {
    s.resize(s.size() - sep.size());
  }
  return fix_minus(s);
}

// ---- LogFormatter ----

LogFormatter::LogFormatter(const LogFormatterOptions& opts) : opts_(opts) {
  check_log_base("LogFormatter", opts_.base);
}

void LogFormatter::set_locs(std::span<const double> locs) {
  Formatter::set_locs(locs);
  have_sublabels_ = false;
  sublabels_.clear();
  if (std::isinf(opts_.minor_thresholds.first)) return;
  auto [vmin, vmax] = get_view_interval();
  if (vmin > vmax) std::swap(vmin, vmax);
  have_sublabels_ = true;
  if (!opts_.linthresh && vmin <= 0) {
    sublabels_ = {1.0};
    return;
  }
  const double b = opts_.base;
  double numdec = 0;
  if (opts_.linthresh) {
    const double linthresh = *opts_.linthresh;
    if (vmin < -linthresh) {
      const double rhs = std::min(vmax, -linthresh);
      numdec += std::log(vmin / rhs) / std::log(b);
    }
    if (vmax > linthresh) {
      const double lhs = std::max(vmin, linthresh);
      numdec += std::log(vmax / lhs) / std::log(b);
    }
  } else {
    numdec = std::abs(std::log(vmax) / std::log(b) - std::log(vmin) / std::log(b));
  }
  if (numdec > opts_.minor_thresholds.first) {
    sublabels_ = {1.0};
  } else if (numdec > opts_.minor_thresholds.second) {
    // round(geomspace(1, b, int(b) // 2 + 1)): (1, 2, 3, 4, 6, 10) for base 10.
    const int n = static_cast<int>(b) / 2 + 1;
    const double log_stop = std::log10(b);
    for (int i = 0; i < n; ++i) {
      double v = 0;
      if (i == 0) {
        v = 1;
      } else if (i == n - 1) {
        v = b;
      } else {
        v = std::pow(10.0, log_stop * i / (n - 1));
      }
      sublabels_.push_back(round_half_even(v));
    }
  } else {
    for (double v = 1; v < b + 1; v += 1) sublabels_.push_back(v);
  }
}

bool LogFormatter::labelled(double fx, bool label_only_base, bool& is_decade) const {
  is_decade = ticker_detail::is_close_to_int(fx);
  const double exponent = is_decade ? round_half_even(fx) : std::floor(fx);
  const double coeff = round_half_even(std::pow(opts_.base, fx - exponent));
  if (label_only_base && !is_decade) return false;
  if (have_sublabels_ &&
      std::find(sublabels_.begin(), sublabels_.end(), coeff) == sublabels_.end()) {
    return false;
  }
  return true;
}

namespace {

// matplotlib's LogFormatter._pprint_val.
std::string pprint_val(double x, double d) {
  if (std::abs(x) < 1e4 && x == std::trunc(x)) {
    return fmt::format("{}", static_cast<long long>(x));
  }
  const char* f = d < 1e-2   ? "%1.3e"
                  : d <= 1   ? "%1.3f"
                  : d <= 10  ? "%1.2f"
                  : d <= 1e5 ? "%1.1f"
                             : "%1.1e";
  std::string s = cformat(f, x);
  auto strip = [](std::string m) {
    while (!m.empty() && m.back() == '0') m.pop_back();
    while (!m.empty() && m.back() == '.') m.pop_back();
    return m;
  };
  const std::size_t e = s.find('e');
  if (e != std::string::npos) {
    const std::string mantissa = strip(s.substr(0, e));
    const long exponent = std::strtol(s.c_str() + e + 1, nullptr, 10);
    return exponent != 0 ? fmt::format("{}e{}", mantissa, exponent) : mantissa;
  }
  return strip(s);
}

}  // namespace

std::string LogFormatter::num_to_string(double x, double vmin, double vmax) const {
  if (x > 10000 || x < 1) return cformat("%1.0e", x);
  return pprint_val(x, vmax - vmin);
}

std::string LogFormatter::label(double x, bool label_only_base) const {
  if (x == 0.0) return "0";
  x = std::abs(x);
  const double fx = std::log(x) / std::log(opts_.base);
  bool is_decade = false;
  if (!labelled(fx, label_only_base, is_decade)) return {};
  auto [vmin, vmax] = get_view_interval();
  std::tie(vmin, vmax) = nonsingular(vmin, vmax, 0.05);
  return fix_minus(num_to_string(x, vmin, vmax));
}

std::string LogFormatter::call(double x, std::optional<std::size_t> /*pos*/) const {
  return label(x, opts_.label_only_base);
}

std::string LogFormatter::format_data(double value) const {
  return strip_math(label(value, false));
}

std::string LogFormatter::format_data_short(double value) const { return cformat("%-12g", value); }

// ---- LogFormatterSciNotation ----

LogFormatterSciNotation::LogFormatterSciNotation(const LogFormatterOptions& opts)
    : LogFormatter(opts) {}

std::string LogFormatterSciNotation::label(double x, bool label_only_base) const {
  if (x == 0) return "$\\mathdefault{0}$";
  const std::string_view sign_string = x < 0 ? "-" : "";
  x = std::abs(x);
  const double b = options().base;
  double fx = std::log(x) / std::log(b);
  bool is_decade = false;
  if (!labelled(fx, label_only_base, is_decade)) return {};
  if (is_decade) fx = round_half_even(fx);
  const std::string base = base_string(b);
  if (std::abs(fx) < min_exponent_) {
    return fmt::format("$\\mathdefault{{{}{}}}$", sign_string, cformat("%g", x));
  }
  if (!is_decade) {
    const double exponent = std::floor(fx);
    double coeff = std::pow(b, fx - exponent);
    if (ticker_detail::is_close_to_int(coeff)) coeff = round_half_even(coeff);
    return fmt::format("$\\mathdefault{{{}{}\\times{}^{{{}}}}}$", sign_string, cformat("%g", coeff),
                       base, static_cast<long long>(exponent));
  }
  return fmt::format("$\\mathdefault{{{}{}^{{{}}}}}$", sign_string, base,
                     static_cast<long long>(fx));
}

}  // namespace strata
