#include "extract/calendar.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/string_view.h"
#include "extract/lexicon.h"

namespace parley {
namespace {

bool ParseInt(absl::string_view digits, size_t width, int& out) {
  if (digits.size() != width) return false;
  for (char c : digits) {
    if (!absl::ascii_isdigit(c)) return false;
  }
  return absl::SimpleAtoi(digits, &out);
}

bool ParseDayNumber(absl::string_view text, int& day) {
  // "17", "1st", "2nd", "23rd", "4th"
  for (absl::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (absl::ConsumeSuffix(&text, suffix)) break;
  }
  if (text.empty() || text.size() > 2) return false;
  return ParseInt(text, text.size(), day);
}

bool IsTimeOfDay(absl::string_view token) {
  // "08:45", "8:45:10"
  std::vector<absl::string_view> parts = absl::StrSplit(token, ':');
  if (parts.size() < 2 || parts.size() > 3) return false;
  for (absl::string_view part : parts) {
    int unused;
    if (!ParseInt(part, part.size(), unused) || part.size() > 2) return false;
  }
  return true;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  CivilDay civil(year, month, day);
  return civil.year() == year && civil.month() == month && civil.day() == day;
}

std::optional<CivilDay> ParseIsoDate(std::string_view text_view) {
  absl::string_view text = ToAbsl(text_view);
  text = absl::StripAsciiWhitespace(text);
  if (text.size() < 10) return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  int year, month, day;
  if (text[4] != '-' || text[7] != '-' || !ParseInt(text.substr(0, 4), 4, year) ||
      !ParseInt(text.substr(5, 2), 2, month) || !ParseInt(text.substr(8, 2), 2, day) ||
      !IsValidDate(year, month, day)) {
    return std::nullopt;
  }
  return CivilDay(year, month, day);
}

int MonthFromName(std::string_view word) {
  // Month names and abbreviations are the lexicon's month class (lexicon.tsv).
  if (word.ends_with('.')) word.remove_suffix(1);
  return extract_internal::MonthNumber(word);
}

std::optional<CivilDay> ParseWrittenDate(std::string_view text_view) {
  if (std::optional<CivilDay> iso = ParseIsoDate(text_view)) return iso;
  absl::string_view text = ToAbsl(text_view);
  std::vector<absl::string_view> tokens =
      absl::StrSplit(text, absl::ByAnyChar(" ,"), absl::SkipEmpty());
  while (!tokens.empty() && IsTimeOfDay(tokens.back())) tokens.pop_back();
  if (tokens.size() != 3) return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (!ParseInt(tokens[2], 4, year)) return std::nullopt;
  if ((month = MonthFromName(ToStd(tokens[1]))) != 0) {
    if (!ParseDayNumber(tokens[0], day)) return std::nullopt;
  } else if ((month = MonthFromName(ToStd(tokens[0]))) != 0) {
    if (!ParseDayNumber(tokens[1], day)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!IsValidDate(year, month, day)) return std::nullopt;
  return CivilDay(year, month, day);
}

std::string FormatIsoDate(CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

}  // namespace parley
