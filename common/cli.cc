#include "common/cli.h"

#include "absl/flags/parse.h"

namespace parley {

std::vector<std::string> DashedFlagsToUnderscores(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  for (size_t i = 1; i < args.size(); ++i) {
    std::string& arg = args[i];
    if (arg == "--") break;
    if (arg.size() < 3 || arg[0] != '-') continue;
    size_t name_begin = arg[1] == '-' ? 2 : 1;
    size_t name_end = arg.find('=');
    if (name_end == std::string::npos) name_end = arg.size();
    for (size_t j = name_begin; j < name_end; ++j) {
      if (arg[j] == '-') arg[j] = '_';
    }
  }
  return args;
}

std::vector<std::string> TakeRepeatedFlag(std::vector<std::string>& args,
                                          const std::string& name) {
  std::vector<std::string> values;
  std::vector<std::string> kept;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      kept.insert(kept.end(), args.begin() + i, args.end());
      break;
    }
    std::string bare = arg.rfind("--", 0) == 0 ? arg.substr(2) : arg.substr(1);
    if (arg[0] == '-' && bare == name && i + 1 < args.size()) {
      values.push_back(args[++i]);
    } else if (arg[0] == '-' && bare.rfind(name + "=", 0) == 0) {
      values.push_back(bare.substr(name.size() + 1));
    } else {
      kept.push_back(arg);
    }
  }
  args = std::move(kept);
  return values;
}

CommandLine ParseDashedCommandLine(int argc, char** argv,
                                   const std::vector<std::string>& repeated_flags) {
  CommandLine command_line;
  std::vector<std::string> args = DashedFlagsToUnderscores(argc, argv);
  for (const std::string& name : repeated_flags) {
    command_line.repeated[name] = TakeRepeatedFlag(args, name);
  }
  std::vector<char*> pointers;
  for (std::string& arg : args) pointers.push_back(arg.data());
  std::vector<char*> positional =
      absl::ParseCommandLine(static_cast<int>(pointers.size()), pointers.data());
  command_line.positional.assign(positional.begin() + 1, positional.end());
  return command_line;
}

}  // namespace parley
