#include "eval/name_check.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "extract/calendar.h"
#include "extract/lexicon.h"
#include "extract/tokens.h"

namespace parley::eval {
namespace {

namespace ei = ::parley::extract_internal;

std::string Fold(std::string_view word) {
  std::string folded(word);
  for (char& c : folded) c = absl::ascii_tolower(static_cast<unsigned char>(c));
  return folded;
}

bool IsAsciiAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }

// Typographic punctuation (U+2000-U+206F: dashes, curly quotes, bullets).
bool StartsWithPunctuation(std::string_view s) {
  if (s.empty()) return false;
  if (static_cast<unsigned char>(s[0]) < 0x80) return !IsAsciiAlnum(s[0]);
  return s.size() >= 2 && s[0] == '\xE2' && (s[1] == '\x80' || s[1] == '\x81');
}

bool EndsWithPunctuation(std::string_view s) {
  if (s.empty()) return false;
  const char last = s.back();
  if (last == ')' || last == '.') return false;  // "(EAM)", "Rep."
  if (static_cast<unsigned char>(last) < 0x80) return !IsAsciiAlnum(last);
  return s.size() >= 3 && s[s.size() - 3] == '\xE2' && s[s.size() - 2] == '\x80';
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  for (std::string_view w : ei::Split(s, ' ', /*skip_empty=*/true)) words.push_back(w);
  return words;
}

// The word without trailing commas and periods ("Jr.," -> "Jr").
std::string_view Bare(std::string_view word) {
  while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
  return word;
}

bool IsOneOf(std::string_view folded, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), folded) != words.end();
}

bool IsConnective(std::string_view folded) {
  return IsOneOf(folded, {"and", "or", "but", "nor", "plus", "&", "to", "for", "of", "by",
                          "with", "from", "at", "in", "on", "as", "than", "into", "the",
                          "a", "an"});
}

bool IsTimeWord(std::string_view word) {
  const std::string folded = Fold(word);
  return IsOneOf(folded, {"today", "yesterday", "tomorrow", "tonight"}) ||
         ei::WeekdayFromName(word) != 0 || MonthFromName(word) != 0;
}

// A single-word rank as written, or written in capitals ("RAdm" -> "RADM").
bool IsRank(std::string_view word) {
  std::string expanded;
  for (const std::string& text : {std::string(word), absl::AsciiStrToUpper(std::string(word))}) {
    // A token as the tokenizer makes it: the rank rules read its flags.
    ei::Token token;
    token.kind = ei::TokenKind::kWord;
    token.text = text;
    token.cap = absl::ascii_isupper(static_cast<unsigned char>(text[0]));
    token.upper_inside = std::any_of(text.begin() + 1, text.end(), [](char c) {
      return absl::ascii_isupper(static_cast<unsigned char>(c));
    });
    token.flags = ei::ComputeWordFlags(token);
    if (ei::MatchRank({token}, 0, 1, &expanded) == 1) return true;
  }
  return false;
}

bool IsRoleWordPart(std::string_view word) {
  return ei::IsTitleHead(word) || ei::IsTitleModifier(word) || ei::IsHonorific(word) ||
         IsRank(word);
}

// Title words, ranks and honorifics; a hyphenated word when every part is one
// ("Vice-Admiral"; not "Al-Sheikh").
bool IsRoleWord(std::string_view word) {
  if (IsRoleWordPart(word)) return true;
  if (word.find('-') == std::string_view::npos) return false;
  for (std::string_view part : ei::Split(word, '-')) {
    if (part.empty() || !IsRoleWordPart(part)) return false;
  }
  return true;
}

bool IsTitleOrOrgWord(std::string_view word) {
  return IsRoleWord(word) || ei::IsOrgWord(word) || ei::IsOrgHead(word);
}

// Words of a name that can show a problem: not initials, particles or
// suffixes ("S", "bin", "Jr.").
std::vector<std::string_view> ContentWords(std::string_view name) {
  std::vector<std::string_view> content;
  for (std::string_view word : SplitWords(name)) {
    const std::string_view bare = Bare(word);
    if (bare.size() <= 1 || ei::IsNameParticle(bare)) continue;
    if (IsOneOf(Fold(bare), {"jr", "sr", "ii", "iii", "iv"})) continue;
    content.push_back(bare);
  }
  return content;
}

}  // namespace

// --- WordCaseStats -----------------------------------------------------------

void WordCaseStats::AddArticle(const NormalizedArticle& article) {
  const ei::Document doc = ei::BuildDocument(article);
  for (const ei::Sentence& sentence : doc.sentences) {
    if (sentence.kind != ParagraphKind::kBody || sentence.credit) continue;
    bool first_word = true;
    const ei::Token* previous = nullptr;
    for (int i = sentence.first_token; i < sentence.last_token; ++i) {
      const ei::Token& token = doc.tokens[i];
      if (!token.IsWord()) {
        previous = nullptr;
        continue;
      }
      if (!first_word && !(token.all_caps && token.text.size() > 1)) {
        Counts& counts = counts_[Fold(token.Bare())];
        if (token.cap) {
          ++counts.capitalised;
          if (previous != nullptr && Fold(previous->text) == "the") ++counts.after_the;
        } else {
          ++counts.lower;
        }
      }
      first_word = false;
      previous = &token;
    }
  }
}

void WordCaseStats::Add(std::string_view word, const Counts& counts) {
  Counts& sum = counts_[Fold(word)];
  sum.lower += counts.lower;
  sum.capitalised += counts.capitalised;
  sum.after_the += counts.after_the;
}

WordCaseStats::Counts WordCaseStats::Get(std::string_view word) const {
  auto it = counts_.find(Fold(word));
  return it == counts_.end() ? Counts() : it->second;
}

// --- NameChecker -------------------------------------------------------------

std::string_view ProblemName(Problem problem) {
  switch (problem) {
    case Problem::kRoleWord: return "role_word";
    case Problem::kVerb: return "verb";
    case Problem::kCommonNoun: return "common_noun";
    case Problem::kGluedWord: return "glued_word";
    case Problem::kRoleStart: return "role_start";
    case Problem::kRoleTail: return "role_tail";
  }
  return "unknown";
}

NameChecker::NameChecker(const WordCaseStats* stats, std::vector<std::string> served_names)
    : stats_(stats) {
  for (std::string& name : served_names) served_.insert(Fold(name));
}

// Written in lower case in mid-sentence at least 3 times and at least as
// often as capitalised.
bool NameChecker::IsCommon(std::string_view word) const {
  const WordCaseStats::Counts c = stats_->Get(word);
  return c.lower >= 3 && c.lower >= c.capitalised;
}

// Never capitalised in mid-sentence, and written in lower case 5 times or more.
bool NameChecker::IsOnlyLowerCase(std::string_view word) const {
  const WordCaseStats::Counts c = stats_->Get(word);
  return c.capitalised == 0 && c.lower >= 5;
}

// A third-person verb form: ends in -s, never capitalised in mid-sentence,
// and the articles write it, or its stem, in lower case ("Continues";
// "Leaves", from "leave").
bool NameChecker::IsUncapitalisedVerbForm(std::string_view word) const {
  const std::string folded = Fold(word);
  if (folded.size() < 4 || folded.back() != 's' || !IsAsciiAlnum(folded.front())) return false;
  const WordCaseStats::Counts c = stats_->Get(folded);
  if (c.capitalised > 0) return false;
  if (c.lower >= 1) return true;
  std::vector<std::string> stems = {folded.substr(0, folded.size() - 1)};
  if (folded.ends_with("es")) stems.push_back(folded.substr(0, folded.size() - 2));
  if (folded.ends_with("ies")) stems.push_back(folded.substr(0, folded.size() - 3) + "y");
  for (const std::string& stem : stems) {
    const WordCaseStats::Counts s = stats_->Get(stem);
    if (s.lower >= 2 && 4 * s.capitalised <= s.lower) return true;
  }
  return false;
}

// "Economics Daleep Singh" when "Daleep Singh" is served too.
bool NameChecker::GluedBeforeServedName(const std::vector<std::string_view>& words) const {
  if (words.size() < 3) return false;
  std::string rest;
  for (size_t i = 1; i < words.size(); ++i) {
    if (!rest.empty()) rest += ' ';
    rest.append(words[i]);
  }
  return served_.contains(Fold(rest));
}

bool NameChecker::CheckName(std::string_view name, Finding* finding) const {
  const std::vector<std::string_view> content = ContentWords(name);
  const std::vector<std::string_view> words = SplitWords(name);
  auto found = [finding](Problem problem, std::string_view word) {
    *finding = Finding{problem, std::string(word)};
    return true;
  };
  for (std::string_view word : content) {
    if (IsRoleWord(word)) return found(Problem::kRoleWord, word);
  }
  for (size_t i = 0; i < content.size(); ++i) {
    const std::string folded = Fold(content[i]);
    const bool lexicon_verb = ei::IsEventTrigger(folded) || ei::IsSpeechVerb(folded);
    if (i > 0 && (lexicon_verb || IsUncapitalisedVerbForm(content[i]))) {
      return found(Problem::kVerb, content[i]);
    }
    // Not the last word: surnames end in -ing too ("Robert Cooling").
    const bool verb_ending = i + 1 < content.size() && folded.size() >= 5 &&
                             (folded.ends_with("ed") || folded.ends_with("ing"));
    if (verb_ending && IsCommon(content[i])) return found(Problem::kVerb, content[i]);
    if (IsOnlyLowerCase(content[i])) return found(Problem::kCommonNoun, content[i]);
  }
  if (content.empty()) return false;
  const bool all_common = std::all_of(content.begin(), content.end(),
                                      [this](std::string_view w) { return IsCommon(w); });
  const WordCaseStats::Counts first = stats_->Get(content[0]);
  if (all_common && (content.size() > 1 || first.lower >= 4 * (first.capitalised + 1))) {
    return found(Problem::kCommonNoun, content[0]);
  }
  if (content.size() >= 3 && IsCommon(content[0]) && IsCommon(content[1])) {
    return found(Problem::kCommonNoun, content[0]);
  }
  if (!words.empty() && Bare(words[0]) == content[0] && GluedBeforeServedName(words)) {
    if (IsCommon(content[0])) return found(Problem::kCommonNoun, content[0]);
    if (first.after_the >= 2) return found(Problem::kGluedWord, content[0]);
  }
  return false;
}

bool NameChecker::CheckRole(std::string_view role, Finding* finding) const {
  const std::vector<std::string_view> words = SplitWords(role);
  if (words.empty()) return false;
  auto found = [finding](Problem problem, std::string_view word) {
    *finding = Finding{problem, std::string(word)};
    return true;
  };
  if (StartsWithPunctuation(words.front())) return found(Problem::kRoleStart, words.front());
  if (IsConnective(Fold(Bare(words.front()))) || IsTimeWord(Bare(words.front()))) {
    return found(Problem::kRoleStart, words.front());
  }
  if (EndsWithPunctuation(words.back()) || IsConnective(Fold(words.back()))) {
    return found(Problem::kRoleTail, words.back());
  }
  // A piece after ",", ";" or ":" that holds no title or organisation word
  // and starts with a time word or a common word: "President, Today".
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const char last = words[i].back();
    if (last != ',' && last != ';' && last != ':') continue;
    const std::string_view next = Bare(words[i + 1]);
    if (IsTimeWord(next)) return found(Problem::kRoleTail, next);
    bool titled = false;
    for (size_t k = i + 1; k < words.size() && !titled; ++k) {
      titled = IsTitleOrOrgWord(Bare(words[k]));
    }
    if (!titled && IsCommon(next)) return found(Problem::kRoleTail, next);
  }
  return false;
}

}  // namespace parley::eval
