// Timing harness for `npm run bench` (bench/run.mjs reads its output), built
// natively (build/native/bench/hezhang_bench) and as a Node program of the
// same WebAssembly core (build/wasm/bench/hezhang_bench.cjs, for --phases).
//
//   hezhang_bench [--min-seconds S] [--min-runs N] [--probe] FILE...   one JSON line per file
//   hezhang_bench --peak-rss FILE                                      one analysis, then peak RSS
//   hezhang_bench --phases [--min-runs N] FILE...                      time by phase, one JSON line
//
// Times the same call the WebAssembly binding makes (text in, JSON out:
// hezhang::analyze_to_json), so the WASM/native ratio compares like with like.
// Each file is analysed a few times to warm caches and the regex statics, then
// repeatedly until both --min-seconds and --min-runs are reached; the median
// is what the table shows (this machine is shared and noisy: the median
// ignores the slow outliers a mean would absorb).
// Plain std::chrono rather than Google Benchmark: no extra package for a fresh
// machine, and the per-run samples are ours to summarise.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "hezhang/hezhang.h"
#include "../core/alloc/heap_policy.h"
#include "../core/src/internal.h"  // analyze_marked: the phases' ends

namespace {

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

hezhang::Options options_for(const std::string& path, const std::string& bytes) {
  hezhang::Options options;
  options.name = path.substr(path.find_last_of('/') + 1);
  options.input_bytes = bytes.size();
  return options;
}

// The process's own peak RSS: VmHWM of /proc/self/status (this address
// space only). getrusage's ru_maxrss is no good here: Linux carries it over
// execve, so a harness started from Node reports Node's peak.
long peak_rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.compare(0, 6, "VmHWM:") == 0) return std::atol(line.c_str() + 6);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int usage() {
  std::fprintf(stderr,
               "usage: hezhang_bench [--min-seconds S] [--min-runs N] [--probe] FILE...\n"
               "       hezhang_bench --peak-rss FILE\n"
               "       hezhang_bench --phases [--min-runs N] FILE...\n");
  return 2;
}

using Clock = std::chrono::steady_clock;

double median_of(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  const std::size_t n = xs.size();
  return n % 2 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

// The phases in the order analyze_marked() ends them, then the JSON writer.
constexpr const char* kPhases[] = {"input", "lines", "tables", "sections", "claims", "link", "rules", "json"};
constexpr std::size_t kPhaseCount = sizeof kPhases / sizeof kPhases[0];

// Milliseconds since the last mark, added to the phase that just ended.
struct PhaseTimer {
  Clock::time_point last;
  double ms[kPhaseCount] = {};
  void end(const char* phase) {
    const Clock::time_point now = Clock::now();
    for (std::size_t k = 0; k < kPhaseCount; ++k)
      if (std::strcmp(kPhases[k], phase) == 0) ms[k] += std::chrono::duration<double, std::milli>(now - last).count();
    last = now;
  }
};

// Passes over all the files, each phase timed: where an analysis spends its
// time, natively and in WebAssembly, from one program. Per phase, the median
// and the least of its time in a pass (other work on a shared host slows
// some passes, never speeds one up: the least is the steadiest comparison).
int time_phases(const std::vector<std::string>& files, long passes) {
  std::vector<std::pair<std::string, hezhang::Options>> inputs;
  for (const std::string& file : files) {
    std::string bytes;
    if (!read_file(file, &bytes)) return std::fprintf(stderr, "cannot read %s\n", file.c_str()), 2;
    hezhang::Options options = options_for(file, bytes);
    inputs.emplace_back(std::move(bytes), std::move(options));
  }
  std::vector<double> per_phase[kPhaseCount], totals;
  for (long pass = -3; pass < passes; ++pass) {  // three passes to warm up
    PhaseTimer timer;
    for (const auto& [bytes, options] : inputs) {
      timer.last = Clock::now();
      const hezhang::Report report = hezhang::analyze_marked(
          bytes, options, [](void* t, const char* phase) { static_cast<PhaseTimer*>(t)->end(phase); }, &timer);
      const std::string json = hezhang::to_json(report);
      timer.end("json");
    }
    if (pass < 0) continue;
    double total = 0;
    for (std::size_t k = 0; k < kPhaseCount; ++k) per_phase[k].push_back(timer.ms[k]), total += timer.ms[k];
    totals.push_back(total);
  }
  std::printf("{\"files\":%zu,\"passes\":%ld,\"phases_ms\":{", inputs.size(), passes);
  for (std::size_t k = 0; k < kPhaseCount; ++k)
    std::printf("%s\"%s\":%.4f", k ? "," : "", kPhases[k], median_of(per_phase[k]));
  std::printf("},\"phases_min_ms\":{");
  for (std::size_t k = 0; k < kPhaseCount; ++k)
    std::printf("%s\"%s\":%.4f", k ? "," : "", kPhases[k], *std::min_element(per_phase[k].begin(), per_phase[k].end()));
  std::printf("},\"total_ms\":%.4f}\n", median_of(totals));
  return 0;
}

// A chunk of register arithmetic that reads and writes no memory (six
// chained sums: the chain stops the compiler from folding or vectorising
// it). With --probe, timed after each analysis, in the same seconds: caches,
// the allocator and the input cannot slow it, so its medians over its minimums
// show how much the host itself slowed those seconds (busy neighbours on a
// shared processor), beside the analyses' own medians over minimums. Its
// time counts towards --min-seconds (fewer analyses, never shorter ones).
volatile std::uint64_t probe_sink;
double probe_chunk_ms() {
  std::uint64_t a = 1, b = 2, c = 3, d = 4, e = 5, f = 6;
  const auto t0 = Clock::now();
  for (std::uint64_t i = 0; i < 400000; ++i) {
    a += b ^ i;
    b += c >> 3;
    c ^= d + i;
    d += e << 1;
    e ^= f + 7;
    f += a >> 5;
  }
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  probe_sink = a + b + c + d + e + f;
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  // The CLI's heap: times what a batch run pays per report.
  hezhang::keep_heap_between_reports();
  double min_seconds = 1.0;
  long min_runs = 30;
  bool peak_rss = false, phases = false, probe = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--min-seconds" && i + 1 < argc) {
      min_seconds = std::atof(argv[++i]);
    } else if (a == "--min-runs" && i + 1 < argc) {
      min_runs = std::atol(argv[++i]);
    } else if (a == "--peak-rss") {
      peak_rss = true;
    } else if (a == "--phases") {
      phases = true;
    } else if (a == "--probe") {
      probe = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage();
    } else {
      files.push_back(a);
    }
  }
  if (files.empty() || (peak_rss && files.size() != 1) || (peak_rss && phases) || min_runs < 1) return usage();
  if (phases) return time_phases(files, min_runs);

  if (peak_rss) {
    // What one analysis costs the whole process (binary, heap, input, JSON),
    // as a user running the CLI on this file would see it.
    std::string bytes;
    if (!read_file(files[0], &bytes)) return std::fprintf(stderr, "cannot read %s\n", files[0].c_str()), 2;
    std::string json = hezhang::analyze_to_json(bytes, options_for(files[0], bytes));
    std::printf("{\"file\":\"%s\",\"bytes\":%zu,\"json_bytes\":%zu,\"peak_rss_kb\":%ld}\n", files[0].c_str(),
                bytes.size(), json.size(), peak_rss_kb());
    return 0;
  }

  for (const std::string& file : files) {
    std::string bytes;
    if (!read_file(file, &bytes)) return std::fprintf(stderr, "cannot read %s\n", file.c_str()), 2;
    const hezhang::Options options = options_for(file, bytes);
    std::size_t json_bytes = 0;
    for (int w = 0; w < 3; ++w) json_bytes = hezhang::analyze_to_json(bytes, options).size();

    std::vector<double> ms, probe_ms;
    const auto start = Clock::now();
    while (static_cast<long>(ms.size()) < min_runs ||
           std::chrono::duration<double>(Clock::now() - start).count() < min_seconds) {
      const auto t0 = Clock::now();
      json_bytes = hezhang::analyze_to_json(bytes, options).size();
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      if (probe) probe_ms.push_back(probe_chunk_ms());
    }
    std::printf("{\"file\":\"%s\",\"bytes\":%zu,\"json_bytes\":%zu,\"runs\":%zu,"
                "\"median_ms\":%.4f,\"min_ms\":%.4f,\"max_ms\":%.4f",
                file.c_str(), bytes.size(), json_bytes, ms.size(), median_of(ms),
                *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()));
    if (probe)
      std::printf(",\"probe_median_ms\":%.4f,\"probe_min_ms\":%.4f", median_of(probe_ms),
                  *std::min_element(probe_ms.begin(), probe_ms.end()));
    std::printf("}\n");
    std::fflush(stdout);
  }
  return 0;
}
