// One configuration surface for a binary's Abseil flags: every flag can be
// set on the command line, by an environment variable (PARLEY_<NAME>, the
// flag name in capitals) or in a configuration file of `name = value` lines.
// Precedence: command line > environment > file > the flag's default.
//
// Each value remembers where it came from, so a bad value stops the binary
// with a message such as `PARLEY_LISTEN (environment): ...`.
#ifndef PARLEY_COMMON_CONFIG_H_
#define PARLEY_COMMON_CONFIG_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace parley {

// One `name = value` line of a configuration file.
struct FileSetting {
  std::string name;  // underscore form: "data_dir"
  std::string value;
  int line = 0;
};

// Parses a configuration file: one `name = value` per line; blank lines and
// lines starting with '#' are ignored; names may be written with dashes or
// underscores and with or without a leading "--"; the value is everything
// after the first '=', without surrounding whitespace (no quoting, so a
// value may itself hold '=' or '#'). INVALID_ARGUMENT names the line.
absl::StatusOr<std::vector<FileSetting>> ParseConfigFile(std::string_view text);

// "data_dir" -> "PARLEY_DATA_DIR".
std::string EnvironmentVariableFor(std::string_view flag_name);

// Where a setting's value came from, for messages: "--listen (command
// line)", "PARLEY_LISTEN (environment)", "listen (config file x.conf line
// 3)", "--listen (default)".
struct SettingSources {
  std::map<std::string, std::string> by_flag;
  std::string Describe(const std::string& flag_name) const;
  // OK, or `status` with the setting's source in front of its message.
  absl::Status Annotate(const std::string& flag_name, const absl::Status& status) const;
};

struct ConfigOptions {
  // Flags that the environment and the file may set (a binary's own flags,
  // not those of the libraries it links). Names in underscore form.
  std::vector<std::string> flags;
  // Repeatable flags taken out of the command line before Abseil parses it
  // (their values accumulate: file, then environment, then command line; an
  // environment variable holds one value per line).
  std::vector<std::string> repeated_flags;
  // The flag that names the configuration file (also read from the
  // environment).
  std::string config_flag = "config";
  // Reads an environment variable; nullopt-like empty optional when unset.
  // Defaults to getenv. Tests inject a map.
  std::function<const char*(const char*)> getenv;
};

struct Configuration {
  std::vector<std::string> positional;                       // without argv[0]
  std::map<std::string, std::vector<std::string>> repeated;  // per repeated flag
  SettingSources sources;
};

// The names of flags given on an (underscore-form) command line, in
// underscore form, "--nofoo" counted as "foo" when `is_flag("foo")`.
std::vector<std::string> CommandLineFlagNames(const std::vector<std::string>& args,
                                              const std::function<bool(std::string_view)>& is_flag);

// Applies the file's and the environment's values to the flags the command
// line did not set. `command_line` holds the names the command line set.
// Errors name the setting and its source.
absl::Status ApplyFileAndEnvironment(const ConfigOptions& options,
                                     const std::vector<FileSetting>& file,
                                     const std::string& file_name,
                                     const std::vector<std::string>& command_line,
                                     Configuration& configuration);

// The whole sequence for a binary's main(): dashes to underscores, repeated
// flags taken out, Abseil's parse of the command line (which exits on
// --help, --version and unknown flags), then the configuration file and the
// environment for what the command line left unset.
absl::StatusOr<Configuration> LoadConfiguration(int argc, char** argv,
                                                const ConfigOptions& options);

// Checks a "host:port" listen address (host may be empty, a name, an IPv4
// address or a bracketed IPv6 address; port 0-65535).
absl::Status CheckListenAddress(std::string_view address);

}  // namespace parley

#endif  // PARLEY_COMMON_CONFIG_H_
