#include "fuzz/fuzz_entries.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/string_view.h"
#include "common/text.h"
#include "extract/article.h"
#include "extract/extractor.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/reflection.h"
#include "parley/v1/event.pb.h"
#include "services/page_token.h"

namespace parley::fuzz {
namespace {

// The longest token DecodePageToken accepts (services/page_token.cc).
constexpr size_t kMaxIssuedTokenBytes = 4096;

// Keys the first input byte chooses from: valid ids (one of them the
// longest allowed), no key, and ids DecodeArticle must refuse.
const std::array<std::string, 8>& Keys() {
  static const auto* keys = new std::array<std::string, 8>{
      "000_aefde3dc521e8719",
      "nato-123",
      std::string(200, 'a'),
      "",
      "-leading-dash",
      "has space",
      "../etc/passwd",
      std::string(201, 'b'),
  };
  return *keys;
}

std::string_view AsText(const uint8_t* data, size_t size) {
  return size == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data), size);
}

bool OpensLikeJson(std::string_view value) {
  absl::string_view rest = absl::StripLeadingAsciiWhitespace(ToAbsl(value));
  return !rest.empty() && (rest.front() == '{' || rest.front() == '[');
}

absl::Status Violated(std::string_view what, const absl::Status& status = absl::OkStatus()) {
  std::string message = absl::StrCat("property violated: ", ToAbsl(what));
  if (!status.ok()) absl::StrAppend(&message, " (", status.ToString(), ")");
  return absl::InternalError(message);
}

// Errors from the pure core must be INVALID_ARGUMENT: the ingest loop sends
// those to the dead-letter topic and would retry anything else forever.
absl::Status CheckErrorCode(std::string_view stage, const absl::Status& status) {
  if (status.ok() || absl::IsInvalidArgument(status)) return absl::OkStatus();
  return Violated(absl::StrCat(ToAbsl(stage), " failed with a code other than INVALID_ARGUMENT"),
                  status);
}

absl::Status CheckArticle(const NormalizedArticle& article, std::string_view key,
                          bool expect_page) {
  if (!IsValidArticleId(article.id)) return Violated("decoded article id is not a valid id");
  if (!key.empty() && article.id != key) return Violated("decoded article id differs from the key");
  if (article.input_format != (expect_page ? "page" : "json")) {
    return Violated("input_format does not match the decoder used");
  }
  if (!IsValidUtf8(article.text)) return Violated("article text is not valid UTF-8");
  size_t previous_end = 0;
  for (const Paragraph& paragraph : article.paragraphs) {
    if (paragraph.begin > paragraph.end || paragraph.end > article.text.size()) {
      return Violated("paragraph range outside the article text");
    }
    if (paragraph.begin < previous_end) return Violated("paragraphs overlap or are out of order");
    previous_end = paragraph.end;
    if (!IsValidUtf8(article.ParagraphText(paragraph))) {
      return Violated("paragraph boundary splits a UTF-8 sequence");
    }
  }
  return absl::OkStatus();
}

// Every TextSpan anywhere in `message`, checked against the number of code
// points of the article text.
absl::Status CheckSpans(const google::protobuf::Message& message, int32_t code_points) {
  const google::protobuf::Descriptor* descriptor = message.GetDescriptor();
  if (descriptor == v1::TextSpan::descriptor()) {
    const auto& span = static_cast<const v1::TextSpan&>(message);
    if (span.begin() < 0 || span.begin() > span.end() || span.end() > code_points) {
      return Violated(absl::StrCat("span [", span.begin(), ", ", span.end(),
                                   ") outside the text of ", code_points, " code points"));
    }
    return absl::OkStatus();
  }
  const google::protobuf::Reflection* reflection = message.GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = descriptor->field(i);
    if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_repeated()) {
      for (int j = 0; j < reflection->FieldSize(message, field); ++j) {
        absl::Status status =
            CheckSpans(reflection->GetRepeatedMessage(message, field, j), code_points);
        if (!status.ok()) return status;
      }
    } else if (reflection->HasField(message, field)) {
      absl::Status status = CheckSpans(reflection->GetMessage(message, field), code_points);
      if (!status.ok()) return status;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status FuzzEnvelope(const uint8_t* data, size_t size) {
  std::string value(AsText(data, size));
  if (!OpensLikeJson(value)) value.insert(0, "{");
  absl::StatusOr<NormalizedArticle> article = DecodeArticle("", value, DecodeOptions());
  if (!article.ok()) return CheckErrorCode("DecodeArticle", article.status());
  return CheckArticle(*article, "", /*expect_page=*/false);
}

absl::Status FuzzPage(const uint8_t* data, size_t size) {
  if (size == 0) return absl::OkStatus();
  const std::string& key = Keys()[data[0] % Keys().size()];
  std::string value(AsText(data + 1, size - 1));
  if (OpensLikeJson(value)) value.insert(0, "T");
  absl::StatusOr<NormalizedArticle> article = DecodeArticle(key, value, DecodeOptions());
  if (!article.ok()) return CheckErrorCode("DecodeArticle", article.status());
  if (!IsValidArticleId(key)) return Violated("a page with an invalid key was accepted");
  return CheckArticle(*article, key, /*expect_page=*/true);
}

absl::Status FuzzExtractor(const uint8_t* data, size_t size) {
  if (size == 0) return absl::OkStatus();
  std::string_view value = AsText(data + 1, size - 1);
  // JSON envelopes carry their own id; keep the key empty for them so that
  // seeds from the pool decode.
  const std::string& key = OpensLikeJson(value) ? Keys()[3] : Keys()[data[0] % Keys().size()];
  absl::StatusOr<NormalizedArticle> article = DecodeArticle(key, value, DecodeOptions());
  if (!article.ok()) return CheckErrorCode("DecodeArticle", article.status());
  absl::StatusOr<v1::Event> event = ExtractEvent(*article, ExtractOptions());
  if (!event.ok()) return CheckErrorCode("ExtractEvent", event.status());
  return CheckSpans(*event, CodePointOffset(article->text, article->text.size()));
}

absl::Status FuzzPageToken(const uint8_t* data, size_t size) {
  std::string_view input = AsText(data, size);
  for (uint64_t fingerprint : {uint64_t{0}, uint64_t{0x5a5a5a5a5a5a5a5a}, ~uint64_t{0}}) {
    absl::StatusOr<std::string> key = service::DecodePageToken(input, fingerprint);
    absl::Status status = CheckErrorCode("DecodePageToken", key.status());
    if (!status.ok()) return status;
    if (key.ok() && key->empty() && !input.empty()) {
      return Violated("a non-empty token decoded to an empty resume key");
    }
  }

  uint64_t fingerprint = 0;
  std::memcpy(&fingerprint, input.data() == nullptr ? "" : input.data(),
              std::min(size, sizeof fingerprint));
  std::string_view resume_key = input.substr(std::min(size, sizeof fingerprint));
  if (resume_key.empty()) return absl::OkStatus();  // Never issued: nothing to resume from.
  std::string token = service::EncodePageToken(fingerprint, resume_key);
  absl::StatusOr<std::string> decoded = service::DecodePageToken(token, fingerprint);
  // DecodePageToken refuses tokens over 4096 bytes, which resume keys over
  // about 3 KB give. The service's resume keys are index keys, far shorter.
  if (token.size() > kMaxIssuedTokenBytes) {
    if (!absl::IsInvalidArgument(decoded.status())) {
      return Violated("an oversized token was not refused", decoded.status());
    }
    return absl::OkStatus();
  }
  if (!decoded.ok()) return Violated("an issued token does not decode", decoded.status());
  if (*decoded != resume_key) return Violated("round trip changed the resume key");
  absl::StatusOr<std::string> other = service::DecodePageToken(token, fingerprint ^ 1);
  if (!absl::IsInvalidArgument(other.status())) {
    return Violated("a token was accepted for a different query", other.status());
  }
  return absl::OkStatus();
}

FuzzEntry FindFuzzEntry(std::string_view name) {
  if (name == "envelope") return FuzzEnvelope;
  if (name == "page") return FuzzPage;
  if (name == "extractor") return FuzzExtractor;
  if (name == "page_token") return FuzzPageToken;
  return nullptr;
}

}  // namespace parley::fuzz
