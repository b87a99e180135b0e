// parley-extract: runs the extractor parleyd uses on article files and prints
// each event as one line of JSON (parley.v1.Event).
//
//   parley-extract FILE...
//
// A file is an article envelope (<id>.json) or a page-layout article (.txt);
// its stem is the article id. For looking at what the extractor makes of an
// article, and for diffing the extractor's output over a whole corpus before
// and after a change. Exit status 1 when any file cannot be read, decoded or
// extracted (reported on stderr; the other files are still printed).
#include <filesystem>
#include <iostream>
#include <string>

#include <google/protobuf/util/json_util.h>

#include "absl/status/statusor.h"
#include "extract/article.h"
#include "extract/extractor.h"
#include "tools/read_file.h"

namespace {

absl::StatusOr<std::string> ExtractFile(const std::filesystem::path& path) {
  absl::StatusOr<std::string> contents = parley::tools::ReadFile(path);
  if (!contents.ok()) return contents.status();
  absl::StatusOr<parley::NormalizedArticle> article =
      parley::DecodeArticle(path.stem().string(), *contents, {});
  if (!article.ok()) return article.status();
  absl::StatusOr<parley::v1::Event> event = parley::ExtractEvent(*article, {});
  if (!event.ok()) return event.status();
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  auto printed = google::protobuf::util::MessageToJsonString(*event, &json, options);
  if (!printed.ok()) return absl::InternalError(std::string(printed.message()));
  return json;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: parley-extract FILE...\n";
    return 2;
  }
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    absl::StatusOr<std::string> json = ExtractFile(argv[i]);
    if (!json.ok()) {
      std::cerr << argv[i] << ": " << json.status() << "\n";
      status = 1;
      continue;
    }
    std::cout << *json << "\n";
  }
  return status;
}
