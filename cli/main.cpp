// The command-line tool: checks report files (or stdin) and prints, per file,
// a text summary or one compact JSON document per line (the same JSON as the
// WebAssembly module, byte for byte).
//
//   hezhang check [--format text|json] [--lang zh|en] [--max-input-bytes N] FILE... | -
//
// Input bytes are decoded here: UTF-8 when valid, else GB18030/GBK (which
// covers GB2312) through glibc's iconv; the report says which was used.
// Exit codes: 0 nothing material found, 1 material findings, 2 input error / usage.
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
  std::cerr << "usage: hezhang check [--format text|json] [--lang zh|en] [--max-input-bytes N] FILE... | -\n"
               "用法：hezhang check [--format text|json] [--lang zh|en] [--max-input-bytes N] 文件… | -\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] != "check") return usage();
  std::string format = "text", lang = "zh";
  std::vector<std::string> files;
  hezhang::Limits limits;
  for (size_t i = 1; i < args.size(); ++i) {
    if ((args[i] == "--format" || args[i] == "--lang") && i + 1 < args.size()) {
      (args[i] == "--format" ? format : lang) = args[i + 1];
      ++i;
    } else if (args[i] == "--max-input-bytes" && i + 1 < args.size()) {
      try {
        limits.max_input_bytes = std::stoull(args[++i]);
      } catch (...) {
        return usage();
      }
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
        std::cerr << (lang == "en" ? "hezhang: cannot read " : "hezhang：无法读取文件 ") << file << "\n";
        exit_code = 2;
        continue;
      }
      bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    hezhang::Options options;
    options.limits = limits;
    options.name = file == "-" ? "stdin" : file;
    options.input_bytes = bytes.size();
    std::string text;
    if (valid_utf8(bytes)) {
      options.encoding = "utf-8";
      text = bytes;
    } else if (gb18030_to_utf8(bytes, &text)) {
      options.encoding = "gb18030";
    } else {
      // Neither encoding: let the core report the invalid bytes with their line.
      options.encoding = "unknown";
      text = bytes;
    }
    hezhang::Report report = hezhang::analyze(text, options);
    if (format == "json")
      std::cout << hezhang::to_json(report) << "\n";
    else
      std::cout << hezhang::to_text(report, lang);
    bool input_error = false;
    for (const auto& m : report.messages) input_error |= m.severity == "error";
    if (input_error) exit_code = 2;
    bool material = false;
    for (const auto& f : report.findings) material |= f.materiality == "material";
    if (!input_error && material && exit_code == 0) exit_code = 1;
  }
  return exit_code;
}
