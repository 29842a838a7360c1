// SPDX-License-Identifier: MIT
#include "support/image_tools.hpp"

#include <png.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace strata::test {

std::uint32_t Pixels::at(int x, int y) const {
  if (x < 0 || y < 0 || x >= width || y >= height) throw std::out_of_range("Pixels::at");
  const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                         static_cast<std::size_t>(x)) *
                        4;
  return rgba32(rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
}

Pixels render_rgba(Drawable& d) {
  Canvas canvas(d);
  const auto [w, h] = Canvas::pixel_size(d, d.dpi());
  Pixels p{w, h, canvas.print_to_bytes({.format = "rgba"})};
  return p;
}

Pixels decode_png(const std::vector<std::uint8_t>& png) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) {
    throw std::runtime_error(std::string("decode_png: ") + image.message);
  }
  image.format = PNG_FORMAT_RGBA;
  Pixels p{static_cast<int>(image.width), static_cast<int>(image.height), {}};
  p.rgba.resize(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, p.rgba.data(), 0, nullptr)) {
    throw std::runtime_error(std::string("decode_png: ") + image.message);
  }
  return p;
}

std::vector<std::uint8_t> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Pixels read_png(const std::filesystem::path& path) { return decode_png(read_file(path)); }

Pixels rasterize_vector(const std::filesystem::path& path, double dpi) {
  const std::string ext = path.extension().string();
  const std::filesystem::path out = path.string() + ".png";
  const std::string r = std::to_string(static_cast<int>(std::lround(dpi)));
  std::string cmd;
  if (ext == ".pdf") {
    const std::string stem = path.string() + ".ppm";
    cmd = "pdftoppm -r " + r + " -png -singlefile '" + path.string() + "' '" + stem + "' && mv '" +
          stem + ".png' '" + out.string() + "'";
  } else if (ext == ".svg") {
    cmd = "rsvg-convert --dpi-x " + r + " --dpi-y " + r + " -o '" + out.string() + "' '" +
          path.string() + "'";
  } else if (ext == ".ps" || ext == ".eps") {
    cmd =
        "gs -q -dSAFER -dBATCH -dNOPAUSE -dEPSCrop -sDEVICE=png16m -dTextAlphaBits=4 "
        "-dGraphicsAlphaBits=4 -r" +
        r + " -sOutputFile='" + out.string() + "' '" + path.string() + "'";
  } else {
    throw std::runtime_error("rasterize_vector: unknown extension " + ext);
  }
  cmd += " 2>&1";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("rasterize_vector failed: " + cmd);
  return read_png(out);
}

namespace {
// RGB composited over white, as doubles.
std::vector<double> flatten(const Pixels& p) {
  std::vector<double> out(static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height) *
                          3);
  for (std::size_t i = 0; i < out.size() / 3; ++i) {
    const double a = p.rgba[i * 4 + 3] / 255.0;
    for (std::size_t c = 0; c < 3; ++c) out[i * 3 + c] = p.rgba[i * 4 + c] * a + 255.0 * (1 - a);
  }
  return out;
}

// One box blur of radius r along rows or columns, edges clamped.
void box_pass(std::vector<double>& v, int w, int h, int r, bool horizontal) {
  std::vector<double> out(v.size());
  const int n = horizontal ? w : h;
  const int lines = horizontal ? h : w;
  for (int line = 0; line < lines; ++line) {
    for (int c = 0; c < 3; ++c) {
      auto at = [&](int k) {
        k = std::clamp(k, 0, n - 1);
        const int x = horizontal ? k : line, y = horizontal ? line : k;
        return v[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                  static_cast<std::size_t>(x)) *
                     3 +
                 static_cast<std::size_t>(c)];
      };
      double sum = 0;
      for (int k = -r; k <= r; ++k) sum += at(k);
      for (int k = 0; k < n; ++k) {
        const int x = horizontal ? k : line, y = horizontal ? line : k;
        out[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
             static_cast<std::size_t>(x)) *
                3 +
            static_cast<std::size_t>(c)] = sum / (2 * r + 1);
        sum += at(k + r + 1) - at(k - r);
      }
    }
  }
  v.swap(out);
}
}  // namespace

double blurred_rms(const Pixels& a, const Pixels& b) {
  if (a.width != b.width || a.height != b.height) return rms(a, b);  // throws
  std::vector<double> fa = flatten(a), fb = flatten(b);
  for (auto* v : {&fa, &fb}) {
    for (int pass = 0; pass < 3; ++pass) {
      box_pass(*v, a.width, a.height, 2, true);
      box_pass(*v, a.width, a.height, 2, false);
    }
  }
  double sum = 0;
  for (std::size_t i = 0; i < fa.size(); ++i) sum += (fa[i] - fb[i]) * (fa[i] - fb[i]);
  return std::sqrt(sum / static_cast<double>(fa.size()));
}

double rms(const Pixels& a, const Pixels& b) {
  if (a.width != b.width || a.height != b.height) {
    throw std::runtime_error("rms: sizes differ: " + std::to_string(a.width) + "x" +
                             std::to_string(a.height) + " vs " + std::to_string(b.width) + "x" +
                             std::to_string(b.height));
  }
  double sum = 0;
  const std::size_t n = static_cast<std::size_t>(a.width) * static_cast<std::size_t>(a.height);
  for (std::size_t i = 0; i < n; ++i) {
    const double aa = a.rgba[i * 4 + 3] / 255.0, ba = b.rgba[i * 4 + 3] / 255.0;
    for (int c = 0; c < 3; ++c) {
      const double va = a.rgba[i * 4 + static_cast<std::size_t>(c)] * aa + 255.0 * (1 - aa);
      const double vb = b.rgba[i * 4 + static_cast<std::size_t>(c)] * ba + 255.0 * (1 - ba);
      sum += (va - vb) * (va - vb);
    }
  }
  return std::sqrt(sum / static_cast<double>(n * 3));
}

}  // namespace strata::test
