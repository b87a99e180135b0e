#include "storage/keys.h"

#include "absl/time/civil_time.h"

namespace parley::storage {
namespace {

constexpr char kSeparator = '\0';

bool ParseFixedDigits(std::string_view s, int& out) {
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return !s.empty();
}

}  // namespace

uint32_t DayNumber(std::string_view iso_date) {
  if (iso_date.size() < 10 || iso_date[4] != '-' || iso_date[7] != '-') return 0;
  int year, month, day;
  if (!ParseFixedDigits(iso_date.substr(0, 4), year) ||
      !ParseFixedDigits(iso_date.substr(5, 2), month) ||
      !ParseFixedDigits(iso_date.substr(8, 2), day) || year < 1000) {
    return 0;
  }
  absl::CivilDay civil(year, month, day);
  if (civil.month() != month || civil.day() != day) return 0;
  return static_cast<uint32_t>(civil - absl::CivilDay(1000, 1, 1)) + 1;
}

void AppendBigEndian32(uint32_t value, std::string& out) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xFF));
  }
}

void AppendBigEndian64(uint64_t value, std::string& out) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xFF));
  }
}

std::optional<uint32_t> ReadBigEndian32(std::string_view bytes) {
  if (bytes.size() != 4) return std::nullopt;
  uint32_t value = 0;
  for (char c : bytes) value = (value << 8) | static_cast<unsigned char>(c);
  return value;
}

std::optional<uint64_t> ReadBigEndian64(std::string_view bytes) {
  if (bytes.size() != 8) return std::nullopt;
  uint64_t value = 0;
  for (char c : bytes) value = (value << 8) | static_cast<unsigned char>(c);
  return value;
}

std::string EventOrderKey(std::string_view sort_date, std::string_view event_id) {
  std::string key;
  key.reserve(4 + event_id.size());
  AppendBigEndian32(~DayNumber(sort_date), key);
  key.append(event_id);
  return key;
}

std::string IndexPrefix(std::string_view term) {
  std::string prefix(term);
  prefix.push_back(kSeparator);
  return prefix;
}

std::string IndexKey(std::string_view term, std::string_view sort_date,
                     std::string_view event_id) {
  return IndexPrefix(term) + EventOrderKey(sort_date, event_id);
}

std::optional<IndexKeyParts> ParseIndexKey(std::string_view key, bool with_term) {
  IndexKeyParts parts;
  if (with_term) {
    size_t separator = key.find(kSeparator);
    if (separator == std::string_view::npos) return std::nullopt;
    parts.term = std::string(key.substr(0, separator));
    key.remove_prefix(separator + 1);
  }
  if (key.size() <= 4) return std::nullopt;
  parts.day = ~*ReadBigEndian32(key.substr(0, 4));
  parts.event_id = std::string(key.substr(4));
  return parts;
}

std::string QuoteKey(std::string_view speaker, std::string_view sort_date,
                     std::string_view event_id, uint32_t quote_index) {
  std::string key = IndexKey(speaker, sort_date, event_id);
  key.push_back(kSeparator);
  AppendBigEndian32(quote_index, key);
  return key;
}

std::string ParticipantHistoryPrefix(std::string_view participant_id) {
  return IndexPrefix(participant_id);
}

std::string ParticipantHistoryKey(std::string_view participant_id, std::string_view rank,
                                  std::string_view role, std::string_view organization) {
  std::string key = ParticipantHistoryPrefix(participant_id);
  key.append(rank);
  key.push_back(kSeparator);
  key.append(role);
  key.push_back(kSeparator);
  key.append(organization);
  return key;
}

std::string NameKey(std::string_view folded_name, std::string_view participant_id) {
  return IndexPrefix(folded_name).append(participant_id);
}

std::optional<std::string> ParticipantIdFromNameKey(std::string_view key) {
  size_t separator = key.find(kSeparator);
  if (separator == std::string_view::npos || separator + 1 == key.size()) {
    return std::nullopt;
  }
  return std::string(key.substr(separator + 1));
}

std::string OffsetPrefix() { return std::string("offset") + kSeparator; }

std::string OffsetKey(std::string_view topic, int32_t partition) {
  std::string key = OffsetPrefix();
  key.append(topic);
  key.push_back(kSeparator);
  AppendBigEndian32(static_cast<uint32_t>(partition), key);
  return key;
}

std::string ChangeKey(uint64_t sequence) {
  std::string key;
  AppendBigEndian64(sequence, key);
  return key;
}

std::optional<uint64_t> SequenceFromChangeKey(std::string_view key) {
  if (key.size() != 8) return std::nullopt;
  return ReadBigEndian64(key);
}

}  // namespace parley::storage
