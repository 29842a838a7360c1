// SPDX-License-Identifier: MIT
// ResamplingContainer: per-pixel-column first/min/max/last reduction of a long sorted series
// (in memory or memory-mapped), with lazily built block summaries and an LRU of results.
#include "strata/data/resampling_container.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/std.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "data/dtype_visit.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <deque>
#include <limits>
#include <mutex>
#include <type_traits>
#include <utility>
#include <vector>

#include "strata/error.hpp"
#include "strata/transforms/transform.hpp"

namespace strata {

namespace {

constexpr std::size_t kBlockShift = 10;
constexpr std::size_t kBlock = std::size_t{1} << kBlockShift;  // samples per summary block
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::size_t kMaxColumns = std::size_t{1} << 24;
constexpr const char* kWho = "ResamplingContainer";

// ---- Typed access ----

template <class T>
T load(const std::byte* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

/// Reads one element as double.
using LoadFn = double (*)(const std::byte*);

template <class T>
double load_double(const std::byte* p) {
  return static_cast<double>(load<T>(p));
}

/// Min, max (first occurrence of each, absolute indices) and NaN presence of a range.
struct Stats {
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  std::size_t argmin = kNone;
  std::size_t argmax = kNone;
  bool nan = false;

  /// Merges the stats of a range that follows this one (ties keep the earlier index).
  void merge(const Stats& o) {
    if (o.argmin != kNone && (argmin == kNone || o.min < min)) {
      min = o.min;
      argmin = o.argmin;
    }
    if (o.argmax != kNone && (argmax == kNone || o.max > max)) {
      max = o.max;
      argmax = o.argmax;
    }
    nan = nan || o.nan;
  }
};

/// Scans `n` elements starting at element `first`.
using ScanFn = Stats (*)(const std::byte* base, std::ptrdiff_t stride, std::size_t first,
                         std::size_t n);

template <class T, bool Contiguous>
void min_max_loop(const std::byte* p, std::ptrdiff_t stride, std::size_t n, T& mn, T& mx,
                  bool& nan) {
  T lo = mn;
  T hi = mx;
  bool bad = false;
  for (std::size_t i = 0; i < n; ++i) {
    const T v = Contiguous ? load<T>(p + i * sizeof(T))
                           : load<T>(p + static_cast<std::ptrdiff_t>(i) * stride);
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
    if constexpr (std::is_floating_point_v<T>) bad = bad || v != v;
  }
  mn = lo;
  mx = hi;
  nan = bad;
}

/// The first positions of `mn` and `mx` in the n elements at p (both are present).
template <class T>
void find_extremes(const std::byte* p, std::ptrdiff_t stride, std::size_t n, T mn, T mx,
                   std::size_t& argmin, std::size_t& argmax) {
  for (std::size_t i = 0; i < n && (argmin == kNone || argmax == kNone); ++i) {
    const T v = load<T>(p + static_cast<std::ptrdiff_t>(i) * stride);
    if (argmin == kNone && v == mn) argmin = i;
    if (argmax == kNone && v == mx) argmax = i;
  }
}

#ifdef __SSE2__
// Contiguous float32 and float64: SSE2 (min_ps(v, acc) keeps acc when v is NaN, exactly the
// scalar `v < acc ? v : acc`). GCC 12 does not vectorize these reductions without -ffast-math.

inline __m128 load4(const std::byte* p) {
  __m128 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline __m128d load2(const std::byte* p) {
  __m128d v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <>
void min_max_loop<float, true>(const std::byte* p, std::ptrdiff_t /*stride*/, std::size_t n,
                               float& mn, float& mx, bool& nan) {
  __m128 lo0 = _mm_set1_ps(mn);
  __m128 lo1 = lo0;
  __m128 hi0 = _mm_set1_ps(mx);
  __m128 hi1 = hi0;
  __m128 bad = _mm_setzero_ps();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m128 a = load4(p + i * sizeof(float));
    const __m128 b = load4(p + (i + 4) * sizeof(float));
    lo0 = _mm_min_ps(a, lo0);
    lo1 = _mm_min_ps(b, lo1);
    hi0 = _mm_max_ps(a, hi0);
    hi1 = _mm_max_ps(b, hi1);
    bad = _mm_or_ps(bad, _mm_cmpunord_ps(a, b));
  }
  float lo[4];
  float hi[4];
  _mm_storeu_ps(lo, _mm_min_ps(lo0, lo1));
  _mm_storeu_ps(hi, _mm_max_ps(hi0, hi1));
  bool b = _mm_movemask_ps(bad) != 0;
  min_max_loop<float, false>(p + i * sizeof(float), sizeof(float), n - i, mn, mx, nan);
  for (int k = 0; k < 4; ++k) {
    mn = lo[k] < mn ? lo[k] : mn;
    mx = hi[k] > mx ? hi[k] : mx;
  }
  nan = nan || b;
}

template <>
void min_max_loop<double, true>(const std::byte* p, std::ptrdiff_t /*stride*/, std::size_t n,
                                double& mn, double& mx, bool& nan) {
  __m128d lo0 = _mm_set1_pd(mn);
  __m128d lo1 = lo0;
  __m128d hi0 = _mm_set1_pd(mx);
  __m128d hi1 = hi0;
  __m128d bad = _mm_setzero_pd();
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const __m128d a = load2(p + i * sizeof(double));
    const __m128d b = load2(p + (i + 2) * sizeof(double));
    lo0 = _mm_min_pd(a, lo0);
    lo1 = _mm_min_pd(b, lo1);
    hi0 = _mm_max_pd(a, hi0);
    hi1 = _mm_max_pd(b, hi1);
    bad = _mm_or_pd(bad, _mm_cmpunord_pd(a, b));
  }
  double lo[2];
  double hi[2];
  _mm_storeu_pd(lo, _mm_min_pd(lo0, lo1));
  _mm_storeu_pd(hi, _mm_max_pd(hi0, hi1));
  bool b = _mm_movemask_pd(bad) != 0;
  min_max_loop<double, false>(p + i * sizeof(double), sizeof(double), n - i, mn, mx, nan);
  for (int k = 0; k < 2; ++k) {
    mn = lo[k] < mn ? lo[k] : mn;
    mx = hi[k] > mx ? hi[k] : mx;
  }
  nan = nan || b;
}

/// First i with p[i] == target among n contiguous floats (kNone when absent).
inline std::size_t find_first_f32(const std::byte* p, std::size_t n, float target) {
  const __m128 t = _mm_set1_ps(target);
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const int m = _mm_movemask_ps(_mm_cmpeq_ps(load4(p + i * sizeof(float)), t)) |
                  (_mm_movemask_ps(_mm_cmpeq_ps(load4(p + (i + 4) * sizeof(float)), t)) << 4);
    if (m != 0) return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(m)));
  }
  for (; i < n; ++i) {
    if (load<float>(p + i * sizeof(float)) == target) return i;
  }
  return kNone;
}

template <>
void find_extremes<float>(const std::byte* p, std::ptrdiff_t stride, std::size_t n, float mn,
                          float mx, std::size_t& argmin, std::size_t& argmax) {
  if (stride != static_cast<std::ptrdiff_t>(sizeof(float))) {
    for (std::size_t i = 0; i < n && (argmin == kNone || argmax == kNone); ++i) {
      const float v = load<float>(p + static_cast<std::ptrdiff_t>(i) * stride);
      if (argmin == kNone && v == mn) argmin = i;
      if (argmax == kNone && v == mx) argmax = i;
    }
    return;
  }
  argmin = find_first_f32(p, n, mn);
  argmax = find_first_f32(p, n, mx);
}
#endif  // __SSE2__

template <class T>
Stats scan_typed(const std::byte* base, std::ptrdiff_t stride, std::size_t first, std::size_t n) {
  Stats s;
  if (n == 0) return s;
  const std::byte* p = base + static_cast<std::ptrdiff_t>(first) * stride;
  T mn;
  T mx;
  if constexpr (std::is_floating_point_v<T>) {
    mn = std::numeric_limits<T>::infinity();
    mx = -std::numeric_limits<T>::infinity();
  } else {
    mn = std::numeric_limits<T>::max();
    mx = std::numeric_limits<T>::lowest();
  }
  bool nan = false;
  if (stride == static_cast<std::ptrdiff_t>(sizeof(T))) {
    min_max_loop<T, true>(p, stride, n, mn, mx, nan);
  } else {
    min_max_loop<T, false>(p, stride, n, mn, mx, nan);
  }
  s.nan = nan;
  if (!(mn <= mx)) return s;  // only NaN
  // Second pass (the range is in cache now): the first positions of the extremes.
  std::size_t argmin = kNone;
  std::size_t argmax = kNone;
  find_extremes<T>(p, stride, n, mn, mx, argmin, argmax);
  STRATA_ASSERT(argmin != kNone && argmax != kNone, "ResamplingContainer: extremes not found");
  s.argmin = first + argmin;
  s.argmax = first + argmax;
  s.min = static_cast<double>(mn);
  s.max = static_cast<double>(mx);
  return s;
}

/// First index i in [1, n) with x[i] < x[i-1] or x[i] NaN (or x[0] NaN: index 0); kNone when
/// sorted.
template <class T>
std::size_t first_unsorted(const std::byte* base, std::ptrdiff_t stride, std::size_t n) {
  if (n == 0) return kNone;
  T prev = load<T>(base);
  if constexpr (std::is_floating_point_v<T>) {
    if (prev != prev) return 0;
  }
  for (std::size_t i = 1; i < n; ++i) {
    const T v = load<T>(base + static_cast<std::ptrdiff_t>(i) * stride);
    if (!(v >= prev)) return i;  // also catches NaN
    prev = v;
  }
  return kNone;
}

template <class F>
decltype(auto) visit_dtype(DType t, F&& f) {
  return strata::detail::visit_dtype(t, std::forward<F>(f), kWho);
}

// ---- Memory mapping ----

/// A read-only mapping of a whole file, unmapped when the last column using it goes away.
struct Mapping {
  const std::byte* data = nullptr;
  std::size_t size = 0;
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (data != nullptr) ::munmap(const_cast<std::byte*>(data), size);
  }
};

std::shared_ptr<const Mapping> map_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw IOError(
        fmt::format("{}.from_file: cannot open {}: {}", kWho, path, std::strerror(errno)));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    throw IOError(fmt::format("{}.from_file: cannot stat {}: {}", kWho, path, std::strerror(err)));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw IOError(fmt::format("{}.from_file: {} is not a regular file", kWho, path));
  }
  auto m = std::make_shared<Mapping>();
  m->size = static_cast<std::size_t>(st.st_size);
  if (m->size > 0) {
    void* addr = ::mmap(nullptr, m->size, PROT_READ, MAP_SHARED, fd, 0);
    if (addr == MAP_FAILED) {
      const int err = errno;
      ::close(fd);
      throw IOError(fmt::format("{}.from_file: cannot map {} ({} bytes): {}", kWho, path, m->size,
                                std::strerror(err)));
    }
    m->data = static_cast<const std::byte*>(addr);
  }
  ::close(fd);
  return m;
}

/// The number of records of `record` bytes after `header` bytes of a mapped file.
std::size_t record_count(const Mapping& m, const std::filesystem::path& path, std::size_t header,
                         std::size_t record) {
  if (m.size < header) {
    throw ValueError(fmt::format("{}.from_file: {} has {} bytes, fewer than header_bytes = {}",
                                 kWho, path, m.size, header));
  }
  if ((m.size - header) % record != 0) {
    throw ValueError(fmt::format(
        "{}.from_file: {} has {} bytes after a {}-byte header, not a multiple of the {}-byte "
        "record",
        kWho, path, m.size - header, header, record));
  }
  return (m.size - header) / record;
}

// ---- Views ----

/// Bit patterns of the column edges: the LRU's lookup key.
std::vector<std::uint64_t> edge_bits(const std::vector<double>& edges) {
  std::vector<std::uint64_t> bits(edges.size());
  std::transform(edges.begin(), edges.end(), bits.begin(), key_bits);
  return bits;
}

}  // namespace

// ---- Impl ----

struct ResamplingContainer::Impl {
  /// Per-block summary of y: extremes, their offsets in the block, NaN presence.
  struct Block {
    double min = 0.0;
    double max = 0.0;
    std::uint16_t argmin = 0;
    std::uint16_t argmax = 0;
    bool known = false;
    bool any = false;  // has a non-NaN value
    bool nan = false;
  };
  /// One cached result.
  struct Entry {
    std::size_t width = 0;
    std::vector<std::uint64_t> edges;
    QueryResult result;
  };

  std::uint64_t id = new_container_id();
  ResamplingOptions opts;
  std::size_t n = 0;
  bool implicit_x = false;
  double x0 = 0.0;
  double dx = 1.0;
  Column x;
  Column y;
  const std::byte* x_base = nullptr;
  std::ptrdiff_t x_stride = 0;
  const std::byte* y_base = nullptr;
  std::ptrdiff_t y_stride = 0;
  LoadFn load_x = nullptr;
  LoadFn load_y = nullptr;
  ScanFn scan_y = nullptr;

  mutable std::mutex mutex;
  std::uint64_t generation = 0;
  std::uint64_t scanned = 0;
  std::uint64_t hits = 0;
  std::vector<Block> blocks;  // sized at the first query
  std::deque<Entry> cache;    // most recent first

  void set_y(Column col) {
    y = std::move(col);
    n = y.size();
    y_base = static_cast<const std::byte*>(y.data());
    y_stride = y.stride();
    visit_dtype(y.dtype(), [&]<class T>() {
      load_y = &load_double<T>;
      scan_y = &scan_typed<T>;
    });
  }

  void set_x(Column col) {
    if (col.size() != n) {
      throw ValueError(fmt::format("{}: x has {} values but y has {}", kWho, col.size(), n));
    }
    x = std::move(col);
    x_base = static_cast<const std::byte*>(x.data());
    x_stride = x.stride();
    visit_dtype(x.dtype(), [&]<class T>() { load_x = &load_double<T>; });
    if (opts.check_sorted) {
      const std::size_t bad =
          visit_dtype(x.dtype(), [&]<class T>() { return first_unsorted<T>(x_base, x_stride, n); });
      if (bad == 0) {
        throw ValueError(fmt::format("{}: x must be sorted and not NaN, but x[0] is NaN", kWho));
      }
      if (bad != kNone) {
        throw ValueError(fmt::format(
            "{}: x must be sorted (non-decreasing) and not NaN, but x[{}] = {} follows x[{}] = {}",
            kWho, bad, x_at(bad), bad - 1, x_at(bad - 1)));
      }
    }
  }

  void set_uniform(UniformX u) {
    if (!std::isfinite(u.x0)) {
      throw ValueError(fmt::format("{}: x0 must be finite, got {}", kWho, u.x0));
    }
    if (!(u.dx > 0.0) || !std::isfinite(u.dx)) {
      throw ValueError(fmt::format("{}: dx must be finite and > 0, got {}", kWho, u.dx));
    }
    implicit_x = true;
    x0 = u.x0;
    dx = u.dx;
  }

  [[nodiscard]] double x_at(std::size_t i) const {
    if (implicit_x) return x0 + static_cast<double>(i) * dx;
    return load_x(x_base + static_cast<std::ptrdiff_t>(i) * x_stride);
  }
  [[nodiscard]] double y_at(std::size_t i) const {
    return load_y(y_base + static_cast<std::ptrdiff_t>(i) * y_stride);
  }

  /// First i in [lo, n] with x_at(i) >= v (strict: x_at(i) > v) — x is sorted.
  [[nodiscard]] std::size_t search(double v, std::size_t lo, bool strict) const {
    auto before = [&](std::size_t i) {
      const double xi = x_at(i);
      return strict ? !(xi > v) : xi < v;
    };
    if (implicit_x) {
      // Start at the arithmetic answer and correct rounding against x_at() itself.
      const double t = std::floor((v - x0) / dx);
      std::size_t i = lo;
      if (t > static_cast<double>(lo))
        i = t >= static_cast<double>(n) ? n : static_cast<std::size_t>(t);
      while (i > lo && !before(i - 1)) --i;
      while (i < n && before(i)) ++i;
      return i;
    }
    std::size_t count = n - lo;
    std::size_t first = lo;
    while (count > 0) {
      const std::size_t step = count / 2;
      if (before(first + step)) {
        first += step + 1;
        count -= step + 1;
      } else {
        count = step;
      }
    }
    return first;
  }

  /// Raw scan of y[lo, hi).
  Stats raw(std::size_t lo, std::size_t hi) {
    if (hi <= lo) return {};
    scanned += hi - lo;
    return scan_y(y_base, y_stride, lo, hi - lo);
  }

  /// The summary of block b, computed on first use.
  Stats block(std::size_t b) {
    Block& blk = blocks[b];
    const std::size_t start = b << kBlockShift;
    if (!blk.known) {
      const Stats s = raw(start, start + kBlock);
      blk.known = true;
      blk.nan = s.nan;
      blk.any = s.argmin != kNone;
      if (blk.any) {
        blk.min = s.min;
        blk.max = s.max;
        blk.argmin = static_cast<std::uint16_t>(s.argmin - start);
        blk.argmax = static_cast<std::uint16_t>(s.argmax - start);
      }
    }
    Stats s;
    s.nan = blk.nan;
    if (blk.any) {
      s.min = blk.min;
      s.max = blk.max;
      s.argmin = start + blk.argmin;
      s.argmax = start + blk.argmax;
    }
    return s;
  }

  /// Stats of y[lo, hi): partial blocks scanned, whole blocks from their summaries.
  Stats reduce(std::size_t lo, std::size_t hi) {
    const std::size_t b0 = (lo + kBlock - 1) >> kBlockShift;  // first whole block
    const std::size_t b1 = hi >> kBlockShift;                 // one past the last whole block
    if (b0 >= b1) return raw(lo, hi);
    Stats s = raw(lo, b0 << kBlockShift);
    for (std::size_t b = b0; b < b1; ++b) s.merge(block(b));
    s.merge(raw(b1 << kBlockShift, hi));
    return s;
  }

  void emit(std::size_t i, std::vector<double>& ox, std::vector<double>& oy) const {
    ox.push_back(x_at(i));
    oy.push_back(y_at(i));
  }

  QueryResult compute(const std::vector<double>& edges, std::size_t width) {
    if (blocks.size() != (n >> kBlockShift)) blocks.assign(n >> kBlockShift, Block{});
    // Column split indices: split[k] = first sample of column k; split[width] = window end.
    std::vector<std::size_t> split(width + 1);
    split[0] = search(edges[0], 0, false);
    for (std::size_t k = 1; k < width; ++k) split[k] = search(edges[k], split[k - 1], false);
    split[width] = search(edges[width], split[width - 1], true);

    CacheKey key;
    key.parts.reserve(width + 4);
    key.parts.push_back(id);
    key.parts.push_back(generation);
    key.parts.push_back(width);
    for (std::size_t s : split) key.parts.push_back(s);

    std::vector<double> ox;
    std::vector<double> oy;
    const std::size_t start = split[0];
    const std::size_t end = split[width];
    const std::size_t visible = end - start;
    const std::size_t cap = std::min(visible, 5 * width) + 2;
    ox.reserve(cap);
    oy.reserve(cap);
    if (start > 0) emit(start - 1, ox, oy);
    for (std::size_t k = 0; k < width; ++k) {
      const std::size_t lo = split[k];
      const std::size_t hi = split[k + 1];
      if (hi <= lo) continue;
      if (hi - lo <= 4) {
        for (std::size_t i = lo; i < hi; ++i) emit(i, ox, oy);
        continue;
      }
      const Stats s = reduce(lo, hi);
      std::size_t idx[4] = {lo, s.argmin, s.argmax, hi - 1};
      std::sort(idx, idx + 4);  // kNone (only NaN in the column) sorts last
      std::size_t count = 0;
      for (std::size_t j = 0; j < 4; ++j) {
        if (idx[j] == kNone || (count > 0 && idx[count - 1] == idx[j])) continue;
        idx[count++] = idx[j];
      }
      const bool gap = s.nan && !std::isnan(y_at(lo)) && !std::isnan(y_at(hi - 1));
      for (std::size_t j = 0; j < count; ++j) {
        if (gap && j + 1 == count) {
          ox.push_back(std::numeric_limits<double>::quiet_NaN());
          oy.push_back(std::numeric_limits<double>::quiet_NaN());
        }
        emit(idx[j], ox, oy);
      }
    }
    if (end < n) emit(end, ox, oy);

    QueryResult r;
    r.columns.emplace("x", Column::from_vector(std::move(ox)));
    r.columns.emplace("y", Column::from_vector(std::move(oy)));
    r.key = std::move(key);
    return r;
  }
};

// ---- ResamplingContainer ----

ResamplingContainer::ResamplingContainer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

namespace {
const ResamplingOptions& checked(const ResamplingOptions& opts) {
  if (opts.columns_per_pixel < 1) {
    throw ValueError(fmt::format("{}: columns_per_pixel must be at least 1, got {}", kWho,
                                 opts.columns_per_pixel));
  }
  return opts;
}
}  // namespace

ResamplingContainer::ResamplingContainer(DataRef x, DataRef y, const ResamplingOptions& opts)
    : impl_(std::make_unique<Impl>()) {
  impl_->opts = checked(opts);
  impl_->set_y(y.column());
  impl_->set_x(x.column());
}

ResamplingContainer::ResamplingContainer(UniformX x, DataRef y, const ResamplingOptions& opts)
    : impl_(std::make_unique<Impl>()) {
  impl_->opts = checked(opts);
  impl_->set_uniform(x);
  impl_->set_y(y.column());
}

ResamplingContainer::~ResamplingContainer() = default;

std::shared_ptr<ResamplingContainer> ResamplingContainer::from_file(
    const std::filesystem::path& path, const SeriesFileOptions& opts) {
  const std::size_t ysize = dtype_size(opts.dtype);
  const DType xdtype = opts.x_dtype.value_or(opts.dtype);
  const std::size_t xsize = dtype_size(xdtype);
  const std::size_t header = opts.header_bytes;
  if (opts.x_layout == XLayout::separate && opts.x_path.empty()) {
    throw ValueError(
        fmt::format("{}.from_file: x_layout = separate needs x_path (y file {})", kWho, path));
  }
  if (opts.x_layout != XLayout::separate && !opts.x_path.empty()) {
    throw ValueError(fmt::format("{}.from_file: x_path {} is only used with x_layout = separate",
                                 kWho, opts.x_path));
  }
  if (opts.x_layout == XLayout::implicit && opts.x_dtype) {
    throw ValueError(fmt::format("{}.from_file: x_dtype {} is not used with x_layout = implicit",
                                 kWho, dtype_name(*opts.x_dtype)));
  }

  auto impl = std::make_unique<Impl>();
  impl->opts = checked(opts.resampling);
  auto ymap = map_file(path);
  switch (opts.x_layout) {
    case XLayout::implicit: {
      impl->set_uniform(UniformX{opts.x0, opts.dx});
      const std::size_t n = record_count(*ymap, path, header, ysize);
      const std::byte* base = ymap->data == nullptr ? nullptr : ymap->data + header;
      impl->set_y(Column(opts.dtype, base, n, static_cast<std::ptrdiff_t>(ysize), ymap));
      break;
    }
    case XLayout::interleaved: {
      const std::size_t record = xsize + ysize;
      const std::size_t n = record_count(*ymap, path, header, record);
      const std::byte* base = ymap->data == nullptr ? nullptr : ymap->data + header;
      const auto stride = static_cast<std::ptrdiff_t>(record);
      impl->set_y(Column(opts.dtype, base == nullptr ? nullptr : base + xsize, n, stride, ymap));
      impl->set_x(Column(xdtype, base, n, stride, ymap));
      break;
    }
    case XLayout::separate: {
      auto xmap = map_file(opts.x_path);
      const std::size_t n = record_count(*ymap, path, header, ysize);
      const std::size_t nx = record_count(*xmap, opts.x_path, header, xsize);
      if (nx != n) {
        throw ValueError(fmt::format("{}.from_file: x file {} has {} values but y file {} has {}",
                                     kWho, opts.x_path, nx, path, n));
      }
      const std::byte* ybase = ymap->data == nullptr ? nullptr : ymap->data + header;
      const std::byte* xbase = xmap->data == nullptr ? nullptr : xmap->data + header;
      impl->set_y(Column(opts.dtype, ybase, n, static_cast<std::ptrdiff_t>(ysize), ymap));
      impl->set_x(Column(xdtype, xbase, n, static_cast<std::ptrdiff_t>(xsize), xmap));
      break;
    }
    default:
      throw ValueError(
          fmt::format("{}.from_file: invalid x_layout {}", kWho, static_cast<int>(opts.x_layout)));
  }
  return std::shared_ptr<ResamplingContainer>(new ResamplingContainer(std::move(impl)));
}

QueryResult ResamplingContainer::query(const Transform& axes_to_data, Size pixels) const {
  if (!(pixels.width >= 0.0) || !std::isfinite(pixels.width) || !(pixels.height >= 0.0) ||
      !std::isfinite(pixels.height)) {
    throw ValueError(fmt::format("{}.query: pixels must be finite and >= 0, got {} x {}", kWho,
                                 pixels.width, pixels.height));
  }
  const double wanted = std::ceil(pixels.width);
  if (wanted > static_cast<double>(kMaxColumns)) {
    throw ValueError(fmt::format("{}.query: pixels.width must be at most {}, got {}", kWho,
                                 kMaxColumns, pixels.width));
  }
  const std::size_t width = static_cast<std::size_t>(impl_->opts.columns_per_pixel) *
                            (wanted < 1.0 ? 1 : static_cast<std::size_t>(wanted));

  // Column edges in data x, equally spaced in axes fraction; increasing x order.
  std::vector<double> edges(width + 1);
  for (std::size_t k = 0; k <= width; ++k) {
    const double u = k == width ? 1.0 : static_cast<double>(k) / static_cast<double>(width);
    edges[k] = axes_to_data.transform(Point{u, 0.5}).x;
    if (!std::isfinite(edges[k])) {
      throw ValueError(
          fmt::format("{}.query: the visible x range is not finite (axes fraction "
                      "{} maps to x = {})",
                      kWho, u, edges[k]));
    }
  }
  if (edges.front() > edges.back()) std::reverse(edges.begin(), edges.end());  // inverted axis
  for (std::size_t k = 1; k <= width; ++k) {
    if (edges[k] < edges[k - 1]) {
      throw ValueError(
          fmt::format("{}.query: axes_to_data is not monotonic in x (column edges {} then {})",
                      kWho, edges[k - 1], edges[k]));
    }
  }

  Impl& im = *impl_;
  std::lock_guard lock(im.mutex);
  auto bits = edge_bits(edges);
  for (auto it = im.cache.begin(); it != im.cache.end(); ++it) {
    if (it->width == width && it->edges == bits) {
      ++im.hits;
      if (it != im.cache.begin()) {
        Impl::Entry hit = std::move(*it);
        im.cache.erase(it);
        im.cache.push_front(std::move(hit));
      }
      return im.cache.front().result;
    }
  }
  QueryResult r = im.compute(edges, width);
  if (im.opts.cache_size > 0) {
    im.cache.push_front(Impl::Entry{width, std::move(bits), r});
    while (im.cache.size() > im.opts.cache_size) im.cache.pop_back();
  }
  return r;
}

std::map<std::string, FieldDesc> ResamplingContainer::describe() const {
  return {{"x", FieldDesc{DType::float64, "N"}}, {"y", FieldDesc{DType::float64, "N"}}};
}

void ResamplingContainer::mark_changed() {
  std::lock_guard lock(impl_->mutex);
  ++impl_->generation;
  impl_->cache.clear();
  impl_->blocks.clear();
}

std::size_t ResamplingContainer::size() const { return impl_->n; }

std::uint64_t ResamplingContainer::id() const { return impl_->id; }

int ResamplingContainer::columns_per_pixel() const { return impl_->opts.columns_per_pixel; }

std::uint64_t ResamplingContainer::generation() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->generation;
}

std::uint64_t ResamplingContainer::samples_scanned() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->scanned;
}

std::uint64_t ResamplingContainer::cache_hits() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->hits;
}

}  // namespace strata
