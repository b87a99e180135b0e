#include "extract/dates.h"

#include <cstdlib>

#include "absl/strings/numbers.h"
#include "extract/lexicon.h"

namespace parley::extract_internal {
namespace {

// Day number from "13", "16th", "1st"; 0 if not a day.
int DayNumber(const Token& t) {
  if (t.kind != TokenKind::kNumber) return 0;
  std::string_view s = t.text;
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0 || n > 2) return 0;
  std::string_view rest = s.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  int d = 0;
  for (size_t i = 0; i < n; ++i) d = d * 10 + (s[i] - '0');
  return (d >= 1 && d <= 31) ? d : 0;
}

absl::string_view AV(std::string_view s) { return absl::string_view(s.data(), s.size()); }

int YearNumber(const Token& t) {
  if (t.kind != TokenKind::kNumber || t.text.size() != 4) return 0;
  int y = 0;
  if (!absl::SimpleAtoi(AV(t.text), &y)) return 0;
  return (y >= 1900 && y <= 2100) ? y : 0;
}

// "27-28" -> (27, 28).
bool DayPair(const Token& t, int* a, int* b) {
  // Both sides must be numbers: a word ("two-day") has letters in one.
  if (t.kind != TokenKind::kNumber) return false;
  size_t dash = t.text.find('-');
  if (dash == std::string_view::npos) return false;
  int x = 0, y = 0;
  if (!absl::SimpleAtoi(AV(t.text.substr(0, dash)), &x) ||
      !absl::SimpleAtoi(AV(t.text.substr(dash + 1)), &y)) {
    return false;
  }
  if (x < 1 || x > 31 || y < 1 || y > 31 || y < x) return false;
  *a = x;
  *b = y;
  return true;
}

bool IsDash(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.Is("-") || t.Is("\xE2\x80\x93") || t.Is("\xE2\x80\x94"));
}

int Month(const Token& t) {
  if (!t.cap || !t.Has(kFlagMonth)) return 0;
  return MonthFromName(t.text);
}

// Only numbers, month and weekday names, "today" and "yesterday" can start
// a date (Scanner::Try); other words are skipped before trying the forms.
bool MayStartDate(const Token& t) {
  if (t.kind != TokenKind::kWord) return true;
  return (t.cap && t.Has(kFlagMonth)) || t.Has(kFlagWeekday) || t.relative_day;
}

// absl's weekdays, Monday = index 0.
constexpr absl::Weekday kWeekdays[] = {
    absl::Weekday::monday, absl::Weekday::tuesday, absl::Weekday::wednesday,
    absl::Weekday::thursday, absl::Weekday::friday, absl::Weekday::saturday,
    absl::Weekday::sunday};

struct Scanner {
  const Document& doc;
  std::optional<CivilDay> published;
  int limit;  // end of current sentence (token index)
  // Without a publication date: the one year the sentence writes, in a name
  // ("exercise Khaan Quest 2018 … closing ceremony June 28", "kicked off
  // exercise TRIDENT JAGUAR 2014"); 0 if none or several.
  int sentence_year = 0;
  // Set by a try that found a date form whose year nothing gives ("July 30"
  // or "today" without a publication date).
  mutable bool year_missing = false;

  int YearFor(int month, int day) const {
    if (!published) return sentence_year;
    int year = static_cast<int>(published->year());
    CivilDay d(year, month, day);
    if (d - *published > 75) --year;  // "December 20" read in January
    return year;
  }

  std::optional<CivilDay> Make(int y, int m, int d) const {
    if (y == 0) y = YearFor(m, d);
    if (y == 0) year_missing = true;
    if (y == 0 || !IsValidDate(y, m, d)) return std::nullopt;
    return CivilDay(y, m, d);
  }

  // Optional ", 2023" or "2023" at i; returns year and advances *i.
  int OptYear(int* i) const {
    int j = *i;
    if (j < limit && doc.tokens[j].Is(",") && j + 1 < limit && YearNumber(doc.tokens[j + 1])) {
      *i = j + 2;
      return YearNumber(doc.tokens[j + 1]);
    }
    if (j < limit && YearNumber(doc.tokens[j])) {
      *i = j + 1;
      return YearNumber(doc.tokens[j]);
    }
    return 0;
  }

  // A two-digit year closing a day-first date ("Tuesday, 20 February 24"):
  // only before punctuation or the sentence end, so that "20 February 24
  // soldiers" keeps its count. Returns the year and advances *i, or 0.
  int OptShortYear(int* i) const {
    int j = *i;
    const auto& t = doc.tokens;
    if (j >= limit || t[j].kind != TokenKind::kNumber || t[j].text.size() != 2) return 0;
    if (j + 1 < limit && t[j + 1].kind != TokenKind::kPunct) return 0;
    int yy = 0;
    if (!absl::SimpleAtoi(AV(t[j].text), &yy)) return 0;
    *i = j + 1;
    return 2000 + yy;
  }

  // "of today": the present as a noun, not a day.
  bool NounOfToday(int i) const {
    const auto& t = doc.tokens;
    return i > 0 && t[i - 1].Is("of") && (t[i].Is("today") || t[i].Is("Today"));
  }

  // Token i is followed by a possessive "'s" / "’s".
  bool Possessive(int i) const {
    if (i + 1 >= limit || doc.tokens[i + 1].space_before) return false;
    std::string_view next = doc.tokens[i + 1].text;
    return next.starts_with('\'') || next.starts_with("\xE2\x80\x99");
  }

  // Tries a date expression at token i; on success fills m and returns the
  // index past it.
  int Try(int i, DateMention* m) const {
    const auto& t = doc.tokens;
    int d1 = DayNumber(t[i]);
    int pair_end = 0;
    // "On 20-21 March 2023": a day range in one token before the month.
    if (!d1 && DayPair(t[i], &d1, &pair_end) && !(i + 1 < limit && Month(t[i + 1]))) {
      d1 = pair_end = 0;
    }
    if (d1) return DayFirst(i, d1, pair_end, m);
    int mon = Month(t[i]);
    if (mon && i + 1 < limit) return MonthFirst(i, mon, m);
    if (!published) return Unpublished(i, m);
    return Relative(i, m);
  }

  // Day-first forms from day d1 at token i (d2 > 0: the range's last day in
  // that token): "13 Feb. 2023", "13 and 14 February 2023", "3 to 5 May",
  // "13 Feb. 2023 - 14 Feb. 2023".
  int DayFirst(int i, int d1, int d2, DateMention* m) const {
    const auto& t = doc.tokens;
    int j = i + 1;
    if (!d2 && j + 1 < limit && (t[j].Is("and") || t[j].Is("to") || IsDash(t[j])) &&
        DayNumber(t[j + 1])) {
      d2 = DayNumber(t[j + 1]);
      j += 2;
    }
    if (j < limit && t[j].Is("of")) ++j;
    int mon = j < limit ? Month(t[j]) : 0;
    if (!mon) return 0;
    ++j;
    int year = OptYear(&j);
    if (!year) year = OptShortYear(&j);
    auto first = Make(year, mon, d1);
    if (!first) return 0;
    m->first = *first;
    if (d2) {
      auto last = Make(year ? year : static_cast<int>(first->year()), mon, d2);
      if (last && *last >= *first) m->last = *last;
    } else if (j + 2 < limit && IsDash(t[j]) && DayNumber(t[j + 1]) && Month(t[j + 2])) {
      int k = j + 3;
      int y2 = OptYear(&k);
      auto last = Make(y2 ? y2 : static_cast<int>(first->year()), Month(t[j + 2]),
                       DayNumber(t[j + 1]));
      if (last && *last >= *first) {
        m->last = *last;
        j = k;
      }
    }
    return j;
  }

  // Month-first forms from month `mon` at token i: "June 18, 2015", "May
  // 29", "August 27-28", "January 12 to 26".
  int MonthFirst(int i, int mon, DateMention* m) const {
    const auto& t = doc.tokens;
    int j = i + 1;
    int a = 0, b = 0;
    if (DayPair(t[j], &a, &b)) {
      ++j;
    } else if ((a = DayNumber(t[j]))) {
      ++j;
      if (j + 1 < limit && (t[j].Is("to") || t[j].Is("and") || IsDash(t[j])) &&
          DayNumber(t[j + 1]) && !(j + 2 < limit && Month(t[j + 2]))) {
        b = DayNumber(t[j + 1]);
        j += 2;
      }
    } else {
      return 0;
    }
    // "May 7" must not be the modal verb: require the day right after.
    int year = OptYear(&j);
    auto first = Make(year, mon, a);
    if (!first) return 0;
    m->first = *first;
    if (b) {
      auto last = Make(static_cast<int>(first->year()), mon, b);
      if (last && *last >= *first) m->last = *last;
    }
    return j;
  }

  // Without a publication date, a weekday before a date whose year the
  // sentence gives must fall on that day ("on Wednesday, 7 May … TRIDENT
  // JAGUAR 2014"); "today" or a weekday alone is a day relative to an
  // unknown date, which sets year_missing.
  int Unpublished(int i, DateMention* m) const {
    const auto& t = doc.tokens;
    if (t[i].kind != TokenKind::kWord || Possessive(i) || NounOfToday(i)) return 0;
    int wd = t[i].Has(kFlagWeekday) ? WeekdayFromName(t[i].text) : 0;
    int j = i + 1;
    if (wd && j < limit && t[j].Is(",")) ++j;
    if (wd && j < limit && (Month(t[j]) || DayNumber(t[j]))) {
      DateMention inner;
      int k = Try(j, &inner);
      if (!k) return 0;
      if (absl::GetWeekday(inner.first) != kWeekdays[wd - 1]) {
        year_missing = true;  // the year read is not the date's
        return 0;
      }
      *m = inner;
      return k;
    }
    year_missing |= wd > 0 || t[i].relative_day;
    return 0;
  }

  // Relative forms: "today", "yesterday", a weekday. A possessive is an
  // attribute, not a date ("today's unpredictable security environment"),
  // and so is "of today" ("the threats and challenges of today").
  int Relative(int i, DateMention* m) const {
    const auto& t = doc.tokens;
    if (Possessive(i) || NounOfToday(i)) return 0;
    if (t[i].Is("today") || t[i].Is("Today")) {
      m->first = *published;
      m->explicit_day = false;
      return i + 1;
    }
    if (t[i].Is("yesterday") || t[i].Is("Yesterday")) {
      m->first = *published - 1;
      m->explicit_day = false;
      return i + 1;
    }
    int wd = t[i].Has(kFlagWeekday) ? WeekdayFromName(t[i].text) : 0;
    return wd ? Weekday(i, wd, m) : 0;
  }

  // Weekday wd (Monday = 1) at token i.
  int Weekday(int i, int wd, DateMention* m) const {
    const auto& t = doc.tokens;
    // A weekday followed by an explicit date defers to that date.
    int j = i + 1;
    if (j < limit && t[j].Is(",")) ++j;
    if (j < limit && (Month(t[j]) || DayNumber(t[j]))) {
      DateMention inner;
      int k = Try(j, &inner);
      if (k) {
        *m = inner;
        return k;
      }
    }
    // Latest such weekday on or before publication.
    CivilDay day = *published;
    if (i > 0 && (t[i - 1].Is("next") || t[i - 1].Is("coming"))) {
      day = absl::NextWeekday(*published, kWeekdays[wd - 1]);
    } else if (absl::GetWeekday(day) != kWeekdays[wd - 1]) {
      day = absl::PrevWeekday(day, kWeekdays[wd - 1]);
    }
    m->first = day;
    m->explicit_day = false;
    return i + 1;
  }
};

}  // namespace

namespace {

// The one year (1900-2100) written in sentence s outside quotations; 0 if
// none or more than one.
int SentenceYear(const Document& doc, const Sentence& s) {
  int year = 0;
  for (int i = s.first_token; i < s.last_token; ++i) {
    const Token& t = doc.tokens[i];
    int y = t.in_quote ? 0 : YearNumber(t);
    if (!y || y == year) continue;
    if (year) return 0;
    year = y;
  }
  return year;
}

}  // namespace

std::vector<DateMention> FindDates(const Document& doc, std::optional<CivilDay> published) {
  std::vector<DateMention> out;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.kind == ParagraphKind::kDateline &&
        doc.Slice(s.begin, s.end).find("updated") != std::string_view::npos) {
      continue;
    }
    // Most sentences have no token that MayStartDate accepts.
    if (!s.may_hold_date) continue;
    Scanner scanner{doc, published, s.last_token};
    if (!published) scanner.sentence_year = SentenceYear(doc, s);
    for (int i = s.first_token; i < s.last_token; ++i) {
      const Token& t = doc.tokens[i];
      if (t.in_quote || t.kind == TokenKind::kPunct || !MayStartDate(t)) continue;
      DateMention m;
      scanner.year_missing = false;
      int next = scanner.Try(i, &m);
      if (!next && !scanner.year_missing) continue;
      // A date without a year to give it is still where the text dates the
      // event: it is kept, unresolved, so that a dated aside later in the
      // article ("became a member of NATO on 29 March 2004") does not take
      // its place.
      m.unresolved = !next;
      if (!next) next = i + 1;
      m.begin = t.begin;
      m.end = doc.tokens[next - 1].end;
      m.sentence = static_cast<int>(si);
      // Context words before the expression.
      for (int k = i - 1; k >= s.first_token && k >= i - 4; --k) {
        std::string_view w = doc.tokens[k].text;
        if (InClass(WordClass::kDateReportingVerb, w)) m.reporting = true;
        if (InClass(WordClass::kDateStartWord, w)) m.starts = true;
        if (doc.tokens[k].Has(kFlagDateEndWord)) m.ends = true;
        // "is being held … till May 11": the last day, the first unknown.
        if (k == i - 1 && InClass(WordClass::kUntilWord, w)) m.ends = true;
      }
      if (next < s.last_token) {
        // "May 2, said the ministry": reporting verbs right after the date.
        const LexiconEntry* verb =
            BuiltinLexicon().Find(WordClass::kDateReportingVerb, doc.tokens[next].text);
        if (verb != nullptr && verb->Has("after")) m.reporting = true;
      }
      m.release_line = !m.last && s.kind == ParagraphKind::kBody && s.index_in_paragraph == 0 &&
                       i == s.first_token && (next == s.last_token || IsDash(doc.tokens[next]));
      out.push_back(m);
      i = next - 1;
    }
  }
  return out;
}

namespace {

// The number a duration word gives: "two", "3"; 0 if none.
int DurationNumber(std::string_view n) {
  if (const LexiconEntry* number = BuiltinLexicon().Find(WordClass::kNumberWord, n)) {
    return number->GetInt("value");
  }
  int v = 0;
  if (absl::SimpleAtoi(std::string(n), &v) && v > 0 && v < 60) return v;
  return 0;
}

// "two-day", "3-day", "four-day" in the sentence, or "two days of"
// ("concluded two days of meetings"): the number of days.
int DurationDays(const Document& doc, int sentence) {
  const Sentence& s = doc.sentences[sentence];
  const auto& t = doc.tokens;
  for (int i = s.first_token; i < s.last_token; ++i) {
    std::string_view w = t[i].text;
    if (w.ends_with("-day")) {
      if (int days = DurationNumber(w.substr(0, w.size() - 4))) return days;
    } else if (i + 2 < s.last_token && t[i + 1].Is("days") && t[i + 2].Is("of")) {
      if (int days = DurationNumber(w)) return days;
    }
  }
  return 0;
}

// A verb that closes the event after the date in its sentence: "Today, the
// Minister … concluded two days of meetings". Only with a duration, so that
// the verb is the event's and the length gives the start.
bool ClosedAfter(const Document& doc, const DateMention& m) {
  const Sentence& s = doc.sentences[m.sentence];
  for (int i = s.first_token; i < s.last_token; ++i) {
    const Token& t = doc.tokens[i];
    if (t.begin >= m.end && t.Has(kFlagDateEndWord)) {
      return DurationDays(doc, m.sentence) > 0;
    }
  }
  return false;
}

// The first date near the publication date that is not a reporting date;
// a release line only when no other date qualifies.
const DateMention* PickEventDate(const std::vector<DateMention>& dates,
                                 std::optional<CivilDay> published) {
  const DateMention* release = nullptr;
  for (const DateMention& m : dates) {
    if (m.reporting) continue;
    // The event's own date, written without a year that can be known.
    if (m.unresolved) return release;
    if (published) {
      long diff = m.first - *published;
      if (diff < -45 || diff > 30) continue;
    }
    if (!m.release_line) return &m;
    if (!release) release = &m;
  }
  return release;
}

// A later range of at most two weeks that holds the chosen written day is
// the event's extent: "On Friday February 15th 2019 … welcomed General
// Lecointre, who was on an official visit in Greece on the 14th and 15th of
// February 2019"; "during the MC tour …, Feb. 20, 2019" before "on Feb. 20 and
// 21". Not for "today" or "on Tuesday": those report one day of a longer
// frame ("on Tuesday attended the inaugural ceremony" of an exercise held
// "from May 2 to 4").
const DateMention* RangeHolding(const std::vector<DateMention>& dates, const DateMention& pick) {
  for (const DateMention& m : dates) {
    if (&m == &pick || m.reporting || m.unresolved || !m.last || m.begin < pick.end) continue;
    if (m.first <= pick.first && pick.first <= *m.last && *m.last - m.first < 14) return &m;
  }
  return nullptr;
}

// A later date in a sentence about leaving or concluding ends the event:
// "arrived … (16th May 2023) … will depart the island today".
const DateMention* LaterClosing(const Document& doc, const std::vector<DateMention>& dates,
                                const DateMention& pick) {
  for (const DateMention& m : dates) {
    if (&m == &pick || m.reporting || m.unresolved || m.last || m.sentence <= pick.sentence) {
      continue;
    }
    long days = m.first - pick.first;
    if (days <= 0 || days > 10) continue;
    const Sentence& s = doc.sentences[m.sentence];
    for (int i = s.first_token; i < s.last_token; ++i) {
      if (InClass(WordClass::kClosingVerb, doc.tokens[i].text)) return &m;
    }
  }
  return nullptr;
}

void SetStart(const DateMention& m, CivilDay day, EventDates* out) {
  out->start = FormatIsoDate(day);
  out->start_begin = m.begin;
  out->start_end = m.end;
}

void SetEnd(const DateMention& m, CivilDay day, EventDates* out) {
  out->end = FormatIsoDate(day);
  out->end_begin = m.begin;
  out->end_end = m.end;
}

}  // namespace

EventDates ChooseEventDates(const Document& doc, const std::vector<DateMention>& dates,
                            std::optional<CivilDay> published) {
  EventDates out;
  const DateMention* pick = PickEventDate(dates, published);
  if (!pick) return out;
  if (!pick->last && !pick->starts && !pick->ends && pick->explicit_day) {
    if (const DateMention* range = RangeHolding(dates, *pick)) pick = range;
  }
  if (pick->last) {
    SetStart(*pick, pick->first, &out);
    SetEnd(*pick, *pick->last, &out);
    return out;
  }
  if (pick->ends || ClosedAfter(doc, *pick)) {
    SetEnd(*pick, pick->first, &out);
    if (int days = DurationDays(doc, pick->sentence)) {
      SetStart(*pick, pick->first - (days - 1), &out);
    }
    return out;
  }
  SetStart(*pick, pick->first, &out);
  if (const DateMention* closing = LaterClosing(doc, dates, *pick)) {
    SetEnd(*closing, closing->first, &out);
  } else if (!pick->starts) {
    SetEnd(*pick, pick->first, &out);
  }
  return out;
}

}  // namespace parley::extract_internal
