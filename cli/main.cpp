// The command-line tool: checks report files (or stdin) and prints, per file,
// a text summary or one compact JSON document per line (the same JSON as the
// WebAssembly module, byte for byte).
//
//   hezhang check [--format text|json] [--lang zh|en] [LIMITS] FILE... | -
//   LIMITS: --max-input-bytes N --max-line-bytes N --max-tables N --max-cells N
//           --max-number-digits N
//
// Input bytes are decoded here: UTF-8 when valid, else GB18030/GBK (which
// covers GB2312) through glibc's iconv; the report says which was used.
// Exit codes: 0 nothing material found, 1 material findings, 2 input error / usage.
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
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

// The resource limits (docs/json-contract.md), one flag each: a plain
// decimal number, saturating at the field's maximum.
bool is_limit_flag(const std::string& flag) {
  return flag == "--max-input-bytes" || flag == "--max-line-bytes" || flag == "--max-tables" ||
         flag == "--max-cells" || flag == "--max-number-digits";
}

bool set_limit(hezhang::Limits& limits, const std::string& flag, const std::string& value) {
  if (value.empty() || value.size() > 19 || value.find_first_not_of("0123456789") != std::string::npos)
    return false;
  std::uint64_t n = std::stoull(value);
  auto small = [&](std::uint32_t& field) {
    field = static_cast<std::uint32_t>(std::min<std::uint64_t>(n, UINT32_MAX));
  };
  if (flag == "--max-input-bytes") limits.max_input_bytes = n;
  else if (flag == "--max-line-bytes") limits.max_line_bytes = n;
  else if (flag == "--max-tables") small(limits.max_tables);
  else if (flag == "--max-cells") small(limits.max_cells_per_table);
  else small(limits.max_number_digits);
  return true;
}

int usage() {
  std::cerr << "usage: hezhang check [--format text|json] [--lang zh|en] [LIMITS] FILE... | -\n"
               "  LIMITS: --max-input-bytes N --max-line-bytes N --max-tables N --max-cells N --max-number-digits N\n"
               "用法：hezhang check [--format text|json] [--lang zh|en] [限额] 文件… | -\n"
               "  限额：--max-input-bytes N（输入字节）--max-line-bytes N（每行字节）--max-tables N（表格数）\n"
               "        --max-cells N（每表单元格数）--max-number-digits N（数字位数，最多 18）\n";
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
    } else if (is_limit_flag(args[i]) && i + 1 < args.size()) {
      if (!set_limit(limits, args[i], args[i + 1])) return usage();
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
