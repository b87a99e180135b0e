#include "services/pictures.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace parley::service {
namespace {

// A DOT string literal.
std::string Quoted(const std::string& text) {
  return absl::StrCat("\"", absl::StrReplaceAll(text, {{"\\", "\\\\"}, {"\"", "\\\""},
                                                         {"\n", "\\n"}}),
                      "\"");
}

std::string Title(const v1::Event& event) {
  std::string title = event.title().empty() ? std::string(event.name()) : event.title();
  if (title.size() > 70) title = title.substr(0, 67) + "...";
  return title;
}

std::string TypeName(v1::EventType type) {
  if (type == v1::EVENT_TYPE_UNSPECIFIED) return "event";
  std::string name = v1::EventType_Name(type);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return c == '_' ? ' ' : std::tolower(c); });
  return name;
}

std::string Describe(const std::string& rank, const std::string& role,
                     const std::string& organization) {
  std::string out = rank;
  for (const std::string* part : {&role, &organization}) {
    if (part->empty()) continue;
    absl::StrAppend(&out, out.empty() ? "" : ", ", *part);
  }
  return out;
}

}  // namespace

std::string ConnectionsDot(const v1::Participant& center,
                           const v1::ListConnectionsResponse& connections) {
  int most = 1;
  for (const v1::Connection& c : connections.connections()) most = std::max(most, c.shared_events());
  std::string dot = absl::StrCat(
      "graph connections {\n"
      "  graph [overlap=false, splines=true, outputorder=edgesfirst, root=center, ranksep=2.2, "
      "fontname=\"Helvetica\", label=",
      Quoted(absl::StrCat(center.display_name(), ": people met in ", connections.events(),
                          " real-world events (number = events shared)")),
      ", labelloc=t, fontsize=22];\n"
      "  node [fontname=\"Helvetica\", shape=box, style=\"rounded,filled\", color=\"#5b7aa8\", "
      "fillcolor=\"#eef3fa\"];\n"
      "  edge [color=\"#7f9cc6\"];\n"
      "  center [label=",
      Quoted(center.display_name()),
      ", fontsize=20, penwidth=2.5, fillcolor=\"#ffd98a\", color=\"#a07400\"];\n");
  int index = 0;
  for (const v1::Connection& c : connections.connections()) {
    double weight = static_cast<double>(c.shared_events()) / most;
    std::string node = absl::StrCat("p", index++);
    std::string label = c.display_name().empty() ? c.participant() : c.display_name();
    // The count sits in the node, not on the edge: edge labels pile up
    // near the middle when there are many connections.
    absl::StrAppend(&dot, "  ", node, " [label=", Quoted(absl::StrCat(label, "  ", c.shared_events())),
                    ", fontsize=", static_cast<int>(11 + 7 * weight), "];\n");
    absl::StrAppend(&dot, "  center -- ", node, " [penwidth=",
                    absl::StrCat(1 + std::round(5 * weight * 10) / 10),
                    weight > 0.5 ? ", color=\"#34568b\"" : "", "];\n");
  }
  absl::StrAppend(&dot, "}\n");
  return dot;
}

std::string TimelineDot(const v1::Participant& participant, const std::vector<v1::Event>& events) {
  std::vector<const v1::Event*> ordered;
  for (const v1::Event& e : events) ordered.push_back(&e);
  auto date_of = [](const v1::Event* e) {
    return e->start_date().empty() ? e->published_date() : e->start_date();
  };
  // Dated events oldest first, undated ones at the end.
  std::stable_sort(ordered.begin(), ordered.end(), [&](const v1::Event* a, const v1::Event* b) {
    return std::make_pair(date_of(a).empty(), date_of(a)) <
           std::make_pair(date_of(b).empty(), date_of(b));
  });
  std::string dot = absl::StrCat(
      "digraph timeline {\n"
      "  graph [rankdir=TB, nodesep=0.25, ranksep=0.3, fontname=\"Helvetica\", labelloc=t, "
      "fontsize=22, label=",
      Quoted(absl::StrCat(participant.display_name(), ": ", events.size(), " events")),
      "];\n"
      "  node [fontname=\"Helvetica\", shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fa\", "
      "color=\"#5b7aa8\", fontsize=12, width=6];\n"
      "  edge [color=\"#9aa9bf\", arrowhead=none];\n");
  // Marks: each history entry where it is first seen.
  std::multimap<std::string, const v1::ParticipantHistoryEntry*> marks;
  for (const v1::ParticipantHistoryEntry& h : participant.history()) {
    if (!Describe(h.rank(), h.role(), h.organization()).empty()) marks.emplace(h.first_date(), &h);
  }
  std::string year;
  std::string previous;
  int index = 0;
  // Marks up to `date` (all of them when `everything`).
  auto mark_until = [&](const std::string& date, bool everything) {
    while (!marks.empty() && (everything || marks.begin()->first <= date)) {
      const v1::ParticipantHistoryEntry* h = marks.begin()->second;
      std::string node = absl::StrCat("m", index++);
      absl::StrAppend(&dot, "  ", node, " [shape=note, fillcolor=\"#ffe7a8\", color=\"#a07400\", label=",
                      Quoted(absl::StrCat("from ", h->first_date().empty() ? "?" : h->first_date(),
                                          ": ", Describe(h->rank(), h->role(), h->organization()))),
                      "];\n");
      if (!previous.empty()) absl::StrAppend(&dot, "  ", previous, " -> ", node, ";\n");
      previous = node;
      marks.erase(marks.begin());
    }
  };
  for (const v1::Event* e : ordered) {
    std::string date = date_of(e);
    std::string this_year = date.size() >= 4 ? date.substr(0, 4) : "undated";
    if (this_year != year) {
      if (!year.empty()) absl::StrAppend(&dot, "  }\n");
      year = this_year;
      absl::StrAppend(&dot, "  subgraph cluster_", year == "undated" ? "u" : year, " {\n    label=",
                      Quoted(year), "; fontsize=18; color=\"#c9d3e0\"; style=rounded;\n");
    }
    if (!date.empty()) mark_until(date, false);
    std::string node = absl::StrCat("e", index++);
    absl::StrAppend(&dot, "    ", node, " [label=",
                    Quoted(absl::StrCat(date.empty() ? "undated" : date, "  ", TypeName(e->type()),
                                        "\n", Title(*e))),
                    "];\n");
    if (!previous.empty()) absl::StrAppend(&dot, "    ", previous, " -> ", node, ";\n");
    previous = node;
  }
  if (!year.empty()) absl::StrAppend(&dot, "  }\n");
  mark_until("", true);
  absl::StrAppend(&dot, "}\n");
  return dot;
}

absl::StatusOr<std::string> RenderSvg(const std::string& dot, const std::string& layout) {
  // One context for the life of the process: Graphviz's text-size cache
  // outlives gvFreeContext, and a second context then reads freed font
  // names (found by AddressSanitizer). Not thread-safe, like Graphviz.
  static GVC_t* const context = gvContext();
  if (context == nullptr) return absl::InternalError("Graphviz: no context");
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(agmemread(dot.c_str()), agclose);
  if (!graph) return absl::InvalidArgumentError("Graphviz could not read the DOT text");
  if (gvLayout(context, graph.get(), layout.c_str()) != 0) {
    return absl::InternalError(absl::StrCat("Graphviz layout ", layout, " failed"));
  }
  char* data = nullptr;
  unsigned int size = 0;
  int rendered = gvRenderData(context, graph.get(), "svg", &data, &size);
  std::string svg = rendered == 0 && data != nullptr ? std::string(data, size) : std::string();
  gvFreeRenderData(data);
  gvFreeLayout(context, graph.get());
  if (rendered != 0) return absl::InternalError("Graphviz could not render SVG");
  return svg;
}

}  // namespace parley::service
