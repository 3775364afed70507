// SPDX-License-Identifier: MIT
// The three roles of handlescope-demo. One implementation per OS (demo_linux.cpp,
// demo_win.cpp), chosen by CMake; demo_main.cpp parses the command line.
#pragma once

#include <cstdint>
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

/// Sharing by inheritance: opens the greeting file with an inheritable handle, starts a
/// child (this program, role `use`) that uses it at the same value, waits for it.
int runInherit();

/// Uses a handle this process already holds (the child of `inherit`), and reports it.
int runUse(std::int64_t handle, const std::string& type);

/// Sharing by name: makes a named object (Linux: a FIFO at the path `name`; Windows: an
/// event called `name`), waits until another process opens it by that name and uses it.
int runNamedCreate(const std::string& name);

/// Opens the object that `named-create` made by its name, and uses it.
int runNamedOpen(const std::string& name);

/// The types this platform's source creates and the target knows how to use.
const char* const* handleTypes();
/// Whether handle values are written in hex here (Windows).
bool handlesInHex();

} // namespace hs::demo
