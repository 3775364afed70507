// SPDX-License-Identifier: MIT
// Shared bits of the duplication tests: privilege checks, kcmp, /proc state.
#pragma once

#include "helper_process.h"

#include "handlescope/duplicate.h"

#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <linux/kcmp.h>
#include <sstream>
#include <sys/syscall.h>
#include <thread>

namespace dup_test {

inline std::string statusField(pid_t pid, const std::string& key)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ":", 0) == 0) {
            auto v = line.substr(key.size() + 1);
            return v.substr(v.find_first_not_of(" \t"));
        }
    return {};
}

inline bool hasCap(int bit)
{
    const auto caps = statusField(::getpid(), "CapEff");
    return !caps.empty() && ((std::stoull(caps, nullptr, 16) >> bit) & 1ULL) != 0;
}

constexpr int kCapSysPtrace = 19;
constexpr int kCapSysAdmin = 21;

/// 0 when fd1 of pid1 and fd2 of pid2 are the same open file description.
inline long kcmpFile(pid_t pid1, int fd1, pid_t pid2, int fd2)
{
    return ::syscall(SYS_kcmp, pid1, pid2, KCMP_FILE, static_cast<unsigned long>(fd1), static_cast<unsigned long>(fd2));
}

inline char procState(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    return close == std::string::npos || close + 2 >= text.size() ? '\0' : text[close + 2];
}

/// Waits until the process's main thread is in `state` (e.g. 'S' = blocked in a call).
inline bool waitForState(pid_t pid, char state, int timeoutMs = 3000)
{
    for (int i = 0; i < timeoutMs / 5; ++i) {
        if (procState(pid) == state)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

/// A TCP connection to 127.0.0.1:port, or -1.
inline int connectTo(int port)
{
    const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0)
        return -1;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0)
        return s;
    ::close(s);
    return -1;
}

inline QByteArray describe(const hs::Error& e) { return QByteArray::fromStdString(e.message()); }

} // namespace dup_test

/// Skips (never silently passes) without the privilege to trace other processes.
#define DUP_REQUIRE_PTRACE()                                                                                           \
    do {                                                                                                               \
        if (!dup_test::hasCap(dup_test::kCapSysPtrace))                                                                \
            QSKIP("needs CAP_SYS_PTRACE (run as root): the tests trace their helper processes");                      \
    } while (false)

#define DUP_VERIFY_OK(result) QVERIFY2((result).has_value(), (result).has_value() ? "" : dup_test::describe((result).error()).constData())
