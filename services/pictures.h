// Pictures of the record for people who would rather look than read: the
// co-participation network around a participant and a participant's
// timeline, as Graphviz DOT (pure) and rendered to SVG with Graphviz's
// library.
#ifndef PARLEY_SERVICES_PICTURES_H_
#define PARLEY_SERVICES_PICTURES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "parley/v1/parley_service.pb.h"

namespace parley::service {

// The participant in the middle, each connection around it: the more shared
// events, the larger the node, the thicker and darker the edge. Laid out
// radially (twopi), which keeps 50 and more connections readable.
std::string ConnectionsDot(const v1::Participant& center,
                           const v1::ListConnectionsResponse& connections);

// The participant's events oldest first, grouped by year, each with its date,
// type and title; every rank, role or organisation the articles state is
// marked where it is first seen (a promotion shows as a new mark).
std::string TimelineDot(const v1::Participant& participant, const std::vector<v1::Event>& events);

// DOT text to SVG with the given Graphviz layout ("dot", "twopi").
// INVALID_ARGUMENT if Graphviz cannot read the DOT.
absl::StatusOr<std::string> RenderSvg(const std::string& dot, const std::string& layout);

}  // namespace parley::service

#endif  // PARLEY_SERVICES_PICTURES_H_
