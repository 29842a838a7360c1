// SPDX-License-Identifier: MIT
#include "strata/transforms/transform.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <typeinfo>

#include "strata/error.hpp"
#include "strata/transforms/transforms.hpp"
#include "transforms/transforms_impl.hpp"

namespace strata {

namespace {
std::atomic<std::uint64_t> g_next_node_id{1};
std::atomic<std::uint64_t> g_next_epoch{1};
}  // namespace

// ---- TransformNode ----

struct TransformNode::Visit {
  TransformNode* node;
  TransformNodePtr keep;  // holds a parent alive until its on_invalidate() ran
  bool affine_only;
};

TransformNode::TransformNode() : id_(g_next_node_id.fetch_add(1, std::memory_order_relaxed)) {}
TransformNode::~TransformNode() = default;

void TransformNode::set_children(std::initializer_list<TransformNodePtr> children) {
  for (const TransformNodePtr& c : children) {
    if (c) c->parents_.push_back(weak_from_this());
  }
}

void TransformNode::remove_child(const TransformNodePtr& child) {
  if (!child) return;
  const TransformNode* me = this;
  std::erase_if(child->parents_, [me](const std::weak_ptr<TransformNode>& w) {
    const auto p = w.lock();
    return !p || p.get() == me;
  });
}

void TransformNode::invalidate(bool affine_only) {
  // Two passes: find every ancestor with the strongest level that reaches it (a diamond may
  // reach a node twice, first affine-only, then fully), then invalidate each exactly once,
  // children before parents.
  const std::uint64_t epoch = g_next_epoch.fetch_add(1, std::memory_order_relaxed);
  std::vector<Visit> visits;
  collect(this, affine_only && is_affine(), epoch, visits);
  for (Visit& v : visits) {
    ++v.node->version_;
    ++v.node->invalidations_;
    v.node->on_invalidate(v.affine_only);
  }
}

void TransformNode::collect(TransformNode* node, bool affine_only, std::uint64_t epoch,
                            std::vector<Visit>& visits) {
  if (node->epoch_ == epoch) {
    Visit& v = visits[node->visit_index_];
    if (!v.affine_only || affine_only) return;  // already reached at this level or stronger
    v.affine_only = false;                      // upgrade, and tell the parents again
  } else {
    node->epoch_ = epoch;
    node->visit_index_ = visits.size();
    visits.push_back(Visit{node, nullptr, affine_only});
  }
  std::erase_if(node->parents_, [](const std::weak_ptr<TransformNode>& w) { return w.expired(); });
  for (const auto& w : node->parents_) {
    TransformNodePtr p = w.lock();
    if (!p) continue;
    const bool level = p->child_affine_only(*node, affine_only);
    TransformNode* raw = p.get();
    collect(raw, level, epoch, visits);
    if (!visits[raw->visit_index_].keep) visits[raw->visit_index_].keep = std::move(p);
  }
}

void TransformNode::on_invalidate(bool /*affine_only*/) {}

bool TransformNode::child_affine_only(const TransformNode& /*child*/, bool affine_only) const {
  return affine_only;
}

// ---- Transform ----

Transform::Transform() = default;
Transform::~Transform() = default;

void Transform::transform_points(std::span<Point> pts) const {
  transform_non_affine_points(pts);
  const Affine2D a = get_affine();
  if (!a.is_identity()) a.transform_in_place(pts);
}

void Transform::transform_non_affine_points(std::span<Point> pts) const {
  if (is_affine()) return;
  for (Point& p : pts) p = transform_non_affine(p);
}

Path Transform::on_transform_path_non_affine(const Path& path, int /*interpolation_steps*/) const {
  if (is_affine()) return path;
  std::vector<Point> v = path.vertices();
  transform_non_affine_points(v);
  return path.has_codes() ? Path(std::move(v), path.codes()) : Path(std::move(v));
}

Path Transform::transform_path_affine(const Path& path) const {
  const Affine2D a = get_affine();
  return a.is_identity() ? path : path.transformed(a);
}

Path Transform::transform_path(const Path& path, int interpolation_steps) const {
  return transform_path_affine(transform_path_non_affine(path, interpolation_steps));
}

Bbox Transform::transform_bbox(const Bbox& box) const {
  Point corners[4] = {{box.x0, box.y0}, {box.x1, box.y0}, {box.x0, box.y1}, {box.x1, box.y1}};
  transform_points(corners);
  constexpr double inf = std::numeric_limits<double>::infinity();
  double xlo = inf, xhi = -inf, ylo = inf, yhi = -inf;
  for (const Point& c : corners) {
    if (std::isfinite(c.x)) {
      xlo = std::min(xlo, c.x);
      xhi = std::max(xhi, c.x);
    }
    if (std::isfinite(c.y)) {
      ylo = std::min(ylo, c.y);
      yhi = std::max(yhi, c.y);
    }
  }
  Bbox out = Bbox::from_extents(xlo, ylo, xhi, yhi);
  if (box.x0 > box.x1) std::swap(out.x0, out.x1);
  if (box.y0 > box.y1) std::swap(out.y0, out.y1);
  return out;
}

TransformPtr Transform::self() const {
  try {
    return std::const_pointer_cast<Transform>(
        std::static_pointer_cast<const Transform>(shared_from_this()));
  } catch (const std::bad_weak_ptr&) {
    throw Error(
        fmt::format("{}: the node is not owned by a shared_ptr (create transforms with "
                    "their make() functions)",
                    typeid(*this).name()));
  }
}

TransformPtr Transform::inverted() const {
  if (is_affine()) return detail::make_inverted_affine(self());
  throw ValueError(fmt::format("{} has no inverse", typeid(*this).name()));
}

TransformPtr Transform::frozen() const {
  if (is_affine()) return Affine2DNode::make(get_affine());
  return self();
}

}  // namespace strata
