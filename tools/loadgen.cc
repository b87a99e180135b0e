#include "tools/loadgen.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "extract/article.h"
#include "extract/extractor.h"
#include "nlohmann/json.hpp"

namespace parley::loadgen {
namespace {

using Json = nlohmann::json;

// SplitMix64: a tiny, well-mixed generator whose output is the same on every
// platform (std:: distributions are not), which keeps seeds reproducible.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  uint64_t Below(uint64_t n) { return Next() % n; }

 private:
  uint64_t state_;
};

bool IsWordByte(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }

// A name part the replacement can find again: ASCII letters with inner
// hyphens or apostrophes, capitalised, not an initial.
bool IsNameWord(std::string_view word, size_t min_size) {
  if (word.size() < min_size || !absl::ascii_isupper(word[0])) return false;
  if (!absl::ascii_isalpha(word.back())) return false;
  return std::all_of(word.begin(), word.end(), [](char c) {
    return absl::ascii_isalpha(c) || c == '-' || c == '\'';
  });
}

bool IsSuffix(std::string_view word) {
  static const auto* const kSuffixes = new absl::flat_hash_set<std::string_view>{
      "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "KBE", "CB", "OBE", "MBE"};
  return kSuffixes->contains(word);
}

// The words of a person's name without trailing suffixes.
std::vector<std::string_view> NameWords(std::string_view name) {
  std::vector<std::string_view> words;
  // Debian's Abseil has its own string_view: split, then convert back.
  for (absl::string_view word : absl::StrSplit(absl::string_view(name.data(), name.size()), ' ',
                                               absl::SkipWhitespace())) {
    words.emplace_back(word.data(), word.size());
  }
  while (!words.empty() && IsSuffix(words.back())) words.pop_back();
  return words;
}

uint64_t Gcd(uint64_t a, uint64_t b) { return b == 0 ? a : Gcd(b, a % b); }

// A stride near the golden ratio of `n`, coprime to it, so that
// rank * stride mod n visits every pair of name parts once and neighbouring
// ranks get unrelated first and last names.
uint64_t CoprimeStride(uint64_t n) {
  if (n <= 1) return 1;
  uint64_t stride = static_cast<uint64_t>(static_cast<double>(n) * 0.6180339887) | 1;
  while (Gcd(stride, n) != 1) stride += 2;
  return stride % n == 0 ? 1 : stride;
}

}  // namespace

absl::StatusOr<Template> MakeTemplate(std::string_view id, std::string_view envelope) {
  absl::StatusOr<NormalizedArticle> article = DecodeArticle(id, envelope, DecodeOptions{});
  if (!article.ok()) return article.status();
  // Only envelopes: the generator rewrites their JSON fields.
  if (article->input_format == "page") {
    return absl::InvalidArgumentError(absl::StrCat(std::string(id), ": not a JSON envelope"));
  }
  absl::StatusOr<v1::Event> event = ExtractEvent(*article, ExtractOptions{});
  if (!event.ok()) return event.status();
  Template result;
  result.id = std::string(id);
  result.envelope = std::string(envelope);
  std::set<std::string> seen;
  for (const v1::EventParticipant& participant : event->participants()) {
    if (seen.insert(participant.name()).second) result.people.push_back(participant.name());
  }
  for (const v1::Location& location : event->locations()) {
    if (seen.insert(location.name()).second) result.places.push_back(location.name());
  }
  return result;
}

NameParts CollectNameParts(const std::vector<Template>& templates) {
  std::set<std::string> first, last, places;
  for (const Template& t : templates) {
    for (const std::string& person : t.people) {
      std::vector<std::string_view> words = NameWords(person);
      if (words.size() < 2) continue;
      if (IsNameWord(words.front(), 2)) first.emplace(words.front());
      if (IsNameWord(words.back(), 3)) last.emplace(words.back());
    }
    for (const std::string& place : t.places) {
      if (place.size() >= 4 && absl::ascii_isupper(place[0])) places.insert(place);
    }
  }
  NameParts parts;
  parts.first.assign(first.begin(), first.end());
  parts.last.assign(last.begin(), last.end());
  parts.places.assign(places.begin(), places.end());
  return parts;
}

ZipfSampler::ZipfSampler(int64_t n, double exponent) {
  cumulative_.reserve(static_cast<size_t>(std::max<int64_t>(n, 1)));
  double sum = 0;
  for (int64_t r = 0; r < std::max<int64_t>(n, 1); ++r) {
    sum += 1.0 / std::pow(static_cast<double>(r + 1), exponent);
    cumulative_.push_back(sum);
  }
  for (double& c : cumulative_) c /= sum;
}

int64_t ZipfSampler::Sample(double uniform) const {
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), uniform);
  if (it == cumulative_.end()) --it;
  return it - cumulative_.begin();
}

std::string ReplaceWords(std::string_view text,
                         const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    const bool at_word_start = i == 0 || !IsWordByte(text[i - 1]);
    const std::pair<std::string, std::string>* best = nullptr;
    if (at_word_start) {
      for (const auto& pair : pairs) {
        const std::string& from = pair.first;
        if (from.empty() || (best != nullptr && from.size() <= best->first.size())) continue;
        if (text.compare(i, from.size(), from) != 0) continue;
        const size_t end = i + from.size();
        if (end < text.size() && IsWordByte(text[end])) continue;
        best = &pair;
      }
    }
    if (best == nullptr) {
      out.push_back(text[i++]);
      continue;
    }
    out.append(best->second);
    i += best->first.size();
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> NamePairs(std::string_view from,
                                                           std::string_view to) {
  std::vector<std::pair<std::string, std::string>> pairs;
  pairs.emplace_back(std::string(from), std::string(to));
  std::vector<std::string_view> old_words = NameWords(from);
  std::vector<std::string_view> new_words = NameWords(to);
  if (old_words.size() < 2 || new_words.size() < 2) return pairs;
  if (old_words.size() > 2) {
    pairs.emplace_back(std::string(old_words.front()) + " " + std::string(old_words.back()),
                       std::string(new_words.front()) + " " + std::string(new_words.back()));
  }
  // A short last word ("Li", "Ng") alone would hit ordinary words too.
  if (IsNameWord(old_words.back(), 3)) {
    pairs.emplace_back(std::string(old_words.back()), std::string(new_words.back()));
  }
  return pairs;
}

absl::StatusOr<Generator> Generator::Create(std::vector<Template> templates, NameParts parts,
                                            const Options& options) {
  if (templates.empty()) return absl::InvalidArgumentError("no template articles");
  if (parts.first.empty() || parts.last.empty()) {
    return absl::InvalidArgumentError("the templates name no people to build names from");
  }
  const int64_t pairs =
      static_cast<int64_t>(parts.first.size()) * static_cast<int64_t>(parts.last.size());
  int64_t people = options.people > 0 ? options.people
                                      : std::max<int64_t>(100, options.count / 20);
  if (people > pairs) {
    return absl::InvalidArgumentError(absl::StrCat(
        people, " people asked for but only ", pairs, " first and last name pairs"));
  }
  return Generator(std::move(templates), std::move(parts), options, people);
}

Generator::Generator(std::vector<Template> templates, NameParts parts, const Options& options,
                     int64_t people)
    : templates_(std::move(templates)),
      parts_(std::move(parts)),
      options_(options),
      zipf_(people, options.zipf_exponent),
      name_stride_(CoprimeStride(parts_.first.size() * parts_.last.size())) {}

std::string Generator::PersonName(int64_t rank) const {
  const uint64_t n = parts_.first.size() * parts_.last.size();
  const uint64_t index = (static_cast<uint64_t>(rank) * name_stride_) % n;
  return absl::StrCat(parts_.first[index % parts_.first.size()], " ",
                      parts_.last[index / parts_.first.size()]);
}

std::string Generator::Article(int64_t index) const {
  Random random(options_.seed * 0x2545f4914f6cdd1dULL ^ static_cast<uint64_t>(index));
  random.Next();
  const Template& t = templates_[random.Below(templates_.size())];
  std::vector<std::pair<std::string, std::string>> pairs;
  absl::flat_hash_set<int64_t> drawn;
  for (const std::string& person : t.people) {
    int64_t rank = zipf_.Sample(random.Uniform());
    // One person once per article; the retries keep the Zipf shape.
    for (int tries = 0; drawn.contains(rank) && tries < 8; ++tries) {
      rank = zipf_.Sample(random.Uniform());
    }
    drawn.insert(rank);
    for (auto& pair : NamePairs(person, PersonName(rank))) pairs.push_back(std::move(pair));
  }
  for (const std::string& place : t.places) {
    if (parts_.places.empty() || place.size() < 4) continue;
    pairs.emplace_back(place, parts_.places[random.Below(parts_.places.size())]);
  }
  Json envelope = Json::parse(t.envelope, nullptr, /*allow_exceptions=*/false);
  const std::string id = absl::StrCat(t.id.substr(0, 48), "-g", options_.seed, "-", index);
  envelope["id"] = id;
  // Publication dates spread over about a decade, so date ranges select.
  const absl::CivilDay day = absl::CivilDay(2015, 1, 1) + random.Below(4200);
  envelope["published"] = absl::FormatCivilTime(day);
  envelope.erase("updated");
  for (const char* field : {"title", "body"}) {
    auto it = envelope.find(field);
    if (it != envelope.end() && it->is_string()) {
      *it = ReplaceWords(it->get<std::string>(), pairs);
    }
  }
  return absl::StrCat(id, "\t", envelope.dump(-1, ' ', false, Json::error_handler_t::replace));
}

absl::Status Report::Add(std::string_view line) {
  const size_t tab = line.find('\t');
  if (tab == std::string_view::npos) {
    return absl::InvalidArgumentError("line has no tab between the id and the envelope");
  }
  absl::StatusOr<Template> extracted = MakeTemplate(line.substr(0, tab), line.substr(tab + 1));
  if (!extracted.ok()) return extracted.status();
  ++articles;
  if (!extracted->people.empty()) ++with_people;
  mentions += static_cast<int64_t>(extracted->people.size());
  for (const std::string& person : extracted->people) ++articles_per_person[person];
  return absl::OkStatus();
}

std::string Report::Summary() const {
  std::string top;
  int64_t top_count = 0;
  for (const auto& [person, count] : articles_per_person) {
    if (count > top_count || (count == top_count && person < top)) {
      top = person;
      top_count = count;
    }
  }
  const double share = articles == 0 ? 0 : 100.0 * static_cast<double>(top_count) /
                                               static_cast<double>(articles);
  return absl::StrFormat(
      "articles %d (%d with participants), participants %d (distinct %d), most frequent "
      "\"%s\" in %d articles (%.1f%%)",
      articles, with_people, mentions, articles_per_person.size(), top, top_count, share);
}

}  // namespace parley::loadgen
