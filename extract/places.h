// Where the event took place, and which states took part. Pure.
#ifndef PARLEY_EXTRACT_PLACES_H_
#define PARLEY_EXTRACT_PLACES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "extract/people.h"
#include "extract/tokens.h"

namespace parley::extract_internal {

struct FoundPlace {
  std::string name;
  std::string country_code;
  size_t begin = 0, end = 0;
  bool is_country = false;
  bool dateline = false;  // from the article's first dateline
  bool listed = false;    // a state in a list of states after one preposition
};

// Event locations: datelines ("BASRAH, Iraq –", "Bamako, February 24, 2021 –",
// also at the head of later paragraphs), then places after "in", "at", "to"
// (after a verb or noun of travel), "outside", "aboard" in sentences that
// report the event (not quotations, not sentences in `other_time`), most
// specific first: a country is dropped when a place inside it is found, a
// town replaces a NATO institution it hosts when the article writes the town,
// and a meeting held by video or telephone has no dateline place ("via video
// teleconference from X" names X). States listed after one preposition ("at
// locations in Spain, Norway and aboard the USS Mount Whitney") stay beside
// the more specific places.
std::vector<FoundPlace> FindEventLocations(const Document& doc,
                                           const absl::flat_hash_set<int>& other_time);

struct FoundCountry {
  std::string code;
  size_t begin = 0, end = 0;  // 0,0 when inferred (publisher)
};

// Countries taking part: the title, the lead sentence, sentences saying who
// participates, participants' and organisations' countries, the publisher's
// state.
std::vector<FoundCountry> FindCountries(const Document& doc, const PeopleResult& people,
                                        const std::vector<std::string>& org_names,
                                        const absl::flat_hash_set<int>& other_time);

// Country of a national publisher, from its name ("Japan Ministry of
// Defense", "Finnish Army (Maavoimat)"); empty for NATO and EU bodies and
// for names without a state.
std::string PublisherCountry(std::string_view source);

// Country code an organisation name starts with ("Indian Air Force" -> IN,
// "Republic of Korea Army" -> KR, "USS Shiloh" -> US); empty if none.
std::string OrgCountry(std::string_view org);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_PLACES_H_
