// SPDX-License-Identifier: MIT
#include "strata/data/func_container.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "strata/error.hpp"
#include "strata/transforms/transform.hpp"

namespace strata {

namespace {

void check_options(double per_pixel, std::size_t lo, std::size_t hi, const char* who) {
  if (!(per_pixel > 0.0) || !std::isfinite(per_pixel)) {
    throw ValueError(
        fmt::format("{}: samples_per_pixel must be finite and > 0, got {}", who, per_pixel));
  }
  if (lo < 1) throw ValueError(fmt::format("{}: min_samples must be >= 1, got {}", who, lo));
  if (hi < lo) {
    throw ValueError(fmt::format("{}: max_samples ({}) must be >= min_samples ({})", who, hi, lo));
  }
}

void check_pixels(Size pixels) {
  if (!(pixels.width >= 0.0) || !(pixels.height >= 0.0) || !std::isfinite(pixels.width) ||
      !std::isfinite(pixels.height)) {
    throw ValueError(fmt::format("FuncContainer.query: pixels must be finite and >= 0, got {} x {}",
                                 pixels.width, pixels.height));
  }
}

}  // namespace

FuncContainer::FuncContainer(Function f, const FuncOptions& opts)
    : FuncContainer(std::map<std::string, Function>{{"y", std::move(f)}}, opts) {}

FuncContainer::FuncContainer(std::map<std::string, Function> outputs, const FuncOptions& opts)
    : id_(new_container_id()), outputs_(std::move(outputs)), opts_(opts) {
  check_options(opts_.samples_per_pixel, opts_.min_samples, opts_.max_samples, "FuncContainer");
  if (outputs_.empty())
    throw ValueError("FuncContainer: outputs is empty (need at least one function)");
  for (const auto& [name, f] : outputs_) {
    if (name.empty() || name == "x") {
      throw ValueError(fmt::format("FuncContainer: output name '{}' is reserved or empty", name));
    }
    if (!f) throw ValueError(fmt::format("FuncContainer: function '{}' is empty", name));
  }
}

FuncContainer::FuncContainer(Curve curve, double t_min, double t_max, const ParametricOptions& opts)
    : id_(new_container_id()),
      curve_(std::move(curve)),
      t_min_(t_min),
      t_max_(t_max),
      popts_(opts) {
  if (!curve_) throw ValueError("FuncContainer: curve is empty");
  if (!std::isfinite(t_min) || !std::isfinite(t_max)) {
    throw ValueError(
        fmt::format("FuncContainer: t range must be finite, got [{}, {}]", t_min, t_max));
  }
  if (popts_.samples && *popts_.samples < 2) {
    throw ValueError(fmt::format("FuncContainer: samples must be >= 2, got {}", *popts_.samples));
  }
  check_options(2.0, popts_.min_samples, popts_.max_samples, "FuncContainer");
}

std::size_t FuncContainer::intervals(double width, double per_pixel, std::size_t lo,
                                     std::size_t hi) {
  const double want = std::ceil(per_pixel * width);
  if (!(want < static_cast<double>(hi))) return hi;  // also catches huge widths
  const auto n = static_cast<std::size_t>(want);
  return n < lo ? lo : n;
}

std::map<std::string, FieldDesc> FuncContainer::describe() const {
  std::map<std::string, FieldDesc> d;
  d.emplace("x", FieldDesc{});
  if (curve_) {
    d.emplace("t", FieldDesc{});
    d.emplace("y", FieldDesc{});
  } else {
    for (const auto& [name, f] : outputs_) d.emplace(name, FieldDesc{});
  }
  return d;
}

QueryResult FuncContainer::query(const Transform& axes_to_data, Size pixels) const {
  check_pixels(pixels);
  std::lock_guard lock(mutex_);

  if (curve_) {
    const std::size_t n =
        popts_.samples ? *popts_.samples - 1
                       : intervals(pixels.width, 2.0, popts_.min_samples, popts_.max_samples);
    CacheKey key{{id_, static_cast<std::uint64_t>(n + 1)}};
    if (last_ && last_->key == key) return *last_;
    std::vector<double> t(n + 1), x(n + 1), y(n + 1);
    for (std::size_t i = 0; i <= n; ++i) {
      // numpy.linspace: start + i * step, the last value exactly the end.
      t[i] = i == n
                 ? t_max_
                 : t_min_ + static_cast<double>(i) * ((t_max_ - t_min_) / static_cast<double>(n));
      const Point p = curve_(t[i]);
      x[i] = p.x;
      y[i] = p.y;
    }
    QueryResult r;
    r.columns.emplace("t", Column::from_vector(std::move(t)));
    r.columns.emplace("x", Column::from_vector(std::move(x)));
    r.columns.emplace("y", Column::from_vector(std::move(y)));
    r.key = std::move(key);
    last_ = r;
    return r;
  }

  const std::size_t n =
      intervals(pixels.width, opts_.samples_per_pixel, opts_.min_samples, opts_.max_samples);
  // The view edges first: they are part of the key, so a hit costs two point transforms.
  const double x_first = axes_to_data.transform(Point{0.0, 0.5}).x;
  const double x_last = axes_to_data.transform(Point{1.0, 0.5}).x;
  CacheKey key{{id_, axes_to_data.id(), axes_to_data.version(), key_bits(pixels.width),
                key_bits(pixels.height), key_bits(x_first), key_bits(x_last)}};
  if (last_ && last_->key == key) return *last_;

  std::vector<Point> pts(n + 1);
  for (std::size_t i = 0; i <= n; ++i) {
    pts[i] = Point{i == n ? 1.0 : static_cast<double>(i) / static_cast<double>(n), 0.5};
  }
  axes_to_data.transform_points(pts);
  std::vector<double> x(n + 1);
  for (std::size_t i = 0; i <= n; ++i) x[i] = pts[i].x;
  // The end points exactly as in the key (transform_points may round differently from
  // transform on some nodes).
  x.front() = x_first;
  x.back() = x_last;

  QueryResult r;
  for (const auto& [name, f] : outputs_) {
    std::vector<double> y(n + 1);
    for (std::size_t i = 0; i <= n; ++i) y[i] = f(x[i]);
    r.columns.emplace(name, Column::from_vector(std::move(y)));
  }
  r.columns.emplace("x", Column::from_vector(std::move(x)));
  r.key = std::move(key);
  last_ = r;
  return r;
}

}  // namespace strata
