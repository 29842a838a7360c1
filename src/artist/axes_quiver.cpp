// SPDX-License-Identifier: MIT
// Axes::quiver, Axes::barbs and Axes::quiverkey (matplotlib's _axes.py quiver/quiverkey and
// quiver._parse_args), and Axes::density_image.
#include <fmt/format.h>

#include "strata/artist/axes.hpp"
#include "strata/data/array_container.hpp"
#include "strata/error.hpp"

namespace strata {

namespace {

DataContainerPtr quiver_data(std::span<const double> x, std::span<const double> y,
                             std::span<const double> u, std::span<const double> v,
                             std::span<const double> c) {
  if (u.size() != v.size()) {
    throw ValueError(fmt::format("quiver: U has {} values but V has {}", u.size(), v.size()));
  }
  if (!c.empty() && c.size() != u.size()) {
    throw ValueError(fmt::format(
        "Argument C has a size {} which does not match {}, the number of arrow positions", c.size(),
        u.size()));
  }
  std::vector<double> xs, ys;
  if (x.size() == u.size() && y.size() == u.size()) {
    xs.assign(x.begin(), x.end());
    ys.assign(y.begin(), y.end());
  } else if (x.size() * y.size() == u.size() && !u.empty()) {
    // A grid: x along the columns, y along the rows (numpy.meshgrid).
    for (double yy : y) {
      for (double xx : x) {
        xs.push_back(xx);
        ys.push_back(yy);
      }
    }
  } else if (x.size() != y.size()) {
    throw ValueError(fmt::format(
        "X and Y must be the same size, but X.size is {} and Y.size is {}.", x.size(), y.size()));
  } else {
    throw ValueError(fmt::format(
        "Argument U has a size {} which does not match {}, the number of arrow positions", u.size(),
        x.size()));
  }
  std::map<std::string, DataRef> f{{"x", std::move(xs)}, {"y", std::move(ys)}, {"u", u}, {"v", v}};
  if (!c.empty()) f.emplace("c", c);
  return std::make_shared<ArrayContainer>(std::move(f));
}

}  // namespace

Quiver& Axes::quiver(std::span<const double> x, std::span<const double> y,
                     std::span<const double> u, std::span<const double> v,
                     const QuiverOptions& options) {
  return quiver(quiver_data(x, y, u, v, {}), options);
}

Quiver& Axes::quiver(std::span<const double> x, std::span<const double> y,
                     std::span<const double> u, std::span<const double> v,
                     std::span<const double> c, const QuiverOptions& options) {
  return quiver(quiver_data(x, y, u, v, c), options);
}

Quiver& Axes::quiver(std::span<const double> u, std::span<const double> v,
                     const QuiverOptions& options) {
  std::vector<double> x(u.size()), y(u.size(), 0.0);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i);
  return quiver(quiver_data(x, y, u, v, {}), options);
}

Quiver& Axes::quiver(DataContainerPtr data, const QuiverOptions& options) {
  if (!data) throw ValueError("quiver: data container must not be null");
  auto q = std::make_unique<Quiver>(*this, std::move(data), options);
  Quiver& ref = static_cast<Quiver&>(add_collection(std::move(q), true));
  if (ref.get_array()) ref.autoscale_None();
  request_autoscale_view();
  return ref;
}

Barbs& Axes::barbs(std::span<const double> x, std::span<const double> y, std::span<const double> u,
                   std::span<const double> v, const BarbsOptions& options) {
  return barbs(x, y, u, v, {}, options);
}

Barbs& Axes::barbs(std::span<const double> x, std::span<const double> y, std::span<const double> u,
                   std::span<const double> v, std::span<const double> c,
                   const BarbsOptions& options) {
  auto b = std::make_unique<Barbs>(*this, quiver_data(x, y, u, v, c), options);
  Barbs& ref = static_cast<Barbs&>(add_collection(std::move(b), true));
  if (ref.get_array()) ref.autoscale_None();
  request_autoscale_view();
  return ref;
}

DensityImage& Axes::density_image(DataContainerPtr data, const DensityImageOptions& options) {
  auto im = std::make_unique<DensityImage>(std::move(data), options);
  DensityImage& ref = static_cast<DensityImage&>(add_artist(std::move(im)));
  ref.update_counts();
  set_stale();
  return ref;
}

QuiverKey& Axes::quiverkey(Quiver& q, double x, double y, double u, std::string label,
                           const QuiverKeyOptions& options) {
  auto key = std::make_unique<QuiverKey>(q, x, y, u, std::move(label), options);
  return static_cast<QuiverKey&>(add_artist(std::move(key)));
}

}  // namespace strata
