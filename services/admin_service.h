// parley.v1.ParleyAdmin: re-extraction of the stored articles while parleyd
// serves queries and ingests (ingest/reindexer.h), one run at a time on a
// background thread; checkpoints of the store (storage/checkpoints.h).
// Guarded by the same bearer token as parley.v1.Parley.
#ifndef PARLEY_SERVICES_ADMIN_SERVICE_H_
#define PARLEY_SERVICES_ADMIN_SERVICE_H_

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include "grpcpp/grpcpp.h"
#include "ingest/reindexer.h"
#include "parley/v1/parley_service.grpc.pb.h"
#include "storage/checkpoints.h"
#include "storage/store.h"

namespace parley::service {

// The reindex run of one parleyd.
class BackgroundReindex {
 public:
  // `store` must outlive this object; `options.all` is set per run.
  BackgroundReindex(storage::Store& store, ingest::ReindexOptions options = {});
  ~BackgroundReindex();  // stops a run at its next article and waits

  // Starts a run (resuming an interrupted one with the same settings).
  // FAILED_PRECONDITION while one runs.
  absl::StatusOr<v1::ReindexStatus> Start(bool all);
  v1::ReindexStatus Status();
  // Stops a run at its next article; its progress is kept for a resume.
  void Stop();

 private:
  void Publish(const ingest::ReindexReport& report);

  storage::Store& store_;
  ingest::ReindexOptions options_;
  std::mutex mutex_;
  v1::ReindexStatus status_;  // guarded by mutex_
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

class ParleyAdminService final : public v1::ParleyAdmin::Service {
 public:
  // An empty token leaves the service open (as parley.v1.Parley is then).
  ParleyAdminService(BackgroundReindex& reindex, storage::Store& store,
                     storage::CheckpointDirectory& checkpoints, std::string token)
      : reindex_(reindex), store_(store), checkpoints_(checkpoints), token_(std::move(token)) {}

  grpc::Status StartReindex(grpc::ServerContext*, const v1::StartReindexRequest*,
                            v1::StartReindexResponse*) override;
  grpc::Status GetReindexStatus(grpc::ServerContext*, const v1::GetReindexStatusRequest*,
                                v1::GetReindexStatusResponse*) override;
  grpc::Status CreateCheckpoint(grpc::ServerContext*, const v1::CreateCheckpointRequest*,
                                v1::CreateCheckpointResponse*) override;
  grpc::Status ListCheckpoints(grpc::ServerContext*, const v1::ListCheckpointsRequest*,
                               v1::ListCheckpointsResponse*) override;

 private:
  BackgroundReindex& reindex_;
  storage::Store& store_;
  storage::CheckpointDirectory& checkpoints_;
  const std::string token_;
};

// A one-line summary of a status for logs and terminals.
std::string DescribeReindex(const v1::ReindexStatus& status);

v1::Checkpoint ToCheckpointProto(const storage::CheckpointEntry& entry);

}  // namespace parley::service

#endif  // PARLEY_SERVICES_ADMIN_SERVICE_H_
