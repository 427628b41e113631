// Helpers shared by the input tests (bad_input_test.cpp, pathological_test.cpp):
// find a message by id, list the messages for a failing CHECK's INFO.
#pragma once

#include <string>

#include "hezhang/hezhang.h"

namespace input_test {

inline const hezhang::InputMessage* find_message(const hezhang::Report& r, const std::string& id) {
  for (const auto& m : r.messages)
    if (m.id == id) return &m;
  return nullptr;
}

// "input.empty@0 limit.tables@12 "
inline std::string ids(const hezhang::Report& r) {
  std::string out;
  for (const auto& m : r.messages) out += m.id + "@" + std::to_string(m.line) + " ";
  return out;
}

}  // namespace input_test
