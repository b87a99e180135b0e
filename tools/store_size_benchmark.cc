// parley_store_size_benchmark: what RocksDB settings do to the store (issue
// 11). Builds the articles of a parley-loadgen file with the real extractor
// (as ingest does), then, for each setting, writes them all into a fresh
// store, compacts it, and prints in the same run: bytes on disk per article,
// per column family and in all, against the raw JSON; the write rate; and
// point-lookup and index prefix-scan times. Not a test: it prints figures.
//
//   build/tools/parley-loadgen 30000 --articles ../shared/corpus/pool --out a.tsv
//   build/tools/parley_store_size_benchmark --input a.tsv
//       [--settings baseline,baseline+zstd,tuned] [--lookups 20000]
//
// A setting is "tuned" (the store's own options, storage/store.cc) or
// "baseline" (the options before issue 11: LZ4, bloom 10, 4 KiB blocks in
// every family) followed by "+"-joined changes applied in order; --help
// lists them.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "common/text.h"
#include "ingest/article_builder.h"
#include "ingest/parallel_builder.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "storage/store.h"

ABSL_FLAG(std::string, input, "", "parley-loadgen output: one id<TAB>envelope line per article");
ABSL_FLAG(std::string, settings, "baseline,tuned", "Comma-separated settings to compare");
ABSL_FLAG(int64_t, lookups, 20000, "Point lookups and prefix scans timed per setting");
ABSL_FLAG(int64_t, cache_mb, 64, "Block cache (MiB), as parleyd's --block_cache_mb");
ABSL_FLAG(std::string, dir, "", "Where the stores are made (default: the temporary directory)");
ABSL_FLAG(int, threads, 0, "Extraction threads (default: all cores)");
ABSL_FLAG(int, write_batch, 1,
          "Articles per store write (parleyd writes the articles of one Kafka batch, up to 64, "
          "together)");
ABSL_FLAG(bool, scatter, true,
          "Prefix article ids with a hash, so that loadgen's copies of one pool article "
          "are not neighbours in key order");

namespace parley::bench {
namespace {

using storage::Family;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Families whose values are whole records, compressible text and protos.
bool IsRecord(Family family) {
  return family == Family::kArticles || family == Family::kEvents ||
         family == Family::kChangeLog;
}

void EditTable(rocksdb::ColumnFamilyOptions& options,
               const std::function<void(rocksdb::BlockBasedTableOptions&)>& edit) {
  rocksdb::BlockBasedTableOptions table =
      *options.table_factory->GetOptions<rocksdb::BlockBasedTableOptions>();
  edit(table);
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
}

using Change = std::function<void(Family, rocksdb::ColumnFamilyOptions&)>;

void SetDictionary(rocksdb::CompressionOptions& options) {
  options.enabled = true;
  options.max_dict_bytes = 16 << 10;
  options.zstd_max_train_bytes = 100 * options.max_dict_bytes;
}

const std::map<std::string, std::pair<std::string, Change>>& Changes() {
  static const auto* changes = new std::map<std::string, std::pair<std::string, Change>>{
      {"baseline",
       {"every family: LZ4, whole-key bloom 10 bits, 4 KiB blocks (before issue 11)",
        [](Family, rocksdb::ColumnFamilyOptions& o) {
          std::shared_ptr<rocksdb::Cache> cache =
              o.table_factory->GetOptions<rocksdb::BlockBasedTableOptions>()->block_cache;
          o = rocksdb::ColumnFamilyOptions();
          rocksdb::BlockBasedTableOptions table;
          table.block_cache = cache;
          table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
          o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
          o.compression = rocksdb::kLZ4Compression;
        }}},
      {"none", {"every family: no compression (the logical size)",
                [](Family, rocksdb::ColumnFamilyOptions& o) {
                  o.compression = rocksdb::kNoCompression;
                  o.bottommost_compression = rocksdb::kDisableCompressionOption;
                }}},
      {"zstd", {"every family: ZSTD at every level",
                [](Family, rocksdb::ColumnFamilyOptions& o) {
                  o.compression = rocksdb::kZSTD;
                }}},
      {"zstd_bottom", {"every family: ZSTD in the last level, LZ4 above",
                       [](Family, rocksdb::ColumnFamilyOptions& o) {
                         o.bottommost_compression = rocksdb::kZSTD;
                       }}},
      {"dict", {"record families: 16 KiB ZSTD dictionary in the last level",
                [](Family f, rocksdb::ColumnFamilyOptions& o) {
                  if (IsRecord(f)) SetDictionary(o.bottommost_compression_opts);
                }}},
      {"dict_index", {"index families and participants: 16 KiB ZSTD dictionary in the last level",
                      [](Family f, rocksdb::ColumnFamilyOptions& o) {
                        if (storage::IsIndexFamily(f) || f == Family::kParticipants) {
                          SetDictionary(o.bottommost_compression_opts);
                        }
                      }}},
      {"trained_dict", {"every family with a dictionary: trained by zstd's trainer (the store's "
                        "option until the dictionary was made of sampled blocks as they are)",
                        [](Family, rocksdb::ColumnFamilyOptions& o) {
                          o.bottommost_compression_opts.use_zstd_dict_trainer = true;
                        }}},
      {"zstd9", {"every family: ZSTD level 9 in the last level",
                 [](Family, rocksdb::ColumnFamilyOptions& o) {
                   o.bottommost_compression_opts.enabled = true;
                   o.bottommost_compression_opts.level = 9;
                 }}},
      {"block16k", {"record families: 16 KiB blocks",
                    [](Family f, rocksdb::ColumnFamilyOptions& o) {
                      if (IsRecord(f)) EditTable(o, [](auto& t) { t.block_size = 16 << 10; });
                    }}},
      {"block32k", {"record families: 32 KiB blocks",
                    [](Family f, rocksdb::ColumnFamilyOptions& o) {
                      if (IsRecord(f)) EditTable(o, [](auto& t) { t.block_size = 32 << 10; });
                    }}},
      {"block16k_index", {"index families and participants: 16 KiB blocks",
                          [](Family f, rocksdb::ColumnFamilyOptions& o) {
                            if (storage::IsIndexFamily(f) || f == Family::kParticipants) {
                              EditTable(o, [](auto& t) { t.block_size = 16 << 10; });
                            }
                          }}},
      {"no_scan_bloom", {"index families and change log: no filter (they are only scanned)",
                         [](Family f, rocksdb::ColumnFamilyOptions& o) {
                           if (storage::IsIndexFamily(f) || f == Family::kChangeLog) {
                             EditTable(o, [](auto& t) { t.filter_policy.reset(); });
                           }
                         }}},
      {"restart32", {"index families: key-prefix restart every 32 keys (16)",
                     [](Family f, rocksdb::ColumnFamilyOptions& o) {
                       if (storage::IsIndexFamily(f)) EditTable(o, [](auto& t) { t.block_restart_interval = 32; });
                     }}},
      {"ribbon", {"point-lookup families: Ribbon filter (10 bits' rate, ~30% smaller)",
                  [](Family f, rocksdb::ColumnFamilyOptions& o) {
                    if (!storage::IsIndexFamily(f) && f != Family::kChangeLog) {
                      EditTable(o, [](auto& t) {
                        t.filter_policy.reset(rocksdb::NewRibbonFilterPolicy(10));
                      });
                    }
                  }}},
  };
  return *changes;
}

// The options hook of a setting; an empty function for "tuned".
absl::StatusOr<Change> ParseSetting(const std::string& setting) {
  std::vector<Change> steps;
  std::vector<std::string> parts = absl::StrSplit(setting, '+');
  if (parts.front() != "tuned" && parts.front() != "baseline") {
    return absl::InvalidArgumentError(absl::StrCat(setting, ": starts with tuned or baseline"));
  }
  for (const std::string& part : parts) {
    if (part == "tuned") continue;
    auto it = Changes().find(part);
    if (it == Changes().end()) {
      return absl::InvalidArgumentError(absl::StrCat("unknown change ", part));
    }
    steps.push_back(it->second.second);
  }
  if (steps.empty()) return Change();
  return Change([steps](Family family, rocksdb::ColumnFamilyOptions& options) {
    for (const Change& step : steps) step(family, options);
  });
}

// Loadgen makes each article from one of the pool's ~1,900 (ids
// "{pool id}-g{seed}-{n}"): its copies sort together, and a data block of
// several copies compresses far better than real, distinct articles would.
// A hash prefix on the id (in the key and the envelope's "id") spreads them.
void Scatter(size_t index, std::string& id, std::string& envelope) {
  std::string scattered =
      absl::StrCat(absl::Hex(std::hash<size_t>()(index * 0x9E3779B97F4A7C15ULL) & 0xFFFF,
                             absl::kZeroPad4),
                   "-", id);
  envelope = absl::StrReplaceAll(envelope, {{absl::StrCat("\"", id, "\""),
                                            absl::StrCat("\"", scattered, "\"")}});
  id = std::move(scattered);
}

struct Articles {
  std::vector<storage::EncodedArticle> built;
  uint64_t raw_bytes = 0;  // the envelopes, as bench.sh counts them
};

// Extracts every line of `path` on `threads` threads (as parleyd's ingest
// does); lines the extractor refuses are left out, as parleyd dead-letters
// them.
absl::StatusOr<Articles> BuildArticles(const std::string& path, int threads) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::vector<ingest::IncomingMessage> messages;
  for (std::string line; std::getline(in, line);) {
    std::pair<std::string, std::string> kv = absl::StrSplit(line, absl::MaxSplits('\t', 1));
    if (absl::GetFlag(FLAGS_scatter)) Scatter(messages.size(), kv.first, kv.second);
    messages.push_back({.topic = "bench", .partition = 0,
                        .offset = static_cast<int64_t>(messages.size()),
                        .key = std::move(kv.first), .value = std::move(kv.second)});
  }
  ingest::ParallelBuilder builder(ingest::BuildOptions(), threads);
  Articles articles;
  ingest::ParallelBuilder::Results built = builder.Build(messages, 1700000000000);
  for (size_t i = 0; i < built.size(); ++i) {
    if (!built[i] || !built[i]->ok()) continue;
    articles.raw_bytes += messages[i].value.size();
    articles.built.push_back(**std::move(built[i]));
  }
  return articles;
}

struct Figures {
  std::map<Family, double> family_bytes;  // per article, SST files after compaction
  double dir_bytes = 0;                   // per article, every file but LOG*
  double write_rate = 0;                  // articles/s, WriteArticle calls
  double compact_seconds = 0;
  struct Reads {
    double get_event_us = 0, get_article_us = 0, scan_participant_us = 0, scan_org_us = 0,
           scan_name_us = 0;
  };
  Reads warm;    // with --cache_mb: the store fits
  Reads missed;  // with a 1 MiB cache: nearly every read decompresses its block, as in a
                 // store much larger than the cache
};

uint64_t DirectoryBytes(const std::filesystem::path& dir) {
  uint64_t bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with("LOG")) {
      bytes += entry.file_size();
    }
  }
  return bytes;
}

// Microseconds per call of `op` over `keys`, after one untimed pass that
// warms the block cache (parleyd's steady state).
double TimePerCall(const std::vector<std::string>& keys,
                   const std::function<void(const std::string&)>& op) {
  for (const std::string& key : keys) op(key);
  Clock::time_point start = Clock::now();
  for (const std::string& key : keys) op(key);
  return Seconds(start) * 1e6 / static_cast<double>(keys.size());
}

// Scan keys drawn from the stored events, in the shape queries use: a
// participant id or organisation term with its separator, a name prefix.
struct ReadKeys {
  std::vector<std::string> ids, participants, organizations, name_prefixes;
};

ReadKeys DrawReadKeys(const Articles& articles, int64_t count) {
  ReadKeys keys;
  std::mt19937_64 random(7);
  for (int64_t i = 0; i < count; ++i) {
    const storage::EncodedArticle& article = articles.built[random() % articles.built.size()];
    keys.ids.push_back(article.id);
    const v1::Event& event = article.event.event;
    if (event.participants_size() > 0) {
      const v1::EventParticipant& p = event.participants(random() % event.participants_size());
      std::string id(storage::ParticipantId(p.participant()));
      if (!id.empty()) keys.participants.push_back(id + std::string(1, '\0'));
      // SearchParticipants' shape: the first letters of a name's last word.
      std::string folded = FoldForMatch(p.name());
      std::string last = folded.substr(folded.rfind(' ') + 1);
      if (!last.empty()) keys.name_prefixes.push_back(last.substr(0, 3));
    }
    if (event.organizations_size() > 0) {
      std::string term = FoldForMatch(event.organizations(0).name());
      if (!term.empty()) keys.organizations.push_back(term + std::string(1, '\0'));
    }
  }
  return keys;
}

// Reads on a reopened store: its block cache starts empty, as after a restart.
absl::StatusOr<Figures::Reads> TimeReads(const ReadKeys& keys,
                                         const storage::StoreOptions& options) {
  absl::StatusOr<std::unique_ptr<storage::Store>> store = storage::Store::Open(options);
  if (!store.ok()) return store.status();
  storage::Store& s = **store;
  Figures::Reads reads;
  reads.get_event_us =
      TimePerCall(keys.ids, [&](const std::string& id) { (void)s.GetEvent(id); });
  reads.get_article_us =
      TimePerCall(keys.ids, [&](const std::string& id) { (void)s.GetArticle(id); });
  // A page of 20, as a ListEvents or SearchParticipants page reads.
  auto scan = [&](Family family) {
    return [&s, family](const std::string& prefix) {
      int left = 20;
      (void)s.Scan(family, prefix, "", [&left](std::string_view, std::string_view) {
        return --left > 0;
      });
    };
  };
  reads.scan_participant_us = TimePerCall(keys.participants, scan(Family::kParticipantIndex));
  reads.scan_org_us = TimePerCall(keys.organizations, scan(Family::kOrganizationIndex));
  reads.scan_name_us = TimePerCall(keys.name_prefixes, scan(Family::kNameIndex));
  return reads;
}

absl::StatusOr<Figures> Measure(const Articles& articles, const ReadKeys& keys,
                                const Change& change, const std::filesystem::path& path) {
  storage::StoreOptions options;
  options.path = path.string();
  options.block_cache_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_cache_mb)) << 20;
  options.tune_family = change;
  Figures figures;
  const double n = static_cast<double>(articles.built.size());
  {
    absl::StatusOr<std::unique_ptr<storage::Store>> store = storage::Store::Open(options);
    if (!store.ok()) return store.status();
    Clock::time_point start = Clock::now();
    // As ingest writes them: the articles of up to --write_batch
    // consecutive messages in one store write.
    const size_t per_write = static_cast<size_t>(std::max(1, absl::GetFlag(FLAGS_write_batch)));
    std::vector<const storage::EncodedArticle*> batch;
    for (size_t i = 0; i < articles.built.size(); i += per_write) {
      batch.clear();
      for (size_t j = i; j < std::min(articles.built.size(), i + per_write); ++j) {
        batch.push_back(&articles.built[j]);
      }
      absl::Status written = (*store)->WriteArticles(batch);
      if (!written.ok()) return written;
    }
    figures.write_rate = n / Seconds(start);
    start = Clock::now();
    if (absl::Status compacted = (*store)->Compact(); !compacted.ok()) return compacted;
    figures.compact_seconds = Seconds(start);
    for (int i = 0; i < storage::kFamilyCount; ++i) {
      const auto family = static_cast<Family>(i);
      figures.family_bytes[family] =
          static_cast<double>((*store)->FamilyIntProperty(family, "rocksdb.total-sst-files-size")
                                  .value_or(0)) / n;
    }
  }
  figures.dir_bytes = static_cast<double>(DirectoryBytes(path)) / n;
  absl::StatusOr<Figures::Reads> warm = TimeReads(keys, options);
  if (!warm.ok()) return warm.status();
  figures.warm = *warm;
  options.block_cache_bytes = 1 << 20;
  absl::StatusOr<Figures::Reads> missed = TimeReads(keys, options);
  if (!missed.ok()) return missed.status();
  figures.missed = *missed;
  return figures;
}

void PrintTables(const std::vector<std::string>& settings, const std::vector<Figures>& all,
                 const Articles& articles) {
  const double raw = static_cast<double>(articles.raw_bytes) / articles.built.size();
  std::cout << absl::StrFormat(
      "\n%d articles (ids %s), raw JSON %.0f B per article; reads: %d keys, cache warmed by "
      "one pass\n\n",
      articles.built.size(), absl::GetFlag(FLAGS_scatter) ? "scattered" : "as loadgen made them",
      raw, absl::GetFlag(FLAGS_lookups));
  std::cout << "| setting | B/article on disk | x raw JSON | write articles/s | compaction s "
               "| GetEvent us | GetArticle us | scan idx_participant us "
               "| scan idx_organization us | scan idx_name us |\n"
               "|---|---|---|---|---|---|---|---|---|---|\n";
  auto reads = [](const Figures::Reads& r) {
    return absl::StrFormat("%.1f | %.1f | %.1f | %.1f | %.1f", r.get_event_us, r.get_article_us,
                           r.scan_participant_us, r.scan_org_us, r.scan_name_us);
  };
  for (size_t i = 0; i < settings.size(); ++i) {
    const Figures& f = all[i];
    std::cout << absl::StrFormat("| %s | %.0f | %.2f | %.0f | %.1f | %s |\n", settings[i],
                                 f.dir_bytes, f.dir_bytes / raw, f.write_rate, f.compact_seconds,
                                 reads(f.warm));
    std::cout << absl::StrFormat("| ... 1 MiB cache | | | | | %s |\n", reads(f.missed));
  }
  std::cout << "\nB/article per column family (SST files after compaction)\n\n| family";
  for (const std::string& setting : settings) std::cout << " | " << setting;
  std::cout << " |\n|---" << std::string(settings.size() * 4, ' ') << "\n";
  for (int i = 0; i < storage::kFamilyCount; ++i) {
    const auto family = static_cast<Family>(i);
    std::cout << "| " << storage::FamilyName(family);
    for (const Figures& f : all) std::cout << absl::StrFormat(" | %.1f", f.family_bytes.at(family));
    std::cout << " |\n";
  }
}

int Run() {
  std::vector<std::string> settings = absl::StrSplit(absl::GetFlag(FLAGS_settings), ',');
  std::vector<Change> changes;
  for (const std::string& setting : settings) {
    absl::StatusOr<Change> change = ParseSetting(setting);
    if (!change.ok()) {
      std::cerr << "parley_store_size_benchmark: " << change.status() << "\n";
      return 2;
    }
    changes.push_back(*change);
  }
  int threads = absl::GetFlag(FLAGS_threads);
  if (threads <= 0) threads = std::max(1u, std::thread::hardware_concurrency());
  Clock::time_point start = Clock::now();
  absl::StatusOr<Articles> articles = BuildArticles(absl::GetFlag(FLAGS_input), threads);
  if (!articles.ok() || articles->built.empty()) {
    std::cerr << "parley_store_size_benchmark: no articles: "
              << (articles.ok() ? absl::NotFoundError("none extracted") : articles.status()) << "\n";
    return 1;
  }
  std::cerr << absl::StrFormat("built %d articles in %.0f s\n", articles->built.size(), Seconds(start));
  const ReadKeys keys = DrawReadKeys(*articles, absl::GetFlag(FLAGS_lookups));
  std::filesystem::path base = absl::GetFlag(FLAGS_dir).empty()
                                   ? std::filesystem::temp_directory_path()
                                   : std::filesystem::path(absl::GetFlag(FLAGS_dir));
  base /= absl::StrCat("parley-store-size-", std::random_device()());
  std::vector<Figures> all;
  for (size_t i = 0; i < settings.size(); ++i) {
    std::filesystem::path path = base / std::to_string(i);
    std::filesystem::create_directories(path);
    absl::StatusOr<Figures> figures = Measure(*articles, keys, changes[i], path);
    std::filesystem::remove_all(path);
    if (!figures.ok()) {
      std::cerr << "parley_store_size_benchmark: " << settings[i] << ": " << figures.status() << "\n";
      return 1;
    }
    std::cerr << absl::StrFormat("%s: %.0f B/article, %.0f articles/s\n", settings[i],
                                 figures->dir_bytes, figures->write_rate);
    all.push_back(*figures);
  }
  std::filesystem::remove_all(base);
  PrintTables(settings, all, *articles);
  return 0;
}

std::string SettingsHelp() {
  std::string help = "\nchanges a setting may add (after baseline or tuned, joined by +):\n";
  for (const auto& [name, change] : Changes()) absl::StrAppend(&help, "  ", name, ": ", change.first, "\n");
  return help;
}

}  // namespace
}  // namespace parley::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      absl::StrCat("parley_store_size_benchmark --input LOADGEN_FILE [--settings A,B,...]",
                   parley::bench::SettingsHelp()));
  absl::ParseCommandLine(argc, argv);
  if (absl::GetFlag(FLAGS_input).empty()) {
    std::cerr << "parley_store_size_benchmark: --input is required (see --help)\n";
    return 2;
  }
  return parley::bench::Run();
}
