// Key encoding for Parley's RocksDB store. Pure functions; the byte layout is
// the storage schema documented in README.md ("Key schema").
//
// Index keys order newest first: a term, a 0x00 separator, the event's sort
// day inverted as a fixed-width big-endian integer, then the event id. Byte
// order of keys is therefore (term, newest day, event id) order, and a prefix
// scan over "term\0" walks one term's events newest first.
#ifndef PARLEY_STORAGE_KEYS_H_
#define PARLEY_STORAGE_KEYS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::storage {

// Days since 1000-01-01 for an ISO date, plus one so that 0 means "no date".
// Dates outside [1000, 9999] or malformed give 0.
uint32_t DayNumber(std::string_view iso_date);

// Big-endian fixed-width integers: byte order is numeric order.
void AppendBigEndian32(uint32_t value, std::string& out);
void AppendBigEndian64(uint64_t value, std::string& out);
std::optional<uint32_t> ReadBigEndian32(std::string_view bytes);
std::optional<uint64_t> ReadBigEndian64(std::string_view bytes);

// (inverted day, event id): the newest-first position of an event.
std::string EventOrderKey(std::string_view sort_date, std::string_view event_id);

// term 0x00 EventOrderKey. Terms never contain 0x00 (they are folded text,
// codes or ids).
std::string IndexKey(std::string_view term, std::string_view sort_date,
                     std::string_view event_id);
// "term\0": the prefix that every index key of `term` starts with.
std::string IndexPrefix(std::string_view term);

// A participant's history entry, in the participants family next to the
// participant's record (whose key is the bare id): id 0x00 rank 0x00 role
// 0x00 organisation. Byte order is the record's history order (rank, role,
// organisation), and "id\0" (ParticipantHistoryPrefix) reaches every entry
// of one id and none of another.
std::string ParticipantHistoryKey(std::string_view participant_id, std::string_view rank,
                                  std::string_view role, std::string_view organization);
std::string ParticipantHistoryPrefix(std::string_view participant_id);

struct IndexKeyParts {
  std::string term;  // empty for keys of the time index, which have none
  uint32_t day = 0;
  std::string event_id;
};
// Inverse of IndexKey (with_term) or EventOrderKey (!with_term); nullopt for
// malformed keys.
std::optional<IndexKeyParts> ParseIndexKey(std::string_view key, bool with_term);

// Quote index: IndexKey(speaker, date, event) 0x00 BE32(quote index).
std::string QuoteKey(std::string_view speaker, std::string_view sort_date,
                     std::string_view event_id, uint32_t quote_index);

// Name index: folded name 0x00 participant id.
std::string NameKey(std::string_view folded_name, std::string_view participant_id);
std::optional<std::string> ParticipantIdFromNameKey(std::string_view key);

// Consumed-offset bookkeeping in the meta family:
// "offset\0" topic 0x00 BE32(partition) -> BE64(next offset to consume).
std::string OffsetKey(std::string_view topic, int32_t partition);
std::string OffsetPrefix();

// Change log: BE64(sequence), so that byte order is sequence order.
std::string ChangeKey(uint64_t sequence);
std::optional<uint64_t> SequenceFromChangeKey(std::string_view key);

}  // namespace parley::storage

#endif  // PARLEY_STORAGE_KEYS_H_
