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

std::vector<std::string> ParseDashedCommandLine(int argc, char** argv) {
  std::vector<std::string> args = DashedFlagsToUnderscores(argc, argv);
  std::vector<char*> pointers;
  for (std::string& arg : args) pointers.push_back(arg.data());
  std::vector<char*> positional =
      absl::ParseCommandLine(static_cast<int>(pointers.size()), pointers.data());
  return std::vector<std::string>(positional.begin() + 1, positional.end());
}

}  // namespace parley
