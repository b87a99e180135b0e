#include "eval/identity_score.h"

#include <map>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/string_view.h"

namespace parley::eval {

absl::StatusOr<std::vector<IdentityMention>> ParseIdentityMentions(std::string_view tsv) {
  std::vector<IdentityMention> mentions;
  std::set<std::pair<std::string, std::string>> seen;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(ToAbsl(tsv), '\n')) {
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields = absl::StrSplit(line, '\t');
    if (fields.size() != 3 || fields[0].empty() || fields[1].empty() || fields[2].empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "identity mentions line ", line_number, ": expected article<TAB>name<TAB>person"));
    }
    if (!seen.emplace(fields[0], fields[1]).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("identity mentions line ", line_number, ": \"", fields[1],
                       "\" in ", fields[0], " is listed twice"));
    }
    mentions.push_back({fields[0], fields[1], fields[2]});
  }
  return mentions;
}

IdentityScore ScoreIdentity(const std::vector<IdentityMention>& mentions,
                            const std::function<std::string(const IdentityMention&)>& id_of) {
  IdentityScore score;
  std::vector<std::string> ids;
  std::map<std::string, std::map<std::string, int>> ids_of_person;  // person -> id -> mentions
  std::map<std::string, std::map<std::string, int>> people_of_id;   // id -> person -> mentions
  for (const IdentityMention& m : mentions) {
    // A mention without an id is its own cluster.
    std::string id = id_of(m);
    if (id.empty()) id = absl::StrCat("\x01unresolved:", m.article_id, ":", m.name);
    ++ids_of_person[m.person][id];
    ++people_of_id[id][m.person];
    ids.push_back(std::move(id));
  }
  double precision = 0;
  double recall = 0;
  for (size_t i = 0; i < mentions.size(); ++i) {
    int both = people_of_id[ids[i]][mentions[i].person];
    int predicted = 0;
    for (const auto& [person, n] : people_of_id[ids[i]]) predicted += n;
    int gold = 0;
    for (const auto& [id, n] : ids_of_person[mentions[i].person]) gold += n;
    precision += static_cast<double>(both) / predicted;
    recall += static_cast<double>(both) / gold;
  }
  score.mentions = static_cast<int>(mentions.size());
  score.people = static_cast<int>(ids_of_person.size());
  if (score.mentions > 0) {
    score.precision = precision / score.mentions;
    score.recall = recall / score.mentions;
    score.f1 = 2 * score.precision * score.recall / (score.precision + score.recall);
  }
  auto keys = [](const std::map<std::string, int>& m) {
    std::vector<std::string> out;
    for (const auto& [k, n] : m) out.push_back(absl::StrCat(k, " (", n, ")"));
    return absl::StrJoin(out, ", ");
  };
  for (const auto& [person, by_id] : ids_of_person) {
    if (by_id.size() > 1) score.split.push_back(absl::StrCat(person, ": ", keys(by_id)));
  }
  for (const auto& [id, by_person] : people_of_id) {
    if (by_person.size() > 1) score.merged.push_back(absl::StrCat(id, ": ", keys(by_person)));
  }
  return score;
}

}  // namespace parley::eval
