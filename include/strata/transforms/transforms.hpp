// SPDX-License-Identifier: MIT
#pragma once
// The nodes of the transform graph (matplotlib's transforms.py): mutable affines, identity,
// blended and composite transforms, bbox nodes and the transforms built on them, the
// wrapper that lets an axes swap its scale, ScaledTranslation / offset_copy, and
// TransformedPath, the cache that keeps pan and zoom from redoing non-affine math.
//
// Every node is made by a factory (`X::make(...)` or a `*_factory` function) and handled
// through a shared_ptr. Values are computed lazily: a change invalidates the nodes above it,
// and they recompute when read.
//
// **Example** (matplotlib's data-to-display chain)
// ```
// using namespace strata;
// auto view_lim = BboxNode::make(Bbox::from_extents(0, 0, 10, 1));
// auto trans_scale = TransformWrapper::make(IdentityTransform::make());
// auto ax_bbox = BboxNode::make(Bbox::from_bounds(80, 52.8, 496, 369.6));  // pixels
// auto trans_limits = BboxTransformFrom::make(TransformedBbox::make(view_lim, trans_scale));
// auto trans_data = trans_scale + (trans_limits + BboxTransformTo::make(ax_bbox));
// trans_data->transform({5, 0.5});  // {328, 237.6}
// view_lim->set_intervalx(5, 15);   // pan: affine-only invalidation
// ```

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "strata/core/affine2d.hpp"
#include "strata/core/geometry.hpp"
#include "strata/core/path.hpp"
#include "strata/export.hpp"
#include "strata/transforms/transform.hpp"

namespace strata {

// ---------------------------------------------------------------------------------------
// Affine transforms
// ---------------------------------------------------------------------------------------

/// Base of the affine nodes (matplotlib's Affine2DBase): no non-affine part; the value is a
/// 3x3 matrix, read with get_matrix(). inverted() is a live node (it follows later changes of
/// this one); frozen() copies the matrix into an Affine2DNode.
class STRATA_API Affine2DBase : public Transform {
 public:
  /// The current matrix (recomputed lazily after invalidation).
  [[nodiscard]] virtual Affine2D get_matrix() const = 0;
  /// Always true.
  [[nodiscard]] bool is_affine() const override { return true; }
  /// True when the matrix has no rotation or skew. The default reads the matrix.
  [[nodiscard]] bool is_separable() const override { return get_matrix().is_separable(); }
  /// The matrix.
  [[nodiscard]] Affine2D get_affine() const final { return get_matrix(); }
};

/// A mutable affine node (matplotlib's Affine2D; strata::Affine2D is the value type). Every
/// builder applies a further step after the current ones, as matplotlib's do, invalidates
/// (affine-only) and returns *this for chaining.
///
/// **Example**
/// ```
/// auto dpi_scale_trans = strata::Affine2DNode::make(strata::Affine2D::from_scale(100, 100));
/// auto t = strata::Affine2DNode::make();
/// t->rotate_deg(90).translate(1, 0);  // t->transform({1, 0}) == {1, 1}
/// ```
class STRATA_API Affine2DNode : public Affine2DBase {
 public:
  /// A node holding `matrix` (identity by default).
  [[nodiscard]] static std::shared_ptr<Affine2DNode> make(const Affine2D& matrix = {});

  /// The matrix.
  [[nodiscard]] Affine2D get_matrix() const override { return matrix_; }
  /// True when the matrix has no rotation or skew.
  [[nodiscard]] bool is_separable() const override { return matrix_.is_separable(); }
  /// Replaces the matrix.
  Affine2DNode& set_matrix(const Affine2D& matrix);
  /// Resets to the identity.
  Affine2DNode& clear();
  /// Then rotate by `radians` counter-clockwise about the origin.
  Affine2DNode& rotate(double radians);
  /// Then rotate by `degrees` counter-clockwise about the origin.
  Affine2DNode& rotate_deg(double degrees);
  /// Then rotate by `radians` about (x, y).
  Affine2DNode& rotate_around(double x, double y, double radians);
  /// Then rotate by `degrees` about (x, y).
  Affine2DNode& rotate_deg_around(double x, double y, double degrees);
  /// Then scale by (sx, sy).
  Affine2DNode& scale(double sx, double sy);
  /// Then scale by s in both directions.
  Affine2DNode& scale(double s) { return scale(s, s); }
  /// Then translate by (tx, ty).
  Affine2DNode& translate(double tx, double ty);
  /// Then skew: x by the angle `xshear` and y by `yshear` (radians).
  Affine2DNode& skew(double xshear, double yshear);
  /// Then skew by angles in degrees.
  Affine2DNode& skew_deg(double xshear, double yshear);

 protected:
  /// Use make().
  explicit Affine2DNode(const Affine2D& matrix) : matrix_(matrix) {}

 private:
  Affine2DNode& changed();
  Affine2D matrix_;
};

/// The identity (matplotlib's IdentityTransform). Immutable.
class STRATA_API IdentityTransform : public Affine2DBase {
 public:
  /// A new identity node.
  [[nodiscard]] static std::shared_ptr<IdentityTransform> make();
  /// The identity matrix.
  [[nodiscard]] Affine2D get_matrix() const override { return {}; }
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }
  /// Another identity.
  [[nodiscard]] TransformPtr inverted() const override;
  /// Another identity.
  [[nodiscard]] TransformPtr frozen() const override;

 protected:
  /// Use make().
  IdentityTransform() = default;
};

// ---------------------------------------------------------------------------------------
// Blended and composite transforms
// ---------------------------------------------------------------------------------------

/// Output x from one transform, output y from another (matplotlib's BlendedGenericTransform),
/// for any children. It is affine when both children are (checked each time, so a
/// TransformWrapper child may change that). Its non-affine part takes x from the x child's
/// non-affine part and y from the y child's, and its affine part the x row of the x child's
/// matrix and the y row of the y child's, which is exact when both children are separable;
/// otherwise the whole value is computed in the non-affine part.
class STRATA_API BlendedGenericTransform : public Transform {
 public:
  /// Use blended_transform_factory() unless a generic node is wanted.
  [[nodiscard]] static std::shared_ptr<BlendedGenericTransform> make(TransformPtr x_transform,
                                                                     TransformPtr y_transform);
  /// The child giving x.
  [[nodiscard]] const TransformPtr& x_transform() const { return x_; }
  /// The child giving y.
  [[nodiscard]] const TransformPtr& y_transform() const { return y_; }

  /// True when both children are affine.
  [[nodiscard]] bool is_affine() const override;
  /// True when both children are separable.
  [[nodiscard]] bool is_separable() const override;
  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override;
  /// The non-affine part of many points, in place.
  void transform_non_affine_points(std::span<Point> pts) const override;
  /// The affine part, recomputed lazily.
  [[nodiscard]] Affine2D get_affine() const override;
  /// The blend of the children's inverses; needs separable children (else ValueError).
  [[nodiscard]] TransformPtr inverted() const override;
  /// The blend of the children's snapshots.
  [[nodiscard]] TransformPtr frozen() const override;

 protected:
  /// Use make().
  BlendedGenericTransform(TransformPtr x_transform, TransformPtr y_transform);
  void on_invalidate(bool affine_only) override;
  [[nodiscard]] bool child_affine_only(const TransformNode& child, bool affine_only) const override;

 private:
  [[nodiscard]] bool split() const;
  TransformPtr x_;
  TransformPtr y_;
  mutable std::optional<Affine2D> affine_;
  mutable bool last_split_ = true;
};

/// A blend of two affine nodes (matplotlib's BlendedAffine2D): the x row of the x child's
/// matrix and the y row of the y child's.
class STRATA_API BlendedAffine2D : public Affine2DBase {
 public:
  /// Use blended_transform_factory().
  [[nodiscard]] static std::shared_ptr<BlendedAffine2D> make(
      std::shared_ptr<Affine2DBase> x_transform, std::shared_ptr<Affine2DBase> y_transform);
  /// The matrix, recomputed lazily.
  [[nodiscard]] Affine2D get_matrix() const override;
  /// True when both children are separable.
  [[nodiscard]] bool is_separable() const override;
  /// The blend of the children's snapshots.
  [[nodiscard]] TransformPtr frozen() const override;

 protected:
  /// Use make().
  BlendedAffine2D(std::shared_ptr<Affine2DBase> x_transform,
                  std::shared_ptr<Affine2DBase> y_transform);
  void on_invalidate(bool affine_only) override;

 private:
  std::shared_ptr<Affine2DBase> x_;
  std::shared_ptr<Affine2DBase> y_;
  mutable std::optional<Affine2D> matrix_;
};

/// x from `x_transform`, y from `y_transform`: a BlendedAffine2D when both are affine nodes,
/// else a BlendedGenericTransform. Throws strata::ValueError on a null child.
///
/// **Example**
/// ```
/// auto xaxis_transform = strata::blended_transform_factory(trans_data, trans_axes);
/// ```
[[nodiscard]] STRATA_API TransformPtr blended_transform_factory(TransformPtr x_transform,
                                                                TransformPtr y_transform);

/// `a` then `b`, for any children (matplotlib's CompositeGenericTransform). Its non-affine
/// part is `b.non_affine(a.affine(a.non_affine(p)))` (or `a.non_affine(p)` when `b` is
/// affine) and its affine part `b.affine` (or `a.affine` then `b.affine`), so a non-affine
/// `a` followed by affine nodes keeps all changes of those nodes affine-only.
class STRATA_API CompositeGenericTransform : public Transform {
 public:
  /// Use composite_transform_factory() or `a + b` unless a generic node is wanted.
  [[nodiscard]] static std::shared_ptr<CompositeGenericTransform> make(TransformPtr a,
                                                                       TransformPtr b);
  /// The transform applied first.
  [[nodiscard]] const TransformPtr& first() const { return a_; }
  /// The transform applied second.
  [[nodiscard]] const TransformPtr& second() const { return b_; }

  /// True when both children are affine.
  [[nodiscard]] bool is_affine() const override;
  /// True when both children are separable.
  [[nodiscard]] bool is_separable() const override;
  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override;
  /// The non-affine part of many points, in place.
  void transform_non_affine_points(std::span<Point> pts) const override;
  /// The affine part, recomputed lazily.
  [[nodiscard]] Affine2D get_affine() const override;
  /// `b.inverted() + a.inverted()`.
  [[nodiscard]] TransformPtr inverted() const override;
  /// `a.frozen() + b.frozen()`.
  [[nodiscard]] TransformPtr frozen() const override;

 protected:
  /// Use make().
  CompositeGenericTransform(TransformPtr a, TransformPtr b);
  [[nodiscard]] Path on_transform_path_non_affine(const Path& path,
                                                  int interpolation_steps) const override;
  void on_invalidate(bool affine_only) override;
  [[nodiscard]] bool child_affine_only(const TransformNode& child, bool affine_only) const override;

 private:
  TransformPtr a_;
  TransformPtr b_;
  mutable std::optional<Affine2D> affine_;
};

/// `a` then `b` for two affine nodes (matplotlib's CompositeAffine2D); the product matrix is
/// cached.
class STRATA_API CompositeAffine2D : public Affine2DBase {
 public:
  /// Use composite_transform_factory() or `a + b`.
  [[nodiscard]] static std::shared_ptr<CompositeAffine2D> make(std::shared_ptr<Affine2DBase> a,
                                                               std::shared_ptr<Affine2DBase> b);
  /// The transform applied first.
  [[nodiscard]] const std::shared_ptr<Affine2DBase>& first() const { return a_; }
  /// The transform applied second.
  [[nodiscard]] const std::shared_ptr<Affine2DBase>& second() const { return b_; }
  /// The product, recomputed lazily.
  [[nodiscard]] Affine2D get_matrix() const override;
  /// True when both children are separable.
  [[nodiscard]] bool is_separable() const override;

 protected:
  /// Use make().
  CompositeAffine2D(std::shared_ptr<Affine2DBase> a, std::shared_ptr<Affine2DBase> b);
  void on_invalidate(bool affine_only) override;

 private:
  std::shared_ptr<Affine2DBase> a_;
  std::shared_ptr<Affine2DBase> b_;
  mutable std::optional<Affine2D> matrix_;
};

/// `a` then `b`: returns the other one when either is an IdentityTransform, a
/// CompositeAffine2D when both are affine nodes, else a CompositeGenericTransform
/// (matplotlib's composite_transform_factory; `a + b` calls it). Throws strata::ValueError on
/// a null argument.
[[nodiscard]] STRATA_API TransformPtr composite_transform_factory(TransformPtr a, TransformPtr b);

// ---------------------------------------------------------------------------------------
// Bbox nodes
// ---------------------------------------------------------------------------------------

/// A box in the graph (matplotlib's BboxBase): changing it invalidates the transforms built
/// on it, affine-only. get_points() returns its current value.
class STRATA_API BboxBase : public TransformNode {
 public:
  /// The current box.
  [[nodiscard]] virtual Bbox get_points() const = 0;
  /// Always true: a box change is an affine-only change of the transforms built on it.
  [[nodiscard]] bool is_affine() const override { return true; }
};

/// A mutable box (matplotlib's mutable Bbox; strata::Bbox is the value type): axes positions,
/// view and data limits. Setters invalidate only when the value changes.
///
/// **Example**
/// ```
/// auto view_lim = strata::BboxNode::make(strata::Bbox::unit());
/// view_lim->set_intervalx(1, 100);
/// ```
class STRATA_API BboxNode : public BboxBase {
 public:
  /// A node holding `box` (the unit box by default).
  [[nodiscard]] static std::shared_ptr<BboxNode> make(const Bbox& box = Bbox::unit());
  /// The box.
  [[nodiscard]] Bbox get_points() const override { return box_; }
  /// Replaces the box (corners and minpos).
  void set_points(const Bbox& box);
  /// Replaces the box from x, y, width, height.
  void set_bounds(double x, double y, double width, double height);
  /// Sets x0 and x1.
  void set_intervalx(double x0, double x1);
  /// Sets y0 and y1.
  void set_intervaly(double y0, double y1);
  /// Grows the box (or, with ignore = true, replaces it) to hold the finite points given.
  void update_from_data(std::span<const double> xs, std::span<const double> ys, bool ignore);

 protected:
  /// Use make().
  explicit BboxNode(const Bbox& box) : box_(box) {}

 private:
  Bbox box_;
};

/// `bbox` through `transform` (matplotlib's TransformedBbox): the box holding the four
/// transformed corners, oriented as `bbox`; follows changes of both.
class STRATA_API TransformedBbox : public BboxBase {
 public:
  /// Throws strata::ValueError on a null argument.
  [[nodiscard]] static std::shared_ptr<TransformedBbox> make(std::shared_ptr<BboxBase> bbox,
                                                             TransformPtr transform);
  /// The transformed box, recomputed lazily.
  [[nodiscard]] Bbox get_points() const override;
  /// The source box.
  [[nodiscard]] const std::shared_ptr<BboxBase>& bbox() const { return bbox_; }
  /// The transform.
  [[nodiscard]] const TransformPtr& get_transform() const { return transform_; }

 protected:
  /// Use make().
  TransformedBbox(std::shared_ptr<BboxBase> bbox, TransformPtr transform);
  void on_invalidate(bool affine_only) override;

 private:
  std::shared_ptr<BboxBase> bbox_;
  TransformPtr transform_;
  mutable std::optional<Bbox> points_;
};

/// Maps `boxin` linearly onto `boxout` (matplotlib's BboxTransform).
class STRATA_API BboxTransform : public Affine2DBase {
 public:
  /// Throws strata::ValueError on a null argument.
  [[nodiscard]] static std::shared_ptr<BboxTransform> make(std::shared_ptr<BboxBase> boxin,
                                                           std::shared_ptr<BboxBase> boxout);
  /// The matrix, recomputed lazily (infinite scale for an empty `boxin`).
  [[nodiscard]] Affine2D get_matrix() const override;
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }

 protected:
  /// Use make().
  BboxTransform(std::shared_ptr<BboxBase> boxin, std::shared_ptr<BboxBase> boxout);
  void on_invalidate(bool affine_only) override;

 private:
  std::shared_ptr<BboxBase> in_;
  std::shared_ptr<BboxBase> out_;
  mutable std::optional<Affine2D> matrix_;
};

/// Maps the unit square onto `boxout` (matplotlib's BboxTransformTo): transAxes,
/// transFigure.
class STRATA_API BboxTransformTo : public Affine2DBase {
 public:
  /// Throws strata::ValueError on a null argument.
  [[nodiscard]] static std::shared_ptr<BboxTransformTo> make(std::shared_ptr<BboxBase> boxout);
  /// The matrix, recomputed lazily.
  [[nodiscard]] Affine2D get_matrix() const override;
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }

 protected:
  /// Use make().
  explicit BboxTransformTo(std::shared_ptr<BboxBase> boxout);
  void on_invalidate(bool affine_only) override;

 private:
  std::shared_ptr<BboxBase> out_;
  mutable std::optional<Affine2D> matrix_;
};

/// Maps `boxin` onto the unit square (matplotlib's BboxTransformFrom): transLimits. An empty
/// box gives an infinite scale (the caller keeps view limits non-singular).
class STRATA_API BboxTransformFrom : public Affine2DBase {
 public:
  /// Throws strata::ValueError on a null argument.
  [[nodiscard]] static std::shared_ptr<BboxTransformFrom> make(std::shared_ptr<BboxBase> boxin);
  /// The matrix, recomputed lazily.
  [[nodiscard]] Affine2D get_matrix() const override;
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }

 protected:
  /// Use make().
  explicit BboxTransformFrom(std::shared_ptr<BboxBase> boxin);
  void on_invalidate(bool affine_only) override;

 private:
  std::shared_ptr<BboxBase> in_;
  mutable std::optional<Affine2D> matrix_;
};

// ---------------------------------------------------------------------------------------
// Offsets and wrappers
// ---------------------------------------------------------------------------------------

/// A translation by (xt, yt) given in the units of `scale_trans`'s input (matplotlib's
/// ScaledTranslation): with the figure's dpi_scale_trans, an offset in inches that follows
/// the dpi.
class STRATA_API ScaledTranslation : public Affine2DBase {
 public:
  /// Throws strata::ValueError when `scale_trans` is null.
  [[nodiscard]] static std::shared_ptr<ScaledTranslation> make(double xt, double yt,
                                                               TransformPtr scale_trans);
  /// The translation `scale_trans.transform((xt, yt))`, recomputed lazily.
  [[nodiscard]] Affine2D get_matrix() const override;
  /// Always true.
  [[nodiscard]] bool is_separable() const override { return true; }

 protected:
  /// Use make().
  ScaledTranslation(double xt, double yt, TransformPtr scale_trans);
  void on_invalidate(bool affine_only) override;

 private:
  double xt_;
  double yt_;
  TransformPtr scale_trans_;
  mutable std::optional<Affine2D> matrix_;
};

/// A stand-in whose child can be replaced (matplotlib's TransformWrapper): an axes'
/// transScale, swapped by set_xscale. set() invalidates fully; everything else forwards to
/// the child. inverted() follows later set() calls; frozen() freezes the current child.
class STRATA_API TransformWrapper : public Transform {
 public:
  /// Throws strata::ValueError when `child` is null.
  [[nodiscard]] static std::shared_ptr<TransformWrapper> make(TransformPtr child);
  /// Replaces the child and invalidates fully. Throws strata::ValueError on null.
  void set(TransformPtr child);
  /// The current child.
  [[nodiscard]] const TransformPtr& child() const { return child_; }

  /// The child's.
  [[nodiscard]] bool is_affine() const override { return child_->is_affine(); }
  /// The child's.
  [[nodiscard]] bool is_separable() const override { return child_->is_separable(); }
  /// The non-affine part of one point.
  [[nodiscard]] Point transform_non_affine(Point p) const override {
    return child_->transform_non_affine(p);
  }
  /// The non-affine part of many points, in place.
  void transform_non_affine_points(std::span<Point> pts) const override;
  [[nodiscard]] Affine2D get_affine() const override { return child_->get_affine(); }
  /// A node forwarding to the current child's inverse (rebuilt after each change).
  [[nodiscard]] TransformPtr inverted() const override;
  /// The current child's snapshot.
  [[nodiscard]] TransformPtr frozen() const override { return child_->frozen(); }

 protected:
  /// Use make().
  explicit TransformWrapper(TransformPtr child) : child_(std::move(child)) {}
  [[nodiscard]] Path on_transform_path_non_affine(const Path& path,
                                                  int interpolation_steps) const override;

 private:
  TransformPtr child_;
};

/// `trans` followed by an offset of (x, y) in `units` (matplotlib's offset_copy): "dots"
/// (pixels, a fixed translation), "points" (1/72 inch) or "inches" (a ScaledTranslation
/// through `dpi_scale_trans`, so the offset follows the dpi). Throws strata::ValueError on
/// other units, or when `dpi_scale_trans` is null and the units are not "dots".
///
/// **Example**
/// ```
/// auto shadow = strata::offset_copy(trans_data, fig_dpi_scale_trans, 2, -2, "points");
/// ```
[[nodiscard]] STRATA_API TransformPtr offset_copy(const TransformPtr& trans,
                                                  const TransformPtr& dpi_scale_trans, double x,
                                                  double y, std::string_view units = "inches");

// ---------------------------------------------------------------------------------------
// TransformedPath
// ---------------------------------------------------------------------------------------

/// A path and the transform that draws it (matplotlib's TransformedPath). The result of the
/// transform's non-affine part is cached and recomputed only after a full invalidation, so
/// pan and zoom (affine-only) never redo log or polar math: only the current affine is
/// applied again.
///
/// **Example**
/// ```
/// auto tp = strata::TransformedPath::make(path, trans_data);
/// auto [p, affine] = tp->get_transformed_path_and_affine();  // draw p with affine
/// ```
class STRATA_API TransformedPath : public TransformNode {
 public:
  /// `interpolation_steps` as in Transform::transform_path_non_affine (1: none; matplotlib
  /// uses 180 for polar grid lines). Throws strata::ValueError when `transform` is null.
  [[nodiscard]] static std::shared_ptr<TransformedPath> make(Path path, TransformPtr transform,
                                                             int interpolation_steps = 1);

  /// The path after the non-affine part (curves kept, segments interpolated), and the
  /// current affine. The reference is valid until the next invalidation of this node.
  [[nodiscard]] std::pair<const Path&, Affine2D> get_transformed_path_and_affine() const;
  /// The vertices after the non-affine part, without interpolation (for markers), and the
  /// current affine. The reference is valid until the next invalidation of this node.
  [[nodiscard]] std::pair<const Path&, Affine2D> get_transformed_points_and_affine() const;
  /// The whole transform: the cached non-affine result through the current affine.
  [[nodiscard]] Path get_fully_transformed_path() const;
  /// The transform's current affine part.
  [[nodiscard]] Affine2D get_affine() const;
  /// The source path.
  [[nodiscard]] const Path& path() const { return path_; }
  /// The transform.
  [[nodiscard]] const TransformPtr& get_transform() const { return transform_; }

 protected:
  /// Use make().
  TransformedPath(Path path, TransformPtr transform, int interpolation_steps);
  void on_invalidate(bool affine_only) override;

 private:
  Path path_;
  TransformPtr transform_;
  int interpolation_steps_;
  mutable std::optional<Path> non_affine_path_;
  mutable std::optional<Path> non_affine_points_;
};

}  // namespace strata
