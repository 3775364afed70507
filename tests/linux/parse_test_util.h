// SPDX-License-Identifier: MIT
#pragma once

// Helpers shared by the /proc parser tests (tst_proc_parse, tst_net_tables).

#include "linux/proc_parse.h"
#include "linux/net_parse_linux.h"

#include <QtCore/QByteArray>
#include <QtCore/QFile>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <fcntl.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

Q_DECLARE_METATYPE(std::string)

namespace parsetest {

using namespace hs;
using namespace hs::linux_;


inline QByteArray B(std::string_view s) { return QByteArray(s.data(), static_cast<qsizetype>(s.size())); }

// SocketTable maps inodes to SocketInfo values or to shared pointers, depending on the
// core version; these make the tests independent of that.
inline const SocketInfo& deref(const SocketInfo& s) { return s; }
inline const SocketInfo& deref(const std::shared_ptr<const SocketInfo>& s) { return *s; }

inline std::string readProcFile(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return f.readAll().toStdString();
}

// Closes an fd at scope exit.
struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
};

// A complete, realistic stat line (52 fields) with chosen values in the parsed fields.
struct StatValues {
    std::string name;
    char state = 'S';
    std::int64_t ppid = 4242;
    std::int64_t session = 77;
    std::uint64_t flags = 0x00400140;
    std::int64_t threads = 3;
    std::uint64_t startTime = 123456789;
};

inline std::string makeStat(const StatValues& v)
{
    // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
    // utime stime cutime cstime priority nice num_threads itrealvalue starttime vsize ...
    std::string s = "31337 (" + v.name + ") " + v.state + " " + std::to_string(v.ppid) + " 31337 " +
                    std::to_string(v.session) + " 34816 31337 " + std::to_string(v.flags) +
                    " 120 0 3 0 5 7 0 0 20 0 " + std::to_string(v.threads) + " 0 " + std::to_string(v.startTime) +
                    " 8458240 960 18446744073709551615 94066 94067 140736 0 0 0 65536 4 0 0 0 17 1 0 0 0 0 0"
                    " 94068 94069 94070 140737 140738 140739 140740 0\n";
    return s;
}

inline QString show(std::string_view s)
{
    // Printable form of hostile text for failure messages.
    QString out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c == '\0')
            out += QStringLiteral("\\0");
        else if (c < 0x20 || c >= 0x7f)
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        else
            out += QLatin1Char(ch);
    }
    return out;
}

inline std::string extrasText(const std::vector<std::pair<std::string, std::string>>& extras)
{
    std::string out;
    for (const auto& [k, v] : extras)
        out += (out.empty() ? "" : ";") + k + "=" + v;
    return out;
}

inline const std::string* extraValue(const FdInfo& info, std::string_view key)
{
    for (const auto& [k, v] : info.extras)
        if (k == key)
            return &v;
    return nullptr;
}

inline std::string joinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : "|") + n;
    return out;
}

// The first `lines` lines of a real table (header included): the truncation test is
// quadratic in the text size, and a busy machine has thousands of sockets.
inline std::string firstLines(const std::string& text, int lines)
{
    std::size_t pos = 0;
    for (int i = 0; i < lines && pos != std::string::npos; ++i) {
        pos = text.find('\n', pos);
        if (pos != std::string::npos)
            ++pos;
    }
    return pos == std::string::npos ? text : text.substr(0, pos);
}

inline std::string tableHeader(std::string_view file)
{
    // The first line of this kernel's /proc/self/net/<file>, so the samples carry a real header.
    std::string text = readProcFile("/proc/self/net/" + std::string(file));
    auto nl = text.find('\n');
    return nl == std::string::npos ? std::string("header\n") : text.substr(0, nl + 1);
}


} // namespace parsetest
