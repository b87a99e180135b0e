// The stored participant record (records::ParticipantRecord) and the public
// participant built from it. Pure.
//
// A write folds one appearance in or out of the record instead of rebuilding
// it from all of the participant's appearances, so its cost does not grow
// with the participant's number of events. The record is a function of the
// set of appearances: the same appearances in any order give the same bytes.
#ifndef PARLEY_STORAGE_PARTICIPANT_RECORD_H_
#define PARLEY_STORAGE_PARTICIPANT_RECORD_H_

#include <string_view>
#include <vector>

#include "parley/records.pb.h"
#include "parley/v1/event.pb.h"

namespace parley::storage {

void AddAppearance(const v1::ParticipantAppearance& appearance,
                   records::ParticipantRecord& record);

// Takes out an appearance added before. Returns false when the record cannot
// be updated in place: the appearance held the first or last date of its
// history entry and other appearances remain in that entry, whose dates are
// unknown here; the caller then rebuilds the record from the appearances.
bool RemoveAppearance(const v1::ParticipantAppearance& appearance,
                      records::ParticipantRecord& record);

// Adds every appearance of `from` to `into` (the records of two ids that
// name one person).
void MergeRecordInto(const records::ParticipantRecord& from, records::ParticipantRecord& into);

// Sorts history entries read from their own keys (or from two sources) into
// the order AddAppearance keeps: by rank, role and organisation.
void SortHistory(records::ParticipantRecord& record);

records::ParticipantRecord RecordFromAppearances(
    const std::vector<v1::ParticipantAppearance>& appearances);

// The public participant (without appearances): the display name is the
// fullest name (most words, then longest, then first in byte order); aliases
// are the distinct names up to case and accents; rank, role and organisation
// are those of the most recently seen history entry that gives each; history
// is newest first.
v1::Participant ParticipantFromRecord(std::string_view participant_id,
                                      const records::ParticipantRecord& record);

// ParticipantFromRecord's name, display name and aliases alone: what the
// name index is derived from (ParticipantNameTerms), without copying and
// sorting a history that grows with every role a person is seen in.
v1::Participant ParticipantNamesFromRecord(std::string_view participant_id,
                                           const records::ParticipantRecord& record);

}  // namespace parley::storage

#endif  // PARLEY_STORAGE_PARTICIPANT_RECORD_H_
