// parley-eval: scores the extractor against gold annotations.
//
//   parley-eval --articles DIR --gold DIR [--json] [--verbose]
//   parley-eval --name_report --articles DIR [--json]
//
// For every <id>.gold.json in --gold, reads <id>.json (article envelope) or
// <id>.txt (page layout) from --articles, runs the same DecodeArticle +
// ExtractEvent that parleyd runs, and scores the event with eval/scorer.h.
// Prints a table of precision/recall/F1 per field, or with --json one JSON
// object (see eval/report.h). --verbose adds each article's misses and false
// hits (with --json, as a "details" array).
//
// --name_report needs no gold: it runs the extractor over every article in
// --articles (<id>.json and <id>.txt) and lists the served participant names
// that hold a role word, a verb or a common noun, and the roles that start
// with a conjunction, preposition or punctuation or end in a tail, with
// counts per problem (eval/name_check.h). Articles that fail to decode or
// extract are reported on stderr and skipped.
//
// Exit status: 0 on success; 1 when a directory cannot be read, a gold file
// is unreadable or invalid, or a gold file has no article. An article that
// fails to decode or extract is scored as an empty event (the extractor found
// nothing) and reported on stderr, so one bad article does not hide the
// scores of the others.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/text.h"
#include "eval/gold.h"
#include "eval/identity_score.h"
#include "eval/name_check.h"
#include "eval/report.h"
#include "eval/scorer.h"
#include "extract/article.h"
#include "extract/extractor.h"
#include "identity/links.h"
#include "identity/person_key.h"
#include "tools/read_file.h"

ABSL_FLAG(std::string, articles, "",
          "Directory of articles: <id>.json (envelope) or <id>.txt (page).");
ABSL_FLAG(std::string, gold, "", "Directory of <id>.gold.json files.");
ABSL_FLAG(bool, json, false, "Print one JSON object instead of a table.");
ABSL_FLAG(bool, verbose, false,
          "Also print each article's misses and false hits.");
ABSL_FLAG(std::string, identity, "",
          "Instead of scoring events: B-cubed precision and recall of participant "
          "ids over an identity answer file (eval/identity-gold/mentions.tsv).");
ABSL_FLAG(bool, name_report, false,
          "Instead of scoring: list bad served names and roles over every "
          "article in --articles (no --gold).");

namespace parley::eval {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kGoldSuffix = ".gold.json";
// For absl::StrCat, whose absl::string_view is not std::string_view here.
constexpr char kGoldSuffixText[] = ".gold.json";

absl::Status CheckDirectory(const std::string& flag, const std::string& dir) {
  if (dir.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("--", flag, " is required"));
  }
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return absl::NotFoundError(
        absl::StrCat("--", flag, " ", dir, ": not a readable directory",
                     error ? absl::StrCat(" (", error.message(), ")") : ""));
  }
  return absl::OkStatus();
}

// Gold file paths in --gold, sorted by name so reports are reproducible.
absl::StatusOr<std::vector<fs::path>> ListGoldFiles(const std::string& dir) {
  std::vector<fs::path> files;
  std::error_code error;
  fs::directory_iterator it(dir, error);
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.size() > kGoldSuffix.size() && name.ends_with(kGoldSuffix)) {
      files.push_back(it->path());
    }
  }
  if (error) {
    return absl::UnavailableError(
        absl::StrCat("--gold ", dir, ": ", error.message()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Finds <id>.json, else <id>.txt, in the articles directory.
absl::StatusOr<fs::path> FindArticle(const std::string& dir,
                                     const std::string& id) {
  for (const char* extension : {".json", ".txt"}) {
    fs::path candidate = fs::path(dir) / (id + extension);
    std::error_code error;
    if (fs::is_regular_file(candidate, error)) return candidate;
  }
  return absl::NotFoundError(absl::StrCat("gold ", id, ": no article ", id,
                                          ".json or ", id, ".txt in ", dir));
}

// Decodes and extracts one article; an error here is the extractor's, not
// the evaluator's (see the exit status contract above).
absl::StatusOr<v1::Event> RunExtraction(const std::string& id,
                                        const std::string& contents) {
  PARLEY_ASSIGN_OR_RETURN(NormalizedArticle article,
                          DecodeArticle(id, contents, DecodeOptions()));
  return ExtractEvent(article, ExtractOptions());
}

absl::StatusOr<std::vector<ArticleScore>> ScoreAll(
    const std::string& articles_dir, const std::string& gold_dir) {
  PARLEY_RETURN_IF_ERROR(CheckDirectory("articles", articles_dir));
  PARLEY_RETURN_IF_ERROR(CheckDirectory("gold", gold_dir));
  PARLEY_ASSIGN_OR_RETURN(std::vector<fs::path> gold_files,
                          ListGoldFiles(gold_dir));
  if (gold_files.empty()) {
    return absl::NotFoundError(
        absl::StrCat("--gold ", gold_dir, ": no *", kGoldSuffixText, " files"));
  }

  std::vector<ArticleScore> scores;
  for (const fs::path& gold_path : gold_files) {
    const std::string file_name = gold_path.filename().string();
    const std::string id =
        file_name.substr(0, file_name.size() - kGoldSuffix.size());

    PARLEY_ASSIGN_OR_RETURN(std::string gold_json, tools::ReadFile(gold_path));
    absl::StatusOr<Gold> gold = ParseGold(gold_json);
    if (!gold.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(gold_path.string(), ": ", gold.status().message()));
    }
    if (gold->id != id) {
      return absl::InvalidArgumentError(
          absl::StrCat(gold_path.string(), ": id \"", gold->id,
                       "\" does not match the file name"));
    }

    PARLEY_ASSIGN_OR_RETURN(fs::path article_path,
                            FindArticle(articles_dir, id));
    PARLEY_ASSIGN_OR_RETURN(std::string contents, tools::ReadFile(article_path));
    absl::StatusOr<v1::Event> event = RunExtraction(id, contents);
    if (!event.ok()) {
      std::cerr << "parley-eval: " << article_path.string()
                << ": scored as empty: " << event.status() << "\n";
      event = v1::Event();
    }
    scores.push_back(ScoreEvent(*event, *gold));
  }
  return scores;
}

// Article files in the directory (<id>.json, <id>.txt; not gold files),
// sorted by name.
absl::StatusOr<std::vector<fs::path>> ListArticleFiles(const std::string& dir) {
  std::vector<fs::path> files;
  std::error_code error;
  fs::directory_iterator it(dir, error);
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    const fs::path& path = it->path();
    if (path.filename().string().ends_with(kGoldSuffix)) continue;
    if (path.extension() == ".json" || path.extension() == ".txt") files.push_back(path);
  }
  if (error) {
    return absl::UnavailableError(absl::StrCat("--articles ", dir, ": ", error.message()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Decodes and extracts every article, counting how each word is written.
absl::StatusOr<std::vector<ArticleEvent>> ExtractAll(const std::string& dir,
                                                     WordCaseStats* stats) {
  PARLEY_RETURN_IF_ERROR(CheckDirectory("articles", dir));
  PARLEY_ASSIGN_OR_RETURN(std::vector<fs::path> files, ListArticleFiles(dir));
  std::vector<ArticleEvent> events;
  for (const fs::path& path : files) {
    PARLEY_ASSIGN_OR_RETURN(std::string contents, tools::ReadFile(path));
    const std::string id = path.stem().string();
    absl::StatusOr<NormalizedArticle> article = DecodeArticle(id, contents, DecodeOptions());
    absl::StatusOr<v1::Event> event =
        article.ok() ? ExtractEvent(*article, ExtractOptions())
                     : absl::StatusOr<v1::Event>(article.status());
    if (!event.ok()) {
      std::cerr << "parley-eval: " << path.string() << ": skipped: " << event.status() << "\n";
      continue;
    }
    stats->AddArticle(*article);
    events.push_back(ArticleEvent{id, *std::move(event)});
  }
  return events;
}

int RunNameReport(const std::string& articles_dir, bool json) {
  WordCaseStats stats;
  absl::StatusOr<std::vector<ArticleEvent>> events = ExtractAll(articles_dir, &stats);
  if (!events.ok()) {
    std::cerr << "parley-eval: " << events.status().message() << "\n";
    return 1;
  }
  const NameReport report = BuildNameReport(*events, stats);
  std::cout << (json ? FormatNameReportJson(report) + "\n" : FormatNameReportText(report));
  return 0;
}

// Participant ids as ingest gives them (identity::PersonIdOf), scored
// against hand-made identity answers.
std::vector<identity::KnownPerson> KnownPeople(const std::vector<ArticleEvent>& events) {
  std::map<std::string, identity::KnownPerson> people;
  for (const ArticleEvent& article : events) {
    for (const v1::EventParticipant& p : article.event.participants()) {
      identity::PersonKey key = identity::PersonKeyOf(p.name());
      std::string id = identity::ParticipantIdOf(key);
      if (id.empty()) continue;
      identity::KnownPerson& person = people[id];
      person.id = id;
      person.key = key;
      person.Describe(FoldForMatch(p.role()), FoldForMatch(p.organization()));
    }
  }
  std::vector<identity::KnownPerson> out;
  for (auto& [id, person] : people) out.push_back(std::move(person));
  return out;
}

int RunIdentity(const std::string& mentions_file, const std::string& articles_dir, bool verbose) {
  absl::StatusOr<std::string> text = tools::ReadFile(mentions_file);
  absl::StatusOr<std::vector<IdentityMention>> mentions =
      text.ok() ? ParseIdentityMentions(*text) : text.status();
  if (!mentions.ok()) {
    std::cerr << "parley-eval: " << mentions.status().message() << "\n";
    return 1;
  }
  // With --articles, ids follow links among the people of those articles,
  // as a store holding them would answer.
  std::optional<identity::PersonDirectory> directory;
  std::map<std::pair<std::string, std::string>, std::string> served_ids;  // (article, name)
  if (!articles_dir.empty()) {
    WordCaseStats stats;
    absl::StatusOr<std::vector<ArticleEvent>> events = ExtractAll(articles_dir, &stats);
    if (!events.ok()) {
      std::cerr << "parley-eval: " << events.status().message() << "\n";
      return 1;
    }
    directory.emplace(KnownPeople(*events));
    for (const ArticleEvent& article : *events) {
      for (const v1::EventParticipant& p : article.event.participants()) {
        served_ids[{article.id, p.name()}] = identity::PersonIdOf(p.name());
      }
    }
  }
  IdentityScore score = ScoreIdentity(*mentions, [&](const IdentityMention& m) {
    auto served = served_ids.find({m.article_id, m.name});
    std::string id = served != served_ids.end() ? served->second : identity::PersonIdOf(m.name);
    return directory ? directory->RootOf(id) : id;
  });
  std::cout << "mentions " << score.mentions << ", people " << score.people << "\n"
            << "B-cubed precision " << score.precision << ", recall " << score.recall
            << ", F1 " << score.f1 << "\n"
            << "people split over several ids: " << score.split.size()
            << "; ids shared by several people: " << score.merged.size() << "\n";
  if (verbose) {
    for (const std::string& s : score.split) std::cout << "  split   " << s << "\n";
    for (const std::string& m : score.merged) std::cout << "  merged  " << m << "\n";
  }
  return 0;
}

int Main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Scores the extractor against gold annotations, or lists bad served names.\n"
      "  parley-eval --articles DIR --gold DIR [--json] [--verbose]\n"
      "  parley-eval --name_report --articles DIR [--json]\n"
      "  parley-eval --identity eval/identity-gold/mentions.tsv [--articles DIR] [--verbose]");
  absl::ParseCommandLine(argc, argv);
  if (!absl::GetFlag(FLAGS_identity).empty()) {
    return RunIdentity(absl::GetFlag(FLAGS_identity), absl::GetFlag(FLAGS_articles),
                       absl::GetFlag(FLAGS_verbose));
  }
  if (absl::GetFlag(FLAGS_name_report)) {
    return RunNameReport(absl::GetFlag(FLAGS_articles), absl::GetFlag(FLAGS_json));
  }

  absl::StatusOr<std::vector<ArticleScore>> scores =
      ScoreAll(absl::GetFlag(FLAGS_articles), absl::GetFlag(FLAGS_gold));
  if (!scores.ok()) {
    std::cerr << "parley-eval: " << scores.status().message() << "\n";
    return 1;
  }
  const Summary summary = Summarize(*scores);
  const bool verbose = absl::GetFlag(FLAGS_verbose);
  if (absl::GetFlag(FLAGS_json)) {
    std::cout << FormatJson(summary, verbose ? &*scores : nullptr) << "\n";
  } else {
    if (verbose) std::cout << FormatDetails(*scores) << "\n";
    std::cout << FormatTable(summary);
  }
  return 0;
}

}  // namespace
}  // namespace parley::eval

int main(int argc, char** argv) { return parley::eval::Main(argc, argv); }
