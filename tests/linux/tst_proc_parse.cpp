// SPDX-License-Identifier: MIT
// tst_proc_parse: the pure /proc text parsers (core/src/linux/proc_parse.h and the
// /proc/net table parsers of net_parse_linux.h) fed hostile text, plus real samples this
// machine's kernel prints at run time (fdinfo of each fd kind, /proc/self/net/*), plus
// one real process with an odd name.

#include "child.h"
#include "parse_test_util.h"

#include "handlescope/describe.h"
#include "handlescope/inspect.h"
#include "linux/proc_parse.h"
#include "linux/net_parse_linux.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace hs;
using namespace hs::linux_;

Q_DECLARE_METATYPE(hs::HandleKind)
Q_DECLARE_METATYPE(hs::ProcessState)
Q_DECLARE_METATYPE(hs::AccessMode)

using namespace parsetest;


class TestProcParse : public QObject {
    Q_OBJECT

private slots:
    // parseStat
    void parseStat_hostileNames_data();
    void parseStat_hostileNames();
    void parseStat_malformed_data();
    void parseStat_malformed();
    void parseStat_truncatedEverywhere_data();
    void parseStat_truncatedEverywhere();
    void parseStat_realSelf();
    void stateFromStat_data();
    void stateFromStat();
    // parseCmdline
    void parseCmdline_data();
    void parseCmdline();
    void parseCmdline_realSelf();
    // parseStatusUid
    void parseStatusUid_data();
    void parseStatusUid();
    void parseStatusUid_realSelf();
    // parseFdInfo
    void parseFdInfo_realKinds_data();
    void parseFdInfo_realKinds();
    void parseFdInfo_fixed_data();
    void parseFdInfo_fixed();
    void formatTimespecPair_data();
    void formatTimespecPair();
    // classifyLink / flags
    void classifyLink_data();
    void classifyLink();
    void openFlagNames_data();
    void openFlagNames();
    void accessFromFlags_data();
    void accessFromFlags();
    // A real process with an odd name
    void processInfo_oddName_data();
    void processInfo_oddName();
};

// ---------------------------------------------------------------------------------------
// parseStat

void TestProcParse::parseStat_hostileNames_data()
{
    QTest::addColumn<std::string>("name");
    QTest::newRow("plain") << std::string("bash");
    QTest::newRow("spaces") << std::string("Web Content");
    QTest::newRow("paren-space-paren") << std::string("a) (b");
    QTest::newRow("looks-like-fields") << std::string(") S 1");
    QTest::newRow("x) (y z") << std::string("x) (y z");
    QTest::newRow("only-open-parens") << std::string("((((");
    QTest::newRow("only-close-parens") << std::string("))))");
    QTest::newRow("trailing-close-paren") << std::string("foo)");
    QTest::newRow("newline") << std::string("a\nb");
    QTest::newRow("newline-and-fields") << std::string(")\nZ 9 9");
    QTest::newRow("non-utf8") << std::string("\xff\xfe\x80 x");
    QTest::newRow("empty") << std::string();
    QTest::newRow("tab-and-ctrl") << std::string("a\tb\x01");
    QTest::newRow("15-bytes") << std::string("0123456789abcde");
}

void TestProcParse::parseStat_hostileNames()
{
    QFETCH(std::string, name);
    StatValues v;
    v.name = name;
    const std::string text = makeStat(v);
    const auto f = parseStat(text);
    QVERIFY2(f.has_value(), qPrintable(show(text)));
    QCOMPARE(B(f->name), B(name));
    QCOMPARE(f->state, v.state);
    QCOMPARE(f->ppid, v.ppid);
    QCOMPARE(f->session, v.session);
    QCOMPARE(f->flags, v.flags);
    QCOMPARE(f->threads, v.threads);
    QCOMPARE(f->startTime, v.startTime);
}

void TestProcParse::parseStat_malformed_data()
{
    using namespace std::string_literals;
    QTest::addColumn<std::string>("text");
    StatValues v;
    v.name = "ok";
    const std::string good = makeStat(v);
    QTest::newRow("empty") << std::string();
    QTest::newRow("no-parens") << std::string("1 bash S 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 100 0");
    QTest::newRow("close-before-open") << std::string("1 )bash( S 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 100 0");
    QTest::newRow("only-name") << std::string("1 (bash)");
    QTest::newRow("state-two-chars") << std::string("1 (bash) SS 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 100 0");
    QTest::newRow("ppid-not-number") << std::string("1 (bash) S x 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 100 0");
    QTest::newRow("flags-not-number") << std::string("1 (bash) S 0 1 1 0 -1 4x 0 0 0 0 0 0 0 0 20 0 1 0 100 0");
    QTest::newRow("starttime-negative") << std::string("1 (bash) S 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 -100 0");
    QTest::newRow("starttime-overflow")
        << std::string("1 (bash) S 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 99999999999999999999999 0");
    QTest::newRow("19-fields") << std::string("1 (bash) S 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0");
    QTest::newRow("nul-bytes") << std::string("1 (bash) S\0 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 100 0"s);
    QTest::newRow("good-with-junk-name-only") << good.substr(0, good.find(')') + 1);
}

void TestProcParse::parseStat_malformed()
{
    QFETCH(std::string, text);
    const auto f = parseStat(text);
    QVERIFY2(!f.has_value(), qPrintable(QStringLiteral("accepted: '%1' -> name '%2' start %3")
                                           .arg(show(text), show(f ? f->name : std::string()))
                                           .arg(f ? f->startTime : 0)));
}

void TestProcParse::parseStat_truncatedEverywhere_data()
{
    QTest::addColumn<std::string>("text");
    for (const char* name : {"a) (b", ") S 1", "plain", ""}) {
        StatValues v;
        v.name = name;
        QTest::addRow("synthetic '%s'", name) << makeStat(v);
    }
    QTest::newRow("real /proc/self/stat") << readProcFile("/proc/self/stat");
    QTest::newRow("real /proc/1/stat") << readProcFile("/proc/1/stat");
}

void TestProcParse::parseStat_truncatedEverywhere()
{
    // Cut the text at every position. The parser must never crash and must return either
    // nullopt or exactly the values of the complete text.
    QFETCH(std::string, text);
    QVERIFY2(!text.empty(), "sample is empty");
    const auto full = parseStat(text);
    QVERIFY2(full.has_value(), qPrintable(show(text)));

    // Where field 22 (starttime, the last field the parser reads) lies in the text.
    std::size_t pos = text.rfind(')') + 1;
    std::size_t startField = 0, endField = 0;
    for (int field = 3; field <= 22; ++field) {
        pos = text.find_first_not_of(' ', pos);
        const std::size_t end = text.find_first_of(" \n", pos);
        if (field == 22) {
            startField = pos;
            endField = end;
        }
        pos = end;
    }
    QVERIFY(startField > 0 && endField > startField);

    QStringList wrong, wrongInStartTime;
    for (std::size_t cut = 0; cut < text.size(); ++cut) {
        const auto f = parseStat(std::string_view(text).substr(0, cut));
        if (!f)
            continue;
        const bool same = f->name == full->name && f->state == full->state && f->ppid == full->ppid &&
                          f->session == full->session && f->flags == full->flags && f->threads == full->threads &&
                          f->startTime == full->startTime;
        if (same)
            continue;
        const QString what = QStringLiteral("cut %1: start_time %2 (full: %3)").arg(cut).arg(f->startTime).arg(full->startTime);
        (cut > startField && cut < endField ? wrongInStartTime : wrong) << what;
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1String("; "))));
    // A text cut inside the starttime digits ("... 12345" -> "... 123") must not be taken for
    // a shorter start time: start times are process identities (ProcessKey).
    QVERIFY2(wrongInStartTime.isEmpty(), qPrintable(wrongInStartTime.join(QLatin1String("; "))));
}

void TestProcParse::parseStat_realSelf()
{
    const std::string text = readProcFile("/proc/self/stat");
    const auto f = parseStat(text);
    QVERIFY2(f.has_value(), qPrintable(show(text)));
    QCOMPARE(f->ppid, static_cast<std::int64_t>(::getppid()));
    QCOMPARE(f->session, static_cast<std::int64_t>(::getsid(0)));
    QCOMPARE(f->state, 'R'); // it is reading its own stat
    QVERIFY(f->threads >= 1);
    // The name is the comm of this process.
    std::string comm = readProcFile("/proc/self/comm");
    if (!comm.empty() && comm.back() == '\n')
        comm.pop_back();
    QCOMPARE(B(f->name), B(comm));
    // Start time: not after the uptime now (in ticks), and not zero for a user process.
    const std::string uptime = readProcFile("/proc/uptime");
    const double up = std::stod(uptime);
    const auto ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
    QVERIFY(f->startTime > 0);
    QVERIFY2(static_cast<double>(f->startTime) <= (up + 1) * ticks,
             qPrintable(QStringLiteral("start %1 uptime %2").arg(f->startTime).arg(up)));
}

void TestProcParse::stateFromStat_data()
{
    QTest::addColumn<char>("state");
    QTest::addColumn<quint64>("flags");
    QTest::addColumn<ProcessState>("expected");
    const quint64 kthread = 0x00200000;
    QTest::newRow("R") << 'R' << quint64(0) << ProcessState::Running;
    QTest::newRow("S") << 'S' << quint64(0x400000) << ProcessState::Sleeping;
    QTest::newRow("D") << 'D' << quint64(0) << ProcessState::DiskSleep;
    QTest::newRow("T") << 'T' << quint64(0) << ProcessState::Stopped;
    QTest::newRow("t") << 't' << quint64(0) << ProcessState::Traced;
    QTest::newRow("Z") << 'Z' << quint64(0) << ProcessState::Zombie;
    QTest::newRow("X") << 'X' << quint64(0) << ProcessState::Dead;
    QTest::newRow("I") << 'I' << quint64(0) << ProcessState::Idle;
    QTest::newRow("?") << '?' << quint64(0) << ProcessState::Unknown;
    QTest::newRow("I+kthread") << 'I' << kthread << ProcessState::KernelThread;
    QTest::newRow("S+kthread") << 'S' << (kthread | 0x40) << ProcessState::KernelThread;
}

void TestProcParse::stateFromStat()
{
    QFETCH(char, state);
    QFETCH(quint64, flags);
    QFETCH(ProcessState, expected);
    QCOMPARE(B(toString(hs::linux_::stateFromStat(state, flags))), B(toString(expected)));
}

// ---------------------------------------------------------------------------------------
// parseCmdline

void TestProcParse::parseCmdline_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");
    using namespace std::string_literals;
    QTest::newRow("args") << "ls\0-l\0/tmp\0"s << "ls -l /tmp"s;
    QTest::newRow("no-trailing-nul") << "ls\0-l"s << "ls -l"s;
    QTest::newRow("many-trailing-nuls") << "sh\0-c\0\0\0\0"s << "sh -c"s;
    QTest::newRow("empty-arg-in-middle") << "a\0\0b\0"s << "a  b"s;
    QTest::newRow("empty") << ""s << ""s;
    QTest::newRow("only-nuls") << "\0\0\0"s << ""s;
    QTest::newRow("arg-with-space") << "cp\0my file\0dst\0"s << "cp my file dst"s;
    QTest::newRow("setproctitle-style") << "postgres: writer   \0"s << "postgres: writer   "s;
    QTest::newRow("newline-in-arg") << "echo\0a\nb\0"s << "echo a\nb"s;
    QTest::newRow("non-utf8") << "x\0\xff\xfe\0"s << "x \xff\xfe"s;
}

void TestProcParse::parseCmdline()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    QCOMPARE(B(hs::linux_::parseCmdline(text)), B(expected));
}

void TestProcParse::parseCmdline_realSelf()
{
    const std::string text = readProcFile("/proc/self/cmdline");
    QVERIFY(!text.empty());
    QCOMPARE(QString::fromStdString(hs::linux_::parseCmdline(text)), QCoreApplication::arguments().join(QLatin1Char(' ')));
}

// ---------------------------------------------------------------------------------------
// parseStatusUid

void TestProcParse::parseStatusUid_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("normal") << std::string("Name:\tbash\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t1000\t1001\t1002\t1003\nGid:\t5\t5\t5\t5\n")
                            << qint64(1000);
    QTest::newRow("no-uid-line") << std::string("Name:\tbash\nState:\tS (sleeping)\nGid:\t5\t5\t5\t5\n") << qint64(-1);
    QTest::newRow("empty") << std::string() << qint64(-1);
    QTest::newRow("uid-last-no-newline") << std::string("Name:\tx\nUid:\t0\t0\t0\t0") << qint64(0);
    QTest::newRow("uid-no-values") << std::string("Uid:\n") << qint64(-1);
    QTest::newRow("uid-garbage") << std::string("Uid:\tabc\t1\t1\t1\n") << qint64(-1);
    QTest::newRow("uid-negative") << std::string("Uid:\t-5\t1\t1\t1\n") << qint64(-5);
    QTest::newRow("uid-spaces") << std::string("Uid:   42   43 44 45\n") << qint64(42);
    QTest::newRow("uid-in-name-line") << std::string("Name:\tUid: 7\nUid:\t65534\t65534\t65534\t65534\n") << qint64(65534);
    QTest::newRow("xuid-is-not-uid") << std::string("XUid:\t9\nNSuid:\t8\n") << qint64(-1);
    QTest::newRow("nobody") << std::string("Uid:\t4294967294\t0\t0\t0\n") << qint64(4294967294LL);
}

void TestProcParse::parseStatusUid()
{
    QFETCH(std::string, text);
    QFETCH(qint64, expected);
    QCOMPARE(static_cast<qint64>(hs::linux_::parseStatusUid(text)), expected);
}

void TestProcParse::parseStatusUid_realSelf()
{
    QCOMPARE(static_cast<qint64>(hs::linux_::parseStatusUid(readProcFile("/proc/self/status"))),
             static_cast<qint64>(::getuid()));
}

// ---------------------------------------------------------------------------------------
// parseFdInfo: real samples of every anon-inode kind, captured from /proc/self/fdinfo

void TestProcParse::parseFdInfo_realKinds_data()
{
    QTest::addColumn<QString>("kind");
    for (const char* k : {"file", "eventfd", "timerfd", "epoll", "inotify", "pidfd", "signalfd", "memfd"})
        QTest::newRow(k) << QString::fromLatin1(k);
}

void TestProcParse::parseFdInfo_realKinds()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string dirPath = dir.path().toStdString();

    int raw = -1;
    HandleKind expectedKind = HandleKind::Unknown;
    std::vector<int> extraFds; // kept open for the duration of the check
    const auto keep = [&](int f) { extraFds.push_back(f); return f; };
    std::uint64_t expectedPos = 0;
    std::uint64_t watched = 0; // epoll: the watched fd; inotify: the watched inode
    if (kind == QLatin1String("file")) {
        raw = ::open((dirPath + "/f.txt").c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        QVERIFY(raw >= 0 && ::write(raw, "0123456789", 10) == 10);
        expectedPos = 10;
        expectedKind = HandleKind::RegularFile;
    } else if (kind == QLatin1String("eventfd")) {
        raw = ::eventfd(0x2a, EFD_NONBLOCK);
        expectedKind = HandleKind::EventFd;
    } else if (kind == QLatin1String("timerfd")) {
        raw = ::timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
        itimerspec its{};
        its.it_value.tv_sec = 500;
        its.it_interval.tv_sec = 2;
        its.it_interval.tv_nsec = 250000000;
        QVERIFY(raw >= 0 && ::timerfd_settime(raw, 0, &its, nullptr) == 0);
        expectedKind = HandleKind::TimerFd;
    } else if (kind == QLatin1String("epoll")) {
        raw = ::epoll_create1(EPOLL_CLOEXEC);
        const int target = keep(::eventfd(0, 0));
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = 0xabc;
        QVERIFY(raw >= 0 && target >= 0 && ::epoll_ctl(raw, EPOLL_CTL_ADD, target, &ev) == 0);
        watched = static_cast<std::uint64_t>(target); // the fd number, checked below
        expectedKind = HandleKind::Epoll;
    } else if (kind == QLatin1String("inotify")) {
        raw = ::inotify_init1(IN_NONBLOCK);
        QVERIFY(raw >= 0 && ::inotify_add_watch(raw, dirPath.c_str(), IN_CREATE) >= 0);
        struct stat st {};
        QVERIFY(::stat(dirPath.c_str(), &st) == 0);
        watched = st.st_ino;
        expectedKind = HandleKind::Inotify;
    } else if (kind == QLatin1String("pidfd")) {
        raw = static_cast<int>(::syscall(SYS_pidfd_open, ::getpid(), 0));
        if (raw < 0 && errno == ENOSYS)
            QSKIP("pidfd_open is not available on this kernel (ENOSYS)");
        expectedKind = HandleKind::PidFd;
    } else if (kind == QLatin1String("signalfd")) {
        sigset_t mask;
        sigemptyset(&mask);
        sigaddset(&mask, SIGUSR2);
        raw = ::signalfd(-1, &mask, SFD_CLOEXEC);
        expectedKind = HandleKind::SignalFd;
    } else if (kind == QLatin1String("memfd")) {
        raw = ::memfd_create("tst memfd", 0);
        QVERIFY(raw >= 0 && ::write(raw, "abcdef", 6) == 6 && ::lseek(raw, 2, SEEK_SET) == 2);
        expectedPos = 2;
        expectedKind = HandleKind::MemFd;
    }
    QVERIFY2(raw >= 0, qPrintable(QStringLiteral("creating %1: %2").arg(kind, QString::fromLocal8Bit(std::strerror(errno)))));
    Fd fd(raw);
    struct Closer {
        std::vector<int>& fds;
        ~Closer()
        {
            for (int f : fds)
                ::close(f);
        }
    } closer{extraFds};

    const std::string path = "/proc/self/fdinfo/" + std::to_string(raw);
    const std::string text = readProcFile(path);
    QVERIFY2(!text.empty(), path.c_str());
    const FdInfo info = parseFdInfo(text);
    const QString sample = show(text);

    // Common lines: pos, flags (octal, with O_CLOEXEC when close-on-exec), ino, mnt_id.
    QVERIFY2(info.pos.has_value(), qPrintable(sample));
    QCOMPARE(*info.pos, expectedPos);
    QVERIFY2(info.flags.has_value(), qPrintable(sample));
    const int fl = ::fcntl(raw, F_GETFL);
    const int fdFlags = ::fcntl(raw, F_GETFD);
    QVERIFY(fl >= 0 && fdFlags >= 0);
    QCOMPARE(*info.flags & ~static_cast<std::uint32_t>(O_CLOEXEC), static_cast<std::uint32_t>(fl) & ~static_cast<std::uint32_t>(O_CLOEXEC));
    QCOMPARE((*info.flags & static_cast<std::uint32_t>(O_CLOEXEC)) != 0, (fdFlags & FD_CLOEXEC) != 0);
    struct stat st {};
    QVERIFY(::fstat(raw, &st) == 0);
    QVERIFY2(info.ino.has_value(), qPrintable(sample));
    QCOMPARE(*info.ino, static_cast<std::uint64_t>(st.st_ino));
    QVERIFY2(info.mntId.has_value(), qPrintable(sample));
    QVERIFY(*info.mntId >= 0);
    // Known keys are not repeated in extras.
    for (const char* known : {"pos", "flags", "ino", "mnt_id"})
        QVERIFY2(!extraValue(info, known), qPrintable(sample));

    // The link text of the same fd classifies as the same kind.
    char link[4096];
    const auto n = ::readlink(("/proc/self/fd/" + std::to_string(raw)).c_str(), link, sizeof link);
    QVERIFY(n > 0);
    const LinkInfo li = hs::linux_::classifyLink(std::string_view(link, static_cast<std::size_t>(n)));
    QCOMPARE(B(toString(li.kind)), B(toString(expectedKind)));

    // Kind-specific lines.
    if (kind == QLatin1String("file")) {
        QVERIFY(*info.flags & static_cast<std::uint32_t>(O_APPEND));
        QCOMPARE(B(toString(hs::linux_::accessFromFlags(*info.flags))), B(toString(AccessMode::ReadWrite)));
    } else if (kind == QLatin1String("eventfd")) {
        const std::string* count = extraValue(info, "eventfd-count");
        QVERIFY2(count, qPrintable(sample));
        QCOMPARE(std::stoull(*count, nullptr, 16), 0x2aULL); // printed in hex
        QVERIFY(*info.flags & static_cast<std::uint32_t>(O_NONBLOCK));
    } else if (kind == QLatin1String("timerfd")) {
        const std::string* clockid = extraValue(info, "clockid");
        QVERIFY2(clockid, qPrintable(sample));
        QCOMPARE(QString::fromStdString(*clockid), QString::number(CLOCK_MONOTONIC));
        const std::string* interval = extraValue(info, "it_interval");
        QVERIFY2(interval, qPrintable(sample));
        QCOMPARE(QString::fromStdString(hs::linux_::formatTimespecPair(*interval)), QStringLiteral("2.250000000s"));
        const std::string* value = extraValue(info, "it_value");
        QVERIFY2(value, qPrintable(sample));
        const std::string formatted = hs::linux_::formatTimespecPair(*value);
        QVERIFY2(formatted.size() > 1 && formatted.back() == 's' && formatted != *value, formatted.c_str());
        const double seconds = std::stod(formatted);
        QVERIFY2(seconds > 400 && seconds <= 500, formatted.c_str());
    } else if (kind == QLatin1String("epoll")) {
        // "tfd:        5 events:       19 data:              abc  pos:0 ino:... sdev:..."
        const std::string* tfd = extraValue(info, "tfd");
        QVERIFY2(tfd, qPrintable(sample));
        QCOMPARE(std::stoll(*tfd), static_cast<long long>(watched));
        QVERIFY2(tfd->find("data:") != std::string::npos && tfd->find("abc") != std::string::npos, tfd->c_str());
    } else if (kind == QLatin1String("inotify")) {
        // "inotify wd:1 ino:a721a0 sdev:... mask:100 ..." splits at the first ':'
        const std::string* wd = extraValue(info, "inotify wd");
        QVERIFY2(wd, qPrintable(sample));
        char hex[32];
        std::snprintf(hex, sizeof hex, "ino:%llx ", static_cast<unsigned long long>(watched));
        QVERIFY2(wd->find(hex) != std::string::npos, qPrintable(QStringLiteral("%1 not in %2").arg(QLatin1String(hex), show(*wd))));
    } else if (kind == QLatin1String("pidfd")) {
        const std::string* pid = extraValue(info, "Pid");
        QVERIFY2(pid, qPrintable(sample));
        QCOMPARE(std::stoll(*pid), static_cast<long long>(::getpid()));
    } else if (kind == QLatin1String("signalfd")) {
        const std::string* mask = extraValue(info, "sigmask");
        QVERIFY2(mask, qPrintable(sample));
        QCOMPARE(std::stoull(*mask, nullptr, 16), 1ULL << (SIGUSR2 - 1));
    } else if (kind == QLatin1String("memfd")) {
        QCOMPARE(B(li.name), QByteArrayLiteral("/memfd:tst memfd"));
        QVERIFY(li.deleted);
    }
}

void TestProcParse::parseFdInfo_fixed_data()
{
    // Malformed and edge-case samples. Expected values: -1 = absent (nullopt).
    QTest::addColumn<std::string>("text");
    QTest::addColumn<qint64>("pos");
    QTest::addColumn<qint64>("flags");
    QTest::addColumn<qint64>("ino");
    QTest::addColumn<qint64>("mntId");
    QTest::addColumn<std::string>("extras");
    using namespace std::string_literals;
    QTest::newRow("regular") << "pos:\t5\nflags:\t0100002\nmnt_id:\t29\nino:\t1234\n"s << 5LL << 0100002LL << 1234LL << 29LL << ""s;
    QTest::newRow("empty") << ""s << -1LL << -1LL << -1LL << -1LL << ""s;
    QTest::newRow("only-newlines") << "\n\n\n"s << -1LL << -1LL << -1LL << -1LL << ""s;
    QTest::newRow("pos-not-number") << "pos:\tabc\nflags:\t02\n"s << -1LL << 2LL << -1LL << -1LL << ""s;
    QTest::newRow("pos-negative") << "pos:\t-1\n"s << -1LL << -1LL << -1LL << -1LL << ""s;
    QTest::newRow("pos-overflow") << "pos:\t999999999999999999999999\n"s << -1LL << -1LL << -1LL << -1LL << ""s;
    QTest::newRow("pos-empty") << "pos:\nflags:\n"s << -1LL << -1LL << -1LL << -1LL << ""s;
    QTest::newRow("flags-not-octal") << "flags:\t0899\n"s << -1LL << -1LL << -1LL << -1LL << ""s;
    QTest::newRow("flags-too-wide") << "flags:\t777777777777\n"s << -1LL << -1LL << -1LL << -1LL << ""s;
    QTest::newRow("truncated-last-line") << "pos:\t12\nflags:\t0100"s << 12LL << 0100LL << -1LL << -1LL << ""s;
    QTest::newRow("mnt-negative") << "mnt_id:\t-3\n"s << -1LL << -1LL << -1LL << -3LL << ""s;
    QTest::newRow("number-then-junk") << "pos:\t12 x\nino:\t7z\n"s << -1LL << -1LL << -1LL << -1LL << ""s;
    QTest::newRow("duplicate-key-last-wins") << "pos:\t1\npos:\t2\n"s << 2LL << -1LL << -1LL << -1LL << ""s;
    QTest::newRow("no-colon-line") << "pos:\t0\ngarbage here\n"s << 0LL << -1LL << -1LL << -1LL << "garbage here="s;
    QTest::newRow("colon-in-value") << "tfd:        5 events:       19 data: d\n"s << -1LL << -1LL << -1LL << -1LL
                                    << "tfd=5 events:       19 data: d"s;
    QTest::newRow("unknown-keys-in-order") << "eventfd-count:                7\neventfd-id: 8001\nclockid: 1\n"s << -1LL << -1LL
                                           << -1LL << -1LL << "eventfd-count=7;eventfd-id=8001;clockid=1"s;
    QTest::newRow("empty-key") << ":\tx\n"s << -1LL << -1LL << -1LL << -1LL << "=x"s;
    QTest::newRow("nul-in-value") << "pos:\t1\0 2\nPid:\t3\n"s << -1LL << -1LL << -1LL << -1LL << "Pid=3"s;
}

void TestProcParse::parseFdInfo_fixed()
{
    QFETCH(std::string, text);
    QFETCH(qint64, pos);
    QFETCH(qint64, flags);
    QFETCH(qint64, ino);
    QFETCH(qint64, mntId);
    QFETCH(std::string, extras);
    const FdInfo info = parseFdInfo(text);
    QCOMPARE(info.pos ? static_cast<qint64>(*info.pos) : -1LL, pos);
    QCOMPARE(info.flags ? static_cast<qint64>(*info.flags) : -1LL, flags);
    QCOMPARE(info.ino ? static_cast<qint64>(*info.ino) : -1LL, ino);
    QCOMPARE(info.mntId ? static_cast<qint64>(*info.mntId) : -1LL, mntId);
    QCOMPARE(B(extrasText(info.extras)), B(extras));
}

void TestProcParse::formatTimespecPair_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");
    using namespace std::string_literals;
    QTest::newRow("1.5s") << "(1, 500000000)"s << "1.500000000s"s;
    QTest::newRow("zero") << "(0, 0)"s << "0.000000000s"s;
    QTest::newRow("small-nsec-padded") << "(3, 7)"s << "3.000000007s"s;
    QTest::newRow("max") << "(18446744073709551615, 999999999)"s << "18446744073709551615.999999999s"s;
    QTest::newRow("no-spaces") << "(2,5)"s << "2.000000005s"s;
    QTest::newRow("garbage") << "garbage"s << "garbage"s;
    QTest::newRow("empty") << ""s << ""s;
    QTest::newRow("no-comma") << "(1 500)"s << "(1 500)"s;
    QTest::newRow("not-numbers") << "(x, 5)"s << "(x, 5)"s;
    QTest::newRow("negative") << "(-1, 5)"s << "(-1, 5)"s;
    QTest::newRow("reversed") << ")1, 5("s << ")1, 5("s;
    QTest::newRow("unclosed") << "(1, 5"s << "(1, 5"s;
}

void TestProcParse::formatTimespecPair()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    QCOMPARE(B(hs::linux_::formatTimespecPair(text)), B(expected));
}

// ---------------------------------------------------------------------------------------
// classifyLink, openFlagNames, accessFromFlags

void TestProcParse::classifyLink_data()
{
    QTest::addColumn<std::string>("link");
    QTest::addColumn<HandleKind>("kind");
    QTest::addColumn<bool>("isPath");
    QTest::addColumn<bool>("deleted");
    QTest::addColumn<std::string>("name");
    QTest::addColumn<std::string>("typeName");
    QTest::addColumn<quint64>("inode");
    using namespace std::string_literals;
    using K = HandleKind;
    auto row = [](const char* tag, std::string link, K kind, bool isPath, bool deleted, std::string name,
                  std::string typeName, quint64 inode) {
        QTest::newRow(tag) << std::move(link) << kind << isPath << deleted << std::move(name) << std::move(typeName) << inode;
    };
    row("path", "/path", K::RegularFile, true, false, "/path", "REG", 0);
    row("path-deleted", "/path (deleted)", K::RegularFile, true, true, "/path", "REG", 0);
    row("path-spaces-deleted", "/tmp/a b (c) (deleted)", K::RegularFile, true, true, "/tmp/a b (c)", "REG", 0);
    row("path-deleted-twice", "/tmp/x (deleted) (deleted)", K::RegularFile, true, true, "/tmp/x (deleted)", "REG", 0);
    row("path-deleted-no-space", "/tmp/x(deleted)", K::RegularFile, true, false, "/tmp/x(deleted)", "REG", 0);
    row("path-newline", "/tmp/odd (name), with\nnewline", K::RegularFile, true, false, "/tmp/odd (name), with\nnewline", "REG", 0);
    row("path-non-utf8", "/tmp/\xff\xfe", K::RegularFile, true, false, "/tmp/\xff\xfe", "REG", 0);
    row("root", "/", K::RegularFile, true, false, "/", "REG", 0);
    row("memfd", "/memfd:x (deleted)", K::MemFd, false, true, "/memfd:x", "memfd", 0);
    row("memfd-spaces", "/memfd:a b (deleted)", K::MemFd, false, true, "/memfd:a b", "memfd", 0);
    row("memfd-name-not-deleted", "/memfd:x", K::RegularFile, true, false, "/memfd:x", "REG", 0);
    row("socket", "socket:[123]", K::Socket, false, false, "socket:[123]", "socket", 123);
    row("socket-big", "socket:[18446744073709551615]", K::Socket, false, false, "socket:[18446744073709551615]", "socket",
        18446744073709551615ULL);
    row("socket-bad-inode", "socket:[abc]", K::Socket, false, false, "socket:[abc]", "socket", 0);
    row("socket-unclosed", "socket:[", K::Socket, false, false, "socket:[", "socket", 0);
    row("pipe", "pipe:[9]", K::Fifo, false, false, "pipe:[9]", "pipe", 9);
    row("eventfd", "anon_inode:[eventfd]", K::EventFd, false, false, "anon_inode:[eventfd]", "eventfd", 0);
    row("timerfd", "anon_inode:[timerfd]", K::TimerFd, false, false, "anon_inode:[timerfd]", "timerfd", 0);
    row("signalfd", "anon_inode:[signalfd]", K::SignalFd, false, false, "anon_inode:[signalfd]", "signalfd", 0);
    row("eventpoll", "anon_inode:[eventpoll]", K::Epoll, false, false, "anon_inode:[eventpoll]", "eventpoll", 0);
    row("inotify", "anon_inode:inotify", K::Inotify, false, false, "anon_inode:inotify", "inotify", 0);
    row("fanotify", "anon_inode:[fanotify]", K::Fanotify, false, false, "anon_inode:[fanotify]", "fanotify", 0);
    row("pidfd-anon", "anon_inode:[pidfd]", K::PidFd, false, false, "anon_inode:[pidfd]", "pidfd", 0);
    row("io_uring", "anon_inode:[io_uring]", K::IoUring, false, false, "anon_inode:[io_uring]", "io_uring", 0);
    row("bpf-map", "anon_inode:bpf-map", K::AnonInode, false, false, "anon_inode:bpf-map", "bpf-map", 0);
    row("anon-empty", "anon_inode:", K::AnonInode, false, false, "anon_inode:", "anon_inode", 0);
    row("pidfd-pidfs", "pidfd:[5]", K::PidFd, false, false, "pidfd:[5]", "pidfd", 5);
    row("net-ns", "net:[4026531840]", K::Other, false, false, "net:[4026531840]", "nsfs", 4026531840ULL);
    row("mnt-ns", "mnt:[4026531841]", K::Other, false, false, "mnt:[4026531841]", "nsfs", 4026531841ULL);
    row("ns-empty-brackets", ":[]", K::Other, false, false, ":[]", "nsfs", 0);
    row("garbage", "garbage", K::Unknown, false, false, "garbage", "unknown", 0);
    row("empty", "", K::Unknown, false, false, "", "unknown", 0);
    row("relative", "relative/path", K::Unknown, false, false, "relative/path", "unknown", 0);
    row("open-bracket-only", "x:[", K::Unknown, false, false, "x:[", "unknown", 0);
    row("binary", "\xff\x00\x01"s, K::Unknown, false, false, "\xff\x00\x01"s, "unknown", 0);
}

void TestProcParse::classifyLink()
{
    QFETCH(std::string, link);
    QFETCH(HandleKind, kind);
    QFETCH(bool, isPath);
    QFETCH(bool, deleted);
    QFETCH(std::string, name);
    QFETCH(std::string, typeName);
    QFETCH(quint64, inode);
    const LinkInfo li = hs::linux_::classifyLink(link);
    QCOMPARE(B(toString(li.kind)), B(toString(kind)));
    QCOMPARE(li.isPath, isPath);
    QCOMPARE(li.deleted, deleted);
    QCOMPARE(B(li.name), B(name));
    QCOMPARE(B(li.typeName), B(typeName));
    QCOMPARE(static_cast<quint64>(li.inode), inode);
}

void TestProcParse::openFlagNames_data()
{
    QTest::addColumn<quint32>("flags");
    QTest::addColumn<QString>("expected");
    auto f = [](int v) { return static_cast<quint32>(v); };
    QTest::newRow("rdonly") << f(O_RDONLY) << QStringLiteral("O_RDONLY");
    QTest::newRow("wronly|append") << f(O_WRONLY | O_APPEND) << QStringLiteral("O_WRONLY|O_APPEND");
    QTest::newRow("rdwr|nonblock|cloexec") << f(O_RDWR | O_NONBLOCK | O_CLOEXEC) << QStringLiteral("O_RDWR|O_NONBLOCK|O_CLOEXEC");
    QTest::newRow("directory") << f(O_RDONLY | O_DIRECTORY | O_CLOEXEC) << QStringLiteral("O_RDONLY|O_DIRECTORY|O_CLOEXEC");
    QTest::newRow("largefile-hidden") << f(O_RDWR | O_LARGEFILE) << QStringLiteral("O_RDWR");
    QTest::newRow("path") << f(O_PATH | O_NOFOLLOW) << QStringLiteral("O_RDONLY|O_NOFOLLOW|O_PATH");
    QTest::newRow("dsync") << f(O_WRONLY | O_DSYNC) << QStringLiteral("O_WRONLY|O_DSYNC");
    QTest::newRow("direct|noatime") << f(O_RDONLY | O_DIRECT | O_NOATIME) << QStringLiteral("O_RDONLY|O_DIRECT|O_NOATIME");
    QTest::newRow("accmode-3") << f(3) << QString();
    QTest::newRow("unknown-high-bit") << (f(O_WRONLY) | 0x80000000u) << QStringLiteral("O_WRONLY");
    // O_SYNC is __O_SYNC|O_DSYNC; strace and the open(2) caller call that "O_SYNC" alone.
    QTest::newRow("sync") << f(O_WRONLY | O_SYNC) << QStringLiteral("O_WRONLY|O_SYNC");
}

void TestProcParse::openFlagNames()
{
    QFETCH(quint32, flags);
    QFETCH(QString, expected);
    // The names are spelled out with Linux's numbers in common code (built for Windows too):
    // checked here against this system's <fcntl.h>.
    const auto names = hs::openFlagNames(flags);
    QCOMPARE(QString::fromStdString(joinNames(std::vector<std::string>(names.begin(), names.end()))), expected);
}

void TestProcParse::accessFromFlags_data()
{
    QTest::addColumn<quint32>("flags");
    QTest::addColumn<AccessMode>("expected");
    auto f = [](int v) { return static_cast<quint32>(v); };
    QTest::newRow("rdonly") << f(O_RDONLY) << AccessMode::Read;
    QTest::newRow("wronly") << f(O_WRONLY | O_APPEND) << AccessMode::Write;
    QTest::newRow("rdwr") << f(O_RDWR | O_CLOEXEC) << AccessMode::ReadWrite;
    QTest::newRow("path") << f(O_PATH) << AccessMode::None;
    QTest::newRow("path|rdwr") << f(O_PATH | O_RDWR) << AccessMode::None;
    QTest::newRow("accmode-3") << f(3) << AccessMode::Unknown;
}

void TestProcParse::accessFromFlags()
{
    QFETCH(quint32, flags);
    QFETCH(AccessMode, expected);
    QCOMPARE(B(toString(hs::linux_::accessFromFlags(flags))), B(toString(expected)));
}

// ---------------------------------------------------------------------------------------
// A real process with an odd name

void TestProcParse::processInfo_oddName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("x) (y z") << QStringLiteral("x) (y z") << QByteArrayLiteral("x) (y z");
    QTest::newRow("a) (b c") << QStringLiteral("a) (b c") << QByteArrayLiteral("a) (b c");
    QTest::newRow(") S 1") << QStringLiteral(") S 1") << QByteArrayLiteral(") S 1");
    QTest::newRow("newline") << QStringLiteral("a\nb) Z 1") << QByteArrayLiteral("a\nb) Z 1");
    QTest::newRow("truncated-to-15") << QStringLiteral("0123456789) (abcdef") << QByteArrayLiteral("0123456789) (ab");
    QTest::newRow("utf8") << QStringLiteral(u"\u00e9t\u00e9 (x)") << QByteArrayLiteral("\xc3\xa9t\xc3\xa9 (x)");
}

void TestProcParse::processInfo_oddName()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, expected);
    hstest::Child helper;
    const std::string started = helper.startHelper({"--name", name.toStdString()});
    QVERIFY2(started.empty(), started.c_str());
    const auto info = hs::processInfo(helper.pid());
    QVERIFY2(info.has_value(), info ? "" : info.error().message().c_str());
    QCOMPARE(B(info->name), expected);
    QCOMPARE(info->pid, static_cast<hs::Pid>(helper.pid()));
    QCOMPARE(info->parentPid, static_cast<hs::Pid>(::getpid()));
    QCOMPARE(info->handleCount, static_cast<std::int64_t>(hstest::fdCount(helper.pid())));
    // The same name through the whole-machine listing.
    const auto all = hs::listProcesses();
    QVERIFY(all.has_value());
    bool found = false;
    for (const auto& p : *all)
        if (p.pid == helper.pid()) {
            found = true;
            QCOMPARE(B(p.name), expected);
            QCOMPARE(p.startTime, info->startTime);
        }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestProcParse)
#include "tst_proc_parse.moc"
