#include "services/pictures.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::ListConnectionsResponse Connections(int n) {
  v1::ListConnectionsResponse response;
  response.set_events(2 * n);
  for (int i = 0; i < n; ++i) {
    v1::Connection* c = response.add_connections();
    c->set_participant("participants/p" + std::to_string(i));
    c->set_display_name("Person \"" + std::to_string(i) + "\"");
    c->set_shared_events(n - i);
  }
  return response;
}

TEST(PicturesTest, ConnectionsRenderToSvgWithEveryPerson) {
  v1::Participant center;
  center.set_display_name("Francesco Diella");
  std::string dot = ConnectionsDot(center, Connections(60));
  EXPECT_THAT(dot, HasSubstr("Person \\\"59\\\""));  // quotes escaped
  absl::StatusOr<std::string> svg = RenderSvg(dot, "twopi");
  ASSERT_TRUE(svg.ok()) << svg.status();
  EXPECT_THAT(*svg, HasSubstr("<svg"));
  EXPECT_THAT(*svg, HasSubstr("Francesco Diella"));
  EXPECT_THAT(*svg, HasSubstr("Person &quot;59&quot;"));
}

TEST(PicturesTest, TimelineMarksAPromotionWhereItIsFirstSeen) {
  v1::Participant p;
  p.set_display_name("Francesco Diella");
  auto* later = p.add_history();
  later->set_rank("Lieutenant General");
  later->set_first_date("2023-02-13");
  auto* earlier = p.add_history();
  earlier->set_rank("Major General");
  earlier->set_first_date("2021-05-04");
  std::vector<v1::Event> events(2);
  events[0].set_start_date("2023-02-13");
  events[0].set_title("Staff talks in Seoul");
  events[0].set_type(v1::STAFF_TALKS);
  events[1].set_start_date("2021-05-04");
  events[1].set_title("Visit");
  std::string dot = TimelineDot(p, events);
  // Oldest first, each mark before the first event it holds for.
  size_t major = dot.find("from 2021-05-04: Major General");
  size_t visit = dot.find("2021-05-04  event");
  size_t lieutenant = dot.find("from 2023-02-13: Lieutenant General");
  size_t talks = dot.find("2023-02-13  staff talks");
  ASSERT_NE(major, std::string::npos);
  ASSERT_NE(talks, std::string::npos);
  EXPECT_LT(major, visit);
  EXPECT_LT(visit, lieutenant);
  EXPECT_LT(lieutenant, talks);
  EXPECT_THAT(dot, HasSubstr("cluster_2021"));
  absl::StatusOr<std::string> svg = RenderSvg(dot, "dot");
  ASSERT_TRUE(svg.ok()) << svg.status();
  EXPECT_THAT(*svg, HasSubstr("Staff talks in Seoul"));
}

TEST(PicturesTest, BadDotIsRefused) {
  EXPECT_EQ(RenderSvg("graph {", "dot").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace parley::service
