// Command-line helpers shared by Parley's binaries.
#ifndef PARLEY_COMMON_CLI_H_
#define PARLEY_COMMON_CLI_H_

#include <map>
#include <string>
#include <vector>

namespace parley {

// Abseil flags are spelled with underscores; Parley documents them with
// dashes (--data-dir). Rewrites "--data-dir=x" / "--data-dir" to the
// underscore form, leaving values and positional arguments alone. Arguments
// after a bare "--" are not touched.
std::vector<std::string> DashedFlagsToUnderscores(int argc, char** argv);

// Removes every occurrence of a repeatable flag ("--name=value" or
// "--name value", name in underscore form) from args and returns the values
// in order. Abseil flags keep only the last occurrence, and values such as a
// JAAS config contain commas, so repeatable flags are taken out first.
std::vector<std::string> TakeRepeatedFlag(std::vector<std::string>& args,
                                          const std::string& name);

struct CommandLine {
  // Positional arguments without the program name.
  std::vector<std::string> positional;
  // Values of each repeatable flag, in order.
  std::map<std::string, std::vector<std::string>> repeated;
};

// DashedFlagsToUnderscores, TakeRepeatedFlag for each of `repeated_flags`,
// then absl::ParseCommandLine (which exits with a message on unknown flags
// or --help).
CommandLine ParseDashedCommandLine(int argc, char** argv,
                                   const std::vector<std::string>& repeated_flags = {});

}  // namespace parley

#endif  // PARLEY_COMMON_CLI_H_
