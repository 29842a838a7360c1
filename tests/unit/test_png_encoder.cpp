// SPDX-License-Identifier: MIT
// The libpng encoder of the Cairo backend: pixels round-trip exactly, chunks are as
// documented, output is deterministic and sink failures propagate.

#include <png.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "png_encoder.hpp"
#include "strata/error.hpp"
#include "strata/version.hpp"
#include "support/catch.hpp"

namespace {

using strata::cairo_backend::encode_png_argb32;
using strata::cairo_backend::encode_png_rgba;
using strata::cairo_backend::PngFilter;
using strata::cairo_backend::PngOptions;
using strata::cairo_backend::PngStrategy;

struct VectorSink final : strata::ByteSink {
  std::vector<std::uint8_t> bytes;
  std::size_t calls = 0;
  void write(const std::uint8_t* data, std::size_t size) override {
    ++calls;
    bytes.insert(bytes.end(), data, data + size);
  }
};

/// Accepts `budget` bytes, then throws IOError (a disk that fills up).
struct FailingSink final : strata::ByteSink {
  std::size_t budget = 0;
  std::size_t written = 0;
  explicit FailingSink(std::size_t bytes) : budget(bytes) {}
  void write(const std::uint8_t* /*data*/, std::size_t size) override {
    if (written + size > budget) throw strata::IOError("disk full");
    written += size;
  }
};

struct CustomFailure {
  int code;
};

struct CustomThrowingSink final : strata::ByteSink {
  void write(const std::uint8_t* /*data*/, std::size_t /*size*/) override {
    throw CustomFailure{42};
  }
};

/// A premultiplied ARGB32 buffer as Cairo lays it out (native-endian uint32 per pixel),
/// with `stride` bytes a row.
struct Argb32 {
  int width = 0;
  int height = 0;
  int stride = 0;
  std::vector<std::uint8_t> bytes;

  Argb32(int w, int h, int row_padding = 0)
      : width(w),
        height(h),
        stride(w * 4 + row_padding),
        bytes(static_cast<std::size_t>(stride) * static_cast<std::size_t>(h), 0xCD) {}

  void set(int x, int y, std::uint32_t a, std::uint32_t r, std::uint32_t g, std::uint32_t b) {
    const std::uint32_t p = (a << 24U) | (r << 16U) | (g << 8U) | b;
    std::memcpy(bytes.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride) +
                    static_cast<std::size_t>(x) * 4,
                &p, 4);
  }
  void fill(std::uint32_t a, std::uint32_t r, std::uint32_t g, std::uint32_t b) {
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) set(x, y, a, r, g, b);
    }
  }
};

std::vector<std::uint8_t> encode(const Argb32& image, const PngOptions& options = {}) {
  VectorSink sink;
  encode_png_argb32(image.bytes.data(), image.width, image.height, image.stride, options, sink);
  return std::move(sink.bytes);
}

struct Decoded {
  int width = 0;
  int height = 0;
  bool has_alpha = false;
  std::vector<std::uint8_t> rgba;  ///< straight RGBA8
  [[nodiscard]] const std::uint8_t* at(int x, int y) const {
    return rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                          static_cast<std::size_t>(x)) *
                             4;
  }
};

Decoded decode(const std::vector<std::uint8_t>& png) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_memory(&image, png.data(), png.size()) != 0);
  Decoded out;
  out.width = static_cast<int>(image.width);
  out.height = static_cast<int>(image.height);
  out.has_alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  image.format = PNG_FORMAT_RGBA;
  out.rgba.resize(PNG_IMAGE_SIZE(image));
  const int ok = png_image_finish_read(&image, nullptr, out.rgba.data(), 0, nullptr);
  INFO(image.message);
  REQUIRE(ok != 0);
  png_image_free(&image);
  return out;
}

struct Chunk {
  std::string type;
  std::vector<std::uint8_t> data;
};

std::uint32_t read_be32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24U) | (std::uint32_t{p[1]} << 16U) | (std::uint32_t{p[2]} << 8U) |
         std::uint32_t{p[3]};
}

std::vector<Chunk> chunks(const std::vector<std::uint8_t>& png) {
  static constexpr std::uint8_t signature[8] = {137, 80, 78, 71, 13, 10, 26, 10};
  REQUIRE(png.size() >= 8);
  REQUIRE(std::equal(signature, signature + 8, png.begin()));
  std::vector<Chunk> out;
  std::size_t pos = 8;
  while (pos + 12 <= png.size()) {
    const std::uint32_t length = read_be32(png.data() + pos);
    REQUIRE(pos + 12 + length <= png.size());
    Chunk c;
    c.type.assign(reinterpret_cast<const char*>(png.data() + pos + 4), 4);
    c.data.assign(png.begin() + static_cast<std::ptrdiff_t>(pos + 8),
                  png.begin() + static_cast<std::ptrdiff_t>(pos + 8 + length));
    out.push_back(std::move(c));
    pos += 12 + length;
  }
  REQUIRE(pos == png.size());
  REQUIRE(!out.empty());
  CHECK(out.back().type == "IEND");
  return out;
}

/// tEXt chunks as (keyword, text) in file order.
std::vector<std::pair<std::string, std::string>> text_chunks(const std::vector<std::uint8_t>& png,
                                                             const std::string& type = "tEXt") {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Chunk& c : chunks(png)) {
    if (c.type != type) continue;
    const auto* begin = reinterpret_cast<const char*>(c.data.data());
    const std::string_view all(begin, c.data.size());
    const std::size_t nul = all.find('\0');
    REQUIRE(nul != std::string_view::npos);
    out.emplace_back(std::string(all.substr(0, nul)), std::string(all.substr(nul + 1)));
  }
  return out;
}

/// An opaque image that looks like a plot (640x480 by default): white, a black frame,
/// colored antialiased-looking sine lines and dark "tick label" blocks.
Argb32 plot_like(int w = 640, int h = 480) {
  Argb32 img(w, h);
  img.fill(255, 255, 255, 255);
  const auto put = [&](int x, int y, std::uint32_t r, std::uint32_t g, std::uint32_t b) {
    if (x >= 0 && y >= 0 && x < w && y < h) img.set(x, y, 255, r, g, b);
  };
  const int left = w / 8;
  const int right = w - w / 10;
  const int top = h / 10;
  const int bottom = h - h / 10;
  for (int x = left; x <= right; ++x) {
    put(x, top, 0, 0, 0);
    put(x, bottom, 0, 0, 0);
  }
  for (int y = top; y <= bottom; ++y) {
    put(left, y, 0, 0, 0);
    put(right, y, 0, 0, 0);
  }
  const std::uint32_t colors[3][3] = {{31, 119, 180}, {255, 127, 14}, {44, 160, 44}};
  for (int k = 0; k < 3; ++k) {
    for (int x = left + 1; x < right; ++x) {
      const double t = (x - left) / 40.0 + k;
      const double yf = h / 2.0 + (h / 5.0 - h / 20.0 * k) * std::sin(t);
      const int y0 = static_cast<int>(yf);
      const double frac = yf - y0;
      for (int dy = 0; dy < 3; ++dy) {
        const double cover = dy == 0 ? 1.0 - frac : (dy == 1 ? 1.0 : frac);
        const auto mix = [&](std::uint32_t c) {
          return static_cast<std::uint32_t>(255.0 + (static_cast<double>(c) - 255.0) * cover + 0.5);
        };
        put(x, y0 + dy, mix(colors[k][0]), mix(colors[k][1]), mix(colors[k][2]));
      }
    }
  }
  for (int i = 0; i < 8; ++i) {  // tick labels
    for (int y = bottom + 10; y < bottom + 20; ++y) {
      for (int x = left + i * (w / 10); x < left + i * (w / 10) + 20; x += 2) {
        put(x, y, 60, 60, 60);
      }
    }
  }
  return img;
}

}  // namespace

TEST_CASE("opaque ARGB32 is written as RGB and round-trips exactly", "[png]") {
  Argb32 img(37, 23, 12);  // odd size, padded stride
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < img.width; ++x) {
      img.set(x, y, 255, static_cast<std::uint32_t>(x * 7 + y) & 0xFFU,
              static_cast<std::uint32_t>(x * 3 + y * 11) & 0xFFU,
              static_cast<std::uint32_t>(255 - x - y) & 0xFFU);
    }
  }
  const auto png = encode(img);
  REQUIRE(png.size() > 33);
  CHECK(png[25] == 2);  // IHDR color type: RGB
  CHECK(png[24] == 8);  // bit depth
  const Decoded d = decode(png);
  REQUIRE(d.width == 37);
  REQUIRE(d.height == 23);
  CHECK_FALSE(d.has_alpha);
  int mismatches = 0;
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < img.width; ++x) {
      const std::uint8_t* p = d.at(x, y);
      mismatches += p[0] != ((x * 7 + y) & 0xFF);
      mismatches += p[1] != ((x * 3 + y * 11) & 0xFF);
      mismatches += p[2] != ((255 - x - y) & 0xFF);
      mismatches += p[3] != 255;
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("translucent ARGB32 is un-premultiplied to straight RGBA", "[png]") {
  SECTION("chosen values") {
    Argb32 img(4, 1);
    img.set(0, 0, 128, 64, 32, 0);   // half-transparent
    img.set(1, 0, 0, 0, 0, 0);       // fully transparent
    img.set(2, 0, 255, 10, 20, 30);  // opaque
    img.set(3, 0, 1, 1, 0, 1);       // nearly transparent
    const auto png = encode(img);
    CHECK(png[25] == 6);  // IHDR color type: RGBA
    const Decoded d = decode(png);
    REQUIRE(d.has_alpha);
    const std::uint8_t* p = d.at(0, 0);
    CHECK(std::abs(p[0] - 128) <= 1);
    CHECK(std::abs(p[1] - 64) <= 1);
    CHECK(p[2] == 0);
    CHECK(p[3] == 128);
    p = d.at(1, 0);
    CHECK((p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0));
    p = d.at(2, 0);
    CHECK((p[0] == 10 && p[1] == 20 && p[2] == 30 && p[3] == 255));
    p = d.at(3, 0);
    CHECK((p[0] == 255 && p[1] == 0 && p[2] == 255 && p[3] == 1));
  }
  SECTION("every (alpha, channel) pair follows c = (c * 255 + a / 2) / a, clamped") {
    Argb32 img(256, 256);
    for (std::uint32_t a = 0; a < 256; ++a) {
      for (std::uint32_t c = 0; c < 256; ++c) {
        img.set(static_cast<int>(c), static_cast<int>(a), a, c, 255U - c, c / 2);
      }
    }
    const auto png = encode(img);
    const Decoded d = decode(png);
    const auto expect = [](std::uint32_t c, std::uint32_t a) -> int {
      if (a == 0) return 0;
      return static_cast<int>(std::min<std::uint32_t>(255, (c * 255 + a / 2) / a));
    };
    int mismatches = 0;
    for (std::uint32_t a = 0; a < 256; ++a) {
      for (std::uint32_t c = 0; c < 256; ++c) {
        const std::uint8_t* p = d.at(static_cast<int>(c), static_cast<int>(a));
        mismatches += p[0] != expect(c, a);
        mismatches += p[1] != expect(255 - c, a);
        mismatches += p[2] != expect(c / 2, a);
        mismatches += p[3] != static_cast<int>(a);
      }
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("straight RGBA images are written as RGB or RGBA", "[png]") {
  strata::Image image;
  image.width = 5;
  image.height = 3;
  image.rgba.resize(5 * 3 * 4);
  for (std::size_t i = 0; i < image.rgba.size(); ++i) {
    image.rgba[i] = (i % 4 == 3) ? 255 : static_cast<std::uint8_t>(i * 13);
  }
  VectorSink opaque_sink;
  encode_png_rgba(image, {}, opaque_sink);
  CHECK(opaque_sink.bytes[25] == 2);
  CHECK(decode(opaque_sink.bytes).rgba == image.rgba);

  image.rgba[7] = 77;  // one translucent pixel
  VectorSink translucent_sink;
  encode_png_rgba(image, {}, translucent_sink);
  CHECK(translucent_sink.bytes[25] == 6);
  CHECK(decode(translucent_sink.bytes).rgba == image.rgba);  // stored as is: no conversion

  strata::Image wrong_size = image;
  wrong_size.rgba.pop_back();
  VectorSink sink;
  CHECK_THROWS_AS(encode_png_rgba(wrong_size, {}, sink), strata::ValueError);
}

TEST_CASE("pHYs holds the dpi in pixels per metre", "[png]") {
  const Argb32 img = plot_like(64, 48);
  const auto find_phys = [](const std::vector<std::uint8_t>& png) {
    std::optional<Chunk> found;
    for (const Chunk& c : chunks(png)) {
      if (c.type == "pHYs") found = c;
    }
    REQUIRE(found.has_value());
    REQUIRE(found->data.size() == 9);
    return *found;
  };
  Chunk phys = find_phys(encode(img));  // default dpi 100
  CHECK(read_be32(phys.data.data()) == 3937);
  CHECK(read_be32(phys.data.data() + 4) == 3937);
  CHECK(phys.data[8] == 1);  // unit: metre

  PngOptions options;
  options.dpi = 72;
  phys = find_phys(encode(img, options));
  CHECK(read_be32(phys.data.data()) == 2835);  // round(72 / 0.0254) = round(2834.6)
}

TEST_CASE("text chunks: Software default, metadata in key order, no tIME", "[png]") {
  const Argb32 img = plot_like(64, 48);
  SECTION("defaults") {
    const auto png = encode(img);
    const auto text = text_chunks(png);
    REQUIRE(text.size() == 1);
    CHECK(text[0].first == "Software");
    CHECK(text[0].second == "Strata " STRATA_VERSION_STRING);
    CHECK(text[0].second == "Strata 0.1.0");
  }
  SECTION("metadata") {
    PngOptions options;
    options.metadata = {{"Title", "A line plot"}, {"Author", "Jane Doe"}, {"Creation Time", "x"}};
    const auto png = encode(img, options);
    const auto text = text_chunks(png);
    REQUIRE(text.size() == 4);
    CHECK(text[0] == std::pair<std::string, std::string>{"Author", "Jane Doe"});
    CHECK(text[1] == std::pair<std::string, std::string>{"Creation Time", "x"});
    CHECK(text[2] == std::pair<std::string, std::string>{"Software", "Strata 0.1.0"});
    CHECK(text[3] == std::pair<std::string, std::string>{"Title", "A line plot"});
    // libpng itself reads the file back.
    CHECK(decode(png).width == 64);
  }
  SECTION("Software can be replaced or suppressed") {
    PngOptions options;
    options.metadata = {{"Software", "my tool"}};
    auto text = text_chunks(encode(img, options));
    REQUIRE(text.size() == 1);
    CHECK(text[0].second == "my tool");
    options.metadata = {{"Software", ""}};
    text = text_chunks(encode(img, options));
    CHECK(text.empty());
  }
  SECTION("non-ASCII values go to iTXt") {
    PngOptions options;
    options.metadata = {{"Title",
                         "\xC3\x9C"
                         "bersicht \xE2\x80\x94 \xCE\xBC"}};
    const auto png = encode(img, options);
    CHECK(text_chunks(png).size() == 1);  // Software only
    bool found = false;
    for (const Chunk& c : chunks(png)) {
      if (c.type != "iTXt") continue;
      const std::string data(c.data.begin(), c.data.end());
      CHECK(data.rfind("Title", 0) == 0);
      CHECK(data.find("\xC3\x9C"
                      "bersicht") != std::string::npos);
      found = true;
    }
    CHECK(found);
    CHECK(decode(png).width == 64);
  }
  SECTION("no tIME chunk, chunk order") {
    const auto list = chunks(encode(img));
    std::vector<std::string> types;
    for (const Chunk& c : list) types.push_back(c.type);
    CHECK(std::find(types.begin(), types.end(), "tIME") == types.end());
    REQUIRE(types.size() >= 5);
    CHECK(types.front() == "IHDR");
    CHECK(types.back() == "IEND");
    const auto first_idat = std::find(types.begin(), types.end(), "IDAT");
    CHECK(std::find(types.begin(), first_idat, "pHYs") != first_idat);
    CHECK(std::find(types.begin(), first_idat, "tEXt") != first_idat);
  }
  SECTION("invalid keys are rejected") {
    const std::vector<std::string> bad_keys = {
        "", " Title", "Title ", "Ti  tle", std::string(80, 'k'), "Ti\ntle", "\xC3\x9C"};
    for (const std::string& key : bad_keys) {
      PngOptions options;
      options.metadata = {{key, "value"}};
      VectorSink sink;
      CHECK_THROWS_AS(
          encode_png_argb32(img.bytes.data(), img.width, img.height, img.stride, options, sink),
          strata::ValueError);
    }
    PngOptions options;
    options.metadata = {{std::string(79, 'k'), "longest key"}};
    CHECK(text_chunks(encode(img, options)).size() == 2);
  }
}

TEST_CASE("compression levels and filters", "[png]") {
  const Argb32 img = plot_like();
  PngOptions fast;
  fast.compression = 1;
  PngOptions best;
  best.compression = 9;
  const auto png1 = encode(img, fast);
  const auto png9 = encode(img, best);
  CHECK(png9.size() <= png1.size());
  const std::vector<std::uint8_t> expected = decode(png1).rgba;
  CHECK(decode(png9).rgba == expected);

  // Every level, filter and strategy decodes to the same pixels.
  for (int level = 0; level <= 9; level += 3) {
    for (const PngFilter filter :
         {PngFilter::automatic, PngFilter::none, PngFilter::sub, PngFilter::up, PngFilter::average,
          PngFilter::paeth, PngFilter::all}) {
      for (const PngStrategy strategy :
           {PngStrategy::automatic, PngStrategy::default_strategy, PngStrategy::filtered,
            PngStrategy::rle, PngStrategy::huffman_only}) {
        PngOptions options;
        options.compression = level;
        options.filter = filter;
        options.strategy = strategy;
        const auto png = encode(img, options);
        INFO("level " << level << " filter " << static_cast<int>(filter) << " strategy "
                      << static_cast<int>(strategy));
        CHECK(decode(png).rgba == expected);
      }
    }
  }
}

TEST_CASE("identical input gives identical bytes", "[png]") {
  const Argb32 img = plot_like();
  PngOptions options;
  options.metadata = {{"Title", "same"}};
  const auto a = encode(img, options);
  const auto b = encode(img, options);
  CHECK(a == b);
  Argb32 translucent = plot_like(100, 80);
  translucent.set(5, 5, 100, 50, 40, 30);
  CHECK(encode(translucent) == encode(translucent));
}

TEST_CASE("sink failures propagate unchanged", "[png]") {
  const Argb32 img = plot_like();
  const std::size_t full_size = encode(img).size();
  // Fail on the first write (signature), in the header chunks, and in the middle of IDAT.
  for (const std::size_t budget : {std::size_t{0}, std::size_t{20}, full_size / 2, full_size - 1}) {
    INFO("budget " << budget);
    FailingSink sink(budget);
    CHECK_THROWS_AS(
        encode_png_argb32(img.bytes.data(), img.width, img.height, img.stride, {}, sink),
        strata::IOError);
    CHECK_THROWS_WITH(
        encode_png_argb32(img.bytes.data(), img.width, img.height, img.stride, {}, sink),
        "disk full");
  }
  FailingSink enough(full_size);
  CHECK_NOTHROW(encode_png_argb32(img.bytes.data(), img.width, img.height, img.stride, {}, enough));

  CustomThrowingSink custom;
  try {
    encode_png_argb32(img.bytes.data(), img.width, img.height, img.stride, {}, custom);
    FAIL("no exception");
  } catch (const CustomFailure& failure) {
    CHECK(failure.code == 42);
  }

  // The encoder is still usable afterwards.
  CHECK(encode(img).size() == full_size);
}

TEST_CASE("bad arguments throw ValueError", "[png]") {
  const Argb32 img = plot_like(8, 8);
  VectorSink sink;
  const auto run = [&](const std::uint8_t* data, int w, int h, int stride,
                       const PngOptions& options) {
    encode_png_argb32(data, w, h, stride, options, sink);
  };
  PngOptions options;
  CHECK_THROWS_AS(run(img.bytes.data(), 0, 8, 32, options), strata::ValueError);
  CHECK_THROWS_AS(run(img.bytes.data(), 8, -1, 32, options), strata::ValueError);
  CHECK_THROWS_AS(run(img.bytes.data(), 8, 8, 31, options), strata::ValueError);
  CHECK_THROWS_AS(run(nullptr, 8, 8, 32, options), strata::ValueError);
  options.compression = 10;
  CHECK_THROWS_AS(run(img.bytes.data(), 8, 8, 32, options), strata::ValueError);
  options.compression = -1;
  CHECK_THROWS_AS(run(img.bytes.data(), 8, 8, 32, options), strata::ValueError);
  options.compression = 1;
  options.dpi = 0;
  CHECK_THROWS_AS(run(img.bytes.data(), 8, 8, 32, options), strata::ValueError);
  options.dpi = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(run(img.bytes.data(), 8, 8, 32, options), strata::ValueError);
  CHECK(sink.bytes.empty());  // nothing written before the checks
}

TEST_CASE("single pixel and tall images", "[png]") {
  Argb32 one(1, 1);
  one.set(0, 0, 200, 100, 50, 0);
  const Decoded d = decode(encode(one));
  REQUIRE(d.width == 1);
  CHECK(d.at(0, 0)[3] == 200);
  CHECK(d.at(0, 0)[0] == (100 * 255 + 100) / 200);

  Argb32 tall(1, 3000);
  tall.fill(255, 1, 2, 3);
  const Decoded t = decode(encode(tall));
  CHECK(t.height == 3000);
  CHECK(t.at(0, 2999)[2] == 3);
}
