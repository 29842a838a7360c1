// SPDX-License-Identifier: MIT
// Color parsing (matplotlib's colors.py _to_rgba_no_colorcycle, to_rgba, to_hex).
#include "strata/colors/color.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "colors/color_data.hpp"
#include "colors/pyfmt.hpp"
#include "strata/error.hpp"
#include "strata/style/rcparams.hpp"

namespace strata {

namespace detail {

std::string py_float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::string s = fmt::format("{}", v);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

}  // namespace detail

namespace {

const detail::ColorMapEntry* find_named(std::string_view name) {
  const auto* first = detail::k_color_map;
  const auto* last = detail::k_color_map + detail::k_color_map_size;
  const auto* it =
      std::lower_bound(first, last, name, [](const detail::ColorMapEntry& e, std::string_view n) {
        return std::string_view(e.name) < n;
      });
  if (it != last && std::string_view(it->name) == name) return it;
  return nullptr;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool all_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return hex_digit(c) >= 0; });
}

double hex_pair(char hi, char lo) { return (hex_digit(hi) * 16 + hex_digit(lo)) / 255.0; }

bool is_nth_color(std::string_view s) {
  return s.size() >= 2 && s[0] == 'C' &&
         std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void check_channels(const Rgba& c) {
  for (double v : {c.r, c.g, c.b, c.a}) {
    if (!(v >= 0.0 && v <= 1.0)) {
      throw ValueError(fmt::format("RGBA values should be within 0-1 range, got ({}, {}, {}, {})",
                                   c.r, c.g, c.b, c.a));
    }
  }
}

}  // namespace

Color::Color(std::string_view spec) { parse(spec); }
Color::Color(const char* spec) { parse(spec == nullptr ? std::string_view("none") : spec); }
Color::Color(const std::string& spec) { parse(spec); }
Color::Color(Rgba rgba) : rgba_(rgba) { check_channels(rgba_); }
Color::Color(double r, double g, double b, double a) : rgba_{r, g, b, a} { check_channels(rgba_); }

void Color::parse(std::string_view spec) {
  if (is_nth_color(spec)) {
    // matplotlib accepts any digits; the index is taken modulo the cycle length.
    long long n = 0;
    for (char c : spec.substr(1)) n = std::min<long long>(n * 10 + (c - '0'), 1'000'000'000LL);
    kind_ = Kind::cycle;
    cycle_ = static_cast<int>(n);
    return;
  }
  if (detail::py_lower(spec) == "none") {
    kind_ = Kind::none;
    rgba_ = colors::transparent;
    return;
  }
  const detail::ColorMapEntry* named = find_named(spec);
  if (named == nullptr && spec.size() != 1) named = find_named(detail::py_lower(spec));
  if (named != nullptr) {
    rgba_ = {named->r, named->g, named->b, named->a};
    return;
  }
  if (!spec.empty() && spec[0] == '#' && all_hex(spec.substr(1))) {
    const std::string_view h = spec.substr(1);
    if (h.size() == 6 || h.size() == 8) {
      rgba_ = {hex_pair(h[0], h[1]), hex_pair(h[2], h[3]), hex_pair(h[4], h[5]),
               h.size() == 8 ? hex_pair(h[6], h[7]) : 1.0};
      return;
    }
    if (h.size() == 3 || h.size() == 4) {
      rgba_ = {hex_pair(h[0], h[0]), hex_pair(h[1], h[1]), hex_pair(h[2], h[2]),
               h.size() == 4 ? hex_pair(h[3], h[3]) : 1.0};
      return;
    }
  }
  if (const auto gray = detail::py_float(spec)) {
    if (!(*gray >= 0.0 && *gray <= 1.0)) {
      throw ValueError(
          fmt::format("Invalid string grayscale value {}. Value must be within 0-1 range",
                      detail::py_repr(spec)));
    }
    rgba_ = {*gray, *gray, *gray, 1.0};
    return;
  }
  throw ValueError(fmt::format("{} is not a valid color value.", detail::py_repr(spec)));
}

std::optional<int> Color::cycle_index() const {
  if (kind_ == Kind::cycle) return cycle_;
  return std::nullopt;
}

Rgba Color::rgba() const {
  if (kind_ != Kind::cycle) return rgba_;
  const std::vector<Rgba> cycle = rc().get_color_cycle();
  if (cycle.empty()) return colors::black;  // matplotlib: by_key().get('color', ['k'])
  return cycle[static_cast<std::size_t>(cycle_) % cycle.size()];
}

Rgba to_rgba(const Color& c, std::optional<double> alpha) {
  if (c.is_none()) return colors::transparent;
  Rgba out = c.rgba();
  if (alpha) {
    if (!(*alpha >= 0.0 && *alpha <= 1.0)) {
      throw ValueError(fmt::format("alpha ({}) is outside 0-1 range", *alpha));
    }
    out.a = *alpha;
  }
  return out;
}

std::string to_hex(const Color& c, bool keep_alpha) {
  const Rgba v = to_rgba(c);
  // Python's round() rounds half to even, as does nearbyint in the default rounding mode.
  const auto byte = [](double x) { return static_cast<unsigned>(std::nearbyint(x * 255.0)); };
  if (keep_alpha)
    return fmt::format("#{:02x}{:02x}{:02x}{:02x}", byte(v.r), byte(v.g), byte(v.b), byte(v.a));
  return fmt::format("#{:02x}{:02x}{:02x}", byte(v.r), byte(v.g), byte(v.b));
}

bool is_color_like(std::string_view spec) {
  try {
    Color c(spec);
    (void)c;
    return true;
  } catch (const ValueError&) {
    return false;
  }
}

std::vector<NamedColor> named_colors(ColorTable table) {
  const detail::NamedColorEntry* data = nullptr;
  std::size_t n = 0;
  switch (table) {
    case ColorTable::base:
      data = detail::k_base_colors;
      n = detail::k_base_colors_size;
      break;
    case ColorTable::tableau:
      data = detail::k_tableau_colors;
      n = detail::k_tableau_colors_size;
      break;
    case ColorTable::css4:
      data = detail::k_css4_colors;
      n = detail::k_css4_colors_size;
      break;
    case ColorTable::xkcd:
      data = detail::k_xkcd_colors;
      n = detail::k_xkcd_colors_size;
      break;
  }
  std::vector<NamedColor> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back({data[i].name, data[i].hex});
  return out;
}

}  // namespace strata
