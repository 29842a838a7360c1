// SPDX-License-Identifier: MIT
#include "strata/backend/canvas.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <ostream>

#include "strata/error.hpp"

namespace strata {

// ---------------------------------------------------------------------------------------
// FormatRegistry

struct FormatRegistry::State {
  mutable std::mutex mutex;
  std::vector<FormatBackend> formats;
  RasterSurfaceFactory raster_factory;
};

FormatRegistry::FormatRegistry() : state_(std::make_shared<State>()) {}

FormatRegistry& FormatRegistry::global() {
  static FormatRegistry registry;
  return registry;
}

namespace {
std::string lower(std::string_view s) {
  std::string r(s);
  std::transform(r.begin(), r.end(), r.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return r;
}

std::string join_names(const std::vector<FormatBackend>& formats) {
  std::vector<std::string> names;
  for (const auto& f : formats) names.push_back(f.name);
  std::sort(names.begin(), names.end());
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? std::string("(none: no backend is linked)") : out;
}
}  // namespace

void FormatRegistry::register_format(FormatBackend backend) {
  std::lock_guard lock(state_->mutex);
  backend.name = lower(backend.name);
  for (auto& e : backend.extensions) e = lower(e);
  for (auto& f : state_->formats) {
    if (f.name == backend.name) {
      f = std::move(backend);
      return;
    }
  }
  state_->formats.push_back(std::move(backend));
}

void FormatRegistry::register_raster_surface(RasterSurfaceFactory factory) {
  std::lock_guard lock(state_->mutex);
  state_->raster_factory = std::move(factory);
}

FormatBackend FormatRegistry::find(std::string_view name) const {
  std::lock_guard lock(state_->mutex);
  const std::string key = lower(name);
  for (const auto& f : state_->formats) {
    if (f.name == key) return f;
  }
  throw ValueError(fmt::format("format '{}' is not supported (supported formats: {})", name,
                               join_names(state_->formats)));
}

FormatBackend FormatRegistry::find_by_extension(std::string_view extension) const {
  std::lock_guard lock(state_->mutex);
  const std::string key = lower(extension);
  for (const auto& f : state_->formats) {
    if (std::find(f.extensions.begin(), f.extensions.end(), key) != f.extensions.end()) return f;
  }
  throw ValueError(fmt::format("file extension '{}' is not supported (supported formats: {})",
                               extension, join_names(state_->formats)));
}

std::vector<std::string> FormatRegistry::names() const {
  std::lock_guard lock(state_->mutex);
  std::vector<std::string> names;
  for (const auto& f : state_->formats) names.push_back(f.name);
  std::sort(names.begin(), names.end());
  return names;
}

std::unique_ptr<RasterSurface> FormatRegistry::make_raster_surface(int width, int height,
                                                                   double dpi) const {
  RasterSurfaceFactory factory;
  {
    std::lock_guard lock(state_->mutex);
    factory = state_->raster_factory;
  }
  if (!factory) throw BackendError("no raster backend is registered (link strata::cairo)");
  return factory(width, height, dpi);
}

// ---------------------------------------------------------------------------------------
// Writing files atomically

namespace {
class FdSink final : public ByteSink {
 public:
  explicit FdSink(int fd, const std::filesystem::path& path) : fd_(fd), path_(path) {}
  void write(const std::uint8_t* data, std::size_t size) override {
    while (size > 0) {
      const ssize_t n = ::write(fd_, data, size);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw IOError(fmt::format("cannot write '{}': {}", path_.string(), std::strerror(errno)));
      }
      data += n;
      size -= static_cast<std::size_t>(n);
    }
  }

 private:
  int fd_;
  std::filesystem::path path_;
};

class VectorSink final : public ByteSink {
 public:
  explicit VectorSink(std::vector<std::uint8_t>& out) : out_(out) {}
  void write(const std::uint8_t* data, std::size_t size) override {
    out_.insert(out_.end(), data, data + size);
  }

 private:
  std::vector<std::uint8_t>& out_;
};

class StreamSink final : public ByteSink {
 public:
  explicit StreamSink(std::ostream& out) : out_(out) {}
  void write(const std::uint8_t* data, std::size_t size) override {
    out_.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out_) throw IOError("cannot write to the output stream (stream error state set)");
  }

 private:
  std::ostream& out_;
};
}  // namespace

void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(ByteSink&)>& producer) {
  if (path.empty()) throw ValueError("savefig: the file name is empty");
  const std::filesystem::path dir =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  // A unique name in the same directory (so rename is atomic), created with O_EXCL and mode
  // 0666 so that the process umask applies as for any new file (mkstemp would make it 0600).
  static std::atomic<unsigned long long> counter{0};
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    tmp = (dir / fmt::format(".{}.strata-{}-{}", path.filename().string(), ::getpid(),
                             counter.fetch_add(1)))
              .string();
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    throw IOError(fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
  }
  try {
    FdSink sink(fd, path);
    producer(sink);
    if (::close(fd) != 0) {
      throw IOError(fmt::format("cannot write '{}': {}", path.string(), std::strerror(errno)));
    }
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw IOError(fmt::format("cannot write '{}': {}", path.string(), std::strerror(err)));
  }
}

// ---------------------------------------------------------------------------------------
// Canvas

Canvas::Canvas(Drawable& drawable) : drawable_(&drawable) {}
Canvas::~Canvas() = default;

std::pair<int, int> Canvas::pixel_size(const Drawable& drawable, double dpi) {
  if (!std::isfinite(dpi) || dpi <= 0) {
    throw ValueError(fmt::format("dpi must be a finite number > 0, got {}", dpi));
  }
  const Size s = drawable.size_inches();
  if (!std::isfinite(s.width) || !std::isfinite(s.height) || s.width <= 0 || s.height <= 0) {
    throw ValueError(
        fmt::format("figure size must be finite and > 0 inches, got ({}, {})", s.width, s.height));
  }
  const double w = s.width * dpi;
  const double h = s.height * dpi;
  constexpr double kMax = 65536.0;
  if (w > kMax || h > kMax) {
    throw ValueError(fmt::format(
        "image size of {:.0f}x{:.0f} pixels is too large (figure size ({}, {}) in at dpi {}); "
        "it must be at most 65536 pixels in each direction",
        w, h, s.width, s.height, dpi));
  }
  const int iw = static_cast<int>(w);
  const int ih = static_cast<int>(h);
  if (iw < 1 || ih < 1) {
    throw ValueError(
        fmt::format("image size of {}x{} pixels is empty (figure size ({}, {}) in at dpi {})", iw,
                    ih, s.width, s.height, dpi));
  }
  return {iw, ih};
}

namespace {
struct Resolved {
  FormatBackend backend;
  double dpi;
  Rgba background;
};

Resolved resolve(const Drawable& drawable, const PrintOptions& options,
                 std::string_view format_name) {
  Resolved r{FormatRegistry::global().find(format_name), options.dpi.value_or(drawable.dpi()),
             colors::transparent};
  (void)Canvas::pixel_size(drawable, r.dpi);  // validates size and dpi before any output
  if (options.png_compression && (*options.png_compression < 0 || *options.png_compression > 9)) {
    throw ValueError(fmt::format("png_compression must be 0-9, got {}", *options.png_compression));
  }
  if (!options.transparent) r.background = options.facecolor.value_or(drawable.facecolor());
  return r;
}
}  // namespace

void Canvas::print(const std::filesystem::path& path, const PrintOptions& options) {
  std::filesystem::path target = path;
  std::string format;
  if (options.format) {
    format = *options.format;
  } else {
    std::string ext = path.extension().string();
    if (ext.size() > 1) {
      format = FormatRegistry::global().find_by_extension(ext.substr(1)).name;
    } else {
      // matplotlib: no extension means rcParams["savefig.format"] ("png"), appended.
      format = "png";
      target += ".png";
    }
  }
  const Resolved r = resolve(*drawable_, options, format);
  write_file_atomically(target, [&](ByteSink& sink) {
    r.backend.print(PrintRequest{*drawable_, r.dpi, r.background, options}, sink);
  });
}

void Canvas::print(std::ostream& out, const PrintOptions& options) {
  if (!options.format) throw ValueError("print to a stream: options.format is required");
  const Resolved r = resolve(*drawable_, options, *options.format);
  // Encode fully first, so a failure leaves the stream untouched.
  std::vector<std::uint8_t> bytes;
  VectorSink vs(bytes);
  r.backend.print(PrintRequest{*drawable_, r.dpi, r.background, options}, vs);
  StreamSink ss(out);
  ss.write(bytes.data(), bytes.size());
}

std::vector<std::uint8_t> Canvas::print_to_bytes(const PrintOptions& options) {
  if (!options.format) throw ValueError("print_to_bytes: options.format is required");
  const Resolved r = resolve(*drawable_, options, *options.format);
  std::vector<std::uint8_t> bytes;
  VectorSink vs(bytes);
  r.backend.print(PrintRequest{*drawable_, r.dpi, r.background, options}, vs);
  return bytes;
}

void Canvas::draw() {
  const double dpi = drawable_->dpi();
  const auto [w, h] = pixel_size(*drawable_, dpi);
  if (!surface_ || surface_->width() != w || surface_->height() != h ||
      surface_->renderer().dpi() != dpi) {
    surface_ = FormatRegistry::global().make_raster_surface(w, h, dpi);
  }
  surface_->clear(drawable_->facecolor());
  drawable_->draw(surface_->renderer());
  DrawEvent ev;
  ev.name = "draw_event";
  ev.canvas = this;
  ev.renderer = &surface_->renderer();
  process_event(ev);
}

void Canvas::ensure_drawn() {
  if (!surface_) draw();
}

Renderer& Canvas::renderer() {
  ensure_drawn();
  return surface_->renderer();
}

RgbaBuffer Canvas::buffer_rgba() {
  ensure_drawn();
  rgba_cache_ = surface_->to_image();
  return {rgba_cache_.rgba.data(), rgba_cache_.width, rgba_cache_.height, rgba_cache_.width * 4};
}

void Canvas::print_raster_as_is(const std::filesystem::path& path, const PrintOptions& options) {
  std::string format = options.format.value_or("");
  if (format.empty()) {
    const std::string ext = path.extension().string();
    format = ext.size() > 1 ? FormatRegistry::global().find_by_extension(ext.substr(1)).name
                            : std::string("png");
  }
  const FormatBackend backend = FormatRegistry::global().find(format);
  if (!backend.encode_image) {
    throw ValueError(fmt::format(
        "print_raster_as_is: format '{}' is not a raster format; use png or rgba", format));
  }
  ensure_drawn();
  const Image img = surface_->to_image();
  const double dpi = surface_->renderer().dpi();
  write_file_atomically(path,
                        [&](ByteSink& sink) { backend.encode_image(img, dpi, options, sink); });
}

namespace {
struct PixelRect {
  int x, y, w, h;
};
PixelRect to_pixels(const Bbox& bbox, int width, int height) {
  const int x0 = std::clamp(static_cast<int>(std::floor(bbox.xmin())), 0, width);
  const int x1 = std::clamp(static_cast<int>(std::ceil(bbox.xmax())), 0, width);
  const int top = std::clamp(static_cast<int>(std::floor(height - bbox.ymax())), 0, height);
  const int bottom = std::clamp(static_cast<int>(std::ceil(height - bbox.ymin())), 0, height);
  return {x0, top, x1 - x0, bottom - top};
}
}  // namespace

CanvasRegion Canvas::copy_from_bbox(const Bbox& bbox) {
  ensure_drawn();
  if (!std::isfinite(bbox.x0) || !std::isfinite(bbox.y0) || !std::isfinite(bbox.x1) ||
      !std::isfinite(bbox.y1)) {
    throw ValueError(fmt::format("copy_from_bbox: bbox ({}, {}, {}, {}) is not finite", bbox.x0,
                                 bbox.y0, bbox.x1, bbox.y1));
  }
  const PixelRect r = to_pixels(bbox, surface_->width(), surface_->height());
  CanvasRegion region{r.x, r.y, {}};
  if (r.w > 0 && r.h > 0) region.pixels = surface_->read_pixels(r.x, r.y, r.w, r.h);
  return region;
}

void Canvas::restore_region(const CanvasRegion& region) {
  ensure_drawn();
  if (region.pixels.width == 0 || region.pixels.height == 0) return;
  if (region.x < 0 || region.y < 0 || region.x + region.pixels.width > surface_->width() ||
      region.y + region.pixels.height > surface_->height()) {
    throw ValueError(
        fmt::format("restore_region: region {}x{} at ({}, {}) does not fit the {}x{} canvas",
                    region.pixels.width, region.pixels.height, region.x, region.y,
                    surface_->width(), surface_->height()));
  }
  surface_->write_pixels(region.x, region.y, region.pixels);
}

int Canvas::mpl_connect(const std::string& name, std::function<void(const Event&)> callback) {
  static const char* const kKnown[] = {
      "draw_event",          "resize_event",       "button_press_event", "button_release_event",
      "motion_notify_event", "scroll_event",       "key_press_event",    "key_release_event",
      "pick_event",          "figure_enter_event", "figure_leave_event", "axes_enter_event",
      "axes_leave_event",    "close_event"};
  if (std::find_if(std::begin(kKnown), std::end(kKnown),
                   [&](const char* k) { return name == k; }) == std::end(kKnown)) {
    std::string known;
    for (const char* k : kKnown) known += (known.empty() ? "" : ", ") + std::string(k);
    throw ValueError(
        fmt::format("mpl_connect: unknown event '{}' (known events: {})", name, known));
  }
  if (!callback) throw ValueError(fmt::format("mpl_connect: the callback for '{}' is empty", name));
  const int id = next_id_++;
  callbacks_.push_back({id, name, std::move(callback)});
  return id;
}

void Canvas::mpl_disconnect(int id) {
  std::erase_if(callbacks_, [id](const Callback& c) { return c.id == id; });
}

void Canvas::process_event(const Event& event) {
  // Copy so that a callback may connect or disconnect without invalidating the loop.
  const auto callbacks = callbacks_;
  for (const auto& c : callbacks) {
    if (c.name == event.name) c.fn(event);
  }
}

}  // namespace strata
