// SPDX-License-Identifier: MIT
#pragma once
// Patches (matplotlib's patches.py): filled shapes with an edge. A patch's path lives in its
// own coordinates; get_patch_transform() maps them to the coordinates of the artist
// transform (data coordinates for patches added to an Axes).
#include <optional>
#include <string>
#include <vector>

#include "strata/artist/artist.hpp"
#include "strata/colors/color.hpp"

namespace strata {

/// Keyword options of a patch. Unset fields take rcParams patch.*.
///
/// **Example**
/// ```
/// ax.add_patch(std::make_unique<strata::Rectangle>(
///     strata::Point{0, 0}, 1, 2, strata::PatchOptions{.facecolor = "C1", .hatch = "//"}));
/// ```
struct PatchOptions {
  std::optional<Color> color{};      ///< sets both face and edge color
  std::optional<Color> facecolor{};  ///< default rcParams patch.facecolor
  std::optional<Color> edgecolor{};  ///< default: none unless patch.force_edgecolor
  std::optional<double> linewidth{};
  std::optional<std::string> linestyle{};
  std::optional<bool> fill{};
  std::optional<std::string> hatch{};
  std::optional<bool> antialiased{};
  std::optional<std::string> capstyle{};
  std::optional<std::string> joinstyle{};
  std::optional<double> alpha{};
  std::optional<double> zorder{};
  std::optional<bool> clip_on{};
  std::optional<std::string> label{};
};

/// The base of the patches.
class STRATA_API Patch : public Artist {
 public:
  explicit Patch(const PatchOptions& options = {});

  void draw(Renderer& renderer) override;
  [[nodiscard]] Bbox get_window_extent() const override;

  /// The outline in the patch's own coordinates.
  [[nodiscard]] virtual Path get_path() const = 0;
  /// Patch coordinates to the artist transform's input coordinates.
  [[nodiscard]] virtual Affine2D get_patch_transform() const { return {}; }
  /// get_patch_transform() then the artist transform.
  [[nodiscard]] TransformPtr get_full_transform() const;
  /// The outline in data coordinates (after the patch transform), for data limits.
  [[nodiscard]] Path get_data_path() const;

  [[nodiscard]] Rgba get_facecolor() const;
  void set_facecolor(const std::optional<Color>& color);
  [[nodiscard]] Rgba get_edgecolor() const;
  void set_edgecolor(const std::optional<Color>& color);
  void set_color(const Color& color);
  [[nodiscard]] double get_linewidth() const { return linewidth_; }
  void set_linewidth(double points);
  void set_linestyle(std::string_view style);
  void set_dashes(Dashes dashes);
  [[nodiscard]] bool get_fill() const { return fill_; }
  void set_fill(bool fill);
  [[nodiscard]] const std::string& get_hatch() const { return hatch_; }
  void set_hatch(std::string hatch);
  void set_antialiased(bool aa) { antialiased_ = aa; }
  void set_capstyle(CapStyle cap) { capstyle_ = cap; }
  void set_joinstyle(JoinStyle join) { joinstyle_ = join; }
  void set_alpha(std::optional<double> alpha) override;

 private:
  Rgba face_;
  Rgba edge_;
  Rgba hatch_color_;
  bool face_is_none_ = false;
  double linewidth_;
  Dashes dashes_{};
  bool no_line_ = false;
  bool fill_ = true;
  std::string hatch_{};
  bool antialiased_ = true;
  CapStyle capstyle_ = CapStyle::butt;
  JoinStyle joinstyle_ = JoinStyle::miter;
};

/// An axis-aligned (optionally rotated) rectangle from its anchor corner `xy`.
class STRATA_API Rectangle : public Patch {
 public:
  Rectangle(Point xy, double width, double height, const PatchOptions& options = {},
            double angle = 0.0);
  [[nodiscard]] Path get_path() const override { return Path::unit_rectangle(); }
  [[nodiscard]] Affine2D get_patch_transform() const override;
  [[nodiscard]] Point get_xy() const { return xy_; }
  void set_xy(Point xy);
  [[nodiscard]] double get_width() const { return width_; }
  [[nodiscard]] double get_height() const { return height_; }
  void set_width(double w);
  void set_height(double h);
  void set_bounds(double x, double y, double w, double h);
  [[nodiscard]] Bbox get_bbox() const { return Bbox::from_bounds(xy_.x, xy_.y, width_, height_); }
  [[nodiscard]] double get_angle() const { return angle_; }

 private:
  Point xy_;
  double width_;
  double height_;
  double angle_;
};

/// A polygon through `xy` (closed by default).
class STRATA_API Polygon : public Patch {
 public:
  explicit Polygon(std::vector<Point> xy, bool closed = true, const PatchOptions& options = {});
  [[nodiscard]] Path get_path() const override { return path_; }
  void set_xy(std::vector<Point> xy);
  [[nodiscard]] const std::vector<Point>& get_xy() const { return xy_; }

 private:
  std::vector<Point> xy_;
  bool closed_;
  Path path_;
};

/// An ellipse centered at `xy` with full `width` and `height`, rotated by `angle` degrees.
class STRATA_API Ellipse : public Patch {
 public:
  Ellipse(Point xy, double width, double height, double angle = 0.0,
          const PatchOptions& options = {});
  [[nodiscard]] Path get_path() const override { return Path::unit_circle(); }
  [[nodiscard]] Affine2D get_patch_transform() const override;

 protected:
  Point center_;
  double width_;
  double height_;
  double angle_;
};

/// A circle (an Ellipse with equal axes).
class STRATA_API Circle : public Ellipse {
 public:
  Circle(Point xy, double radius, const PatchOptions& options = {});
  [[nodiscard]] double get_radius() const { return width_ / 2; }
};

/// A wedge of a ring: center, radius r, angles theta1..theta2 (degrees), width (ring).
class STRATA_API Wedge : public Patch {
 public:
  Wedge(Point center, double r, double theta1, double theta2, std::optional<double> width = {},
        const PatchOptions& options = {});
  [[nodiscard]] Path get_path() const override { return path_; }

 private:
  Path path_;
};

/// A patch with any path.
class STRATA_API PathPatch : public Patch {
 public:
  explicit PathPatch(Path path, const PatchOptions& options = {});
  [[nodiscard]] Path get_path() const override { return path_; }
  void set_path(Path path);

 private:
  Path path_;
};

/// Parses "butt"/"round"/"projecting".
[[nodiscard]] STRATA_API CapStyle parse_capstyle(std::string_view s);
/// Parses "miter"/"round"/"bevel".
[[nodiscard]] STRATA_API JoinStyle parse_joinstyle(std::string_view s);

}  // namespace strata
