// SPDX-License-Identifier: MIT
#pragma once
// Colorbar (matplotlib's colorbar.py): the colormap of a ScalarMappable drawn as a strip of
// colored quads in an Axes of its own, with the norm's ticks on its long axis, an outline, an
// optional label and optional extension triangles. Figure::colorbar makes the Axes by taking
// room from the parent Axes exactly as matplotlib's make_axes_gridspec (subplots) or
// make_axes (other Axes, several parents, constrained layout) do.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "strata/artist/axes.hpp"
#include "strata/artist/collections.hpp"
#include "strata/artist/patches.hpp"
#include "strata/ticker/formatter.hpp"
#include "strata/ticker/locator.hpp"

namespace strata {

/// Options of Figure::colorbar (matplotlib's colorbar and make_axes keywords).
///
/// **Example**
/// ```
/// fig.colorbar(sc, {.ax = &ax, .shrink = 0.8, .extend = "both", .label = "depth [m]"});
/// fig.colorbar(im, {.location = "bottom", .ticks = {0, 0.5, 1}, .format = "%.1f"});
/// ```
struct ColorbarOptions {
  /// The Axes to take room from (default: the mappable's Axes); `axs` for several.
  Axes* ax = nullptr;
  std::vector<Axes*> axs{};
  /// Draw into this Axes instead (no room is taken; fraction, shrink, aspect, pad unused).
  Axes* cax = nullptr;
  /// Subplots get a cell of a sub-grid (make_axes_gridspec); false: make_axes.
  bool use_gridspec = true;
  std::optional<std::string> location{};     ///< "left", "right" (default), "top", "bottom"
  std::optional<std::string> orientation{};  ///< "vertical" or "horizontal" (from location)
  double fraction = 0.15;                    ///< of the parent, for the colorbar
  double shrink = 1.0;                       ///< of the colorbar's length
  double aspect = 20.0;                      ///< long / short side
  std::optional<double> pad{};  ///< parent fraction between; default 0.05 (0.15 at the bottom,
                                ///< 0.10 at the left)
  std::optional<std::pair<double, double>> anchor{};   ///< of the colorbar Axes
  std::optional<std::pair<double, double>> panchor{};  ///< of the parent
  std::optional<std::string> extend{};  ///< "neither" (default), "both", "min", "max"
  /// Length of the extensions in fractions of the interior (default 0.05 each); see
  /// extendfrac_auto.
  std::optional<std::pair<double, double>> extendfrac{};
  bool extendfrac_auto = false;        ///< extensions as long as the first and last color band
  bool extendrect = false;             ///< rectangular extensions instead of triangles
  std::string spacing = "uniform";     ///< "uniform" or "proportional" (BoundaryNorm)
  std::string ticklocation = "auto";   ///< "auto", "left", "right", "top", "bottom"
  std::vector<double> ticks{};         ///< fixed tick locations (empty: the norm's locator)
  std::shared_ptr<Locator> locator{};  ///< a locator for the long axis
  std::string format{};                ///< "%.2f" (printf style) or "{x:.2f}" (str.format style)
  std::shared_ptr<Formatter> formatter{};
  bool drawedges = false;            ///< lines between the colors
  std::string label{};               ///< on the long axis
  std::vector<double> boundaries{};  ///< the color band edges (default from the colormap)
  std::vector<double> values{};      ///< the value of each band (default the mid points)
};

/// How a colorbar Axes was made, for layout engines (matplotlib's cax._colorbar_info).
struct ColorbarInfo {
  std::vector<Axes*> parents{};
  std::string location{};
  double fraction = 0.15;
  double shrink = 1.0;
  double aspect = 20.0;
  double pad = 0.05;
  std::pair<double, double> anchor{0.0, 0.5};
  std::pair<double, double> panchor{1.0, 0.5};
  bool gridspec = false;  ///< made by make_axes_gridspec
};

/// A colorbar: an Artist of its Axes (made by Figure::colorbar or Colorbar::make) that draws
/// the color strip; the outline and the extension patches are children of the same Axes.
/// The colors, limits and ticks follow the mappable's norm and colormap: changes through
/// the mappable (set_clim, set_cmap, set_norm, set_alpha) are picked up at the next draw.
/// The mappable must outlive the colorbar's drawing; once it is destroyed the colorbar keeps
/// its last state.
///
/// **Example**
/// ```
/// strata::Colorbar& cb = fig.colorbar(sc);
/// cb.set_label("speed [m/s]");
/// cb.set_ticks({0, 5, 10});
/// cb.ax().tick_params({.labelsize = 8});
/// ```
class STRATA_API Colorbar : public Artist {
  struct Key {};

 public:
  /// A colorbar drawn into `cax` (matplotlib's Colorbar(cax, mappable)): hides cax's spines,
  /// adds the outline, sets its limits, ticks and label. ValueError for a bad orientation,
  /// ticklocation, extend or spacing.
  static Colorbar& make(Axes& cax, ScalarMappable& mappable, const ColorbarOptions& options = {},
                        std::optional<ColorbarInfo> info = {});
  Colorbar(Key, Axes& cax, ScalarMappable& mappable, const ColorbarOptions& options);
  ~Colorbar() override;

  void draw(Renderer& renderer) override;
  [[nodiscard]] Bbox get_window_extent() const override;

  /// The colorbar's Axes.
  [[nodiscard]] Axes& ax() const { return *cax_; }
  /// The mappable, or nullptr once it was destroyed.
  [[nodiscard]] ScalarMappable* mappable() const { return *mappable_; }
  [[nodiscard]] const std::string& orientation() const { return orientation_; }
  [[nodiscard]] const std::string& extend() const { return extend_; }
  [[nodiscard]] const std::string& ticklocation() const { return ticklocation_; }
  /// How its Axes was made (null when it was given as cax).
  [[nodiscard]] const std::optional<ColorbarInfo>& info() const { return info_; }
  /// The outline (matplotlib's cbar.outline).
  [[nodiscard]] Patch& outline() const { return *outline_; }
  /// The extension patches drawn (0, 1 or 2).
  [[nodiscard]] std::vector<Patch*> extend_patches() const { return extend_patches_; }

  /// The color band edges, extensions included (matplotlib's _boundaries).
  [[nodiscard]] const std::vector<double>& boundaries() const { return boundaries_; }
  /// The value of each band (matplotlib's _values).
  [[nodiscard]] const std::vector<double>& values() const { return values_; }
  /// The long axis' limits without the extensions.
  [[nodiscard]] std::pair<double, double> get_vlim() const { return {vmin_, vmax_}; }

  /// The label on the long axis (matplotlib's set_label); loc as set_xlabel / set_ylabel.
  void set_label(std::string label, const LabelOptions& options = {});
  /// Fixed tick locations (labels when given).
  void set_ticks(std::vector<double> ticks, std::optional<std::vector<std::string>> labels = {},
                 bool minor = false);
  /// The ticks of the long axis.
  [[nodiscard]] std::vector<double> get_ticks(bool minor = false) const;
  /// Labels for the current fixed ticks.
  void set_ticklabels(std::vector<std::string> labels, bool minor = false);
  void set_locator(std::shared_ptr<Locator> locator);
  void set_formatter(std::shared_ptr<Formatter> formatter);
  void minorticks_on();
  void minorticks_off();
  /// Re-reads the mappable's colormap, norm and alpha (matplotlib's update_normal); a new
  /// norm resets the locator and formatter.
  void update_normal();

 private:
  void draw_all();
  void process_values();
  [[nodiscard]] std::pair<std::vector<double>, std::pair<double, double>> proportional_y() const;
  [[nodiscard]] std::pair<double, double> extension_lengths(double automin, double automax) const;
  [[nodiscard]] bool extend_lower() const;
  [[nodiscard]] bool extend_upper() const;
  void do_extends();
  void update_dividers();
  void reset_locator_formatter_scale();
  void update_ticks();
  [[nodiscard]] Axis& long_axis() const;
  [[nodiscard]] Axis& short_axis() const;
  [[nodiscard]] double forward_boundaries(double x) const;
  [[nodiscard]] double inverse_boundaries(double x) const;
  [[nodiscard]] bool state_changed() const;
  void remember_state();
  [[nodiscard]] Bbox locate(Axes& ax) const;
  [[nodiscard]] Rgba norm_value_color(double value) const;

  struct State;
  Axes* cax_;
  std::shared_ptr<ScalarMappable*> mappable_;
  std::shared_ptr<const Colormap> cmap_;
  std::shared_ptr<Normalize> norm_;
  std::optional<double> alpha_{};
  std::string orientation_;
  std::string ticklocation_;
  std::string extend_;
  std::string spacing_;
  std::optional<std::pair<double, double>> extendfrac_{};
  bool extendfrac_auto_ = false;
  bool extendrect_ = false;
  bool drawedges_ = false;
  std::vector<double> user_boundaries_{};
  std::vector<double> user_values_{};
  std::optional<ColorbarInfo> info_{};

  std::shared_ptr<Locator> locator_{};
  std::shared_ptr<Locator> minorlocator_{};
  std::shared_ptr<Formatter> formatter_{};
  bool user_locator_ = false;
  bool user_formatter_ = false;

  std::vector<double> boundaries_{};
  std::vector<double> values_{};
  std::vector<double> y_{};  // the band edges inside, in long-axis data coordinates
  double vmin_ = 0.0;
  double vmax_ = 1.0;
  Patch* outline_ = nullptr;
  std::vector<Patch*> extend_patches_{};
  LineCollection* dividers_ = nullptr;
  std::unique_ptr<State> state_;
  std::shared_ptr<bool> alive_;  // read by the Axes locator
};

}  // namespace strata
