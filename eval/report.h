// Renders evaluation results for people (a table) and for programs (JSON).
// Pure: returns strings; the caller prints them.
#ifndef PARLEY_EVAL_REPORT_H_
#define PARLEY_EVAL_REPORT_H_

#include <string>
#include <vector>

#include "eval/scorer.h"

namespace parley::eval {

// A fixed-width table: one row per field with precision, recall, F1 and the
// underlying counts, preceded by the number of articles. Ends with '\n'.
std::string FormatTable(const Summary& summary);

// Per article, per field with any, the misses and false hits, e.g.
//   == nato-123
//     participants  miss       Francesco Diella
//     rank          false hit  Francesco Diella: General
// Articles without misses or false hits get a "== id: all correct" line.
std::string FormatDetails(const std::vector<ArticleScore>& scores);

// One JSON object (no trailing newline), fields in report order:
//   {"articles": N,
//    "fields": {"participants": {"precision": p, "recall": r, "f1": f}, ...}}
// When `details` is non-null, adds
//   "details": [{"id": "...", "fields": {"rank": {"misses": [...],
//                                                 "false_hits": [...]}, ...}}]
// listing only fields with a miss or false hit.
std::string FormatJson(const Summary& summary,
                       const std::vector<ArticleScore>* details);

}  // namespace parley::eval

#endif  // PARLEY_EVAL_REPORT_H_
