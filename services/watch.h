// WatchEvents: server streams of the store's change log. Every stream tails
// the log from its own position (a cursor, or the newest change when it
// starts), so that the store, not a per-stream queue, holds what a stream
// has yet to send: catching up after a reconnect or a restart is the same
// code as following live changes, nothing is missed or repeated, and memory
// does not grow with a slow reader.
//
// One pump thread serves every stream: it reads the next change that
// matches a stream's filters and starts its write when the previous one is
// done. A stream whose write has not completed for WatchOptions::
// stall_timeout while changes wait for it (a client that stopped reading)
// ends with RESOURCE_EXHAUSTED and the cursor to resume from; the pump,
// the other streams and ingest never wait for it. The store notifies the
// feed of new changes through Store::SetChangeListener, which only wakes
// the pump.
#ifndef PARLEY_SERVICES_WATCH_H_
#define PARLEY_SERVICES_WATCH_H_

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/parley_service.pb.h"
#include "services/queries.h"
#include "storage/store.h"

namespace parley::service {

struct WatchOptions {
  // How long a write may wait for a client that does not read while newer
  // changes wait. Default 30 s.
  absl::Duration stall_timeout = absl::Seconds(30);
  // Changes examined per stream per pump round, so that a stream with very
  // selective filters does not delay the others. Default 512.
  int max_examined_per_round = 512;
};

class WatchStream;

class ChangeFeed {
 public:
  // Listens to `store`'s changes; `store` must outlive the feed.
  ChangeFeed(storage::Store& store, WatchOptions options = {});
  ~ChangeFeed();

  // The change after which a watch with cursor `after` starts: the newest
  // change when `after` is empty. INVALID_ARGUMENT for a malformed cursor;
  // OUT_OF_RANGE for a cursor of another store, one newer than the store
  // (a store restored from an older backup), or one older than the
  // retained change log.
  absl::StatusOr<uint64_t> StartAfter(std::string_view after);

  // A stream of the changes after `after` that `matcher` accepts. After
  // Shutdown, a stream that ends at once with UNAVAILABLE.
  grpc::ServerWriteReactor<v1::WatchEventsResponse>* Watch(EventMatcher matcher,
                                                           uint64_t after);

  // Ends every stream with UNAVAILABLE (and its resume cursor) and stops the
  // pump. Call before the gRPC server shuts down, which waits for streams.
  void Shutdown();

 private:
  friend class WatchStream;
  void Wake();
  void Remove(WatchStream* stream);
  void PumpLoop();

  storage::Store& store_;
  const WatchOptions options_;
  std::mutex signal_mutex_;
  std::condition_variable signal_;
  bool wake_ = false;          // guarded by signal_mutex_
  bool stopping_ = false;      // guarded by signal_mutex_
  std::recursive_mutex streams_mutex_;
  std::set<WatchStream*> streams_;  // guarded by streams_mutex_
  bool shut_down_ = false;          // guarded by streams_mutex_
  std::thread pump_;
};

}  // namespace parley::service

#endif  // PARLEY_SERVICES_WATCH_H_
