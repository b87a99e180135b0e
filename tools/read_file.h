// Whole-file reading for the command-line tools (the libraries do no I/O).
#ifndef PARLEY_TOOLS_READ_FILE_H_
#define PARLEY_TOOLS_READ_FILE_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"

namespace parley::tools {

inline absl::StatusOr<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path.string(), ": cannot open"));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path.string(), ": read failed"));
  return contents.str();
}

}  // namespace parley::tools

#endif  // PARLEY_TOOLS_READ_FILE_H_
