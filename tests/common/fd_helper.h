// SPDX-License-Identifier: MIT
// Internal to hs_fd_helper: the parts fd_helper.cpp (start-up, layout, main loop) and
// fd_helper_commands.cpp (the commands) share.
#pragma once

#include <string>

namespace fd_helper {

/// Writes one answer line on stdout (unbuffered).
void reply(const std::string& line);

/// Reads one command line from stdin, a byte per read() so no byte a blocking call
/// waits for sits in a buffer. false at end of input.
bool readLine(std::string& line);

/// Runs one command; its answer line.
std::string handle(const std::string& line);

/// Installs the handlers that count SIGTRAP and SIGUSR1 (the "signals" command).
void countSignals();

/// Stops the threads "workers" started.
void stopWorkers();

/// Removes the layout's files and directory, then _exit(code).
[[noreturn]] void quit(int code);

} // namespace fd_helper
