// Event dates: header ranges ("13 Feb. 2023 - 14 Feb. 2023"), body forms
// ("On 13 and 14 February 2023", "from 3 to 5 May", "August 27-28",
// "June 18, 2015", "on Tuesday", "today"), resolved against the article's
// publication date. Pure.
#ifndef PARLEY_EXTRACT_DATES_H_
#define PARLEY_EXTRACT_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "extract/calendar.h"
#include "extract/tokens.h"

namespace parley::extract_internal {

// One date expression found in the text.
struct DateMention {
  CivilDay first;
  std::optional<CivilDay> last;  // set for ranges
  size_t begin = 0;              // byte span of the expression
  size_t end = 0;
  int sentence = 0;
  bool explicit_day = true;  // false for weekday/today forms
  bool reporting = false;    // "said on Tuesday": when it was reported
  bool starts = false;       // "began on April 17"
  bool ends = false;         // "concluded May 29"
  // A day alone at the head of its body paragraph ("April 15, 2020", "June 8,
  // 2018 – Brussels, Belgium – National Defence"): when the release was
  // issued, which the event's own date in the text overrides.
  bool release_line = false;
  // A date form whose year nothing gives ("July 30", "today" without a
  // publication date): `first` and `last` are unset. It stops the search for
  // the event's date (ChooseEventDates) and dates no sentence.
  bool unresolved = false;
};

// All date expressions, in text order (quotations and "Last updated" lines
// skipped). `published` may be nullopt, then relative forms are skipped.
std::vector<DateMention> FindDates(const Document& doc, std::optional<CivilDay> published);

struct EventDates {
  std::string start;  // YYYY-MM-DD or empty
  std::string end;
  size_t start_begin = 0, start_end = 0;  // byte spans; 0,0 when none
  size_t end_begin = 0, end_end = 0;
};

// Chooses the event's dates: the first date near the publication date that
// is not a reporting date (a release line only when no other date is). A
// range gives both ends; "began on X" gives only a start; "concluded X" gives
// only an end (and a start when the sentence says "N-day" or "N days of");
// otherwise end = start, unless a later range holds that day ("On Friday
// February 15th … on an official visit on the 14th and 15th of February").
EventDates ChooseEventDates(const Document& doc, const std::vector<DateMention>& dates,
                            std::optional<CivilDay> published);

}  // namespace parley::extract_internal

#endif  // PARLEY_EXTRACT_DATES_H_
