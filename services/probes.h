// Readiness and liveness of parleyd, decided from plain figures so the
// rules are tested without a server. The same answers are served over gRPC
// health (services "readiness" and "liveness") and over HTTP (/readyz,
// /livez on the metrics port).
//
//   ready: the store is open and ingest is caught up: partitions are
//          assigned and every one is at most `ready_max_lag` messages behind
//          its high watermark. During a broker outage the last measured lag
//          stands (KafkaIngestor::lag), so a caught-up replica stays in
//          rotation and keeps answering queries while Kafka is away.
//   live:  the ingest loop went round within `live_max_stall` (it does at
//          least every 200 ms, also while it retries a message).
#ifndef PARLEY_SERVICES_PROBES_H_
#define PARLEY_SERVICES_PROBES_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace parley::service {

struct ProbeSettings {
  int64_t ready_max_lag = 1000;
  absl::Duration live_max_stall = absl::Seconds(60);
};

struct ProbeInputs {
  bool store_open = false;
  // Per-partition lag; nullopt while unknown.
  std::optional<std::vector<int64_t>> lag;
  absl::Time last_progress;
  absl::Time now;
};

struct ProbeResult {
  bool ok = false;
  std::string reason;  // "ok" or why not
};

ProbeResult EvaluateReadiness(const ProbeInputs& inputs, const ProbeSettings& settings);
ProbeResult EvaluateLiveness(const ProbeInputs& inputs, const ProbeSettings& settings);

// The latest results, written by one thread and read by probe handlers.
class ProbeState {
 public:
  void Set(ProbeResult ready, ProbeResult live);
  ProbeResult ready() const;
  ProbeResult live() const;

 private:
  mutable std::mutex mutex_;
  ProbeResult ready_{false, "starting"};
  ProbeResult live_{true, "starting"};
};

}  // namespace parley::service

#endif  // PARLEY_SERVICES_PROBES_H_
