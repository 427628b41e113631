// Minimal CLI written by the build/infra layer so the pipeline can be wired
// end to end; to be replaced by the real one.
//
//   hezhang check [--format text|json] [--lang zh|en] FILE... | -
//
// Exit codes: 0 no findings, 1 findings exist, 2 input error / usage.
#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "hezhang/hezhang.h"

namespace {

bool valid_utf8(const std::string& s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n) return false;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

bool gb18030_to_utf8(const std::string& in, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->assign(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = &(*out)[0];
  size_t dst_left = out->size();
  bool ok = iconv(cd, &src, &src_left, &dst, &dst_left) != static_cast<size_t>(-1);
  out->resize(out->size() - dst_left);
  iconv_close(cd);
  return ok;
}

int usage() {
  std::cerr << "usage: hezhang check [--format text|json] [--lang zh|en] FILE... | -\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] != "check") return usage();
  std::string format = "text", lang = "zh";
  std::vector<std::string> files;
  for (size_t i = 1; i < args.size(); ++i) {
    if ((args[i] == "--format" || args[i] == "--lang") && i + 1 < args.size()) {
      (args[i] == "--format" ? format : lang) = args[i + 1];
      ++i;
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return usage();
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.empty() || (format != "text" && format != "json") || (lang != "zh" && lang != "en"))
    return usage();

  int exit_code = 0;
  for (const std::string& file : files) {
    std::string bytes;
    if (file == "-") {
      bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::cerr << "hezhang: cannot read " << file << "\n";
        exit_code = 2;
        continue;
      }
      bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    hezhang::Options options;
    options.name = file == "-" ? "stdin" : file;
    options.input_bytes = bytes.size();
    std::string text;
    if (valid_utf8(bytes)) {
      options.encoding = "utf-8";
      text = bytes;
    } else if (gb18030_to_utf8(bytes, &text)) {
      options.encoding = "gb18030";
    } else {
      std::cerr << "hezhang: " << file << ": neither UTF-8 nor GB18030\n";
      exit_code = 2;
      continue;
    }
    hezhang::Report report = hezhang::analyze(text, options);
    if (format == "json")
      std::cout << hezhang::to_json(report) << "\n";
    else
      std::cout << hezhang::to_text(report, lang);
    bool input_error = false;
    for (const auto& m : report.messages) input_error |= m.severity == "error";
    if (input_error) exit_code = 2;
    else if (!report.findings.empty() && exit_code == 0) exit_code = 1;
  }
  return exit_code;
}
