#include "extract/article.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/status_macros.h"
#include "common/string_view.h"
#include "common/text.h"
#include "extract/calendar.h"
#include "nlohmann/json.hpp"

namespace parley {
namespace {

using Json = nlohmann::json;

absl::Status Invalid(absl::string_view id, absl::string_view problem) {
  if (id.empty()) return absl::InvalidArgumentError(problem);
  return absl::InvalidArgumentError(absl::StrCat("article ", id, ": ", problem));
}

// Maps typographic variants onto the few forms extraction expects: curly
// double quotes stay curly (their direction helps quote detection), other
// quotation marks fold onto them; dashes become '-', '–' or '—'.
std::optional<UChar32> CanonicalPunctuation(UChar32 c) {
  switch (c) {
    case 0x201E: case 0x201F: case 0x00AB: case 0x2033:
      return 0x201C;  // “
    case 0x00BB:
      return 0x201D;  // ”
    case 0x201A: case 0x201B: case 0x2032:
      return 0x2019;  // ’
    case 0x2010: case 0x2011:
      return '-';
    case 0x2012: case 0x2212:
      return 0x2013;  // –
    case 0x2015:
      return 0x2014;  // —
    default:
      return std::nullopt;
  }
}

bool IsInvisible(UChar32 c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
         c == 0xFEFF || c == 0x00AD;
}

// The per-code-point rules of NormalizeInline on NFC text: appends `c` to
// `out` (UTF-8), dropping invisible characters and turning whitespace and
// control runs into one pending space.
void AppendInline(UChar32 c, bool& pending_space, std::string& out) {
  if (c < 0x80) {
    if (c <= 0x20 || c == 0x7F) {  // ASCII whitespace and controls
      pending_space = !out.empty();
      return;
    }
  } else {
    if (IsInvisible(c)) return;
    if (u_isUWhiteSpace(c) || u_iscntrl(c)) {
      pending_space = !out.empty();
      return;
    }
    c = CanonicalPunctuation(c).value_or(c);
  }
  if (pending_space) out.push_back(' ');
  pending_space = false;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
    return;
  }
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, c);
  out.append(bytes, static_cast<size_t>(length));
}

// NFC, canonical punctuation, no control characters, whitespace runs
// collapsed to one space, trimmed. Used for every single-paragraph string.
// Works on the UTF-8 directly; only text that is not NFC yet goes through
// ICU's normaliser first (the text of most articles already is).
std::string NormalizeInline(absl::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  std::string composed;
  if (U_SUCCESS(error) && !nfc->isNormalizedUTF8(piece, error)) {
    icu::UnicodeString normalized =
        nfc->normalize(icu::UnicodeString::fromUTF8(piece), error);
    normalized.toUTF8String(composed);
    text = composed;
  }
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(bytes, i, length, c);
    AppendInline(c, pending_space, out);
  }
  return out;
}

// Splits text into paragraphs at blank lines; single line breaks inside a
// paragraph are ordinary whitespace.
std::vector<std::string> SplitParagraphs(absl::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    line = absl::StripTrailingAsciiWhitespace(line);  // drops '\r' too
    if (absl::StripAsciiWhitespace(line).empty()) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (!current.empty()) current.push_back(' ');
    current.append(line.data(), line.size());
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  std::vector<std::string> normalized;
  for (const std::string& paragraph : paragraphs) {
    std::string clean = NormalizeInline(paragraph);
    if (!clean.empty()) normalized.push_back(std::move(clean));
  }
  return normalized;
}

void AppendParagraph(ParagraphKind kind, absl::string_view text,
                     NormalizedArticle& article) {
  if (text.empty()) return;
  if (!article.text.empty()) article.text.append("\n\n");
  Paragraph paragraph{kind, article.text.size(), 0};
  article.text.append(text.data(), text.size());
  paragraph.end = article.text.size();
  article.paragraphs.push_back(paragraph);
}

// Counts the deepest bracket nesting outside JSON strings, so that hostile
// input cannot exhaust the stack of the recursive parser.
int JsonNestingDepth(absl::string_view value) {
  int depth = 0;
  int max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') max_depth = std::max(max_depth, ++depth);
    else if (c == '}' || c == ']') --depth;
  }
  return max_depth;
}

absl::StatusOr<std::string> OptionalStringField(const Json& envelope,
                                                const char* field,
                                                absl::string_view id) {
  auto it = envelope.find(field);
  if (it == envelope.end() || it->is_null()) return std::string();
  if (!it->is_string()) {
    return Invalid(id, absl::StrCat("field \"", field, "\" must be a string, got ",
                                    it->type_name()));
  }
  return it->get<std::string>();
}

// Normalises an ISO 8601 date or date-time to YYYY-MM-DD.
absl::StatusOr<std::string> IsoDateField(absl::string_view value,
                                         const char* field,
                                         absl::string_view id) {
  if (value.empty()) return std::string();
  std::optional<CivilDay> day = ParseIsoDate(ToStd(value));
  if (!day) {
    return Invalid(id, absl::StrCat("field \"", field,
                                    "\" is not an ISO 8601 date: \"",
                                    value.substr(0, 40), "\""));
  }
  return FormatIsoDate(*day);
}

absl::StatusOr<NormalizedArticle> DecodeEnvelope(absl::string_view key,
                                                 absl::string_view value,
                                                 const DecodeOptions& options) {
  if (JsonNestingDepth(value) > options.max_json_depth) {
    return Invalid(key, absl::StrCat("JSON nested deeper than ",
                                     options.max_json_depth, " levels"));
  }
  Json envelope;
  try {
    envelope = Json::parse(value.begin(), value.end());
  } catch (const Json::exception& e) {
    return Invalid(key, absl::StrCat("malformed JSON: ", e.what()));
  }
  if (!envelope.is_object()) return Invalid(key, "JSON envelope is not an object");

  NormalizedArticle article;
  article.input_format = "json";
  PARLEY_ASSIGN_OR_RETURN(std::string id, OptionalStringField(envelope, "id", key));
  if (id.empty()) return Invalid(key, "field \"id\" is missing or empty");
  if (!IsValidArticleId(id)) {
    return Invalid(key, absl::StrCat("field \"id\" is not a valid article id: \"",
                                     id.substr(0, 60), "\""));
  }
  if (!key.empty() && key != id) {
    return Invalid(id, absl::StrCat("message key \"", key.substr(0, 60),
                                    "\" does not match envelope id"));
  }
  article.id = id;
  auto body_it = envelope.find("body");
  if (body_it == envelope.end() || body_it->is_null()) {
    return Invalid(id, "field \"body\" is missing");
  }
  PARLEY_ASSIGN_OR_RETURN(std::string body, OptionalStringField(envelope, "body", id));
  PARLEY_ASSIGN_OR_RETURN(std::string title, OptionalStringField(envelope, "title", id));
  PARLEY_ASSIGN_OR_RETURN(std::string published,
                          OptionalStringField(envelope, "published", id));
  PARLEY_ASSIGN_OR_RETURN(article.updated, OptionalStringField(envelope, "updated", id));
  PARLEY_ASSIGN_OR_RETURN(std::string url, OptionalStringField(envelope, "url", id));
  PARLEY_ASSIGN_OR_RETURN(std::string source, OptionalStringField(envelope, "source", id));
  PARLEY_ASSIGN_OR_RETURN(std::string language,
                          OptionalStringField(envelope, "language", id));
  PARLEY_ASSIGN_OR_RETURN(article.published, IsoDateField(published, "published", id));
  if (!article.updated.empty()) {
    PARLEY_RETURN_IF_ERROR(IsoDateField(article.updated, "updated", id).status());
  }
  if (article.published.empty() && !article.updated.empty()) {
    article.published = IsoDateField(article.updated, "updated", id).value();
  }
  article.url = NormalizeInline(url);
  article.source = NormalizeInline(source);
  article.language = language.empty() ? "en" : NormalizeInline(language);
  article.title = NormalizeInline(title);
  AppendParagraph(ParagraphKind::kTitle, article.title, article);
  size_t before_body = article.paragraphs.size();
  for (const std::string& paragraph : SplitParagraphs(body)) {
    AppendParagraph(ParagraphKind::kBody, paragraph, article);
  }
  if (article.paragraphs.size() == before_body) return Invalid(id, "body is empty");
  return article;
}

bool IsBulletLine(absl::string_view line) {
  return absl::StartsWith(line, "\u2022") || absl::StartsWith(line, "* ") ||
         absl::StartsWith(line, "\u00B7");
}

absl::string_view StripBullet(absl::string_view line) {
  for (absl::string_view bullet : {"\u2022", "* ", "\u00B7"}) {
    if (absl::ConsumePrefix(&line, bullet)) break;
  }
  return absl::StripAsciiWhitespace(line);
}

// The publisher page layout: a title line, bullet lines carrying the date
// range and "Last updated: …", then paragraphs separated by blank lines.
absl::StatusOr<NormalizedArticle> DecodePage(absl::string_view key,
                                             absl::string_view value) {
  if (key.empty()) return Invalid("", "plain-text article has no message key (article id)");
  if (!IsValidArticleId(ToStd(key))) {
    return Invalid("", absl::StrCat("message key is not a valid article id: \"",
                                    key.substr(0, 60), "\""));
  }
  NormalizedArticle article;
  article.id = std::string(key);
  article.input_format = "page";
  article.language = "en";

  std::vector<absl::string_view> lines = absl::StrSplit(value, '\n');
  size_t next = 0;
  while (next < lines.size() && absl::StripAsciiWhitespace(lines[next]).empty()) ++next;
  if (next == lines.size()) return Invalid(key, "article is empty");
  article.title = NormalizeInline(lines[next++]);
  AppendParagraph(ParagraphKind::kTitle, article.title, article);

  // Bullet block directly after the title.
  for (; next < lines.size(); ++next) {
    absl::string_view line = absl::StripAsciiWhitespace(lines[next]);
    if (line.empty()) continue;
    if (!IsBulletLine(line)) break;
    std::string item = NormalizeInline(StripBullet(line));
    if (item.empty() || item == "|") continue;
    absl::string_view rest = item;
    if (absl::ConsumePrefix(&rest, "Last updated:")) {
      rest = absl::StripAsciiWhitespace(rest);
      article.updated = std::string(rest);
      if (std::optional<CivilDay> day = ParseWrittenDate(ToStd(rest))) {
        article.published = FormatIsoDate(*day);
      }
    }
    AppendParagraph(ParagraphKind::kDateline, item, article);
  }
  size_t before_body = article.paragraphs.size();
  std::string body;
  for (; next < lines.size(); ++next) absl::StrAppend(&body, lines[next], "\n");
  for (const std::string& paragraph : SplitParagraphs(body)) {
    AppendParagraph(ParagraphKind::kBody, paragraph, article);
  }
  if (article.paragraphs.size() == before_body) return Invalid(key, "body is empty");
  return article;
}

}  // namespace

bool IsValidArticleId(std::string_view id) {
  if (id.empty() || id.size() > 200 || !absl::ascii_isalnum(id[0])) return false;
  for (char c : id) {
    if (!absl::ascii_isalnum(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

absl::StatusOr<NormalizedArticle> DecodeArticle(std::string_view key_view,
                                                std::string_view value_view,
                                                const DecodeOptions& options) {
  absl::string_view key = ToAbsl(key_view);
  absl::string_view value = ToAbsl(value_view);
  if (value.size() > options.max_message_bytes) {
    return Invalid(key, absl::StrCat("message of ", value.size(),
                                     " bytes exceeds the limit of ",
                                     options.max_message_bytes));
  }
  if (absl::StripAsciiWhitespace(value).empty()) return Invalid(key, "message is empty");
  if (!IsValidUtf8(value_view)) return Invalid(key, "message is not valid UTF-8");
  // A message that opens like JSON is decoded as JSON, so that a broken
  // envelope is reported as such rather than read as a page.
  char first = absl::StripLeadingAsciiWhitespace(value).front();
  if (first == '{' || first == '[') {
    return DecodeEnvelope(key, value, options);
  }
  return DecodePage(key, value);
}

}  // namespace parley
