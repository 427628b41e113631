# RE2 + abseil, built from the sources vendored by the npm package "re2"
# (installed by `npm install`, which skips its Node addon build thanks to
# .npmrc ignore-scripts=true). The native and WASM builds use the very same
# sources, so both match text identically.
set(HEZHANG_RE2_VENDOR_DIR "${PROJECT_SOURCE_DIR}/node_modules/re2/vendor"
    CACHE PATH "Directory holding the re2/ and abseil-cpp/ sources")

if(NOT EXISTS "${HEZHANG_RE2_VENDOR_DIR}/re2/CMakeLists.txt"
   OR NOT EXISTS "${HEZHANG_RE2_VENDOR_DIR}/abseil-cpp/CMakeLists.txt")
  message(FATAL_ERROR
    "RE2 sources not found in ${HEZHANG_RE2_VENDOR_DIR}.\n"
    "Run `npm install` (or `npm run setup`) in ${PROJECT_SOURCE_DIR} first: "
    "the npm package \"re2\" ships the RE2 and abseil sources this build uses.")
endif()

# abseil: library only, no tests, same C++ standard as ours.
set(ABSL_PROPAGATE_CXX_STD ON CACHE BOOL "" FORCE)
set(ABSL_BUILD_TESTING OFF CACHE BOOL "" FORCE)
set(ABSL_BUILD_TEST_HELPERS OFF CACHE BOOL "" FORCE)
set(ABSL_USE_EXTERNAL_GOOGLETEST OFF CACHE BOOL "" FORCE)
# Nothing of ours is installed, but CMake insists on a consistent export set
# when RE2 (below) declares install rules: keep both consistent.
set(ABSL_ENABLE_INSTALL ON CACHE BOOL "" FORCE)
# RE2: library only.
set(RE2_BUILD_TESTING OFF CACHE BOOL "" FORCE)
set(RE2_TEST OFF CACHE BOOL "" FORCE)
set(RE2_BENCHMARK OFF CACHE BOOL "" FORCE)
set(RE2_INSTALL OFF CACHE BOOL "" FORCE)
set(RE2_USE_ICU OFF CACHE BOOL "" FORCE)

# The vendored projects include(CTest); keep their tests out of our ctest.
set(_hezhang_saved_build_testing ${BUILD_TESTING})
set(BUILD_TESTING OFF)
# In WebAssembly RE2 and abseil are built for size (-Oz): the core runs one
# small pattern once per report, so their speed does not show, and the page
# downloads every byte of them. Measured 2026-11-24 at 48caada: .wasm
# 1 185 349 -> 1 163 310 bytes raw, 446 719 -> 440 753 gzip -9; the five
# seeds in Node, the two modules interleaved in one process, sums of
# per-seed medians 21.08 / 21.93 ms (-O3) and 21.50 / 21.38 ms (-Oz), the
# module loaded first the faster each time; the same JSON. Natively they
# stay at the build's level.
set(_hezhang_saved_release_flags "${CMAKE_CXX_FLAGS_RELEASE}")
if(EMSCRIPTEN)
  string(REPLACE "-O3" "-Oz" CMAKE_CXX_FLAGS_RELEASE "${CMAKE_CXX_FLAGS_RELEASE}")
endif()
add_subdirectory("${HEZHANG_RE2_VENDOR_DIR}/abseil-cpp" "${CMAKE_BINARY_DIR}/_deps/abseil" EXCLUDE_FROM_ALL)
add_subdirectory("${HEZHANG_RE2_VENDOR_DIR}/re2" "${CMAKE_BINARY_DIR}/_deps/re2" EXCLUDE_FROM_ALL)
set(CMAKE_CXX_FLAGS_RELEASE "${_hezhang_saved_release_flags}")
set(BUILD_TESTING ${_hezhang_saved_build_testing})

# This RE2 still calls abseil Mutex APIs that the vendored abseil deprecates:
# harmless, silence the warnings.
target_compile_options(re2 PRIVATE -Wno-deprecated-declarations)

if(NOT TARGET re2::re2)
  message(FATAL_ERROR "The vendored RE2 did not define re2::re2")
endif()
