# SPDX-License-Identifier: MIT
# ctest consumer.add_subdirectory: configures, builds and runs tests/add-subdirectory-test,
# which pulls the Strata source tree in with add_subdirectory(). WORK_DIR is kept between runs,
# so the copy of the library inside it builds incrementally.
include(${CMAKE_CURRENT_LIST_DIR}/consumer_common.cmake)

set(source "${STRATA_SOURCE_DIR}/tests/add-subdirectory-test")
consumer_run("configure ${source}"
  "${CMAKE_COMMAND}" -S "${source}" -B "${WORK_DIR}" ${consumer_configure_args}
  "-DSTRATA_SOURCE_DIR=${STRATA_SOURCE_DIR}" "-DSTRATA_WERROR=${WERROR}")
consumer_run("build" "${CMAKE_COMMAND}" --build "${WORK_DIR}" --parallel 2)
consumer_run("run" "${WORK_DIR}/add_subdirectory_test")
consumer_check_png("add_subdirectory consumer" "${consumer_output}")
