// Hand-built events for storage and service tests.
#ifndef PARLEY_STORAGE_TESTING_SAMPLE_EVENTS_H_
#define PARLEY_STORAGE_TESTING_SAMPLE_EVENTS_H_

#include <string>
#include <vector>

#include "identity/person_key.h"
#include "parley/records.pb.h"
#include "parley/v1/event.pb.h"

namespace parley::storage::testing {

struct SamplePerson {
  std::string name;
  std::string rank;
  std::string role;
  std::string organization;
};

// An event named "events/{id}" with the given people (participant ids are
// their person keys, as ingest gives them), organisations, a country and a location.
inline parley::v1::Event MakeEvent(const std::string& id, const std::string& start,
                                   const std::vector<SamplePerson>& people,
                                   const std::vector<std::string>& organizations = {},
                                   const std::string& country = "",
                                   const std::string& location = "") {
  parley::v1::Event event;
  event.set_name("events/" + id);
  event.set_article("articles/" + id);
  event.set_type(parley::v1::STAFF_TALKS);
  event.set_start_date(start);
  event.set_end_date(start);
  event.set_published_date(start);
  for (const SamplePerson& person : people) {
    auto* participant = event.add_participants();
    participant->set_participant("participants/" + identity::PersonIdOf(person.name));
    participant->set_name(person.name);
    participant->set_rank(person.rank);
    participant->set_role(person.role);
    participant->set_organization(person.organization);
  }
  for (const std::string& name : organizations) event.add_organizations()->set_name(name);
  if (!country.empty()) event.add_countries()->set_code(country);
  if (!location.empty()) event.add_locations()->set_name(location);
  return event;
}

inline parley::records::StoredArticle MakeStoredArticle(const std::string& id,
                                                        const std::string& topic = "",
                                                        int64_t offset = 0) {
  parley::records::StoredArticle article;
  article.set_raw_key(id);
  article.mutable_article()->set_id(id);
  article.mutable_article()->set_name("articles/" + id);
  article.mutable_source()->set_topic(topic);
  article.mutable_source()->set_offset(offset);
  return article;
}

}  // namespace parley::storage::testing

#endif  // PARLEY_STORAGE_TESTING_SAMPLE_EVENTS_H_
