// SPDX-License-Identifier: MIT
#pragma once
// Line2D (matplotlib's lines.py): a polyline with optional markers at its vertices. Its data
// comes from a DataContainer queried at draw time (fields "x" and "y").
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "strata/artist/artist.hpp"
#include "strata/artist/linestyle.hpp"
#include "strata/artist/markers.hpp"
#include "strata/colors/color.hpp"
#include "strata/data/container.hpp"

namespace strata {

class StreamingContainer;

/// Keyword options of a line (matplotlib's Line2D properties); unset fields take rcParams
/// lines.* and the axes' color cycle.
///
/// **Example**
/// ```
/// ax.plot(x, y, {.color = "C1", .linewidth = 2, .linestyle = "--", .marker = "o",
///                .label = "model"});
/// ```
struct Line2DOptions {
  std::optional<Color> color{};
  std::optional<double> linewidth{};
  std::optional<std::string> linestyle{};
  std::optional<Dashes> dashes{};  ///< an explicit on/off pattern in points (unscaled)
  std::optional<std::string> marker{};
  std::optional<double> markersize{};
  std::optional<double> markeredgewidth{};
  std::optional<Color> markeredgecolor{};
  std::optional<Color> markerfacecolor{};
  std::optional<Color> markerfacecoloralt{};
  std::optional<std::string> fillstyle{};
  std::optional<MarkEvery> markevery{};
  std::optional<std::string> drawstyle{};
  std::optional<std::string> dash_capstyle{};
  std::optional<std::string> solid_capstyle{};
  std::optional<std::string> dash_joinstyle{};
  std::optional<std::string> solid_joinstyle{};
  std::optional<bool> antialiased{};
  std::optional<double> alpha{};
  std::optional<double> zorder{};
  std::optional<bool> clip_on{};
  std::optional<bool> visible{};
  std::optional<std::string> label{};
};

/// A line.
///
/// **Example**
/// ```
/// strata::Line2D& l = ax.plot(x, y);
/// l.set_color("red");
/// l.set_data(x2, y2);  // lengths checked here
/// ```
class STRATA_API Line2D : public Artist {
 public:
  /// A line over the fields "x" and "y" of `data`.
  explicit Line2D(DataContainerPtr data, const Line2DOptions& options = {});
  /// A line over copies of xs and ys (ValueError naming both lengths when they differ).
  Line2D(std::span<const double> xs, std::span<const double> ys, const Line2DOptions& options = {});

  void draw(Renderer& renderer) override;
  [[nodiscard]] Bbox get_window_extent() const override;

  /// Replaces the data by copies of xs and ys (ValueError naming both lengths).
  void set_data(std::span<const double> xs, std::span<const double> ys);
  /// Replaces the data container.
  void set_data(DataContainerPtr data);
  [[nodiscard]] const DataContainerPtr& get_data_container() const { return data_; }
  /// The x and y values as given (queried with the identity view).
  [[nodiscard]] std::vector<double> get_xdata() const;
  [[nodiscard]] std::vector<double> get_ydata() const;
  /// The data limits (finite values only) with minpos, as the Axes' autoscaling uses them.
  [[nodiscard]] Bbox get_data_limits() const;

  [[nodiscard]] Rgba get_color() const { return color_; }
  void set_color(const Color& color);
  [[nodiscard]] double get_linewidth() const { return linewidth_; }
  void set_linewidth(double points);
  [[nodiscard]] const std::string& get_linestyle() const { return linestyle_; }
  void set_linestyle(std::string_view style);
  void set_dashes(Dashes dashes);
  [[nodiscard]] const MarkerStyle& get_marker() const { return marker_; }
  void set_marker(std::string_view marker);
  void set_marker(MarkerStyle marker);
  [[nodiscard]] double get_markersize() const { return markersize_; }
  void set_markersize(double points);
  [[nodiscard]] double get_markeredgewidth() const { return markeredgewidth_; }
  void set_markeredgewidth(double points);
  [[nodiscard]] Rgba get_markeredgecolor() const;
  void set_markeredgecolor(std::optional<Color> color);
  [[nodiscard]] Rgba get_markerfacecolor() const;
  void set_markerfacecolor(std::optional<Color> color);
  void set_markerfacecoloralt(std::optional<Color> color);
  void set_fillstyle(std::string_view fillstyle);
  void set_markevery(MarkEvery every);
  [[nodiscard]] DrawStyle get_drawstyle() const { return drawstyle_; }
  void set_drawstyle(std::string_view drawstyle);
  void set_dash_capstyle(CapStyle cap) { dash_capstyle_ = cap; }
  void set_solid_capstyle(CapStyle cap) { solid_capstyle_ = cap; }
  void set_dash_joinstyle(JoinStyle join) { dash_joinstyle_ = join; }
  void set_solid_joinstyle(JoinStyle join) { solid_joinstyle_ = join; }
  void set_antialiased(bool aa) { antialiased_ = aa; }
  /// True when the line has a visible line style (not "None").
  [[nodiscard]] bool has_line() const;
  /// The dash pattern in points, scaled by the line width as matplotlib does.
  [[nodiscard]] Dashes get_scaled_dashes() const;

  /// How many times draw() rebuilt its path from a query (cache misses), for tests.
  [[nodiscard]] std::uint64_t rebuild_count() const { return rebuilds_; }

 private:
  void apply_options(const Line2DOptions& options);
  void refresh_path(const Transform& axes_to_data, Size pixels) const;
  /// Strokes `path` (after the non-affine part) with the line's style; `dash_offset` in
  /// points is added to the pattern's (chunks of a streamed line continue the dashes).
  void stroke_line(Renderer& renderer, const Path& path, const Affine2D& affine,
                   double dash_offset) const;
  /// Draws the markers at `points` (after the non-affine part).
  void draw_marker_points(Renderer& renderer, const Path& points, const Affine2D& affine) const;
  // Huge sorted series (src/artist/lines_reduce.cpp): one scan per data key gives the limits
  // and whether x is sorted with every value finite; then the renderer's column reduction
  // can be done from the columns (nullopt when it does not apply).
  struct DataScan {
    CacheKey key;
    Bbox limits;
    bool sorted_finite = false;
  };
  [[nodiscard]] const DataScan& scan_data(const QueryResult& result) const;
  [[nodiscard]] std::optional<Path> reduced_polyline(const QueryResult& result,
                                                     const Affine2D& transform,
                                                     double column_width) const;
  /// Markers of many points, a block of kMarkerBlock points at a time from the columns.
  static constexpr std::size_t kMarkerBlock = 65536;
  void draw_markers_in_blocks(Renderer& renderer, const Column& xc, const Column& yc,
                              const Transform& transform) const;
  // A StreamingContainer (src/artist/lines_streaming.cpp): drawn chunk by chunk, limits from
  // one pass over the chunks (cached on the container's generation).
  [[nodiscard]] const StreamingContainer* streaming() const;
  void draw_streaming(Renderer& renderer, const StreamingContainer& data);
  [[nodiscard]] Bbox streaming_data_limits(const StreamingContainer& data) const;

  DataContainerPtr data_;
  Rgba color_;
  double linewidth_;
  std::string linestyle_;
  std::optional<Dashes> explicit_dashes_{};
  MarkerStyle marker_;
  double markersize_;
  double markeredgewidth_;
  std::optional<Rgba> markeredgecolor_{};
  std::optional<Rgba> markerfacecolor_{};
  std::optional<Rgba> markerfacecoloralt_{};
  bool markeredge_auto_ = true;
  bool markerface_auto_ = true;
  MarkEvery markevery_{};
  DrawStyle drawstyle_ = DrawStyle::default_style;
  CapStyle dash_capstyle_ = CapStyle::butt;
  CapStyle solid_capstyle_ = CapStyle::projecting;
  JoinStyle dash_joinstyle_ = JoinStyle::round;
  JoinStyle solid_joinstyle_ = JoinStyle::round;
  bool antialiased_ = true;

  // The draw-time cache: the path built from the last query (keyed on the container's cache
  // key) and its TransformedPath, which keeps the non-affine result until the transform's
  // non-affine part changes (pan and zoom reuse it).
  mutable std::optional<CacheKey> cached_key_{};
  mutable std::shared_ptr<TransformedPath> tpath_{};
  mutable std::shared_ptr<TransformedPath> points_tpath_{};
  mutable TransformPtr tpath_transform_{};
  mutable std::uint64_t rebuilds_ = 0;
  mutable std::optional<DataScan> scan_{};
  struct Reduced {
    CacheKey key;
    Affine2D transform;
    double width;
    Path path;
  };
  mutable std::optional<Reduced> reduced_{};
  mutable std::optional<std::pair<std::uint64_t, std::uint64_t>> stream_lim_key_{};
  mutable Bbox stream_lim_{};
};

/// An infinite straight line through two data points, or one point and a slope (matplotlib's
/// _AxLine behind Axes::axline): recomputed at every draw to span the current view; on log axes
/// it is straight in the scaled space, as matplotlib's.
class STRATA_API AxLine : public Line2D {
 public:
  /// Exactly one of `xy2` and `slope` (ValueError otherwise, and for two identical points).
  AxLine(Point xy1, std::optional<Point> xy2, std::optional<double> slope,
         const Line2DOptions& options = {});
  void draw(Renderer& renderer) override;

 private:
  [[nodiscard]] TransformPtr span_transform() const;
  Point xy1_;
  std::optional<Point> xy2_;
  std::optional<double> slope_;
};

}  // namespace strata
