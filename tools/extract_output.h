// What parley-extract prints, as pure functions, so that the tool and the
// extractor fingerprint test (tools/extractor_fingerprint_test.cc) compute
// the same bytes: one JSON parley.v1.Event per article, and a fingerprint of
// those lines over a fixed list of articles (kExtractorFingerprint in
// extract/extractor.h). No I/O: the caller reads the files.
#ifndef PARLEY_TOOLS_EXTRACT_OUTPUT_H_
#define PARLEY_TOOLS_EXTRACT_OUTPUT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace parley::tools {

// parley-extract's line for one article, without the newline: the article
// decoded (DecodeArticle) and extracted (ExtractEvent) exactly as parleyd
// does, printed as JSON with proto field names. `id` is the article id (the
// file name without its extension); `contents` the file's bytes.
absl::StatusOr<std::string> ExtractArticleJson(std::string_view id,
                                               std::string_view contents);

// Article ids of a list file: one per line, surrounding spaces dropped;
// empty lines and lines starting with "#" are skipped. An id holding a space,
// a "/" or a "#", or listed twice, is an error naming its line.
absl::StatusOr<std::vector<std::string>> ParseArticleList(std::string_view text);

// 64-bit FNV-1a of `data`, continuing from `state` (a stable, documented
// hash: http://www.isthe.com/chongo/tech/comp/fnv/).
inline constexpr uint64_t kFnv1a64Offset = 0xcbf29ce484222325ULL;
uint64_t Fnv1a64(std::string_view data, uint64_t state = kFnv1a64Offset);

// 16 lower-case hex digits.
std::string Hex64(uint64_t value);

struct Fingerprint {
  std::string hex;   // Hex64 of FNV-1a 64 over every line and its "\n"
  int articles = 0;  // lines hashed
};

// Reads one article's bytes by id; an error names the article.
using ArticleReader = std::function<absl::StatusOr<std::string>(const std::string& id)>;

// Calls `line` with ExtractArticleJson of each of `ids`, in order. The first
// article that cannot be read, decoded or extracted is an error naming it.
absl::Status ForEachArticleLine(const std::vector<std::string>& ids, const ArticleReader& read,
                                const std::function<void(const std::string& line)>& line);

// The fingerprint of parley-extract's output over `ids`, in order: FNV-1a 64
// of the concatenated lines, each ExtractArticleJson followed by "\n", i.e.
// of what `parley-extract --list FILE --articles DIR` prints. The first
// article that cannot be read, decoded or extracted is an error naming it.
absl::StatusOr<Fingerprint> FingerprintArticles(const std::vector<std::string>& ids,
                                                const ArticleReader& read);

}  // namespace parley::tools

#endif  // PARLEY_TOOLS_EXTRACT_OUTPUT_H_
