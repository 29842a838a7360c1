// SPDX-License-Identifier: MIT
#pragma once
// Axis scales (matplotlib's scale.py) and the polar projection transform (matplotlib's
// projections/polar.py).
//
// A scale's transform is a non-affine, separable node that applies the scale's 1-D function
// to x and to y alike; an axes blends two of them, x from the x axis' scale and y from the y
// axis': `transScale = blended_transform_factory(xscale.get_transform(),
// yscale.get_transform())`. Every scale transform has an exact inverse.
//
// **Example**
// ```
// strata::LogScale xscale({.base = 10});
// auto t = strata::blended_transform_factory(xscale.get_transform(),
// strata::IdentityTransform::make()); t->transform({100, 5});  // {2, 5}
// ```

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "strata/export.hpp"
#include "strata/transforms/transform.hpp"

namespace strata {

// ---------------------------------------------------------------------------------------
// Scale transforms
// ---------------------------------------------------------------------------------------

/// log_base(v) of x and y (matplotlib's LogTransform). Values <= 0 become NaN with
/// nonpositive "mask", and -1000 (far below any drawable log value, but finite) with "clip".
class STRATA_API LogTransform : public Transform {
 public:
  /// Throws strata::ValueError when base <= 0, base == 1 or not finite, or when nonpositive is
  /// not "clip" or "mask".
  [[nodiscard]] static std::shared_ptr<LogTransform> make(double base = 10,
                                                          std::string_view nonpositive = "clip");
  /// The base.
  [[nodiscard]] double base() const { return base_; }
  /// "clip" or "mask".
  [[nodiscard]] std::string_view nonpositive() const { return clip_ ? "clip" : "mask"; }
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }
  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override;
  /// The non-affine part of many points, in place.
  void transform_non_affine_points(std::span<Point> pts) const override;
  /// An InvertedLogTransform of the same base.
  [[nodiscard]] TransformPtr inverted() const override;

 protected:
  /// Use make().
  LogTransform(double base, bool clip);

 private:
  [[nodiscard]] double apply(double v) const;
  double base_;
  bool clip_;
};

/// base**v of x and y (matplotlib's InvertedLogTransform).
class STRATA_API InvertedLogTransform : public Transform {
 public:
  /// Throws strata::ValueError when base <= 0, base == 1 or not finite.
  [[nodiscard]] static std::shared_ptr<InvertedLogTransform> make(double base = 10);
  /// The base.
  [[nodiscard]] double base() const { return base_; }
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }
  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override;
  /// The non-affine part of many points, in place.
  void transform_non_affine_points(std::span<Point> pts) const override;
  /// A LogTransform of the same base (nonpositive "clip").
  [[nodiscard]] TransformPtr inverted() const override;

 protected:
  /// Use make().
  explicit InvertedLogTransform(double base) : base_(base) {}

 private:
  [[nodiscard]] double apply(double v) const;
  double base_;
};

/// Logarithmic in both directions from 0 with a linear part in (-linthresh, linthresh)
/// (matplotlib's SymmetricalLogTransform): `v * linscale_adj` inside, and
/// `sign(v) * linthresh * (linscale_adj + log_base(|v| / linthresh))` outside, where
/// `linscale_adj = linscale / (1 - 1/base)`.
class STRATA_API SymmetricalLogTransform : public Transform {
 public:
  /// Throws strata::ValueError when base <= 1, linthresh <= 0 or linscale <= 0 (or any is
  /// not finite).
  [[nodiscard]] static std::shared_ptr<SymmetricalLogTransform> make(double base = 10,
                                                                     double linthresh = 2,
                                                                     double linscale = 1);
  /// The base.
  [[nodiscard]] double base() const { return base_; }
  /// Half the width of the linear part.
  [[nodiscard]] double linthresh() const { return linthresh_; }
  /// Length of the linear part (-linthresh, linthresh), in decades of the log part.
  [[nodiscard]] double linscale() const { return linscale_; }
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }
  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override;
  /// An InvertedSymmetricalLogTransform with the same parameters.
  [[nodiscard]] TransformPtr inverted() const override;

 protected:
  /// Use make().
  SymmetricalLogTransform(double base, double linthresh, double linscale);

 private:
  [[nodiscard]] double apply(double v) const;
  double base_;
  double linthresh_;
  double linscale_;
  double linscale_adj_;
  double log_base_;
};

/// The inverse of SymmetricalLogTransform (matplotlib's InvertedSymmetricalLogTransform).
class STRATA_API InvertedSymmetricalLogTransform : public Transform {
 public:
  /// Same checks as SymmetricalLogTransform::make.
  [[nodiscard]] static std::shared_ptr<InvertedSymmetricalLogTransform> make(double base = 10,
                                                                             double linthresh = 2,
                                                                             double linscale = 1);
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }
  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override;
  /// A SymmetricalLogTransform with the same parameters.
  [[nodiscard]] TransformPtr inverted() const override;

 protected:
  /// Use make().
  InvertedSymmetricalLogTransform(double base, double linthresh, double linscale);

 private:
  [[nodiscard]] double apply(double v) const;
  double base_;
  double linthresh_;
  double linscale_;
  double linscale_adj_;
  double invlinthresh_;
};

/// log10(v / (1 - v)) of x and y (matplotlib's LogitTransform). Values outside (0, 1) become
/// NaN with nonpositive "mask", and -1000 (v <= 0) or 1000 (v >= 1) with "clip".
class STRATA_API LogitTransform : public Transform {
 public:
  /// Throws strata::ValueError when nonpositive is not "mask" or "clip".
  [[nodiscard]] static std::shared_ptr<LogitTransform> make(std::string_view nonpositive = "mask");
  /// "clip" or "mask".
  [[nodiscard]] std::string_view nonpositive() const { return clip_ ? "clip" : "mask"; }
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }
  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override;
  /// A LogisticTransform.
  [[nodiscard]] TransformPtr inverted() const override;

 protected:
  /// Use make().
  explicit LogitTransform(bool clip) : clip_(clip) {}

 private:
  [[nodiscard]] double apply(double v) const;
  bool clip_;
};

/// 1 / (1 + 10**-v) of x and y (matplotlib's LogisticTransform).
class STRATA_API LogisticTransform : public Transform {
 public:
  /// `nonpositive` is handed to the inverse. Throws strata::ValueError when it is not "mask"
  /// or "clip".
  [[nodiscard]] static std::shared_ptr<LogisticTransform> make(
      std::string_view nonpositive = "mask");
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }
  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override;
  /// A LogitTransform.
  [[nodiscard]] TransformPtr inverted() const override;

 protected:
  /// Use make().
  explicit LogisticTransform(bool clip) : clip_(clip) {}

 private:
  bool clip_;
};

/// A user function of x and y, with its inverse (matplotlib's FuncTransform).
class STRATA_API FuncTransform : public Transform {
 public:
  /// Throws strata::ValueError when either function is empty.
  [[nodiscard]] static std::shared_ptr<FuncTransform> make(std::function<double(double)> forward,
                                                           std::function<double(double)> inverse);
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }
  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override;
  /// The FuncTransform with the functions swapped.
  [[nodiscard]] TransformPtr inverted() const override;

 protected:
  /// Use make().
  FuncTransform(std::function<double(double)> forward, std::function<double(double)> inverse);

 private:
  std::function<double(double)> forward_;
  std::function<double(double)> inverse_;
};

// ---------------------------------------------------------------------------------------
// Scales
// ---------------------------------------------------------------------------------------

/// An axis scale (matplotlib's ScaleBase): its name, its transform, and the range of values
/// it can show. Scales are immutable; get_transform() returns the same node each time.
class STRATA_API ScaleBase {
 public:
  /// Scales are used through pointers to the base.
  virtual ~ScaleBase();
  /// "linear", "log", "symlog", "logit", "function".
  [[nodiscard]] virtual std::string_view name() const = 0;
  /// The transform (a separable node applying the scale to x and y alike).
  [[nodiscard]] virtual TransformPtr get_transform() const = 0;
  /// (vmin, vmax) restricted to the domain of the scale; `minpos` is the smallest positive
  /// value in the data (+inf when none). The default returns them unchanged.
  [[nodiscard]] virtual std::pair<double, double> limit_range_for_scale(double vmin, double vmax,
                                                                        double minpos) const;

 protected:
  ScaleBase() = default;
  ScaleBase(const ScaleBase&) = default;
  ScaleBase& operator=(const ScaleBase&) = default;
};

/// The identity scale (matplotlib's LinearScale).
class STRATA_API LinearScale : public ScaleBase {
 public:
  /// The identity scale.
  LinearScale();
  /// "linear".
  [[nodiscard]] std::string_view name() const override { return "linear"; }
  /// An IdentityTransform.
  [[nodiscard]] TransformPtr get_transform() const override { return transform_; }

 private:
  TransformPtr transform_;
};

/// Options of LogScale (matplotlib's LogScale keyword arguments).
struct LogScaleOptions {
  double base = 10;                       ///< > 0 and != 1
  std::string_view nonpositive = "clip";  ///< "clip" or "mask" (see LogTransform)
};

/// A logarithmic scale (matplotlib's LogScale).
///
/// **Example**
/// ```
/// strata::LogScale s({.base = 2, .nonpositive = "mask"});
/// ```
class STRATA_API LogScale : public ScaleBase {
 public:
  /// Throws strata::ValueError on a bad base ("LogScale: base must be > 0 and != 1, got 1")
  /// or nonpositive.
  explicit LogScale(const LogScaleOptions& opts = {});
  /// "log".
  [[nodiscard]] std::string_view name() const override { return "log"; }
  /// A LogTransform.
  [[nodiscard]] TransformPtr get_transform() const override { return transform_; }
  /// The base.
  [[nodiscard]] double base() const { return base_; }
  /// Values <= 0 are replaced by `minpos` (1e-300 when there is no positive data).
  [[nodiscard]] std::pair<double, double> limit_range_for_scale(double vmin, double vmax,
                                                                double minpos) const override;

 private:
  double base_;
  TransformPtr transform_;
};

/// Options of SymmetricalLogScale (matplotlib's SymmetricalLogScale keyword arguments).
struct SymmetricalLogScaleOptions {
  double base = 10;      ///< > 1
  double linthresh = 2;  ///< > 0: the scale is linear in (-linthresh, linthresh)
  double linscale = 1;   ///< > 0: length of the linear part, in decades of the log part
};

/// Logarithmic in both directions, linear around 0 (matplotlib's SymmetricalLogScale).
class STRATA_API SymmetricalLogScale : public ScaleBase {
 public:
  /// Throws strata::ValueError when base <= 1, linthresh <= 0 or linscale <= 0, naming the
  /// value ("SymmetricalLogScale: linthresh must be > 0, got 0").
  explicit SymmetricalLogScale(const SymmetricalLogScaleOptions& opts = {});
  /// "symlog".
  [[nodiscard]] std::string_view name() const override { return "symlog"; }
  /// A SymmetricalLogTransform.
  [[nodiscard]] TransformPtr get_transform() const override { return transform_; }
  /// The base.
  [[nodiscard]] double base() const { return opts_.base; }
  /// The linear threshold.
  [[nodiscard]] double linthresh() const { return opts_.linthresh; }
  /// The linear scale.
  [[nodiscard]] double linscale() const { return opts_.linscale; }

 private:
  SymmetricalLogScaleOptions opts_;
  TransformPtr transform_;
};

/// Options of LogitScale.
struct LogitScaleOptions {
  std::string_view nonpositive = "mask";  ///< "mask" or "clip" (see LogitTransform)
};

/// The logit scale for values in (0, 1) (matplotlib's LogitScale).
class STRATA_API LogitScale : public ScaleBase {
 public:
  /// Throws strata::ValueError on a bad nonpositive.
  explicit LogitScale(const LogitScaleOptions& opts = {});
  /// "logit".
  [[nodiscard]] std::string_view name() const override { return "logit"; }
  /// A LogitTransform.
  [[nodiscard]] TransformPtr get_transform() const override { return transform_; }
  /// Values <= 0 become `minpos` and values >= 1 become `1 - minpos` (minpos 1e-7 when there
  /// is no positive data).
  [[nodiscard]] std::pair<double, double> limit_range_for_scale(double vmin, double vmax,
                                                                double minpos) const override;

 private:
  TransformPtr transform_;
};

/// A scale given by a function and its inverse (matplotlib's FuncScale).
///
/// **Example**
/// ```
/// strata::FuncScale sq([](double x) { return x * x; }, [](double y) { return std::sqrt(y); });
/// ```
class STRATA_API FuncScale : public ScaleBase {
 public:
  /// Throws strata::ValueError when either function is empty.
  FuncScale(std::function<double(double)> forward, std::function<double(double)> inverse);
  /// "function".
  [[nodiscard]] std::string_view name() const override { return "function"; }
  /// A FuncTransform.
  [[nodiscard]] TransformPtr get_transform() const override { return transform_; }

 private:
  TransformPtr transform_;
};

/// The scale called `name` with its default options ("linear", "log", "symlog", "logit"),
/// as matplotlib's scale_factory. Throws strata::ValueError for other names ("function"
/// needs its functions: construct a FuncScale).
[[nodiscard]] STRATA_API std::unique_ptr<ScaleBase> scale_factory(std::string_view name);
/// The names scale_factory() accepts.
[[nodiscard]] STRATA_API std::vector<std::string_view> get_scale_names();

// ---------------------------------------------------------------------------------------
// Polar
// ---------------------------------------------------------------------------------------

/// (theta, r) -> (x, y) = (r' cos theta, r' sin theta) with r' = (r - r_origin) * r_sign;
/// points with r' < 0 become NaN (matplotlib's PolarTransform). Given interpolation_steps > 1,
/// transform_path_non_affine() draws a line segment of constant r as an arc (a polyline with
/// a vertex at least every degree, all exactly at radius r'), keeps a segment of constant
/// theta straight, and cuts any other segment into `interpolation_steps` pieces linear in
/// (theta, r); closing segments are treated the same.
///
/// **Example**
/// ```
/// auto polar = strata::PolarTransform::make();
/// polar->transform({std::numbers::pi / 2, 2});  // {0, 2}
/// ```
class STRATA_API PolarTransform : public Transform {
 public:
  /// Throws strata::ValueError when r_sign is not 1 or -1 or r_origin is not finite.
  [[nodiscard]] static std::shared_ptr<PolarTransform> make(double r_origin = 0, double r_sign = 1);
  /// The data radius drawn at the center.
  [[nodiscard]] double r_origin() const { return r_origin_; }
  /// 1, or -1 for a reversed radial axis.
  [[nodiscard]] double r_sign() const { return r_sign_; }
  /// Sets the radius drawn at the center; a full invalidation.
  void set_r_origin(double r_origin);
  /// Sets the direction of the radial axis (1 or -1); a full invalidation.
  void set_r_sign(double r_sign);

  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override;
  /// The non-affine part of many points, in place.
  void transform_non_affine_points(std::span<Point> pts) const override;
  /// An InvertedPolarTransform that follows this node's r_origin and r_sign.
  [[nodiscard]] TransformPtr inverted() const override;
  /// A PolarTransform with the current r_origin and r_sign.
  [[nodiscard]] TransformPtr frozen() const override;

 protected:
  /// Use make().
  PolarTransform(double r_origin, double r_sign) : r_origin_(r_origin), r_sign_(r_sign) {}
  [[nodiscard]] Path on_transform_path_non_affine(const Path& path,
                                                  int interpolation_steps) const override;

 private:
  double r_origin_;
  double r_sign_;
};

/// (x, y) -> (theta, r) with theta in [0, 2 pi) and r = hypot(x, y) * r_sign + r_origin
/// (matplotlib's InvertedPolarTransform).
class STRATA_API InvertedPolarTransform : public Transform {
 public:
  /// A stand-alone inverse. Throws strata::ValueError as PolarTransform::make.
  [[nodiscard]] static std::shared_ptr<InvertedPolarTransform> make(double r_origin = 0,
                                                                    double r_sign = 1);
  /// The inverse of `source`, following its r_origin and r_sign. Throws strata::ValueError on
  /// null.
  [[nodiscard]] static std::shared_ptr<InvertedPolarTransform> make(
      std::shared_ptr<const PolarTransform> source);
  /// The data radius at the center.
  [[nodiscard]] double r_origin() const { return source_ ? source_->r_origin() : r_origin_; }
  /// 1, or -1 for a reversed radial axis.
  [[nodiscard]] double r_sign() const { return source_ ? source_->r_sign() : r_sign_; }

  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override;
  /// The source PolarTransform, or a new one with the same parameters.
  [[nodiscard]] TransformPtr inverted() const override;
  /// An InvertedPolarTransform with the current parameters.
  [[nodiscard]] TransformPtr frozen() const override;

 protected:
  /// Use make().
  InvertedPolarTransform(double r_origin, double r_sign,
                         std::shared_ptr<const PolarTransform> source)
      : r_origin_(r_origin), r_sign_(r_sign), source_(std::move(source)) {}

 private:
  double r_origin_;
  double r_sign_;
  std::shared_ptr<const PolarTransform> source_;
};

}  // namespace strata
