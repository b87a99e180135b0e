#include "storage/participant_record.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "common/string_view.h"
#include "common/text.h"

namespace parley::storage {
namespace {

using HistoryEntry = v1::ParticipantHistoryEntry;

auto HistoryKey(const HistoryEntry& e) {
  return std::tie(e.rank(), e.role(), e.organization());
}
auto AppearanceKey(const v1::ParticipantAppearance& a) {
  return std::tie(a.rank(), a.role(), a.organization());
}

// Position of the entry for `appearance` in the sorted history, and whether
// it exists.
std::pair<int, bool> FindEntry(const records::ParticipantRecord& record,
                               const v1::ParticipantAppearance& appearance) {
  const auto& history = record.history();
  auto it = std::lower_bound(history.begin(), history.end(), appearance,
                             [](const HistoryEntry& e, const v1::ParticipantAppearance& a) {
                               return HistoryKey(e) < AppearanceKey(a);
                             });
  int index = static_cast<int>(it - history.begin());
  return {index, it != history.end() && HistoryKey(*it) == AppearanceKey(appearance)};
}

std::pair<int, bool> FindName(const records::ParticipantRecord& record, const std::string& name) {
  const auto& names = record.names();
  auto it = std::lower_bound(
      names.begin(), names.end(), name,
      [](const records::ParticipantRecord::NameCount& n, const std::string& s) {
        return n.name() < s;
      });
  return {static_cast<int>(it - names.begin()), it != names.end() && it->name() == name};
}

template <typename Repeated>
void InsertAt(Repeated& items, int index) {
  items.Add();
  for (int i = items.size() - 1; i > index; --i) items.SwapElements(i, i - 1);
}

template <typename Repeated>
void EraseAt(Repeated& items, int index) {
  for (int i = index; i + 1 < items.size(); ++i) items.SwapElements(i, i + 1);
  items.RemoveLast();
}

void Widen(HistoryEntry& entry, const std::string& date) {
  if (date.empty()) return;
  if (entry.first_date().empty() || date < entry.first_date()) entry.set_first_date(date);
  if (entry.last_date().empty() || date > entry.last_date()) entry.set_last_date(date);
}

}  // namespace

void AddAppearance(const v1::ParticipantAppearance& appearance,
                   records::ParticipantRecord& record) {
  record.set_event_count(record.event_count() + 1);
  auto [name_at, name_found] = FindName(record, appearance.name());
  if (!name_found) {
    InsertAt(*record.mutable_names(), name_at);
    record.mutable_names(name_at)->set_name(appearance.name());
  }
  auto* name = record.mutable_names(name_at);
  name->set_count(name->count() + 1);

  auto [entry_at, entry_found] = FindEntry(record, appearance);
  if (!entry_found) {
    InsertAt(*record.mutable_history(), entry_at);
    HistoryEntry* entry = record.mutable_history(entry_at);
    entry->set_rank(appearance.rank());
    entry->set_role(appearance.role());
    entry->set_organization(appearance.organization());
  }
  HistoryEntry* entry = record.mutable_history(entry_at);
  entry->set_event_count(entry->event_count() + 1);
  Widen(*entry, appearance.date());
}

bool RemoveAppearance(const v1::ParticipantAppearance& appearance,
                      records::ParticipantRecord& record) {
  auto [name_at, name_found] = FindName(record, appearance.name());
  auto [entry_at, entry_found] = FindEntry(record, appearance);
  if (!name_found || !entry_found || record.event_count() <= 0) return false;
  record.set_event_count(record.event_count() - 1);
  auto* name = record.mutable_names(name_at);
  name->set_count(name->count() - 1);
  if (name->count() <= 0) EraseAt(*record.mutable_names(), name_at);

  HistoryEntry* entry = record.mutable_history(entry_at);
  entry->set_event_count(entry->event_count() - 1);
  if (entry->event_count() <= 0) {
    EraseAt(*record.mutable_history(), entry_at);
    return true;
  }
  const std::string& date = appearance.date();
  return date.empty() || (date != entry->first_date() && date != entry->last_date());
}

void MergeRecordInto(const records::ParticipantRecord& from, records::ParticipantRecord& into) {
  into.set_event_count(into.event_count() + from.event_count());
  for (const auto& name : from.names()) {
    auto [at, found] = FindName(into, name.name());
    if (!found) {
      InsertAt(*into.mutable_names(), at);
      into.mutable_names(at)->set_name(name.name());
    }
    into.mutable_names(at)->set_count(into.names(at).count() + name.count());
  }
  for (const HistoryEntry& entry : from.history()) {
    v1::ParticipantAppearance probe;
    probe.set_rank(entry.rank());
    probe.set_role(entry.role());
    probe.set_organization(entry.organization());
    auto [at, found] = FindEntry(into, probe);
    if (!found) {
      InsertAt(*into.mutable_history(), at);
      *into.mutable_history(at) = entry;
      continue;
    }
    HistoryEntry* target = into.mutable_history(at);
    target->set_event_count(target->event_count() + entry.event_count());
    Widen(*target, entry.first_date());
    Widen(*target, entry.last_date());
  }
}

void SortHistory(records::ParticipantRecord& record) {
  auto* history = record.mutable_history();
  std::sort(history->pointer_begin(), history->pointer_end(),
            [](const HistoryEntry* a, const HistoryEntry* b) {
              return HistoryKey(*a) < HistoryKey(*b);
            });
}

records::ParticipantRecord RecordFromAppearances(
    const std::vector<v1::ParticipantAppearance>& appearances) {
  records::ParticipantRecord record;
  for (const v1::ParticipantAppearance& appearance : appearances) {
    AddAppearance(appearance, record);
  }
  return record;
}

v1::Participant ParticipantNamesFromRecord(std::string_view participant_id,
                                           const records::ParticipantRecord& record) {
  v1::Participant participant;
  participant.set_name(absl::StrCat("participants/", ToAbsl(participant_id)));
  auto fullness = [](const std::string& name) {
    return std::make_pair(std::count(name.begin(), name.end(), ' '), name.size());
  };
  std::set<std::string> seen_folded;
  for (const auto& name : record.names()) {  // byte order: ties keep the first
    if (fullness(name.name()) > fullness(participant.display_name())) {
      participant.set_display_name(name.name());
    }
    if (seen_folded.insert(FoldForMatch(name.name())).second) {
      participant.add_aliases(name.name());
    }
  }
  return participant;
}

v1::Participant ParticipantFromRecord(std::string_view participant_id,
                                      const records::ParticipantRecord& record) {
  v1::Participant participant = ParticipantNamesFromRecord(participant_id, record);
  std::vector<const HistoryEntry*> newest_first;
  for (const HistoryEntry& entry : record.history()) newest_first.push_back(&entry);
  std::stable_sort(newest_first.begin(), newest_first.end(),
                   [](const HistoryEntry* a, const HistoryEntry* b) {
                     return std::tie(a->last_date(), a->first_date()) >
                            std::tie(b->last_date(), b->first_date());
                   });
  for (const HistoryEntry* entry : newest_first) {
    *participant.add_history() = *entry;
    if (participant.rank().empty()) participant.set_rank(entry->rank());
    if (participant.role().empty()) participant.set_role(entry->role());
    if (participant.organization().empty()) participant.set_organization(entry->organization());
    if (!entry->first_date().empty() &&
        (participant.first_event_date().empty() ||
         entry->first_date() < participant.first_event_date())) {
      participant.set_first_event_date(entry->first_date());
    }
    if (entry->last_date() > participant.last_event_date()) {
      participant.set_last_event_date(entry->last_date());
    }
  }
  participant.set_event_count(record.event_count());
  return participant;
}

}  // namespace parley::storage
