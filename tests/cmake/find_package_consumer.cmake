# SPDX-License-Identifier: MIT
# ctest consumer.find_package: installs the build under test into PREFIX, then
#  1. configures, builds and runs tests/find-package-test against it (find_package(strata));
#  2. compiles and runs the same program with one g++ line and `pkg-config --cflags --libs strata`.
include(${CMAKE_CURRENT_LIST_DIR}/consumer_common.cmake)
foreach(var PREFIX LIBDIR PKG_CONFIG)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "${CMAKE_SCRIPT_MODE_FILE}: -D${var}= is required")
  endif()
endforeach()

file(REMOVE_RECURSE "${PREFIX}" "${WORK_DIR}")
consumer_run("install into ${PREFIX}"
  "${CMAKE_COMMAND}" --install "${STRATA_BINARY_DIR}" --prefix "${PREFIX}" --config "${BUILD_TYPE}")

# 1. CMake: find_package(strata) from the prefix, and only from there.
set(source "${STRATA_SOURCE_DIR}/tests/find-package-test")
consumer_run("configure ${source}"
  "${CMAKE_COMMAND}" -S "${source}" -B "${WORK_DIR}/cmake" ${consumer_configure_args}
  "-DCMAKE_PREFIX_PATH=${PREFIX}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
file(STRINGS "${WORK_DIR}/cmake/CMakeCache.txt" strata_dir REGEX "^strata_DIR:")
string(REGEX REPLACE "^strata_DIR:[A-Z]+=" "" strata_dir "${strata_dir}")
cmake_path(IS_PREFIX PREFIX "${strata_dir}" NORMALIZE in_prefix)
if(NOT in_prefix)
  message(FATAL_ERROR "find_package(strata) found '${strata_dir}', not the copy in ${PREFIX}")
endif()
consumer_run("build" "${CMAKE_COMMAND}" --build "${WORK_DIR}/cmake" --parallel 2)
consumer_run("run" "${WORK_DIR}/cmake/find_package_test")
consumer_check_png("find_package consumer" "${consumer_output}")

# 2. pkg-config: the command line the README gives.
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
consumer_run("pkg-config --cflags --libs strata" "${PKG_CONFIG}" --cflags --libs strata)
string(STRIP "${consumer_output}" pc_flags)
message(STATUS "pkg-config flags: ${pc_flags}")
string(FIND "${pc_flags}" "${PREFIX}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "pkg-config does not point into ${PREFIX}: ${pc_flags}")
endif()
set(exe "${WORK_DIR}/pkgconfig_consumer")
set(line "${LAUNCHER} '${CXX_COMPILER}' ${CXX_FLAGS} '${source}/main.cpp' $('${PKG_CONFIG}' --cflags --libs strata) -o '${exe}'")
consumer_run("compile and link: ${line}" sh -c "${line}")
consumer_run("run" "${exe}")
consumer_check_png("pkg-config consumer" "${consumer_output}")
