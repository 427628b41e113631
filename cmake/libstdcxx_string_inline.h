// Included first into every source of the core when it is compiled natively
// with GCC and libstdc++ (core/CMakeLists.txt, -include): std::string's
// members instantiated and inlined in the core, as libstdc++ itself does for
// C++20 code, instead of called in libstdc++.so.
//
// libstdc++ declares basic_string<char> an extern template in C++17 (its
// members are compiled once, into libstdc++.so), so every append, assign
// and copy of a cell, name or claim text was a call through the PLT that
// the compiler could not inline or specialise: string operations were 6-8%
// of an analysis's instructions. _GLIBCXX_EXTERN_TEMPLATE == -1 is
// libstdc++'s own switch for "no extern templates for basic_string only"
// (c++config.h; every other extern template stays). The definitions made
// here are the same code as the library's (the same headers), emitted as
// weak symbols.
#pragma once

#include <bits/c++config.h>

#undef _GLIBCXX_EXTERN_TEMPLATE
#define _GLIBCXX_EXTERN_TEMPLATE -1
