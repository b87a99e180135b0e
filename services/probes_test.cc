#include "services/probes.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::service {
namespace {

using ::testing::HasSubstr;

ProbeInputs Inputs(std::optional<std::vector<int64_t>> lag) {
  ProbeInputs inputs;
  inputs.store_open = true;
  inputs.lag = std::move(lag);
  inputs.now = absl::FromUnixSeconds(1000);
  inputs.last_progress = inputs.now - absl::Seconds(1);
  return inputs;
}

TEST(ReadinessTest, ReadyWhenEveryPartitionIsWithinTheLag) {
  ProbeSettings settings{.ready_max_lag = 10};
  EXPECT_TRUE(EvaluateReadiness(Inputs(std::vector<int64_t>{0, 10}), settings).ok);
  ProbeResult behind = EvaluateReadiness(Inputs(std::vector<int64_t>{0, 11}), settings);
  EXPECT_FALSE(behind.ok);
  EXPECT_THAT(behind.reason, HasSubstr("ingest lag 11 messages > --ready-max-lag 10"));
}

TEST(ReadinessTest, NotReadyWithoutAStoreOrAKnownLag) {
  ProbeSettings settings;
  EXPECT_THAT(EvaluateReadiness(Inputs(std::nullopt), settings).reason, HasSubstr("unknown"));
  EXPECT_FALSE(EvaluateReadiness(Inputs(std::vector<int64_t>{}), settings).ok);
  ProbeInputs closed = Inputs(std::vector<int64_t>{0});
  closed.store_open = false;
  EXPECT_THAT(EvaluateReadiness(closed, settings).reason, HasSubstr("store"));
}

TEST(LivenessTest, LiveWhileTheIngestLoopGoesRound) {
  ProbeSettings settings{.live_max_stall = absl::Seconds(30)};
  ProbeInputs inputs = Inputs(std::nullopt);
  EXPECT_TRUE(EvaluateLiveness(inputs, settings).ok) << "liveness does not need the broker";
  inputs.last_progress = inputs.now - absl::Seconds(31);
  ProbeResult stalled = EvaluateLiveness(inputs, settings);
  EXPECT_FALSE(stalled.ok);
  EXPECT_THAT(stalled.reason, HasSubstr("no progress for 31s"));
}

TEST(ProbeStateTest, StartsNotReadyButLive) {
  ProbeState state;
  EXPECT_FALSE(state.ready().ok);
  EXPECT_TRUE(state.live().ok);
  state.Set({true, "ok"}, {false, "stalled"});
  EXPECT_TRUE(state.ready().ok);
  EXPECT_EQ(state.live().reason, "stalled");
}

}  // namespace
}  // namespace parley::service
