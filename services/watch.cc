#include "services/watch.h"

#include <atomic>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/log.h"
#include "services/grpc_service.h"
#include "services/page_token.h"

namespace parley::service {
namespace {

v1::WatchEventsResponse::ChangeType ChangeTypeOf(records::ChangeRecord::Kind kind) {
  switch (kind) {
    case records::ChangeRecord::KIND_STORED: return v1::WatchEventsResponse::CHANGE_TYPE_STORED;
    case records::ChangeRecord::KIND_REPLACED:
      return v1::WatchEventsResponse::CHANGE_TYPE_REPLACED;
    case records::ChangeRecord::KIND_DELETED: return v1::WatchEventsResponse::CHANGE_TYPE_DELETED;
    default: return v1::WatchEventsResponse::CHANGE_TYPE_UNSPECIFIED;
  }
}

}  // namespace

// One WatchEvents call. Its state is touched by the pump thread only, except
// the flags that gRPC's reactions set.
class WatchStream : public grpc::ServerWriteReactor<v1::WatchEventsResponse> {
 public:
  WatchStream(ChangeFeed& feed, EventMatcher matcher, uint64_t after)
      : feed_(feed), matcher_(std::move(matcher)), position_(after) {}

  void OnWriteDone(bool ok) override {
    write_failed_ = !ok;
    writing_ = false;
    feed_.Wake();
  }
  void OnCancel() override {
    cancelled_ = true;
    feed_.Wake();
  }
  void OnDone() override {
    feed_.Remove(this);
    delete this;
  }

  // Sends the next matching change if the previous write is done. Pump
  // thread only. May end the stream, which is then its last action: gRPC may
  // delete the stream as soon as it is finished.
  void Pump(storage::Store& store, const WatchOptions& options, absl::Time now);

  // Ends the stream, naming the cursor to resume from. Pump thread only.
  void EndWith(grpc::StatusCode code, std::string why) {
    End(grpc::Status(code, absl::StrCat(why, "; ", ResumeAdvice())));
  }

 private:
  void End(const grpc::Status& status) {
    if (finished_) return;
    finished_ = true;
    Finish(status);
  }
  std::string ResumeAdvice() const {
    if (last_cursor_.empty()) return "nothing was sent yet: watch again with the same \"after\"";
    return absl::StrCat("resume with after=\"", last_cursor_, "\"");
  }
  // Reads changes after position_ until one matches (true, response_
  // filled) or the round's limit. OUT_OF_RANGE when the log no longer holds
  // the next change.
  absl::StatusOr<bool> NextMatch(storage::Store& store, const WatchOptions& options);

  ChangeFeed& feed_;
  EventMatcher matcher_;
  uint64_t position_;        // the last change examined
  std::string last_cursor_;  // of the last change sent
  v1::WatchEventsResponse response_;  // alive until its write is done
  absl::Time write_started_;
  bool finished_ = false;
  std::atomic<bool> writing_{false};
  std::atomic<bool> write_failed_{false};
  std::atomic<bool> cancelled_{false};
};

absl::StatusOr<bool> WatchStream::NextMatch(storage::Store& store, const WatchOptions& options) {
  bool found = false, gap = false;
  int examined = 0;
  absl::Status scanned = store.ScanChanges(position_, [&](records::ChangeRecord& change) {
    if (change.sequence() != position_ + 1) {
      gap = true;
      return false;
    }
    position_ = change.sequence();
    if (matcher_.Matches(change.event())) {
      response_.Clear();
      response_.set_change_type(ChangeTypeOf(change.kind()));
      *response_.mutable_event() = std::move(*change.mutable_event());
      response_.set_cursor(EncodeWatchCursor(store.StoreId(), change.sequence()));
      response_.set_change_time(absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ",
                                                 absl::FromUnixMillis(change.changed_at_unix_ms()),
                                                 absl::UTCTimeZone()));
      found = true;
      return false;
    }
    return ++examined < options.max_examined_per_round;
  });
  if (!scanned.ok()) return scanned;
  if (gap) {
    return absl::OutOfRangeError(absl::StrCat(
        "the stream fell behind the retained change log (change ", position_ + 1,
        " was dropped)"));
  }
  if (!found && examined >= options.max_examined_per_round) feed_.Wake();  // more to read
  return found;
}

void WatchStream::Pump(storage::Store& store, const WatchOptions& options, absl::Time now) {
  if (finished_) return;
  if (cancelled_) return End(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled"));
  if (write_failed_) return End(grpc::Status(grpc::StatusCode::UNAVAILABLE, "write failed"));
  if (writing_) {
    if (now - write_started_ > options.stall_timeout && store.LastChangeSequence() > position_) {
      EndWith(grpc::StatusCode::RESOURCE_EXHAUSTED,
              absl::StrCat("the client stopped reading for ",
                           absl::FormatDuration(options.stall_timeout), " while ",
                           store.LastChangeSequence() - position_, " changes waited"));
    }
    return;
  }
  if (store.LastChangeSequence() <= position_) return;
  absl::StatusOr<bool> found = NextMatch(store, options);
  if (!found.ok()) {
    return EndWith(static_cast<grpc::StatusCode>(found.status().code()),
                   std::string(found.status().message()));
  }
  if (!*found) return;
  last_cursor_ = response_.cursor();
  write_started_ = now;
  writing_ = true;
  StartWrite(&response_);
}

ChangeFeed::ChangeFeed(storage::Store& store, WatchOptions options)
    : store_(store), options_(options) {
  store_.SetChangeListener([this](uint64_t) { Wake(); });
  pump_ = std::thread([this] { PumpLoop(); });
}

ChangeFeed::~ChangeFeed() {
  Shutdown();
  store_.SetChangeListener(nullptr);
}

absl::StatusOr<uint64_t> ChangeFeed::StartAfter(std::string_view after) {
  uint64_t last = store_.LastChangeSequence();
  if (after.empty()) return last;
  absl::StatusOr<WatchPosition> position = DecodeWatchCursor(after);
  if (!position.ok()) return position.status();
  if (position->store_id != store_.StoreId()) {
    return absl::OutOfRangeError(
        "after: the cursor is from another store (another replica, or a store rebuilt since); "
        "read the current state with ListEvents and watch without a cursor");
  }
  if (position->sequence > last) {
    return absl::OutOfRangeError(
        "after: the cursor is newer than this store's change log (a store restored from a "
        "backup); read the current state with ListEvents and watch without a cursor");
  }
  absl::StatusOr<uint64_t> first = store_.FirstRetainedChange();
  if (!first.ok()) return first.status();
  if (position->sequence + 1 < *first) {
    return absl::OutOfRangeError(absl::StrCat(
        "after: the cursor is older than the retained change log (which starts at change ",
        *first, "); read the current state with ListEvents and watch without a cursor"));
  }
  return position->sequence;
}

grpc::ServerWriteReactor<v1::WatchEventsResponse>* ChangeFeed::Watch(EventMatcher matcher,
                                                                     uint64_t after) {
  std::lock_guard<std::recursive_mutex> lock(streams_mutex_);
  if (shut_down_) {
    return RefuseWatch(grpc::Status(grpc::StatusCode::UNAVAILABLE, "parleyd is shutting down"));
  }
  auto* stream = new WatchStream(*this, std::move(matcher), after);
  streams_.insert(stream);
  Wake();
  return stream;
}

void ChangeFeed::Wake() {
  {
    std::lock_guard<std::mutex> lock(signal_mutex_);
    wake_ = true;
  }
  signal_.notify_one();
}

void ChangeFeed::Remove(WatchStream* stream) {
  std::lock_guard<std::recursive_mutex> lock(streams_mutex_);
  streams_.erase(stream);
}

void ChangeFeed::PumpLoop() {
  while (true) {
    {
      std::unique_lock<std::mutex> lock(signal_mutex_);
      // The timeout lets stalled writes be noticed when nothing else happens.
      signal_.wait_for(lock, std::chrono::milliseconds(250), [&] { return wake_ || stopping_; });
      if (stopping_) return;
      wake_ = false;
    }
    std::lock_guard<std::recursive_mutex> lock(streams_mutex_);
    // A stream may finish, and gRPC remove it, while the round runs.
    std::vector<WatchStream*> round(streams_.begin(), streams_.end());
    absl::Time now = absl::Now();
    for (WatchStream* stream : round) {
      if (streams_.count(stream) > 0) stream->Pump(store_, options_, now);
    }
  }
}

void ChangeFeed::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(signal_mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  signal_.notify_one();
  if (pump_.joinable()) pump_.join();
  std::lock_guard<std::recursive_mutex> lock(streams_mutex_);
  shut_down_ = true;
  std::vector<WatchStream*> open(streams_.begin(), streams_.end());
  for (WatchStream* stream : open) {
    if (streams_.count(stream) > 0) {
      stream->EndWith(grpc::StatusCode::UNAVAILABLE, "parleyd is shutting down");
    }
  }
}

}  // namespace parley::service
