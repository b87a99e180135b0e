#include "identity/person_key.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/string_view.h"
#include "common/text.h"
#include "extract/lexicon.h"
#include "identity/name_variants_data.h"

namespace parley::identity {
namespace {

using extract_internal::InClass;
using extract_internal::WordClass;

bool IsLowerAsciiWord(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Generational suffixes: part of how a name is written, not of who it is.
bool IsSuffix(std::string_view w) {
  return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv";
}

bool IsHonorific(std::string_view raw) {
  if (InClass(WordClass::kHonorific, raw)) return true;
  return !raw.empty() && raw.back() == '.' &&
         InClass(WordClass::kHonorific, raw.substr(0, raw.size() - 1));
}

// The folded words of one whitespace-separated part of a name: the parts of
// a hyphenated name are words ("Su-Kwang", "al-Sudani"), so that ids, which
// are slugs, parse back to the same key; "R." is an initial.
void AppendWords(std::string_view raw, std::vector<std::string>& out) {
  std::string folded = FoldForMatch(raw);
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  for (char c : folded) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 static_cast<unsigned char>(c) >= 0x80;
    if (alnum) {
      word += c;
    } else if (c == '\'') {
      continue;  // "O'Brien" is one word
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace

absl::StatusOr<NameVariants> ParseNameVariants(std::string_view tsv) {
  NameVariants variants;
  int line_number = 0;
  for (absl::string_view absl_line : absl::StrSplit(ToAbsl(tsv), '\n')) {
    std::string_view line = ToStd(absl_line);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    for (absl::string_view f : absl::StrSplit(absl_line, '\t')) fields.push_back(ToStd(f));
    auto bad = [&](std::string_view why) {
      return absl::InvalidArgumentError(
          absl::StrCat("name variants line ", line_number, ": ", ToAbsl(why)));
    };
    if (fields.size() != 2) return bad("expected variant<TAB>canonical");
    if (!IsLowerAsciiWord(fields[0]) || !IsLowerAsciiWord(fields[1])) {
      return bad("names must be one lower-case ASCII word each");
    }
    if (fields[0] == fields[1]) return bad("a variant equal to its canonical form");
    if (!variants.emplace(fields[0], fields[1]).second) {
      return bad(absl::StrCat("variant \"", ToAbsl(fields[0]), "\" repeated"));
    }
  }
  for (const auto& [variant, canonical] : variants) {
    if (variants.contains(canonical)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "name variants: canonical \"", canonical, "\" of \"", variant, "\" is itself a variant"));
    }
  }
  return variants;
}

const NameVariants& BuiltinNameVariants() {
  static const NameVariants* const variants = [] {
    absl::StatusOr<NameVariants> parsed = ParseNameVariants(kNameVariantsTsv);
    if (!parsed.ok()) {
      std::fprintf(stderr, "built-in name variants: %s\n", parsed.status().ToString().c_str());
      std::abort();
    }
    return new NameVariants(*std::move(parsed));
  }();
  return *variants;
}

PersonKey PersonKeyOf(std::string_view name, const NameVariants& variants) {
  std::vector<std::string> words;
  for (absl::string_view raw :
       absl::StrSplit(ToAbsl(name), absl::ByAnyChar(" ,\t\n"), absl::SkipEmpty())) {
    if (!IsHonorific(ToStd(raw))) AppendWords(ToStd(raw), words);
  }
  PersonKey key;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string& w = words[i];
    if (IsSuffix(w) || (i > 0 && InClass(WordClass::kNameParticle, w))) continue;
    if (w.size() == 1) {
      key.initials += w;
      continue;
    }
    auto variant = variants.find(w);
    key.words.push_back(variant == variants.end() ? std::move(w) : variant->second);
  }
  // "Joseph R. Biden": a middle initial adds nothing once two full words
  // name the person; "S. Jaishankar" keeps its initial.
  if (key.words.size() >= 2) key.initials.clear();
  std::sort(key.words.begin(), key.words.end());
  std::sort(key.initials.begin(), key.initials.end());
  return key;
}

PersonKey PersonKeyOf(std::string_view name) { return PersonKeyOf(name, BuiltinNameVariants()); }

std::string ParticipantIdOf(const PersonKey& key) {
  if (key.empty()) return "";
  std::vector<std::string> parts;
  for (char initial : key.initials) parts.emplace_back(1, initial);
  parts.insert(parts.end(), key.words.begin(), key.words.end());
  return Slugify(absl::StrJoin(parts, "-"));
}

std::string PersonIdOf(std::string_view name) { return ParticipantIdOf(PersonKeyOf(name)); }


}  // namespace parley::identity
