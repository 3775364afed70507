// SPDX-License-Identifier: MIT
// Shared bits of the duplication tests: hs_fd_helper children (hstest::Child), the
// kernel's view of them (tests/common/procfs.h), privilege checks.
#pragma once

#include "child.h"
#include "procfs.h"

#include "handlescope/duplicate.h"

#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <thread>

namespace dup_test {

using namespace hstest;

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
        if (!hstest::hasCap(::getpid(), "CapEff", hstest::kCapSysPtrace))                                              \
            QSKIP("needs CAP_SYS_PTRACE (run as root): the tests trace their helper processes");                      \
    } while (false)

#define DUP_VERIFY_OK(result) QVERIFY2((result).has_value(), (result).has_value() ? "" : dup_test::describe((result).error()).constData())

/// For the launcher's "" or why not: fails with the reason.
#define DUP_VERIFY_EMPTY(text)                                                                                         \
    do {                                                                                                               \
        const std::string dup_text_ = (text);                                                                          \
        QVERIFY2(dup_text_.empty(), dup_text_.c_str());                                                                \
    } while (false)
