// BuildNameReport and its text and JSON forms (eval/name_check.h).
#include <algorithm>
#include <string>
#include <tuple>

#include "absl/strings/str_format.h"
#include "eval/name_check.h"
#include "nlohmann/json.hpp"

namespace parley::eval {
namespace {

constexpr std::string_view kProblemLabels[kProblemCount] = {
    "names with a title word, rank or honorific",
    "names with a verb",
    "names that are common nouns or start with them",
    "names with a word glued before a name served elsewhere",
    "roles starting with a conjunction, preposition, punctuation or time word",
    "roles ending in a conjunction, preposition, punctuation or a tail",
};

std::vector<std::string> ServedNames(const std::vector<ArticleEvent>& events) {
  std::vector<std::string> names;
  for (const ArticleEvent& e : events) {
    for (const v1::EventParticipant& p : e.event.participants()) names.push_back(p.name());
  }
  return names;
}

void Add(NameReport* report, const ArticleEvent& e, const v1::EventParticipant& p,
         bool about_role, const Finding& finding) {
  report->findings.push_back(NameFinding{e.id, p.name(), p.role(), about_role, finding});
  ++report->counts[static_cast<int>(finding.problem)];
}

}  // namespace

NameReport BuildNameReport(const std::vector<ArticleEvent>& events, const WordCaseStats& stats) {
  const NameChecker checker(&stats, ServedNames(events));
  NameReport report;
  report.articles = static_cast<int>(events.size());
  for (const ArticleEvent& e : events) {
    for (const v1::EventParticipant& p : e.event.participants()) {
      ++report.participants;
      Finding finding;
      if (checker.CheckName(p.name(), &finding)) Add(&report, e, p, false, finding);
      if (p.role().empty()) continue;
      ++report.roles;
      if (checker.CheckRole(p.role(), &finding)) Add(&report, e, p, true, finding);
    }
  }
  std::sort(report.findings.begin(), report.findings.end(),
            [](const NameFinding& a, const NameFinding& b) {
              return std::tie(a.finding.problem, a.article_id, a.name, a.role) <
                     std::tie(b.finding.problem, b.article_id, b.name, b.role);
            });
  return report;
}

std::string FormatNameReportText(const NameReport& report) {
  std::string out = absl::StrFormat("Served names over %d articles: %d participants, %d roles\n",
                                    report.articles, report.participants, report.roles);
  int total = 0;
  for (int i = 0; i < kProblemCount; ++i) {
    total += report.counts[i];
    absl::StrAppendFormat(&out, "  %-12s %5d  %s\n",
                          std::string(ProblemName(static_cast<Problem>(i))), report.counts[i],
                          std::string(kProblemLabels[i]));
  }
  absl::StrAppendFormat(&out, "  %-12s %5d\n\n", "total", total);
  for (const NameFinding& f : report.findings) {
    const std::string problem(ProblemName(f.finding.problem));
    if (f.about_role) {
      absl::StrAppendFormat(&out, "%-12s %s  role \"%s\" of \"%s\"  [%s]\n", problem,
                            f.article_id, f.role, f.name, f.finding.word);
    } else {
      absl::StrAppendFormat(&out, "%-12s %s  name \"%s\"  [%s]\n", problem, f.article_id,
                            f.name, f.finding.word);
    }
  }
  return out;
}

std::string FormatNameReportJson(const NameReport& report) {
  nlohmann::ordered_json json;
  json["articles"] = report.articles;
  json["participants"] = report.participants;
  json["roles"] = report.roles;
  nlohmann::ordered_json counts = nlohmann::ordered_json::object();
  for (int i = 0; i < kProblemCount; ++i) {
    counts[std::string(ProblemName(static_cast<Problem>(i)))] = report.counts[i];
  }
  json["counts"] = counts;
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const NameFinding& f : report.findings) {
    nlohmann::ordered_json item;
    item["article"] = f.article_id;
    item["problem"] = std::string(ProblemName(f.finding.problem));
    item["name"] = f.name;
    if (f.about_role) item["role"] = f.role;
    item["word"] = f.finding.word;
    findings.push_back(item);
  }
  json["findings"] = findings;
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace parley::eval
