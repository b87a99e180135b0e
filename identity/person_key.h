// A person's identity across articles: the name reduced to what identifies
// the person whatever the surface form. Pure (no I/O).
//
// Two mentions get the same key when they differ only in
//   - case, accents and punctuation ("Kim Su-Kwang", "KIM Su Kwang");
//   - name order ("Kishida Fumio", "Fumio Kishida"): the words are sorted;
//   - suffixes and honorifics ("Joseph R. Biden, Jr.", "Sheikh Tahnoun");
//   - middle initials when two or more full words remain ("Joseph R. Biden");
//   - particles ("Mohammed bin Salman", "al-Sudani" / "Al Sudani");
//   - a given-name variant listed in identity/data/name_variants.tsv ("Joe",
//     "Joseph"; "Sergey", "Sergei").
// A lone initial is kept ("S. Jaishankar" stays apart from "Subrahmanyam
// Jaishankar" here; the store links them when the choice is unique), and
// different given names stay different (Joe and Jill Biden).
#ifndef PARLEY_IDENTITY_PERSON_KEY_H_
#define PARLEY_IDENTITY_PERSON_KEY_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace parley::identity {

struct PersonKey {
  std::vector<std::string> words;  // canonical full words, sorted
  std::string initials;            // kept initials, sorted ("s" of "S. Jaishankar")
  bool operator==(const PersonKey&) const = default;
  bool empty() const { return words.empty(); }
};

// Variant -> canonical given name.
using NameVariants = absl::flat_hash_map<std::string, std::string>;

// Parses name_variants.tsv text. INVALID_ARGUMENT naming the line for a row
// that is not two lower-case ASCII words, a repeated variant, a variant that
// equals its canonical form, or a canonical form that is itself a variant.
absl::StatusOr<NameVariants> ParseNameVariants(std::string_view tsv);

// The table compiled into the library (aborts with the parse error if the
// built-in data is malformed; the unit tests prove it is not).
const NameVariants& BuiltinNameVariants();

PersonKey PersonKeyOf(std::string_view name, const NameVariants& variants);
PersonKey PersonKeyOf(std::string_view name);  // with the built-in variants

// The participant id of a key: initials, then words, joined by '-'
// ("biden-joseph", "s-jaishankar"); empty for an empty key. Ids are built
// from names, so the id of any earlier name-based id is PersonIdOf(that id):
// old ids keep resolving.
std::string ParticipantIdOf(const PersonKey& key);
std::string PersonIdOf(std::string_view name);  // ParticipantIdOf(PersonKeyOf(name))


}  // namespace parley::identity

#endif  // PARLEY_IDENTITY_PERSON_KEY_H_
