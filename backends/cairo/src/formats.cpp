// SPDX-License-Identifier: MIT
// The Cairo output formats and their registration with FormatRegistry.
#include <cairo-pdf.h>
#include <cairo-ps.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <mutex>
#include <string>

#include "cairo_check.hpp"
#include "cairo_renderer.hpp"
#include "cairo_svg_text.hpp"
#include "png_encoder.hpp"
#include "strata/cairo.hpp"
#include "strata/text/font.hpp"
#include "strata/version.hpp"

namespace strata::cairo_backend {

namespace {

// ---- raster -------------------------------------------------------------------------------

class CairoRasterSurface final : public RasterSurface {
 public:
  CairoRasterSurface(int w, int h, double dpi)
      : surface_(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)) {
    check(surface_.get(), "image surface");
    cr_.reset(cairo_create(surface_.get()));
    check(cr_.get(), "image surface context");
    renderer_.emplace(cr_.get(), w, h, dpi, SurfaceKind::raster, dpi);
  }
  Renderer& renderer() override { return *renderer_; }
  void clear(const Rgba& c) override {
    cairo_save(cr_.get());
    cairo_reset_clip(cr_.get());
    cairo_set_operator(cr_.get(), CAIRO_OPERATOR_SOURCE);
    cairo_set_source_rgba(cr_.get(), c.r, c.g, c.b, c.a);
    cairo_paint(cr_.get());
    cairo_restore(cr_.get());
  }
  Image read_pixels(int x, int y, int w, int h) override {
    if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width() || y + h > height()) {
      throw ValueError(
          fmt::format("read_pixels: block {}x{} at ({}, {}) is outside the {}x{} "
                      "surface",
                      w, h, x, y, width(), height()));
    }
    cairo_surface_flush(surface_.get());
    const unsigned char* data = cairo_image_surface_get_data(surface_.get());
    const int stride = cairo_image_surface_get_stride(surface_.get());
    Image img{
        w, h,
        std::vector<std::uint8_t>(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4)};
    std::uint8_t* out = img.rgba.data();
    for (int row = 0; row < h; ++row) {
      const auto* px = reinterpret_cast<const std::uint32_t*>(
                           data + static_cast<std::ptrdiff_t>(y + row) * stride) +
                       x;
      for (int col = 0; col < w; ++col, out += 4) {
        const std::uint32_t p = px[col];
        const std::uint32_t a = p >> 24;
        std::uint32_t r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        if (a != 255 && a != 0) {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
        out[0] = static_cast<std::uint8_t>(std::min(r, 255u));
        out[1] = static_cast<std::uint8_t>(std::min(g, 255u));
        out[2] = static_cast<std::uint8_t>(std::min(b, 255u));
        out[3] = static_cast<std::uint8_t>(a);
      }
    }
    return img;
  }
  void write_pixels(int x, int y, const Image& img) override {
    if (x < 0 || y < 0 || x + img.width > width() || y + img.height > height()) {
      throw ValueError(
          fmt::format("write_pixels: image {}x{} at ({}, {}) is outside the {}x{} "
                      "surface",
                      img.width, img.height, x, y, width(), height()));
    }
    cairo_surface_flush(surface_.get());
    unsigned char* data = cairo_image_surface_get_data(surface_.get());
    const int stride = cairo_image_surface_get_stride(surface_.get());
    const std::uint8_t* in = img.rgba.data();
    for (int row = 0; row < img.height; ++row) {
      auto* px =
          reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y + row) * stride) +
          x;
      for (int col = 0; col < img.width; ++col, in += 4) {
        const std::uint32_t a = in[3];
        auto pm = [a](std::uint32_t c) {
          const std::uint32_t t = c * a + 128;
          return (t + (t >> 8)) >> 8;
        };
        px[col] = (a << 24) | (pm(in[0]) << 16) | (pm(in[1]) << 8) | pm(in[2]);
      }
    }
    cairo_surface_mark_dirty(surface_.get());
  }
  int width() const override { return cairo_image_surface_get_width(surface_.get()); }
  int height() const override { return cairo_image_surface_get_height(surface_.get()); }
  cairo_surface_t* surface() { return surface_.get(); }

 private:
  SurfacePtr surface_;
  ContextPtr cr_;
  std::optional<CairoRenderer> renderer_;
};

PngOptions png_options(const PrintOptions& o, double dpi) {
  PngOptions p;
  if (o.png_compression) p.compression = *o.png_compression;
  p.dpi = dpi;
  p.metadata = o.metadata;
  return p;
}

void print_png(const PrintRequest& req, ByteSink& sink) {
  const auto [w, h] = Canvas::pixel_size(req.drawable, req.dpi);
  CairoRasterSurface s(w, h, req.dpi);
  s.clear(req.background);
  req.drawable.draw(s.renderer());
  cairo_surface_flush(s.surface());
  encode_png_argb32(cairo_image_surface_get_data(s.surface()), w, h,
                    cairo_image_surface_get_stride(s.surface()), png_options(req.options, req.dpi),
                    sink);
}

void print_rgba(const PrintRequest& req, ByteSink& sink) {
  const auto [w, h] = Canvas::pixel_size(req.drawable, req.dpi);
  CairoRasterSurface s(w, h, req.dpi);
  s.clear(req.background);
  req.drawable.draw(s.renderer());
  const Image img = s.to_image();
  sink.write(img.rgba.data(), img.rgba.size());
}

// ---- vector -------------------------------------------------------------------------------

struct StreamClosure {
  std::vector<std::uint8_t>* out;
};

cairo_status_t write_to_vector(void* closure, const unsigned char* data, unsigned int length) {
  auto* c = static_cast<StreamClosure*>(closure);
  try {
    c->out->insert(c->out->end(), data, data + length);
  } catch (...) {
    return CAIRO_STATUS_NO_MEMORY;
  }
  return CAIRO_STATUS_SUCCESS;
}

enum class VectorFormat { pdf, svg, ps, eps };

// The fixed creation date written into PDF/PS: SOURCE_DATE_EPOCH when set, else the epoch
// itself, so that the same figure always gives the same bytes.
std::string pdf_date() {
  long long epoch = 0;
  if (const char* s = std::getenv("SOURCE_DATE_EPOCH")) epoch = std::atoll(s);
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Rewrites lines of the output that carry wall-clock times or process-global counters.
void make_deterministic(std::vector<std::uint8_t>& bytes, VectorFormat format);

void print_vector(const PrintRequest& req, ByteSink& sink, VectorFormat format) {
  const Size in = req.drawable.size_inches();
  const double w = in.width * 72.0;
  const double h = in.height * 72.0;
  std::vector<std::uint8_t> bytes;
  StreamClosure closure{&bytes};
  SurfacePtr surface;
  switch (format) {
    case VectorFormat::pdf:
      surface.reset(cairo_pdf_surface_create_for_stream(write_to_vector, &closure, w, h));
      break;
    case VectorFormat::svg:
      surface.reset(cairo_svg_surface_create_for_stream(write_to_vector, &closure, w, h));
      break;
    case VectorFormat::ps:
    case VectorFormat::eps:
      surface.reset(cairo_ps_surface_create_for_stream(write_to_vector, &closure, w, h));
      break;
  }
  check(surface.get(), "vector surface");
  if (format == VectorFormat::pdf) {
    const std::string date = pdf_date();
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
    const auto& md = req.options.metadata;
    auto set = [&](const char* key, cairo_pdf_metadata_t which) {
      if (auto it = md.find(key); it != md.end()) {
        cairo_pdf_surface_set_metadata(surface.get(), which, it->second.c_str());
      }
    };
    set("Title", CAIRO_PDF_METADATA_TITLE);
    set("Author", CAIRO_PDF_METADATA_AUTHOR);
    set("Subject", CAIRO_PDF_METADATA_SUBJECT);
    set("Keywords", CAIRO_PDF_METADATA_KEYWORDS);
    const auto creator = md.find("Creator");
    cairo_pdf_surface_set_metadata(
        surface.get(), CAIRO_PDF_METADATA_CREATOR,
        creator != md.end() ? creator->second.c_str() : "Strata " STRATA_VERSION_STRING);
  }
  if (format == VectorFormat::eps) cairo_ps_surface_set_eps(surface.get(), 1);
  if (format == VectorFormat::ps || format == VectorFormat::eps) {
    cairo_ps_surface_dsc_comment(surface.get(), "%%Creator: Strata " STRATA_VERSION_STRING);
    if (auto it = req.options.metadata.find("Title"); it != req.options.metadata.end()) {
      const std::string line = "%%Title: " + it->second;
      cairo_ps_surface_dsc_comment(surface.get(), line.c_str());
    }
  }
  std::vector<std::string> svg_texts;  // svg.fonttype 'none'
  {
    ContextPtr cr(cairo_create(surface.get()));
    check(cr.get(), "vector context");
    if (req.background.a > 0) {
      cairo_set_source_rgba(cr.get(), req.background.r, req.background.g, req.background.b,
                            req.background.a);
      cairo_paint(cr.get());
    }
    CairoRenderer renderer(cr.get(), w, h, 72.0, SurfaceKind::vector, req.dpi);
    {
      // Text is measured and placed as matplotlib's vector backends do (unhinted, 72 dpi;
      // its SVG backend through TextToPath, at 100 pt scaled to the size).
      ScopedTextMetrics metrics(format == VectorFormat::svg ? TextMetricsMode::text_path
                                                            : TextMetricsMode::vector);
      req.drawable.draw(renderer);
    }
    check(cr.get(), "vector drawing");
    svg_texts = renderer.take_svg_texts();
  }
  cairo_surface_finish(surface.get());
  check(surface.get(), "vector output");
  make_deterministic(bytes, format);
  // After the id renumbering, which must not touch the texts' content.
  if (format == VectorFormat::svg) substitute_svg_texts(bytes, svg_texts);
  sink.write(bytes.data(), bytes.size());
}

void replace_line(std::vector<std::uint8_t>& bytes, std::string_view prefix,
                  std::string_view with) {
  std::string s(bytes.begin(), bytes.end());
  const auto pos = s.find(prefix);
  if (pos == std::string::npos) return;
  const auto end = s.find('\n', pos);
  s.replace(pos, (end == std::string::npos ? s.size() : end) - pos, with);
  bytes.assign(s.begin(), s.end());
}

// Cairo names SVG elements after process-wide surface ids ("surface38"), which differ from
// one figure to the next. Renumber them in order of first appearance.
void renumber_svg_ids(std::vector<std::uint8_t>& bytes) {
  static constexpr std::string_view kPrefixes[] = {"surface", "image", "source"};
  std::string out;
  out.reserve(bytes.size());
  std::map<std::string, std::map<std::string, int>> ids;
  const std::string_view in(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  std::size_t i = 0;
  while (i < in.size()) {
    const char c = in[i];
    out.push_back(c);
    ++i;
    if (c != '"' && c != '#') continue;
    for (const std::string_view prefix : kPrefixes) {
      if (in.compare(i, prefix.size(), prefix) != 0) continue;
      std::size_t j = i + prefix.size();
      while (j < in.size() && in[j] >= '0' && in[j] <= '9') ++j;
      if (j == i + prefix.size()) continue;
      auto& table = ids[std::string(prefix)];
      const std::string number(in.substr(i + prefix.size(), j - i - prefix.size()));
      const auto [it, inserted] = table.try_emplace(number, static_cast<int>(table.size()) + 1);
      out.append(prefix);
      out.append(std::to_string(it->second));
      i = j;
      break;
    }
  }
  bytes.assign(out.begin(), out.end());
}

void make_deterministic(std::vector<std::uint8_t>& bytes, VectorFormat format) {
  if (format == VectorFormat::svg) renumber_svg_ids(bytes);
  if (format == VectorFormat::ps || format == VectorFormat::eps) {
    // Cairo 1.16 writes the wall-clock time here.
    replace_line(bytes, "%%CreationDate:", "%%CreationDate: " + pdf_date());
  }
}

std::once_flag g_registered;

}  // namespace

}  // namespace strata::cairo_backend

namespace strata::cairo {

void register_formats(FormatRegistry& registry) {
  using namespace cairo_backend;
  registry.register_format({"png",
                            {"png"},
                            "Portable Network Graphics",
                            false,
                            print_png,
                            [](const Image& img, double dpi, const PrintOptions& o, ByteSink& s) {
                              encode_png_rgba(img, png_options(o, dpi), s);
                            }});
  registry.register_format({"rgba",
                            {"rgba", "raw"},
                            "Raw RGBA bitmap",
                            false,
                            print_rgba,
                            [](const Image& img, double, const PrintOptions&, ByteSink& s) {
                              s.write(img.rgba.data(), img.rgba.size());
                            }});
  registry.register_format(
      {"pdf",
       {"pdf"},
       "Portable Document Format",
       true,
       [](const PrintRequest& r, ByteSink& s) { print_vector(r, s, VectorFormat::pdf); },
       {}});
  registry.register_format(
      {"svg",
       {"svg"},
       "Scalable Vector Graphics",
       true,
       [](const PrintRequest& r, ByteSink& s) { print_vector(r, s, VectorFormat::svg); },
       {}});
  registry.register_format(
      {"ps",
       {"ps"},
       "PostScript",
       true,
       [](const PrintRequest& r, ByteSink& s) { print_vector(r, s, VectorFormat::ps); },
       {}});
  registry.register_format(
      {"eps",
       {"eps"},
       "Encapsulated PostScript",
       true,
       [](const PrintRequest& r, ByteSink& s) { print_vector(r, s, VectorFormat::eps); },
       {}});
  registry.register_raster_surface([](int w, int h, double dpi) -> std::unique_ptr<RasterSurface> {
    return std::make_unique<CairoRasterSurface>(w, h, dpi);
  });
}

const char* cairo_version() { return cairo_version_string(); }

}  // namespace strata::cairo

// Referenced by the linker option -u strata_cairo_autoregister (see CMakeLists.txt) so that
// this object is linked in and its initializer registers the formats.
extern "C" STRATA_API const int strata_cairo_autoregister;
extern "C" const int strata_cairo_autoregister = [] {
  std::call_once(strata::cairo_backend::g_registered,
                 [] { strata::cairo::register_formats(strata::FormatRegistry::global()); });
  return 1;
}();
