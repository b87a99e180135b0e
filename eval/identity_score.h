// B-cubed scoring of participant identity (issue: one person, one
// participant) against eval/identity-gold/mentions.tsv. Pure (no I/O).
#ifndef PARLEY_EVAL_IDENTITY_SCORE_H_
#define PARLEY_EVAL_IDENTITY_SCORE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace parley::eval {

// One line of mentions.tsv: a served name in an article and the person it
// denotes.
struct IdentityMention {
  std::string article_id;
  std::string name;
  std::string person;
};

// Parses mentions.tsv ("#" lines are comments). INVALID_ARGUMENT naming the
// line for a row without exactly three non-empty fields, or a repeated
// (article, name) pair.
absl::StatusOr<std::vector<IdentityMention>> ParseIdentityMentions(std::string_view tsv);

struct IdentityScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  int mentions = 0;
  int people = 0;
  // People whose mentions got more than one id, and ids given to more than
  // one person, each as "label: id, id" / "id: label, label".
  std::vector<std::string> split;
  std::vector<std::string> merged;
};

// B-cubed (Bagga and Baldwin) over mentions: precision averages, per mention,
// the share of the mentions with its predicted id that are the same person;
// recall the share of the same person's mentions that got its id.
IdentityScore ScoreIdentity(const std::vector<IdentityMention>& mentions,
                            const std::function<std::string(const IdentityMention&)>& id_of);

}  // namespace parley::eval

#endif  // PARLEY_EVAL_IDENTITY_SCORE_H_
