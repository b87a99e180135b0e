#include "common/config.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/strings/match.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/cli.h"
#include "common/string_view.h"

namespace parley {
namespace {

std::string UnderscoreName(std::string_view std_name) {
  absl::string_view name = ToAbsl(std_name);
  absl::ConsumePrefix(&name, "--");
  std::string result(name);
  std::replace(result.begin(), result.end(), '-', '_');
  return result;
}

bool Contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

const char* DefaultGetenv(const char* name) { return std::getenv(name); }

// Sets one flag from a string, as Abseil would from the command line.
absl::Status SetFlag(const std::string& name, const std::string& value) {
  absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
  if (flag == nullptr) return absl::InvalidArgumentError("unknown setting");
  std::string error;
  if (!flag->ParseFrom(value, &error)) {
    return absl::InvalidArgumentError(absl::StrCat("bad value \"", value, "\": ", error));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace

absl::StatusOr<std::vector<FileSetting>> ParseConfigFile(std::string_view text) {
  std::vector<FileSetting> settings;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(ToAbsl(text), '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    size_t equals = line.find('=');
    if (equals == absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line_number, ": expected `name = value`"));
    }
    absl::string_view name = absl::StripAsciiWhitespace(line.substr(0, equals));
    if (name.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("line ", line_number, ": no name before '='"));
    }
    settings.push_back({UnderscoreName(ToStd(name)),
                        std::string(absl::StripAsciiWhitespace(line.substr(equals + 1))),
                        line_number});
  }
  return settings;
}

std::string EnvironmentVariableFor(std::string_view flag_name) {
  return absl::StrCat("PARLEY_", absl::AsciiStrToUpper(UnderscoreName(flag_name)));
}

std::string SettingSources::Describe(const std::string& flag_name) const {
  auto found = by_flag.find(flag_name);
  if (found != by_flag.end()) return found->second;
  std::string dashed = flag_name;
  std::replace(dashed.begin(), dashed.end(), '_', '-');
  return absl::StrCat("--", dashed, " (default)");
}

absl::Status SettingSources::Annotate(const std::string& flag_name,
                                      const absl::Status& status) const {
  if (status.ok()) return status;
  return absl::Status(status.code(), absl::StrCat(Describe(flag_name), ": ", status.message()));
}

std::vector<std::string> CommandLineFlagNames(
    const std::vector<std::string>& args, const std::function<bool(std::string_view)>& is_flag) {
  std::vector<std::string> names;
  for (size_t i = 1; i < args.size(); ++i) {
    absl::string_view arg = args[i];
    if (arg == "--") break;
    if (arg.size() < 2 || arg[0] != '-') continue;
    arg.remove_prefix(arg[1] == '-' ? 2 : 1);
    std::string name(arg.substr(0, arg.find('=')));
    if (!is_flag(name) && absl::StartsWith(name, "no") && is_flag(std::string_view(name).substr(2))) {
      name = name.substr(2);
    }
    names.push_back(name);
  }
  return names;
}

absl::Status ApplyFileAndEnvironment(const ConfigOptions& options,
                                     const std::vector<FileSetting>& file,
                                     const std::string& file_name,
                                     const std::vector<std::string>& command_line,
                                     Configuration& configuration) {
  auto getenv = options.getenv ? options.getenv : DefaultGetenv;
  // Repeated flags accumulate, lowest precedence first, so that a later
  // value (librdkafka properties: the last one of a key wins) overrides.
  std::map<std::string, std::vector<std::string>> repeated;
  for (const FileSetting& setting : file) {
    std::string dashed = setting.name;
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    std::string source =
        absl::StrCat(dashed, " (config file ", file_name, " line ", setting.line, ")");
    if (Contains(options.repeated_flags, setting.name)) {
      repeated[setting.name].push_back(setting.value);
      continue;
    }
    if (!Contains(options.flags, setting.name) || setting.name == options.config_flag) {
      return absl::InvalidArgumentError(absl::StrCat(source, ": unknown setting"));
    }
    if (Contains(command_line, setting.name)) continue;
    absl::Status status = SetFlag(setting.name, setting.value);
    if (!status.ok()) return absl::InvalidArgumentError(absl::StrCat(source, ": ", status.message()));
    configuration.sources.by_flag[setting.name] = source;
  }
  for (const std::string& name : options.flags) {
    if (name == options.config_flag) continue;
    std::string variable = EnvironmentVariableFor(name);
    const char* value = getenv(variable.c_str());
    if (value == nullptr) continue;
    std::string source = absl::StrCat(variable, " (environment)");
    if (Contains(command_line, name)) continue;
    absl::Status status = SetFlag(name, value);
    if (!status.ok()) return absl::InvalidArgumentError(absl::StrCat(source, ": ", status.message()));
    configuration.sources.by_flag[name] = source;
  }
  for (const std::string& name : options.repeated_flags) {
    const char* value = getenv(EnvironmentVariableFor(name).c_str());
    if (value != nullptr) {
      for (absl::string_view item : absl::StrSplit(value, '\n', absl::SkipWhitespace())) {
        repeated[name].push_back(std::string(absl::StripAsciiWhitespace(item)));
      }
    }
    std::vector<std::string>& values = repeated[name];
    values.insert(values.end(), configuration.repeated[name].begin(),
                  configuration.repeated[name].end());
    configuration.repeated[name] = std::move(values);
  }
  return absl::OkStatus();
}

absl::StatusOr<Configuration> LoadConfiguration(int argc, char** argv,
                                                const ConfigOptions& options) {
  Configuration configuration;
  std::vector<std::string> args = DashedFlagsToUnderscores(argc, argv);
  for (const std::string& name : options.repeated_flags) {
    configuration.repeated[name] = TakeRepeatedFlag(args, name);
  }
  std::vector<std::string> command_line = CommandLineFlagNames(
      args, [](std::string_view name) { return absl::FindCommandLineFlag(ToAbsl(name)) != nullptr; });
  std::vector<char*> pointers;
  for (std::string& arg : args) pointers.push_back(arg.data());
  // Exits with Abseil's message on --help, --version and unknown flags.
  std::vector<char*> positional =
      absl::ParseCommandLine(static_cast<int>(pointers.size()), pointers.data());
  configuration.positional.assign(positional.begin() + 1, positional.end());
  for (const std::string& name : command_line) {
    std::string dashed = name;
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    configuration.sources.by_flag[name] = absl::StrCat("--", dashed, " (command line)");
  }

  auto getenv = options.getenv ? options.getenv : DefaultGetenv;
  std::string config_path;
  if (absl::CommandLineFlag* flag = absl::FindCommandLineFlag(options.config_flag)) {
    config_path = flag->CurrentValue();
  }
  if (config_path.empty()) {
    const char* from_env = getenv(EnvironmentVariableFor(options.config_flag).c_str());
    if (from_env != nullptr) config_path = from_env;
  }
  std::vector<FileSetting> file;
  if (!config_path.empty()) {
    std::string source = Contains(command_line, options.config_flag)
                             ? configuration.sources.Describe(options.config_flag)
                             : absl::StrCat(EnvironmentVariableFor(options.config_flag),
                                            " (environment)");
    absl::StatusOr<std::string> text = ReadFile(config_path);
    if (!text.ok()) return absl::InvalidArgumentError(absl::StrCat(source, ": ", text.status().message()));
    absl::StatusOr<std::vector<FileSetting>> settings = ParseConfigFile(*text);
    if (!settings.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("config file ", config_path, ": ", settings.status().message()));
    }
    file = *std::move(settings);
  }
  absl::Status applied =
      ApplyFileAndEnvironment(options, file, config_path, command_line, configuration);
  if (!applied.ok()) return applied;
  return configuration;
}

absl::Status CheckListenAddress(std::string_view std_address) {
  absl::string_view address = ToAbsl(std_address);
  size_t colon = address.rfind(':');
  if (colon == absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", address, "\" is not host:port (e.g. 0.0.0.0:50051)"));
  }
  absl::string_view host = address.substr(0, colon);
  absl::string_view port = address.substr(colon + 1);
  int number = -1;
  if (!absl::SimpleAtoi(port, &number) || number < 0 || number > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", address, "\": port \"", port, "\" is not a number 0-65535"));
  }
  bool bracketed = absl::StartsWith(host, "[") && absl::EndsWith(host, "]");
  if (!bracketed && host.find(':') != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", address, "\": write an IPv6 host in brackets ([::]:PORT)"));
  }
  return absl::OkStatus();
}

}  // namespace parley
