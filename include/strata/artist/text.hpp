// SPDX-License-Identifier: MIT
#pragma once
// The Text artist (matplotlib's Text): a string at a point of any coordinate system, laid out
// by the text layer (strata/text/layout.hpp) at the renderer's dpi.
#include <optional>
#include <string>

#include "strata/artist/artist.hpp"
#include "strata/colors/color.hpp"
#include "strata/core/color.hpp"
#include "strata/text/font.hpp"
#include "strata/text/layout.hpp"

namespace strata {

/// Keyword options of a Text (matplotlib's Text properties). Unset fields take rcParams.
///
/// **Example**
/// ```
/// ax.text(0.5, 0.5, "centre", {.ha = "center", .va = "center", .fontsize = 14});
/// ```
struct TextOptions {
  std::optional<Color> color{};      ///< any matplotlib color; default rcParams text.color
  std::optional<double> fontsize{};  ///< points; default rcParams font.size
  std::optional<std::string> fontsize_name{};  ///< "small", "x-large", ... (relative sizes)
  std::optional<std::string> fontfamily{};     ///< "serif", "DejaVu Sans Mono", ...
  std::optional<std::string> fontweight{};     ///< "bold", "600", ...
  std::optional<std::string> fontstyle{};      ///< "italic", "oblique", "normal"
  std::optional<std::string> ha{};             ///< left / center / right (default left)
  std::optional<std::string> va{};  ///< top / center / bottom / baseline / center_baseline
  std::optional<std::string> multialignment{};
  std::optional<double> rotation{};            ///< degrees
  std::optional<std::string> rotation_mode{};  ///< "default" or "anchor"
  std::optional<double> linespacing{};         ///< default 1.2
  std::optional<TextBoxOptions> bbox{};        ///< a background box
  std::optional<double> alpha{};
  std::optional<double> zorder{};
  std::optional<bool> clip_on{};
  std::optional<bool> visible{};
  std::string label{};
};

/// Parses "left"/"center"/"right" (ValueError naming the value otherwise).
[[nodiscard]] STRATA_API HAlign parse_halign(std::string_view s);
/// Parses "top"/"center"/"bottom"/"baseline"/"center_baseline".
[[nodiscard]] STRATA_API VAlign parse_valign(std::string_view s);

/// A text artist.
///
/// **Example**
/// ```
/// strata::Text& t = ax.text(1, 2, "peak");
/// t.set_color("red");
/// t.set_rotation(45);
/// ```
class STRATA_API Text : public Artist {
 public:
  /// A text at (x, y) in the coordinates of the transform set later (identity: display).
  Text(double x, double y, std::string text, const TextOptions& options = {});

  void draw(Renderer& renderer) override;
  [[nodiscard]] Bbox get_window_extent() const override;
  /// The window extent at a given dpi (layout engines, vector output at 72 dpi).
  [[nodiscard]] Bbox get_window_extent(double dpi) const;

  [[nodiscard]] const std::string& get_text() const { return text_; }
  void set_text(std::string text);
  [[nodiscard]] Point get_position() const { return {x_, y_}; }
  void set_position(Point p);
  void set_x(double x);
  void set_y(double y);
  [[nodiscard]] Rgba get_color() const { return color_; }
  void set_color(const Rgba& color);
  void set_color(const Color& color) { set_color(to_rgba(color)); }
  [[nodiscard]] const FontProperties& get_fontproperties() const { return font_; }
  void set_fontproperties(const FontProperties& font);
  [[nodiscard]] double get_fontsize() const { return font_.size; }
  void set_fontsize(double points);
  void set_fontweight(std::string_view weight);
  void set_fontfamily(std::string_view family);
  [[nodiscard]] HAlign get_ha() const { return layout_options_.ha; }
  void set_ha(HAlign ha);
  void set_ha(std::string_view ha) { set_ha(parse_halign(ha)); }
  [[nodiscard]] VAlign get_va() const { return layout_options_.va; }
  void set_va(VAlign va);
  void set_va(std::string_view va) { set_va(parse_valign(va)); }
  [[nodiscard]] double get_rotation() const { return layout_options_.rotation; }
  void set_rotation(double degrees);
  void set_rotation_mode(RotationMode mode);
  void set_multialignment(std::optional<HAlign> ma);
  void set_linespacing(double spacing);
  void set_bbox(std::optional<TextBoxOptions> box);
  [[nodiscard]] const TextLayoutOptions& layout_options() const { return layout_options_; }

  /// The anchor in display coordinates (the position through the transform).
  [[nodiscard]] Point display_anchor() const;
  /// The layout at `dpi` (cached on text, font, options and dpi).
  [[nodiscard]] const TextLayout& layout(double dpi) const;

 private:
  double x_;
  double y_;
  std::string text_;
  Rgba color_;
  FontProperties font_;
  TextLayoutOptions layout_options_;
  mutable std::optional<TextLayout> layout_cache_{};
  mutable double layout_dpi_ = 0.0;
  std::string unsupported_fontset_{};  // rcParams mathtext.fontset when Strata lacks it
};

/// Builds FontProperties from the font fields of `options` over rcParams font.*.
[[nodiscard]] STRATA_API FontProperties font_from_options(const TextOptions& options);

}  // namespace strata
