// The command-line subcommands. Each is filled in once core can read and write
// files; until then they say so and exit with code 2.
#include "subcommands.hpp"

#include <cstdio>

namespace rapport::app {

int run_subcommand(const CliOptions& options) {
  std::fprintf(stderr, "rapport: '%s' is not available yet\n", options.subcommand.c_str());
  return 2;
}

}  // namespace rapport::app
