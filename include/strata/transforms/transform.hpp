// SPDX-License-Identifier: MIT
#pragma once
// The transform graph (matplotlib's transforms.py): nodes form a DAG; a child invalidates its
// parents when it changes; values are recomputed lazily when read.
//
// This header fixes the part of the interface other modules rely on (the data layer uses
// transform(), transform_points(), id() and version()). The rest of the graph (Affine2D
// nodes, blended, composite, BboxTransformTo/From, ScaledTranslation, wrapper, bbox nodes,
// TransformedPath) is in strata/transforms/transforms.hpp; scales and the polar transform in
// strata/transforms/scale.hpp.

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <vector>

#include "strata/core/affine2d.hpp"
#include "strata/core/geometry.hpp"
#include "strata/core/path.hpp"
#include "strata/export.hpp"

namespace strata {

class TransformNode;
class Transform;
/// Shared handle of a node of the graph.
using TransformNodePtr = std::shared_ptr<TransformNode>;
/// Shared handle of a transform.
using TransformPtr = std::shared_ptr<Transform>;

/// Anything that lives in the transform graph (matplotlib's TransformNode): transforms, bbox
/// nodes and transformed paths. Parents hold their children through shared_ptr; children know
/// their parents weakly, to invalidate them. Nodes are always owned by a shared_ptr (they are
/// made by factory functions), because set_children() uses weak_from_this().
///
/// Invalidation has two levels: *affine-only* (only the affine part changed: pan, zoom, a new
/// axes position) and *full* (the non-affine part changed too: a new scale). One change
/// invalidates every node above it exactly once, with the strongest level that reaches it.
///
/// Nodes are not thread-safe: cached values are filled in lazily by const methods, so one
/// graph must not be used from two threads at once (different figures may).
class STRATA_API TransformNode : public std::enable_shared_from_this<TransformNode> {
 public:
  /// Takes a new id().
  TransformNode();
  /// Nodes are owned through pointers to their base.
  virtual ~TransformNode();
  /// Not copyable: a node is a place in a graph.
  TransformNode(const TransformNode&) = delete;
  /// Not assignable.
  TransformNode& operator=(const TransformNode&) = delete;

  /// A process-unique id of this node (never reused).
  [[nodiscard]] std::uint64_t id() const { return id_; }
  /// Bumped every time this node or anything below it changes. Together with id(), a key
  /// for caches of values computed through this node.
  [[nodiscard]] std::uint64_t version() const { return version_; }
  /// True when changes of this node only ever change an affine part (affine transforms and
  /// bbox nodes, as in matplotlib); such a node's own invalidate() is affine-only.
  [[nodiscard]] virtual bool is_affine() const { return false; }

  /// Marks this node changed and invalidates its ancestors. `affine_only` when only the
  /// affine part changed (pan and zoom), so that cached non-affine results stay valid; it is
  /// ignored (full invalidation) when this node is not affine.
  void invalidate(bool affine_only = false);
  /// How many times an invalidation reached this node (for tests of the invalidation logic).
  [[nodiscard]] std::uint64_t invalidation_count() const { return invalidations_; }

 protected:
  /// Registers `children` so that their invalidation reaches this node. Never call it from a
  /// constructor (weak_from_this() is empty there): call it from the factory function.
  void set_children(std::initializer_list<TransformNodePtr> children);
  /// Undoes set_children() for one child (TransformWrapper::set replacing its child).
  void remove_child(const TransformNodePtr& child);
  /// Called once per invalidation that reaches this node (its own or a descendant's); nodes
  /// drop their cached values here. `affine_only`: only the affine part changed.
  virtual void on_invalidate(bool affine_only);
  /// The level an invalidation coming from `child` has when it reaches this node. The default
  /// passes it on; a composite `a + b` turns an affine-only change of `a` into a full one
  /// when `b` is not affine. Called before the child's on_invalidate(): it must not read
  /// cached values.
  [[nodiscard]] virtual bool child_affine_only(const TransformNode& child, bool affine_only) const;

 private:
  struct Visit;
  static void collect(TransformNode* node, bool affine_only, std::uint64_t epoch,
                      std::vector<Visit>& visits);
  std::uint64_t id_;
  std::uint64_t version_ = 0;
  std::uint64_t invalidations_ = 0;
  std::uint64_t epoch_ = 0;      // the invalidation that last reached this node
  std::size_t visit_index_ = 0;  // this node's index in that invalidation's visit list
  std::vector<std::weak_ptr<TransformNode>> parents_;
};

/// A transform of 2-D points (matplotlib's Transform): a non-affine part followed by an
/// affine part, `transform(p) == get_affine().transform(transform_non_affine(p))`.
///
/// **Example**
/// ```
/// auto t = strata::Affine2DNode::make();
/// t->scale(2).translate(1, 0);
/// t->transform({1, 1});              // {3, 2}
/// t->inverted()->transform({3, 2});  // {1, 1}
/// ```
class STRATA_API Transform : public TransformNode {
 public:
  /// Takes a new id().
  Transform();
  /// Destroys the node; parents hold their children alive.
  ~Transform() override;

  /// True when transform() maps x and y independently: the output x depends only on the
  /// input x and the output y only on the input y (scales, blends of separable transforms,
  /// affines without rotation or skew). Must not depend on lazily cached values.
  [[nodiscard]] virtual bool is_separable() const { return false; }

  /// The whole transform of one point.
  [[nodiscard]] Point transform(Point p) const {
    return get_affine().transform(transform_non_affine(p));
  }
  /// The whole transform of many points, in place.
  void transform_points(std::span<Point> pts) const;
  /// The non-affine part (identity for affine nodes).
  [[nodiscard]] virtual Point transform_non_affine(Point p) const { return p; }
  /// The non-affine part of many points, in place.
  virtual void transform_non_affine_points(std::span<Point> pts) const;
  /// The affine part, recomputed lazily after invalidation.
  [[nodiscard]] virtual Affine2D get_affine() const { return {}; }
  /// The affine part of one point.
  [[nodiscard]] Point transform_affine(Point p) const { return get_affine().transform(p); }

  /// The non-affine part applied to a path. `interpolation_steps` > 1 asks curvilinear
  /// transforms to interpolate each line segment (matplotlib's Path._interpolation_steps):
  /// the polar transform draws segments of constant r as arcs; others ignore it.
  [[nodiscard]] Path transform_path_non_affine(const Path& path,
                                               int interpolation_steps = 1) const {
    return on_transform_path_non_affine(path, interpolation_steps);
  }
  /// The affine part applied to a path.
  [[nodiscard]] Path transform_path_affine(const Path& path) const;
  /// The whole transform applied to a path.
  [[nodiscard]] Path transform_path(const Path& path, int interpolation_steps = 1) const;
  /// The box holding the four transformed corners of `box`, oriented as `box` (a box with
  /// x1 < x0 stays so); non-finite corners are ignored.
  [[nodiscard]] Bbox transform_bbox(const Bbox& box) const;

  /// The inverse transform; throws strata::ValueError when it does not exist. The inverse
  /// follows later changes of this node (an affine's inverse is recomputed when the affine
  /// changes); call frozen() first for a snapshot. The default handles affine nodes.
  [[nodiscard]] virtual TransformPtr inverted() const;
  /// A snapshot that no longer follows changes of this node or its children. The default
  /// copies the matrix of affine nodes and returns the node itself otherwise (matplotlib's
  /// rule: a non-affine node without children is assumed immutable).
  [[nodiscard]] virtual TransformPtr frozen() const;

 protected:
  /// The implementation of transform_path_non_affine(). The default transforms the vertices
  /// with transform_non_affine_points() and keeps the codes.
  [[nodiscard]] virtual Path on_transform_path_non_affine(const Path& path,
                                                          int interpolation_steps) const;
  /// This node as a shared_ptr (for inverted() and frozen() of immutable nodes).
  [[nodiscard]] TransformPtr self() const;
};

/// `first + second`: apply `first`, then `second` (composite_transform_factory; collapses to
/// an affine node when both are affine nodes, and drops identities).
[[nodiscard]] STRATA_API TransformPtr operator+(const TransformPtr& first,
                                                const TransformPtr& second);
/// `a - b`: `a` followed by the inverse of `b`; when `b` is the tail of the composite `a`
/// (a == x + b) it is cancelled instead (x), as matplotlib's Transform.__sub__.
[[nodiscard]] STRATA_API TransformPtr operator-(const TransformPtr& a, const TransformPtr& b);

}  // namespace strata
