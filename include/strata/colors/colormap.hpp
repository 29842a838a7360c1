// SPDX-License-Identifier: MIT
#pragma once
// Colormaps (matplotlib's colors.py Colormap, ListedColormap, LinearSegmentedColormap and the
// cm.py registry). Every registered matplotlib colormap is available by name, with its "_r"
// reversal; the lookup tables are built from matplotlib's own source data exactly as
// matplotlib builds them.
//
// **Example**
// ```
// auto cmap = strata::get_cmap("viridis");
// strata::Rgba c = (*cmap)(0.5);
// auto mine = cmap->with_extremes({.bad = "red", .over = "white"});
// ```

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "strata/colors/color.hpp"
#include "strata/core/color.hpp"
#include "strata/export.hpp"

namespace strata {

class Normalize;

/// The extreme colors of with_extremes() / set_extremes(); nullopt leaves one unchanged.
struct ColormapExtremes {
  std::optional<Color> bad{};    ///< masked (NaN) values; default of a colormap: transparent
  std::optional<Color> under{};  ///< values < 0; default: the first color
  std::optional<Color> over{};   ///< values > 1; default: the last color
};

/// Maps [0, 1] to RGBA through an N-entry lookup table (matplotlib's Colormap).
class STRATA_API Colormap {
 public:
  virtual ~Colormap() = default;
  /// The name.
  [[nodiscard]] const std::string& name() const { return name_; }
  /// The number of colors in the table.
  [[nodiscard]] int N() const { return n_; }  // NOLINT(readability-identifier-naming)
  /// The color of a float in [0, 1] (x*N truncated); < 0 under, > 1 over, NaN bad.
  [[nodiscard]] Rgba operator()(double x, std::optional<double> alpha = {}) const;
  /// The color of table index i (matplotlib's integer lookup); < 0 under, >= N over.
  [[nodiscard]] Rgba at_index(long long i) const;
  /// The N + 3 entries: the N colors, then under, over, bad.
  [[nodiscard]] std::span<const Rgba> lut() const { return lut_; }
  [[nodiscard]] Rgba get_bad() const { return lut_[static_cast<std::size_t>(n_) + 2]; }
  [[nodiscard]] Rgba get_under() const { return lut_[static_cast<std::size_t>(n_)]; }
  [[nodiscard]] Rgba get_over() const { return lut_[static_cast<std::size_t>(n_) + 1]; }
  void set_bad(const Color& color = "k", std::optional<double> alpha = {});
  void set_under(const Color& color = "k", std::optional<double> alpha = {});
  void set_over(const Color& color = "k", std::optional<double> alpha = {});
  void set_extremes(const ColormapExtremes& extremes);
  /// A copy with the given extremes.
  [[nodiscard]] std::shared_ptr<Colormap> with_extremes(const ColormapExtremes& extremes) const;
  /// True when every entry has r == g == b.
  [[nodiscard]] bool is_gray() const;
  /// A copy.
  [[nodiscard]] virtual std::shared_ptr<Colormap> copy() const = 0;
  /// The reversed map, named name + "_r" unless a name is given; under and over swap.
  [[nodiscard]] virtual std::shared_ptr<Colormap> reversed(
      std::optional<std::string> name = {}) const = 0;
  /// The same map with `lutsize` entries.
  [[nodiscard]] virtual std::shared_ptr<Colormap> resampled(int lutsize) const = 0;

 protected:
  Colormap(std::string name, int n);
  /// Subclasses fill lut_[0, N) and then call this.
  void set_extremes_lut();
  void copy_extremes_from(const Colormap& other, bool swap_under_over);
  std::string name_;
  int n_;
  std::vector<Rgba> lut_;
  Rgba rgba_bad_{0, 0, 0, 0};
  std::optional<Rgba> rgba_under_;
  std::optional<Rgba> rgba_over_;
};

/// A colormap from a list of colors (matplotlib's ListedColormap).
class STRATA_API ListedColormap : public Colormap {
 public:
  /// N defaults to colors.size(); otherwise colors are cycled or truncated to N.
  explicit ListedColormap(std::vector<Rgba> colors, std::string name = "from_list",
                          std::optional<int> N = {});  // NOLINT
  [[nodiscard]] const std::vector<Rgba>& colors() const { return colors_; }
  [[nodiscard]] std::shared_ptr<Colormap> copy() const override;
  [[nodiscard]] std::shared_ptr<Colormap> reversed(
      std::optional<std::string> name = {}) const override;
  [[nodiscard]] std::shared_ptr<Colormap> resampled(int lutsize) const override;

 private:
  std::vector<Rgba> colors_;
};

/// One channel of segment data: (x, y0, y1) rows, or a function sampled at x**gamma.
struct SegmentChannel {
  struct Row {
    double x, y0, y1;
  };
  std::vector<Row> rows{};
  std::function<double(double)> func{};  ///< used when set
};

/// Segment data: red, green, blue and optionally alpha.
struct SegmentData {
  SegmentChannel red{};
  SegmentChannel green{};
  SegmentChannel blue{};
  std::optional<SegmentChannel> alpha{};
};

/// A colormap interpolated linearly between segment points (matplotlib's
/// LinearSegmentedColormap).
class STRATA_API LinearSegmentedColormap : public Colormap {
 public:
  /// Throws strata::ValueError when rows do not start at x=0, end at x=1 and increase.
  LinearSegmentedColormap(std::string name, SegmentData segmentdata, int N = 256,  // NOLINT
                          double gamma = 1.0);
  /// Equidistant colors from 0 to 1 (matplotlib's from_list).
  [[nodiscard]] static std::shared_ptr<LinearSegmentedColormap> from_list(
      std::string name, const std::vector<Color>& colors, int N = 256,
      double gamma = 1.0);  // NOLINT
  [[nodiscard]] const SegmentData& segmentdata() const { return data_; }
  [[nodiscard]] double gamma() const { return gamma_; }
  [[nodiscard]] std::shared_ptr<Colormap> copy() const override;
  [[nodiscard]] std::shared_ptr<Colormap> reversed(
      std::optional<std::string> name = {}) const override;
  [[nodiscard]] std::shared_ptr<Colormap> resampled(int lutsize) const override;

 private:
  SegmentData data_;
  double gamma_;
};

/// matplotlib's _create_lookup_table: N samples of a channel on [0, 1] (x**gamma), clipped.
[[nodiscard]] STRATA_API std::vector<double> create_lookup_table(
    int N, const SegmentChannel& data,  // NOLINT
    double gamma = 1.0);

/// A registered colormap by name ("viridis", "jet_r", ...); shared and immutable: use
/// with_extremes() or copy() to modify. Thread-safe. Throws strata::ValueError for unknown
/// names, listing the accepted ones.
[[nodiscard]] STRATA_API std::shared_ptr<const Colormap> get_cmap(std::string_view name);
/// Registers a colormap under `name` (default: its name). Builtin names cannot be replaced;
/// others only with force. Thread-safe.
STRATA_API void register_cmap(const Colormap& cmap, std::optional<std::string> name = {},
                              bool force = false);
/// Every registered name, builtin and "_r" variants included, sorted.
[[nodiscard]] STRATA_API std::vector<std::string> colormap_names();

/// Maps values through `norm` (updated by autoscaling when its vmin/vmax are unset) and `cmap`
/// into RGBA8 bytes (out.size() == 4 * values.size()), as matplotlib's
/// ScalarMappable.to_rgba(bytes=True): channel = trunc(lut * 255). NaN gives the bad color.
STRATA_API void map_to_rgba8(std::span<const double> values, Normalize& norm, const Colormap& cmap,
                             std::span<std::uint8_t> out, std::optional<double> alpha = {});

}  // namespace strata
