#include "services/admin_service.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/log.h"
#include "extract/extractor.h"
#include "services/auth.h"
#include "services/grpc_service.h"

namespace parley::service {

BackgroundReindex::BackgroundReindex(storage::Store& store, ingest::ReindexOptions options)
    : store_(store), options_(std::move(options)) {
  status_.set_state(v1::ReindexStatus::STATE_IDLE);
  status_.set_target_version(options_.target_version ? options_.target_version
                                                     : kExtractorVersion);
  // An interrupted run shows where it stopped until it is started again.
  absl::StatusOr<std::optional<records::ReindexProgress>> stored = store_.GetReindexProgress();
  if (stored.ok() && stored->has_value()) {
    status_.set_articles_done((*stored)->articles_done());
    status_.set_articles_reextracted((*stored)->articles_reextracted());
    if ((*stored)->finished()) status_.set_state(v1::ReindexStatus::STATE_DONE);
  }
}

BackgroundReindex::~BackgroundReindex() {
  Stop();
  if (thread_.joinable()) thread_.join();
}

void BackgroundReindex::Stop() { stop_ = true; }

void BackgroundReindex::Publish(const ingest::ReindexReport& report) {
  std::lock_guard<std::mutex> lock(mutex_);
  status_.set_target_version(report.progress.target_version());
  status_.set_articles_done(report.progress.articles_done());
  status_.set_articles_total(report.articles_total);
  status_.set_articles_reextracted(report.progress.articles_reextracted());
}

absl::StatusOr<v1::ReindexStatus> BackgroundReindex::Start(bool all) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (status_.state() == v1::ReindexStatus::STATE_RUNNING) {
    return absl::FailedPreconditionError("a reindex is already running");
  }
  if (thread_.joinable()) thread_.join();
  stop_ = false;
  status_.set_state(v1::ReindexStatus::STATE_RUNNING);
  status_.clear_error();
  ingest::ReindexOptions options = options_;
  options.all = all;
  thread_ = std::thread([this, options] {
    ingest::Reindexer reindexer(store_, options);
    absl::StatusOr<ingest::ReindexReport> report =
        reindexer.Run(stop_, [this](const ingest::ReindexReport& progress) {
          Publish(progress);
          LogInfo(absl::StrCat("reindex: ", DescribeReindex(Status())));
        });
    if (report.ok()) Publish(*report);
    std::lock_guard<std::mutex> ended(mutex_);
    if (!report.ok()) {
      status_.set_state(v1::ReindexStatus::STATE_FAILED);
      status_.set_error(std::string(report.status().message()));
    } else {
      status_.set_state(report->progress.finished() ? v1::ReindexStatus::STATE_DONE
                                                     : v1::ReindexStatus::STATE_IDLE);
    }
    LogInfo(absl::StrCat("reindex ended: ", DescribeReindex(status_)));
  });
  return status_;
}

v1::ReindexStatus BackgroundReindex::Status() {
  std::lock_guard<std::mutex> lock(mutex_);
  return status_;
}

std::string DescribeReindex(const v1::ReindexStatus& status) {
  std::string text = absl::StrCat(
      v1::ReindexStatus::State_Name(status.state()), ", version ", status.target_version(), ": ",
      status.articles_done(), " of ~", status.articles_total(), " articles, ",
      status.articles_reextracted(), " re-extracted");
  if (!status.error().empty()) absl::StrAppend(&text, " (", status.error(), ")");
  return text;
}

grpc::Status ParleyAdminService::StartReindex(grpc::ServerContext* context,
                                              const v1::StartReindexRequest* request,
                                              v1::StartReindexResponse* response) {
  if (grpc::Status status = CheckCallToken(*context, token_); !status.ok()) return status;
  absl::StatusOr<v1::ReindexStatus> started = reindex_.Start(request->all());
  if (!started.ok()) return ToGrpcStatus(started.status());
  *response->mutable_status() = *std::move(started);
  return grpc::Status::OK;
}

grpc::Status ParleyAdminService::GetReindexStatus(grpc::ServerContext* context,
                                                  const v1::GetReindexStatusRequest*,
                                                  v1::GetReindexStatusResponse* response) {
  if (grpc::Status status = CheckCallToken(*context, token_); !status.ok()) return status;
  *response->mutable_status() = reindex_.Status();
  return grpc::Status::OK;
}

v1::Checkpoint ToCheckpointProto(const storage::CheckpointEntry& entry) {
  v1::Checkpoint checkpoint;
  checkpoint.set_name(entry.name);
  checkpoint.set_path(entry.path);
  checkpoint.set_create_time(absl::FormatTime(absl::RFC3339_sec, entry.create_time,
                                              absl::UTCTimeZone()));
  checkpoint.set_last_change(entry.last_change);
  checkpoint.set_size_bytes(entry.size_bytes);
  return checkpoint;
}

grpc::Status ParleyAdminService::CreateCheckpoint(grpc::ServerContext* context,
                                                  const v1::CreateCheckpointRequest*,
                                                  v1::CreateCheckpointResponse* response) {
  if (grpc::Status status = CheckCallToken(*context, token_); !status.ok()) return status;
  absl::StatusOr<storage::CheckpointEntry> made = checkpoints_.Create(store_, absl::Now());
  if (!made.ok()) {
    LogError(absl::StrCat("checkpoint failed: ", made.status().ToString()));
    return ToGrpcStatus(made.status());
  }
  LogInfo(absl::StrCat("checkpoint ", made->path, " holds changes up to ", made->last_change));
  *response->mutable_checkpoint() = ToCheckpointProto(*made);
  return grpc::Status::OK;
}

grpc::Status ParleyAdminService::ListCheckpoints(grpc::ServerContext* context,
                                                 const v1::ListCheckpointsRequest*,
                                                 v1::ListCheckpointsResponse* response) {
  if (grpc::Status status = CheckCallToken(*context, token_); !status.ok()) return status;
  absl::StatusOr<std::vector<storage::CheckpointEntry>> entries = checkpoints_.List();
  if (!entries.ok()) return ToGrpcStatus(entries.status());
  for (const storage::CheckpointEntry& entry : *entries) {
    *response->add_checkpoints() = ToCheckpointProto(entry);
  }
  return grpc::Status::OK;
}

}  // namespace parley::service
