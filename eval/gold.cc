#include "eval/gold.h"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/status_macros.h"
#include "nlohmann/json.hpp"

namespace parley::eval {
namespace {

using Json = nlohmann::json;

absl::Status FieldError(absl::string_view field, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", problem));
}

// Reads object[key] into *out. Missing and null leave *out empty.
absl::Status ReadOptionalString(const Json& object, const std::string& key,
                                absl::string_view path, std::string* out) {
  out->clear();
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return absl::OkStatus();
  if (!it->is_string()) return FieldError(path, "expected a string or null");
  *out = it->get<std::string>();
  return absl::OkStatus();
}

absl::Status ReadRequiredString(const Json& object, const std::string& key,
                                absl::string_view path, std::string* out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return FieldError(path, "missing");
  if (!it->is_string()) return FieldError(path, "expected a string");
  *out = it->get<std::string>();
  if (out->empty()) return FieldError(path, "is empty");
  return absl::OkStatus();
}

// Returns the array at object[key], or nullptr when missing or null.
absl::StatusOr<const Json*> FindOptionalArray(const Json& object,
                                              const std::string& key,
                                              absl::string_view path) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  if (!it->is_array()) return FieldError(path, "expected an array or null");
  return &*it;
}

absl::Status ReadStringArray(const Json& object, const std::string& key,
                             absl::string_view path,
                             std::vector<std::string>* out) {
  out->clear();
  PARLEY_ASSIGN_OR_RETURN(const Json* array,
                          FindOptionalArray(object, key, path));
  if (array == nullptr) return absl::OkStatus();
  for (size_t i = 0; i < array->size(); ++i) {
    const Json& item = (*array)[i];
    if (!item.is_string()) {
      return FieldError(absl::StrCat(path, "[", i, "]"), "expected a string");
    }
    out->push_back(item.get<std::string>());
  }
  return absl::OkStatus();
}

bool IsIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  return true;
}

absl::Status ReadOptionalDate(const Json& object, const std::string& key,
                              absl::string_view path, std::string* out) {
  PARLEY_RETURN_IF_ERROR(ReadOptionalString(object, key, path, out));
  if (!out->empty() && !IsIsoDate(*out)) {
    return FieldError(path, absl::StrCat("expected YYYY-MM-DD, got \"", *out,
                                         "\""));
  }
  return absl::OkStatus();
}

absl::Status ReadEvent(const Json& root, Gold* gold) {
  auto it = root.find("event");
  if (it == root.end() || it->is_null()) return FieldError("event", "missing");
  if (!it->is_object()) return FieldError("event", "expected an object");
  const Json& event = *it;
  PARLEY_RETURN_IF_ERROR(
      ReadRequiredString(event, "type", "event.type", &gold->event_type));
  const std::vector<std::string>& types = GoldEventTypes();
  if (std::find(types.begin(), types.end(), gold->event_type) == types.end()) {
    return FieldError("event.type", absl::StrCat("unknown event type \"",
                                                 gold->event_type, "\""));
  }
  PARLEY_RETURN_IF_ERROR(
      ReadOptionalDate(event, "start", "event.start", &gold->start_date));
  PARLEY_RETURN_IF_ERROR(
      ReadOptionalDate(event, "end", "event.end", &gold->end_date));
  return ReadStringArray(event, "locations", "event.locations",
                         &gold->locations);
}

absl::Status ReadParticipants(const Json& root, Gold* gold) {
  PARLEY_ASSIGN_OR_RETURN(const Json* array,
                          FindOptionalArray(root, "participants",
                                            "participants"));
  if (array == nullptr) return absl::OkStatus();
  for (size_t i = 0; i < array->size(); ++i) {
    const Json& item = (*array)[i];
    const std::string path = absl::StrCat("participants[", i, "]");
    if (!item.is_object()) return FieldError(path, "expected an object");
    GoldParticipant participant;
    PARLEY_RETURN_IF_ERROR(ReadRequiredString(
        item, "name", absl::StrCat(path, ".name"), &participant.name));
    PARLEY_RETURN_IF_ERROR(ReadOptionalString(
        item, "rank", absl::StrCat(path, ".rank"), &participant.rank));
    PARLEY_RETURN_IF_ERROR(ReadOptionalString(
        item, "role", absl::StrCat(path, ".role"), &participant.role));
    PARLEY_RETURN_IF_ERROR(ReadOptionalString(
        item, "organization", absl::StrCat(path, ".organization"),
        &participant.organization));
    gold->participants.push_back(std::move(participant));
  }
  return absl::OkStatus();
}

absl::Status ReadQuotes(const Json& root, Gold* gold) {
  PARLEY_ASSIGN_OR_RETURN(const Json* array,
                          FindOptionalArray(root, "quotes", "quotes"));
  if (array == nullptr) return absl::OkStatus();
  for (size_t i = 0; i < array->size(); ++i) {
    const Json& item = (*array)[i];
    const std::string path = absl::StrCat("quotes[", i, "]");
    if (!item.is_object()) return FieldError(path, "expected an object");
    GoldQuote quote;
    PARLEY_RETURN_IF_ERROR(ReadRequiredString(
        item, "speaker", absl::StrCat(path, ".speaker"), &quote.speaker));
    PARLEY_RETURN_IF_ERROR(ReadRequiredString(
        item, "starts_with", absl::StrCat(path, ".starts_with"),
        &quote.starts_with));
    gold->quotes.push_back(std::move(quote));
  }
  return absl::OkStatus();
}

absl::StatusOr<Gold> ParseGoldJson(const Json& root) {
  if (!root.is_object()) return FieldError("gold", "expected a JSON object");
  Gold gold;
  PARLEY_RETURN_IF_ERROR(ReadRequiredString(root, "id", "id", &gold.id));
  PARLEY_RETURN_IF_ERROR(ReadEvent(root, &gold));
  PARLEY_RETURN_IF_ERROR(ReadParticipants(root, &gold));
  PARLEY_RETURN_IF_ERROR(ReadStringArray(root, "mentioned_people",
                                         "mentioned_people",
                                         &gold.mentioned_people));
  PARLEY_RETURN_IF_ERROR(ReadStringArray(root, "organizations",
                                         "organizations", &gold.organizations));
  PARLEY_RETURN_IF_ERROR(
      ReadStringArray(root, "countries", "countries", &gold.countries));
  PARLEY_RETURN_IF_ERROR(ReadQuotes(root, &gold));
  PARLEY_RETURN_IF_ERROR(
      ReadStringArray(root, "topics", "topics", &gold.topics));
  return gold;
}

}  // namespace

const std::vector<std::string>& GoldEventTypes() {
  static const auto* const kTypes = new std::vector<std::string>{
      "meeting",    "staff_talks", "visit",    "exercise",  "conference",
      "training",   "ceremony",    "agreement", "statement", "other"};
  return *kTypes;
}

absl::StatusOr<Gold> ParseGold(std::string_view json) {
  // nlohmann reports parse errors (with line and column) only by exception;
  // catch them here so that none leaves the library. The type checks above
  // keep get<>() from throwing.
  try {
    return ParseGoldJson(Json::parse(json.begin(), json.end()));
  } catch (const Json::parse_error& e) {
    return absl::InvalidArgumentError(
        absl::StrCat("gold: malformed JSON: ", e.what()));
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("gold: ", e.what()));
  }
}

}  // namespace parley::eval
