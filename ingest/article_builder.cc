#include "ingest/article_builder.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/status_macros.h"
#include "common/text.h"
#include "identity/person_key.h"

namespace parley::ingest {
namespace {

void AddFact(std::string field, const std::string& value, const v1::TextSpan& span,
             std::vector<v1::FactSource>& facts) {
  if (value.empty() || span.end() <= span.begin()) return;
  v1::FactSource& fact = facts.emplace_back();
  fact.set_field(std::move(field));
  fact.set_value(value);
  *fact.mutable_span() = span;
}

template <typename Repeated, typename Fn>
void ForEachIndexed(const Repeated& items, Fn fn) {
  for (int i = 0; i < items.size(); ++i) fn(i, items.Get(i));
}

}  // namespace

void ResolveIdentities(v1::Event& event) {
  std::map<std::string, std::string> by_id;
  for (v1::EventParticipant& participant : *event.mutable_participants()) {
    std::string id = identity::PersonIdOf(participant.name());
    if (id.empty()) continue;
    participant.set_participant(absl::StrCat("participants/", id));
    by_id[id] = participant.participant();
  }
  for (v1::Quote& quote : *event.mutable_quotes()) {
    auto it = by_id.find(identity::PersonIdOf(quote.speaker()));
    if (it != by_id.end()) quote.set_speaker_participant(it->second);
  }
}

std::vector<v1::FactSource> CollectFactSources(const v1::Event& event) {
  std::vector<v1::FactSource> facts;
  AddFact("type", v1::EventType_Name(event.type()), event.type_span(), facts);
  AddFact("start_date", event.start_date(), event.start_date_span(), facts);
  AddFact("end_date", event.end_date(), event.end_date_span(), facts);
  ForEachIndexed(event.locations(), [&](int i, const v1::Location& location) {
    AddFact(absl::StrCat("locations[", i, "]"), location.name(), location.span(), facts);
  });
  ForEachIndexed(event.participants(), [&](int i, const v1::EventParticipant& p) {
    for (const v1::TextSpan& mention : p.mentions()) {
      AddFact(absl::StrCat("participants[", i, "].name"), p.name(), mention, facts);
    }
  });
  ForEachIndexed(event.organizations(), [&](int i, const v1::Organization& organization) {
    AddFact(absl::StrCat("organizations[", i, "]"), organization.name(), organization.span(),
            facts);
  });
  ForEachIndexed(event.countries(), [&](int i, const v1::Country& country) {
    AddFact(absl::StrCat("countries[", i, "]"), country.code(), country.span(), facts);
  });
  ForEachIndexed(event.quotes(), [&](int i, const v1::Quote& quote) {
    AddFact(absl::StrCat("quotes[", i, "].text"), quote.text(), quote.span(), facts);
    AddFact(absl::StrCat("quotes[", i, "].speaker"), quote.speaker(), quote.speaker_span(),
            facts);
  });
  ForEachIndexed(event.topics(), [&](int i, const v1::Topic& topic) {
    AddFact(absl::StrCat("topics[", i, "]"), topic.name(), topic.span(), facts);
  });
  return facts;
}

absl::StatusOr<BuiltArticle> BuildArticle(const IncomingMessage& message,
                                          const BuildOptions& options) {
  absl::Time started = options.observe_extraction ? absl::Now() : absl::InfinitePast();
  PARLEY_ASSIGN_OR_RETURN(NormalizedArticle normalized,
                          DecodeArticle(message.key, message.value, options.decode));
  PARLEY_ASSIGN_OR_RETURN(v1::Event event, ExtractEvent(normalized, options.extract));
  std::string article_name = absl::StrCat("articles/", normalized.id);
  event.set_name(absl::StrCat("events/", normalized.id));
  event.set_article(article_name);
  ResolveIdentities(event);
  if (options.observe_extraction) options.observe_extraction(absl::Now() - started);

  BuiltArticle built;
  records::StoredArticle& stored = built.article;
  stored.set_raw_key(message.key);
  stored.set_raw_value(message.value);
  stored.mutable_source()->set_topic(message.topic);
  stored.mutable_source()->set_partition(message.partition);
  stored.mutable_source()->set_offset(message.offset);
  v1::Article& article = *stored.mutable_article();
  article.set_name(article_name);
  article.set_id(normalized.id);
  article.set_title(normalized.title);
  article.set_source(normalized.source);
  article.set_url(normalized.url);
  article.set_published(normalized.published);
  article.set_updated(normalized.updated);
  article.set_language(normalized.language);
  article.set_text(normalized.text);
  article.set_input_format(normalized.input_format);
  article.set_event(event.name());
  for (v1::FactSource& fact : CollectFactSources(event)) {
    *article.add_facts() = std::move(fact);
  }
  built.event = std::move(event);
  return built;
}

absl::StatusOr<storage::EncodedArticle> BuildEncodedArticle(const IncomingMessage& message,
                                                            const BuildOptions& options,
                                                            int64_t stored_at_unix_ms) {
  PARLEY_ASSIGN_OR_RETURN(BuiltArticle built, BuildArticle(message, options));
  built.article.set_stored_at_unix_ms(stored_at_unix_ms);
  return storage::EncodeArticle(built.article, std::move(built.event));
}

}  // namespace parley::ingest
