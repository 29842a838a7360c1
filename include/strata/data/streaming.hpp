// SPDX-License-Identifier: MIT
#pragma once
// Streaming: data of any size read chunk by chunk at draw time, so that memory is bounded by
// one chunk (plus the canvas) whatever the number of points. ChunkSource is the iterator-like
// producer; StreamingContainer hands its chunks to the artist one at a time.
//
// Ready-made sources: UniformPointsSource (seeded uniform random points, generated on the
// fly) and BinaryPointsFileSource (a file of float32 (x, y) records, read in chunks);
// GeneratorSource wraps any callable.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "strata/core/geometry.hpp"
#include "strata/data/container.hpp"
#include "strata/export.hpp"

namespace strata {

/// One chunk of a stream: named columns, of the lengths the source's describe() promises
/// (usually "x" and "y" of equal length; scatter data may add "c", "s", ...).
///
/// **Example**
/// ```
/// strata::Chunk c{{{"x", strata::Column::from_vector({0, 1})},
///                  {"y", strata::Column::from_vector({2, 3})}}};
/// c.size();  // 2
/// ```
struct STRATA_API Chunk {
  /// Field name -> values (owned by the chunk or borrowed from memory that outlives it).
  std::map<std::string, Column> columns;
  /// Length of the "x" column when there is one, else of the first column (0 when empty).
  [[nodiscard]] std::size_t size() const;
};

/// A producer of chunks, read from the start at every draw: rewind(), then next() until it
/// returns nullopt. Sources are stateful and not thread-safe; StreamingContainer and
/// DensityContainer serialize their use with a mutex.
///
/// **Example**
/// ```
/// class Counter : public strata::ChunkSource { ... };  // next(), rewind(), describe()
/// ```
class STRATA_API ChunkSource {
 public:
  virtual ~ChunkSource() = default;
  /// The next chunk, or nullopt at the end of the stream.
  [[nodiscard]] virtual std::optional<Chunk> next() = 0;
  /// Goes back to the first chunk. A source that cannot be re-read throws strata::ValueError.
  virtual void rewind() = 0;
  /// The fields of every chunk, with their types and shape relations (as
  /// DataContainer::describe(); a chunk is checked against it).
  [[nodiscard]] virtual std::map<std::string, FieldDesc> describe() const = 0;
  /// The total number of points when known in advance (nullopt: unknown).
  [[nodiscard]] virtual std::optional<std::size_t> size_hint() const { return std::nullopt; }
};

/// Shared handle of a chunk source (containers hold their source this way).
using ChunkSourcePtr = std::shared_ptr<ChunkSource>;

/// A ChunkSource from a callable: `start()` returns a fresh generator (a callable giving the
/// next chunk or nullopt); rewind() calls `start()` again, like iterating a Python iterable.
///
/// **Example**
/// ```
/// auto src = std::make_shared<strata::GeneratorSource>(
///     [] {
///       return [i = 0]() mutable -> std::optional<strata::Chunk> {
///         if (i++ == 10) return std::nullopt;
///         return strata::Chunk{{{"x", xs(i)}, {"y", ys(i)}}};
///       };
///     },
///     std::map<std::string, strata::FieldDesc>{{"x", {}}, {"y", {}}});
/// ```
class STRATA_API GeneratorSource final : public ChunkSource {
 public:
  /// A generator: the next chunk, or nullopt at the end.
  using Generator = std::function<std::optional<Chunk>()>;
  /// Makes a fresh generator positioned at the first chunk.
  using Start = std::function<Generator()>;

  /// `start` is called now and at every rewind(); `fields` describes every chunk. Throws
  /// strata::ValueError when `start` is empty or returns an empty generator.
  GeneratorSource(Start start, std::map<std::string, FieldDesc> fields,
                  std::optional<std::size_t> size_hint = std::nullopt);
  /// The generator's next chunk.
  [[nodiscard]] std::optional<Chunk> next() override;
  /// Calls `start` again.
  void rewind() override;
  /// The fields given to the constructor.
  [[nodiscard]] std::map<std::string, FieldDesc> describe() const override { return fields_; }
  /// The size hint given to the constructor.
  [[nodiscard]] std::optional<std::size_t> size_hint() const override { return size_hint_; }

 private:
  Start start_;
  Generator gen_;
  std::map<std::string, FieldDesc> fields_;
  std::optional<std::size_t> size_hint_;
};

/// Options of UniformPointsSource.
struct UniformPointsOptions {
  /// Total number of points; default 0.
  std::size_t count = 0;
  /// Points per chunk; default 65536, must be >= 1.
  std::size_t chunk_size = std::size_t{1} << 16;
  /// Seed: the same seed gives the same points, chunk by chunk, after every rewind and on
  /// every platform; default 0.
  std::uint64_t seed = 0;
  /// Lower end of x, data units; default 0.
  double x0 = 0.0;
  /// Upper end of x, data units; default 1 (x in [x0, x1); exactly so for the default range).
  double x1 = 1.0;
  /// Lower end of y, data units; default 0.
  double y0 = 0.0;
  /// Upper end of y, data units; default 1.
  double y1 = 1.0;
};

/// Uniform random points generated chunk by chunk (never all in memory): fields "x" and "y",
/// float32, shape "N". Point i depends only on (seed, i) (a counter-based generator,
/// splitmix64 of seed and i, 24 random bits per coordinate), so chunks are reproducible and
/// rewind() is free.
///
/// **Example**
/// ```
/// auto src = std::make_shared<strata::UniformPointsSource>(
///     strata::UniformPointsOptions{.count = 100'000'000, .seed = 42});
/// ```
class STRATA_API UniformPointsSource final : public ChunkSource {
 public:
  /// Throws strata::ValueError for chunk_size == 0 or non-finite ranges.
  explicit UniformPointsSource(const UniformPointsOptions& opts);
  /// The next min(chunk_size, remaining) points.
  [[nodiscard]] std::optional<Chunk> next() override;
  /// Back to point 0.
  void rewind() override { pos_ = 0; }
  /// {"x": float32 "N", "y": float32 "N"}.
  [[nodiscard]] std::map<std::string, FieldDesc> describe() const override;
  /// `count`.
  [[nodiscard]] std::optional<std::size_t> size_hint() const override { return opts_.count; }

 private:
  UniformPointsOptions opts_;
  std::size_t pos_ = 0;
};

/// Options of BinaryPointsFileSource.
struct BinaryPointsFileOptions {
  /// Records per chunk; default 65536, must be >= 1.
  std::size_t chunk_size = std::size_t{1} << 16;
};

/// A file of float32 (x, y) records (8 bytes each, native byte order, no header) read chunk
/// by chunk with buffered reads: fields "x" and "y", float32, shape "N" (strided views of
/// one owned buffer per chunk). The file is opened by the constructor and kept open.
///
/// **Example**
/// ```
/// auto src = std::make_shared<strata::BinaryPointsFileSource>("/data/points.f32");
/// ```
class STRATA_API BinaryPointsFileSource final : public ChunkSource {
 public:
  /// Opens `path`. Throws strata::IOError naming the path when it cannot be opened or
  /// measured, strata::ValueError when its size is not a multiple of 8 bytes or
  /// chunk_size == 0.
  explicit BinaryPointsFileSource(const std::filesystem::path& path,
                                  const BinaryPointsFileOptions& opts = {});
  /// Closes the file (chunks already returned own their buffers).
  ~BinaryPointsFileSource() override;
  /// Not copyable: it owns a file position; share it through a shared_ptr.
  BinaryPointsFileSource(const BinaryPointsFileSource&) = delete;
  /// Not copyable.
  BinaryPointsFileSource& operator=(const BinaryPointsFileSource&) = delete;

  /// The next min(chunk_size, remaining) records; throws strata::IOError naming the path
  /// on a read error or a file that shrank.
  [[nodiscard]] std::optional<Chunk> next() override;
  /// Seeks back to the first record (strata::IOError on failure).
  void rewind() override;
  /// {"x": float32 "N", "y": float32 "N"}.
  [[nodiscard]] std::map<std::string, FieldDesc> describe() const override;
  /// The number of records in the file when it was opened.
  [[nodiscard]] std::optional<std::size_t> size_hint() const override { return count_; }

 private:
  std::filesystem::path path_;
  BinaryPointsFileOptions opts_;
  std::FILE* file_ = nullptr;
  std::size_t count_ = 0;
  std::size_t pos_ = 0;
};

/// Line or scatter data of any size, drawn chunk by chunk: memory stays bounded by one
/// chunk, independent of the number of points.
///
/// Drawing: artists call for_each_chunk(), which rewinds the source and hands every chunk
/// to the callback as a QueryResult (columns as the source gives them; key {id(),
/// generation(), chunk index}). Each chunk is checked against describe() (lengths and
/// dtypes; strata::ValueError naming the chunk otherwise).
///
/// **query() throws** strata::ValueError: returning only the first chunk would silently
/// draw part of the data, and returning all of it would defeat the container. Artists that
/// support streaming test for this class and call for_each_chunk(). (Lines drawn in chunks
/// are joined by the artist: the last point of a chunk starts the next chunk's path.)
///
/// Thread safety: calls are serialized by a mutex held for the whole for_each_chunk();
/// the callback must not call back into the same container.
///
/// **Example**
/// ```
/// strata::StreamingContainer c(std::make_shared<strata::UniformPointsSource>(
///     strata::UniformPointsOptions{.count = 10'000'000}));
/// c.for_each_chunk(axes_to_data, {800, 600}, [&](const strata::QueryResult& chunk) {
///   draw_points(chunk.at("x"), chunk.at("y"));
/// });
/// ```
class STRATA_API StreamingContainer final : public DataContainer {
 public:
  /// The chunk callback: one call per chunk, in stream order.
  using ChunkCallback = std::function<void(const QueryResult& chunk)>;

  /// Streams `source` (shared: the same source may feed other containers, one at a time).
  /// Throws strata::ValueError for a null source or one whose describe() is malformed.
  explicit StreamingContainer(ChunkSourcePtr source);

  /// Always throws strata::ValueError ("StreamingContainer.query: ... use for_each_chunk()").
  [[nodiscard]] QueryResult query(const Transform& axes_to_data, Size pixels) const override;
  /// The source's fields (every chunk's columns).
  [[nodiscard]] std::map<std::string, FieldDesc> describe() const override;

  /// Rewinds the source and calls `callback` once per chunk, in order; returns the number
  /// of points streamed (sum of Chunk::size()). `axes_to_data` and `pixels` are the view of
  /// the draw (the chunks are not clipped to it: the renderer clips). Exceptions from the
  /// source or the callback propagate.
  std::size_t for_each_chunk(const Transform& axes_to_data, Size pixels,
                             const ChunkCallback& callback) const;

  /// The bounding box of the points whose "x" and "y" are both finite, with minpos (the
  /// smallest positive x and y), from one pass over the chunks; null when there is none.
  /// ValueError when the source has no "x" or "y".
  [[nodiscard]] Bbox xy_limits(const Transform& axes_to_data, Size pixels) const;

  /// Renews the chunk keys (call it when the source's data changed).
  void mark_changed();
  /// The process-unique id of this container (first part of its keys).
  [[nodiscard]] std::uint64_t id() const { return id_; }
  /// Starts at 0; +1 at every mark_changed().
  [[nodiscard]] std::uint64_t generation() const;
  /// The source.
  [[nodiscard]] const ChunkSourcePtr& source() const { return source_; }

 private:
  std::uint64_t id_;
  ChunkSourcePtr source_;
  std::map<std::string, FieldDesc> fields_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
};

}  // namespace strata
