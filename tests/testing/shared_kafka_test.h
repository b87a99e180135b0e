// A test suite whose tests share one local Kafka broker, started before the
// suite's first test and stopped after its last (a broker takes seconds to
// start; topics keep tests apart).
#ifndef PARLEY_TESTS_TESTING_SHARED_KAFKA_TEST_H_
#define PARLEY_TESTS_TESTING_SHARED_KAFKA_TEST_H_

#include "common/status_matchers.h"
#include "gtest/gtest.h"
#include "tests/testing/local_services.h"

namespace parley::testing {

class SharedKafkaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto kafka = LocalKafka::Start();
    ASSERT_THAT(kafka, IsOk());
    kafka_ = kafka->release();
  }
  static void TearDownTestSuite() {
    delete kafka_;
    kafka_ = nullptr;
  }
  inline static LocalKafka* kafka_ = nullptr;
};

}  // namespace parley::testing

#endif  // PARLEY_TESTS_TESTING_SHARED_KAFKA_TEST_H_
