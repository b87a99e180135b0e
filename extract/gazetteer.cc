#include "extract/gazetteer.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "extract/gazetteer_data.h"
#include "extract/lexicon.h"

namespace parley::extract_internal {
namespace {

struct Tables {
  absl::flat_hash_map<std::string, PlaceEntry> by_key;
  // First word of multi-word keys -> most words in a key starting with it.
  absl::flat_hash_map<std::string, int> first_words;
  absl::flat_hash_map<std::string, std::string> names;  // code -> name
  absl::flat_hash_map<std::string, SiteEntry> sites;    // lower-cased institution
  absl::flat_hash_set<std::string> missions;            // lower-cased
};

// Lower-cases ASCII and maps the typographic apostrophe to '\''.
std::string Key(std::string_view phrase, bool fold_case) {
  std::string key;
  key.reserve(phrase.size());
  for (size_t i = 0; i < phrase.size(); ++i) {
    if (phrase.compare(i, 3, "\xE2\x80\x99") == 0) {
      key.push_back('\'');
      i += 2;
      continue;
    }
    char c = phrase[i];
    key.push_back(fold_case ? absl::ascii_tolower(static_cast<unsigned char>(c)) : c);
  }
  return key;
}

bool IsShortAcronym(std::string_view s) {
  if (s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || c == '.';
  });
}

void Add(Tables& t, std::string_view name, PlaceKind kind, std::string_view code) {
  if (name.empty()) return;
  bool exact = IsShortAcronym(name);
  std::string key = exact ? std::string("=").append(name) : Key(name, true);
  t.by_key.try_emplace(key, PlaceEntry{kind, std::string(code)});
  int words = 1 + static_cast<int>(std::count(name.begin(), name.end(), ' '));
  size_t space = key.find(' ');
  if (space != std::string::npos) {
    int& most = t.first_words[key.substr(0, space)];
    most = std::max(most, words);
  }
}

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    // Curated entries first: they win over generated names.
    for (std::string_view line : Split(kPlacesTsv, '\n')) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string_view> f = Split(line, '\t');
      if (f.size() < 3) continue;
      // Sites and missions are looked up by their own functions, never as places.
      if (f[0] == "site" && f.size() >= 4) {
        t->sites.try_emplace(Key(f[1], true), SiteEntry{std::string(f[3]), std::string(f[2])});
        continue;
      }
      if (f[0] == "mission") {
        t->missions.insert(Key(f[1], true));
        continue;
      }
      PlaceKind kind = f[0] == "country"   ? PlaceKind::kCountry
                       : f[0] == "demonym" ? PlaceKind::kDemonym
                       : f[0] == "city"    ? PlaceKind::kCity
                       : f[0] == "region"  ? PlaceKind::kRegion
                                           : PlaceKind::kFeature;
      Add(*t, f[1], kind, f[2]);
    }
    for (size_t i = 0; i < kCountryRecordCount; ++i) {
      const CountryRecord& c = kCountryRecords[i];
      Add(*t, c.name, PlaceKind::kCountry, c.alpha2);
      Add(*t, c.official_name, PlaceKind::kCountry, c.alpha2);
      Add(*t, c.common_name, PlaceKind::kCountry, c.alpha2);
      t->names.try_emplace(c.alpha2, *c.common_name ? c.common_name : c.name);
    }
    return t;
  }();
  return *tables;
}

// Key(phrase, true) folded into a stack buffer, as a view of `buf`; false
// when the phrase does not fit (no key is that long). The lookups run for
// many tokens and phrases: no allocation per lookup.
[[gnu::always_inline]] inline bool KeyInto(std::string_view phrase, char (&buf)[128],
                                           absl::string_view* key) {
  if (phrase.size() >= sizeof(buf)) return false;
  size_t n = 0;
  for (size_t i = 0; i < phrase.size(); ++i) {
    if (phrase[i] == '\xE2' && phrase.compare(i, 3, "\xE2\x80\x99") == 0) {
      buf[n++] = '\'';
      i += 2;
      continue;
    }
    buf[n++] = absl::ascii_tolower(static_cast<unsigned char>(phrase[i]));
  }
  *key = absl::string_view(buf, n);
  return true;
}

}  // namespace

PlaceEntry LookupPlace(std::string_view phrase) {
  const Tables& t = GetTables();
  if (phrase.empty()) return {};
  if (IsShortAcronym(phrase)) {
    char key[8] = {'='};
    std::copy(phrase.begin(), phrase.end(), key + 1);
    auto it = t.by_key.find(absl::string_view(key, phrase.size() + 1));
    if (it != t.by_key.end()) return it->second;
    return {};
  }
  char buf[128];
  absl::string_view key;
  if (!KeyInto(phrase, buf, &key)) return {};
  size_t space = key.find(' ');
  if (space != absl::string_view::npos && !t.first_words.contains(key.substr(0, space))) {
    return {};
  }
  auto it = t.by_key.find(key);
  if (it != t.by_key.end()) return it->second;
  return {};
}

const SiteEntry* LookupSite(std::string_view institution) {
  const Tables& t = GetTables();
  char buf[128];
  absl::string_view key;
  if (!KeyInto(institution, buf, &key)) {
    auto it = t.sites.find(Key(institution, true));
    return it == t.sites.end() ? nullptr : &it->second;
  }
  auto it = t.sites.find(key);
  return it == t.sites.end() ? nullptr : &it->second;
}

bool IsPlaceNamedMission(std::string_view org) {
  const Tables& t = GetTables();
  char buf[128];
  absl::string_view key;
  if (!KeyInto(org, buf, &key)) return t.missions.contains(Key(org, true));
  return t.missions.contains(key);
}

int MaxPlaceWordsStartingWith(std::string_view word) {
  char buf[64];
  std::string_view w = LowerInto(word, buf);
  const auto& first_words = GetTables().first_words;
  auto it = first_words.find(absl::string_view(w.data(), w.size()));
  return it == first_words.end() ? 0 : it->second;
}

std::string CountryName(std::string_view code) {
  const Tables& t = GetTables();
  auto it = t.names.find(std::string(code));
  return it == t.names.end() ? std::string() : it->second;
}

void ForEachPlaceKey(void (*fn)(void* ctx, std::string_view key, PlaceKind kind, bool exact),
                     void* ctx) {
  for (const auto& [key, entry] : GetTables().by_key) {
    if (!key.empty() && key[0] == '=') {
      fn(ctx, std::string_view(key).substr(1), entry.kind, true);
    } else {
      fn(ctx, key, entry.kind, false);
    }
  }
}


}  // namespace parley::extract_internal
