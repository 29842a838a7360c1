// SPDX-License-Identifier: MIT
#pragma once
// Python-compatible text helpers for error messages and parsing (private).

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace strata::detail {

/// Python's repr() of a str (ASCII subset): quoted with ' unless it holds ' and no ".
inline std::string py_repr(std::string_view s) {
  const bool has_single = s.find('\'') != std::string_view::npos;
  const bool has_double = s.find('"') != std::string_view::npos;
  const char q = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, q);
  for (char c : s) {
    if (c == q || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  out += q;
  return out;
}

/// Python's str.strip() of ASCII whitespace.
inline std::string_view py_strip(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

inline std::string py_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Python's float(str): surrounding whitespace, a sign, decimal/exponent forms, inf, nan.
inline std::optional<double> py_float(std::string_view s) {
  s = py_strip(s);
  bool neg = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  const std::string low = py_lower(s);
  double v = 0;
  if (low == "inf" || low == "infinity") {
    v = std::numeric_limits<double>::infinity();
  } else if (low == "nan") {
    v = std::numeric_limits<double>::quiet_NaN();
  } else {
    if (!(std::isdigit(static_cast<unsigned char>(s.front())) || s.front() == '.'))
      return std::nullopt;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc::result_out_of_range) {
      v = std::numeric_limits<double>::infinity();  // Python: overflow to inf
    } else if (ec != std::errc() || ptr != s.data() + s.size()) {
      return std::nullopt;
    }
  }
  return neg ? -v : v;
}

/// Python's int(str): surrounding whitespace, a sign, decimal digits.
inline std::optional<long long> py_int(std::string_view s) {
  s = py_strip(s);
  bool neg = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  long long v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return neg ? -v : v;
}

/// Python's repr() of a float: shortest round trip, with ".0" on integral values.
std::string py_float_repr(double v);

}  // namespace strata::detail
