// SPDX-License-Identifier: MIT
// Starts a test child (hs_child.exe) or another program with pipes on stdin/stdout.
#pragma once

#include <windows.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace hstest {

/// "Z:\\work\\..." from "/work/..." (Wine maps / to Z:), "C:\\x" from "C:/x".
std::wstring nativePath(const std::string& path);
/// The folder of the running test executable, with a trailing backslash.
std::wstring exeFolder();
/// Scratch file path in the temp folder, unique per call.
std::string tempFilePath(const std::string& stem);

/// A handle value as the child's commands take it ("0x1a4").
std::string hexValue(std::int64_t v);

class Child {
public:
    /// Starts `exe` with `args` (one command line string, after the program name).
    Child(const std::wstring& exe, const std::wstring& args);
    /// hs_child.exe with these arguments; waits for "ready" and reads the handle values.
    static Child helper(const std::wstring& args);
    ~Child();
    Child(Child&& other) noexcept;
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    Child& operator=(Child&&) = delete;

    [[nodiscard]] std::int64_t pid() const { return m_pid; }
    [[nodiscard]] HANDLE process() const { return m_process; }
    /// A handle value the child reported ("event" -> 0x..), -1 if it did not.
    [[nodiscard]] std::int64_t value(const std::string& name) const;
    /// Sends one command line and returns the reply line ("" on timeout).
    std::string command(const std::string& line);
    /// One line of output ("" on timeout or end of output).
    std::string readLine(std::chrono::milliseconds timeout = std::chrono::seconds(15));
    /// All output until the process exits; returns the exit code.
    int readAll(std::string& out, std::chrono::milliseconds timeout = std::chrono::seconds(30));
    /// Sends quit and waits for the exit.
    void quit();

    std::map<std::string, std::int64_t> values;

private:
    HANDLE m_process = nullptr;
    HANDLE m_stdinWrite = nullptr;
    HANDLE m_stdoutRead = nullptr;
    std::int64_t m_pid = -1;
    std::string m_pending;
};

} // namespace hstest
