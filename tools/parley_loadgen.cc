// parley-loadgen: writes N realistic articles for benchmarks, built from the
// pool's real ones (tools/loadgen.h says how), one "id<TAB>envelope" line
// each, the form `kcat -P -K'\t'` publishes keyed by article id.
//
//   parley-loadgen N --articles POOL_DIR [--seed S] [--out FILE]
//   parley-loadgen --report FILE [--threads T]
//       what the extractor finds in FILE's lines (distinct people, the most
//       frequent one's share) and how fast it extracts them on T threads:
//       the in-process ceiling of ingest, without Kafka or RocksDB
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "tools/loadgen.h"
#include "tools/read_file.h"

ABSL_FLAG(std::string, articles, "", "Directory of template articles (<id>.json envelopes)");
ABSL_FLAG(uint64_t, seed, 1, "Seed: the same seed and N give the same articles");
ABSL_FLAG(std::string, out, "", "Output file (default: stdout)");
ABSL_FLAG(int64_t, people, 0, "Distinct people to draw from (default: max(100, N / 20))");
ABSL_FLAG(double, zipf, 0.95, "Zipf exponent of the people's mention counts");
ABSL_FLAG(std::string, report, "",
          "Instead of generating: extract FILE's lines, print who they name and the rate");
ABSL_FLAG(int, threads, 1, "With --report: extract on this many threads");

namespace parley::loadgen {
namespace {

absl::StatusOr<std::vector<Template>> LoadTemplates(const std::filesystem::path& dir) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && !name.ends_with(".gold.json")) {
      files.push_back(entry.path());
    }
  }
  if (error) return absl::NotFoundError(absl::StrCat(dir.string(), ": ", error.message()));
  // Sorted, so that a seed means the same articles whatever the listing order.
  std::sort(files.begin(), files.end());
  std::vector<Template> templates;
  for (const std::filesystem::path& file : files) {
    absl::StatusOr<std::string> contents = tools::ReadFile(file);
    if (!contents.ok()) return contents.status();
    absl::StatusOr<Template> t = MakeTemplate(file.stem().string(), *contents);
    // Articles the extractor refuses are left out, as parleyd would dead-letter them.
    if (t.ok()) templates.push_back(*std::move(t));
  }
  return templates;
}

int Generate(int64_t count) {
  absl::StatusOr<std::vector<Template>> templates = LoadTemplates(absl::GetFlag(FLAGS_articles));
  if (!templates.ok()) {
    std::cerr << "parley-loadgen: " << templates.status() << "\n";
    return 1;
  }
  NameParts parts = CollectNameParts(*templates);
  std::cerr << "parley-loadgen: " << templates->size() << " templates, " << parts.first.size()
            << " given names, " << parts.last.size() << " family names, " << parts.places.size()
            << " places\n";
  Options options{.seed = absl::GetFlag(FLAGS_seed),
                  .people = absl::GetFlag(FLAGS_people),
                  .count = count,
                  .zipf_exponent = absl::GetFlag(FLAGS_zipf)};
  absl::StatusOr<Generator> generator =
      Generator::Create(*std::move(templates), std::move(parts), options);
  if (!generator.ok()) {
    std::cerr << "parley-loadgen: " << generator.status() << "\n";
    return 1;
  }
  std::ofstream file;
  const std::string out_path = absl::GetFlag(FLAGS_out);
  if (!out_path.empty()) file.open(out_path, std::ios::binary | std::ios::trunc);
  std::ostream& out = out_path.empty() ? std::cout : file;
  for (int64_t i = 0; i < count && out; ++i) out << generator->Article(i) << '\n';
  out.flush();
  if (!out) {
    std::cerr << "parley-loadgen: cannot write " << (out_path.empty() ? "stdout" : out_path)
              << "\n";
    return 1;
  }
  std::cerr << "parley-loadgen: " << count << " articles, " << generator->people()
            << " people, the most frequent is \"" << generator->PersonName(0) << "\"\n";
  return 0;
}

// Extracts `lines` on `threads` threads; returns the merged report and the
// failures. Timed by the caller: this is the pipeline's in-process ceiling.
Report ExtractAll(const std::vector<std::string>& lines, int threads, int64_t& failed) {
  std::vector<Report> reports(static_cast<size_t>(threads));
  std::vector<int64_t> failures(static_cast<size_t>(threads));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (size_t i = static_cast<size_t>(t); i < lines.size(); i += threads) {
        if (absl::Status added = reports[t].Add(lines[i]); !added.ok()) {
          if (++failures[t] <= 3) std::cerr << "parley-loadgen: " << added << "\n";
        }
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  Report merged;
  failed = 0;
  for (int t = 0; t < threads; ++t) {
    failed += failures[t];
    merged.articles += reports[t].articles;
    merged.with_people += reports[t].with_people;
    merged.mentions += reports[t].mentions;
    for (const auto& [person, count] : reports[t].articles_per_person) {
      merged.articles_per_person[person] += count;
    }
  }
  return merged;
}

int PrintReport(const std::string& path, int threads) {
  absl::StatusOr<std::string> text = tools::ReadFile(path);
  if (!text.ok()) {
    std::cerr << "parley-loadgen: " << text.status() << "\n";
    return 1;
  }
  std::vector<std::string> lines = absl::StrSplit(*text, '\n', absl::SkipEmpty());
  int64_t bytes = 0;
  for (const std::string& line : lines) bytes += static_cast<int64_t>(line.size());
  int64_t failed = 0;
  const absl::Time start = absl::Now();
  Report report = ExtractAll(lines, std::max(threads, 1), failed);
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::cout << report.Summary() << ", not extracted " << failed << "\n";
  std::cout << absl::StrFormat(
      "extracted %d articles (%.1f MB) on %d threads in %.3f s: %.0f articles/s\n",
      lines.size(), static_cast<double>(bytes) / 1e6, threads, seconds,
      static_cast<double>(lines.size()) / std::max(seconds, 1e-9));
  return failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace parley::loadgen

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "parley-loadgen N --articles POOL_DIR [--seed S] [--out FILE] | --report FILE");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (const std::string report = absl::GetFlag(FLAGS_report); !report.empty()) {
    return parley::loadgen::PrintReport(report, absl::GetFlag(FLAGS_threads));
  }
  int64_t count = 0;
  if (args.size() != 2 || !absl::SimpleAtoi(args[1], &count) || count < 0 ||
      absl::GetFlag(FLAGS_articles).empty()) {
    std::cerr << "usage: parley-loadgen N --articles POOL_DIR [--seed S] [--out FILE]\n"
                 "       parley-loadgen --report FILE\n";
    return 2;
  }
  return parley::loadgen::Generate(count);
}
