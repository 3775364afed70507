// SPDX-License-Identifier: MIT
// The three roles of handlescope-demo. One implementation per OS (demo_linux.cpp,
// demo_win.cpp), chosen by CMake; demo_main.cpp parses the command line.
#pragma once

#include <string>

namespace hs::demo {

/// Exit codes: 0 done, 1 the operation failed (the target could not use the handle, a
/// call failed), 2 usage, 3 the channel could not be reached or opened.
enum Exit : int { ExitOk = 0, ExitFailed = 1, ExitUsage = 2, ExitChannel = 3 };

/// Creates the objects, prints what it holds, then reports whatever the target does with
/// them until it is ended (Ctrl+C, SIGTERM, or end of input when stdin is a pipe).
int runSource();

struct TargetOptions {
    std::string channel; ///< Linux: a UNIX socket path; Windows: a pipe name
    bool once = false;   ///< exit after the first message
};
/// Listens on the channel for "handle N, type T", uses that handle, reports.
int runTarget(const TargetOptions& options);

/// Sends `message` over the channel and prints the target's answer.
int runTell(const std::string& channel, const std::string& message);

/// The types this platform's source creates and the target knows how to use.
const char* const* handleTypes();
/// Whether handle values are written in hex here (Windows).
bool handlesInHex();

} // namespace hs::demo
