// SPDX-License-Identifier: MIT
// Colormaps (matplotlib's colors.py Colormap/ListedColormap/LinearSegmentedColormap,
// _create_lookup_table, and cm.py's registry).
#include "strata/colors/colormap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <mutex>
#include <numbers>

#include "colors/colormap_data.hpp"
#include "strata/colors/normalize.hpp"
#include "strata/error.hpp"

namespace strata {

namespace {

// np.linspace(0, 1, n): i * step, the last exactly 1.
double linspace01(int i, int n) {
  if (n == 1) return 0.0;
  if (i == n - 1) return 1.0;
  const double step = 1.0 / (n - 1);
  return i * step;
}

double clip01(double v) { return std::clamp(v, 0.0, 1.0); }

// The functions matplotlib's _cm.py samples (ids from tools/gen_colormaps.py).
double cmap_function(int id, double x) {
  constexpr double pi = std::numbers::pi;
  switch (id) {
    case 0:
      return 0;
    case 1:
      return 0.5;
    case 2:
      return 1;
    case 3:
      return x;
    case 4:
      return x * x;
    case 5:
      return std::pow(x, 3);
    case 6:
      return std::pow(x, 4);
    case 7:
      return std::sqrt(x);
    case 8:
      return std::sqrt(std::sqrt(x));
    case 9:
      return std::sin(x * pi / 2);
    case 10:
      return std::cos(x * pi / 2);
    case 11:
      return std::abs(x - 0.5);
    case 12:
      return (2 * x - 1) * (2 * x - 1);
    case 13:
      return std::sin(x * pi);
    case 14:
      return std::abs(std::cos(x * pi));
    case 15:
      return std::sin(x * 2 * pi);
    case 16:
      return std::cos(x * 2 * pi);
    case 17:
      return std::abs(std::sin(x * 2 * pi));
    case 18:
      return std::abs(std::cos(x * 2 * pi));
    case 19:
      return std::abs(std::sin(x * 4 * pi));
    case 20:
      return std::abs(std::cos(x * 4 * pi));
    case 21:
      return 3 * x;
    case 22:
      return 3 * x - 1;
    case 23:
      return 3 * x - 2;
    case 24:
      return std::abs(3 * x - 1);
    case 25:
      return std::abs(3 * x - 2);
    case 26:
      return (3 * x - 1) / 2;
    case 27:
      return (3 * x - 2) / 2;
    case 28:
      return std::abs((3 * x - 1) / 2);
    case 29:
      return std::abs((3 * x - 2) / 2);
    case 30:
      return x / 0.32 - 0.78125;
    case 31:
      return 2 * x - 0.84;
    case 32:
      return x < 0.25 ? 4 * x : (x < 0.92 ? -2 * x + 1.84 : x / 0.08 - 11.5);
    case 33:
      return std::abs(2 * x - 0.5);
    case 34:
      return 2 * x;
    case 35:
      return 2 * x - 0.5;
    case 36:
      return 2 * x - 1;
    case 40:
      return 0.75 * std::sin((x * 31.5 + 0.25) * pi) + 0.5;
    case 41:
      return std::sin(x * 31.5 * pi);
    case 42:
      return 0.75 * std::sin((x * 31.5 - 0.25) * pi) + 0.5;
    case 43:
      return 0.75 * std::sin((x * 20.9 + 0.25) * pi) + 0.67;
    case 44:
      return 0.75 * std::sin((x * 20.9 - 0.25) * pi) + 0.33;
    case 45:
      return -1.1 * std::sin((x * 20.9) * pi);
    case 46:
      return 1.5 * x;
    case 47:
      return 2 * x - 1;
    case 48:
      return 4 * x - 3;
    case 49:
      return 1 - x;
    case 50:
    case 51:
    case 52: {  // _ch_helper(gamma=1, s=0.5, r=-1.5, h=1, p0, p1, x)
      static constexpr double p[3][2] = {{-0.14861, 1.78277}, {-0.29227, -0.90649}, {1.97294, 0.0}};
      const double xg = x;  // x ** 1.0
      const double a = 1.0 * xg * (1 - xg) / 2;
      const double phi = 2 * pi * (0.5 / 3 + -1.5 * x);
      return xg + a * (p[id - 50][0] * std::cos(phi) + p[id - 50][1] * std::sin(phi));
    }
    default:
      break;
  }
  throw Error(fmt::format("internal error: unknown colormap function {}", id));
}

}  // namespace

// ---- _create_lookup_table ----

std::vector<double> create_lookup_table(int N, const SegmentChannel& data, double gamma) {
  if (N < 1) throw ValueError(fmt::format("N must be at least 1, got {}", N));
  std::vector<double> lut(static_cast<std::size_t>(N));
  if (data.func) {
    for (int i = 0; i < N; ++i) {
      const double x = gamma == 1.0 ? linspace01(i, N) : std::pow(linspace01(i, N), gamma);
      lut[static_cast<std::size_t>(i)] = clip01(data.func(x));
    }
    return lut;
  }
  const auto& rows = data.rows;
  if (rows.empty() || rows.front().x != 0.0 || rows.back().x != 1.0) {
    throw ValueError("data mapping points must start with x=0 and end with x=1");
  }
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].x < rows[i - 1].x)
      throw ValueError("data mapping points must have x in increasing order");
  }
  if (N == 1) {
    lut[0] = clip01(rows.back().y0);
    return lut;
  }
  std::vector<double> x(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) x[i] = rows[i].x * (N - 1);
  lut.front() = rows.front().y1;
  lut.back() = rows.back().y0;
  for (int i = 1; i < N - 1; ++i) {
    const double lin = gamma == 1.0 ? linspace01(i, N) : std::pow(linspace01(i, N), gamma);
    const double xind = (N - 1) * lin;
    // np.searchsorted(x, xind) (side left): first index with x[ind] >= xind.
    const auto ind =
        static_cast<std::size_t>(std::lower_bound(x.begin(), x.end(), xind) - x.begin());
    const double distance = (xind - x[ind - 1]) / (x[ind] - x[ind - 1]);
    lut[static_cast<std::size_t>(i)] =
        distance * (rows[ind].y0 - rows[ind - 1].y1) + rows[ind - 1].y1;
  }
  for (double& v : lut) v = clip01(v);
  return lut;
}

// ---- Colormap ----

Colormap::Colormap(std::string name, int n) : name_(std::move(name)), n_(n) {
  if (n_ < 1) throw ValueError(fmt::format("N must be at least 1, got {}", n_));
  lut_.assign(static_cast<std::size_t>(n_) + 3, Rgba{});
}

void Colormap::set_extremes_lut() {
  const auto n = static_cast<std::size_t>(n_);
  lut_[n] = rgba_under_ ? *rgba_under_ : lut_[0];
  lut_[n + 1] = rgba_over_ ? *rgba_over_ : lut_[n - 1];
  lut_[n + 2] = rgba_bad_;
}

void Colormap::copy_extremes_from(const Colormap& other, bool swap) {
  rgba_bad_ = other.rgba_bad_;
  rgba_under_ = swap ? other.rgba_over_ : other.rgba_under_;
  rgba_over_ = swap ? other.rgba_under_ : other.rgba_over_;
  set_extremes_lut();
}

Rgba Colormap::operator()(double x, std::optional<double> alpha) const {
  std::size_t idx = 0;
  const auto n = static_cast<std::size_t>(n_);
  if (std::isnan(x)) {
    idx = n + 2;
  } else {
    double xa = x * n_;
    if (xa < 0) xa = -1;
    if (xa == n_) xa = n_ - 1;
    xa = std::clamp(xa, -1.0, static_cast<double>(n_));
    const auto i = static_cast<long long>(xa);
    idx = i > n_ - 1 ? n + 1 : (i < 0 ? n : static_cast<std::size_t>(i));
  }
  Rgba c = lut_[idx];
  if (alpha) {
    c.a = std::clamp(*alpha, 0.0, 1.0);
    if (idx == n + 2 && rgba_bad_ == Rgba{0, 0, 0, 0}) c = Rgba{0, 0, 0, 0};
  }
  return c;
}

Rgba Colormap::at_index(long long i) const {
  const auto n = static_cast<std::size_t>(n_);
  if (i > n_ - 1) return lut_[n + 1];
  if (i < 0) return lut_[n];
  return lut_[static_cast<std::size_t>(i)];
}

void Colormap::set_bad(const Color& color, std::optional<double> alpha) {
  rgba_bad_ = to_rgba(color, alpha);
  set_extremes_lut();
}
void Colormap::set_under(const Color& color, std::optional<double> alpha) {
  rgba_under_ = to_rgba(color, alpha);
  set_extremes_lut();
}
void Colormap::set_over(const Color& color, std::optional<double> alpha) {
  rgba_over_ = to_rgba(color, alpha);
  set_extremes_lut();
}

void Colormap::set_extremes(const ColormapExtremes& e) {
  if (e.bad) set_bad(*e.bad);
  if (e.under) set_under(*e.under);
  if (e.over) set_over(*e.over);
}

std::shared_ptr<Colormap> Colormap::with_extremes(const ColormapExtremes& e) const {
  auto c = copy();
  c->set_extremes(e);
  return c;
}

bool Colormap::is_gray() const {
  return std::all_of(lut_.begin(), lut_.end(),
                     [](const Rgba& c) { return c.r == c.g && c.r == c.b; });
}

// ---- ListedColormap ----

ListedColormap::ListedColormap(std::vector<Rgba> colors, std::string name, std::optional<int> N)
    : Colormap(std::move(name), N.value_or(static_cast<int>(colors.size()))) {
  if (colors.empty()) throw ValueError("ListedColormap needs at least one color");
  colors_.reserve(static_cast<std::size_t>(n_));
  for (int i = 0; i < n_; ++i)
    colors_.push_back(colors[static_cast<std::size_t>(i) % colors.size()]);
  std::copy(colors_.begin(), colors_.end(), lut_.begin());
  set_extremes_lut();
}

std::shared_ptr<Colormap> ListedColormap::copy() const {
  return std::make_shared<ListedColormap>(*this);
}

std::shared_ptr<Colormap> ListedColormap::reversed(std::optional<std::string> name) const {
  std::vector<Rgba> r(colors_.rbegin(), colors_.rend());
  auto out = std::make_shared<ListedColormap>(std::move(r), name.value_or(name_ + "_r"), n_);
  out->copy_extremes_from(*this, true);
  return out;
}

std::shared_ptr<Colormap> ListedColormap::resampled(int lutsize) const {
  // matplotlib: colors = self(np.linspace(0, 1, lutsize))
  std::vector<Rgba> c;
  c.reserve(static_cast<std::size_t>(std::max(lutsize, 0)));
  for (int i = 0; i < lutsize; ++i) c.push_back((*this)(linspace01(i, lutsize)));
  auto out = std::make_shared<ListedColormap>(std::move(c), name_);
  out->copy_extremes_from(*this, false);
  return out;
}

// ---- LinearSegmentedColormap ----

LinearSegmentedColormap::LinearSegmentedColormap(std::string name, SegmentData segmentdata, int N,
                                                 double gamma)
    : Colormap(std::move(name), N), data_(std::move(segmentdata)), gamma_(gamma) {
  const auto r = create_lookup_table(n_, data_.red, gamma_);
  const auto g = create_lookup_table(n_, data_.green, gamma_);
  const auto b = create_lookup_table(n_, data_.blue, gamma_);
  std::vector<double> a;
  if (data_.alpha) a = create_lookup_table(n_, *data_.alpha, 1.0);
  for (std::size_t i = 0; i < static_cast<std::size_t>(n_); ++i) {
    lut_[i] = {r[i], g[i], b[i], data_.alpha ? a[i] : 1.0};
  }
  set_extremes_lut();
}

std::shared_ptr<LinearSegmentedColormap> LinearSegmentedColormap::from_list(
    std::string name, const std::vector<Color>& colors, int N, double gamma) {
  if (colors.empty()) throw ValueError("from_list needs at least one color");
  SegmentData d;
  d.alpha.emplace();
  const int n = static_cast<int>(colors.size());
  for (int i = 0; i < n; ++i) {
    const Rgba c = to_rgba(colors[static_cast<std::size_t>(i)]);
    const double v = linspace01(i, n);
    d.red.rows.push_back({v, c.r, c.r});
    d.green.rows.push_back({v, c.g, c.g});
    d.blue.rows.push_back({v, c.b, c.b});
    d.alpha->rows.push_back({v, c.a, c.a});
  }
  return std::make_shared<LinearSegmentedColormap>(std::move(name), std::move(d), N, gamma);
}

std::shared_ptr<Colormap> LinearSegmentedColormap::copy() const {
  return std::make_shared<LinearSegmentedColormap>(*this);
}

std::shared_ptr<Colormap> LinearSegmentedColormap::reversed(std::optional<std::string> name) const {
  const auto rev = [](const SegmentChannel& ch) {
    SegmentChannel out;
    if (ch.func) {
      out.func = [f = ch.func](double x) { return f(1.0 - x); };
    } else {
      for (auto it = ch.rows.rbegin(); it != ch.rows.rend(); ++it)
        out.rows.push_back({1.0 - it->x, it->y1, it->y0});
    }
    return out;
  };
  SegmentData d{rev(data_.red), rev(data_.green), rev(data_.blue), std::nullopt};
  if (data_.alpha) d.alpha = rev(*data_.alpha);
  auto out = std::make_shared<LinearSegmentedColormap>(name.value_or(name_ + "_r"), std::move(d),
                                                       n_, gamma_);
  out->copy_extremes_from(*this, true);
  return out;
}

std::shared_ptr<Colormap> LinearSegmentedColormap::resampled(int lutsize) const {
  auto out = std::make_shared<LinearSegmentedColormap>(name_, data_, lutsize, gamma_);
  out->copy_extremes_from(*this, false);
  return out;
}

// ---- registry ----

namespace {

std::shared_ptr<Colormap> build_builtin(const detail::BuiltinCmap& b) {
  const double* v = detail::k_cmap_values;
  if (b.type == 0) {
    std::vector<Rgba> colors;
    colors.reserve(static_cast<std::size_t>(b.count));
    for (int i = 0; i < b.count; ++i) {
      const double* c = v + b.offset + 4 * i;
      colors.push_back({c[0], c[1], c[2], c[3]});
    }
    return std::make_shared<ListedColormap>(std::move(colors), b.name, b.n);
  }
  const auto channel = [&](const detail::CmapChannel& ch) {
    SegmentChannel out;
    if (ch.kind == 1) {
      const int id = ch.offset;
      out.func = [id](double x) { return cmap_function(id, x); };
    } else {
      for (int i = 0; i < ch.count; ++i) {
        const double* r = v + ch.offset + 3 * i;
        out.rows.push_back({r[0], r[1], r[2]});
      }
    }
    return out;
  };
  SegmentData d{channel(b.channels[0]), channel(b.channels[1]), channel(b.channels[2]),
                std::nullopt};
  if (b.channels[3].kind >= 0) d.alpha = channel(b.channels[3]);
  return std::make_shared<LinearSegmentedColormap>(b.name, std::move(d), b.n);
}

struct Registry {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const Colormap>, std::less<>> cache;  // built on demand
  std::map<std::string, std::shared_ptr<const Colormap>, std::less<>> user;

  static const detail::BuiltinCmap* builtin(std::string_view name) {
    for (std::size_t i = 0; i < detail::k_builtin_cmaps_size; ++i) {
      if (name == detail::k_builtin_cmaps[i].name) return &detail::k_builtin_cmaps[i];
    }
    return nullptr;
  }
  static bool is_builtin(std::string_view name) {
    if (builtin(name)) return true;
    return name.size() > 2 && name.substr(name.size() - 2) == "_r" &&
           builtin(name.substr(0, name.size() - 2));
  }
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

std::shared_ptr<const Colormap> get_cmap(std::string_view name) {
  Registry& reg = registry();
  std::lock_guard lock(reg.mutex);
  if (auto it = reg.user.find(name); it != reg.user.end()) return it->second;
  if (auto it = reg.cache.find(name); it != reg.cache.end()) return it->second;
  std::shared_ptr<const Colormap> made;
  if (const auto* b = Registry::builtin(name)) {
    made = build_builtin(*b);
  } else if (name.size() > 2 && name.substr(name.size() - 2) == "_r") {
    if (const auto* base = Registry::builtin(name.substr(0, name.size() - 2)))
      made = build_builtin(*base)->reversed();
  }
  if (!made) {
    throw ValueError(
        fmt::format("{:?} is not a valid value for cmap; supported values are the names "
                    "listed by colormap_names() (e.g. 'viridis', 'jet', 'tab10')",
                    std::string(name)));
  }
  reg.cache.emplace(std::string(name), made);
  return made;
}

void register_cmap(const Colormap& cmap, std::optional<std::string> name, bool force) {
  const std::string n = name.value_or(cmap.name());
  Registry& reg = registry();
  std::lock_guard lock(reg.mutex);
  if (Registry::is_builtin(n))
    throw ValueError(fmt::format("Re-registering the builtin cmap '{}' is not allowed.", n));
  if (reg.user.count(n) && !force)
    throw ValueError(fmt::format("A colormap named \"{}\" is already registered.", n));
  reg.user[n] = cmap.copy();
}

std::vector<std::string> colormap_names() {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < detail::k_builtin_cmaps_size; ++i) {
    out.emplace_back(detail::k_builtin_cmaps[i].name);
    out.push_back(std::string(detail::k_builtin_cmaps[i].name) + "_r");
  }
  {
    Registry& reg = registry();
    std::lock_guard lock(reg.mutex);
    for (const auto& [k, v] : reg.user) out.push_back(k);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// ---- fast image path ----

void map_to_rgba8(std::span<const double> values, Normalize& norm, const Colormap& cmap,
                  std::span<std::uint8_t> out, std::optional<double> alpha) {
  if (out.size() != 4 * values.size()) {
    throw ValueError(
        fmt::format("out has {} bytes, expected 4 * {} values", out.size(), values.size()));
  }
  // (lut * 255).astype(uint8): truncation, as matplotlib's bytes=True.
  const auto lut = cmap.lut();
  std::vector<std::array<std::uint8_t, 4>> lut8(lut.size());
  for (std::size_t i = 0; i < lut.size(); ++i) {
    const Rgba& c = lut[i];
    lut8[i] = {static_cast<std::uint8_t>(c.r * 255), static_cast<std::uint8_t>(c.g * 255),
               static_cast<std::uint8_t>(c.b * 255), static_cast<std::uint8_t>(c.a * 255)};
  }
  std::optional<std::uint8_t> a8;
  if (alpha) a8 = static_cast<std::uint8_t>(std::clamp(*alpha, 0.0, 1.0) * 255);
  const bool bad_is_zero = cmap.get_bad() == Rgba{0, 0, 0, 0};
  std::vector<double> normed(values.size());
  norm.process(values, normed);
  const int n = cmap.N();
  const auto un = static_cast<std::size_t>(n);
  const bool indices = norm.returns_indices();
  for (std::size_t k = 0; k < normed.size(); ++k) {
    const double x = normed[k];
    std::size_t idx;
    if (std::isnan(x)) {
      idx = un + 2;
    } else {
      double xa = indices ? x : x * n;
      if (!indices) {
        if (xa < 0) xa = -1;
        if (xa == n) xa = n - 1;
      }
      xa = std::clamp(xa, -1.0, static_cast<double>(n));
      const auto i = static_cast<long long>(xa);
      idx = i > n - 1 ? un + 1 : (i < 0 ? un : static_cast<std::size_t>(i));
    }
    auto px = lut8[idx];
    if (a8) {
      px[3] = *a8;
      if (idx == un + 2 && bad_is_zero) px = {0, 0, 0, 0};
    }
    std::copy(px.begin(), px.end(), out.begin() + static_cast<std::ptrdiff_t>(4 * k));
  }
}

}  // namespace strata
