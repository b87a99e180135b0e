// The normalised article every extraction stage works on, and the decoder
// that turns a Kafka message (JSON envelope or plain-text page) into one.
// Pure: no I/O, no clock.
#ifndef PARLEY_EXTRACT_ARTICLE_H_
#define PARLEY_EXTRACT_ARTICLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace parley {

enum class ParagraphKind {
  kTitle,     // the headline
  kDateline,  // page-layout metadata lines, e.g. "13 Feb. 2023 - 14 Feb. 2023"
  kBody,
};

// A paragraph as a byte range [begin, end) of NormalizedArticle::text.
struct Paragraph {
  ParagraphKind kind = ParagraphKind::kBody;
  size_t begin = 0;
  size_t end = 0;
};

struct NormalizedArticle {
  std::string id;
  std::string title;
  std::string source;
  std::string url;
  std::string language;
  // Publication date as YYYY-MM-DD; empty if the article gives none. Relative
  // dates in the text ("last Tuesday") resolve against it.
  std::string published;
  // Last update as given, ISO 8601 date or date-time; may be empty.
  std::string updated;
  // "json" (article envelope) or "page" (publisher page layout).
  std::string input_format;
  // NFC text with typographic quotes kept, dashes unified, whitespace
  // collapsed within paragraphs; paragraphs joined by "\n\n". Starts with the
  // title paragraph when there is a title.
  std::string text;
  std::vector<Paragraph> paragraphs;

  std::string_view ParagraphText(const Paragraph& paragraph) const {
    return std::string_view(text).substr(paragraph.begin,
                                         paragraph.end - paragraph.begin);
  }
};

struct DecodeOptions {
  // Messages larger than this are rejected (INVALID_ARGUMENT). Default 4 MiB.
  size_t max_message_bytes = 4 << 20;
  // JSON nested deeper than this is rejected. Default 32.
  int max_json_depth = 32;
};

// Decodes one message into a normalised article.
//
// `key` is the Kafka message key (the article id). `value` is either a JSON
// article envelope (first non-space byte '{') or the plain-text page layout.
// For JSON the envelope's "id" is the article id; a non-empty key that
// differs from it is an error. For pages the key is the id and is required.
//
// Errors (all permanent, INVALID_ARGUMENT, the message names the problem):
// empty or oversized value, invalid UTF-8, malformed JSON, missing or
// wrong-typed fields, an id that is empty or not a safe identifier, an empty
// body.
absl::StatusOr<NormalizedArticle> DecodeArticle(std::string_view key,
                                                std::string_view value,
                                                const DecodeOptions& options);

// True when `id` may be used as an article id: 1-200 bytes of
// [A-Za-z0-9._-], starting with an alphanumeric.
bool IsValidArticleId(std::string_view id);

}  // namespace parley

#endif  // PARLEY_EXTRACT_ARTICLE_H_
