// Command-line helpers shared by Parley's binaries.
#ifndef PARLEY_COMMON_CLI_H_
#define PARLEY_COMMON_CLI_H_

#include <string>
#include <vector>

namespace parley {

// Abseil flags are spelled with underscores; Parley documents them with
// dashes (--data-dir). Rewrites "--data-dir=x" / "--data-dir" to the
// underscore form, leaving values and positional arguments alone. Arguments
// after a bare "--" are not touched.
std::vector<std::string> DashedFlagsToUnderscores(int argc, char** argv);

// DashedFlagsToUnderscores, then absl::ParseCommandLine (which exits with a
// message on unknown flags or --help). Returns the positional arguments
// without the program name.
std::vector<std::string> ParseDashedCommandLine(int argc, char** argv);

}  // namespace parley

#endif  // PARLEY_COMMON_CLI_H_
