#include "eval/scorer.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/text.h"

namespace parley::eval {
namespace {

// Maximum one-to-one matching between answer items [0, answer_count) and
// gold items [0, gold_count) under `matches(answer, gold)` (Kuhn's
// augmenting paths). Containment is not transitive, so greedy pairing could
// leave a gold item unmatched that another assignment would cover; the lists
// are short, so the O(V*E) search is cheap. Returns, per answer item, the
// gold index it is paired with.
std::vector<std::optional<size_t>> MatchOneToOne(
    size_t answer_count, size_t gold_count,
    const std::function<bool(size_t, size_t)>& matches) {
  std::vector<std::vector<bool>> edges(answer_count,
                                       std::vector<bool>(gold_count));
  for (size_t a = 0; a < answer_count; ++a) {
    for (size_t g = 0; g < gold_count; ++g) edges[a][g] = matches(a, g);
  }
  std::vector<std::optional<size_t>> answer_of_gold(gold_count);
  std::function<bool(size_t, std::vector<bool>&)> augment =
      [&](size_t a, std::vector<bool>& visited) {
        for (size_t g = 0; g < gold_count; ++g) {
          if (!edges[a][g] || visited[g]) continue;
          visited[g] = true;
          if (!answer_of_gold[g] || augment(*answer_of_gold[g], visited)) {
            answer_of_gold[g] = a;
            return true;
          }
        }
        return false;
      };
  for (size_t a = 0; a < answer_count; ++a) {
    std::vector<bool> visited(gold_count);
    augment(a, visited);
  }
  std::vector<std::optional<size_t>> gold_of_answer(answer_count);
  for (size_t g = 0; g < gold_count; ++g) {
    if (answer_of_gold[g]) gold_of_answer[*answer_of_gold[g]] = g;
  }
  return gold_of_answer;
}

// Scores a list field: matches answer items against gold items one-to-one
// and records counts, misses and false hits. Returns the pairing.
std::vector<std::optional<size_t>> ScoreList(
    size_t answer_count, size_t gold_count,
    const std::function<bool(size_t, size_t)>& matches,
    const std::function<std::string(size_t)>& describe_answer,
    const std::function<std::string(size_t)>& describe_gold,
    FieldCounts& counts) {
  std::vector<std::optional<size_t>> pairing =
      MatchOneToOne(answer_count, gold_count, matches);
  std::vector<bool> gold_matched(gold_count);
  counts.answered += static_cast<int>(answer_count);
  counts.gold += static_cast<int>(gold_count);
  for (size_t a = 0; a < answer_count; ++a) {
    if (pairing[a]) {
      ++counts.true_positives;
      gold_matched[*pairing[a]] = true;
    } else {
      counts.false_hits.push_back(describe_answer(a));
    }
  }
  for (size_t g = 0; g < gold_count; ++g) {
    if (!gold_matched[g]) counts.misses.push_back(describe_gold(g));
  }
  return pairing;
}

// Scores a list of plain strings against gold strings.
template <typename AnswerList>
void ScoreStrings(const AnswerList& answers,
                  std::function<std::string(size_t)> answer_text,
                  const std::vector<std::string>& gold,
                  const std::function<bool(const std::string&,
                                           const std::string&)>& matches,
                  FieldCounts& counts) {
  ScoreList(
      answers.size(), gold.size(),
      [&](size_t a, size_t g) { return matches(answer_text(a), gold[g]); },
      answer_text, [&](size_t g) { return gold[g]; }, counts);
}

// Scores a single-valued field; empty means "not given".
void ScoreSingle(const std::string& answer, const std::string& gold,
                 const std::function<bool(const std::string&,
                                          const std::string&)>& matches,
                 FieldCounts& counts) {
  const bool answered = !answer.empty();
  const bool gold_given = !gold.empty();
  counts.answered += answered ? 1 : 0;
  counts.gold += gold_given ? 1 : 0;
  if (answered && gold_given && matches(answer, gold)) {
    ++counts.true_positives;
    return;
  }
  if (answered) counts.false_hits.push_back(answer);
  if (gold_given) counts.misses.push_back(gold);
}

// Scores one attribute of a matched participant pair. Misses and false hits
// are prefixed with the gold name so that the verbose report says whose
// attribute it was.
void ScoreAttribute(const std::string& person, const std::string& answer,
                    const std::string& gold,
                    const std::function<bool(const std::string&,
                                             const std::string&)>& matches,
                    FieldCounts& counts) {
  FieldCounts single;
  ScoreSingle(answer, gold, matches, single);
  counts.true_positives += single.true_positives;
  counts.answered += single.answered;
  counts.gold += single.gold;
  for (const std::string& miss : single.misses) {
    counts.misses.push_back(absl::StrCat(person, ": ", miss));
  }
  for (const std::string& hit : single.false_hits) {
    counts.false_hits.push_back(absl::StrCat(person, ": ", hit));
  }
}

bool FoldedEqual(const std::string& answer, const std::string& gold) {
  return FoldForMatch(answer) == FoldForMatch(gold);
}

bool ContainsEitherWayString(const std::string& answer,
                             const std::string& gold) {
  return ContainsEitherWay(answer, gold);
}

std::string NormalizeCountryCode(std::string_view code) {
  return absl::AsciiStrToUpper(absl::StripAsciiWhitespace(
      absl::string_view(code.data(), code.size())));
}

std::string EventTypeName(v1::EventType type) {
  if (type == v1::EVENT_TYPE_UNSPECIFIED) return "";
  return absl::AsciiStrToLower(v1::EventType_Name(type));
}

// Keeps verbose reports readable: quotes can run to paragraphs.
std::string Abbreviate(std::string_view text, size_t max_bytes = 80) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  // Do not split a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return absl::StrCat(std::string(text.substr(0, cut)), "...");
}

void ScoreParticipants(const v1::Event& answer, const Gold& gold,
                       ArticleScore& score) {
  const auto& answered = answer.participants();
  std::vector<std::optional<size_t>> pairing = ScoreList(
      answered.size(), gold.participants.size(),
      [&](size_t a, size_t g) {
        return NamesMatch(answered[a].name(), gold.participants[g].name);
      },
      [&](size_t a) { return answered[a].name(); },
      [&](size_t g) { return gold.participants[g].name; },
      score[Field::kParticipants]);
  for (size_t a = 0; a < pairing.size(); ++a) {
    if (!pairing[a]) continue;
    const v1::EventParticipant& found = answered[a];
    const GoldParticipant& expected = gold.participants[*pairing[a]];
    ScoreAttribute(expected.name, found.rank(), expected.rank, FoldedEqual,
                   score[Field::kRank]);
    ScoreAttribute(expected.name, found.role(), expected.role,
                   ContainsEitherWayString, score[Field::kRole]);
    ScoreAttribute(expected.name, found.organization(), expected.organization,
                   ContainsEitherWayString, score[Field::kOrganization]);
  }
}

}  // namespace

const std::array<Field, kFieldCount>& AllFields() {
  static constexpr std::array<Field, kFieldCount> kFields = {
      Field::kParticipants, Field::kRank,      Field::kRole,
      Field::kOrganization, Field::kEventType, Field::kStartDate,
      Field::kEndDate,      Field::kLocations, Field::kOrganizations,
      Field::kCountries,    Field::kQuotes,    Field::kTopics};
  return kFields;
}

std::string_view FieldName(Field field) {
  switch (field) {
    case Field::kParticipants: return "participants";
    case Field::kRank: return "rank";
    case Field::kRole: return "role";
    case Field::kOrganization: return "organization";
    case Field::kEventType: return "event_type";
    case Field::kStartDate: return "start_date";
    case Field::kEndDate: return "end_date";
    case Field::kLocations: return "locations";
    case Field::kOrganizations: return "organizations";
    case Field::kCountries: return "countries";
    case Field::kQuotes: return "quotes";
    case Field::kTopics: return "topics";
  }
  return "unknown";
}

std::vector<std::string> NameTokens(std::string_view name) {
  const std::string folded = FoldForMatch(name);
  std::vector<std::string> tokens;
  std::string current;
  for (char c : folded) {
    // FoldForMatch has already turned every Unicode space into ' '.
    if (c == ' ' || c == ',' || c == '.') {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

bool NamesMatch(std::string_view answer, std::string_view gold) {
  std::vector<std::string> answer_tokens = NameTokens(answer);
  return !answer_tokens.empty() && answer_tokens == NameTokens(gold);
}

bool ContainsEitherWay(std::string_view answer, std::string_view gold) {
  const std::string folded_answer = FoldForMatch(answer);
  const std::string folded_gold = FoldForMatch(gold);
  if (folded_answer.empty() || folded_gold.empty()) return false;
  return folded_answer.find(folded_gold) != std::string::npos ||
         folded_gold.find(folded_answer) != std::string::npos;
}

std::string FoldQuoteText(std::string_view text) {
  std::string without_double_quotes;
  for (char c : FoldForMatch(text)) {
    if (c != '"') without_double_quotes.push_back(c);
  }
  // Removing a quote mark can leave two spaces side by side or one at an
  // end; folding again collapses and trims them.
  std::string folded = FoldForMatch(without_double_quotes);
  size_t begin = folded.find_first_not_of("' ");
  if (begin == std::string::npos) return "";
  size_t end = folded.find_last_not_of("' ");
  return folded.substr(begin, end - begin + 1);
}

bool QuoteMatches(const v1::Quote& answer, const GoldQuote& gold) {
  if (!NamesMatch(answer.speaker(), gold.speaker)) return false;
  const std::string expected_start = FoldQuoteText(gold.starts_with);
  if (expected_start.empty()) return false;
  return FoldQuoteText(answer.text()).starts_with(expected_start);
}

ArticleScore ScoreEvent(const v1::Event& answer, const Gold& gold) {
  ArticleScore score;
  score.id = gold.id;

  ScoreParticipants(answer, gold, score);

  ScoreSingle(EventTypeName(answer.type()), gold.event_type, FoldedEqual,
              score[Field::kEventType]);
  ScoreSingle(answer.start_date(), gold.start_date, FoldedEqual,
              score[Field::kStartDate]);
  ScoreSingle(answer.end_date(), gold.end_date, FoldedEqual,
              score[Field::kEndDate]);

  ScoreStrings(
      answer.locations(),
      [&](size_t a) { return answer.locations()[a].name(); }, gold.locations,
      ContainsEitherWayString, score[Field::kLocations]);
  ScoreStrings(
      answer.organizations(),
      [&](size_t a) { return answer.organizations()[a].name(); },
      gold.organizations, ContainsEitherWayString,
      score[Field::kOrganizations]);
  ScoreStrings(
      answer.topics(), [&](size_t a) { return answer.topics()[a].name(); },
      gold.topics, ContainsEitherWayString, score[Field::kTopics]);

  const auto& countries = answer.countries();
  ScoreList(
      countries.size(), gold.countries.size(),
      [&](size_t a, size_t g) {
        const std::string code = NormalizeCountryCode(countries[a].code());
        return !code.empty() && code == NormalizeCountryCode(gold.countries[g]);
      },
      [&](size_t a) {
        return countries[a].code().empty()
                   ? absl::StrCat("(no code) ", countries[a].name())
                   : countries[a].code();
      },
      [&](size_t g) { return gold.countries[g]; }, score[Field::kCountries]);

  const auto& quotes = answer.quotes();
  ScoreList(
      quotes.size(), gold.quotes.size(),
      [&](size_t a, size_t g) { return QuoteMatches(quotes[a], gold.quotes[g]); },
      [&](size_t a) {
        return absl::StrCat(quotes[a].speaker(), ": \"",
                            Abbreviate(quotes[a].text()), "\"");
      },
      [&](size_t g) {
        return absl::StrCat(gold.quotes[g].speaker, ": \"",
                            gold.quotes[g].starts_with, "...\"");
      },
      score[Field::kQuotes]);
  return score;
}

Summary Summarize(const std::vector<ArticleScore>& scores) {
  Summary summary;
  summary.articles = static_cast<int>(scores.size());
  for (Field field : AllFields()) {
    FieldMetrics& metrics = summary.fields[static_cast<size_t>(field)];
    for (const ArticleScore& score : scores) {
      metrics.true_positives += score[field].true_positives;
      metrics.answered += score[field].answered;
      metrics.gold += score[field].gold;
    }
    // Empty denominators score 0; see FieldMetrics in scorer.h for why.
    metrics.precision =
        metrics.answered > 0
            ? static_cast<double>(metrics.true_positives) / metrics.answered
            : 0.0;
    metrics.recall =
        metrics.gold > 0
            ? static_cast<double>(metrics.true_positives) / metrics.gold
            : 0.0;
    const double sum = metrics.precision + metrics.recall;
    metrics.f1 = sum > 0 ? 2 * metrics.precision * metrics.recall / sum : 0.0;
  }
  return summary;
}

}  // namespace parley::eval
