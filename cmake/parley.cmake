# Project-wide warning flags, applied to our own targets only (never to
# generated proto code).
add_library(parley_warnings INTERFACE)
target_compile_options(parley_warnings INTERFACE
  -Wall -Wextra -Wshadow -Wno-unused-parameter
  $<$<BOOL:${PARLEY_WERROR}>:-Werror>)

if(PARLEY_SANITIZE)
  # Undefined behaviour aborts (and so fails the test) instead of logging and
  # carrying on.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined)
endif()

if(PARLEY_FUZZ)
  # libFuzzer needs clang. Every library gets the coverage instrumentation;
  # only the fuzz executables link libFuzzer's main (fuzz/CMakeLists.txt).
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PARLEY_FUZZ needs clang: configure with CXX=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# parley_cc_library(NAME SRCS ... DEPS ...)
function(parley_cc_library name)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SRCS})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE parley_warnings)
endfunction()

set(PARLEY_CORPUS_DIR "${PROJECT_SOURCE_DIR}/../shared/corpus" CACHE PATH
    "The shared article corpus (pool/, dev-gold/) used by tests and benchmarks")

# parley_cc_test(NAME SRCS ... DEPS ... [LABELS ...] [ENV VAR=VALUE ...])
# One gtest binary, discovered test by test so ctest -R/-L can pick them.
function(parley_cc_test name)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS;LABELS;ENV" ${ARGN})
  add_executable(${name} ${ARG_SRCS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} parley_testing
                        GTest::gmock GTest::gtest_main parley_warnings)
  # Also compiled in: discovered tests reliably get one environment variable.
  target_compile_definitions(${name} PRIVATE
    PARLEY_CORPUS_DIR_DEFAULT="${PARLEY_CORPUS_DIR}")
  set(test_env "PARLEY_SOURCE_DIR=${PROJECT_SOURCE_DIR}" "PARLEY_CORPUS_DIR=${PARLEY_CORPUS_DIR}"
      ${ARG_ENV})
  if("integration" IN_LIST ARG_LABELS)
    # Integration suites share expensive fixtures (a Kafka broker) across
    # their tests, so each binary is one CTest test.
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
      LABELS "${ARG_LABELS}" TIMEOUT 900 ENVIRONMENT "${test_env}")
    return()
  endif()
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  # gtest_discover_tests passes a single ENVIRONMENT entry through intact.
  gtest_discover_tests(${name}
    DISCOVERY_MODE PRE_TEST
    PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "PARLEY_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
