// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/backend/renderer.hpp"
#include "strata/core/color.hpp"
#include "strata/core/geometry.hpp"
#include "strata/export.hpp"

namespace strata {

class Canvas;

/// Anything a Canvas can draw: a Figure, or any user object. Sizes are in inches.
class STRATA_API Drawable {
 public:
  virtual ~Drawable() = default;
  /// Width and height in inches.
  [[nodiscard]] virtual Size size_inches() const = 0;
  /// Resolution used when a print call gives none, and for buffer_rgba().
  [[nodiscard]] virtual double dpi() const { return 100.0; }
  /// Background painted before draw() unless the print is transparent.
  [[nodiscard]] virtual Rgba facecolor() const { return colors::white; }
  /// Draws everything through `renderer` (its dpi() says how many units per inch).
  virtual void draw(Renderer& renderer) = 0;
};

/// Keyword options of Canvas::print (matplotlib's print_figure / savefig).
struct PrintOptions {
  std::optional<std::string> format{};            ///< "png", "pdf", "svg", "ps", "eps", "rgba";
                                                  ///< nullopt: from the file extension
  std::optional<double> dpi{};                    ///< dots per inch; nullopt: the drawable's
  std::optional<Rgba> facecolor{};                ///< nullopt: the drawable's
  bool transparent = false;                       ///< no background at all
  std::map<std::string, std::string> metadata{};  ///< Title, Author, Subject, Keywords, Creator,
                                                  ///< Software (PNG text chunks, PDF info)
  std::optional<int> png_compression{};           ///< zlib level 0-9; nullopt: 1 (fast, see docs)
};

/// Where encoded bytes go. Backends write through it and never see files or streams.
class STRATA_API ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual void write(const std::uint8_t* data, std::size_t size) = 0;
};

/// What a format backend is asked to do: draw `drawable` at `dpi` into `sink`.
struct PrintRequest {
  Drawable& drawable;
  double dpi;
  Rgba background;  ///< transparent when PrintOptions::transparent
  const PrintOptions& options;
};

/// A raster drawing surface kept by a Canvas between draws (for buffer_rgba, blitting and
/// incremental drawing). Provided by the registered raster backend.
class STRATA_API RasterSurface {
 public:
  virtual ~RasterSurface() = default;
  [[nodiscard]] virtual Renderer& renderer() = 0;
  /// Fills the whole surface with `color` (straight alpha).
  virtual void clear(const Rgba& color) = 0;
  /// Straight-alpha RGBA8 pixels of the w x h block whose top-left pixel is (x, y), rows
  /// counted from the top. The block must lie inside the surface.
  [[nodiscard]] virtual Image read_pixels(int x, int y, int w, int h) = 0;
  /// Replaces the pixels of the block at (x, y) (top-left, rows from the top) with `image`.
  virtual void write_pixels(int x, int y, const Image& image) = 0;
  /// The whole surface as straight-alpha RGBA8.
  [[nodiscard]] Image to_image() { return read_pixels(0, 0, width(), height()); }
  [[nodiscard]] virtual int width() const = 0;
  [[nodiscard]] virtual int height() const = 0;
};

/// One output format: how to recognise it and how to print it.
struct FormatBackend {
  std::string name;                     ///< "png"
  std::vector<std::string> extensions;  ///< lower case, no dot: {"png"}
  std::string description;              ///< "Portable Network Graphics"
  bool vector = false;
  std::function<void(const PrintRequest&, ByteSink&)> print;
  /// Raster formats only: encodes finished pixels (for Canvas::print_raster_as_is).
  std::function<void(const Image&, double dpi, const PrintOptions&, ByteSink&)> encode_image{};
};

/// Factory of raster surfaces of a size in pixels at a dpi.
using RasterSurfaceFactory =
    std::function<std::unique_ptr<RasterSurface>(int width, int height, double dpi)>;

/// The process-wide table of output formats. A backend registers its formats once; Canvas
/// looks formats up here, so a new backend needs no change above it. Thread-safe.
class STRATA_API FormatRegistry {
 public:
  /// The registry, with the built-in backends (Cairo when linked) registered.
  [[nodiscard]] static FormatRegistry& global();
  /// Adds or replaces the format named `backend.name`.
  void register_format(FormatBackend backend);
  /// Sets the factory Canvas uses for draw() and buffer_rgba().
  void register_raster_surface(RasterSurfaceFactory factory);
  /// The format of that name (case-insensitive); throws ValueError listing the known ones.
  [[nodiscard]] FormatBackend find(std::string_view name) const;
  /// The format for a file extension such as "png" or "eps"; throws ValueError.
  [[nodiscard]] FormatBackend find_by_extension(std::string_view extension) const;
  /// Names of all registered formats, sorted.
  [[nodiscard]] std::vector<std::string> names() const;
  [[nodiscard]] std::unique_ptr<RasterSurface> make_raster_surface(int width, int height,
                                                                   double dpi) const;

 private:
  FormatRegistry();
  struct State;
  std::shared_ptr<State> state_;
};

/// Base of every canvas event. Interactive events (mouse, key, resize) derive from it later.
struct Event {
  std::string name{};        ///< "draw_event", ...
  Canvas* canvas = nullptr;  ///< the canvas that sent it
  virtual ~Event() = default;
};

/// Sent after every Canvas::draw(), with the renderer that drew.
struct DrawEvent : Event {
  Renderer* renderer = nullptr;
};

/// The pixel contents of a region saved by Canvas::copy_from_bbox.
struct CanvasRegion {
  int x = 0;  ///< left column in pixels
  int y = 0;  ///< top row in pixels (rows count from the top)
  Image pixels{};
};

/// Straight-alpha RGBA8 view of the canvas pixels (rows top to bottom), for GUIs.
struct RgbaBuffer {
  const std::uint8_t* data = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;  ///< bytes per row
};

/// Binds a Drawable to the output backends (matplotlib's FigureCanvasBase): prints it to a
/// file, stream or bytes in any registered format, and keeps a raster surface for
/// buffer_rgba(), blitting and incremental drawing.
///
/// **Example**
/// ```
/// strata::Canvas canvas(my_drawable);
/// canvas.print("plot.pdf");                       // format from the extension
/// auto png = canvas.print_to_bytes({.format = "png", .dpi = 150});
/// ```
class STRATA_API Canvas {
 public:
  explicit Canvas(Drawable& drawable);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  [[nodiscard]] Drawable& drawable() const { return *drawable_; }

  /// Writes the drawable to `path`, atomically: the bytes go to a temporary file in the same
  /// directory, renamed over `path` only when complete. On any failure no file is left and
  /// an existing file at `path` is untouched. Throws ValueError (format, dpi, size) or IOError.
  void print(const std::filesystem::path& path, const PrintOptions& options = {});
  /// Writes to a stream; `options.format` is required.
  void print(std::ostream& out, const PrintOptions& options);
  /// Returns the encoded bytes; `options.format` is required.
  [[nodiscard]] std::vector<std::uint8_t> print_to_bytes(const PrintOptions& options);

  /// Draws the drawable onto the kept raster surface at the drawable's dpi and sends
  /// draw_event. Creates or resizes the surface as needed.
  void draw();
  /// The raster surface's renderer, to draw more onto the canvas as it stands (blitting,
  /// incremental drawing). Draws first if the canvas has never been drawn.
  [[nodiscard]] Renderer& renderer();
  /// Straight RGBA8 pixels of the canvas as it stands (draws first if never drawn).
  /// Valid until the next call on this canvas.
  [[nodiscard]] RgbaBuffer buffer_rgba();
  /// Encodes the canvas as it stands, without drawing again, to a PNG (or raw "rgba") file.
  void print_raster_as_is(const std::filesystem::path& path, const PrintOptions& options = {});
  /// Saves the pixels in the display-space box `bbox` (y up, pixels).
  [[nodiscard]] CanvasRegion copy_from_bbox(const Bbox& bbox);
  /// Puts saved pixels back.
  void restore_region(const CanvasRegion& region);

  /// Registers `callback` for event `name` ("draw_event"); returns an id for mpl_disconnect.
  /// Throws ValueError for an unknown event name.
  int mpl_connect(const std::string& name, std::function<void(const Event&)> callback);
  /// Removes a callback; unknown ids are ignored, as in matplotlib.
  void mpl_disconnect(int id);
  /// Sends `event` to the callbacks registered for event.name.
  void process_event(const Event& event);

  /// Pixel size of a drawable at `dpi`, validated: throws ValueError for a size or dpi that is
  /// zero, negative, not finite, or above 65536 pixels a side.
  [[nodiscard]] static std::pair<int, int> pixel_size(const Drawable& drawable, double dpi);

 private:
  void ensure_drawn();
  std::vector<std::uint8_t> encode(const PrintOptions& options, const FormatBackend& backend);

  Drawable* drawable_;
  std::unique_ptr<RasterSurface> surface_;
  Image rgba_cache_;
  struct Callback {
    int id;
    std::string name;
    std::function<void(const Event&)> fn;
  };
  std::vector<Callback> callbacks_;
  int next_id_ = 1;
};

/// Writes `data` to `path` atomically (temporary file in the same directory, then rename).
/// Throws IOError naming the path and the system's reason; leaves no temporary file.
STRATA_API void write_file_atomically(const std::filesystem::path& path,
                                      const std::function<void(ByteSink&)>& producer);

}  // namespace strata
