# SPDX-License-Identifier: MIT
# Shared by the consumer-test scripts (run with cmake -P from ctest).
cmake_minimum_required(VERSION 3.25)

foreach(var STRATA_SOURCE_DIR STRATA_BINARY_DIR GENERATOR BUILD_TYPE CXX_COMPILER WORK_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "${CMAKE_SCRIPT_MODE_FILE}: -D${var}= is required")
  endif()
endforeach()

# Configure arguments that make a consumer build like the build under test (same compiler,
# flags, build type and compiler launcher, so ccache can reuse objects).
set(consumer_configure_args
  -G "${GENERATOR}"
  "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
  "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")
if(C_COMPILER)
  list(APPEND consumer_configure_args "-DCMAKE_C_COMPILER=${C_COMPILER}")
endif()
if(LAUNCHER)
  list(APPEND consumer_configure_args
    "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}" "-DCMAKE_C_COMPILER_LAUNCHER=${LAUNCHER}")
endif()

# consumer_run(<what> <command>...): runs the command and stops with its output on failure.
function(consumer_run what)
  message(STATUS "${what}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed ('${rc}'):\n  ${ARGN}\n${out}")
  endif()
  set(consumer_output "${out}" PARENT_SCOPE)
endfunction()

# consumer_check_png(<what> <output>): the consumer programs print "png: ok <bytes> bytes".
function(consumer_check_png what output)
  if(NOT output MATCHES "png: ok [0-9]+ bytes")
    message(FATAL_ERROR "${what}: unexpected output:\n${output}")
  endif()
  string(STRIP "${output}" output)
  message(STATUS "${what}: ${output}")
endfunction()
