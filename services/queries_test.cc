#include "services/queries.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <algorithm>
#include <random>
#include <thread>

#include "common/cancellation.h"
#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "identity/person_key.h"
#include "ingest/article_builder.h"
#include "services/page_token.h"
#include "storage/testing/sample_events.h"

namespace parley::service {
namespace {

using ::parley::testing::IsOk;
using ::parley::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using storage::testing::MakeEvent;
using storage::testing::MakeStoredArticle;
using storage::testing::SamplePerson;

const SamplePerson kDiella{"Francesco Diella", "Lieutenant General", "Director",
                           "NATO Cooperative Security Division"};
const SamplePerson kKim{"Su-Kwang Kim", "Major General", "Director", "ROK JCS"};
const SamplePerson kJose{"José Ramírez", "Admiral", "", "Colombian Navy"};

// A store in a fresh temporary directory, removed with it.
class TempStore {
 public:
  explicit TempStore(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("parley-" + name + "-" + std::to_string(std::random_device()()))) {
    storage::StoreOptions options;
    options.path = path_.string();
    auto store = storage::Store::Open(options);
    if (store.ok()) store_ = *std::move(store);
  }
  ~TempStore() {
    store_.reset();
    std::filesystem::remove_all(path_);
  }
  // Null when the store could not be opened.
  storage::Store* get() { return store_.get(); }
  absl::Status Write(const v1::Event& event) {
    std::string id = event.name().substr(std::string("events/").size());
    return store_->WriteArticle(MakeStoredArticle(id), event);
  }

 private:
  std::filesystem::path path_;
  std::unique_ptr<storage::Store> store_;
};

class QueriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<TempStore>("queries-test");
    ASSERT_NE(store_->get(), nullptr);
    queries_ = std::make_unique<Queries>(*store_->get());

    v1::Event seoul = MakeEvent("seoul", "2023-02-13", {kDiella, kKim},
                                {"Republic of Korea Joint Chiefs of Staff"}, "KR", "Seoul");
    seoul.set_end_date("2023-02-14");
    auto* quote = seoul.add_quotes();
    quote->set_speaker("Francesco Diella");
    quote->set_speaker_participant("participants/diella-francesco");
    quote->set_text("Korea is one of NATO's closest Partners, especially in the Cyber domain.");
    auto* second = seoul.add_quotes();
    second->set_speaker("Francesco Diella");
    second->set_speaker_participant("participants/diella-francesco");
    second->set_text("NATO and Korea are strong partners.");
    Write(seoul);
    v1::Event bogota = MakeEvent("bogota", "2022-06-01", {kJose, kDiella}, {"NATO"}, "CO",
                                 "Bogotá");
    bogota.set_type(v1::VISIT);
    Write(bogota);
    Write(MakeEvent("brussels", "2024-01-10", {kDiella}, {"NATO"}, "BE", "Brussels"));
  }
  void TearDown() override {
    queries_.reset();
    store_.reset();
  }
  void Write(const v1::Event& event) { ASSERT_THAT(store_->Write(event), IsOk()); }
  std::vector<std::string> EventNames(const v1::ListEventsRequest& request) {
    auto response = queries_->ListEvents(request);
    EXPECT_THAT(response, IsOk());
    std::vector<std::string> names;
    if (response.ok()) {
      for (const auto& event : response->events()) names.push_back(event.name());
    }
    return names;
  }

  std::unique_ptr<TempStore> store_;
  std::unique_ptr<Queries> queries_;
};

TEST_F(QueriesTest, ListEventsNewestFirst) {
  EXPECT_THAT(EventNames(v1::ListEventsRequest()),
              ElementsAre("events/brussels", "events/seoul", "events/bogota"));
}

TEST_F(QueriesTest, FiltersByEachFieldAndCombinesThem) {
  v1::ListEventsRequest request;
  request.set_participant("francesco diella");
  EXPECT_THAT(EventNames(request),
              ElementsAre("events/brussels", "events/seoul", "events/bogota"));
  request.set_participant("participants/su-kwang-kim");
  EXPECT_THAT(EventNames(request), ElementsAre("events/seoul"));

  v1::ListEventsRequest by_org;
  by_org.set_organization("nato");
  EXPECT_THAT(EventNames(by_org), ElementsAre("events/brussels", "events/bogota"));
  v1::ListEventsRequest by_country;
  by_country.set_country("kr");
  EXPECT_THAT(EventNames(by_country), ElementsAre("events/seoul"));
  // A country's other names and acronyms are the country.
  for (const char* name : {"Republic of Korea", "South Korea", "ROK"}) {
    by_country.set_country(name);
    EXPECT_THAT(EventNames(by_country), ElementsAre("events/seoul")) << name;
  }
  // An organisation's other names find it (identity/data/organization_aliases.tsv).
  v1::ListEventsRequest by_alias;
  by_alias.set_organization("North Atlantic Treaty Organization");
  EXPECT_THAT(EventNames(by_alias), ElementsAre("events/brussels", "events/bogota"));
  by_alias.set_country("CO");
  EXPECT_THAT(EventNames(by_alias), ElementsAre("events/bogota"));
  v1::ListEventsRequest by_location;
  by_location.set_location("BOGOTA");  // accent- and case-insensitive
  EXPECT_THAT(EventNames(by_location), ElementsAre("events/bogota"));
  v1::ListEventsRequest by_type;
  by_type.set_type(v1::VISIT);
  EXPECT_THAT(EventNames(by_type), ElementsAre("events/bogota"));

  v1::ListEventsRequest combined;
  combined.set_participant("Francesco Diella");
  combined.set_organization("NATO");
  combined.set_country("BE");
  EXPECT_THAT(EventNames(combined), ElementsAre("events/brussels"));
}

TEST_F(QueriesTest, DateRangeMatchesOverlappingEvents) {
  v1::ListEventsRequest request;
  request.set_start_date("2023-02-14");  // the last day of the Seoul talks
  request.set_end_date("2023-12-31");
  EXPECT_THAT(EventNames(request), ElementsAre("events/seoul"));
  request.set_start_date("2023-02-15");
  EXPECT_THAT(EventNames(request), ElementsAre());
  v1::ListEventsRequest open_ended;
  open_ended.set_end_date("2022-12-31");
  EXPECT_THAT(EventNames(open_ended), ElementsAre("events/bogota"));
}

TEST_F(QueriesTest, PagesThroughResultsWithBoundTokens) {
  v1::ListEventsRequest request;
  request.set_participant("Francesco Diella");
  request.set_page_size(2);
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListEventsResponse first, queries_->ListEvents(request));
  ASSERT_EQ(first.events_size(), 2);
  ASSERT_FALSE(first.next_page_token().empty());
  request.set_page_token(first.next_page_token());
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListEventsResponse second, queries_->ListEvents(request));
  ASSERT_EQ(second.events_size(), 1);
  EXPECT_EQ(second.events(0).name(), "events/bogota");
  EXPECT_TRUE(second.next_page_token().empty());

  request.set_participant("Su-Kwang Kim");  // same token, different filter
  EXPECT_THAT(queries_->ListEvents(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));
}

TEST_F(QueriesTest, BadRequestsNameTheField) {
  struct Case {
    std::function<void(v1::ListEventsRequest&)> mutate;
    std::string field;
  };
  std::vector<Case> cases = {
      {[](auto& r) { r.set_page_size(-1); }, "page_size"},
      {[](auto& r) { r.set_country("Atlantis"); }, "country"},
      {[](auto& r) { r.set_start_date("2023-13-01"); }, "start_date"},
      {[](auto& r) { r.set_end_date("yesterday"); }, "end_date"},
      {[](auto& r) {
         r.set_start_date("2023-02-02");
         r.set_end_date("2023-02-01");
       },
       "end_date"},
      {[](auto& r) { r.set_participant("!!!"); }, "participant"},
      {[](auto& r) { r.set_participant("participants/Bad Id"); }, "participant"},
      {[](auto& r) { r.set_type(static_cast<v1::EventType>(99)); }, "type"},
      {[](auto& r) { r.set_page_token("garbage"); }, "page_token"},
  };
  for (const Case& c : cases) {
    v1::ListEventsRequest request;
    c.mutate(request);
    EXPECT_THAT(queries_->ListEvents(request),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.field)))
        << c.field;
  }
}

TEST_F(QueriesTest, PageSizeIsCapped) {
  v1::ListEventsRequest request;
  request.set_page_size(1000000);
  EXPECT_THAT(queries_->ListEvents(request), IsOk());
}

TEST_F(QueriesTest, GetEventAndArticleValidateNames) {
  v1::GetEventRequest request;
  request.set_name("events/seoul");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event event, queries_->GetEvent(request));
  EXPECT_EQ(event.participants_size(), 2);
  request.set_name("events/missing");
  EXPECT_THAT(queries_->GetEvent(request), StatusIs(absl::StatusCode::kNotFound));
  request.set_name("seoul");
  EXPECT_THAT(queries_->GetEvent(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("name")));
  v1::GetArticleRequest article;
  article.set_name("articles/seoul");
  EXPECT_THAT(queries_->GetArticle(article), IsOk());
  article.set_name("articles/../x");
  EXPECT_THAT(queries_->GetArticle(article), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(QueriesTest, GetParticipantHasAppearancesNewestFirst) {
  v1::GetParticipantRequest request;
  request.set_name("participants/diella-francesco");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant participant, queries_->GetParticipant(request));
  EXPECT_EQ(participant.event_count(), 3);
  ASSERT_EQ(participant.appearances_size(), 3);
  EXPECT_EQ(participant.appearances(0).event(), "events/brussels");
  EXPECT_EQ(participant.appearances(2).event(), "events/bogota");
  request.set_name("participants/nobody");
  EXPECT_THAT(queries_->GetParticipant(request), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(QueriesTest, SearchIsPrefixCaseAndAccentInsensitive) {
  auto search = [&](const std::string& query) {
    v1::SearchParticipantsRequest request;
    request.set_query(query);
    std::vector<std::string> names;
    auto response = queries_->SearchParticipants(request);
    EXPECT_THAT(response, IsOk()) << query;
    if (response.ok()) {
      for (const auto& p : response->participants()) names.push_back(p.display_name());
    }
    return names;
  };
  EXPECT_THAT(search("dIEL"), ElementsAre("Francesco Diella"));
  EXPECT_THAT(search("francesco d"), ElementsAre("Francesco Diella"));
  EXPECT_THAT(search("ramir"), ElementsAre("José Ramírez"));
  EXPECT_THAT(search("jose"), ElementsAre("José Ramírez"));
  EXPECT_THAT(search("kim"), ElementsAre("Su-Kwang Kim"));
  EXPECT_THAT(search("zz"), ElementsAre());
  v1::SearchParticipantsRequest too_short;
  too_short.set_query("d");
  EXPECT_THAT(queries_->SearchParticipants(too_short),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("query")));
  v1::SearchParticipantsRequest unknown_view;
  unknown_view.set_query("diella");
  unknown_view.set_view(static_cast<v1::ParticipantView>(7));
  EXPECT_THAT(queries_->SearchParticipants(unknown_view),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("view")));
  v1::GetParticipantRequest get;
  get.set_name("participants/diella-francesco");
  get.set_view(static_cast<v1::ParticipantView>(-1));
  EXPECT_THAT(queries_->GetParticipant(get),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("view")));
}

TEST_F(QueriesTest, ListQuotesBySpeakerEventAndText) {
  v1::ListQuotesRequest request;
  request.set_speaker("Francesco Diella");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListQuotesResponse all, queries_->ListQuotes(request));
  EXPECT_EQ(all.quotes_size(), 2);
  request.set_contains("cyber");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListQuotesResponse cyber, queries_->ListQuotes(request));
  ASSERT_EQ(cyber.quotes_size(), 1);
  EXPECT_THAT(cyber.quotes(0).quote().text(), HasSubstr("Cyber domain"));
  EXPECT_EQ(cyber.quotes(0).event(), "events/seoul");

  v1::ListQuotesRequest by_event;
  by_event.set_event("events/seoul");
  by_event.set_page_size(1);
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListQuotesResponse page1, queries_->ListQuotes(by_event));
  ASSERT_EQ(page1.quotes_size(), 1);
  ASSERT_FALSE(page1.next_page_token().empty());
  by_event.set_page_token(page1.next_page_token());
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListQuotesResponse page2, queries_->ListQuotes(by_event));
  ASSERT_EQ(page2.quotes_size(), 1);
  EXPECT_NE(page2.quotes(0).quote().text(), page1.quotes(0).quote().text());
  EXPECT_TRUE(page2.next_page_token().empty());

  EXPECT_THAT(queries_->ListQuotes(v1::ListQuotesRequest()),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("speaker")));
}


void AddQuote(v1::Event& event, const std::string& speaker, const std::string& participant,
              const std::string& text) {
  v1::Quote* quote = event.add_quotes();
  quote->set_speaker(speaker);
  quote->set_speaker_participant(participant);
  quote->set_text(text);
}

// One person under several ids: "Biden" with the role President is Joe
// Biden, never Jill; answers do not depend on the order of writing.
TEST_F(QueriesTest, WatchFiltersAreCheckedAndMatchLikeListEvents) {
  v1::WatchEventsRequest request;
  request.set_country("KR");
  request.set_participant("Francesco Diella");
  PARLEY_ASSERT_OK_AND_ASSIGN(EventMatcher matcher, queries_->WatchMatcher(request));
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event seoul, store_->get()->GetEvent("seoul"));
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event bogota, store_->get()->GetEvent("bogota"));
  EXPECT_TRUE(matcher.Matches(seoul));
  EXPECT_FALSE(matcher.Matches(bogota));
  request.set_start_date("2023-13-01");
  EXPECT_THAT(queries_->WatchMatcher(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("start_date")));
}

TEST_F(QueriesTest, ListEventsCarriesTheWatchCursorOfTheStore) {
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListEventsResponse response,
                              queries_->ListEvents(v1::ListEventsRequest()));
  PARLEY_ASSERT_OK_AND_ASSIGN(WatchPosition position,
                              DecodeWatchCursor(response.watch_cursor()));
  EXPECT_EQ(position.store_id, store_->get()->StoreId());
  EXPECT_EQ(position.sequence, 3u);  // three events written
}

TEST_F(QueriesTest, ALongScanStopsWhenItsRequestIsCancelled) {
  for (int i = 0; i < 600; ++i) {
    Write(MakeEvent(absl::StrCat("many-", i), "2021-01-01", {kKim}));
  }
  v1::ListConnectionsRequest request;
  request.set_participant("Su-Kwang Kim");
  EXPECT_THAT(queries_->ListConnections(request), IsOk());
  ScopedCancellation cancelled([] { return absl::DeadlineExceededError("deadline passed"); });
  request.set_order_by(v1::ListConnectionsRequest::MOST_RECENT);  // not answered from the cache
  EXPECT_THAT(queries_->ListConnections(request),
              StatusIs(absl::StatusCode::kDeadlineExceeded));
}

class PersonAcrossIdsTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<TempStore>("people-test");
    ASSERT_NE(store_->get(), nullptr);
    queries_ = std::make_unique<Queries>(*store_->get());
    std::vector<v1::Event> events = {
        MakeEvent("a", "2023-01-10", {{"Joseph R. Biden, Jr.", "", "President", ""}}),
        MakeEvent("b", "2023-03-05", {{"Biden", "", "President", ""}}),
        MakeEvent("c", "2023-04-01", {{"Joe Biden", "", "President", ""}}),
        MakeEvent("d", "2023-02-01", {{"Jill Biden", "", "First Lady", ""}})};
    AddQuote(events[1], "Biden", "participants/biden", "We stand together.");
    AddQuote(events[2], "Joe Biden", "participants/biden-joseph", "Democracy delivers.");
    if (GetParam()) std::reverse(events.begin(), events.end());
    for (const v1::Event& event : events) ASSERT_THAT(store_->Write(event), IsOk());
  }
  void TearDown() override {
    queries_.reset();
    store_.reset();
  }
  std::unique_ptr<TempStore> store_;
  std::unique_ptr<Queries> queries_;
};

TEST_P(PersonAcrossIdsTest, GetParticipantJoinsTheIdsWithTheirEvidence) {
  v1::GetParticipantRequest request;
  request.set_name("participants/biden");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant joe, queries_->GetParticipant(request));
  EXPECT_EQ(joe.name(), "participants/biden-joseph");
  EXPECT_EQ(joe.event_count(), 3);
  EXPECT_EQ(joe.first_event_date(), "2023-01-10");
  EXPECT_EQ(joe.last_event_date(), "2023-04-01");
  ASSERT_EQ(joe.merges_size(), 1);
  EXPECT_EQ(joe.merges(0).participant(), "participants/biden");
  EXPECT_THAT(joe.merges(0).reason(), HasSubstr("president"));
  ASSERT_EQ(joe.appearances_size(), 3);
  EXPECT_EQ(joe.appearances(0).event(), "events/c");
  EXPECT_EQ(joe.appearances(1).event(), "events/b");
  request.set_name("participants/joseph-r-biden-jr");  // an id served before person keys
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant again, queries_->GetParticipant(request));
  EXPECT_EQ(again.SerializeAsString(), joe.SerializeAsString());
  request.set_name("participants/biden-jill");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant jill, queries_->GetParticipant(request));
  EXPECT_EQ(jill.event_count(), 1);
  EXPECT_EQ(jill.merges_size(), 0);
}

TEST_P(PersonAcrossIdsTest, ListEventsFollowsEveryIdOfThePersonPageByPage) {
  v1::ListEventsRequest request;
  request.set_participant("Joe Biden");
  request.set_page_size(2);
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListEventsResponse first, queries_->ListEvents(request));
  ASSERT_EQ(first.events_size(), 2);
  EXPECT_EQ(first.events(0).name(), "events/c");
  EXPECT_EQ(first.events(1).name(), "events/b");
  EXPECT_EQ(first.events(1).participants(0).participant(), "participants/biden-joseph");
  ASSERT_FALSE(first.next_page_token().empty());
  request.set_page_token(first.next_page_token());
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListEventsResponse second, queries_->ListEvents(request));
  ASSERT_EQ(second.events_size(), 1);
  EXPECT_EQ(second.events(0).name(), "events/a");
  EXPECT_TRUE(second.next_page_token().empty());

  v1::ListEventsRequest jill;
  jill.set_participant("participants/biden-jill");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListEventsResponse hers, queries_->ListEvents(jill));
  ASSERT_EQ(hers.events_size(), 1);
  EXPECT_EQ(hers.events(0).name(), "events/d");
}

TEST_P(PersonAcrossIdsTest, QuotesOfEveryIdOfTheSpeaker) {
  v1::ListQuotesRequest request;
  request.set_speaker("Joseph R. Biden, Jr.");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListQuotesResponse response, queries_->ListQuotes(request));
  ASSERT_EQ(response.quotes_size(), 2);
  EXPECT_EQ(response.quotes(0).quote().text(), "Democracy delivers.");
  EXPECT_EQ(response.quotes(1).quote().text(), "We stand together.");
  request.set_page_size(1);
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListQuotesResponse first, queries_->ListQuotes(request));
  ASSERT_EQ(first.quotes_size(), 1);
  request.set_page_token(first.next_page_token());
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListQuotesResponse second, queries_->ListQuotes(request));
  ASSERT_EQ(second.quotes_size(), 1);
  EXPECT_EQ(second.quotes(0).quote().text(), "We stand together.");
  EXPECT_TRUE(second.next_page_token().empty());
}

TEST_P(PersonAcrossIdsTest, SearchShowsEachPersonOnce) {
  v1::SearchParticipantsRequest request;
  request.set_query("bid");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::SearchParticipantsResponse response,
                              queries_->SearchParticipants(request));
  std::vector<std::string> names;
  for (const v1::Participant& p : response.participants()) names.push_back(p.name());
  EXPECT_THAT(names, ::testing::UnorderedElementsAre("participants/biden-joseph",
                                                     "participants/biden-jill"));
}

// BASIC is FULL without what grows with the record: a field added to
// Participant and forgotten by the basic view fails here.
TEST_P(PersonAcrossIdsTest, BasicViewIsTheFullAnswerWithoutItsLists) {
  v1::GetParticipantRequest request;
  request.set_name("participants/biden");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant full, queries_->GetParticipant(request));
  ASSERT_GT(full.appearances_size(), 0);
  ASSERT_GT(full.history_size(), 0);
  ASSERT_GT(full.merges_size(), 0);
  request.set_view(v1::PARTICIPANT_VIEW_BASIC);
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant basic, queries_->GetParticipant(request));
  v1::Participant expected = full;
  expected.clear_appearances();
  expected.clear_history();
  expected.clear_merges();
  EXPECT_EQ(basic.SerializeAsString(), expected.SerializeAsString());
  EXPECT_EQ(basic.event_count(), 3);

  // Search answers in the basic view unless the full one is asked for.
  v1::SearchParticipantsRequest search;
  search.set_query("bid");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::SearchParticipantsResponse found,
                              queries_->SearchParticipants(search));
  ASSERT_EQ(found.participants_size(), 2);
  for (const v1::Participant& p : found.participants()) {
    EXPECT_EQ(p.appearances_size() + p.history_size() + p.merges_size(), 0) << p.name();
  }
  search.set_view(v1::PARTICIPANT_VIEW_FULL);
  PARLEY_ASSERT_OK_AND_ASSIGN(found, queries_->SearchParticipants(search));
  bool saw_joe = false;
  for (const v1::Participant& p : found.participants()) {
    if (p.name() != full.name()) continue;
    saw_joe = true;
    EXPECT_EQ(p.SerializeAsString(), full.SerializeAsString());
  }
  EXPECT_TRUE(saw_joe);
}

INSTANTIATE_TEST_SUITE_P(WrittenInEitherOrder, PersonAcrossIdsTest, ::testing::Bool());

// Two governments report one meeting; connections count it once.
class RealEventsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<TempStore>("real-events-test");
    ASSERT_NE(store_->get(), nullptr);
    queries_ = std::make_unique<Queries>(*store_->get());
    const storage::testing::SamplePerson joe{"Joe Biden", "", "President", ""};
    const storage::testing::SamplePerson biden{"Biden", "", "President", ""};
    const storage::testing::SamplePerson kishida{"Fumio Kishida", "", "Prime Minister", ""};
    const storage::testing::SamplePerson kishida_jp{"Kishida Fumio", "", "Prime Minister", ""};
    const storage::testing::SamplePerson modi{"Narendra Modi", "", "Prime Minister", ""};
    for (const v1::Event& event :
         {MakeEvent("m1", "2023-03-16", {joe, kishida}, {}, "", "Tokyo"),
          MakeEvent("m2", "2023-03-16", {kishida_jp, biden}, {}, "", "Tokyo"),
          MakeEvent("m3", "2023-05-20", {joe, kishida, modi}, {}, "", "Hiroshima"),
          MakeEvent("m4", "2023-06-01", {joe, modi}, {}, "", "Washington")}) {
      ASSERT_THAT(store_->Write(event), IsOk());
    }
  }
  void TearDown() override {
    queries_.reset();
    store_.reset();
  }
  std::vector<std::string> EventNamesOf(const v1::ListEventsRequest& request) {
    std::vector<std::string> names;
    auto response = queries_->ListEvents(request);
    EXPECT_THAT(response, IsOk());
    if (response.ok()) {
      for (const auto& e : response->events()) names.push_back(e.name());
    }
    return names;
  }
  std::unique_ptr<TempStore> store_;
  std::unique_ptr<Queries> queries_;
};

TEST_F(RealEventsTest, EachReportListsTheOthersAndListEventsCanShowOnePerEvent) {
  v1::GetEventRequest get;
  get.set_name("events/m2");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event m2, queries_->GetEvent(get));
  EXPECT_THAT(m2.other_reports(), ElementsAre("events/m1"));
  get.set_name("events/m4");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event m4, queries_->GetEvent(get));
  EXPECT_EQ(m4.other_reports_size(), 0);

  v1::ListEventsRequest request;
  request.set_participant("Joe Biden");
  request.set_one_per_real_event(true);
  EXPECT_THAT(EventNamesOf(request), ElementsAre("events/m4", "events/m3", "events/m1"));
  request.set_one_per_real_event(false);
  EXPECT_EQ(EventNamesOf(request).size(), 4u);
}

TEST_F(RealEventsTest, ConnectionsCountRealEventsByCountOrRecency) {
  v1::ListConnectionsRequest request;
  request.set_participant("participants/biden");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListConnectionsResponse response,
                              queries_->ListConnections(request));
  EXPECT_EQ(response.participant(), "participants/biden-joseph");
  EXPECT_EQ(response.events(), 3);
  ASSERT_EQ(response.connections_size(), 2);
  EXPECT_EQ(response.connections(0).participant(), "participants/modi-narendra");
  EXPECT_EQ(response.connections(0).shared_events(), 2);
  EXPECT_EQ(response.connections(1).participant(), "participants/fumio-kishida");
  EXPECT_EQ(response.connections(1).display_name(), "Fumio Kishida");
  EXPECT_EQ(response.connections(1).shared_events(), 2);  // m1 and m2 are one meeting
  EXPECT_EQ(response.connections(1).first_date(), "2023-03-16");
  EXPECT_THAT(response.connections(1).events(), ElementsAre("events/m3", "events/m1"));

  request.set_start_date("2023-05-01");
  request.set_page_size(1);
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListConnectionsResponse first,
                              queries_->ListConnections(request));
  ASSERT_EQ(first.connections_size(), 1);
  EXPECT_EQ(first.connections(0).participant(), "participants/modi-narendra");
  request.set_page_token(first.next_page_token());
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListConnectionsResponse second,
                              queries_->ListConnections(request));
  ASSERT_EQ(second.connections_size(), 1);
  EXPECT_EQ(second.connections(0).shared_events(), 1);
  EXPECT_TRUE(second.next_page_token().empty());

  v1::ListConnectionsRequest bad;
  EXPECT_THAT(queries_->ListConnections(bad),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("participant")));
}

// Calls beyond max_concurrent_connections wait for a slot and then answer
// like the others (from the cache, when one of them computed it).
TEST_F(RealEventsTest, ConnectionsUnderConcurrentCallsAnswerAlike) {
  QueryOptions options;
  options.max_concurrent_connections = 1;
  Queries queries(*store_->get(), options);
  v1::ListConnectionsRequest request;
  request.set_participant("Joe Biden");
  std::vector<std::string> answers(8);
  std::vector<std::thread> threads;
  for (std::string& answer : answers) {
    threads.emplace_back([&queries, &request, &answer] {
      absl::StatusOr<v1::ListConnectionsResponse> response = queries.ListConnections(request);
      answer = response.ok() ? response->SerializeAsString() : response.status().ToString();
    });
  }
  for (std::thread& thread : threads) thread.join();
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListConnectionsResponse alone,
                              queries_->ListConnections(request));
  ASSERT_EQ(alone.connections_size(), 2);
  for (const std::string& answer : answers) EXPECT_EQ(answer, alone.SerializeAsString());
}

// Queries keep what they derive between requests (services/derived_cache.h);
// every write must still show in the next answer.
TEST_F(RealEventsTest, AnswersFollowEveryWriteAndDelete) {
  v1::GetEventRequest get;
  get.set_name("events/m4");
  v1::GetParticipantRequest modi;
  modi.set_name("participants/modi-narendra");
  v1::ListConnectionsRequest connections;
  connections.set_participant("Narendra Modi");
  for (int warm = 0; warm < 2; ++warm) {
    PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event m4, queries_->GetEvent(get));
    EXPECT_EQ(m4.other_reports_size(), 0);
    PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant participant, queries_->GetParticipant(modi));
    EXPECT_EQ(participant.event_count(), 2);
  }
  const storage::testing::SamplePerson joe{"Joe Biden", "", "President", ""};
  const storage::testing::SamplePerson modi_pm{"Narendra Modi", "", "Prime Minister", ""};
  ASSERT_THAT(store_->Write(MakeEvent("m5", "2023-06-01", {modi_pm, joe}, {}, "", "Washington")),
              IsOk());

  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event m4, queries_->GetEvent(get));
  EXPECT_THAT(m4.other_reports(), ElementsAre("events/m5"));
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Participant participant, queries_->GetParticipant(modi));
  EXPECT_EQ(participant.event_count(), 3);
  ASSERT_GE(participant.appearances_size(), 1);
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListConnectionsResponse met,
                              queries_->ListConnections(connections));
  ASSERT_GE(met.connections_size(), 1);
  EXPECT_EQ(met.connections(0).participant(), "participants/biden-joseph");
  EXPECT_EQ(met.connections(0).shared_events(), 2);  // m4 and m5 are one meeting

  records::SourcePosition position;
  ASSERT_THAT(store_->get()->DeleteArticle("m5", position), IsOk());
  PARLEY_ASSERT_OK_AND_ASSIGN(m4, queries_->GetEvent(get));
  EXPECT_EQ(m4.other_reports_size(), 0);
  PARLEY_ASSERT_OK_AND_ASSIGN(participant, queries_->GetParticipant(modi));
  EXPECT_EQ(participant.event_count(), 2);
  v1::GetEventRequest deleted;
  deleted.set_name("events/m5");
  EXPECT_THAT(queries_->GetEvent(deleted), StatusIs(absl::StatusCode::kNotFound));
}


// Other reports are found under every id of each person, not only the ids
// the event itself is stored under: here the two reports share no id.
TEST_F(RealEventsTest, ReportsNamingBothPeopleOtherwiseAreOneEvent) {
  const storage::testing::SamplePerson full{"Narendra Damodardas Modi", "", "Prime Minister", ""};
  const storage::testing::SamplePerson modi{"Modi", "", "Prime Minister", ""};
  const storage::testing::SamplePerson narendra{"Narendra Modi", "", "Prime Minister", ""};
  const storage::testing::SamplePerson joe{"Joe Biden", "", "President", ""};
  const storage::testing::SamplePerson biden{"Biden", "", "President", ""};
  for (const v1::Event& event :
       {MakeEvent("f1", "2023-01-10", {full}, {}, "", "Delhi"),
        MakeEvent("g1", "2023-09-09", {modi, joe}, {}, "", "New Delhi"),
        MakeEvent("g2", "2023-09-09", {narendra, biden}, {}, "", "Bharat Mandapam")}) {
    ASSERT_THAT(store_->Write(event), IsOk());
  }
  v1::GetEventRequest get;
  get.set_name("events/g1");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event g1, queries_->GetEvent(get));
  ASSERT_EQ(g1.participants_size(), 2);
  EXPECT_EQ(g1.participants(0).participant(), "participants/damodardas-modi-narendra");
  EXPECT_THAT(g1.other_reports(), ElementsAre("events/g2"));
  get.set_name("events/g2");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event g2, queries_->GetEvent(get));
  EXPECT_THAT(g2.other_reports(), ElementsAre("events/g1"));
}

// An appearance that does not record its event's type (one stored before
// appearances recorded it) is decided on the event itself.
TEST_F(RealEventsTest, EventsWhoseAppearancesDoNotRecordThemAreReadInstead) {
  const storage::testing::SamplePerson joe{"Joe Biden", "", "President", ""};
  const storage::testing::SamplePerson modi{"Narendra Modi", "", "Prime Minister", ""};
  const storage::testing::SamplePerson albanese{"Anthony Albanese", "", "Prime Minister", ""};
  v1::Event h1 = MakeEvent("h1", "2024-02-01", {joe, modi, albanese}, {}, "", "Canberra");
  v1::Event h2 = MakeEvent("h2", "2024-02-02", {albanese}, {}, "", "Canberra");
  v1::Event h3 = MakeEvent("h3", "2024-02-01", {modi, albanese}, {}, "", "Sydney");
  for (v1::Event* event : {&h1, &h2, &h3}) {
    event->set_end_date("2024-02-02");
    event->set_type(v1::EVENT_TYPE_UNSPECIFIED);
    ASSERT_THAT(store_->Write(*event), IsOk());
  }
  v1::GetEventRequest get;
  get.set_name("events/h1");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event shown, queries_->GetEvent(get));
  // h2: one person, the (unknown) type and a place in common; h3: two people.
  EXPECT_THAT(shown.other_reports(), ElementsAre("events/h2", "events/h3"));
}


// Extracts the pool articles `ids` and writes them into `store`.
void WritePoolArticles(storage::Store& store, const std::vector<std::string>& ids) {
  const char* corpus = std::getenv("PARLEY_CORPUS_DIR");
  std::string pool = std::string(corpus ? corpus : PARLEY_CORPUS_DIR_DEFAULT) + "/pool/";
  for (const std::string& id : ids) {
    std::ifstream in(pool + id + ".json");
    ASSERT_TRUE(in) << pool << id;
    std::stringstream text;
    text << in.rdbuf();
    ingest::IncomingMessage message;
    message.key = id;
    message.value = text.str();
    PARLEY_ASSERT_OK_AND_ASSIGN(ingest::BuiltArticle built,
                                ingest::BuildArticle(message, ingest::BuildOptions()));
    ASSERT_THAT(store.WriteArticle(built.article, built.event), IsOk());
  }
}

// Two publishers report the Quad leaders' meeting of 2023-05-20 in
// Hiroshima: the White House readout and an Indian news article (pool).
std::vector<std::string> QuadReports() {
  return {"wh-20230520-quad-leaders-joint",
          "idrw-20230521-quad-endorses-pm-modi-not-era-war-comment"};
}

TEST(PoolReportsTest, TwoPublishersReportingOneMeetingAreOneEvent) {
  TempStore temp("pool-reports");
  storage::Store* store = temp.get();
  ASSERT_NE(store, nullptr);
  const std::vector<std::string> ids = QuadReports();
  ASSERT_NO_FATAL_FAILURE(WritePoolArticles(*store, ids));
  Queries queries(*store);
  v1::GetEventRequest request;
  request.set_name("events/" + ids[1]);
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event news, queries.GetEvent(request));
  EXPECT_THAT(news.other_reports(), ElementsAre("events/" + ids[0]));
  v1::ListConnectionsRequest connections;
  connections.set_participant("Narendra Modi");
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListConnectionsResponse response,
                              queries.ListConnections(connections));
  EXPECT_EQ(response.events(), 1);  // one meeting, two reports
  for (const v1::Connection& c : response.connections()) EXPECT_EQ(c.shared_events(), 1);
}

// The full event without its sources (quotes, mentioned people, text spans):
// a field added to Event and forgotten by the basic view fails here.
v1::Event WithoutSources(v1::Event event) {
  event.clear_quotes();
  event.clear_mentioned_people();
  event.clear_type_span();
  event.clear_start_date_span();
  event.clear_end_date_span();
  for (v1::Location& location : *event.mutable_locations()) location.clear_span();
  for (v1::EventParticipant& participant : *event.mutable_participants()) {
    participant.clear_mentions();
  }
  for (v1::Organization& organization : *event.mutable_organizations()) organization.clear_span();
  for (v1::Country& country : *event.mutable_countries()) country.clear_span();
  for (v1::Topic& topic : *event.mutable_topics()) topic.clear_span();
  return event;
}

TEST(PoolReportsTest, ListEventsAnswersInTheBasicViewUnlessTheFullOneIsAskedFor) {
  TempStore temp("pool-views");
  storage::Store* store = temp.get();
  ASSERT_NE(store, nullptr);
  std::vector<std::string> ids = QuadReports();
  ids.push_back("af-20230316-nato-air-chiefs-accelerate-integration");  // quotes, mentioned people
  ASSERT_NO_FATAL_FAILURE(WritePoolArticles(*store, ids));
  Queries queries(*store);
  v1::ListEventsRequest request;
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListEventsResponse basic, queries.ListEvents(request));
  request.set_view(v1::EVENT_VIEW_FULL);
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListEventsResponse full, queries.ListEvents(request));
  request.set_view(v1::EVENT_VIEW_BASIC);
  PARLEY_ASSERT_OK_AND_ASSIGN(v1::ListEventsResponse asked_basic, queries.ListEvents(request));

  ASSERT_EQ(full.events_size(), 3);
  ASSERT_EQ(basic.events_size(), 3);
  EXPECT_EQ(asked_basic.SerializeAsString(), basic.SerializeAsString());
  int quotes = 0, mentioned = 0, mentions = 0, other_reports = 0;
  for (int i = 0; i < full.events_size(); ++i) {
    const v1::Event& event = full.events(i);
    v1::GetEventRequest get;
    get.set_name(event.name());
    PARLEY_ASSERT_OK_AND_ASSIGN(v1::Event got, queries.GetEvent(get));
    EXPECT_EQ(event.SerializeAsString(), got.SerializeAsString()) << event.name();
    EXPECT_EQ(basic.events(i).SerializeAsString(), WithoutSources(event).SerializeAsString())
        << event.name();
    EXPECT_LT(basic.events(i).ByteSizeLong(), event.ByteSizeLong()) << event.name();
    quotes += event.quotes_size();
    mentioned += event.mentioned_people_size();
    mentions += event.participants_size() > 0 ? event.participants(0).mentions_size() : 0;
    other_reports += basic.events(i).other_reports_size();
  }
  // What the basic view leaves out was there to leave out; what is found
  // across articles stays.
  EXPECT_GT(quotes, 0);
  EXPECT_GT(mentioned, 0);
  EXPECT_GT(mentions, 0);
  EXPECT_EQ(other_reports, 2);

  request.set_view(static_cast<v1::EventView>(9));
  EXPECT_THAT(queries.ListEvents(request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("view")));
}

// The whole pool written in two shuffled orders gives identical stores and
// identical answers about people (identity decided from the set, not the
// order).
TEST(PoolOrderTest, ShuffledOrdersOfThePoolGiveTheSameStoreAndAnswers) {
  const char* corpus = std::getenv("PARLEY_CORPUS_DIR");
  std::filesystem::path pool =
      std::filesystem::path(corpus ? corpus : PARLEY_CORPUS_DIR_DEFAULT) / "pool";
  std::vector<ingest::BuiltArticle> built;
  for (const auto& entry : std::filesystem::directory_iterator(pool)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    ingest::IncomingMessage message;
    message.key = entry.path().stem().string();
    message.value = text.str();
    absl::StatusOr<ingest::BuiltArticle> article =
        ingest::BuildArticle(message, ingest::BuildOptions());
    if (article.ok()) built.push_back(*std::move(article));
  }
  ASSERT_GT(built.size(), 1000u);
  struct Answers {
    std::vector<storage::FamilyDigest> digests;
    std::string answers;
  };
  auto ingest_in_order = [&](unsigned seed) {
    std::vector<const ingest::BuiltArticle*> order;
    for (const auto& b : built) order.push_back(&b);
    std::mt19937 random(seed);
    std::shuffle(order.begin(), order.end(), random);
    Answers out;
    {
      TempStore temp("pool-order-" + std::to_string(seed));
      storage::Store* store = temp.get();
      EXPECT_NE(store, nullptr);
      if (store == nullptr) return out;
      for (const ingest::BuiltArticle* b : order) {
        EXPECT_THAT(store->WriteArticle(b->article, b->event), IsOk());
      }
      auto digests = storage::DigestStore(*store);
      if (digests.ok()) out.digests = *digests;
      Queries queries(*store);
      for (const char* person : {"Joe Biden", "participants/biden", "S. Jaishankar",
                                 "Fumio Kishida", "Jens Stoltenberg"}) {
        v1::GetParticipantRequest get;
        get.set_name(std::string(person).rfind("participants/", 0) == 0
                         ? person
                         : "participants/" + identity::PersonIdOf(person));
        auto participant = queries.GetParticipant(get);
        if (participant.ok()) out.answers += participant->SerializeAsString();
        v1::ListConnectionsRequest connections;
        connections.set_participant(person);
        auto response = queries.ListConnections(connections);
        if (response.ok()) out.answers += response->SerializeAsString();
      }
    }
    return out;
  };
  Answers first = ingest_in_order(1);
  Answers second = ingest_in_order(2);
  EXPECT_EQ(first.digests, second.digests);
  EXPECT_FALSE(first.answers.empty());
  EXPECT_EQ(first.answers, second.answers);
}

}  // namespace
}  // namespace parley::service
