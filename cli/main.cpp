// The command-line tool: checks report files (or stdin) and prints, per file,
// a text summary or one compact JSON document per line (the same JSON as the
// WebAssembly module, byte for byte).
//
//   hezhang check [--format text|json] [--lang zh|en] [--jobs N] [LIMITS] FILE... | -
//   LIMITS: --max-input-bytes N --max-line-bytes N --max-tables N --max-cells N
//           --max-number-digits N
//
// Input bytes are decoded here: UTF-8 when valid, else GB18030/GBK (which
// covers GB2312) through glibc's iconv; the report says which was used.
// Exit codes: 0 nothing material found, 1 material findings, 2 input error / usage.
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "hezhang/hezhang.h"
#include "../core/alloc/heap_policy.h"

namespace {

// `in` converted from `encoding` (an iconv name) to UTF-8; false when it is
// not valid in that encoding.
bool to_utf8(const char* encoding, std::string_view in, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", encoding);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  // GB18030 takes at most 3 UTF-8 bytes per 2 bytes, UTF-16 3 per 2 (or 4 per 4).
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

// A plain decimal number (no sign, no spaces) of at most `max_digits` digits.
bool is_number(const std::string& s, std::size_t max_digits) {
  return !s.empty() && s.size() <= max_digits && s.find_first_not_of("0123456789") == std::string::npos;
}

// The resource limits (docs/json-contract.md), one flag each: a plain
// decimal number, saturating at the field's maximum.
bool is_limit_flag(const std::string& flag) {
  return flag == "--max-input-bytes" || flag == "--max-line-bytes" || flag == "--max-tables" ||
         flag == "--max-cells" || flag == "--max-number-digits";
}

bool set_limit(hezhang::Limits& limits, const std::string& flag, const std::string& value) {
  if (!is_number(value, 19)) return false;
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
  std::cerr << "usage: hezhang check [--format text|json] [--lang zh|en] [--jobs N] [LIMITS] FILE... | -\n"
               "  LIMITS: --max-input-bytes N --max-line-bytes N --max-tables N --max-cells N --max-number-digits N\n"
               "用法：hezhang check [--format text|json] [--lang zh|en] [--jobs N（并行文件数）] [限额] 文件… | -\n"
               "  限额：--max-input-bytes N（输入字节）--max-line-bytes N（每行字节）--max-tables N（表格数）\n"
               "        --max-cells N（每表单元格数）--max-number-digits N（数字位数，最多 18）\n";
  return 2;
}

// What one file produced: its report (stdout), any read error (stderr) and
// its exit code.
struct FileResult {
  std::string out, err;
  int exit_code = 0;
};

// All of a stream, read in blocks (an istreambuf_iterator copy costs more
// than the analysis of a small report).
std::string read_all(std::istream& in) {
  std::string bytes;
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0)
    bytes.append(block, static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// Reads, decodes and analyses one file. `stdin_bytes` is the input when
// `file` is "-". Safe to call from several threads at once: the core keeps
// no mutable state between calls.
FileResult check_file(const std::string& file, const std::string* stdin_bytes, const std::string& format,
                      const std::string& lang, const hezhang::Limits& limits) {
  FileResult result;
  std::string bytes;
  if (file == "-") {
    bytes = *stdin_bytes;
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      result.err = (lang == "en" ? "hezhang: cannot read " : "hezhang：无法读取文件 ") + file + "\n";
      result.exit_code = 2;
      return result;
    }
    bytes = read_all(in);
  }
  hezhang::Options options;
  options.limits = limits;
  options.name = file == "-" ? "stdin" : file;
  options.input_bytes = bytes.size();
  options.encoding = "utf-8";
  // UTF-16 with a byte-order mark (Windows' "Unicode" text) is converted
  // first: no UTF-8 or GB18030 text starts with FF FE or FE FF.
  if (const char* utf16 = hezhang::utf16_bom_encoding(bytes)) {
    std::string text;
    if (to_utf8(utf16, std::string_view(bytes).substr(2), &text)) {
      options.encoding = utf16;
      bytes.swap(text);
    }
  }
  // Read as UTF-8 first: analyze() checks the UTF-8 as it reads the lines,
  // so a check of its own here read every report twice. Only text it
  // refuses (for invalid bytes, or before reading it: binary, too large) is
  // checked here, and when it is not UTF-8 it is read again as GB18030.
  hezhang::Report report = hezhang::analyze(bytes, options);
  bool refused = false, utf16 = false;
  for (const auto& m : report.messages) {
    refused |= m.severity == "error";
    utf16 |= m.id == "input.utf16";
  }
  // UTF-16 the core recognised (without a byte-order mark) is not read as
  // GB18030: its NULs would make that binary, and the core's message says what to do.
  if (utf16) {
    report.input.encoding = "unknown";
  } else if (refused && options.encoding == "utf-8" && !hezhang::is_valid_utf8(bytes)) {
    std::string text;
    if (to_utf8("GB18030", bytes, &text)) {
      options.encoding = "gb18030";
      report = hezhang::analyze(text, options);
    } else {
      // Neither encoding: the core's report of the invalid bytes, with their
      // line, as it stands (the encoding is all analyze() takes from it).
      report.input.encoding = "unknown";
    }
  }
  // The newline appended in place, not by a copy of the whole JSON.
  result.out = format == "json" ? hezhang::to_json(report) : hezhang::to_text(report, lang);
  if (format == "json") result.out += '\n';
  bool input_error = false;
  for (const auto& m : report.messages) input_error |= m.severity == "error";
  bool material = false;
  for (const auto& f : report.findings) material |= f.materiality == "material";
  result.exit_code = input_error ? 2 : material ? 1 : 0;
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  hezhang::keep_heap_between_reports();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] != "check") return usage();
  std::string format = "text", lang = "zh";
  std::vector<std::string> files;
  hezhang::Limits limits;
  size_t jobs = 1;
  for (size_t i = 1; i < args.size(); ++i) {
    if ((args[i] == "--format" || args[i] == "--lang") && i + 1 < args.size()) {
      (args[i] == "--format" ? format : lang) = args[i + 1];
      ++i;
    } else if (is_limit_flag(args[i]) && i + 1 < args.size()) {
      if (!set_limit(limits, args[i], args[i + 1])) return usage();
      ++i;
    } else if (args[i] == "--jobs" && i + 1 < args.size()) {
      // Files analysed in parallel; 0 = one per core.
      const std::string& n = args[++i];
      if (!is_number(n, 4)) return usage();
      jobs = std::stoul(n);
      if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return usage();
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.empty() || (format != "text" && format != "json") || (lang != "zh" && lang != "en"))
    return usage();

  // Standard input is read once, before any worker starts: the first "-"
  // gets it all, any later "-" an empty input, as a sequential read would.
  std::string stdin_bytes;
  bool stdin_read = false;
  std::vector<const std::string*> stdin_for(files.size(), nullptr);
  static const std::string kNoBytes;
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i] != "-") continue;
    if (!stdin_read)
      stdin_bytes = read_all(std::cin);
    stdin_for[i] = stdin_read ? &kNoBytes : &stdin_bytes;
    stdin_read = true;
  }

  // Results are printed in input order whatever the thread that produced
  // them, so the output of --jobs N is byte-identical to --jobs 1.
  int exit_code = 0;
  auto emit = [&](const FileResult& r) {
    std::cerr << r.err;
    std::cout << r.out;
    exit_code = std::max(exit_code, r.exit_code);  // 2 input error > 1 material > 0
  };
  auto run = [&](size_t i) { return check_file(files[i], stdin_for[i], format, lang, limits); };
  if (jobs <= 1 || files.size() <= 1) {
    for (size_t i = 0; i < files.size(); ++i) emit(run(i));
    return exit_code;
  }

  // Workers take the next file in order but stay at most `window` files
  // ahead of the printer, so memory holds a few reports, not all of them.
  const size_t window = 4 * jobs;
  std::vector<FileResult> results(files.size());
  std::vector<char> done(files.size(), 0);
  size_t next = 0, printed = 0;
  std::mutex mutex;
  std::condition_variable changed;
  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return next >= files.size() || next < printed + window; });
        if (next >= files.size()) return;
        i = next++;
      }
      FileResult r = run(i);
      {
        std::lock_guard<std::mutex> lock(mutex);
        results[i] = std::move(r);
        done[i] = 1;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 0; t < std::min(jobs, files.size()); ++t) threads.emplace_back(worker);
  for (size_t i = 0; i < files.size(); ++i) {
    FileResult r;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return done[i] != 0; });
      r = std::move(results[i]);
      printed = i + 1;
    }
    changed.notify_all();
    emit(r);
  }
  for (std::thread& t : threads) t.join();
  return exit_code;
}
