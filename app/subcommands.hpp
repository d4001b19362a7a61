// `rapport check|convert|export ...`: work on files without opening a window.
#pragma once

#include "cli.hpp"

namespace rapport::app {

// Runs options.subcommand with options.subcommand_args; returns the exit code
// (0 success, 1 the work failed, 2 bad arguments).
int run_subcommand(const CliOptions& options);

}  // namespace rapport::app
