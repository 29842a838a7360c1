// SPDX-License-Identifier: MIT
// Line styles, dash patterns, draw styles and plot format strings as matplotlib 3.6.3.
#include "strata/artist/linestyle.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "colors/pyfmt.hpp"
#include "strata/colors/color.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

namespace {

// Python's x % m for floats: the result has the sign of m.
double py_mod(double x, double m) {
  double r = std::fmod(x, m);
  if (r != 0 && ((r < 0) != (m < 0))) r += m;
  return r;
}

Dashes rc_pattern(const char* key) {
  const std::vector<double> p = rc().get_doubles(key);
  Dashes d{0.0, p};
  double sum = 0;
  for (double v : p) sum += v;
  if (sum != 0) d.offset = py_mod(d.offset, sum);
  return d;
}

void check_lengths(std::size_t nx, std::size_t ny, const char* what) {
  if (nx != ny) {
    throw ValueError(
        fmt::format("{}: x and y must have the same length, got {} and {}", what, nx, ny));
  }
}

// True when Python's str(int(s)) == s: "0" or an optional minus and digits without a leading 0.
bool is_canonical_int(std::string_view s) {
  if (s == "0") return true;
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  if (s.empty() || s.front() == '0') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The character (a whole UTF-8 sequence) that starts at byte i.
std::string_view char_at(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = 1;
  if (b >= 0xF0) {
    len = 4;
  } else if (b >= 0xE0) {
    len = 3;
  } else if (b >= 0xC0) {
    len = 2;
  }
  return s.substr(i, len);
}

}  // namespace

// ---- line styles ----

std::string normalize_linestyle(std::string_view style) {
  if (style == " " || style.empty() || style == "none" || style == "None") return "None";
  if (style == "-" || style == "solid") return "-";
  if (style == "--" || style == "dashed") return "--";
  if (style == "-." || style == "dashdot") return "-.";
  if (style == ":" || style == "dotted") return ":";
  throw ValueError(
      fmt::format("{} is not a valid value for ls; supported values are '-', '--', '-.', ':', "
                  "'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'",
                  detail::py_repr(style)));
}

bool is_no_line(std::string_view style) {
  return style == "None" || style == "none" || style == " " || style.empty();
}

Dashes get_dash_pattern(std::string_view style) {
  const std::string ls = normalize_linestyle(style);
  if (ls == "--") return rc_pattern("lines.dashed_pattern");
  if (ls == "-.") return rc_pattern("lines.dashdot_pattern");
  if (ls == ":") return rc_pattern("lines.dotted_pattern");
  return {};  // solid, None
}

Dashes get_dash_pattern(double offset, std::span<const double> on_off) {
  double sum = 0;
  bool positive = false;
  for (double v : on_off) {
    if (!(v >= 0) || !std::isfinite(v)) {
      throw ValueError(fmt::format("All values in the dash list must be non-negative, got {}",
                                   detail::py_float_repr(v)));
    }
    positive = positive || v > 0;
    sum += v;
  }
  if (!on_off.empty() && !positive) {
    throw ValueError("At least one value in the dash list must be positive");
  }
  if (!std::isfinite(offset)) {
    throw ValueError(
        fmt::format("dash offset must be finite, got {}", detail::py_float_repr(offset)));
  }
  Dashes d{offset, std::vector<double>(on_off.begin(), on_off.end())};
  if (sum != 0) d.offset = py_mod(offset, sum);
  return d;
}

Dashes scale_dashes(const Dashes& dashes, double linewidth) {
  if (!rc().get_bool("lines.scale_dashes")) return dashes;
  Dashes out{dashes.offset * linewidth, dashes.pattern};
  for (double& v : out.pattern) v *= linewidth;
  return out;
}

std::string_view capstyle_name(CapStyle cap) {
  switch (cap) {
    case CapStyle::butt:
      return "butt";
    case CapStyle::round:
      return "round";
    case CapStyle::projecting:
      break;
  }
  return "projecting";
}

std::string_view joinstyle_name(JoinStyle join) {
  switch (join) {
    case JoinStyle::miter:
      return "miter";
    case JoinStyle::round:
      return "round";
    case JoinStyle::bevel:
      break;
  }
  return "bevel";
}

// ---- draw styles ----

DrawStyle parse_drawstyle(std::string_view name) {
  if (name == "default") return DrawStyle::default_style;
  if (name == "steps" || name == "steps-pre") return DrawStyle::steps_pre;
  if (name == "steps-mid") return DrawStyle::steps_mid;
  if (name == "steps-post") return DrawStyle::steps_post;
  throw ValueError(
      fmt::format("{} is not a valid value for drawstyle; supported values are 'default', "
                  "'steps-mid', 'steps-pre', 'steps-post', 'steps'",
                  detail::py_repr(name)));
}

std::string_view drawstyle_name(DrawStyle style) {
  switch (style) {
    case DrawStyle::default_style:
      return "default";
    case DrawStyle::steps_pre:
      return "steps-pre";
    case DrawStyle::steps_mid:
      return "steps-mid";
    case DrawStyle::steps_post:
      break;
  }
  return "steps-post";
}

StepPoints steps_pre(std::span<const double> x, std::span<const double> y) {
  check_lengths(x.size(), y.size(), "steps_pre");
  StepPoints s;
  const std::size_t n = x.size();
  if (n == 0) return s;
  s.x.resize(2 * n - 1);
  s.y.resize(2 * n - 1);
  for (std::size_t k = 0; k < n; ++k) {
    s.x[2 * k] = x[k];
    s.y[2 * k] = y[k];
    if (k + 1 < n) {
      s.x[2 * k + 1] = x[k];
      s.y[2 * k + 1] = y[k + 1];
    }
  }
  return s;
}

StepPoints steps_post(std::span<const double> x, std::span<const double> y) {
  check_lengths(x.size(), y.size(), "steps_post");
  StepPoints s;
  const std::size_t n = x.size();
  if (n == 0) return s;
  s.x.resize(2 * n - 1);
  s.y.resize(2 * n - 1);
  for (std::size_t k = 0; k < n; ++k) {
    s.x[2 * k] = x[k];
    s.y[2 * k] = y[k];
    if (k + 1 < n) {
      s.x[2 * k + 1] = x[k + 1];
      s.y[2 * k + 1] = y[k];
    }
  }
  return s;
}

StepPoints steps_mid(std::span<const double> x, std::span<const double> y) {
  check_lengths(x.size(), y.size(), "steps_mid");
  StepPoints s;
  const std::size_t n = x.size();
  if (n == 0) return s;
  s.x.resize(2 * n);
  s.y.resize(2 * n);
  s.x.front() = x.front();
  s.x.back() = x.back();
  for (std::size_t k = 0; k + 1 < n; ++k) {
    const double mid = (x[k] + x[k + 1]) / 2;
    s.x[2 * k + 1] = mid;
    s.x[2 * k + 2] = mid;
  }
  for (std::size_t k = 0; k < n; ++k) {
    s.y[2 * k] = y[k];
    s.y[2 * k + 1] = y[k];
  }
  return s;
}

StepPoints apply_drawstyle(DrawStyle style, std::span<const double> x, std::span<const double> y) {
  switch (style) {
    case DrawStyle::steps_pre:
      return steps_pre(x, y);
    case DrawStyle::steps_mid:
      return steps_mid(x, y);
    case DrawStyle::steps_post:
      return steps_post(x, y);
    case DrawStyle::default_style:
      break;
  }
  check_lengths(x.size(), y.size(), "apply_drawstyle");
  return {std::vector<double>(x.begin(), x.end()), std::vector<double>(y.begin(), y.end())};
}

// ---- plot format strings ----

PlotFormat parse_plot_format(std::string_view spec, bool ambiguous_fmt_datakey) {
  // Is the whole string a color? ("1" is the tri_down marker, not the gray level; so is "0" not
  // taken as black, and fails below as matplotlib's does.)
  if (is_color_like(spec) && !is_canonical_int(spec)) {
    return {std::nullopt, std::nullopt, to_rgba(Color(spec))};
  }
  const std::string quoted = detail::py_repr(spec);
  auto fail = [&](std::string_view why) {
    if (ambiguous_fmt_datakey) {
      return ValueError(
          fmt::format("{} is neither a data key nor a valid format string ({})", quoted, why));
    }
    return ValueError(fmt::format("{} is not a valid format string ({})", quoted, why));
  };
  constexpr std::string_view kMarkers = ".,ov^<>12348sp*hH+xDd|_PX";
  constexpr std::string_view kColors = "bgrcmykw";
  PlotFormat out;
  std::size_t i = 0;
  while (i < spec.size()) {
    const char c = spec[i];
    const std::string_view two = spec.substr(i, 2);
    if (two == "--" || two == "-." || (two.size() == 1 && (two == "-" || two == ":"))) {
      // A two-character style, or a one-character style at the end (spec[i:i+2]).
      if (out.linestyle) throw fail("two linestyle symbols");
      out.linestyle = std::string(two);
      i += 2;
    } else if (c == '-' || c == ':' || c == ' ') {
      if (out.linestyle) throw fail("two linestyle symbols");
      out.linestyle = std::string(1, c);
      i += 1;
    } else if (kMarkers.find(c) != std::string_view::npos) {
      if (out.marker) throw fail("two marker symbols");
      out.marker = std::string(1, c);
      i += 1;
    } else if (kColors.find(c) != std::string_view::npos) {
      if (out.color) throw fail("two color symbols");
      out.color = to_rgba(Color(std::string(1, c)));
      i += 1;
    } else if (c == 'C' && i + 1 < spec.size()) {
      const std::string_view digit = char_at(spec, i + 1);
      if (digit.size() != 1 || digit[0] < '0' || digit[0] > '9') {
        throw ValueError(
            fmt::format("invalid literal for int() with base 10: {}", detail::py_repr(digit)));
      }
      out.color = to_rgba(Color(fmt::format("C{}", digit)));
      i += 2;
    } else {
      throw fail(fmt::format("unrecognized character {}", detail::py_repr(char_at(spec, i))));
    }
  }
  if (!out.linestyle && !out.marker) out.linestyle = rc().get_string("lines.linestyle");
  if (!out.linestyle) out.linestyle = "None";
  if (!out.marker) out.marker = "None";
  return out;
}

}  // namespace strata
