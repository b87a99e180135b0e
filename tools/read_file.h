// Whole-file reading for the command-line tools (the libraries do no I/O).
#ifndef PARLEY_TOOLS_READ_FILE_H_
#define PARLEY_TOOLS_READ_FILE_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

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

// Reads article `id` from `dir`: <id>.json (envelope), else <id>.txt (page).
inline absl::StatusOr<std::string> ReadArticle(const std::filesystem::path& dir,
                                               const std::string& id) {
  for (const char* extension : {".json", ".txt"}) {
    const std::filesystem::path path = dir / (id + extension);
    std::error_code error;
    if (std::filesystem::is_regular_file(path, error)) return ReadFile(path);
  }
  return absl::NotFoundError(absl::StrCat("article ", id, ": no ", id, ".json or ", id,
                                          ".txt in ", dir.string()));
}

}  // namespace parley::tools

#endif  // PARLEY_TOOLS_READ_FILE_H_
