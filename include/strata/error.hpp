// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

#include "strata/export.hpp"

namespace strata {

/// Base of every exception Strata throws. The message names the argument and the value.
class STRATA_API Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A value given by the caller is out of range or of the wrong kind.
class STRATA_API ValueError : public Error {
 public:
  using Error::Error;
};

/// Reading or writing a file or stream failed.
class STRATA_API IOError : public Error {
 public:
  using Error::Error;
};

/// A drawing backend (Cairo, libpng) reported a failure.
class STRATA_API BackendError : public Error {
 public:
  using Error::Error;
};

}  // namespace strata

/// Internal invariant check: throws strata::Error, never aborts the host application.
#define STRATA_ASSERT(cond, msg)                                                 \
  do {                                                                           \
    if (!(cond)) throw ::strata::Error(std::string("internal error: ") + (msg)); \
  } while (false)
