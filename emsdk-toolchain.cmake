# Toolchain for the "wasm" preset: Emscripten from an emsdk checkout when
# EMSDK is set, else Debian's emscripten package.
if(DEFINED ENV{EMSDK} AND EXISTS "$ENV{EMSDK}/upstream/emscripten/cmake/Modules/Platform/Emscripten.cmake")
  set(_hezhang_emscripten_root "$ENV{EMSDK}/upstream/emscripten")
elseif(EXISTS "/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake")
  set(_hezhang_emscripten_root "/usr/share/emscripten")
  # Debian's emscripten runs its JS optimizer (at link time) with the system
  # node, which finds acorn & co. only through NODE_PATH: set it for
  # configure checks here and for every compile/link via launchers, so any
  # way of building (preset, cmake --build, ninja) works.
  set(ENV{NODE_PATH} "/usr/share/nodejs")
  set(CMAKE_CXX_COMPILER_LAUNCHER env NODE_PATH=/usr/share/nodejs CACHE STRING "")
  set(CMAKE_CXX_LINKER_LAUNCHER env NODE_PATH=/usr/share/nodejs CACHE STRING "")
else()
  message(FATAL_ERROR "Emscripten not found: set EMSDK to an emsdk checkout or "
                      "install Debian's emscripten package (`npm run setup`).")
endif()
include("${_hezhang_emscripten_root}/cmake/Modules/Platform/Emscripten.cmake")
