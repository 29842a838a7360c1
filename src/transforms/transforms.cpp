// SPDX-License-Identifier: MIT
#include "strata/transforms/transforms.hpp"

#include <fmt/format.h>

#include <numbers>
#include <vector>

#include "strata/error.hpp"
#include "transforms/transforms_impl.hpp"

namespace strata {

namespace {

// The live inverse of an affine node (see detail::make_inverted_affine).
class InvertedAffine final : public Affine2DBase {
 public:
  explicit InvertedAffine(TransformPtr source) : source_(std::move(source)) {}

  Affine2D get_matrix() const override {
    if (!matrix_) matrix_ = source_->get_affine().inverted();
    return *matrix_;
  }
  bool is_separable() const override { return source_->is_separable(); }
  TransformPtr inverted() const override { return source_; }

  void link(const std::shared_ptr<InvertedAffine>& self_ptr) { self_ptr->set_children({source_}); }

 protected:
  void on_invalidate(bool /*affine_only*/) override { matrix_.reset(); }

 private:
  TransformPtr source_;
  mutable std::optional<Affine2D> matrix_;
};

// The live inverse of a TransformWrapper: forwards to the inverse of the wrapper's current
// child, rebuilt after every change below the wrapper.
class InvertedWrapper final : public Transform {
 public:
  explicit InvertedWrapper(std::shared_ptr<TransformWrapper> wrapper)
      : wrapper_(std::move(wrapper)) {}

  // Pure (no lazy building): these are asked during invalidation.
  bool is_affine() const override { return wrapper_->is_affine(); }
  bool is_separable() const override { return wrapper_->is_separable(); }

  Point transform_non_affine(Point p) const override { return get()->transform_non_affine(p); }
  void transform_non_affine_points(std::span<Point> pts) const override {
    get()->transform_non_affine_points(pts);
  }
  Affine2D get_affine() const override { return get()->get_affine(); }
  TransformPtr inverted() const override { return wrapper_; }
  TransformPtr frozen() const override { return get()->frozen(); }

  void link(const std::shared_ptr<InvertedWrapper>& self_ptr) {
    self_ptr->set_children({wrapper_});
    (void)get();  // throws now when the child has no inverse
  }

 protected:
  Path on_transform_path_non_affine(const Path& path, int interpolation_steps) const override {
    return get()->transform_path_non_affine(path, interpolation_steps);
  }
  void on_invalidate(bool /*affine_only*/) override { inverse_.reset(); }

 private:
  const TransformPtr& get() const {
    if (!inverse_) inverse_ = wrapper_->child()->inverted();
    return inverse_;
  }
  std::shared_ptr<TransformWrapper> wrapper_;
  mutable TransformPtr inverse_;
};

void require(const void* p, const char* what) {
  if (p == nullptr) throw ValueError(fmt::format("{} must not be null", what));
}

}  // namespace

namespace detail {

TransformPtr make_inverted_affine(TransformPtr source) {
  auto node = std::make_shared<InvertedAffine>(std::move(source));
  node->link(node);
  (void)node->get_matrix();  // throws now when singular
  return node;
}

}  // namespace detail

// ---- Affine2DNode ----

std::shared_ptr<Affine2DNode> Affine2DNode::make(const Affine2D& matrix) {
  return std::shared_ptr<Affine2DNode>(new Affine2DNode(matrix));
}

Affine2DNode& Affine2DNode::changed() {
  invalidate(true);
  return *this;
}

Affine2DNode& Affine2DNode::set_matrix(const Affine2D& matrix) {
  matrix_ = matrix;
  return changed();
}

Affine2DNode& Affine2DNode::clear() { return set_matrix(Affine2D{}); }

Affine2DNode& Affine2DNode::rotate(double radians) {
  matrix_.rotate(radians);
  return changed();
}

Affine2DNode& Affine2DNode::rotate_deg(double degrees) {
  matrix_.rotate_deg(degrees);
  return changed();
}

Affine2DNode& Affine2DNode::rotate_around(double x, double y, double radians) {
  matrix_.rotate_around(x, y, radians);
  return changed();
}

Affine2DNode& Affine2DNode::rotate_deg_around(double x, double y, double degrees) {
  matrix_.rotate_around(x, y, degrees * std::numbers::pi / 180.0);
  return changed();
}

Affine2DNode& Affine2DNode::scale(double sx, double sy) {
  matrix_.scale(sx, sy);
  return changed();
}

Affine2DNode& Affine2DNode::translate(double tx, double ty) {
  matrix_.translate(tx, ty);
  return changed();
}

Affine2DNode& Affine2DNode::skew(double xshear, double yshear) {
  matrix_.skew(xshear, yshear);
  return changed();
}

Affine2DNode& Affine2DNode::skew_deg(double xshear, double yshear) {
  constexpr double k = std::numbers::pi / 180.0;
  matrix_.skew(xshear * k, yshear * k);
  return changed();
}

// ---- IdentityTransform ----

std::shared_ptr<IdentityTransform> IdentityTransform::make() {
  return std::shared_ptr<IdentityTransform>(new IdentityTransform());
}

TransformPtr IdentityTransform::inverted() const { return make(); }
TransformPtr IdentityTransform::frozen() const { return make(); }

// ---- BlendedGenericTransform ----

BlendedGenericTransform::BlendedGenericTransform(TransformPtr x_transform, TransformPtr y_transform)
    : x_(std::move(x_transform)), y_(std::move(y_transform)) {}

std::shared_ptr<BlendedGenericTransform> BlendedGenericTransform::make(TransformPtr x_transform,
                                                                       TransformPtr y_transform) {
  require(x_transform.get(), "BlendedGenericTransform: x_transform");
  require(y_transform.get(), "BlendedGenericTransform: y_transform");
  auto node = std::shared_ptr<BlendedGenericTransform>(
      new BlendedGenericTransform(std::move(x_transform), std::move(y_transform)));
  node->set_children({node->x_, node->y_});
  return node;
}

bool BlendedGenericTransform::is_affine() const { return x_->is_affine() && y_->is_affine(); }
bool BlendedGenericTransform::is_separable() const {
  return x_->is_separable() && y_->is_separable();
}
bool BlendedGenericTransform::split() const { return x_->is_separable() && y_->is_separable(); }

Point BlendedGenericTransform::transform_non_affine(Point p) const {
  if (x_ == y_) return x_->transform_non_affine(p);
  if (is_affine()) return p;
  last_split_ = split();
  if (last_split_) return {x_->transform_non_affine(p).x, y_->transform_non_affine(p).y};
  return {x_->transform(p).x, y_->transform(p).y};
}

void BlendedGenericTransform::transform_non_affine_points(std::span<Point> pts) const {
  if (x_ == y_) {
    x_->transform_non_affine_points(pts);
    return;
  }
  if (is_affine()) return;
  last_split_ = split();
  std::vector<Point> ys(pts.begin(), pts.end());
  if (last_split_) {
    x_->transform_non_affine_points(pts);
    y_->transform_non_affine_points(ys);
  } else {
    x_->transform_points(pts);
    y_->transform_points(ys);
  }
  for (std::size_t i = 0; i < pts.size(); ++i) pts[i].y = ys[i].y;
}

Affine2D BlendedGenericTransform::get_affine() const {
  if (x_ == y_) return x_->get_affine();
  if (!affine_) {
    if (is_affine() || split()) {
      const Affine2D xa = x_->get_affine();
      const Affine2D ya = y_->get_affine();
      affine_ = Affine2D{xa.a, ya.b, xa.c, ya.d, xa.e, ya.f};
    } else {
      affine_ = Affine2D{};
    }
  }
  return *affine_;
}

TransformPtr BlendedGenericTransform::inverted() const {
  if (x_ == y_) return x_->inverted();
  if (!x_->is_separable() || !y_->is_separable()) {
    throw ValueError(
        "BlendedGenericTransform.inverted: a blend can only be inverted when both children are "
        "separable");
  }
  return blended_transform_factory(x_->inverted(), y_->inverted());
}

TransformPtr BlendedGenericTransform::frozen() const {
  return blended_transform_factory(x_->frozen(), y_->frozen());
}

void BlendedGenericTransform::on_invalidate(bool /*affine_only*/) { affine_.reset(); }

bool BlendedGenericTransform::child_affine_only(const TransformNode& /*child*/,
                                                bool affine_only) const {
  // A change of a child's affine moves into the non-affine part when the blend is not split
  // (or stops or starts being split).
  if (affine_only && x_ != y_ && !is_affine() && !(last_split_ && split())) return false;
  return affine_only;
}

// ---- BlendedAffine2D ----

BlendedAffine2D::BlendedAffine2D(std::shared_ptr<Affine2DBase> x_transform,
                                 std::shared_ptr<Affine2DBase> y_transform)
    : x_(std::move(x_transform)), y_(std::move(y_transform)) {}

std::shared_ptr<BlendedAffine2D> BlendedAffine2D::make(std::shared_ptr<Affine2DBase> x_transform,
                                                       std::shared_ptr<Affine2DBase> y_transform) {
  require(x_transform.get(), "BlendedAffine2D: x_transform");
  require(y_transform.get(), "BlendedAffine2D: y_transform");
  auto node = std::shared_ptr<BlendedAffine2D>(
      new BlendedAffine2D(std::move(x_transform), std::move(y_transform)));
  node->set_children({node->x_, node->y_});
  return node;
}

Affine2D BlendedAffine2D::get_matrix() const {
  if (!matrix_) {
    if (x_ == y_) {
      matrix_ = x_->get_matrix();
    } else {
      const Affine2D xa = x_->get_matrix();
      const Affine2D ya = y_->get_matrix();
      matrix_ = Affine2D{xa.a, ya.b, xa.c, ya.d, xa.e, ya.f};
    }
  }
  return *matrix_;
}

bool BlendedAffine2D::is_separable() const { return x_->is_separable() && y_->is_separable(); }

TransformPtr BlendedAffine2D::frozen() const {
  return blended_transform_factory(x_->frozen(), y_->frozen());
}

void BlendedAffine2D::on_invalidate(bool /*affine_only*/) { matrix_.reset(); }

TransformPtr blended_transform_factory(TransformPtr x_transform, TransformPtr y_transform) {
  require(x_transform.get(), "blended_transform_factory: x_transform");
  require(y_transform.get(), "blended_transform_factory: y_transform");
  auto xa = std::dynamic_pointer_cast<Affine2DBase>(x_transform);
  auto ya = std::dynamic_pointer_cast<Affine2DBase>(y_transform);
  if (xa && ya) return BlendedAffine2D::make(std::move(xa), std::move(ya));
  return BlendedGenericTransform::make(std::move(x_transform), std::move(y_transform));
}

// ---- CompositeGenericTransform ----

CompositeGenericTransform::CompositeGenericTransform(TransformPtr a, TransformPtr b)
    : a_(std::move(a)), b_(std::move(b)) {}

std::shared_ptr<CompositeGenericTransform> CompositeGenericTransform::make(TransformPtr a,
                                                                           TransformPtr b) {
  require(a.get(), "CompositeGenericTransform: a");
  require(b.get(), "CompositeGenericTransform: b");
  auto node = std::shared_ptr<CompositeGenericTransform>(
      new CompositeGenericTransform(std::move(a), std::move(b)));
  node->set_children({node->a_, node->b_});
  return node;
}

bool CompositeGenericTransform::is_affine() const { return a_->is_affine() && b_->is_affine(); }
bool CompositeGenericTransform::is_separable() const {
  return a_->is_separable() && b_->is_separable();
}

Point CompositeGenericTransform::transform_non_affine(Point p) const {
  const bool aa = a_->is_affine();
  const bool ba = b_->is_affine();
  if (aa && ba) return p;
  if (ba) return a_->transform_non_affine(p);
  return b_->transform_non_affine(a_->transform(p));
}

void CompositeGenericTransform::transform_non_affine_points(std::span<Point> pts) const {
  const bool aa = a_->is_affine();
  const bool ba = b_->is_affine();
  if (aa && ba) return;
  if (ba) {
    a_->transform_non_affine_points(pts);
    return;
  }
  a_->transform_points(pts);
  b_->transform_non_affine_points(pts);
}

Path CompositeGenericTransform::on_transform_path_non_affine(const Path& path,
                                                             int interpolation_steps) const {
  const bool aa = a_->is_affine();
  const bool ba = b_->is_affine();
  if (aa && ba) return path;
  if (ba) return a_->transform_path_non_affine(path, interpolation_steps);
  return b_->transform_path_non_affine(a_->transform_path(path, interpolation_steps),
                                       interpolation_steps);
}

Affine2D CompositeGenericTransform::get_affine() const {
  if (!affine_) {
    affine_ = b_->is_affine() ? a_->get_affine().then(b_->get_affine()) : b_->get_affine();
  }
  return *affine_;
}

TransformPtr CompositeGenericTransform::inverted() const {
  return composite_transform_factory(b_->inverted(), a_->inverted());
}

TransformPtr CompositeGenericTransform::frozen() const {
  return composite_transform_factory(a_->frozen(), b_->frozen());
}

void CompositeGenericTransform::on_invalidate(bool /*affine_only*/) { affine_.reset(); }

bool CompositeGenericTransform::child_affine_only(const TransformNode& child,
                                                  bool affine_only) const {
  // The affine part of `a` feeds the non-affine part of `b`.
  if (affine_only && &child == a_.get() && !b_->is_affine()) return false;
  return affine_only;
}

// ---- CompositeAffine2D ----

CompositeAffine2D::CompositeAffine2D(std::shared_ptr<Affine2DBase> a,
                                     std::shared_ptr<Affine2DBase> b)
    : a_(std::move(a)), b_(std::move(b)) {}

std::shared_ptr<CompositeAffine2D> CompositeAffine2D::make(std::shared_ptr<Affine2DBase> a,
                                                           std::shared_ptr<Affine2DBase> b) {
  require(a.get(), "CompositeAffine2D: a");
  require(b.get(), "CompositeAffine2D: b");
  auto node = std::shared_ptr<CompositeAffine2D>(new CompositeAffine2D(std::move(a), std::move(b)));
  node->set_children({node->a_, node->b_});
  return node;
}

Affine2D CompositeAffine2D::get_matrix() const {
  if (!matrix_) matrix_ = a_->get_matrix().then(b_->get_matrix());
  return *matrix_;
}

bool CompositeAffine2D::is_separable() const { return a_->is_separable() && b_->is_separable(); }

void CompositeAffine2D::on_invalidate(bool /*affine_only*/) { matrix_.reset(); }

TransformPtr composite_transform_factory(TransformPtr a, TransformPtr b) {
  require(a.get(), "composite_transform_factory: a");
  require(b.get(), "composite_transform_factory: b");
  if (dynamic_cast<const IdentityTransform*>(a.get()) != nullptr) return b;
  if (dynamic_cast<const IdentityTransform*>(b.get()) != nullptr) return a;
  auto aa = std::dynamic_pointer_cast<Affine2DBase>(a);
  auto ba = std::dynamic_pointer_cast<Affine2DBase>(b);
  if (aa && ba) return CompositeAffine2D::make(std::move(aa), std::move(ba));
  return CompositeGenericTransform::make(std::move(a), std::move(b));
}

TransformPtr operator+(const TransformPtr& first, const TransformPtr& second) {
  return composite_transform_factory(first, second);
}

namespace {

// When `t` == prefix + ... + `tail` along the right spine of composites, the prefix.
std::optional<TransformPtr> prefix_before(const TransformPtr& t, const TransformPtr& tail) {
  if (t == tail) return TransformPtr(IdentityTransform::make());
  TransformPtr first;
  TransformPtr second;
  if (const auto* g = dynamic_cast<const CompositeGenericTransform*>(t.get())) {
    first = g->first();
    second = g->second();
  } else if (const auto* c = dynamic_cast<const CompositeAffine2D*>(t.get())) {
    first = c->first();
    second = c->second();
  } else {
    return std::nullopt;
  }
  if (auto rest = prefix_before(second, tail)) return first + *rest;
  return std::nullopt;
}

}  // namespace

TransformPtr operator-(const TransformPtr& a, const TransformPtr& b) {
  require(a.get(), "Transform operator-: a");
  require(b.get(), "Transform operator-: b");
  if (auto p = prefix_before(a, b)) return *p;                // (x + b) - b == x
  if (auto p = prefix_before(b, a)) return (*p)->inverted();  // a - (x + a) == x^-1
  return a + b->inverted();
}

// ---- Bbox nodes ----

std::shared_ptr<BboxNode> BboxNode::make(const Bbox& box) {
  return std::shared_ptr<BboxNode>(new BboxNode(box));
}

void BboxNode::set_points(const Bbox& box) {
  if (box == box_ && box.minposx == box_.minposx && box.minposy == box_.minposy) return;
  box_ = box;
  invalidate(true);
}

void BboxNode::set_bounds(double x, double y, double width, double height) {
  Bbox b = box_;
  b.x0 = x;
  b.y0 = y;
  b.x1 = x + width;
  b.y1 = y + height;
  set_points(b);
}

void BboxNode::set_intervalx(double x0, double x1) {
  Bbox b = box_;
  b.x0 = x0;
  b.x1 = x1;
  set_points(b);
}

void BboxNode::set_intervaly(double y0, double y1) {
  Bbox b = box_;
  b.y0 = y0;
  b.y1 = y1;
  set_points(b);
}

void BboxNode::update_from_data(std::span<const double> xs, std::span<const double> ys,
                                bool ignore) {
  Bbox b = box_;
  b.update_from_data(xs, ys, ignore);
  set_points(b);
}

TransformedBbox::TransformedBbox(std::shared_ptr<BboxBase> bbox, TransformPtr transform)
    : bbox_(std::move(bbox)), transform_(std::move(transform)) {}

std::shared_ptr<TransformedBbox> TransformedBbox::make(std::shared_ptr<BboxBase> bbox,
                                                       TransformPtr transform) {
  require(bbox.get(), "TransformedBbox: bbox");
  require(transform.get(), "TransformedBbox: transform");
  auto node =
      std::shared_ptr<TransformedBbox>(new TransformedBbox(std::move(bbox), std::move(transform)));
  node->set_children({node->bbox_, node->transform_});
  return node;
}

Bbox TransformedBbox::get_points() const {
  if (!points_) points_ = transform_->transform_bbox(bbox_->get_points());
  return *points_;
}

void TransformedBbox::on_invalidate(bool /*affine_only*/) { points_.reset(); }

// ---- Bbox transforms ----

namespace {

Affine2D unit_to(const Bbox& b) { return Affine2D{b.width(), 0, 0, b.height(), b.x0, b.y0}; }

Affine2D to_unit(const Bbox& b) {
  const double sx = 1.0 / b.width();
  const double sy = 1.0 / b.height();
  return Affine2D{sx, 0, 0, sy, -b.x0 * sx, -b.y0 * sy};
}

}  // namespace

BboxTransform::BboxTransform(std::shared_ptr<BboxBase> boxin, std::shared_ptr<BboxBase> boxout)
    : in_(std::move(boxin)), out_(std::move(boxout)) {}

std::shared_ptr<BboxTransform> BboxTransform::make(std::shared_ptr<BboxBase> boxin,
                                                   std::shared_ptr<BboxBase> boxout) {
  require(boxin.get(), "BboxTransform: boxin");
  require(boxout.get(), "BboxTransform: boxout");
  auto node =
      std::shared_ptr<BboxTransform>(new BboxTransform(std::move(boxin), std::move(boxout)));
  node->set_children({node->in_, node->out_});
  return node;
}

Affine2D BboxTransform::get_matrix() const {
  if (!matrix_) matrix_ = to_unit(in_->get_points()).then(unit_to(out_->get_points()));
  return *matrix_;
}

void BboxTransform::on_invalidate(bool /*affine_only*/) { matrix_.reset(); }

BboxTransformTo::BboxTransformTo(std::shared_ptr<BboxBase> boxout) : out_(std::move(boxout)) {}

std::shared_ptr<BboxTransformTo> BboxTransformTo::make(std::shared_ptr<BboxBase> boxout) {
  require(boxout.get(), "BboxTransformTo: boxout");
  auto node = std::shared_ptr<BboxTransformTo>(new BboxTransformTo(std::move(boxout)));
  node->set_children({node->out_});
  return node;
}

Affine2D BboxTransformTo::get_matrix() const {
  if (!matrix_) matrix_ = unit_to(out_->get_points());
  return *matrix_;
}

void BboxTransformTo::on_invalidate(bool /*affine_only*/) { matrix_.reset(); }

BboxTransformFrom::BboxTransformFrom(std::shared_ptr<BboxBase> boxin) : in_(std::move(boxin)) {}

std::shared_ptr<BboxTransformFrom> BboxTransformFrom::make(std::shared_ptr<BboxBase> boxin) {
  require(boxin.get(), "BboxTransformFrom: boxin");
  auto node = std::shared_ptr<BboxTransformFrom>(new BboxTransformFrom(std::move(boxin)));
  node->set_children({node->in_});
  return node;
}

Affine2D BboxTransformFrom::get_matrix() const {
  if (!matrix_) matrix_ = to_unit(in_->get_points());
  return *matrix_;
}

void BboxTransformFrom::on_invalidate(bool /*affine_only*/) { matrix_.reset(); }

// ---- ScaledTranslation, offset_copy ----

ScaledTranslation::ScaledTranslation(double xt, double yt, TransformPtr scale_trans)
    : xt_(xt), yt_(yt), scale_trans_(std::move(scale_trans)) {}

std::shared_ptr<ScaledTranslation> ScaledTranslation::make(double xt, double yt,
                                                           TransformPtr scale_trans) {
  require(scale_trans.get(), "ScaledTranslation: scale_trans");
  auto node =
      std::shared_ptr<ScaledTranslation>(new ScaledTranslation(xt, yt, std::move(scale_trans)));
  node->set_children({node->scale_trans_});
  return node;
}

Affine2D ScaledTranslation::get_matrix() const {
  if (!matrix_) {
    const Point t = scale_trans_->transform({xt_, yt_});
    matrix_ = Affine2D::from_translation(t.x, t.y);
  }
  return *matrix_;
}

void ScaledTranslation::on_invalidate(bool /*affine_only*/) { matrix_.reset(); }

TransformPtr offset_copy(const TransformPtr& trans, const TransformPtr& dpi_scale_trans, double x,
                         double y, std::string_view units) {
  require(trans.get(), "offset_copy: trans");
  if (units == "dots") return trans + Affine2DNode::make(Affine2D::from_translation(x, y));
  if (units != "points" && units != "inches") {
    throw ValueError(
        fmt::format("offset_copy: units must be 'dots', 'points' or 'inches', got '{}'", units));
  }
  if (!dpi_scale_trans) {
    throw ValueError(
        fmt::format("offset_copy: units '{}' need a dpi_scale_trans, got null", units));
  }
  if (units == "points") {
    x /= 72.0;
    y /= 72.0;
  }
  return trans + ScaledTranslation::make(x, y, dpi_scale_trans);
}

// ---- TransformWrapper ----

std::shared_ptr<TransformWrapper> TransformWrapper::make(TransformPtr child) {
  require(child.get(), "TransformWrapper: child");
  auto node = std::shared_ptr<TransformWrapper>(new TransformWrapper(std::move(child)));
  node->set_children({node->child_});
  return node;
}

void TransformWrapper::set(TransformPtr child) {
  require(child.get(), "TransformWrapper.set: child");
  remove_child(child_);
  child_ = std::move(child);
  set_children({child_});
  invalidate(false);
}

void TransformWrapper::transform_non_affine_points(std::span<Point> pts) const {
  child_->transform_non_affine_points(pts);
}

Path TransformWrapper::on_transform_path_non_affine(const Path& path,
                                                    int interpolation_steps) const {
  return child_->transform_path_non_affine(path, interpolation_steps);
}

TransformPtr TransformWrapper::inverted() const {
  auto node = std::make_shared<InvertedWrapper>(std::static_pointer_cast<TransformWrapper>(self()));
  node->link(node);
  return node;
}

// ---- TransformedPath ----

TransformedPath::TransformedPath(Path path, TransformPtr transform, int interpolation_steps)
    : path_(std::move(path)),
      transform_(std::move(transform)),
      interpolation_steps_(interpolation_steps) {}

std::shared_ptr<TransformedPath> TransformedPath::make(Path path, TransformPtr transform,
                                                       int interpolation_steps) {
  require(transform.get(), "TransformedPath: transform");
  if (interpolation_steps < 1) {
    throw ValueError(fmt::format("TransformedPath: interpolation_steps must be >= 1, got {}",
                                 interpolation_steps));
  }
  auto node = std::shared_ptr<TransformedPath>(
      new TransformedPath(std::move(path), std::move(transform), interpolation_steps));
  node->set_children({node->transform_});
  return node;
}

std::pair<const Path&, Affine2D> TransformedPath::get_transformed_path_and_affine() const {
  // An affine transform has no non-affine part: the path itself, not a copy of it.
  if (transform_->is_affine()) return {path_, transform_->get_affine()};
  if (!non_affine_path_)
    non_affine_path_ = transform_->transform_path_non_affine(path_, interpolation_steps_);
  return {*non_affine_path_, transform_->get_affine()};
}

std::pair<const Path&, Affine2D> TransformedPath::get_transformed_points_and_affine() const {
  if (interpolation_steps_ == 1 || transform_->is_affine()) {
    return get_transformed_path_and_affine();  // the same path
  }
  if (!non_affine_points_) non_affine_points_ = transform_->transform_path_non_affine(path_, 1);
  return {*non_affine_points_, transform_->get_affine()};
}

Path TransformedPath::get_fully_transformed_path() const {
  auto [p, affine] = get_transformed_path_and_affine();
  return affine.is_identity() ? p : p.transformed(affine);
}

Affine2D TransformedPath::get_affine() const { return transform_->get_affine(); }

void TransformedPath::on_invalidate(bool affine_only) {
  if (affine_only) return;
  non_affine_path_.reset();
  non_affine_points_.reset();
}

}  // namespace strata
