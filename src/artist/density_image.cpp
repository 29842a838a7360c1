// SPDX-License-Identifier: MIT
#include "strata/artist/density_image.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "strata/artist/axes.hpp"
#include "strata/error.hpp"

namespace strata {

DensityImage::DensityImage(DataContainerPtr data, const DensityImageOptions& options)
    : ScalarMappable(options.norm, options.cmap ? options.cmap->get() : nullptr),
      data_(std::move(data)),
      options_(options) {
  if (!data_) throw ValueError("density_image: data container must not be null");
  if (!data_->describe().contains("counts")) {
    throw ValueError("density_image: the data container has no field 'counts'");
  }
  if (options_.norm && (options_.vmin || options_.vmax)) {
    throw ValueError(
        "Passing a Normalize instance simultaneously with vmin/vmax is not supported.  Please "
        "pass vmin/vmax directly to the norm when creating it.");
  }
  set_zorder(options_.zorder.value_or(0.0));
  if (options_.alpha) set_alpha(*options_.alpha);
  if (options_.label) set_label(*options_.label);
}

void DensityImage::update_counts() {
  const Axes* ax = get_axes();
  if (ax == nullptr) return;
  ax->unstale_view_lim();
  const Size px = ax->pixel_size();
  const QueryResult r = data_->query(*ax->axes_to_data(), px);
  const Column& c = r.at("counts");
  const std::size_t n = c.size();
  const int cols = std::max(1, static_cast<int>(std::ceil(px.width)));
  const int rows = std::max(1, static_cast<int>(std::ceil(px.height)));
  if (n != static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows)) {
    throw ValueError(
        fmt::format("density_image: {} counts for a {} x {} pixel axes", n, cols, rows));
  }
  counts_ = c.to_vector();
  rows_ = rows;
  cols_ = cols;
  // Limits from the counts shown (zeros left out when transparent) unless given.
  if (!options_.norm) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double v : counts_) {
      if (!options_.show_zero && v == 0) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    if (!(lo <= hi)) lo = hi = 0;
    set_clim(options_.vmin.value_or(lo), options_.vmax.value_or(hi));
  } else if (!get_norm()->scaled()) {
    std::vector<double> shown;
    for (double v : counts_) {
      if (options_.show_zero || v != 0) shown.push_back(v);
    }
    if (!shown.empty()) get_norm()->autoscale_None(shown);
  }
}

std::optional<std::vector<double>> DensityImage::get_array() const {
  if (counts_.empty()) return std::nullopt;
  std::vector<double> shown;
  for (double v : counts_) {
    if (options_.show_zero || v != 0) shown.push_back(v);
  }
  return shown;
}

void DensityImage::draw(Renderer& renderer) {
  if (!get_visible()) return;
  const Axes* ax = get_axes();
  if (ax == nullptr) return;
  update_counts();
  const int rows = rows_, cols = cols_;
  const std::vector<Rgba> colors = to_rgba(counts_, get_alpha());
  Image img;
  img.width = cols;
  img.height = rows;
  img.rgba.resize(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows) * 4);
  for (int i = 0; i < rows; ++i) {
    // Counts row 0 is the bottom; image rows run from the top.
    const std::size_t src_row = static_cast<std::size_t>(rows - 1 - i);
    for (int j = 0; j < cols; ++j) {
      const std::size_t k = src_row * static_cast<std::size_t>(cols) + static_cast<std::size_t>(j);
      Rgba col = colors[k];
      if (!options_.show_zero && counts_[k] == 0) col = Rgba{0, 0, 0, 0};
      std::uint8_t* p = &img.rgba[(static_cast<std::size_t>(i) * static_cast<std::size_t>(cols) +
                                   static_cast<std::size_t>(j)) *
                                  4];
      p[0] = static_cast<std::uint8_t>(std::lround(col.r * 255));
      p[1] = static_cast<std::uint8_t>(std::lround(col.g * 255));
      p[2] = static_cast<std::uint8_t>(std::lround(col.b * 255));
      p[3] = static_cast<std::uint8_t>(std::lround(col.a * 255));
    }
  }
  renderer.open_group("density_image", get_gid());
  GraphicsContext gc = new_gc();
  gc.alpha.reset();
  renderer.draw_image(gc, img, ax->get_window_extent(), Interpolation::nearest);
  renderer.close_group("density_image");
  set_stale(false);
}

}  // namespace strata
