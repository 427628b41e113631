# nlohmann/json (header-only), from Debian's nlohmann-json3-dev.
# Native: its CMake package. WebAssembly: an INTERFACE target whose include
# directory holds a copy of only the nlohmann/ headers, so no other host
# (glibc) header can leak into the em++ build.
if(NOT HEZHANG_WASM)
  find_package(nlohmann_json 3.10 REQUIRED)
  return()
endif()

find_path(HEZHANG_NLOHMANN_JSON_INCLUDE_DIR nlohmann/json.hpp
  PATHS /usr/include /usr/local/include
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
if(NOT HEZHANG_NLOHMANN_JSON_INCLUDE_DIR)
  message(FATAL_ERROR "nlohmann/json.hpp not found: install nlohmann-json3-dev "
                      "(`npm run setup`) or set HEZHANG_NLOHMANN_JSON_INCLUDE_DIR.")
endif()

set(_hezhang_nlohmann_copy "${CMAKE_BINARY_DIR}/_deps/nlohmann_json/include")
file(REMOVE_RECURSE "${_hezhang_nlohmann_copy}")
file(COPY "${HEZHANG_NLOHMANN_JSON_INCLUDE_DIR}/nlohmann" DESTINATION "${_hezhang_nlohmann_copy}")

add_library(hezhang_nlohmann_json INTERFACE)
target_include_directories(hezhang_nlohmann_json SYSTEM INTERFACE "${_hezhang_nlohmann_copy}")
add_library(nlohmann_json::nlohmann_json ALIAS hezhang_nlohmann_json)
