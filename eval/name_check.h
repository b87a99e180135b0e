// Bad served names and roles, found without gold: participant names that
// hold a role word, a verb or a common noun ("Resources Richard Verma",
// "Modi Leaves", "Emergency Plan"), and roles that start with a conjunction,
// a preposition or punctuation or end in a tail ("and Prime Minister",
// "President, Today"). Behind `parley-eval --name_report`.
//
// Common words are told from names by how the articles themselves write
// them: a word the articles write in lower case in mid-sentence at least as
// often as capitalised ("plan", "continues") is a common word, one they
// capitalise more often ("Young", "Mark", "Rice") is not. Role words, verbs
// and function words come from the extractor's lexicon (extract/lexicon.h).
// Pure: the caller decodes the articles and runs the extractor.
#ifndef PARLEY_EVAL_NAME_CHECK_H_
#define PARLEY_EVAL_NAME_CHECK_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "extract/article.h"
#include "parley/v1/event.pb.h"

namespace parley::eval {

// How often the articles write each word (ASCII case-folded) in
// mid-sentence: in lower case, capitalised, and capitalised right after
// "the". Headlines, sentence-initial words and all-capital words do not count.
class WordCaseStats {
 public:
  struct Counts {
    int lower = 0;
    int capitalised = 0;
    int after_the = 0;
  };

  void AddArticle(const NormalizedArticle& article);
  // Adds counts directly (tests).
  void Add(std::string_view word, const Counts& counts);
  Counts Get(std::string_view word) const;

 private:
  absl::flat_hash_map<std::string, Counts> counts_;
};

// Problem kinds, in the order a name or role is checked (a name gets the first
// that applies). Names:
//   kRoleWord    a title word, rank or honorific ("Resources Richard Verma",
//                "RAdm Gurcharan Singh")
//   kVerb        after the first word, an event or speech verb, or a word
//                ending in -s that the articles never capitalise in
//                mid-sentence ("Modi Leaves", "Biden Continues"); before the
//                last word, a common word ending in -ed or -ing ("Fighting
//                Checkmates")
//   kCommonNoun  every word a common word ("Emergency Plan"), the first two
//                of three or more ("Transnational Crime Tiffany Eppelheimer"),
//                a word the articles write only in lower case, or a common
//                word glued before a name served on its own elsewhere
//                ("Economics Daleep Singh" beside "Daleep Singh")
//   kGluedWord   a word the articles write after "the", glued before a name
//                served on its own elsewhere ("Americas Chris Dodd")
// Roles:
//   kRoleStart   starts with a conjunction, a preposition, punctuation or a
//                time word ("and Prime Minister", "to President", ") Speaker",
//                "Today Vice President")
//   kRoleTail    ends in a conjunction, preposition or punctuation ("Secretary
//                of", "Mayor &"), or a comma, semicolon or colon is followed by
//                a time word or a common word outside any title ("President,
//                Today")
enum class Problem { kRoleWord, kVerb, kCommonNoun, kGluedWord, kRoleStart, kRoleTail };
inline constexpr int kProblemCount = 6;

// "role_word", "verb", "common_noun", "glued_word", "role_start", "role_tail".
std::string_view ProblemName(Problem problem);

struct Finding {
  Problem problem = Problem::kRoleWord;
  std::string word;  // the word that shows it ("Resources"; "and" for a role)
};

class NameChecker {
 public:
  // `served_names`: every participant name served over the articles, so that
  // a word glued before a name served elsewhere can be seen.
  NameChecker(const WordCaseStats* stats, std::vector<std::string> served_names);

  // The first problem of a served name or role, if any.
  bool CheckName(std::string_view name, Finding* finding) const;
  bool CheckRole(std::string_view role, Finding* finding) const;

 private:
  bool IsCommon(std::string_view word) const;
  bool IsOnlyLowerCase(std::string_view word) const;
  bool IsUncapitalisedVerbForm(std::string_view word) const;
  bool GluedBeforeServedName(const std::vector<std::string_view>& words) const;

  const WordCaseStats* stats_;
  absl::flat_hash_set<std::string> served_;  // ASCII case-folded
};

// One article's served event, as the report reads it.
struct ArticleEvent {
  std::string id;
  v1::Event event;
};

struct NameFinding {
  std::string article_id;
  std::string name;  // the participant's served name
  std::string role;  // its served role (empty if none)
  bool about_role = false;
  Finding finding;
};

struct NameReport {
  int articles = 0;
  int participants = 0;
  int roles = 0;
  int counts[kProblemCount] = {};
  std::vector<NameFinding> findings;  // by problem, then article id, then name
};

NameReport BuildNameReport(const std::vector<ArticleEvent>& events, const WordCaseStats& stats);

// Counts per problem, then one line per finding.
std::string FormatNameReportText(const NameReport& report);
// {"articles":N,"participants":N,"roles":N,"counts":{"role_word":N,…},
//  "findings":[{"article":…,"problem":…,"name":…,"role":…,"word":…},…]}
std::string FormatNameReportJson(const NameReport& report);

}  // namespace parley::eval

#endif  // PARLEY_EVAL_NAME_CHECK_H_
