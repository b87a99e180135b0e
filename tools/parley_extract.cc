// parley-extract: runs the extractor parleyd uses on article files and prints
// each event as one line of JSON (parley.v1.Event).
//
//   parley-extract FILE...
//   parley-extract --list LIST --articles DIR
//   parley-extract --fingerprint --list LIST --articles DIR
//
// A file is an article envelope (<id>.json) or a page-layout article (.txt);
// its stem is the article id. For looking at what the extractor makes of an
// article, and for diffing the extractor's output over a whole corpus before
// and after a change. Exit status 1 when any file cannot be read, decoded or
// extracted (reported on stderr; the other files are still printed).
//
// --list reads the article ids in LIST (one per line, "#" comments; see
// extract/data/fingerprint_articles.txt) from DIR (<id>.json, else <id>.txt)
// and prints their lines in that order. --fingerprint prints instead the
// extractor version and the fingerprint of those lines (tools/extract_output.h)
// next to the recorded one: recording a new fingerprint is this one command.
// With a list, a missing or failing article is an error (exit 1).
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "extract/extractor.h"
#include "tools/extract_output.h"
#include "tools/read_file.h"

ABSL_FLAG(std::string, list, "",
          "File of article ids, one per line; print (or fingerprint) those.");
ABSL_FLAG(std::string, articles, "", "Directory of the --list articles.");
ABSL_FLAG(bool, fingerprint, false,
          "With --list: print the extractor version and the fingerprint of the "
          "output instead of the output.");

namespace parley::tools {
namespace {

absl::StatusOr<std::string> ExtractFile(const std::filesystem::path& path) {
  PARLEY_ASSIGN_OR_RETURN(std::string contents, ReadFile(path));
  return ExtractArticleJson(path.stem().string(), contents);
}

int PrintFiles(const std::vector<char*>& args) {
  int status = 0;
  for (size_t i = 1; i < args.size(); ++i) {
    absl::StatusOr<std::string> json = ExtractFile(args[i]);
    if (!json.ok()) {
      std::cerr << args[i] << ": " << json.status() << "\n";
      status = 1;
      continue;
    }
    std::cout << *json << "\n";
  }
  return status;
}

absl::StatusOr<std::vector<std::string>> ReadList(const std::string& list) {
  PARLEY_ASSIGN_OR_RETURN(std::string text, ReadFile(list));
  absl::StatusOr<std::vector<std::string>> ids = ParseArticleList(text);
  if (!ids.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(list, ": ", ids.status().message()));
  }
  return ids;
}

ArticleReader DirectoryReader(const std::string& dir) {
  return [dir](const std::string& id) { return ReadArticle(dir, id); };
}

absl::Status PrintList(const std::vector<std::string>& ids, const std::string& dir) {
  return ForEachArticleLine(ids, DirectoryReader(dir),
                            [](const std::string& json) { std::cout << json << "\n"; });
}

absl::Status PrintFingerprint(const std::vector<std::string>& ids,
                              const std::string& dir) {
  PARLEY_ASSIGN_OR_RETURN(
      Fingerprint fingerprint,
      FingerprintArticles(ids, DirectoryReader(dir)));
  const bool same = fingerprint.hex == kExtractorFingerprint;
  std::cout << "kExtractorVersion " << kExtractorVersion << "\n"
            << "kExtractorFingerprint " << fingerprint.hex << "\n"
            << "articles " << fingerprint.articles << "\n"
            << "recorded " << kExtractorFingerprint
            << (same ? " (same)"
                     : " (differs: bump kExtractorVersion in extract/extractor.h if that "
                       "is not done yet, then record kExtractorFingerprint above)")
            << "\n";
  return absl::OkStatus();
}

absl::Status RunList(const std::string& list, const std::string& dir, bool fingerprint) {
  if (dir.empty()) return absl::InvalidArgumentError("--list needs --articles DIR");
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> ids, ReadList(list));
  return fingerprint ? PrintFingerprint(ids, dir) : PrintList(ids, dir);
}

int Main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Prints what the extractor makes of articles, one JSON event per line.\n"
      "  parley-extract FILE...\n"
      "  parley-extract [--fingerprint] --list LIST --articles DIR");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  const std::string list = absl::GetFlag(FLAGS_list);
  if (list.empty()) {
    if (absl::GetFlag(FLAGS_fingerprint) || args.size() < 2) {
      std::cerr << "usage: parley-extract FILE...\n"
                   "       parley-extract [--fingerprint] --list LIST --articles DIR\n";
      return 2;
    }
    return PrintFiles(args);
  }
  if (args.size() > 1) {
    std::cerr << "parley-extract: --list and FILE arguments are exclusive\n";
    return 2;
  }
  const absl::Status status =
      RunList(list, absl::GetFlag(FLAGS_articles), absl::GetFlag(FLAGS_fingerprint));
  if (!status.ok()) {
    std::cerr << "parley-extract: " << status.message() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace parley::tools

int main(int argc, char** argv) { return parley::tools::Main(argc, argv); }
