// SPDX-License-Identifier: MIT
// Streaming: chunk sources (generator, uniform random points, float32 point files) and
// StreamingContainer, which hands chunks to the artist one at a time.
#include "strata/data/streaming.hpp"

#include <fmt/format.h>
#include <fmt/std.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

#include "strata/error.hpp"

namespace strata {

namespace {

/// splitmix64's finalizer: a bijective 64-bit mix (Steele, Lea, Flood 2014).
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::map<std::string, FieldDesc> xy_float32() {
  return {{"x", FieldDesc{DType::float32, "N"}}, {"y", FieldDesc{DType::float32, "N"}}};
}

/// Two float32 columns viewing one owned buffer of interleaved (x, y) pairs.
Chunk interleaved_chunk(std::shared_ptr<std::vector<float>> buf, std::size_t n) {
  const float* p = buf->data();
  std::shared_ptr<const void> owner = std::move(buf);
  constexpr auto stride = static_cast<std::ptrdiff_t>(2 * sizeof(float));
  Chunk c;
  c.columns.emplace("x", Column(DType::float32, p, n, stride, owner));
  c.columns.emplace("y", Column(DType::float32, p + 1, n, stride, std::move(owner)));
  return c;
}

}  // namespace

// ---- Chunk ----

namespace {
std::size_t chunk_length(const std::map<std::string, Column>& columns) {
  if (columns.empty()) return 0;
  auto it = columns.find("x");
  return it != columns.end() ? it->second.size() : columns.begin()->second.size();
}
}  // namespace

std::size_t Chunk::size() const { return chunk_length(columns); }

// ---- GeneratorSource ----

GeneratorSource::GeneratorSource(Start start, std::map<std::string, FieldDesc> fields,
                                 std::optional<std::size_t> size_hint)
    : start_(std::move(start)), fields_(std::move(fields)), size_hint_(size_hint) {
  if (!start_) throw ValueError("GeneratorSource: start is empty (need a callable)");
  rewind();
}

std::optional<Chunk> GeneratorSource::next() { return gen_(); }

void GeneratorSource::rewind() {
  gen_ = start_();
  if (!gen_) throw ValueError("GeneratorSource: start() returned an empty generator");
}

// ---- UniformPointsSource ----

UniformPointsSource::UniformPointsSource(const UniformPointsOptions& opts) : opts_(opts) {
  if (opts_.chunk_size == 0)
    throw ValueError("UniformPointsSource: chunk_size must be >= 1, got 0");
  for (auto [name, v] : {std::pair{"x0", opts_.x0}, std::pair{"x1", opts_.x1},
                         std::pair{"y0", opts_.y0}, std::pair{"y1", opts_.y1}}) {
    if (!std::isfinite(v)) {
      throw ValueError(fmt::format("UniformPointsSource: {} must be finite, got {}", name, v));
    }
  }
}

std::optional<Chunk> UniformPointsSource::next() {
  if (pos_ >= opts_.count) return std::nullopt;
  const std::size_t n = std::min(opts_.chunk_size, opts_.count - pos_);
  auto buf = std::make_shared<std::vector<float>>(2 * n);
  float* out = buf->data();
  constexpr double unit = 1.0 / 16777216.0;  // 2^-24: 24-bit uniforms are exact in float
  const bool unit_square = opts_.x0 == 0.0 && opts_.x1 == 1.0 && opts_.y0 == 0.0 && opts_.y1 == 1.0;
  const double sx = opts_.x1 - opts_.x0;
  const double sy = opts_.y1 - opts_.y0;
  const std::uint64_t base = mix64(opts_.seed ^ 0x5eed5eed5eed5eedULL);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t h = mix64(base + 0x9e3779b97f4a7c15ULL * (pos_ + i));
    const double u = static_cast<double>(h >> 40) * unit;
    const double v = static_cast<double>((h >> 16) & 0xffffffULL) * unit;
    if (unit_square) {
      out[2 * i] = static_cast<float>(u);
      out[2 * i + 1] = static_cast<float>(v);
    } else {
      out[2 * i] = static_cast<float>(opts_.x0 + u * sx);
      out[2 * i + 1] = static_cast<float>(opts_.y0 + v * sy);
    }
  }
  pos_ += n;
  return interleaved_chunk(std::move(buf), n);
}

std::map<std::string, FieldDesc> UniformPointsSource::describe() const { return xy_float32(); }

// ---- BinaryPointsFileSource ----

BinaryPointsFileSource::BinaryPointsFileSource(const std::filesystem::path& path,
                                               const BinaryPointsFileOptions& opts)
    : path_(path), opts_(opts) {
  if (opts_.chunk_size == 0) {
    throw ValueError("BinaryPointsFileSource: chunk_size must be >= 1, got 0");
  }
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path_, ec);
  if (ec) {
    throw IOError(
        fmt::format("BinaryPointsFileSource: cannot read the size of {}: {}", path_, ec.message()));
  }
  if (bytes % (2 * sizeof(float)) != 0) {
    throw ValueError(fmt::format(
        "BinaryPointsFileSource: {} has {} bytes, not a multiple of 8 (float32 x, y records)",
        path_, bytes));
  }
  count_ = static_cast<std::size_t>(bytes / (2 * sizeof(float)));
  file_ = std::fopen(path_.c_str(), "rb");
  if (file_ == nullptr) {
    throw IOError(
        fmt::format("BinaryPointsFileSource: cannot open {}: {}", path_, std::strerror(errno)));
  }
}

BinaryPointsFileSource::~BinaryPointsFileSource() {
  if (file_ != nullptr) std::fclose(file_);
}

std::optional<Chunk> BinaryPointsFileSource::next() {
  if (pos_ >= count_) return std::nullopt;
  const std::size_t n = std::min(opts_.chunk_size, count_ - pos_);
  auto buf = std::make_shared<std::vector<float>>(2 * n);
  const std::size_t got = std::fread(buf->data(), 2 * sizeof(float), n, file_);
  if (got != n) {
    const bool eof = std::feof(file_) != 0;
    throw IOError(
        fmt::format("BinaryPointsFileSource: reading {} at record {}: {}", path_, pos_ + got,
                    eof ? "unexpected end of file (did it shrink?)" : std::strerror(errno)));
  }
  pos_ += n;
  return interleaved_chunk(std::move(buf), n);
}

void BinaryPointsFileSource::rewind() {
  if (std::fseek(file_, 0, SEEK_SET) != 0) {
    throw IOError(fmt::format("BinaryPointsFileSource: cannot seek to the start of {}: {}", path_,
                              std::strerror(errno)));
  }
  pos_ = 0;
}

std::map<std::string, FieldDesc> BinaryPointsFileSource::describe() const { return xy_float32(); }

// ---- StreamingContainer ----

StreamingContainer::StreamingContainer(ChunkSourcePtr source)
    : id_(new_container_id()), source_(std::move(source)) {
  if (!source_) throw ValueError("StreamingContainer: source is null");
  fields_ = source_->describe();
  for (const auto& [name, desc] : fields_)
    check_shape_syntax("StreamingContainer", name, desc.shape);
}

QueryResult StreamingContainer::query(const Transform& /*axes_to_data*/, Size /*pixels*/) const {
  throw ValueError(
      "StreamingContainer.query: a stream is not materialized in one result; draw it with "
      "for_each_chunk(axes_to_data, pixels, callback)");
}

std::map<std::string, FieldDesc> StreamingContainer::describe() const { return fields_; }

std::size_t StreamingContainer::for_each_chunk(const Transform& /*axes_to_data*/, Size /*pixels*/,
                                               const ChunkCallback& callback) const {
  if (!callback) throw ValueError("StreamingContainer.for_each_chunk: callback is empty");
  std::lock_guard lock(mutex_);
  source_->rewind();
  std::size_t total = 0;
  std::uint64_t index = 0;
  while (auto chunk = source_->next()) {
    QueryResult r{std::move(chunk->columns), CacheKey{{id_, generation_, index}}};
    check_query_result(fmt::format("StreamingContainer: chunk {}", index), r, fields_);
    total += chunk_length(r.columns);
    callback(r);
    ++index;
  }
  return total;
}

Bbox StreamingContainer::xy_limits(const Transform& axes_to_data, Size pixels) const {
  constexpr std::size_t kBlock = 4096;
  double bx[kBlock], by[kBlock];
  Bbox b = Bbox::null();
  (void)for_each_chunk(axes_to_data, pixels, [&](const QueryResult& r) {
    const Column& xc = r.at("x");
    const Column& yc = r.at("y");
    const std::size_t n = std::min(xc.size(), yc.size());
    for (std::size_t first = 0; first < n; first += kBlock) {
      const std::size_t m = std::min(kBlock, n - first);
      xc.copy_to(std::span<double>(bx, m), first);
      yc.copy_to(std::span<double>(by, m), first);
      for (std::size_t i = 0; i < m; ++i) {
        const double x = bx[i], y = by[i];
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        b.x0 = std::min(b.x0, x);
        b.x1 = std::max(b.x1, x);
        b.y0 = std::min(b.y0, y);
        b.y1 = std::max(b.y1, y);
        if (x > 0) b.minposx = std::min(b.minposx, x);
        if (y > 0) b.minposy = std::min(b.minposy, y);
      }
    }
  });
  return b;
}

void StreamingContainer::mark_changed() {
  std::lock_guard lock(mutex_);
  ++generation_;
}

std::uint64_t StreamingContainer::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

}  // namespace strata
