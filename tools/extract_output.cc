#include "tools/extract_output.h"

#include <string>
#include <utility>

#include <google/protobuf/util/json_util.h>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "extract/article.h"
#include "extract/extractor.h"

namespace parley::tools {

absl::StatusOr<std::string> ExtractArticleJson(std::string_view id,
                                               std::string_view contents) {
  PARLEY_ASSIGN_OR_RETURN(NormalizedArticle article,
                          DecodeArticle(id, contents, DecodeOptions()));
  PARLEY_ASSIGN_OR_RETURN(v1::Event event, ExtractEvent(article, ExtractOptions()));
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  auto printed = google::protobuf::util::MessageToJsonString(event, &json, options);
  if (!printed.ok()) return absl::InternalError(std::string(printed.message()));
  return json;
}

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ParseArticleList(std::string_view text) {
  std::vector<std::string> ids;
  absl::flat_hash_set<std::string> seen;
  int line_number = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = Trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    std::string id(line);
    if (id.find_first_of(" \t/#") != std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line_number, ": \"", id, "\" is not an article id"));
    }
    if (!seen.insert(id).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line_number, ": ", id, " is listed twice"));
    }
    ids.push_back(std::move(id));
  }
  return ids;
}

uint64_t Fnv1a64(std::string_view data, uint64_t state) {
  constexpr uint64_t kPrime = 0x100000001b3ULL;
  for (const char c : data) {
    state ^= static_cast<unsigned char>(c);
    state *= kPrime;
  }
  return state;
}

std::string Hex64(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) hex[i] = kDigits[value & 0xf];
  return hex;
}

absl::Status ForEachArticleLine(const std::vector<std::string>& ids, const ArticleReader& read,
                                const std::function<void(const std::string& line)>& line) {
  for (const std::string& id : ids) {
    PARLEY_ASSIGN_OR_RETURN(std::string contents, read(id));
    absl::StatusOr<std::string> json = ExtractArticleJson(id, contents);
    if (!json.ok()) {
      return absl::Status(json.status().code(),
                          absl::StrCat(id, ": ", json.status().message()));
    }
    line(*json);
  }
  return absl::OkStatus();
}

absl::StatusOr<Fingerprint> FingerprintArticles(const std::vector<std::string>& ids,
                                                const ArticleReader& read) {
  uint64_t state = kFnv1a64Offset;
  PARLEY_RETURN_IF_ERROR(ForEachArticleLine(ids, read, [&state](const std::string& json) {
    state = Fnv1a64("\n", Fnv1a64(json, state));
  }));
  return Fingerprint{Hex64(state), static_cast<int>(ids.size())};
}

}  // namespace parley::tools
