// SPDX-License-Identifier: MIT
// Norms (matplotlib's colors.py Normalize, LogNorm, SymLogNorm, PowerNorm, TwoSlopeNorm,
// CenteredNorm, BoundaryNorm, NoNorm).
#include "strata/colors/normalize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "strata/error.hpp"

namespace strata {

namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

struct MinMax {
  std::optional<double> lo, hi;
};

template <class Pred>
MinMax finite_minmax(std::span<const double> values, Pred keep) {
  MinMax m;
  for (double v : values) {
    if (!std::isfinite(v) || !keep(v)) continue;
    m.lo = m.lo ? std::min(*m.lo, v) : v;
    m.hi = m.hi ? std::max(*m.hi, v) : v;
  }
  return m;
}

void check_order(double vmin, double vmax) {
  if (vmin > vmax) {
    throw ValueError(fmt::format(
        "minvalue must be less than or equal to maxvalue (vmin={}, vmax={})", vmin, vmax));
  }
}

// np.interp(x, xp, fp, left=-inf, right=inf) for 3 points.
double interp3(double x, const double (&xp)[3], const double (&fp)[3]) {
  if (std::isnan(x)) return k_nan;
  if (x < xp[0]) return -std::numeric_limits<double>::infinity();
  if (x > xp[2]) return std::numeric_limits<double>::infinity();
  if (x == xp[2]) return fp[2];
  const int j = x < xp[1] ? 0 : 1;
  const double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
  return slope * (x - xp[j]) + fp[j];
}

}  // namespace

// ---- Normalize ----

Normalize::Normalize(const NormOptions& opts)
    : vmin_(opts.vmin), vmax_(opts.vmax), clip_(opts.clip) {}

double Normalize::operator()(double value, std::optional<bool> clip) {
  double out = 0;
  process({&value, 1}, {&out, 1}, clip);
  return out;
}

void Normalize::process(std::span<const double> values, std::span<double> out,
                        std::optional<bool> clip) {
  if (out.size() != values.size()) {
    throw ValueError(
        fmt::format("out has {} elements but values has {}", out.size(), values.size()));
  }
  if (!scaled()) autoscale_None(values);
  std::copy(values.begin(), values.end(), out.begin());
  normalize(out, clip.value_or(clip_));
}

void Normalize::normalize(std::span<double> v, bool clip) const {
  if (!scaled())
    throw ValueError("Normalize: vmin and vmax must be set (no finite data to autoscale from)");
  const double vmin = *vmin_, vmax = *vmax_;
  check_order(vmin, vmax);
  if (vmin == vmax) {
    for (double& x : v)
      if (!std::isnan(x)) x = 0.0;
    return;
  }
  for (double& x : v) {
    if (clip && !std::isnan(x)) x = std::clamp(x, vmin, vmax);
    x -= vmin;
    x /= (vmax - vmin);
  }
}

double Normalize::inverse(double value) const {
  if (!scaled()) throw ValueError("Not invertible until both vmin and vmax are set");
  return vmin_.value() + value * (vmax_.value() - vmin_.value());
}

void Normalize::autoscale(std::span<const double> values) {
  const MinMax m = finite_minmax(values, [](double) { return true; });
  vmin_ = m.lo;
  vmax_ = m.hi;
}

void Normalize::autoscale_None(std::span<const double> values) {
  const MinMax m = finite_minmax(values, [](double) { return true; });
  if (!vmin_) vmin_ = m.lo;
  if (!vmax_) vmax_ = m.hi;
}

// ---- LogNorm ----

void LogNorm::autoscale(std::span<const double> values) {
  const MinMax m = finite_minmax(values, [](double x) { return x > 0; });
  vmin_ = m.lo;
  vmax_ = m.hi;
}

void LogNorm::autoscale_None(std::span<const double> values) {
  const MinMax m = finite_minmax(values, [](double x) { return x > 0; });
  if (!vmin_) vmin_ = m.lo;
  if (!vmax_) vmax_ = m.hi;
}

void LogNorm::normalize(std::span<double> v, bool clip) const {
  if (!scaled())
    throw ValueError("LogNorm: vmin and vmax must be set (no positive data to autoscale from)");
  const double vmin = *vmin_, vmax = *vmax_;
  if (vmin > vmax)
    throw ValueError(
        fmt::format("vmin must be less or equal to vmax (vmin={}, vmax={})", vmin, vmax));
  if (vmin == vmax) {
    for (double& x : v)
      if (!std::isnan(x)) x = 0.0;
    return;
  }
  const double t_vmin = std::log10(vmin), t_vmax = std::log10(vmax);
  if (!std::isfinite(t_vmin) || !std::isfinite(t_vmax)) {
    throw ValueError(fmt::format("Invalid vmin or vmax (vmin={}, vmax={})", vmin, vmax));
  }
  for (double& x : v) {
    if (clip && !std::isnan(x)) x = std::clamp(x, vmin, vmax);
    double t = x > 0 ? std::log10(x) : k_nan;  // nonpositive="mask"
    t -= t_vmin;
    t /= (t_vmax - t_vmin);
    x = std::isfinite(t) ? t : k_nan;  // masked_invalid
  }
}

double LogNorm::inverse(double value) const {
  if (!scaled()) throw ValueError("Not invertible until scaled");
  const double t_vmin = std::log10(*vmin_), t_vmax = std::log10(*vmax_);
  if (!std::isfinite(t_vmin) || !std::isfinite(t_vmax)) throw ValueError("Invalid vmin or vmax");
  double r = value * (t_vmax - t_vmin);
  r += t_vmin;
  return std::pow(10.0, r);
}

// ---- SymLogNorm ----

SymLogNorm::SymLogNorm(double linthresh, const SymLogNormOptions& opts)
    : Normalize(NormOptions{opts.vmin, opts.vmax, opts.clip}),
      linthresh_(linthresh),
      linscale_(opts.linscale),
      base_(opts.base) {
  if (!(base_ > 1.0)) throw ValueError(fmt::format("'base' must be larger than 1, got {}", base_));
  if (!(linthresh_ > 0.0))
    throw ValueError(fmt::format("'linthresh' must be positive, got {}", linthresh_));
  if (!(linscale_ > 0.0))
    throw ValueError(fmt::format("'linscale' must be positive, got {}", linscale_));
  linscale_adj_ = linscale_ / (1.0 - 1.0 / base_);
  log_base_ = std::log(base_);
}

double SymLogNorm::forward(double a) const {
  const double abs_a = std::abs(a);
  if (abs_a <= linthresh_) return a * linscale_adj_;
  const double sign = a < 0 ? -1.0 : 1.0;
  return sign * linthresh_ * (linscale_adj_ + std::log(abs_a / linthresh_) / log_base_);
}

double SymLogNorm::backward(double a) const {
  const double invlinthresh = forward(linthresh_);
  const double abs_a = std::abs(a);
  if (abs_a <= invlinthresh) return a / linscale_adj_;
  const double sign = a < 0 ? -1.0 : 1.0;
  return sign * linthresh_ * std::pow(base_, abs_a / linthresh_ - linscale_adj_);
}

void SymLogNorm::normalize(std::span<double> v, bool clip) const {
  if (!scaled()) throw ValueError("SymLogNorm: vmin and vmax must be set");
  const double vmin = *vmin_, vmax = *vmax_;
  if (vmin > vmax)
    throw ValueError(
        fmt::format("vmin must be less or equal to vmax (vmin={}, vmax={})", vmin, vmax));
  if (vmin == vmax) {
    for (double& x : v)
      if (!std::isnan(x)) x = 0.0;
    return;
  }
  const double t_vmin = forward(vmin), t_vmax = forward(vmax);
  for (double& x : v) {
    if (std::isnan(x)) continue;
    if (clip) x = std::clamp(x, vmin, vmax);
    double t = forward(x);
    t -= t_vmin;
    t /= (t_vmax - t_vmin);
    x = std::isfinite(t) ? t : k_nan;
  }
}

double SymLogNorm::inverse(double value) const {
  if (!scaled()) throw ValueError("Not invertible until scaled");
  const double t_vmin = forward(*vmin_), t_vmax = forward(*vmax_);
  double r = value * (t_vmax - t_vmin);
  r += t_vmin;
  return backward(r);
}

// ---- PowerNorm ----

PowerNorm::PowerNorm(double gamma, const NormOptions& opts) : Normalize(opts), gamma_(gamma) {}

void PowerNorm::normalize(std::span<double> v, bool clip) const {
  if (!scaled()) throw ValueError("PowerNorm: vmin and vmax must be set");
  const double vmin = *vmin_, vmax = *vmax_;
  check_order(vmin, vmax);
  if (vmin == vmax) {
    for (double& x : v)
      if (!std::isnan(x)) x = 0.0;
    return;
  }
  const double denom = std::pow(vmax - vmin, gamma_);
  for (double& x : v) {
    if (std::isnan(x)) continue;
    if (clip) x = std::clamp(x, vmin, vmax);
    x -= vmin;
    if (x < 0) x = 0;
    x = std::pow(x, gamma_);
    x /= denom;
  }
}

double PowerNorm::inverse(double value) const {
  if (!scaled()) throw ValueError("Not invertible until scaled");
  return std::pow(value, 1.0 / gamma_) * (*vmax_ - *vmin_) + *vmin_;
}

// ---- TwoSlopeNorm ----

TwoSlopeNorm::TwoSlopeNorm(double vcenter, std::optional<double> vmin, std::optional<double> vmax)
    : Normalize(NormOptions{vmin, vmax, false}), vcenter_(vcenter) {
  if (vcenter_ <= vmin.value_or(-std::numeric_limits<double>::infinity()) ||
      vcenter_ >= vmax.value_or(std::numeric_limits<double>::infinity()) ||
      (vmin && vmax && *vmin >= *vmax)) {
    throw ValueError(
        fmt::format("vmin, vcenter, and vmax must be in ascending order (vmin={}, "
                    "vcenter={}, vmax={})",
                    vmin ? fmt::format("{}", *vmin) : "None", vcenter,
                    vmax ? fmt::format("{}", *vmax) : "None"));
  }
}

void TwoSlopeNorm::autoscale_None(std::span<const double> values) {
  Normalize::autoscale_None(values);
  if (vmin_ && *vmin_ > vcenter_) vmin_ = vcenter_;
  if (vmax_ && *vmax_ < vcenter_) vmax_ = vcenter_;
}

void TwoSlopeNorm::normalize(std::span<double> v, bool /*clip*/) const {
  if (!scaled()) throw ValueError("TwoSlopeNorm: vmin and vmax must be set");
  if (!(*vmin_ <= vcenter_ && vcenter_ <= *vmax_)) {
    throw ValueError("vmin, vcenter, vmax must increase monotonically");
  }
  const double xp[3] = {*vmin_, vcenter_, *vmax_};
  const double fp[3] = {0.0, 0.5, 1.0};
  for (double& x : v) x = interp3(x, xp, fp);
}

double TwoSlopeNorm::inverse(double value) const {
  if (!scaled()) throw ValueError("Not invertible until both vmin and vmax are set");
  const double xp[3] = {0.0, 0.5, 1.0};
  const double fp[3] = {*vmin_, vcenter_, *vmax_};
  return interp3(value, xp, fp);
}

// ---- CenteredNorm ----

CenteredNorm::CenteredNorm(const CenteredNormOptions& opts)
    : Normalize(NormOptions{{}, {}, opts.clip}), vcenter_(opts.vcenter) {
  if (opts.halfrange) {
    halfrange_ = std::abs(*opts.halfrange);
    vmin_ = vcenter_ - *halfrange_;
    vmax_ = vcenter_ + *halfrange_;
  }
}

void CenteredNorm::autoscale(std::span<const double> values) {
  const MinMax m = finite_minmax(values, [](double) { return true; });
  if (!m.lo) return;
  halfrange_ = std::max(vcenter_ - *m.lo, *m.hi - vcenter_);
  vmax_ = vcenter_ + *halfrange_;
  vmin_ = vcenter_ - *halfrange_;
}

void CenteredNorm::autoscale_None(std::span<const double> values) {
  if (!halfrange_ && !values.empty()) autoscale(values);
}

// ---- BoundaryNorm ----

BoundaryNorm::BoundaryNorm(std::vector<double> boundaries, int ncolors,
                           const BoundaryNormOptions& opts)
    : Normalize(NormOptions{}), boundaries_(std::move(boundaries)), ncmap_(ncolors) {
  if (opts.extend != "neither" && opts.extend != "both" && opts.extend != "min" &&
      opts.extend != "max") {
    throw ValueError(
        fmt::format("'{}' is not a valid value for extend; supported values are "
                    "'neither', 'both', 'min', 'max'",
                    opts.extend));
  }
  if (opts.clip && opts.extend != "neither")
    throw ValueError("'clip=True' is not compatible with 'extend'");
  if (boundaries_.size() < 2) {
    throw ValueError(
        fmt::format("You must provide at least 2 boundaries (1 region) but you passed in {} "
                    "boundaries",
                    boundaries_.size()));
  }
  clip_ = opts.clip;
  vmin_ = boundaries_.front();
  vmax_ = boundaries_.back();
  n_regions_ = static_cast<int>(boundaries_.size()) - 1;
  if (opts.extend == "min" || opts.extend == "both") {
    ++n_regions_;
    offset_ = 1;
  }
  if (opts.extend == "max" || opts.extend == "both") ++n_regions_;
  if (n_regions_ > ncmap_) {
    throw ValueError(
        fmt::format("There are {} color bins including extensions, but ncolors = {}; "
                    "ncolors must equal or exceed the number of bins",
                    n_regions_, ncolors));
  }
}

void BoundaryNorm::normalize(std::span<double> v, bool clip) const {
  const double vmin = *vmin_, vmax = *vmax_;
  const int max_col = clip ? ncmap_ - 1 : ncmap_;
  for (double& x : v) {
    if (std::isnan(x)) continue;
    if (clip) x = std::clamp(x, vmin, vmax);
    // np.digitize(x, increasing bins) == number of boundaries <= x.
    const auto idx =
        std::upper_bound(boundaries_.begin(), boundaries_.end(), x) - boundaries_.begin();
    double iret = static_cast<double>(idx - 1 + offset_);
    if (ncmap_ > n_regions_) {
      if (n_regions_ == 1) {
        if (iret == 0) iret = static_cast<double>((ncmap_ - 1) / 2);
      } else {
        iret = static_cast<double>(ncmap_ - 1) / (n_regions_ - 1) * iret;
      }
    }
    double r = std::trunc(iret);  // astype(int16)
    if (x < vmin) r = -1;
    if (x >= vmax) r = max_col;
    x = r;
  }
}

double BoundaryNorm::inverse(double) const { throw ValueError("BoundaryNorm is not invertible"); }

// ---- NoNorm ----

void NoNorm::normalize(std::span<double>, bool) const {}

}  // namespace strata
