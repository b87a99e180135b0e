#include "eval/report.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"

namespace parley::eval {
namespace {

// ordered_json keeps fields in report order instead of sorting them.
using OrderedJson = nlohmann::ordered_json;

std::string FieldKey(Field field) {
  std::string_view name = FieldName(field);
  return std::string(name.data(), name.size());
}

}  // namespace

std::string FormatTable(const Summary& summary) {
  std::string out = absl::StrFormat("articles: %d\n", summary.articles);
  absl::StrAppendFormat(&out, "%-14s %9s %7s %7s %6s %9s %6s\n", "field",
                        "precision", "recall", "f1", "tp", "answered", "gold");
  for (Field field : AllFields()) {
    const FieldMetrics& m = summary[field];
    absl::StrAppendFormat(&out, "%-14s %9.3f %7.3f %7.3f %6d %9d %6d\n",
                          FieldKey(field), m.precision, m.recall, m.f1,
                          m.true_positives, m.answered, m.gold);
  }
  return out;
}

std::string FormatDetails(const std::vector<ArticleScore>& scores) {
  std::string out;
  for (const ArticleScore& score : scores) {
    std::string lines;
    for (Field field : AllFields()) {
      for (const std::string& miss : score[field].misses) {
        absl::StrAppendFormat(&lines, "  %-14s miss       %s\n",
                              FieldKey(field), miss);
      }
      for (const std::string& hit : score[field].false_hits) {
        absl::StrAppendFormat(&lines, "  %-14s false hit  %s\n",
                              FieldKey(field), hit);
      }
    }
    if (lines.empty()) {
      absl::StrAppend(&out, "== ", score.id, ": all correct\n");
    } else {
      absl::StrAppend(&out, "== ", score.id, "\n", lines);
    }
  }
  return out;
}

std::string FormatJson(const Summary& summary,
                       const std::vector<ArticleScore>* details) {
  OrderedJson root;
  root["articles"] = summary.articles;
  OrderedJson fields = OrderedJson::object();
  for (Field field : AllFields()) {
    const FieldMetrics& m = summary[field];
    fields[FieldKey(field)] = {
        {"precision", m.precision}, {"recall", m.recall}, {"f1", m.f1}};
  }
  root["fields"] = std::move(fields);
  if (details != nullptr) {
    OrderedJson articles = OrderedJson::array();
    for (const ArticleScore& score : *details) {
      OrderedJson article_fields = OrderedJson::object();
      for (Field field : AllFields()) {
        const FieldCounts& counts = score[field];
        if (counts.misses.empty() && counts.false_hits.empty()) continue;
        article_fields[FieldKey(field)] = {{"misses", counts.misses},
                                           {"false_hits", counts.false_hits}};
      }
      articles.push_back({{"id", score.id}, {"fields", article_fields}});
    }
    root["details"] = std::move(articles);
  }
  // Replace invalid UTF-8 (from a broken extractor) instead of throwing.
  return root.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

}  // namespace parley::eval
