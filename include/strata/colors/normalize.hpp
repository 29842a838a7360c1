// SPDX-License-Identifier: MIT
#pragma once
// Norms: data values -> [0, 1] for colormapping (matplotlib's colors.py Normalize family).
// NaN stands for a masked value: it stays NaN and the colormap paints it with its bad color.
// A norm is a per-artist object: calling it may set vmin/vmax (autoscaling), so do not share
// one between threads.
//
// **Example**
// ```
// strata::LogNorm norm({.vmin = 1, .vmax = 1000});
// norm(10);           // 1/3
// norm.inverse(0.5);  // 31.62...
// ```

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "strata/export.hpp"

namespace strata {

/// vmin, vmax and clip of a norm.
struct NormOptions {
  std::optional<double> vmin{};  ///< nullopt: autoscaled from the first data
  std::optional<double> vmax{};  ///< nullopt: autoscaled from the first data
  bool clip = false;             ///< clip values to [vmin, vmax] before normalising
};

/// Linear map of [vmin, vmax] to [0, 1] (matplotlib's Normalize).
class STRATA_API Normalize {
 public:
  explicit Normalize(const NormOptions& opts = {});
  virtual ~Normalize() = default;
  Normalize(const Normalize&) = default;
  Normalize& operator=(const Normalize&) = default;

  [[nodiscard]] std::optional<double> vmin() const { return vmin_; }
  [[nodiscard]] std::optional<double> vmax() const { return vmax_; }
  [[nodiscard]] bool clip() const { return clip_; }
  void set_vmin(std::optional<double> v) { vmin_ = v; }
  void set_vmax(std::optional<double> v) { vmax_ = v; }
  void set_clip(bool c) { clip_ = c; }
  /// True when vmin and vmax are both set.
  [[nodiscard]] bool scaled() const { return vmin_.has_value() && vmax_.has_value(); }

  /// One value (autoscaling from it when unscaled, as matplotlib does).
  [[nodiscard]] double operator()(double value, std::optional<bool> clip = {});
  /// Many values: autoscales from all of them first, then normalises into `out` (same size).
  void process(std::span<const double> values, std::span<double> out,
               std::optional<bool> clip = {});
  /// The data value of a normalised value. Throws strata::ValueError when not invertible.
  [[nodiscard]] virtual double inverse(double value) const;
  /// Sets vmin and vmax to the finite min and max of `values` (NaN and inf ignored).
  virtual void autoscale(std::span<const double> values);
  /// Sets whichever of vmin and vmax is unset.
  virtual void autoscale_None(std::span<const double> values);  // NOLINT
  /// True when the results are colormap indices (BoundaryNorm), not floats in [0, 1].
  [[nodiscard]] virtual bool returns_indices() const { return false; }

 protected:
  /// Normalises values in place after autoscaling; vmin/vmax are set.
  virtual void normalize(std::span<double> values, bool clip) const;
  std::optional<double> vmin_;
  std::optional<double> vmax_;
  bool clip_;
};

/// Logarithmic (matplotlib's LogNorm): values <= 0 are masked (NaN).
class STRATA_API LogNorm : public Normalize {
 public:
  explicit LogNorm(const NormOptions& opts = {}) : Normalize(opts) {}
  [[nodiscard]] double inverse(double value) const override;
  void autoscale(std::span<const double> values) override;
  void autoscale_None(std::span<const double> values) override;  // NOLINT

 protected:
  void normalize(std::span<double> values, bool clip) const override;
};

/// Options of SymLogNorm besides linthresh.
struct SymLogNormOptions {
  double linscale = 1.0;  ///< the linear range's length, in decades
  std::optional<double> vmin{};
  std::optional<double> vmax{};
  bool clip = false;
  double base = 10.0;
};

/// Symmetric log, linear within [-linthresh, linthresh] (matplotlib's SymLogNorm).
class STRATA_API SymLogNorm : public Normalize {
 public:
  /// Throws strata::ValueError when linthresh <= 0, linscale <= 0 or base <= 1.
  explicit SymLogNorm(double linthresh, const SymLogNormOptions& opts = {});
  [[nodiscard]] double linthresh() const { return linthresh_; }
  [[nodiscard]] double inverse(double value) const override;

 protected:
  void normalize(std::span<double> values, bool clip) const override;

 private:
  [[nodiscard]] double forward(double a) const;
  [[nodiscard]] double backward(double a) const;
  double linthresh_, linscale_, base_, linscale_adj_, log_base_;
};

/// ((x - vmin) / (vmax - vmin)) ** gamma (matplotlib's PowerNorm).
class STRATA_API PowerNorm : public Normalize {
 public:
  explicit PowerNorm(double gamma, const NormOptions& opts = {});
  [[nodiscard]] double gamma() const { return gamma_; }
  [[nodiscard]] double inverse(double value) const override;

 protected:
  void normalize(std::span<double> values, bool clip) const override;

 private:
  double gamma_;
};

/// Two linear pieces meeting at vcenter -> 0.5 (matplotlib's TwoSlopeNorm).
class STRATA_API TwoSlopeNorm : public Normalize {
 public:
  /// Throws strata::ValueError unless vmin < vcenter < vmax (where given).
  explicit TwoSlopeNorm(double vcenter, std::optional<double> vmin = {},
                        std::optional<double> vmax = {});
  [[nodiscard]] double vcenter() const { return vcenter_; }
  [[nodiscard]] double inverse(double value) const override;
  void autoscale_None(std::span<const double> values) override;  // NOLINT

 protected:
  void normalize(std::span<double> values, bool clip) const override;

 private:
  double vcenter_;
};

/// Options of CenteredNorm.
struct CenteredNormOptions {
  double vcenter = 0.0;
  std::optional<double> halfrange{};  ///< nullopt: max |x - vcenter| of the first data
  bool clip = false;
};

/// Linear, symmetric about vcenter (matplotlib's CenteredNorm).
class STRATA_API CenteredNorm : public Normalize {
 public:
  explicit CenteredNorm(const CenteredNormOptions& opts = {});
  [[nodiscard]] double vcenter() const { return vcenter_; }
  [[nodiscard]] std::optional<double> halfrange() const { return halfrange_; }
  void autoscale(std::span<const double> values) override;
  void autoscale_None(std::span<const double> values) override;  // NOLINT

 private:
  double vcenter_;
  std::optional<double> halfrange_;
};

/// Options of BoundaryNorm.
struct BoundaryNormOptions {
  bool clip = false;
  std::string extend = "neither";  ///< "neither", "both", "min" or "max"
};

/// Discrete bins -> colormap indices (matplotlib's BoundaryNorm). Results are integers
/// (-1 under, ncolors over) for Colormap::at_index; NaN stays NaN.
class STRATA_API BoundaryNorm : public Normalize {
 public:
  /// Throws strata::ValueError for < 2 boundaries, a bad extend, clip with extend, or too few
  /// colors for the bins.
  BoundaryNorm(std::vector<double> boundaries, int ncolors, const BoundaryNormOptions& opts = {});
  [[nodiscard]] const std::vector<double>& boundaries() const { return boundaries_; }
  /// Always throws strata::ValueError("BoundaryNorm is not invertible").
  [[nodiscard]] double inverse(double value) const override;
  [[nodiscard]] bool returns_indices() const override { return true; }

 protected:
  void normalize(std::span<double> values, bool clip) const override;

 private:
  std::vector<double> boundaries_;
  int ncmap_;
  int n_regions_;
  int offset_ = 0;
};

/// Values pass unchanged (matplotlib's NoNorm).
class STRATA_API NoNorm : public Normalize {
 public:
  explicit NoNorm(const NormOptions& opts = {}) : Normalize(opts) {}
  [[nodiscard]] double inverse(double value) const override { return value; }

 protected:
  void normalize(std::span<double> values, bool clip) const override;
};

}  // namespace strata
