// SPDX-License-Identifier: MIT
#include "proc_parse.h"

#include <fcntl.h>

#include <array>
#include <bit>
#include <charconv>
#include <cstdio>

namespace hs::linux_ {

namespace {

template <class T>
std::optional<T> toNumber(std::string_view s, int base = 10)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
        s.remove_suffix(1);
    T v{};
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
    if (s.empty() || ec != std::errc() || ptr != s.data() + s.size())
        return std::nullopt;
    return v;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

} // namespace

std::optional<StatFields> parseStat(std::string_view text)
{
    // "pid (comm) S ppid ...": comm may hold spaces, ')' and newlines, so the name ends at
    // the LAST ')' and the numeric fields start after it.
    const auto open = text.find('(');
    const auto close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return std::nullopt;
    StatFields f;
    f.name = std::string(text.substr(open + 1, close - open - 1));

    std::array<std::string_view, 20> fields{}; // fields 3..22 of proc(5)
    std::size_t count = 0;
    std::string_view rest = text.substr(close + 1);
    while (count < fields.size()) {
        while (!rest.empty() && rest.front() == ' ')
            rest.remove_prefix(1);
        if (rest.empty())
            break;
        auto end = rest.find_first_of(" \n");
        fields[count++] = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    }
    // The kernel writes some 50 fields; field 22 must be followed by more, or the text was
    // cut inside it and its digits would read as a different (smaller) start time.
    if (count < fields.size() || fields[0].size() != 1 || rest.empty() || rest.front() != ' ')
        return std::nullopt;
    f.state = fields[0][0];
    auto ppid = toNumber<std::int64_t>(fields[1]);
    auto session = toNumber<std::int64_t>(fields[3]);
    auto flags = toNumber<std::uint64_t>(fields[6]);
    auto threads = toNumber<std::int64_t>(fields[17]);
    auto start = toNumber<std::uint64_t>(fields[19]);
    if (!ppid || !session || !flags || !threads || !start)
        return std::nullopt;
    f.ppid = *ppid;
    f.session = *session;
    f.flags = *flags;
    f.threads = *threads;
    f.startTime = *start;
    return f;
}

ProcessState stateFromStat(char state, std::uint64_t flags)
{
    constexpr std::uint64_t kPfKthread = 0x00200000;
    if (flags & kPfKthread)
        return ProcessState::KernelThread;
    switch (state) {
    case 'R': return ProcessState::Running;
    case 'S': return ProcessState::Sleeping;
    case 'D': return ProcessState::DiskSleep;
    case 'T': return ProcessState::Stopped;
    case 't': return ProcessState::Traced;
    case 'Z': return ProcessState::Zombie;
    case 'X':
    case 'x': return ProcessState::Dead;
    case 'I': return ProcessState::Idle;
    default: return ProcessState::Unknown;
    }
}

std::string parseCmdline(std::string_view text)
{
    while (!text.empty() && text.back() == '\0')
        text.remove_suffix(1);
    std::string out(text);
    for (char& c : out)
        if (c == '\0')
            c = ' ';
    return out;
}

std::int64_t parseStatusUid(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        auto line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (startsWith(line, "Uid:")) {
            line.remove_prefix(4);
            line = trim(line);
            auto first = line.find_first_of(" \t");
            if (auto v = toNumber<std::int64_t>(line.substr(0, first)))
                return *v;
            return -1;
        }
        if (end == std::string_view::npos)
            break;
        pos = end + 1;
    }
    return -1;
}

FdInfo parseFdInfo(std::string_view text)
{
    FdInfo info;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        auto line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        pos = end == std::string_view::npos ? text.size() : end + 1;
        if (line.empty())
            continue;
        auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            info.extras.emplace_back(std::string(trim(line)), std::string());
            continue;
        }
        auto key = trim(line.substr(0, colon));
        auto value = trim(line.substr(colon + 1));
        if (key == "pos")
            info.pos = toNumber<std::uint64_t>(value);
        else if (key == "flags")
            info.flags = toNumber<std::uint32_t>(value, 8);
        else if (key == "ino")
            info.ino = toNumber<std::uint64_t>(value);
        else if (key == "mnt_id")
            info.mntId = toNumber<std::int64_t>(value);
        else
            info.extras.emplace_back(std::string(key), std::string(value));
    }
    return info;
}

LinkInfo classifyLink(std::string_view link)
{
    LinkInfo li;
    auto bracketInode = [](std::string_view s) -> std::uint64_t {
        auto open = s.find('[');
        auto close = s.rfind(']');
        if (open == std::string_view::npos || close == std::string_view::npos || close <= open)
            return 0;
        return toNumber<std::uint64_t>(s.substr(open + 1, close - open - 1)).value_or(0);
    };
    li.name = std::string(link);
    if (startsWith(link, "/")) {
        li.isPath = true;
        constexpr std::string_view kDeleted = " (deleted)";
        if (link.size() > kDeleted.size() && link.substr(link.size() - kDeleted.size()) == kDeleted) {
            li.deleted = true;
            li.name.resize(link.size() - kDeleted.size());
        }
        // memfd_create files live on an internal tmpfs and always read "/memfd:NAME (deleted)".
        if (startsWith(link, "/memfd:") && li.deleted) {
            li.kind = HandleKind::MemFd;
            li.typeName = "memfd";
            li.isPath = false; // no path a stat could follow; identity comes from fstat of the fd
        } else {
            li.kind = HandleKind::RegularFile; // refined by a stat
            li.typeName = "REG";
        }
        return li;
    }
    if (startsWith(link, "socket:[")) {
        li.kind = HandleKind::Socket;
        li.typeName = "socket";
        li.inode = bracketInode(link);
        return li;
    }
    if (startsWith(link, "pipe:[")) {
        li.kind = HandleKind::Fifo;
        li.typeName = "pipe";
        li.inode = bracketInode(link);
        return li;
    }
    if (startsWith(link, "anon_inode:")) {
        auto sub = link.substr(11);
        // The subtype without brackets ("eventfd"): short enough for std::string's inline
        // buffer, so a snapshot does not allocate for it; the full text stays in name.
        auto bare = sub;
        if (bare.size() >= 2 && bare.front() == '[' && bare.back() == ']')
            bare = bare.substr(1, bare.size() - 2);
        li.typeName = bare.empty() ? std::string("anon_inode") : std::string(bare);
        if (sub == "[eventfd]")
            li.kind = HandleKind::EventFd;
        else if (sub == "[timerfd]")
            li.kind = HandleKind::TimerFd;
        else if (sub == "[signalfd]")
            li.kind = HandleKind::SignalFd;
        else if (sub == "[eventpoll]")
            li.kind = HandleKind::Epoll;
        else if (sub == "inotify" || sub == "[inotify]")
            li.kind = HandleKind::Inotify;
        else if (sub == "[fanotify]")
            li.kind = HandleKind::Fanotify;
        else if (sub == "[pidfd]")
            li.kind = HandleKind::PidFd;
        else if (sub == "[io_uring]")
            li.kind = HandleKind::IoUring;
        else
            li.kind = HandleKind::AnonInode;
        return li;
    }
    if (startsWith(link, "pidfd:")) { // kernels with pidfs (6.9+) name pidfds this way
        li.kind = HandleKind::PidFd;
        li.typeName = "pidfd";
        li.inode = bracketInode(link);
        return li;
    }
    // Namespace files: "net:[4026531840]", "mnt:[...]", "user:[...]"...
    if (auto colon = link.find(":["); colon != std::string_view::npos && link.back() == ']') {
        li.kind = HandleKind::Other;
        li.typeName = "nsfs";
        li.inode = bracketInode(link);
        return li;
    }
    li.kind = HandleKind::Unknown;
    li.typeName = "unknown";
    return li;
}

AccessMode accessFromFlags(std::uint32_t flags)
{
    if (flags & O_PATH)
        return AccessMode::None;
    switch (flags & O_ACCMODE) {
    case O_RDONLY: return AccessMode::Read;
    case O_WRONLY: return AccessMode::Write;
    case O_RDWR: return AccessMode::ReadWrite;
    default: return AccessMode::Unknown;
    }
}

std::string formatTimespecPair(std::string_view text)
{
    // "(1, 500000000)" -> "1.500000000s"
    auto open = text.find('(');
    auto comma = text.find(',');
    auto close = text.find(')');
    if (open == std::string_view::npos || comma == std::string_view::npos || close == std::string_view::npos ||
        !(open < comma && comma < close))
        return std::string(text);
    auto sec = toNumber<std::uint64_t>(text.substr(open + 1, comma - open - 1));
    auto nsec = toNumber<std::uint64_t>(text.substr(comma + 1, close - comma - 1));
    if (!sec || !nsec)
        return std::string(text);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%llu.%09llus", static_cast<unsigned long long>(*sec),
                  static_cast<unsigned long long>(*nsec));
    return buf;
}

} // namespace hs::linux_
