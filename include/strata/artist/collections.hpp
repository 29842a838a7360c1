// SPDX-License-Identifier: MIT
#pragma once
// Collections (matplotlib's collections.py) and ScalarMappable (cm.py): many paths drawn with
// one Renderer::draw_path_collection call, sharing most properties, with per-item colors,
// widths and styles cycled over the items, optionally color-mapped from an array of values.
//
// Data reaches a collection only through its DataContainer, queried at draw time with the
// Axes' view (axes_to_data, pixel_size); what a collection derives from a query (paths,
// offsets, sizes, values) is cached on the query's CacheKey. The fields are:
//   PathCollection (scatter):   "x", "y" (offsets), optional "s" (sizes, points^2) and "c"
//                               (values to color-map)
//   PolyCollection, LineCollection: "x", "y" (all vertices, item after item) and "lengths"
//                               (vertices per item, shape "M"); optional "c"
//   fill_between:               a PolyCollection over "x", "y1", "y2" and optional "where",
//                               whose polygons are built at draw time.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "strata/artist/artist.hpp"
#include "strata/artist/markers.hpp"
#include "strata/colors/color.hpp"
#include "strata/colors/colormap.hpp"
#include "strata/colors/normalize.hpp"
#include "strata/data/container.hpp"
#include "strata/data/data_ref.hpp"
#include "strata/export.hpp"

namespace strata {

class StreamingContainer;

/// A colormap argument: a registered name ("viridis", "RdBu_r") or a Colormap object. A name
/// is looked up when the argument is made (strata::ValueError for unknown names).
///
/// **Example**
/// ```
/// ax.scatter(x, y, {.c = v, .cmap = "plasma"});
/// ax.scatter(x, y, {.c = v, .cmap = strata::get_cmap("viridis")->with_extremes({.bad = "r"})});
/// ```
class STRATA_API CmapArg {
 public:
  CmapArg(const char* name);         // NOLINT(google-explicit-constructor): implicit by design
  CmapArg(std::string_view name);    // NOLINT(google-explicit-constructor)
  CmapArg(const std::string& name);  // NOLINT(google-explicit-constructor)
  /// A colormap object; ValueError when null.
  CmapArg(std::shared_ptr<const Colormap> cmap);  // NOLINT(google-explicit-constructor)
  CmapArg(std::shared_ptr<Colormap> cmap);        // NOLINT(google-explicit-constructor)
  [[nodiscard]] const std::shared_ptr<const Colormap>& get() const { return cmap_; }

 private:
  std::shared_ptr<const Colormap> cmap_;
};

/// Maps scalar data to colors through a norm and a colormap (matplotlib's ScalarMappable).
///
/// The norm is shared (a colorbar reads the same object); calling to_rgba() autoscales an
/// unscaled norm from the values it maps, as matplotlib does.
///
/// **Example**
/// ```
/// strata::ScalarMappable sm(std::make_shared<strata::Normalize>(), "viridis");
/// sm.set_array(values);
/// sm.autoscale();                         // vmin, vmax = min, max of the values
/// std::vector<strata::Rgba> c = sm.to_rgba(values);
/// sm.set_clim(0, 10);
/// ```
class STRATA_API ScalarMappable {
 public:
  /// `norm` null: a new Normalize (autoscaled from the first data). `cmap` null: rcParams
  /// image.cmap.
  explicit ScalarMappable(std::shared_ptr<Normalize> norm = nullptr,
                          std::shared_ptr<const Colormap> cmap = nullptr);
  ScalarMappable(std::shared_ptr<Normalize> norm, const CmapArg& cmap);
  virtual ~ScalarMappable();
  ScalarMappable(const ScalarMappable&) = delete;
  ScalarMappable& operator=(const ScalarMappable&) = delete;

  /// The values to map (copied); NaN and infinities are masked (painted with the colormap's
  /// bad color).
  void set_array(std::span<const double> values);
  /// Removes the array (matplotlib's set_array(None)).
  void clear_array();
  /// The values to map, or nullopt when there are none.
  [[nodiscard]] virtual std::optional<std::vector<double>> get_array() const;

  [[nodiscard]] const std::shared_ptr<const Colormap>& get_cmap() const { return cmap_; }
  /// null: rcParams image.cmap.
  void set_cmap(std::shared_ptr<const Colormap> cmap);
  /// A registered name; ValueError for unknown names.
  void set_cmap(std::string_view name);
  [[nodiscard]] const std::shared_ptr<Normalize>& get_norm() const { return norm_; }
  [[nodiscard]] Normalize& norm() const { return *norm_; }
  /// null: a new Normalize.
  void set_norm(std::shared_ptr<Normalize> norm);

  /// (vmin, vmax) of the norm; nullopt where unset.
  [[nodiscard]] std::pair<std::optional<double>, std::optional<double>> get_clim() const;
  /// Sets the norm's vmin and/or vmax (nullopt keeps one). ValueError for NaN or infinite
  /// values ("vmin must be finite, not nan").
  void set_clim(std::optional<double> vmin, std::optional<double> vmax);
  /// vmin and vmax from the array's finite min and max. ValueError "You must first set_array
  /// for mappable" when there is no array.
  void autoscale();
  /// Sets whichever of vmin and vmax is unset from the array (same error).
  void autoscale_None();  // NOLINT(readability-identifier-naming)

  /// The colors of `values`: normalised (norm = true) and looked up in the colormap; `alpha`
  /// replaces every alpha (except a fully transparent bad color's, as matplotlib).
  [[nodiscard]] std::vector<Rgba> to_rgba(std::span<const double> values,
                                          std::optional<double> alpha = {}, bool norm = true) const;
  [[nodiscard]] Rgba to_rgba(double value, std::optional<double> alpha = {}) const;

  /// Tells listeners (colorbars, caches) that the mapping changed; set_* call it.
  void changed();
  /// +1 at every changed().
  [[nodiscard]] std::uint64_t changed_count() const { return changed_count_; }
  /// The alpha a colorbar uses (matplotlib's get_alpha; an Artist's alpha for collections).
  [[nodiscard]] virtual std::optional<double> get_mappable_alpha() const { return {}; }
  /// A handle that reads null once this mappable is destroyed (colorbars keep it).
  [[nodiscard]] const std::shared_ptr<ScalarMappable*>& lifetime_handle() const { return alive_; }

 protected:
  /// Called by changed(); artists mark themselves stale.
  virtual void on_changed() {}
  [[nodiscard]] const std::optional<std::vector<double>>& stored_array() const { return array_; }

 private:
  std::shared_ptr<Normalize> norm_;
  std::shared_ptr<const Colormap> cmap_;
  std::optional<std::vector<double>> array_{};
  std::uint64_t changed_count_ = 0;
  std::shared_ptr<ScalarMappable*> alive_;
};

/// A color argument of a collection: one color, a list of colors (cycled over the items),
/// "none" (nothing painted) or "face" (edges only: the face colors). A default-constructed
/// ColorArray is "not given" (the option's default applies).
///
/// **Example**
/// ```
/// strata::ColorArray a = "C0";
/// strata::ColorArray b = {"red", "0.5", strata::Rgba{0, 0, 1, 1}};
/// strata::ColorArray c = "face";
/// ```
class STRATA_API ColorArray {
 public:
  /// Not given.
  ColorArray() = default;
  /// "face" or a color string (ValueError for anything else).
  ColorArray(const char* spec);           // NOLINT(google-explicit-constructor): implicit by design
  ColorArray(std::string_view spec);      // NOLINT(google-explicit-constructor)
  ColorArray(const std::string& spec);    // NOLINT(google-explicit-constructor)
  ColorArray(Color color);                // NOLINT(google-explicit-constructor)
  ColorArray(Rgba color);                 // NOLINT(google-explicit-constructor)
  ColorArray(std::vector<Color> colors);  // NOLINT(google-explicit-constructor)
  ColorArray(std::initializer_list<Color> colors);
  /// False for a default-constructed (not given) argument.
  [[nodiscard]] bool is_set() const { return face_ || !colors_.empty(); }
  /// The special value "face".
  [[nodiscard]] bool is_face() const { return face_; }
  /// A single "none" (matplotlib's to_rgba_array("none") is empty).
  [[nodiscard]] bool is_none() const;
  [[nodiscard]] const std::vector<Color>& colors() const { return colors_; }
  /// matplotlib's to_rgba_array(c, alpha): "none" gives no colors; `alpha` replaces each
  /// color's alpha (not a "none" entry's). Not for "face".
  [[nodiscard]] std::vector<Rgba> to_rgba_array(std::optional<double> alpha = {}) const;

 private:
  std::vector<Color> colors_{};
  bool face_ = false;
};

/// Keyword options common to collections (matplotlib's Collection.__init__). Unset fields take
/// the collection's defaults (rcParams patch.* or lines.* for LineCollection).
struct CollectionOptions {
  ColorArray facecolors{};  ///< default rcParams patch.facecolor
  /// default "none" unless rcParams patch.force_edgecolor (LineCollection: lines.color)
  ColorArray edgecolors{};
  ColorArray colors{};                    ///< both (LineCollection: the edges)
  std::vector<double> linewidths{};       ///< points; default rcParams patch.linewidth
  std::vector<std::string> linestyles{};  ///< default "solid"
  std::vector<bool> antialiaseds{};       ///< default rcParams patch.antialiased
  std::optional<std::string> capstyle{};
  std::optional<std::string> joinstyle{};
  std::optional<std::string> hatch{};
  std::optional<double> alpha{};
  std::optional<double> zorder{};  ///< default 1 (LineCollection 2)
  std::optional<std::string> label{};
  std::optional<bool> clip_on{};
  std::optional<CmapArg> cmap{};      ///< default rcParams image.cmap
  std::shared_ptr<Normalize> norm{};  ///< default a new Normalize
  std::optional<bool> rasterized{};
};

/// The base of the collections (matplotlib's Collection): a set of paths drawn with shared and
/// per-item (cycled) properties. A ScalarMappable: when it has values ("c" or set_array), the
/// faces (or, for unfilled collections, the edges) take their colors from the colormap.
///
/// **Example**
/// ```
/// strata::PathCollection& sc = ax.scatter(x, y, {.c = v});
/// sc.set_edgecolor("k");
/// sc.set_linewidth(0.5);
/// sc.set_clim(0, 1);
/// ```
class STRATA_API Collection : public Artist, public ScalarMappable {
 public:
  ~Collection() override;

  void draw(Renderer& renderer) override;
  /// The items' box in display coordinates (offsets grown by the largest marker for markers;
  /// the transformed paths otherwise); null when there is nothing.
  [[nodiscard]] Bbox get_window_extent() const override;
  /// The data limits, with minpos, as matplotlib's Collection.get_datalim: the offsets when
  /// they are in data coordinates and the paths are not (scatter); the paths (plus offsets)
  /// when the paths are in data coordinates; null otherwise.
  [[nodiscard]] virtual Bbox get_datalim(const TransformPtr& trans_data) const;

  /// The data container.
  [[nodiscard]] const DataContainerPtr& get_data_container() const { return data_; }
  /// Replaces the container (ValueError when a required field is missing).
  void set_data(DataContainerPtr data);

  // ---- colors ----------------------------------------------------------------------------
  void set_facecolor(const ColorArray& colors);
  void set_edgecolor(const ColorArray& colors);
  /// Both face and edge colors (LineCollection: the edges).
  virtual void set_color(const ColorArray& colors);
  /// The face colors as drawn (mapped colors when mapped), alpha applied; empty for "none".
  [[nodiscard]] std::vector<Rgba> get_facecolor() const;
  /// The edge colors as drawn; empty for "none".
  [[nodiscard]] std::vector<Rgba> get_edgecolor() const;
  /// False when the face color is "none".
  [[nodiscard]] bool get_fill() const;
  void set_alpha(std::optional<double> alpha) override;

  // ---- lines -----------------------------------------------------------------------------
  /// ValueError for a negative or non-finite width.
  void set_linewidth(double points);
  /// Cycled over the items; empty: the default.
  void set_linewidths(std::vector<double> points);
  /// The widths as drawn (broadcast with the line styles).
  [[nodiscard]] std::vector<double> get_linewidth() const;
  /// One style for all ("-", "--", "dashed", ...); ValueError for unknown names.
  void set_linestyle(std::string_view style);
  void set_linestyles(const std::vector<std::string>& styles);
  /// Explicit unscaled dash patterns, cycled.
  void set_dashes(std::vector<Dashes> dashes);
  /// The dash patterns as drawn (scaled by the widths, broadcast with them).
  [[nodiscard]] std::vector<Dashes> get_linestyle() const;
  /// The dash patterns as set (unscaled).
  [[nodiscard]] const std::vector<Dashes>& get_dashes() const { return dashes_; }
  void set_antialiased(bool aa);
  void set_antialiaseds(std::vector<bool> aa);
  void set_capstyle(CapStyle cap) { capstyle_ = cap; }
  void set_joinstyle(JoinStyle join) { joinstyle_ = join; }
  /// Hatch pattern for the whole collection ("/", "x", "o.", ...).
  void set_hatch(std::string hatch);
  [[nodiscard]] const std::string& get_hatch() const { return hatch_; }

  // ---- geometry ----------------------------------------------------------------------------
  /// The transform of the offsets (the Axes' transData for scatter; identity by default).
  void set_offset_transform(TransformPtr transform);
  [[nodiscard]] TransformPtr get_offset_transform() const;
  /// The offsets of the current data (empty when the collection has none).
  [[nodiscard]] std::vector<Point> get_offsets() const;
  /// The paths of the current data.
  [[nodiscard]] std::vector<Path> get_paths() const;

  /// ScalarMappable: set_array's values, else the "c" field of the data, else nullopt.
  [[nodiscard]] std::optional<std::vector<double>> get_array() const override;
  [[nodiscard]] std::optional<double> get_mappable_alpha() const override { return get_alpha(); }

  /// Copies the look of `other` (matplotlib's Collection.update_from): its colors as drawn
  /// (mapped colors included), widths, dash patterns, antialiasing, cap and join styles,
  /// hatch and alpha. Used for legend handles.
  void update_from(const Collection& other);

  /// How many times the items were rebuilt from a query (cache misses), for tests.
  [[nodiscard]] std::uint64_t rebuild_count() const { return rebuilds_; }

 protected:
  /// What the subclass derives from one query.
  struct Items {
    std::vector<Path> paths{};     ///< in the artist transform's coordinates
    std::vector<Point> offsets{};  ///< in the offset transform's coordinates
    std::vector<double> sizes{};   ///< points^2 (sized collections), cycled
    std::vector<double> values{};  ///< the "c" values of the kept items
    /// The indices of the items kept after masking non-finite data; empty: all kept.
    std::vector<std::size_t> kept{};
    std::size_t count_before_mask = 0;  ///< the item count before masking
    bool uses_offsets = false;          ///< markers: nothing is drawn without offsets
  };
  /// Defaults that differ between subclasses (matplotlib's _get_default_*).
  struct Defaults {
    bool edge_default = false;  ///< LineCollection: edges by default
    bool lines = false;         ///< widths, antialiasing, edge color from lines.*
    bool face_none = false;     ///< facecolor "none" by default
    double zorder = 1.0;
  };

  Collection(DataContainerPtr data, const CollectionOptions& options, Defaults defaults);

  /// Builds the items from a query (the subclass's fields).
  [[nodiscard]] virtual Items make_items(const QueryResult& result) const = 0;
  /// Checks the container's fields; ValueError naming the missing one.
  virtual void check_fields(const DataContainer& data) const = 0;
  /// The per-item transforms (marker scales) at `dpi`; none by default.
  [[nodiscard]] virtual std::vector<Affine2D> item_transforms(const Items& items, double dpi) const;
  /// The items of the current data (queried with the Axes' view; cached on the key).
  [[nodiscard]] const Items& items() const;
  /// Drops the cache (subclass state that changes the items changed).
  void invalidate_items();
  void on_changed() override { set_stale(); }

 private:
  struct Resolved;
  /// Draws `items` (one query's worth, or one chunk of a stream); `offsets_path`, when
  /// given, holds the items' offsets as a Path (kept between draws of unchanged items).
  void draw_items(Renderer& renderer, const Items& items, const Path* offsets_path = nullptr);
  // A StreamingContainer (src/artist/collections_streaming.cpp): items() gives an empty
  // chunk's items (colors and widths resolve as usual), draw() draws chunk by chunk, the
  // data limits come from one pass over the chunks.
  [[nodiscard]] const StreamingContainer* streaming() const;
  void draw_streaming(Renderer& renderer, const StreamingContainer& data);
  [[nodiscard]] Bbox streaming_datalim(const StreamingContainer& data,
                                       const TransformPtr& trans_data) const;
  [[nodiscard]] Resolved resolve(const Items& items) const;
  [[nodiscard]] std::vector<Rgba> resolved_face(const Items& items) const;
  [[nodiscard]] std::vector<Rgba> resolved_edge(const Items& items,
                                                const std::vector<Rgba>& face) const;
  [[nodiscard]] bool face_mapped(const Items& items) const;
  [[nodiscard]] bool edge_mapped(const Items& items) const;
  [[nodiscard]] std::vector<Rgba> mapped_colors(const Items& items) const;

  DataContainerPtr data_;
  Defaults defaults_;
  std::optional<ColorArray> face_{};  // nullopt: default
  std::optional<ColorArray> edge_{};  // nullopt: default
  std::vector<double> linewidths_{};
  std::vector<Dashes> dashes_{Dashes{}};  // unscaled
  std::vector<bool> antialiaseds_{};
  std::optional<CapStyle> capstyle_{};
  std::optional<JoinStyle> joinstyle_{};
  std::string hatch_{};
  Rgba hatch_color_{};
  TransformPtr offset_transform_{};

  mutable std::optional<CacheKey> cached_key_{};
  mutable Items items_{};
  mutable std::uint64_t rebuilds_ = 0;
  mutable std::optional<Path> offsets_path_{};      // items_.offsets as a Path, for rebuild ...
  mutable std::uint64_t offsets_path_rebuild_ = 0;  // ... number offsets_path_rebuild_
  mutable std::optional<std::pair<std::uint64_t, std::uint64_t>> stream_lim_key_{};
  mutable Bbox stream_lim_{};
};

/// Markers of one or more paths at offsets, scaled by sizes in points^2 (matplotlib's
/// PathCollection, made by Axes::scatter). The paths are in points for a size of 1 point^2
/// (a marker's path after its transform); offsets in the offset transform's coordinates.
///
/// **Example**
/// ```
/// auto data = std::make_shared<strata::ArrayContainer>(
///     std::map<std::string, strata::DataRef>{{"x", x}, {"y", y}, {"s", sizes}});
/// strata::PathCollection& pc = ax.scatter(data, {.marker = "s"});
/// pc.get_sizes();
/// ```
class STRATA_API PathCollection : public Collection {
 public:
  /// `data` must have "x" and "y"; "s" (sizes) and "c" (values) are used when present.
  /// `sizes` are used when the data has no "s" (cycled; empty: rcParams lines.markersize**2).
  PathCollection(std::vector<Path> paths, DataContainerPtr data, std::vector<double> sizes = {},
                 const CollectionOptions& options = {});

  /// The sizes in points^2 of the current data (the "s" field or the fixed sizes).
  [[nodiscard]] std::vector<double> get_sizes() const;
  /// Fixed sizes (used when the data has no "s" field); ValueError for negative values.
  void set_sizes(std::vector<double> sizes);
  /// The marker paths.
  [[nodiscard]] const std::vector<Path>& get_marker_paths() const { return paths_; }
  void set_paths(std::vector<Path> paths);
  /// Whether points with a non-finite "c" value are drawn in the colormap's bad color
  /// (matplotlib's plotnonfinite; default false: they are left out, like non-finite x/y/s).
  void set_plotnonfinite(bool on);
  [[nodiscard]] bool get_plotnonfinite() const { return plotnonfinite_; }

 protected:
  [[nodiscard]] Items make_items(const QueryResult& result) const override;
  void check_fields(const DataContainer& data) const override;
  [[nodiscard]] std::vector<Affine2D> item_transforms(const Items& items,
                                                      double dpi) const override;

 private:
  std::vector<Path> paths_;
  std::vector<double> sizes_;
  bool plotnonfinite_ = false;
};

/// Builds the paths of a collection from a query result (for collections whose items are
/// derived from other fields, as fill_between's polygons).
using PathBuilder = std::function<std::vector<Path>(const QueryResult&)>;

/// Filled polygons (matplotlib's PolyCollection, made by Axes::fill_between).
///
/// **Example**
/// ```
/// std::vector<std::vector<strata::Point>> verts = {{{0, 0}, {1, 0}, {1, 1}},
///                                                  {{2, 0}, {3, 0}, {3, 2}}};
/// auto pc = std::make_unique<strata::PolyCollection>(verts, true,
///     strata::CollectionOptions{.facecolors = {"C0", "C1"}});
/// ax.add_collection(std::move(pc));
/// ```
class STRATA_API PolyCollection : public Collection {
 public:
  /// Polygons from the fields "x", "y" (vertices, polygon after polygon) and "lengths"
  /// (vertices per polygon) of `data`; "c" (one value per polygon) when present.
  explicit PolyCollection(DataContainerPtr data, bool closed = true,
                          const CollectionOptions& options = {});
  /// Polygons given as vertex lists (copied into an ArrayContainer).
  explicit PolyCollection(const std::vector<std::vector<Point>>& verts, bool closed = true,
                          const CollectionOptions& options = {});
  /// Polygons built from `data` at draw time by `builder` (closed paths expected).
  PolyCollection(DataContainerPtr data, PathBuilder builder, const CollectionOptions& options = {});

  /// Replaces the polygons (copied).
  void set_verts(const std::vector<std::vector<Point>>& verts, bool closed = true);

 protected:
  [[nodiscard]] Items make_items(const QueryResult& result) const override;
  void check_fields(const DataContainer& data) const override;

 private:
  bool closed_ = true;
  PathBuilder builder_{};
};

/// Polylines (matplotlib's LineCollection): segments with per-item colors, widths and styles.
/// Defaults from rcParams lines.* (color, linewidth, antialiased), no faces, zorder 2.
///
/// **Example**
/// ```
/// std::vector<std::vector<strata::Point>> segs = {{{0, 0}, {1, 1}}, {{0, 1}, {1, 0}}};
/// auto lc = std::make_unique<strata::LineCollection>(segs,
///     strata::CollectionOptions{.colors = {"r", "b"}, .linewidths = {2}});
/// ax.add_collection(std::move(lc));
/// ```
class STRATA_API LineCollection : public Collection {
 public:
  /// Polylines from "x", "y" and "lengths" of `data` ("c" per line when present).
  explicit LineCollection(DataContainerPtr data, const CollectionOptions& options = {});
  /// Polylines given as vertex lists (copied).
  explicit LineCollection(const std::vector<std::vector<Point>>& segments,
                          const CollectionOptions& options = {});
  /// Replaces the segments (copied).
  void set_segments(const std::vector<std::vector<Point>>& segments);
  /// The segments of the current data.
  [[nodiscard]] std::vector<std::vector<Point>> get_segments() const;
  /// Sets the edge colors (matplotlib's LineCollection.set_color).
  void set_color(const ColorArray& colors) override;

 protected:
  [[nodiscard]] Items make_items(const QueryResult& result) const override;
  void check_fields(const DataContainer& data) const override;
};

/// An ArrayContainer with "x", "y" and "lengths" for vertex lists (what PolyCollection and
/// LineCollection read).
[[nodiscard]] STRATA_API DataContainerPtr
make_vertex_container(const std::vector<std::vector<Point>>& items);

// ---- plotting options -----------------------------------------------------------------------

/// Options of Axes::scatter (matplotlib's scatter keywords, in the order of its signature).
///
/// **Example**
/// ```
/// ax.scatter(x, y, {.s = sizes, .c = values, .cmap = "viridis", .alpha = 0.7});
/// ax.scatter(x, y, {.color = "k", .marker = "+", .label = "events"});
/// ```
struct ScatterOptions {
  DataRef s{};  ///< points^2: one value or one per point; empty: rcParams lines.markersize**2
  DataRef c{};  ///< values to color-map, one per point (empty: no mapping)
  std::optional<std::string> marker{};       ///< default rcParams scatter.marker
  std::optional<MarkerStyle> markerstyle{};  ///< a MarkerStyle object (wins over marker)
  std::optional<CmapArg> cmap{};             ///< default rcParams image.cmap
  std::shared_ptr<Normalize> norm{};         ///< default a new Normalize
  std::optional<double> vmin{};
  std::optional<double> vmax{};
  std::optional<double> alpha{};
  std::vector<double> linewidths{};  ///< default rcParams patch.linewidth (lines.linewidth
                                     ///< for unfilled markers)
  ColorArray edgecolors{};           ///< default rcParams scatter.edgecolors ("face")
  bool plotnonfinite = false;        ///< draw non-finite c in the colormap's bad color
  ColorArray color{};                ///< face and edge colors (no mapping)
  ColorArray facecolors{};           ///< face colors (no mapping)
  std::optional<std::string> linestyle{};
  std::optional<std::string> hatch{};
  std::optional<std::string> label{};
  std::optional<double> zorder{};
  std::optional<bool> clip_on{};
  std::optional<bool> rasterized{};
};

/// Options of Axes::fill_between / fill_betweenx (matplotlib's keywords).
///
/// **Example**
/// ```
/// ax.fill_between(x, lo, hi, {.alpha = 0.3, .label = "band"});
/// ax.fill_between(x, y, 0.0, {.where = above, .interpolate = true, .color = "C1"});
/// ```
struct FillBetweenOptions {
  std::vector<bool> where{};          ///< empty: everywhere; else one flag per point
  bool interpolate = false;           ///< cut the polygons where y1 and y2 cross
  std::optional<std::string> step{};  ///< "pre", "post" or "mid"
  ColorArray color{};                 ///< face and edge color
  ColorArray facecolor{};             ///< default: the next color of the cycle
  ColorArray edgecolor{};
  std::optional<double> linewidth{};
  std::optional<std::string> linestyle{};
  std::optional<std::string> hatch{};
  std::optional<double> alpha{};
  std::optional<std::string> label{};
  std::optional<double> zorder{};
  std::optional<bool> antialiased{};
  std::optional<bool> clip_on{};
};

/// The polygons of fill_between over the fields "x" (independent), "y1", "y2" and optional
/// "where" (non-zero: fill) of `result` (matplotlib's _fill_between_x_or_y): one polygon per
/// run of points where `where` holds and all three values are finite. `horizontal` false gives
/// fill_betweenx's polygons (x and y swapped). ValueError for a bad `step`.
[[nodiscard]] STRATA_API std::vector<Path> fill_between_polygons(const QueryResult& result,
                                                                 bool interpolate,
                                                                 std::optional<std::string> step,
                                                                 bool horizontal = true);

}  // namespace strata
