// SPDX-License-Identifier: MIT
#pragma once
// Spines (matplotlib's spines.py): the lines bounding the data area, one per side.
#include <string>

#include "strata/artist/patches.hpp"

namespace strata {

class Axes;

/// One spine ("left", "right", "bottom", "top"). Drawn as a patch with no fill, edge color
/// rcParams axes.edgecolor, width axes.linewidth, projecting caps.
///
/// **Example**
/// ```
/// ax.spines("top").set_visible(false);
/// ax.spines("left").set_position("outward", 10);
/// ```
class STRATA_API Spine : public Patch {
 public:
  Spine(Axes& axes, std::string spine_type);

  void draw(Renderer& renderer) override;
  [[nodiscard]] Path get_path() const override;
  [[nodiscard]] Bbox get_window_extent() const override;

  [[nodiscard]] const std::string& spine_type() const { return type_; }
  /// matplotlib's set_position: ("outward", points), ("axes", fraction), ("data", value).
  void set_position(std::string_view kind, double amount);
  /// "zero" (= ("data", 0)) or "center" (= ("axes", 0.5)).
  void set_position(std::string_view shorthand);
  [[nodiscard]] std::pair<std::string, double> get_position() const { return {kind_, amount_}; }
  /// Limits the spine to [low, high] in data coordinates (matplotlib's set_bounds).
  void set_bounds(std::optional<double> low, std::optional<double> high);
  /// The transform the spine is drawn with (also used for ticks on a moved spine).
  [[nodiscard]] TransformPtr get_spine_transform() const;

 private:
  Axes* owner_;
  std::string type_;
  std::string kind_ = "outward";
  double amount_ = 0.0;
  std::optional<double> low_{};
  std::optional<double> high_{};
};

}  // namespace strata
