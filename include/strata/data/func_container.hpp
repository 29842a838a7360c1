// SPDX-License-Identifier: MIT
#pragma once
// FuncContainer: functions sampled at draw time, at screen resolution, over the visible range
// (matplotlib data-prototype's FuncContainer), with a cache key that follows the view and the
// scale, and a cached last result.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "strata/core/geometry.hpp"
#include "strata/data/container.hpp"
#include "strata/export.hpp"

namespace strata {

/// Options of a FuncContainer sampling y = f(x) over the visible x range.
struct FuncOptions {
  /// Samples per pixel of axes width; default 2 (matplotlib data-prototype). Must be > 0.
  /// The count is max(min_samples, ceil(samples_per_pixel * pixels.width)) + 1 points
  /// (one more than the number of intervals, so both view edges are sampled).
  double samples_per_pixel = 2.0;
  /// Least number of sample intervals, for tiny or zero-sized axes; default 2, must be >= 1.
  std::size_t min_samples = 2;
  /// Most sample intervals, a guard against absurd pixel sizes; default 1 << 22.
  std::size_t max_samples = std::size_t{1} << 22;
};

/// Options of a parametric FuncContainer, t -> (x, y) over [t_min, t_max].
struct ParametricOptions {
  /// Number of samples of t (>= 2); nullopt (default): adaptive, 2 * pixels.width + 1
  /// (at least min_samples + 1), which makes the key depend on the pixel width.
  std::optional<std::size_t> samples{};
  /// Least number of sample intervals when adaptive; default 2, must be >= 1.
  std::size_t min_samples = 2;
  /// Most sample intervals when adaptive; default 1 << 22.
  std::size_t max_samples = std::size_t{1} << 22;
};

/// Functions sampled at draw time. Three forms:
///
/// - y = f(x): fields "x" and "y";
/// - several outputs of one x: fields "x" and one per named function;
/// - a parametric curve t -> (x, y): fields "t", "x" and "y".
///
/// The x forms sample the visible x range uniformly in **axes fraction**: u = i / n for
/// i = 0..n is mapped through `axes_to_data` at height 0.5, so on a log x axis the samples
/// are log-spaced. The key is {id(), axes_to_data.id(), axes_to_data.version(), bits of
/// pixels.width and pixels.height, bits of the first and last sampled x}: pan, zoom, scale
/// change (linear vs log) and resize renew it; an unchanged view returns the cached result
/// without calling the functions. The parametric form ignores the view; its key is
/// {id(), sample count}.
///
/// Thread safety: query() may be called from several threads (a mutex guards the cache);
/// the functions are called under that mutex, one query at a time.
///
/// **Example**
/// ```
/// auto f = std::make_shared<strata::FuncContainer>([](double x) { return std::sin(x); });
/// auto circle = std::make_shared<strata::FuncContainer>(
///     [](double t) { return strata::Point{std::cos(t), std::sin(t)}; }, 0.0, 2 * M_PI,
///     strata::ParametricOptions{.samples = 400});
/// ```
class STRATA_API FuncContainer final : public DataContainer {
 public:
  /// A function of one variable.
  using Function = std::function<double(double)>;
  /// A parametric curve: t -> (x, y) in data coordinates.
  using Curve = std::function<Point(double)>;

  /// y = f(x). Throws strata::ValueError for an empty function or bad options.
  explicit FuncContainer(Function f, const FuncOptions& opts = {});
  /// Several outputs of one x, one field per name. Names must not be "x" or empty; at least
  /// one function. Throws strata::ValueError otherwise.
  explicit FuncContainer(std::map<std::string, Function> outputs, const FuncOptions& opts = {});
  /// A parametric curve over [t_min, t_max] (finite; t_min > t_max runs backwards).
  FuncContainer(Curve curve, double t_min, double t_max, const ParametricOptions& opts = {});

  /// The samples for this view and pixel size (cached: the same key returns the last result
  /// without evaluating anything). Throws strata::ValueError for a negative or non-finite
  /// pixel size.
  [[nodiscard]] QueryResult query(const Transform& axes_to_data, Size pixels) const override;
  /// {"x", "y"} (or "x" plus the output names, or "t", "x", "y"): float64, shape "N".
  [[nodiscard]] std::map<std::string, FieldDesc> describe() const override;

  /// The process-unique id of this container (first part of its keys).
  [[nodiscard]] std::uint64_t id() const { return id_; }
  /// True for the parametric form.
  [[nodiscard]] bool is_parametric() const { return static_cast<bool>(curve_); }

 private:
  [[nodiscard]] static std::size_t intervals(double width, double per_pixel, std::size_t lo,
                                             std::size_t hi);
  std::uint64_t id_;
  std::map<std::string, Function> outputs_;
  FuncOptions opts_;
  Curve curve_;
  double t_min_ = 0.0;
  double t_max_ = 1.0;
  ParametricOptions popts_;
  mutable std::mutex mutex_;
  mutable std::optional<QueryResult> last_;
};

}  // namespace strata
