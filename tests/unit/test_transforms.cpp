// SPDX-License-Identifier: MIT
// The transform graph: algebra, inversion, freezing, invalidation, TransformedPath caching, and
// matplotlib's data-to-display chain built from nodes.
#include <cmath>
#include <memory>
#include <numbers>
#include <vector>

#include "strata/error.hpp"
#include "strata/transforms/scale.hpp"
#include "strata/transforms/transforms.hpp"
#include "support/catch.hpp"

using namespace strata;

namespace {

constexpr double kEps = 1e-12;

bool near(Point a, Point b, double eps = kEps) {
  const double sx = std::max(1.0, std::abs(b.x));
  const double sy = std::max(1.0, std::abs(b.y));
  return std::abs(a.x - b.x) <= eps * sx && std::abs(a.y - b.y) <= eps * sy;
}

// A non-affine transform (log10 of x and y) that counts how many points it evaluated.
class CountingLog final : public Transform {
 public:
  static std::shared_ptr<CountingLog> make() {
    return std::shared_ptr<CountingLog>(new CountingLog());
  }
  bool is_separable() const override { return true; }
  Point transform_non_affine(Point p) const override {
    ++points;
    return {std::log10(p.x), std::log10(p.y)};
  }
  void transform_non_affine_points(std::span<Point> pts) const override {
    points += pts.size();
    for (Point& p : pts) p = {std::log10(p.x), std::log10(p.y)};
  }
  TransformPtr inverted() const override { return InvertedLogTransform::make(10); }
  mutable std::size_t points = 0;

 private:
  CountingLog() = default;
};

// Forwards to a child and records the level of every invalidation that reaches it.
class Probe final : public Transform {
 public:
  static std::shared_ptr<Probe> make(TransformPtr child) {
    auto p = std::shared_ptr<Probe>(new Probe(std::move(child)));
    p->set_children({p->child_});
    return p;
  }
  bool is_affine() const override { return child_->is_affine(); }
  Point transform_non_affine(Point p) const override { return child_->transform_non_affine(p); }
  Affine2D get_affine() const override { return child_->get_affine(); }
  std::vector<bool> levels;  // true: affine-only

 protected:
  void on_invalidate(bool affine_only) override { levels.push_back(affine_only); }

 private:
  explicit Probe(TransformPtr child) : child_(std::move(child)) {}
  TransformPtr child_;
};

// matplotlib's default figure (6.4 x 4.8 in at 100 dpi) and axes (position 0.125, 0.11,
// 0.775, 0.77), with transData = transScale + (transLimits + transAxes).
struct AxesChain {
  std::shared_ptr<Affine2DNode> dpi_scale_trans =
      Affine2DNode::make(Affine2D::from_scale(100, 100));
  std::shared_ptr<BboxNode> fig_bbox_inches = BboxNode::make(Bbox::from_bounds(0, 0, 6.4, 4.8));
  std::shared_ptr<TransformedBbox> fig_bbox =
      TransformedBbox::make(fig_bbox_inches, dpi_scale_trans);
  std::shared_ptr<BboxTransformTo> trans_figure = BboxTransformTo::make(fig_bbox);
  std::shared_ptr<BboxNode> position = BboxNode::make(Bbox::from_bounds(0.125, 0.11, 0.775, 0.77));
  std::shared_ptr<TransformedBbox> ax_bbox = TransformedBbox::make(position, trans_figure);
  std::shared_ptr<BboxTransformTo> trans_axes = BboxTransformTo::make(ax_bbox);
  std::shared_ptr<BboxNode> view_lim = BboxNode::make(Bbox::from_extents(0, 0, 10, 1));
  std::shared_ptr<TransformWrapper> trans_scale = TransformWrapper::make(
      blended_transform_factory(IdentityTransform::make(), IdentityTransform::make()));
  std::shared_ptr<BboxTransformFrom> trans_limits =
      BboxTransformFrom::make(TransformedBbox::make(view_lim, trans_scale));
  TransformPtr trans_data = trans_scale + (trans_limits + trans_axes);

  void set_xscale(const TransformPtr& x) {
    trans_scale->set(blended_transform_factory(x, IdentityTransform::make()));
  }
};

}  // namespace

TEST_CASE("Affine2DNode builds and invalidates like matplotlib's Affine2D", "[transforms]") {
  auto t = Affine2DNode::make();
  REQUIRE(t->is_affine());
  REQUIRE(t->is_separable());
  const auto v0 = t->version();
  t->scale(2).translate(1, 0);
  CHECK(t->version() == v0 + 2);
  CHECK(near(t->transform({1, 1}), {3, 2}));
  t->rotate_deg(90);
  CHECK_FALSE(t->is_separable());
  CHECK(near(t->transform({1, 1}), {-2, 3}));
  t->clear();
  CHECK(t->get_matrix().is_identity());
  t->rotate_deg_around(1, 1, 180);
  CHECK(near(t->transform({2, 1}), {0, 1}));
  t->set_matrix(Affine2D::from_translation(5, 6));
  CHECK(near(t->transform({0, 0}), {5, 6}));
  t->clear().skew_deg(45, 0);
  CHECK(near(t->transform({0, 1}), {1, 1}));
}

TEST_CASE("composition applies the left operand first", "[transforms]") {
  auto scale2 = Affine2DNode::make(Affine2D::from_scale(2, 2));
  auto move = Affine2DNode::make(Affine2D::from_translation(1, 0));
  CHECK(near((scale2 + move)->transform({1, 1}), {3, 2}));
  CHECK(near((move + scale2)->transform({1, 1}), {4, 2}));
  // Three levels, associativity.
  auto rot = Affine2DNode::make();
  rot->rotate_deg(90);
  const Point p{0.3, -1.7};
  CHECK(near(((scale2 + move) + rot)->transform(p), (scale2 + (move + rot))->transform(p)));
  CHECK(near((scale2 + move + rot)->transform(p),
             rot->transform(move->transform(scale2->transform(p)))));
  // Non-affine in the middle.
  auto log = LogTransform::make(10);
  auto chain = scale2 + log + move;
  CHECK(near(chain->transform({50, 5}), {3, 1}));
  Point pts[] = {{50, 5}, {5, 0.05}};
  chain->transform_points(pts);
  CHECK(near(pts[0], {3, 1}));
  CHECK(near(pts[1], {2, -1}));
}

TEST_CASE("composites of affine nodes collapse to CompositeAffine2D", "[transforms]") {
  auto a = Affine2DNode::make(Affine2D::from_scale(3, 4));
  auto b = Affine2DNode::make(Affine2D::from_translation(1, 2));
  auto ab = a + b;
  REQUIRE(std::dynamic_pointer_cast<CompositeAffine2D>(ab) != nullptr);
  CHECK(ab->is_affine());
  CHECK(ab->get_affine() == Affine2D::from_scale(3, 4).then(Affine2D::from_translation(1, 2)));
  // The collapsed node still follows its children.
  b->translate(1, 0);
  CHECK(near(ab->transform({1, 1}), {5, 6}));
  // Identities vanish.
  auto id = IdentityTransform::make();
  CHECK((id + a) == a);
  CHECK((a + id) == a);
  // With a non-affine child: a generic composite, split into non-affine and affine parts.
  auto log = LogTransform::make(10);
  auto la = log + a;
  auto gen = std::dynamic_pointer_cast<CompositeGenericTransform>(la);
  REQUIRE(gen != nullptr);
  CHECK_FALSE(gen->is_affine());
  CHECK(near(la->transform_non_affine({100, 10}), {2, 1}));
  CHECK(la->get_affine() == a->get_matrix());
  CHECK(near(la->transform({100, 10}), {6, 4}));
  // Composite of two non-affine: non-affine part holds everything up to b's affine.
  auto al = a + log;
  CHECK(near(al->transform({10.0 / 3, 25}), {1, 2}));
  CHECK(al->get_affine().is_identity());
}

TEST_CASE("inverted() round trips to 1e-12", "[transforms]") {
  auto a = Affine2DNode::make();
  a->scale(3, 0.5).rotate_deg(33).skew_deg(10, -20).translate(-4, 7);
  auto b = Affine2DNode::make(Affine2D::from_translation(100, 200));
  auto box = BboxNode::make(Bbox::from_extents(-3, 2, 5, 10));
  AxesChain ax;
  ax.view_lim->set_points(Bbox::from_extents(0.1, -5, 1000, 5));
  ax.set_xscale(LogTransform::make(10));
  const std::vector<TransformPtr> transforms = {
      a,
      a + b,
      b + a,
      IdentityTransform::make(),
      BboxTransformTo::make(box),
      BboxTransformFrom::make(box),
      BboxTransform::make(box, BboxNode::make(Bbox::from_extents(0, 0, 640, 480))),
      ScaledTranslation::make(0.25, -1, ax.dpi_scale_trans),
      blended_transform_factory(a->frozen() + b, BboxTransformTo::make(box)),
      blended_transform_factory(LogTransform::make(2), b),
      LogTransform::make(10) + a,
      a + SymmetricalLogTransform::make(10, 1, 1) +
          Affine2DNode::make(Affine2D::from_scale(2, 0.5)),
      ax.trans_scale,
      ax.trans_data,
  };
  const std::vector<Point> pts = {{1, 2}, {0.3, 0.7}, {7, 3}, {123.5, 0.9}};
  for (std::size_t k = 0; k < transforms.size(); ++k) {
    INFO("transform " << k);
    const TransformPtr& t = transforms[k];
    const TransformPtr inv = t->inverted();
    for (const Point& p : pts) {
      CHECK(near(inv->transform(t->transform(p)), p, 1e-12));
    }
    CHECK(near(inv->inverted()->transform(pts[0]), t->transform(pts[0]), 1e-12));
  }
}

TEST_CASE("inverses follow later changes; singular matrices throw", "[transforms]") {
  auto a = Affine2DNode::make(Affine2D::from_scale(2, 2));
  auto inv = a->inverted();
  CHECK(near(inv->transform({4, 4}), {2, 2}));
  a->scale(2);
  CHECK(near(inv->transform({4, 4}), {1, 1}));
  CHECK(inv->inverted() == a);
  auto singular = Affine2DNode::make(Affine2D::from_scale(0, 1));
  CHECK_THROWS_AS(singular->inverted(), ValueError);
  // A wrapper's inverse follows set().
  auto w = TransformWrapper::make(Affine2DNode::make(Affine2D::from_scale(2, 2)));
  auto winv = w->inverted();
  CHECK(near(winv->transform({4, 4}), {2, 2}));
  w->set(LogTransform::make(10));
  CHECK_FALSE(winv->is_affine());
  CHECK(near(winv->transform({2, 3}), {100, 1000}));
}

TEST_CASE("blended transforms take x from one child and y from the other", "[transforms]") {
  auto sx = Affine2DNode::make(Affine2D::from_scale(2, 3));
  auto ty = Affine2DNode::make(Affine2D::from_translation(10, 20));
  auto bl = blended_transform_factory(sx, ty);
  REQUIRE(std::dynamic_pointer_cast<BlendedAffine2D>(bl) != nullptr);
  CHECK(bl->is_affine());
  CHECK(near(bl->transform({1, 1}), {2, 21}));
  sx->scale(5, 1);
  CHECK(near(bl->transform({1, 1}), {10, 21}));

  // Non-affine x: generic, split into a non-affine and an affine part.
  auto log = LogTransform::make(10);
  auto gen = blended_transform_factory(log, ty);
  REQUIRE(std::dynamic_pointer_cast<BlendedGenericTransform>(gen) != nullptr);
  CHECK_FALSE(gen->is_affine());
  CHECK(gen->is_separable());
  CHECK(near(gen->transform({1000, 1}), {3, 21}));
  CHECK(near(gen->transform_non_affine({1000, 1}), {3, 1}));
  CHECK(gen->get_affine() == Affine2D(1, 0, 0, 1, 0, 20));
  auto ginv = gen->inverted();
  CHECK(near(ginv->transform({3, 21}), {1000, 1}));

  // A rotated child: the x row mixes in y, so the value is computed in the non-affine part.
  auto rot = Affine2DNode::make();
  rot->rotate_deg(90);  // (x, y) -> (-y, x)
  auto mixed = blended_transform_factory(rot, log);
  CHECK_FALSE(mixed->is_separable());
  CHECK(near(mixed->transform({5, 100}), {-100, 2}));
  CHECK_THROWS_AS(mixed->inverted(), ValueError);
  // Path transformation agrees with point transformation.
  const Path p({{5, 100}, {1, 10}});
  const Path tp = mixed->transform_path(p);
  CHECK(near(tp.vertices()[1], {-10, 1}));
}

TEST_CASE("frozen() snapshots do not follow later changes", "[transforms]") {
  auto a = Affine2DNode::make(Affine2D::from_scale(2, 2));
  auto fa = a->frozen();
  a->translate(5, 5);
  CHECK(near(fa->transform({1, 1}), {2, 2}));
  CHECK(near(a->transform({1, 1}), {7, 7}));

  AxesChain ax;
  auto frozen_data = ax.trans_data->frozen();
  const Point before = frozen_data->transform({5, 0.5});
  CHECK(near(before, {328, 237.6}, 1e-9));
  ax.view_lim->set_intervalx(0, 20);
  ax.position->set_bounds(0, 0, 1, 1);
  ax.dpi_scale_trans->scale(2);
  ax.set_xscale(LogTransform::make(10));
  CHECK(near(frozen_data->transform({5, 0.5}), before, 1e-12));
  CHECK_FALSE(near(ax.trans_data->transform({5, 0.5}), before, 1e-3));

  auto polar = PolarTransform::make(0);
  auto fp = polar->frozen();
  polar->set_r_origin(1);
  CHECK(near(fp->transform({0, 2}), {2, 0}));
  CHECK(near(polar->transform({0, 2}), {1, 0}));
}

TEST_CASE("an invalidation reaches each ancestor exactly once", "[transforms]") {
  auto leaf = Affine2DNode::make();
  auto other = Affine2DNode::make();
  auto c1 = leaf + other;                         // CompositeAffine2D
  auto bl = blended_transform_factory(leaf, c1);  // BlendedAffine2D, reaches leaf twice
  auto top = c1 + bl;                             // diamond: c1 directly and through bl
  auto probe = Probe::make(top);
  const std::vector<TransformPtr> ancestors = {c1, bl, top, probe};
  std::vector<std::uint64_t> counts, versions;
  for (const auto& t : ancestors) {
    counts.push_back(t->invalidation_count());
    versions.push_back(t->version());
  }
  const auto other_count = other->invalidation_count();
  leaf->translate(1, 0);
  for (std::size_t i = 0; i < ancestors.size(); ++i) {
    INFO("ancestor " << i);
    CHECK(ancestors[i]->invalidation_count() == counts[i] + 1);
    CHECK(ancestors[i]->version() == versions[i] + 1);
  }
  CHECK(other->invalidation_count() == other_count);  // siblings are untouched
  REQUIRE(probe->levels.size() == 1);
  CHECK(probe->levels[0]);  // affine-only all the way up

  // A non-affine node's own change is a full invalidation.
  auto log = LogTransform::make(10);
  auto p2 = Probe::make(log + leaf);
  log->invalidate(true);
  REQUIRE(p2->levels.size() == 1);
  CHECK_FALSE(p2->levels[0]);
  // Below a composite whose second child is non-affine, an affine change becomes full: it
  // feeds the non-affine part.
  auto p3 = Probe::make(leaf + log);
  leaf->scale(2);
  REQUIRE(p3->levels.size() == 1);
  CHECK_FALSE(p3->levels[0]);
  // An affine change after a non-affine child stays affine-only.
  CHECK(p2->levels.back());
  CHECK(p2->levels.size() == 2);

  // A diamond reached affine-only on one path and fully on the other: once, fully.
  auto both = Probe::make(blended_transform_factory(leaf + log, log + leaf));
  leaf->translate(0, 1);
  REQUIRE(both->levels.size() == 1);
  CHECK_FALSE(both->levels[0]);
}

TEST_CASE("dead parents are dropped and do not keep children busy", "[transforms]") {
  auto leaf = Affine2DNode::make();
  {
    auto parent = leaf + Affine2DNode::make();
    (void)parent->transform({0, 0});
  }
  auto p = Probe::make(leaf);
  leaf->translate(1, 1);
  CHECK(p->levels.size() == 1);
}

TEST_CASE("TransformedPath keeps its non-affine result across affine-only changes",
          "[transforms]") {
  auto counting = CountingLog::make();
  auto affine = Affine2DNode::make();
  auto wrapper = TransformWrapper::make(counting);
  auto tp = TransformedPath::make(Path({{1, 1}, {10, 100}, {1000, 10}}), wrapper + affine);

  Path full = tp->get_fully_transformed_path();
  CHECK(counting->points == 3);
  CHECK(near(full.vertices()[1], {1, 2}));
  (void)tp->get_fully_transformed_path();
  CHECK(counting->points == 3);  // cached

  affine->scale(2).translate(1, 0);  // affine-only
  full = tp->get_fully_transformed_path();
  CHECK(counting->points == 3);  // no non-affine work
  CHECK(near(full.vertices()[1], {3, 4}));
  auto [p, aff] = tp->get_transformed_path_and_affine();
  CHECK(near(p.vertices()[2], {3, 1}));
  CHECK(aff == affine->get_matrix());

  counting->invalidate();  // full
  (void)tp->get_fully_transformed_path();
  CHECK(counting->points == 6);

  wrapper->set(counting);  // set() is a full invalidation
  (void)tp->get_fully_transformed_path();
  CHECK(counting->points == 9);

  // Points (no interpolation) are cached separately.
  auto [pts, aff2] = tp->get_transformed_points_and_affine();
  CHECK(pts.size() == 3);
  CHECK(aff2 == affine->get_matrix());
}

TEST_CASE("matplotlib's data-to-display chain", "[transforms]") {
  AxesChain ax;
  const Bbox axbox = ax.ax_bbox->get_points();
  CHECK(axbox.x0 == Approx(80));
  CHECK(axbox.y0 == Approx(52.8));
  CHECK(axbox.width() == Approx(496));
  CHECK(axbox.height() == Approx(369.6));

  CHECK(ax.trans_data->is_affine());
  CHECK(near(ax.trans_data->transform({5, 0.5}), {328, 237.6}, 1e-12));
  CHECK(near(ax.trans_data->transform({0, 0}), {80, 52.8}, 1e-12));
  CHECK(near(ax.trans_data->transform({10, 1}), {576, 422.4}, 1e-12));
  CHECK(near(ax.trans_axes->transform({0.5, 0.5}), {328, 237.6}, 1e-12));
  CHECK(near(ax.trans_data->inverted()->transform({328, 237.6}), {5, 0.5}, 1e-12));

  // set_xscale("log") with limits (1, 100): 10 is in the middle.
  ax.view_lim->set_intervalx(1, 100);
  ax.set_xscale(LogTransform::make(10));
  CHECK_FALSE(ax.trans_data->is_affine());
  CHECK(near(ax.trans_data->transform({10, 0.5}), {328, 237.6}, 1e-12));
  CHECK(near(ax.trans_data->transform({1, 0}), {80, 52.8}, 1e-12));
  CHECK(near(ax.trans_data->transform({100, 1}), {576, 422.4}, 1e-12));
  CHECK(near(ax.trans_data->inverted()->transform({328, 237.6}), {10, 0.5}, 1e-12));

  // get_xaxis_transform(): x in data, y in axes fraction.
  auto xaxis = blended_transform_factory(ax.trans_data, ax.trans_axes);
  CHECK(near(xaxis->transform({10, 1}), {328, 422.4}, 1e-12));

  // Changing the dpi moves everything in pixels.
  ax.dpi_scale_trans->set_matrix(Affine2D::from_scale(200, 200));
  CHECK(near(ax.trans_data->transform({10, 0.5}), {656, 475.2}, 1e-12));
}

TEST_CASE("pan and zoom redo no non-affine math on paths", "[transforms]") {
  AxesChain ax;
  auto counting = CountingLog::make();
  ax.view_lim->set_intervalx(1, 100);
  ax.set_xscale(counting);
  std::vector<Point> verts;
  for (int i = 0; i <= 1000; ++i) verts.push_back({std::pow(10.0, i / 500.0), 0.5});
  auto line = TransformedPath::make(Path(verts), ax.trans_data);
  auto xgrid = TransformedPath::make(Path({{10, 0}, {10, 1}}),
                                     blended_transform_factory(ax.trans_data, ax.trans_axes));

  Path first = line->get_fully_transformed_path();
  (void)xgrid->get_fully_transformed_path();
  CHECK(near(first.vertices()[500], {328, 237.6}, 1e-9));
  const std::size_t after_first = counting->points;

  // Pan: only the 4 corners of the view limits go through the scale again.
  const auto v = line->version();
  ax.view_lim->set_intervalx(10, 1000);
  CHECK(line->version() == v + 1);
  Path panned = line->get_fully_transformed_path();
  Path grid = xgrid->get_fully_transformed_path();
  CHECK(counting->points == after_first + 4);
  CHECK(near(panned.vertices()[500], {80, 237.6}, 1e-9));
  CHECK(near(grid.vertices()[0], {80, 52.8}, 1e-9));

  // Zoom on y and a new axes position: same.
  ax.view_lim->set_intervaly(0, 2);
  ax.position->set_bounds(0, 0, 1, 1);
  panned = line->get_fully_transformed_path();
  CHECK(counting->points == after_first + 8);
  CHECK(near(panned.vertices()[500], {0, 120}, 1e-9));

  // A new scale is a full invalidation: the path goes through it again.
  ax.set_xscale(counting);
  (void)line->get_fully_transformed_path();
  CHECK(counting->points >= after_first + 8 + verts.size());
}

TEST_CASE("ScaledTranslation and offset_copy follow the dpi", "[transforms]") {
  AxesChain ax;
  auto shifted = offset_copy(ax.trans_data, ax.dpi_scale_trans, 72, -36, "points");
  CHECK(near(shifted->transform({5, 0.5}), {428, 187.6}, 1e-12));
  ax.dpi_scale_trans->set_matrix(Affine2D::from_scale(200, 200));
  CHECK(near(shifted->transform({5, 0.5}), {656 + 200, 475.2 - 100}, 1e-12));
  auto inches = offset_copy(ax.trans_axes, ax.dpi_scale_trans, 0.5, 0);
  CHECK(near(inches->transform({0, 0}), {160 + 100, 105.6}, 1e-12));
  auto dots = offset_copy(ax.trans_axes, nullptr, 3, 4, "dots");
  CHECK(near(dots->transform({0, 0}), {163, 109.6}, 1e-12));
  CHECK_THROWS_WITH(offset_copy(ax.trans_axes, ax.dpi_scale_trans, 1, 1, "cm"),
                    "offset_copy: units must be 'dots', 'points' or 'inches', got 'cm'");
  CHECK_THROWS_AS(offset_copy(ax.trans_axes, nullptr, 1, 1, "points"), ValueError);
}

TEST_CASE("bbox nodes invalidate only on change", "[transforms]") {
  auto box = BboxNode::make(Bbox::from_extents(0, 0, 2, 4));
  auto to = BboxTransformTo::make(box);
  auto from = BboxTransformFrom::make(box);
  CHECK(near(to->transform({0.5, 0.5}), {1, 2}));
  CHECK(near(from->transform({1, 2}), {0.5, 0.5}));
  const auto n = to->invalidation_count();
  box->set_points(Bbox::from_extents(0, 0, 2, 4));
  CHECK(to->invalidation_count() == n);
  box->set_intervalx(-2, 2);
  CHECK(to->invalidation_count() == n + 1);
  CHECK(near(to->transform({0.5, 0.5}), {0, 2}));
  const std::vector<double> xs = {5, 7}, ys = {1, 9};
  box->update_from_data(xs, ys, true);
  CHECK(box->get_points() == Bbox::from_extents(5, 1, 7, 9));
  CHECK(near(from->transform({6, 5}), {0.5, 0.5}));
  // Inverted boxes keep their orientation through a transform.
  auto flipped = TransformedBbox::make(BboxNode::make(Bbox::from_extents(10, 0, 1, 1)),
                                       LogTransform::make(10));
  CHECK(flipped->get_points() == Bbox::from_extents(1, -1000, 0, 0));
}

TEST_CASE("operator- cancels a shared tail", "[transforms]") {
  auto a = Affine2DNode::make(Affine2D::from_scale(2, 2));
  auto b = Affine2DNode::make(Affine2D::from_translation(1, 1));
  auto log = LogTransform::make(10);
  auto ab = log + (a + b);
  auto d = ab - b;
  CHECK(near(d->transform({100, 10}), {4, 2}));
  auto e = ab - (a + b);  // not the same node: falls back to + inverse
  CHECK(near(e->transform({100, 10}), {2, 1}));
  auto f = b - ab;  // b == tail of ab: (log + a)^-1
  CHECK(near(f->transform({4, 2}), {100, 10}));
  CHECK(near((a - a)->transform({3, 4}), {3, 4}));
}

TEST_CASE("transform nodes reject bad arguments", "[transforms]") {
  CHECK_THROWS_AS(composite_transform_factory(nullptr, IdentityTransform::make()), ValueError);
  CHECK_THROWS_AS(blended_transform_factory(IdentityTransform::make(), nullptr), ValueError);
  CHECK_THROWS_AS(TransformWrapper::make(nullptr), ValueError);
  CHECK_THROWS_AS(TransformedPath::make(Path(), IdentityTransform::make(), 0), ValueError);
  CHECK_THROWS_WITH(TransformedPath::make(Path(), IdentityTransform::make(), 0),
                    "TransformedPath: interpolation_steps must be >= 1, got 0");
  CHECK_THROWS_WITH(BboxTransformTo::make(nullptr), "BboxTransformTo: boxout must not be null");
  auto w = TransformWrapper::make(IdentityTransform::make());
  CHECK_THROWS_AS(w->set(nullptr), ValueError);
}

TEST_CASE("polar: segments of constant r become arcs", "[transforms]") {
  auto polar = PolarTransform::make();
  CHECK(near(polar->transform({std::numbers::pi / 2, 2}), {0, 2}));
  const Path quarter({{0, 1}, {std::numbers::pi / 2, 1}});
  const Path arc = polar->transform_path_non_affine(quarter, 180);
  REQUIRE(arc.size() >= 50);
  for (const Point& v : arc.vertices()) CHECK(std::hypot(v.x, v.y) == Approx(1).margin(1e-12));
  CHECK(near(arc.vertices().front(), {1, 0}));
  CHECK(near(arc.vertices().back(), {0, 1}));
  CHECK(arc.code(0) == PathCode::moveto);
  // Angles increase monotonically along the arc.
  double last = -1;
  for (const Point& v : arc.vertices()) {
    const double t = std::atan2(v.y, v.x);
    CHECK(t > last);
    last = t;
  }
  // Without interpolation the segment is a chord (matplotlib's default for plot lines).
  CHECK(polar->transform_path_non_affine(quarter).size() == 2);
  // Constant theta: a straight radial line.
  CHECK(polar->transform_path_non_affine(Path({{0.3, 1}, {0.3, 5}}), 180).size() == 2);
  // Anything else: interpolation_steps pieces, linear in (theta, r) (a spiral).
  const Path spiral = polar->transform_path_non_affine(Path({{0, 1}, {std::numbers::pi, 2}}), 10);
  REQUIRE(spiral.size() == 11);
  CHECK(std::hypot(spiral.vertices()[5].x, spiral.vertices()[5].y) == Approx(1.5));
  // Reverse direction and more than a full turn.
  const Path back = polar->transform_path_non_affine(Path({{3 * std::numbers::pi, 2}, {0, 2}}), 2);
  CHECK(back.size() > 500);
  for (const Point& v : back.vertices()) CHECK(std::hypot(v.x, v.y) == Approx(2).margin(1e-12));
  // Closed polygons: the closing segment is interpolated too.
  const Path wedge({{0, 0}, {0, 1}, {1, 1}, {0, 0}},
                   {PathCode::moveto, PathCode::lineto, PathCode::lineto, PathCode::closepoly});
  const Path w = polar->transform_path_non_affine(wedge, 4);
  CHECK(w.code(w.size() - 1) == PathCode::closepoly);
  CHECK(w.size() > 10);
}

TEST_CASE("polar: r origin, masking and inverse", "[transforms]") {
  auto polar = PolarTransform::make(0.5);
  CHECK(near(polar->transform({0, 1}), {0.5, 0}));
  const Point below = polar->transform({0, 0.25});
  CHECK(std::isnan(below.x));
  CHECK(std::isnan(below.y));
  auto inv = polar->inverted();
  for (const Point& p : {Point{0.3, 1}, Point{4, 2.5}, Point{6.2, 0.75}}) {
    CHECK(near(inv->transform(polar->transform(p)), p, 1e-12));
  }
  // The inverse follows the origin.
  polar->set_r_origin(1);
  CHECK(near(inv->transform(polar->transform({2, 3})), {2, 3}, 1e-12));
  CHECK(inv->inverted() == polar);
  CHECK_THROWS_WITH(PolarTransform::make(0, 2), "PolarTransform: r_sign must be 1 or -1, got 2");
  // Reversed radial axis.
  auto rev = PolarTransform::make(10, -1);
  CHECK(near(rev->transform({0, 8}), {2, 0}));
  CHECK(near(rev->inverted()->transform({2, 0}), {0, 8}, 1e-12));

  // In a chain: a new origin is a full invalidation of the paths drawn through it.
  auto affine = Affine2DNode::make(Affine2D::from_scale(100, 100));
  auto chain = polar + affine;
  auto tp = TransformedPath::make(Path({{0, 2}, {std::numbers::pi, 2}}), chain, 180);
  const Path before = tp->get_fully_transformed_path();
  CHECK(near(before.vertices().front(), {100, 0}, 1e-12));
  polar->set_r_origin(0);
  const Path after = tp->get_fully_transformed_path();
  CHECK(near(after.vertices().front(), {200, 0}, 1e-12));
  for (const Point& v : after.vertices()) CHECK(std::hypot(v.x, v.y) == Approx(200).margin(1e-9));
  affine->scale(0.5);  // affine-only
  CHECK(std::hypot(tp->get_fully_transformed_path().vertices()[7].x,
                   tp->get_fully_transformed_path().vertices()[7].y) == Approx(100).margin(1e-9));
}
