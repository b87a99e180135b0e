#include "ingest/article_builder.h"

#include "common/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::ingest {
namespace {

using ::parley::testing::StatusIs;

IncomingMessage JsonMessage(const std::string& id, const std::string& body) {
  IncomingMessage message;
  message.topic = "articles";
  message.partition = 2;
  message.offset = 17;
  message.key = id;
  message.value = R"({"id":")" + id + R"(","title":"Talks","published":"2023-05-04","body":")" +
                  body + R"("})";
  return message;
}

TEST(BuildArticleTest, NamesResourcesAndKeepsTheRawMessage) {
  IncomingMessage message = JsonMessage("a-1", "Delegations met in Seoul.");
  PARLEY_ASSERT_OK_AND_ASSIGN(BuiltArticle built, BuildArticle(message, BuildOptions()));
  EXPECT_EQ(built.event.name(), "events/a-1");
  EXPECT_EQ(built.event.article(), "articles/a-1");
  EXPECT_EQ(built.article.article().name(), "articles/a-1");
  EXPECT_EQ(built.article.article().event(), "events/a-1");
  EXPECT_EQ(built.article.article().text(), "Talks\n\nDelegations met in Seoul.");
  EXPECT_EQ(built.article.raw_value(), message.value);
  EXPECT_EQ(built.article.source().partition(), 2);
  EXPECT_EQ(built.article.source().offset(), 17);
}

TEST(BuildArticleTest, UndecodableMessageIsAnInvalidArgument) {
  IncomingMessage message = JsonMessage("a-1", "x");
  message.value = "{not json";
  EXPECT_THAT(BuildArticle(message, BuildOptions()),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(ResolveIdentitiesTest, ParticipantIdsArePersonKeysAndQuotesLinkToSpeakers) {
  v1::Event event;
  event.add_participants()->set_name("Francesco Diella");
  event.add_participants()->set_name("Park Jeong-hwan");
  event.add_quotes()->set_speaker("Francesco  DIELLA");
  event.add_quotes()->set_speaker("Jeong-hwan Park");
  event.add_quotes()->set_speaker("Indian Navy");
  ResolveIdentities(event);
  EXPECT_EQ(event.participants(0).participant(), "participants/diella-francesco");
  EXPECT_EQ(event.participants(1).participant(), "participants/hwan-jeong-park");
  EXPECT_EQ(event.quotes(0).speaker_participant(), "participants/diella-francesco");
  EXPECT_EQ(event.quotes(1).speaker_participant(), "participants/hwan-jeong-park");
  EXPECT_EQ(event.quotes(2).speaker_participant(), "");
}

TEST(CollectFactSourcesTest, ListsEveryFactWithASpan) {
  v1::Event event;
  event.set_type(v1::STAFF_TALKS);
  event.mutable_type_span()->set_begin(10);
  event.mutable_type_span()->set_end(21);
  event.set_start_date("2023-02-13");  // no span: not listed
  auto* participant = event.add_participants();
  participant->set_name("Francesco Diella");
  auto* mention = participant->add_mentions();
  mention->set_begin(100);
  mention->set_end(130);
  auto* topic = event.add_topics();
  topic->set_name("cyber security");
  topic->mutable_span()->set_begin(200);
  topic->mutable_span()->set_end(214);
  std::vector<v1::FactSource> facts = CollectFactSources(event);
  ASSERT_EQ(facts.size(), 3u);
  EXPECT_EQ(facts[0].field(), "type");
  EXPECT_EQ(facts[0].value(), "STAFF_TALKS");
  EXPECT_EQ(facts[1].field(), "participants[0].name");
  EXPECT_EQ(facts[1].span().begin(), 100);
  EXPECT_EQ(facts[2].field(), "topics[0]");
}

}  // namespace
}  // namespace parley::ingest
