#include "services/probes.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace parley::service {

ProbeResult EvaluateReadiness(const ProbeInputs& inputs, const ProbeSettings& settings) {
  if (!inputs.store_open) return {false, "store not open"};
  if (!inputs.lag) return {false, "ingest lag unknown: no partitions assigned or no watermarks yet"};
  if (inputs.lag->empty()) return {false, "no partitions assigned"};
  int64_t worst = *std::max_element(inputs.lag->begin(), inputs.lag->end());
  if (worst > settings.ready_max_lag) {
    return {false, absl::StrCat("ingest lag ", worst, " messages > --ready-max-lag ",
                                settings.ready_max_lag)};
  }
  return {true, "ok"};
}

ProbeResult EvaluateLiveness(const ProbeInputs& inputs, const ProbeSettings& settings) {
  absl::Duration stalled = inputs.now - inputs.last_progress;
  if (stalled > settings.live_max_stall) {
    return {false, absl::StrCat("ingest loop made no progress for ", absl::FormatDuration(stalled),
                                " > --live-max-stall ",
                                absl::FormatDuration(settings.live_max_stall))};
  }
  return {true, "ok"};
}

void ProbeState::Set(ProbeResult ready, ProbeResult live) {
  std::lock_guard<std::mutex> lock(mutex_);
  ready_ = std::move(ready);
  live_ = std::move(live);
}

ProbeResult ProbeState::ready() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ready_;
}

ProbeResult ProbeState::live() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return live_;
}

}  // namespace parley::service
