// SPDX-License-Identifier: MIT
#pragma once
// DensityImage: a DensityContainer's per-pixel counts colormapped and drawn over the axes
// box (the datashader / mpl-scatter-density way of showing 1e8 points: bin at the screen's
// resolution at draw time, never per point).
#include <memory>
#include <optional>
#include <string>

#include "strata/artist/collections.hpp"
#include "strata/data/container.hpp"

namespace strata {

/// Options of Axes::density_image.
struct DensityImageOptions {
  std::optional<CmapArg> cmap{};      ///< default rcParams image.cmap
  std::shared_ptr<Normalize> norm{};  ///< default Normalize (e.g. a LogNorm for wide ranges)
  std::optional<double> vmin{};       ///< default the smallest count shown, at every draw
  std::optional<double> vmax{};       ///< default the largest count, at every draw
  bool show_zero = false;             ///< false: empty pixels are transparent
  std::optional<double> alpha{};
  std::optional<double> zorder{};  ///< default 0 (below lines, as images)
  std::optional<std::string> label{};
};

/// The counts of a container with fields "counts" (shape "H,W", row 0 at the bottom),
/// queried at the axes' pixel size at every draw and drawn pixel for pixel over the axes box
/// through the colormap. A ScalarMappable (colorbar-ready: the colorbar shows the counts of
/// the last draw).
///
/// **Example**
/// ```
/// auto d = std::make_shared<strata::DensityContainer>(source);   // 1e8 streamed points
/// auto& im = ax.density_image(d, {.norm = std::make_shared<strata::LogNorm>()});
/// ax.set_xlim(0, 1);
/// ax.set_ylim(0, 1);
/// fig.colorbar(im, {.label = "points per pixel"});
/// ```
class STRATA_API DensityImage : public Artist, public ScalarMappable {
 public:
  /// ValueError when the container has no "counts" field.
  DensityImage(DataContainerPtr data, const DensityImageOptions& options);
  void draw(Renderer& renderer) override;
  [[nodiscard]] const DataContainerPtr& get_data_container() const { return data_; }
  /// The counts of the last draw (H * W, row 0 at the bottom), with their grid size.
  [[nodiscard]] const std::vector<double>& last_counts() const { return counts_; }
  [[nodiscard]] std::pair<int, int> last_shape() const { return {rows_, cols_}; }
  [[nodiscard]] std::optional<double> get_mappable_alpha() const override { return get_alpha(); }
  /// The counts shown at the last query (empty pixels left out unless show_zero).
  [[nodiscard]] std::optional<std::vector<double>> get_array() const override;
  /// Queries the counts for the current view and scales the norm (draw calls it; so does
  /// Axes::density_image, so that a colorbar made before the first draw has limits).
  void update_counts();

 private:
  DataContainerPtr data_;
  DensityImageOptions options_;
  std::vector<double> counts_;
  int rows_ = 0, cols_ = 0;
};

}  // namespace strata
