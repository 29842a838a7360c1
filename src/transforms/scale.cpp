// SPDX-License-Identifier: MIT
#include "strata/transforms/scale.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <numbers>

#include "strata/error.hpp"
#include "strata/transforms/transforms.hpp"

namespace strata {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// matplotlib's clip value: far below log10 of the smallest double (~-323), yet finite and
// small enough for every backend.
constexpr double kClip = 1000.0;

void check_log_base(const char* who, double base) {
  if (!(base > 0) || base == 1 || !std::isfinite(base)) {
    throw ValueError(fmt::format("{}: base must be > 0 and != 1, got {}", who, base));
  }
}

bool parse_nonpositive(const char* who, std::string_view nonpositive) {
  if (nonpositive == "clip") return true;
  if (nonpositive == "mask") return false;
  throw ValueError(
      fmt::format("{}: nonpositive must be 'clip' or 'mask', got '{}'", who, nonpositive));
}

void check_symlog(const char* who, double base, double linthresh, double linscale) {
  if (!(base > 1) || !std::isfinite(base)) {
    throw ValueError(fmt::format("{}: base must be > 1, got {}", who, base));
  }
  if (!(linthresh > 0) || !std::isfinite(linthresh)) {
    throw ValueError(fmt::format("{}: linthresh must be > 0, got {}", who, linthresh));
  }
  if (!(linscale > 0) || !std::isfinite(linscale)) {
    throw ValueError(fmt::format("{}: linscale must be > 0, got {}", who, linscale));
  }
}

void check_functions(const char* who, const std::function<double(double)>& forward,
                     const std::function<double(double)>& inverse) {
  if (!forward || !inverse) {
    throw ValueError(fmt::format("{}: forward and inverse must both be set, got {} and {}", who,
                                 forward ? "a function" : "an empty function",
                                 inverse ? "a function" : "an empty function"));
  }
}

}  // namespace

// ---- LogTransform ----

LogTransform::LogTransform(double base, bool clip) : base_(base), clip_(clip) {}

std::shared_ptr<LogTransform> LogTransform::make(double base, std::string_view nonpositive) {
  check_log_base("LogTransform", base);
  const bool clip = parse_nonpositive("LogTransform", nonpositive);
  return std::shared_ptr<LogTransform>(new LogTransform(base, clip));
}

double LogTransform::apply(double v) const {
  if (v <= 0) return clip_ ? -kClip : kNaN;
  if (base_ == 10) return std::log10(v);
  if (base_ == 2) return std::log2(v);
  if (base_ == std::numbers::e) return std::log(v);
  return std::log(v) / std::log(base_);
}

Point LogTransform::transform_non_affine(Point p) const { return {apply(p.x), apply(p.y)}; }

void LogTransform::transform_non_affine_points(std::span<Point> pts) const {
  for (Point& p : pts) p = {apply(p.x), apply(p.y)};
}

TransformPtr LogTransform::inverted() const { return InvertedLogTransform::make(base_); }

// ---- InvertedLogTransform ----

std::shared_ptr<InvertedLogTransform> InvertedLogTransform::make(double base) {
  check_log_base("InvertedLogTransform", base);
  return std::shared_ptr<InvertedLogTransform>(new InvertedLogTransform(base));
}

double InvertedLogTransform::apply(double v) const {
  if (base_ == 2) return std::exp2(v);
  if (base_ == std::numbers::e) return std::exp(v);
  return std::pow(base_, v);
}

Point InvertedLogTransform::transform_non_affine(Point p) const { return {apply(p.x), apply(p.y)}; }

void InvertedLogTransform::transform_non_affine_points(std::span<Point> pts) const {
  for (Point& p : pts) p = {apply(p.x), apply(p.y)};
}

TransformPtr InvertedLogTransform::inverted() const { return LogTransform::make(base_, "clip"); }

// ---- SymmetricalLogTransform ----

SymmetricalLogTransform::SymmetricalLogTransform(double base, double linthresh, double linscale)
    : base_(base),
      linthresh_(linthresh),
      linscale_(linscale),
      linscale_adj_(linscale / (1.0 - 1.0 / base)),
      log_base_(std::log(base)) {}

std::shared_ptr<SymmetricalLogTransform> SymmetricalLogTransform::make(double base,
                                                                       double linthresh,
                                                                       double linscale) {
  check_symlog("SymmetricalLogTransform", base, linthresh, linscale);
  return std::shared_ptr<SymmetricalLogTransform>(
      new SymmetricalLogTransform(base, linthresh, linscale));
}

double SymmetricalLogTransform::apply(double v) const {
  if (std::isnan(v)) return v;
  const double a = std::abs(v);
  if (a <= linthresh_) return v * linscale_adj_;
  return std::copysign(linthresh_ * (linscale_adj_ + std::log(a / linthresh_) / log_base_), v);
}

Point SymmetricalLogTransform::transform_non_affine(Point p) const {
  return {apply(p.x), apply(p.y)};
}

TransformPtr SymmetricalLogTransform::inverted() const {
  return InvertedSymmetricalLogTransform::make(base_, linthresh_, linscale_);
}

// ---- InvertedSymmetricalLogTransform ----

InvertedSymmetricalLogTransform::InvertedSymmetricalLogTransform(double base, double linthresh,
                                                                 double linscale)
    : base_(base),
      linthresh_(linthresh),
      linscale_(linscale),
      linscale_adj_(linscale / (1.0 - 1.0 / base)),
      invlinthresh_(linthresh * linscale_adj_) {}

std::shared_ptr<InvertedSymmetricalLogTransform> InvertedSymmetricalLogTransform::make(
    double base, double linthresh, double linscale) {
  check_symlog("InvertedSymmetricalLogTransform", base, linthresh, linscale);
  return std::shared_ptr<InvertedSymmetricalLogTransform>(
      new InvertedSymmetricalLogTransform(base, linthresh, linscale));
}

double InvertedSymmetricalLogTransform::apply(double v) const {
  if (std::isnan(v)) return v;
  const double a = std::abs(v);
  if (a <= invlinthresh_) return v / linscale_adj_;
  return std::copysign(linthresh_ * std::pow(base_, a / linthresh_ - linscale_adj_), v);
}

Point InvertedSymmetricalLogTransform::transform_non_affine(Point p) const {
  return {apply(p.x), apply(p.y)};
}

TransformPtr InvertedSymmetricalLogTransform::inverted() const {
  return SymmetricalLogTransform::make(base_, linthresh_, linscale_);
}

// ---- LogitTransform, LogisticTransform ----

std::shared_ptr<LogitTransform> LogitTransform::make(std::string_view nonpositive) {
  const bool clip = parse_nonpositive("LogitTransform", nonpositive);
  return std::shared_ptr<LogitTransform>(new LogitTransform(clip));
}

double LogitTransform::apply(double v) const {
  if (v <= 0) return clip_ ? -kClip : kNaN;
  if (v >= 1) return clip_ ? kClip : kNaN;
  return std::log10(v / (1.0 - v));
}

Point LogitTransform::transform_non_affine(Point p) const { return {apply(p.x), apply(p.y)}; }

TransformPtr LogitTransform::inverted() const {
  return LogisticTransform::make(clip_ ? "clip" : "mask");
}

std::shared_ptr<LogisticTransform> LogisticTransform::make(std::string_view nonpositive) {
  const bool clip = parse_nonpositive("LogisticTransform", nonpositive);
  return std::shared_ptr<LogisticTransform>(new LogisticTransform(clip));
}

Point LogisticTransform::transform_non_affine(Point p) const {
  return {1.0 / (1.0 + std::pow(10.0, -p.x)), 1.0 / (1.0 + std::pow(10.0, -p.y))};
}

TransformPtr LogisticTransform::inverted() const {
  return LogitTransform::make(clip_ ? "clip" : "mask");
}

// ---- FuncTransform ----

FuncTransform::FuncTransform(std::function<double(double)> forward,
                             std::function<double(double)> inverse)
    : forward_(std::move(forward)), inverse_(std::move(inverse)) {}

std::shared_ptr<FuncTransform> FuncTransform::make(std::function<double(double)> forward,
                                                   std::function<double(double)> inverse) {
  check_functions("FuncTransform", forward, inverse);
  return std::shared_ptr<FuncTransform>(new FuncTransform(std::move(forward), std::move(inverse)));
}

Point FuncTransform::transform_non_affine(Point p) const { return {forward_(p.x), forward_(p.y)}; }

TransformPtr FuncTransform::inverted() const { return make(inverse_, forward_); }

// ---- Scales ----

ScaleBase::~ScaleBase() = default;

std::pair<double, double> ScaleBase::limit_range_for_scale(double vmin, double vmax,
                                                           double /*minpos*/) const {
  return {vmin, vmax};
}

LinearScale::LinearScale() : transform_(IdentityTransform::make()) {}

LogScale::LogScale(const LogScaleOptions& opts) : base_(opts.base) {
  check_log_base("LogScale", opts.base);
  (void)parse_nonpositive("LogScale", opts.nonpositive);
  transform_ = LogTransform::make(opts.base, opts.nonpositive);
}

std::pair<double, double> LogScale::limit_range_for_scale(double vmin, double vmax,
                                                          double minpos) const {
  if (!std::isfinite(minpos)) minpos = 1e-300;  // matplotlib's: rarely, if ever, visible
  return {vmin <= 0 ? minpos : vmin, vmax <= 0 ? minpos : vmax};
}

SymmetricalLogScale::SymmetricalLogScale(const SymmetricalLogScaleOptions& opts) : opts_(opts) {
  check_symlog("SymmetricalLogScale", opts.base, opts.linthresh, opts.linscale);
  transform_ = SymmetricalLogTransform::make(opts.base, opts.linthresh, opts.linscale);
}

LogitScale::LogitScale(const LogitScaleOptions& opts) {
  (void)parse_nonpositive("LogitScale", opts.nonpositive);
  transform_ = LogitTransform::make(opts.nonpositive);
}

std::pair<double, double> LogitScale::limit_range_for_scale(double vmin, double vmax,
                                                            double minpos) const {
  if (!std::isfinite(minpos)) minpos = 1e-7;  // matplotlib's: rarely, if ever, visible
  return {vmin <= 0 ? minpos : vmin, vmax >= 1 ? 1 - minpos : vmax};
}

FuncScale::FuncScale(std::function<double(double)> forward, std::function<double(double)> inverse) {
  check_functions("FuncScale", forward, inverse);
  transform_ = FuncTransform::make(std::move(forward), std::move(inverse));
}

std::unique_ptr<ScaleBase> scale_factory(std::string_view name) {
  if (name == "linear") return std::make_unique<LinearScale>();
  if (name == "log") return std::make_unique<LogScale>();
  if (name == "symlog") return std::make_unique<SymmetricalLogScale>();
  if (name == "logit") return std::make_unique<LogitScale>();
  if (name == "function") {
    throw ValueError(
        "scale_factory: scale 'function' needs its forward and inverse functions; construct a "
        "FuncScale");
  }
  throw ValueError(fmt::format(
      "scale_factory: scale must be one of 'linear', 'log', 'symlog', 'logit', got '{}'", name));
}

std::vector<std::string_view> get_scale_names() { return {"linear", "log", "logit", "symlog"}; }

}  // namespace strata
