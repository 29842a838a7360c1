// SPDX-License-Identifier: MIT
// The path clean-up pipeline (see path_pipeline.hpp).
//
// Order, as matplotlib's Agg backend: transform + NaN removal -> column reduction (M4) ->
// clip (Liang-Barsky) -> snap -> simplify -> output. Paths with curves only get the
// transform and NaN removal.
//
// Each stage is a small state machine with push(code, x, y) / finish() / going(). The stages
// a path needs are chained at compile time (one instantiation per combination, see
// feed_through_*), so a path is processed in one pass with no allocation other than the
// output vectors. Each stage splits push() into an inlined hot path (the common case: a
// LINETO that continues a run, stays inside the clip box, stays in its pixel column) and an
// out-of-line slow path, which keeps the per-vertex loop small.
#include "core/path_pipeline.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

#if defined(__GNUC__) || defined(__clang__)
#define STRATA_HOT_INLINE [[gnu::always_inline]] inline
#define STRATA_COLD [[gnu::noinline]]
#else
#define STRATA_HOT_INLINE inline
#define STRATA_COLD
#endif

namespace strata::detail {

namespace {

constexpr PathCode kMoveTo = PathCode::moveto;
constexpr PathCode kLineTo = PathCode::lineto;
constexpr PathCode kClose = PathCode::closepoly;

/// matplotlib's limits: auto-snap up to this many vertices, simplify from this many.
constexpr std::size_t kSnapMaxVertices = 1024;
constexpr std::size_t kSimplifyMinVertices = 128;
/// A segment is axis-aligned when |dx| or |dy| is below this (device pixels).
constexpr double kAxisAlignedEps = 1e-4;

STRATA_HOT_INLINE bool finite(const Point& p) {
  // x - x is 0 for finite x and NaN for infinities and NaN: one comparison tests both
  // coordinates (this file must not be built with -ffast-math).
  return (p.x - p.x) + (p.y - p.y) == 0.0;
}

/// An affine transform held in locals for the source loops (so that stores to the output do
/// not force reloads). The same arithmetic as Affine2D::transform, bit for bit.
struct LocalAffine {
  double a, b, c, d, e, f;
  explicit LocalAffine(const Affine2D& t) : a(t.a), b(t.b), c(t.c), d(t.d), e(t.e), f(t.f) {}
  STRATA_HOT_INLINE Point operator()(const Point& p) const {
    return {a * p.x + c * p.y + e, b * p.x + d * p.y + f};
  }
};

/// Number of vertices of the segment that starts with `code` (curves carry their control
/// points in the same code).
std::size_t segment_length(PathCode code) {
  switch (code) {
    case PathCode::curve3:
      return 2;
    case PathCode::curve4:
      return 3;
    default:
      return 1;
  }
}

/// True when every code is MOVETO or LINETO (or the path has no codes).
bool only_moveto_lineto(const Path& path) {
  return std::all_of(path.codes().begin(), path.codes().end(),
                     [](PathCode c) { return c == kMoveTo || c == kLineTo; });
}

// ---------------------------------------------------------------------------------------------
// Sinks (ends of a chain)

/// Appends to a PipelineOutput through a small local buffer, so that the per-vertex cost is
/// two stores; the vectors grow in bulk.
class OutputSink {
 public:
  explicit OutputSink(PipelineOutput& out) : out_(out) {}

  STRATA_HOT_INLINE void push(PathCode code, double x, double y) {
    if (n_ == kSize) flush();
    vertices_[n_] = {x, y};
    codes_[n_] = code;
    ++n_;
  }
  void finish() { flush(); }
  [[nodiscard]] static constexpr bool going() { return true; }

 private:
  STRATA_COLD void flush() {
    out_.vertices.insert(out_.vertices.end(), vertices_, vertices_ + n_);
    out_.codes.insert(out_.codes.end(), codes_, codes_ + n_);
    n_ = 0;
  }

  static constexpr std::size_t kSize = 256;
  PipelineOutput& out_;
  std::size_t n_ = 0;
  Point vertices_[kSize];
  PathCode codes_[kSize];
};

/// Decides the automatic snapping rule from the stream it receives: only MOVETO / LINETO /
/// CLOSEPOLY, every segment (closing ones included) axis-aligned, at least one vertex.
struct SnapCheckSink {
  bool ok = true;
  bool any = false;
  bool have = false;
  double px = 0, py = 0, sx = 0, sy = 0;

  static bool aligned(double x0, double y0, double x1, double y1) {
    return std::fabs(x1 - x0) < kAxisAlignedEps || std::fabs(y1 - y0) < kAxisAlignedEps;
  }
  void push(PathCode code, double x, double y) {
    if (!ok) return;
    switch (code) {
      case kMoveTo:
        sx = px = x;
        sy = py = y;
        have = any = true;
        break;
      case kLineTo:
        if (have && !aligned(px, py, x, y)) ok = false;
        px = x;
        py = y;
        have = any = true;
        break;
      case kClose:
        if (have && !aligned(px, py, sx, sy)) ok = false;
        px = sx;
        py = sy;
        break;
      default:  // curves (never reach here: curved paths are rejected before)
        ok = false;
        break;
    }
  }
  void finish() {}
  /// False once the answer is known to be "no": the source may stop early.
  [[nodiscard]] bool going() const { return ok; }
  [[nodiscard]] bool result() const { return ok && any; }
};

// ---------------------------------------------------------------------------------------------
// Sources: transform + NaN removal

/// State of the current sub-path during NaN removal, shared by feed_lines and feed_curves.
struct SubPath {
  bool have_current = false;  // a current point exists (the next LINETO may draw from it)
  bool broken = false;        // the current sub-path lost a vertex to NaN removal
  bool init_ok = false;       // the current sub-path's MOVETO vertex is finite
  bool last_ok = false;       // the last vertex seen was finite and emitted
  Point init{};

  /// A CLOSEPOLY: closes an intact sub-path, becomes a LINETO to the start of a broken one
  /// whose start and last vertex are valid, and is dropped otherwise. Returns true when it
  /// emitted a vertex (the current point is then the sub-path's start).
  template <class Sink>
  bool close(bool remove_nans, Sink& sink) {
    if (!remove_nans) {
      sink.push(kClose, init.x, init.y);
      return false;
    }
    if (!init_ok) return false;
    if (!broken) {
      if (!have_current) return false;
      sink.push(kClose, init.x, init.y);
    } else if (last_ok) {
      sink.push(kLineTo, init.x, init.y);
    } else {
      return false;
    }
    have_current = true;
    last_ok = true;
    broken = false;
    return true;
  }
};

/// Paths without curves. Non-finite vertices are dropped and the next finite vertex starts a
/// new sub-path (MOVETO). A CLOSEPOLY of a sub-path that lost vertices becomes a LINETO to the
/// sub-path's start when both the start and the last vertex are valid, and is dropped
/// otherwise. A STOP code ends the path. Stops early, without finish(), when the sink's
/// going() turns false.
template <class Sink>
void feed_lines(const Path& path, const Affine2D& t, bool remove_nans, Sink& sink) {
  const LocalAffine tr(t);
  const Point* verts = path.vertices().data();
  const std::size_t n = path.size();
  const PathCode* codes = path.has_codes() ? path.codes().data() : nullptr;

  SubPath sub;

  for (std::size_t i = 0; i < n; ++i) {
    if (!sink.going()) return;  // a stage gave up (see ColumnReducer, SnapCheckSink)
    // Without codes every vertex is a LINETO; the first one becomes a MOVETO below, as
    // there is no current point yet.
    PathCode code = codes != nullptr ? codes[i] : kLineTo;
    const Point p = tr(verts[i]);
    if (code == kLineTo && sub.have_current && (finite(p) || !remove_nans)) [[likely]] {
      sink.push(kLineTo, p.x, p.y);
      sub.last_ok = true;
      continue;
    }
    if (code == PathCode::stop) break;
    if (code == kClose) {
      sub.close(remove_nans, sink);
      continue;
    }
    if (code == kMoveTo) {
      sub.init = p;
      sub.init_ok = finite(p);
      sub.broken = false;
    }
    if (remove_nans && !finite(p)) {
      sub.broken = true;
      sub.have_current = false;
      sub.last_ok = false;
      continue;
    }
    // With no current point (start, or after a NaN gap) a vertex starts a sub-path; other
    // codes than MOVETO draw lines, as in Agg.
    code = (!sub.have_current || code == kMoveTo) ? kMoveTo : kLineTo;
    sink.push(code, p.x, p.y);
    sub.have_current = true;
    sub.last_ok = true;
  }
  sink.finish();
}

/// Paths with curves: a whole segment (a curve with its control points, or a line) is dropped
/// when any of its points is non-finite. After a dropped segment whose end point is finite,
/// drawing resumes with a MOVETO to that end point; otherwise with a MOVETO to the first point
/// of the next valid segment. CLOSEPOLY follows the rule of feed_lines.
template <class Sink>
void feed_curves(const Path& path, const Affine2D& t, bool remove_nans, Sink& sink) {
  const LocalAffine tr(t);
  const Point* verts = path.vertices().data();
  const std::size_t n = path.size();
  const PathCode* codes = path.codes().data();  // curves imply codes

  SubPath sub;
  bool pending_move = false;  // resume at pending_pt before the next drawing segment
  Point pending_pt{};
  Point pts[3];

  std::size_t i = 0;
  while (i < n) {
    PathCode code = codes[i];
    if (code == PathCode::stop) break;
    if (code == kClose) {
      ++i;
      if (sub.close(remove_nans, sink)) pending_move = false;
      continue;
    }
    if (code != kMoveTo && code != PathCode::curve3 && code != PathCode::curve4) code = kLineTo;
    const std::size_t k = segment_length(code);
    if (i + k > n) break;  // a truncated curve (Path's constructor rejects these)
    bool ok = true;
    for (std::size_t j = 0; j < k; ++j) {
      pts[j] = tr(verts[i + j]);
      ok = ok && finite(pts[j]);
    }
    i += k;
    if (code == kMoveTo) {
      sub.init = pts[0];
      sub.init_ok = ok;
      sub.broken = false;
      pending_move = false;
    }
    if (!remove_nans) {
      if (!sub.have_current && code == kLineTo) code = kMoveTo;
      for (std::size_t j = 0; j < k; ++j) sink.push(code, pts[j].x, pts[j].y);
      sub.have_current = true;
      continue;
    }
    if (ok) {
      if (code != kMoveTo && !sub.have_current) {
        if (pending_move) {
          sink.push(kMoveTo, pending_pt.x, pending_pt.y);
        } else if (k == 1) {
          code = kMoveTo;
        } else {  // no start point: begin at the first control point
          sink.push(kMoveTo, pts[0].x, pts[0].y);
        }
      }
      pending_move = false;
      for (std::size_t j = 0; j < k; ++j) sink.push(code, pts[j].x, pts[j].y);
      sub.have_current = true;
      sub.last_ok = true;
    } else {
      sub.broken = true;
      sub.have_current = false;
      sub.last_ok = false;
      pending_move = code != kMoveTo && finite(pts[k - 1]);
      if (pending_move) pending_pt = pts[k - 1];
    }
  }
  sink.finish();
}

// ---------------------------------------------------------------------------------------------
// Stages

/// M4 reduction: within each run of consecutive vertices in the same pixel column
/// (floor(x)), keep only the first, the minimum-y, the maximum-y and the last vertex, in order
/// of appearance. A MOVETO always starts a new run, so sub-paths are never merged.
///
/// It applies only to paths whose x is monotonic, which the stage checks as it goes: on the
/// first step against the direction it fails (going() turns false) and the caller reruns the
/// path without it. That saves a separate scan over the vertices.
template <class Next>
class ColumnReducer {
 public:
  ColumnReducer(Next& next, double column_width)
      : next_(next), width_(column_width), inv_width_(1.0 / column_width) {}

  [[nodiscard]] bool going() const { return !failed_ && next_.going(); }
  /// True when x turned out not to be monotonic (the output is then incomplete).
  [[nodiscard]] bool failed() const { return failed_; }

  STRATA_HOT_INLINE void push(PathCode code, double x, double y) {
    // Another vertex in the current column. Comparing against the column's edges avoids a
    // floor() per vertex.
    if (code == kLineTo && have_ && x >= col_lo_ && x < col_hi_) [[likely]] {
      check_monotonic(x);
      ++counter_;
      if (y < min_.y) {
        min_ = {x, y, counter_};
      } else if (y > max_.y) {
        max_ = {x, y, counter_};
      }
      last_x_ = x;
      last_y_ = y;
      return;
    }
    start_column(code, x, y);
  }

  void finish() {
    flush();
    next_.finish();
  }

 private:
  struct Item {
    double x, y;
    std::size_t idx;
  };

  /// x must keep the direction of the first step that changed it (last_x_ is the previous
  /// vertex's x).
  STRATA_HOT_INLINE void check_monotonic(double x) {
    const double step = x - last_x_;
    if (step * dir_ < 0.0) failed_ = true;
    if (dir_ == 0.0 && step != 0.0) dir_ = step > 0.0 ? 1.0 : -1.0;
  }

  STRATA_COLD void start_column(PathCode code, double x, double y) {
    if (counter_ > 0) check_monotonic(x);
    flush();
    if (code == kMoveTo || code == kLineTo) {
      have_ = true;
      col_lo_ = std::floor(x * inv_width_) * width_;
      col_hi_ = col_lo_ + width_;
      first_code_ = code;
      ++counter_;
      first_idx_ = counter_;
      first_ = min_ = max_ = {x, y, counter_};
      last_x_ = x;
      last_y_ = y;
    } else {
      next_.push(code, x, y);
    }
  }

  void flush() {
    if (!have_) return;
    have_ = false;
    const std::size_t last_idx = counter_;
    const Item* lo = &min_;
    const Item* hi = &max_;
    if (lo->idx > hi->idx) std::swap(lo, hi);
    next_.push(first_code_, first_.x, first_.y);
    if (lo->idx != first_idx_ && lo->idx != last_idx) next_.push(kLineTo, lo->x, lo->y);
    if (hi->idx != first_idx_ && hi->idx != last_idx && hi->idx != lo->idx)
      next_.push(kLineTo, hi->x, hi->y);
    if (last_idx != first_idx_) next_.push(kLineTo, last_x_, last_y_);
  }

  Next& next_;
  double width_;
  double inv_width_;
  bool failed_ = false;
  double dir_ = 0.0;  // +1 increasing x, -1 decreasing, 0 not known yet
  bool have_ = false;
  double col_lo_ = 0, col_hi_ = 0;  // the current column: [floor(x), floor(x) + 1)
  PathCode first_code_ = kMoveTo;
  std::size_t counter_ = 0;
  std::size_t first_idx_ = 0;
  Item first_{}, min_{}, max_{};
  double last_x_ = 0, last_y_ = 0;  // the last vertex seen (of any column)
};

/// Result of clipping one segment.
struct ClippedSegment {
  double x0, y0, x1, y1;
  bool start_moved;
  bool end_moved;
};

/// Liang-Barsky: clips the segment (x0, y0)-(x1, y1) to [xmin, xmax] x [ymin, ymax]. Returns
/// false when nothing of it is inside. A moved end point lies exactly on the edge that cut it.
bool clip_segment(double x0, double y0, double x1, double y1, double xmin, double ymin, double xmax,
                  double ymax, ClippedSegment& r) {
  // Trivial reject: both ends beyond the same edge (also spares the divisions below).
  if ((x0 < xmin && x1 < xmin) || (x0 > xmax && x1 > xmax) || (y0 < ymin && y1 < ymin) ||
      (y0 > ymax && y1 > ymax)) {
    return false;
  }
  const double dx = x1 - x0;
  const double dy = y1 - y0;
  double t0 = 0.0;
  double t1 = 1.0;
  int e0 = -1;  // which edge set t0 / t1: 0 left, 1 right, 2 bottom, 3 top
  int e1 = -1;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {x0 - xmin, xmax - x0, y0 - ymin, ymax - y0};
  for (int k = 0; k < 4; ++k) {
    if (p[k] == 0.0) {
      if (q[k] < 0.0) return false;  // parallel to this edge and outside it
      continue;
    }
    const double ratio = q[k] / p[k];
    if (p[k] < 0.0) {  // entering
      if (ratio > t1) return false;
      if (ratio > t0) {
        t0 = ratio;
        e0 = k;
      }
    } else {  // leaving
      if (ratio < t0) return false;
      if (ratio < t1) {
        t1 = ratio;
        e1 = k;
      }
    }
  }
  if (!(t0 <= t1)) return false;  // NaN input
  const double edge_value[4] = {xmin, xmax, ymin, ymax};
  r = {x0, y0, x1, y1, false, false};
  if (e0 >= 0) {
    r.x0 = x0 + t0 * dx;
    r.y0 = y0 + t0 * dy;
    (e0 < 2 ? r.x0 : r.y0) = edge_value[e0];
    r.start_moved = true;
  }
  if (e1 >= 0) {
    r.x1 = x0 + t1 * dx;
    r.y1 = y0 + t1 * dy;
    (e1 < 2 ? r.x1 : r.y1) = edge_value[e1];
    r.end_moved = true;
  }
  // Keep results inside the box despite rounding in the other coordinate.
  r.x0 = std::clamp(r.x0, xmin, xmax);
  r.y0 = std::clamp(r.y0, ymin, ymax);
  r.x1 = std::clamp(r.x1, xmin, xmax);
  r.y1 = std::clamp(r.y1, ymin, ymax);
  return true;
}

/// Clips line segments to a box (matplotlib's PathClipper): a segment whose start moved, or
/// the first one of a sub-path, begins with a MOVETO; fully clipped segments vanish. A
/// CLOSEPOLY becomes the clipped closing segment, followed by CLOSEPOLY only when nothing of
/// the sub-path was clipped. A lone MOVETO (no segment follows) is kept when inside the box.
template <class Next>
class Clipper {
 public:
  Clipper(Next& next, const Bbox& box)
      : next_(next), xmin_(box.xmin()), ymin_(box.ymin()), xmax_(box.xmax()), ymax_(box.ymax()) {}

  [[nodiscard]] bool going() const { return next_.going(); }

  STRATA_HOT_INLINE void push(PathCode code, double x, double y) {
    // A LINETO inside the box continuing a drawn segment inside the box: nothing to do.
    if (code == kLineTo && last_inside_ && inside(x, y)) {
      next_.push(kLineTo, x, y);
      last_x_ = x;
      last_y_ = y;
      return;
    }
    push_slow(code, x, y);
  }

  void finish() {
    emit_lone_moveto();
    next_.finish();
  }

 private:
  STRATA_COLD void push_slow(PathCode code, double x, double y) {
    if (code == kLineTo && has_init_) {  // (curved paths are never clipped)
      segment(last_x_, last_y_, x, y, false);
      last_x_ = x;
      last_y_ = y;
    } else if (code == kClose) {
      if (has_init_) {
        segment(last_x_, last_y_, init_x_, init_y_, true);
        last_x_ = init_x_;
        last_y_ = init_y_;
      } else {
        next_.push(kClose, x, y);
      }
    } else {  // MOVETO, or a LINETO with no current point, which acts as one
      emit_lone_moveto();
      init_x_ = last_x_ = x;
      init_y_ = last_y_ = y;
      has_init_ = true;
      moveto_pending_ = true;
      was_clipped_ = false;
    }
    // The fast path may be taken when the current point is inside and already drawn from.
    last_inside_ = has_init_ && !moveto_pending_ && inside(last_x_, last_y_);
  }

  [[nodiscard]] bool inside(double x, double y) const {
    return x >= xmin_ && x <= xmax_ && y >= ymin_ && y <= ymax_;
  }

  void emit_lone_moveto() {
    if (moveto_pending_ && has_init_ && inside(last_x_, last_y_)) {
      next_.push(kMoveTo, last_x_, last_y_);
    }
    moveto_pending_ = false;
  }

  void segment(double x0, double y0, double x1, double y1, bool closing) {
    ClippedSegment r{};
    if (!clip_segment(x0, y0, x1, y1, xmin_, ymin_, xmax_, ymax_, r)) {
      was_clipped_ = true;
      return;
    }
    was_clipped_ = was_clipped_ || r.start_moved || r.end_moved;
    if (r.start_moved || moveto_pending_) next_.push(kMoveTo, r.x0, r.y0);
    next_.push(kLineTo, r.x1, r.y1);
    if (closing && !was_clipped_) next_.push(kClose, r.x1, r.y1);
    moveto_pending_ = false;
  }

  Next& next_;
  double xmin_, ymin_, xmax_, ymax_;
  double last_x_ = 0, last_y_ = 0, init_x_ = 0, init_y_ = 0;
  bool has_init_ = false;
  bool moveto_pending_ = false;
  bool was_clipped_ = false;
  bool last_inside_ = false;  // has_init_ && !moveto_pending_ && the current point is inside
};

/// Moves every vertex to floor(v + 0.5) + offset.
template <class Next>
class Snapper {
 public:
  Snapper(Next& next, double offset) : next_(next), offset_(offset) {}

  [[nodiscard]] bool going() const { return next_.going(); }

  STRATA_HOT_INLINE void push(PathCode code, double x, double y) {
    next_.push(code, std::floor(x + 0.5) + offset_, std::floor(y + 0.5) + offset_);
  }
  void finish() { next_.finish(); }

 private:
  Next& next_;
  double offset_;
};

/// Perpendicular-distance simplification (after matplotlib's PathSimplifier). A run starts at
/// the last emitted vertex with the direction of its first segment; following vertices whose
/// distance from that line is below the threshold are absorbed, remembering the farthest one
/// forward and the farthest one backward along the direction. When a vertex leaves the band,
/// the run is written as those extremes (in the order they were reached), plus a LINETO back
/// to the last absorbed vertex when it was neither, and a new run begins there. Extremes are
/// never lost, so spikes and the ends of dense back-and-forth runs stay visible. Unlike
/// matplotlib, the extremes of the final run are written the same way (so a straight line
/// becomes exactly MOVETO + LINETO, with no repeated end vertex).
template <class Next>
class Simplifier {
 public:
  Simplifier(Next& next, double threshold) : next_(next), threshold2_(threshold * threshold) {}

  [[nodiscard]] bool going() const { return next_.going(); }

  STRATA_HOT_INLINE void push(PathCode code, double x, double y) {
    if (code == kLineTo && has_dir_) {
      // With d the run's direction and v = (x, y) - start: the distance from the line is
      // |d x v| / |d| and the signed extent along it d.v / |d|. |d| is constant during a
      // run, so the comparisons use cross^2 against threshold^2 |d|^2 and d.v directly.
      const double tx = x - start_x_;
      const double ty = y - start_y_;
      const double cross = dir_x_ * ty - dir_y_ * tx;
      if (cross * cross < band2_) {
        const double dot = dir_x_ * tx + dir_y_ * ty;
        last_fwd_ = false;
        last_bwd_ = false;
        if (dot > fwd_max_) {
          fwd_max_ = dot;
          fwd_x_ = x;
          fwd_y_ = y;
          last_fwd_ = true;
          fwd_latest_ = true;
        } else if (-dot > bwd_max_) {
          bwd_max_ = -dot;
          bwd_x_ = x;
          bwd_y_ = y;
          last_bwd_ = true;
          fwd_latest_ = false;
        }
        last_x_ = x;
        last_y_ = y;
        return;
      }
    }
    push_slow(code, x, y);
  }

  void finish() {
    end_subpath();
    next_.finish();
  }

 private:
  STRATA_COLD void push_slow(PathCode code, double x, double y) {
    if (code == kLineTo && has_dir_) {  // left the band: write the run, start the next
      emit_run();
      start_run(x, y);
      return;
    }
    if (code == kClose) {
      if (!in_subpath_) return;
      end_subpath();
      next_.push(kClose, init_x_, init_y_);
      last_x_ = init_x_;
      last_y_ = init_y_;
      return;
    }
    if (code == kMoveTo || !in_subpath_) {  // (a LINETO without a current point moves)
      end_subpath();
      in_subpath_ = true;
      need_moveto_ = true;
      init_x_ = last_x_ = x;
      init_y_ = last_y_ = y;
      return;
    }
    // A LINETO with no run direction yet.
    if (need_moveto_) {
      next_.push(kMoveTo, last_x_, last_y_);
      need_moveto_ = false;
    }
    start_run(x, y);
  }

  /// Starts a run at the current point (last_) towards (x, y).
  void start_run(double x, double y) {
    const double dx = x - last_x_;
    const double dy = y - last_y_;
    const double n2 = dx * dx + dy * dy;
    if (n2 == 0.0) {  // no direction yet; remember that a (zero-length) segment exists
      zero_segment_ = true;
      return;
    }
    zero_segment_ = false;
    has_dir_ = true;
    dir_x_ = dx;
    dir_y_ = dy;
    band2_ = threshold2_ * n2;
    start_x_ = last_x_;
    start_y_ = last_y_;
    fwd_max_ = n2;  // d.d: the first vertex of the run
    bwd_max_ = 0.0;
    fwd_x_ = last_x_ = x;
    fwd_y_ = last_y_ = y;
    last_fwd_ = true;
    last_bwd_ = false;
    fwd_latest_ = true;
  }

  /// Writes the run's extremes in the order they were reached, then returns to the last
  /// absorbed vertex if it was neither.
  void emit_run() {
    if (bwd_max_ > 0.0) {
      if (fwd_latest_) {
        next_.push(kLineTo, bwd_x_, bwd_y_);
        next_.push(kLineTo, fwd_x_, fwd_y_);
      } else {
        next_.push(kLineTo, fwd_x_, fwd_y_);
        next_.push(kLineTo, bwd_x_, bwd_y_);
      }
    } else {
      next_.push(kLineTo, fwd_x_, fwd_y_);
    }
    if (!last_fwd_ && !last_bwd_) next_.push(kLineTo, last_x_, last_y_);
    has_dir_ = false;
  }

  void end_subpath() {
    if (has_dir_) {
      emit_run();
    } else if (zero_segment_) {
      next_.push(kLineTo, last_x_, last_y_);
    } else if (in_subpath_ && need_moveto_) {
      next_.push(kMoveTo, last_x_, last_y_);  // lone MOVETO, kept as the clipper keeps it
    }
    need_moveto_ = false;
    zero_segment_ = false;
  }

  Next& next_;
  double threshold2_;
  bool in_subpath_ = false;
  bool need_moveto_ = false;
  bool has_dir_ = false;
  bool zero_segment_ = false;
  bool last_fwd_ = false;
  bool last_bwd_ = false;
  bool fwd_latest_ = true;  // the forward extreme was reached after the backward one
  double init_x_ = 0, init_y_ = 0;
  double last_x_ = 0, last_y_ = 0;
  double start_x_ = 0, start_y_ = 0;
  double dir_x_ = 0, dir_y_ = 0, band2_ = 0;
  double fwd_max_ = 0, bwd_max_ = 0;  // largest d.v forward, largest -d.v backward
  double fwd_x_ = 0, fwd_y_ = 0, bwd_x_ = 0, bwd_y_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Chain assembly: each feed_through_* adds its stage in front of `next` when the settings ask
// for it, then hands over to the next stage outwards; the innermost call runs the source.
// Every combination is its own instantiation, so a disabled stage costs nothing per vertex.

struct LineChain {
  const Path& path;
  const Affine2D& transform;
  bool remove_nans;
  bool reduce;
  const std::optional<Bbox>& clip;
  bool snap;
  double snap_offset;
  bool simplify;
  double simplify_threshold;
  double column_width;
};

/// Returns false when the column reducer gave up (x not monotonic); the output is then
/// incomplete and the path must be run again without the reduction.
template <class Next>
bool feed_through_reducer(const LineChain& c, Next& next) {
  if (c.reduce) {
    ColumnReducer<Next> reducer(next, c.column_width);
    feed_lines(c.path, c.transform, c.remove_nans, reducer);
    return !reducer.failed();
  }
  feed_lines(c.path, c.transform, c.remove_nans, next);
  return true;
}

template <class Next>
bool feed_through_clipper(const LineChain& c, Next& next) {
  if (c.clip.has_value()) {
    Clipper<Next> clipper(next, *c.clip);
    return feed_through_reducer(c, clipper);
  }
  return feed_through_reducer(c, next);
}

template <class Next>
bool feed_through_snapper(const LineChain& c, Next& next) {
  if (c.snap) {
    Snapper<Next> snapper(next, c.snap_offset);
    return feed_through_clipper(c, snapper);
  }
  return feed_through_clipper(c, next);
}

template <class Next>
bool feed_through_simplifier(const LineChain& c, Next& next) {
  if (c.simplify) {
    Simplifier<Next> simplifier(next, c.simplify_threshold);
    return feed_through_snapper(c, simplifier);
  }
  return feed_through_snapper(c, next);
}

/// Pixel columns spanned by the path if its device x is monotonic: from its first to its last
/// finite vertex (usually found at once). 0 when no vertex is finite.
double columns_spanned(const Path& path, const Affine2D& t) {
  const LocalAffine tr(t);
  const Point* verts = path.vertices().data();
  const std::size_t n = path.size();
  std::size_t i = 0;
  Point first{};
  for (; i < n; ++i) {
    first = tr(verts[i]);
    if (finite(first)) break;
  }
  if (i == n) return 0.0;
  Point last = first;
  for (std::size_t j = n; j-- > i;) {
    last = tr(verts[j]);
    if (finite(last)) break;
  }
  return std::fabs(std::floor(last.x) - std::floor(first.x)) + 1.0;
}

double snap_offset(double stroke_width_px) {
  // matplotlib's mpl_round: half away from zero.
  const long w = std::lround(stroke_width_px);
  return (w % 2 != 0) ? 0.5 : 0.0;
}

}  // namespace

Bbox canvas_clip_box(double width_px, double height_px) {
  return Bbox::from_extents(-1.0, -1.0, width_px + 1.0, height_px + 1.0);
}

bool should_snap(const Path& path, const Affine2D& transform) {
  if (path.empty() || path.size() > kSnapMaxVertices || path.has_curves()) return false;
  SnapCheckSink check;
  feed_lines(path, transform, true, check);
  return check.result();
}

void run_path_pipeline(const Path& path, const Affine2D& transform, const PipelineOptions& options,
                       PipelineOutput& out) {
  out.clear();
  const std::size_t n = path.size();
  if (n == 0) return;

  if (path.has_curves()) {
    out.vertices.reserve(n + 4);
    out.codes.reserve(n + 4);
    OutputSink sink(out);
    feed_curves(path, transform, options.remove_nans, sink);
    return;
  }

  const bool simple_codes = only_moveto_lineto(path);
  LineChain chain{path,
                  transform,
                  options.remove_nans,
                  false,
                  options.clip,
                  false,
                  snap_offset(options.stroke_width_px),
                  options.simplify && options.clip.has_value() && simple_codes &&
                      n >= kSimplifyMinVertices && options.simplify_threshold > 0.0,
                  options.simplify_threshold,
                  options.column_width > 0.0 ? options.column_width : 1.0};

  // Column reduction: more than 4 vertices per spanned column. Whether x is monotonic is
  // found out while reducing; if it is not, the path is run again without the reduction.
  double columns = 0;
  if (options.reduce_columns && simple_codes && n > 8) {
    columns = columns_spanned(path, transform) / options.column_width;
    chain.reduce = columns > 0.0 && static_cast<double>(n) > 4.0 * columns;
  }

  if (options.snap.has_value()) {
    chain.snap = *options.snap;
  } else if (n <= kSnapMaxVertices) {
    // Decide on the stream the snapper would see (after NaN removal, reduction, clipping).
    SnapCheckSink check;
    if (!feed_through_clipper(chain, check)) {
      chain.reduce = false;
      check = SnapCheckSink{};
      feed_through_clipper(chain, check);
    }
    chain.snap = check.result();
  }

  const auto run = [&] {
    out.clear();
    std::size_t estimate = n + 16;
    if (chain.reduce) {
      estimate = std::min(estimate, static_cast<std::size_t>(std::min(4.0 * columns, 1e15)) + 64);
    }
    out.vertices.reserve(estimate);
    out.codes.reserve(estimate);
    OutputSink sink(out);
    return feed_through_simplifier(chain, sink);
  };
  if (!run()) {
    chain.reduce = false;
    run();
  }
}

}  // namespace strata::detail
