#include "extract/person_context.h"

#include <utility>

#include "extract/lexicon.h"

namespace parley::extract_internal {
namespace {

// "London-based", "British-origin", "Japan-born": adjectives, not names.
bool IsPlaceAdjective(std::string_view word) { return HasPlaceAdjectiveSuffix(word); }

// The per-token arrays of this thread's last context, kept for its next: two
// allocations per article otherwise, each large enough to make malloc
// consolidate its free lists. A context built while another lives (none is,
// today) finds them empty and allocates its own.
struct SpareArrays {
  std::vector<int> org_at;
  std::vector<signed char> name_cache;
};
SpareArrays& Spare() {
  thread_local SpareArrays spare;
  return spare;
}

}  // namespace

PeopleContext::PeopleContext(const Document& doc, const std::vector<OrgMention>& orgs)
    : doc_(doc), orgs_(orgs), org_at_(std::move(Spare().org_at)),
      name_cache_(std::move(Spare().name_cache)) {
  org_at_.assign(doc.tokens.size(), -1);
  name_cache_.assign(doc.tokens.size(), -1);
  for (size_t o = 0; o < orgs.size(); ++o) {
    const OrgMention& m = orgs[o];
    for (int i = m.first_token; i < m.last_token; ++i) org_at_[i] = static_cast<int>(o);
    if (!m.acronym.empty()) {
      acronyms_.insert(m.acronym);
      acronym_to_org_.try_emplace(m.acronym, m.name);
    }
  }
}

PeopleContext::~PeopleContext() {
  Spare().org_at = std::move(org_at_);
  Spare().name_cache = std::move(name_cache_);
}

const std::string* PeopleContext::OrgForAcronym(std::string_view acronym) const {
  auto it = acronym_to_org_.find(std::string(acronym));
  return it == acronym_to_org_.end() ? nullptr : &it->second;
}

// "KAMIKAWA Yoko", "HAYASHI Yoshimasa": Japanese releases write the family
// name in capitals before the given name.
bool PeopleContext::IsCapitalisedFamilyName(int i) const {
  const auto& t = doc_.tokens;
  // "Salvatore CUOCI", "John MAIER": a family name in capitals after the
  // given name; "Brigade General GRACIA": after a rank.
  if (i > 0 && t[i - 1].sentence == t[i].sentence &&
      ((t[i - 1].cap && !t[i - 1].all_caps && IsNameToken(i - 1)) ||
       t[i - 1].Has(kFlagRankWord | kFlagHonorific))) {
    return true;
  }
  if (i + 1 >= static_cast<int>(t.size()) || t[i + 1].all_caps || !t[i + 1].cap ||
      !t[i + 1].IsWord() || t[i + 1].sentence != t[i].sentence) {
    return false;
  }
  return !t[i + 1].Has(kFlagStopword | kFlagRankWord | kFlagTitleHead | kFlagHeadWord |
                       kFlagPlace | kFlagPlaceHead | kFlagMonth | kFlagWeekday);
}

// "Theresa May", "Lt Gen Jan Arp": a month's name inside a person's name,
// right after a given name or between a rank, title or honorific and a
// family name. Never before a number ("May 5", "Jan 27"), written with a
// period ("Jan."), or in a headline ("Putin May Visit India").
bool PeopleContext::IsMonthInName(int i) const {
  const auto& t = doc_.tokens;
  const Token& x = t[i];
  if (x.all_caps || x.text.back() == '.' ||
      doc_.sentences[x.sentence].kind == ParagraphKind::kTitle) {
    return false;
  }
  name_cache_[i] = 0;  // the neighbours' answers may ask about this token
  int n = static_cast<int>(t.size());
  bool next_in = i + 1 < n && t[i + 1].sentence == x.sentence;
  if (next_in && t[i + 1].kind == TokenKind::kNumber) return false;
  bool prev_in = i > 0 && t[i - 1].sentence == x.sentence;
  if (prev_in && t[i - 1].cap && !t[i - 1].all_caps && !t[i - 1].Has(kFlagMonth) &&
      IsNameToken(i - 1)) {
    return true;
  }
  return prev_in && next_in && t[i - 1].Has(kFlagRankWord | kFlagHonorific | kFlagTitleHead) &&
         t[i + 1].cap && !t[i + 1].Has(kFlagMonth) && IsNameToken(i + 1);
}

bool PeopleContext::ComputeNameToken(int i) const {
  const Token& t = doc_.tokens[i];
  if (!t.IsWord() || t.credit) return false;
  std::string_view bare = t.Bare();
  if (bare.size() == 1 && t.cap) return true;  // initial
  if (!t.cap) return false;
  // (Month names are name stopwords too.)
  if (t.Has(kFlagMonth) &&
      !t.Has(kFlagRankWord | kFlagTitleHead | kFlagHonorific | kFlagHeadWord | kFlagPlace |
             kFlagWeekday | kFlagTitleModifier) &&
      IsMonthInName(i)) {
    return true;
  }
  if (t.Has(kFlagStopword | kFlagRankWord | kFlagTitleHead | kFlagHonorific | kFlagHeadWord |
            kFlagPlace | kFlagMonth | kFlagWeekday) ||
      t.Has(kFlagShipPrefix | kFlagOrgAcronym)) {
    return false;
  }
  // Title words ("Acting", "Environment", "Women") are not names; "Lord" is
  // a surname too ("Ellen Lord").
  if (t.Has(kFlagTitleModifier) && !t.Is("Lord")) return false;
  if (t.all_caps && acronyms_.contains(absl::string_view(bare.data(), bare.size()))) return false;
  if (t.all_caps && bare.size() >= 4 && !IsCapitalisedFamilyName(i)) return false;
  if (IsPlaceAdjective(bare)) return false;
  // (A period in `bare` is one in the text too: one search is enough.)
  if (bare.size() > 1 && bare.find('.') != std::string_view::npos) return false;  // U.S.
  return true;
}

}  // namespace parley::extract_internal
