// Calendar dates: parsing the written forms articles use and formatting as
// ISO 8601. Pure.
#ifndef PARLEY_EXTRACT_CALENDAR_H_
#define PARLEY_EXTRACT_CALENDAR_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/time/civil_time.h"

namespace parley {

using CivilDay = absl::CivilDay;

// "2023-02-17", "2023-02-17T08:45", "2023-02-17T08:45:00Z",
// "2023-02-17 08:45:00+01:00" -> 2023-02-17. Rejects impossible dates.
std::optional<CivilDay> ParseIsoDate(std::string_view text);

// A full written date: "17 Feb. 2023", "17 February 2023 08:45",
// "February 17, 2023", "Feb 17 2023", or ISO. Leading/trailing text other
// than a time of day is rejected.
std::optional<CivilDay> ParseWrittenDate(std::string_view text);

// Month number 1-12 for an English month name or abbreviation ("Feb",
// "Feb.", "Sept", "february"); 0 when it is not one.
int MonthFromName(std::string_view word);

// True when y-m-d names a real calendar day.
bool IsValidDate(int year, int month, int day);

std::string FormatIsoDate(CivilDay day);

}  // namespace parley

#endif  // PARLEY_EXTRACT_CALENDAR_H_
