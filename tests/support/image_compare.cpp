// SPDX-License-Identifier: MIT
#include "support/image_compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "support/paths.hpp"

namespace strata::test {

namespace {

void write_bytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

ImageComparison compare_pixels(const Pixels& actual, const Pixels& expected,
                               const std::string& name, double tolerance,
                               const std::vector<std::uint8_t>& actual_png) {
  ImageComparison r;
  if (actual.width != expected.width || actual.height != expected.height) {
    r.message = fmt::format("{}: size {}x{} differs from the expected {}x{}", name, actual.width,
                            actual.height, expected.width, expected.height);
    write_bytes(output_path(name + "_actual.png"), actual_png);
    return r;
  }
  r.rms = rms(actual, expected);
  r.passed = r.rms <= tolerance;
  if (!r.passed) {
    const auto actual_path = output_path(name + "_actual.png");
    const auto diff_path = output_path(name + "_diff.png");
    write_bytes(actual_path, actual_png);
    write_diff_png(actual, expected, diff_path);
    r.message = fmt::format("{}: RMS {:.3f} > tolerance {:.3f}; actual {}, difference {}", name,
                            r.rms, tolerance, actual_path.string(), diff_path.string());
  }
  return r;
}

}  // namespace

void write_diff_png(const Pixels& a, const Pixels& b, const std::filesystem::path& path) {
  const int w = std::min(a.width, b.width), h = std::min(a.height, b.height);
  Image img{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 4)};
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const std::uint32_t pa = a.at(x, y), pb = b.at(x, y);
      auto* o = &img.rgba[(static_cast<std::size_t>(y) * w + x) * 4];
      for (int c = 0; c < 3; ++c) {
        const int va = static_cast<int>((pa >> (24 - 8 * c)) & 0xff);
        const int vb = static_cast<int>((pb >> (24 - 8 * c)) & 0xff);
        o[c] = static_cast<std::uint8_t>(std::min(255, 4 * std::abs(va - vb)));
      }
      o[3] = 255;
    }
  }
  SceneDrawable d({w / 100.0, h / 100.0}, 100.0, [&](Renderer& r) {
    r.draw_image(GraphicsContext{}, img, Bbox::from_bounds(0, 0, w, h), Interpolation::nearest);
  });
  Canvas(d).print(path, {.format = "png"});
}

ImageComparison compare_with_baseline(Figure& fig, const std::string& name, double tolerance) {
  const std::vector<std::uint8_t> png = fig.to_bytes("png");
  const auto baseline = source_dir() / "baseline" / (name + ".png");
  const char* update = std::getenv("STRATA_UPDATE_BASELINES");
  if (update && std::string(update) == "1") {
    write_bytes(baseline, png);
    return {0.0, true, "baseline written: " + baseline.string()};
  }
  if (!std::filesystem::exists(baseline)) {
    write_bytes(output_path(name + "_actual.png"), png);
    return {0.0, false,
            fmt::format("{}: no baseline {} (run with STRATA_UPDATE_BASELINES=1, then review it)",
                        name, baseline.string())};
  }
  return compare_pixels(decode_png(png), read_png(baseline), name, tolerance, png);
}

ImageComparison compare_figures(Figure& a, Figure& b, const std::string& name, double tolerance) {
  const std::vector<std::uint8_t> pa = a.to_bytes("png");
  const std::vector<std::uint8_t> pb = b.to_bytes("png");
  ImageComparison r = compare_pixels(decode_png(pa), decode_png(pb), name, tolerance, pa);
  if (!r.passed) write_bytes(output_path(name + "_b.png"), pb);
  return r;
}

}  // namespace strata::test
