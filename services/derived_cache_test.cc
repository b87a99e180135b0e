#include "services/derived_cache.h"

#include "gtest/gtest.h"

namespace parley::service {
namespace {

TEST(DerivedCacheTest, AnswersOnlyForTheSequenceItWasGivenUnder) {
  DerivedCache cache;
  cache.PutRoot(7, "biden", "biden-joseph");
  EXPECT_EQ(cache.RootOf(7, "biden"), "biden-joseph");
  EXPECT_GT(cache.bytes(), 0u);
  EXPECT_EQ(cache.RootOf(7, "modi"), std::nullopt);
  // A newer store empties the cache.
  EXPECT_EQ(cache.RootOf(8, "biden"), std::nullopt);
  EXPECT_EQ(cache.RootOf(7, "biden"), std::nullopt);
  EXPECT_EQ(cache.bytes(), 0u);
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 3u);
}

TEST(DerivedCacheTest, RefusesWhatARequestDerivedFromAnOlderStore) {
  DerivedCache cache;
  EXPECT_EQ(cache.RootOf(9, "biden"), std::nullopt);  // a request at 9 came first
  cache.PutRoot(8, "biden", "biden");                   // a slower one, begun at 8
  EXPECT_EQ(cache.RootOf(9, "biden"), std::nullopt);
  EXPECT_EQ(cache.RootOf(8, "biden"), std::nullopt);
  cache.PutRoot(9, "biden", "biden-joseph");
  EXPECT_EQ(cache.RootOf(9, "biden"), "biden-joseph");
}

TEST(DerivedCacheTest, EveryKindFollowsTheSequence) {
  DerivedCache cache;
  auto event = std::make_shared<v1::Event>();
  event->set_name("events/m1");
  cache.PutShownEvent(3, "m1", event);
  cache.PutMembers(3, "biden-joseph", {{"biden-joseph", ""}, {"biden", "fuller name"}});
  auto summary = std::make_shared<ParticipantSummary>();
  summary->name_terms = {"biden"};
  cache.PutSummary(3, "biden", summary);
  cache.PutShownParticipant(3, "biden-joseph", std::make_shared<v1::Participant>());
  cache.PutSketch(3, "m1", std::make_shared<EventSketch>(SketchOf(*event)));
  ASSERT_TRUE(cache.Sketch(3, "m1").has_value());
  EXPECT_EQ((*cache.Sketch(3, "m1"))->name, "events/m1");
  ASSERT_TRUE(cache.ShownEvent(3, "m1").has_value());
  EXPECT_EQ((*cache.ShownEvent(3, "m1"))->name(), "events/m1");
  ASSERT_TRUE(cache.MembersOf(3, "biden-joseph").has_value());
  EXPECT_EQ(cache.MembersOf(3, "biden-joseph")->size(), 2u);
  EXPECT_TRUE(cache.Summary(3, "biden").has_value());
  EXPECT_TRUE(cache.ShownParticipant(3, "biden-joseph").has_value());

  EXPECT_FALSE(cache.ShownEvent(4, "m1").has_value());
  EXPECT_FALSE(cache.MembersOf(4, "biden-joseph").has_value());
  EXPECT_FALSE(cache.Summary(4, "biden").has_value());
  EXPECT_FALSE(cache.ShownParticipant(4, "biden-joseph").has_value());
  EXPECT_FALSE(cache.Sketch(4, "m1").has_value());
}

TEST(DerivedCacheTest, PastItsBudgetItStartsAgainEmpty) {
  DerivedCache cache(/*max_bytes=*/1000);
  cache.PutRoot(1, "a", "a");
  cache.PutRoot(1, "b", "b");
  EXPECT_EQ(cache.RootOf(1, "a"), "a");
  v1::Event large;
  large.set_title(std::string(200, 'x'));  // about 3 x 200 bytes in memory
  cache.PutShownEvent(1, "e1", std::make_shared<v1::Event>(large));
  EXPECT_TRUE(cache.ShownEvent(1, "e1").has_value());
  cache.PutShownEvent(1, "e2", std::make_shared<v1::Event>(large));
  EXPECT_FALSE(cache.ShownEvent(1, "e1").has_value());
  EXPECT_EQ(cache.RootOf(1, "a"), std::nullopt);
  EXPECT_TRUE(cache.ShownEvent(1, "e2").has_value());
  // A value larger than the whole budget is not kept, and evicts nothing.
  large.set_title(std::string(1000, 'x'));
  cache.PutShownEvent(1, "e3", std::make_shared<v1::Event>(large));
  EXPECT_FALSE(cache.ShownEvent(1, "e3").has_value());
  EXPECT_TRUE(cache.ShownEvent(1, "e2").has_value());
}

}  // namespace
}  // namespace parley::service
