// SPDX-License-Identifier: MIT
// Axes::secondary_xaxis / secondary_yaxis (matplotlib 3.6's Axes.secondary_xaxis,
// secondary_yaxis and add_child_axes).
#include <fmt/format.h>

#include <cmath>

#include "strata/artist/axes.hpp"
#include "strata/artist/secondary_axes.hpp"
#include "strata/error.hpp"

namespace strata {

namespace {

void check_fraction(const char* who, double location) {
  if (!std::isfinite(location)) {
    throw ValueError(
        fmt::format("{} location must be a finite axes fraction, not {}", who, location));
  }
}

}  // namespace

SecondaryAxis& Axes::secondary_xaxis(std::string_view location,
                                     std::function<double(double)> forward,
                                     std::function<double(double)> inverse) {
  if (location != "top" && location != "bottom") {
    throw ValueError(fmt::format(
        "secondary_xaxis location must be either a float or \"top\"/\"bottom\", not '{}'",
        location));
  }
  auto ax = std::make_unique<SecondaryAxis>(*this, "x", std::string(location), std::move(forward),
                                            std::move(inverse));
  SecondaryAxis& ref = *ax;
  child_axes_.push_back(std::move(ax));
  set_stale();
  return ref;
}

SecondaryAxis& Axes::secondary_xaxis(double location, std::function<double(double)> forward,
                                     std::function<double(double)> inverse) {
  check_fraction("secondary_xaxis", location);
  auto ax =
      std::make_unique<SecondaryAxis>(*this, "x", location, std::move(forward), std::move(inverse));
  SecondaryAxis& ref = *ax;
  child_axes_.push_back(std::move(ax));
  set_stale();
  return ref;
}

SecondaryAxis& Axes::secondary_yaxis(std::string_view location,
                                     std::function<double(double)> forward,
                                     std::function<double(double)> inverse) {
  if (location != "left" && location != "right") {
    throw ValueError(fmt::format(
        "secondary_yaxis location must be either a float or \"left\"/\"right\", not '{}'",
        location));
  }
  auto ax = std::make_unique<SecondaryAxis>(*this, "y", std::string(location), std::move(forward),
                                            std::move(inverse));
  SecondaryAxis& ref = *ax;
  child_axes_.push_back(std::move(ax));
  set_stale();
  return ref;
}

SecondaryAxis& Axes::secondary_yaxis(double location, std::function<double(double)> forward,
                                     std::function<double(double)> inverse) {
  check_fraction("secondary_yaxis", location);
  auto ax =
      std::make_unique<SecondaryAxis>(*this, "y", location, std::move(forward), std::move(inverse));
  SecondaryAxis& ref = *ax;
  child_axes_.push_back(std::move(ax));
  set_stale();
  return ref;
}

std::vector<Axes*> Axes::get_child_axes() const {
  std::vector<Axes*> out;
  out.reserve(child_axes_.size());
  for (const auto& c : child_axes_) out.push_back(c.get());
  return out;
}

}  // namespace strata
