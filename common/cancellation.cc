#include "common/cancellation.h"

#include <utility>

namespace parley {
namespace {

thread_local const std::function<absl::Status()>* current_check = nullptr;

}  // namespace

ScopedCancellation::ScopedCancellation(std::function<absl::Status()> check)
    : check_(std::move(check)), previous_(current_check) {
  current_check = &check_;
}

ScopedCancellation::~ScopedCancellation() { current_check = previous_; }

absl::Status CheckCancellation() {
  return current_check == nullptr ? absl::OkStatus() : (*current_check)();
}

}  // namespace parley
