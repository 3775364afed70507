// SPDX-License-Identifier: MIT
// tst_lsfd_oracle: hs::listHandles(pid, Detail::Full) against util-linux lsfd (2.38) as an
// independent oracle, for several real processes.
//
// Comparison rules, per fd (only rows whose ASSOC is a number are fds):
//  * fd numbers: the same set on both sides.
//  * type: lsfd TYPE mapped to our kind id: REG->file (memfd when NAME starts with
//    "/memfd:"), DIR->dir, CHR->chr, BLK->blk, FIFO->fifo, SOCK and protocol names
//    (UNIX*, TCP*, UDP*, RAW*, NETLINK, PACKET)->socket. lsfd 2.38 prints TYPE "UNKN" for
//    anonymous inodes and names them by their link text, so those map by NAME:
//    anon_inode:[eventfd]->eventfd, [timerfd]->timerfd, [signalfd]->signalfd,
//    [eventpoll]->epoll, anon_inode:inotify->inotify, [pidfd] or pidfd:[N]->pidfd,
//    [fanotify]->fanotify, [io_uring]->io_uring, other anon_inode:*->anon_inode.
//  * name: for paths (NAME starts with '/'), pipes and anonymous inodes lsfd prints the
//    raw link text; ours is the link text with " (deleted)" moved to `deleted`. So the
//    rule is: our name + (deleted ? " (deleted)" : "") == lsfd NAME, byte for byte (lsfd
//    2.38 only JSON-escapes; "\xHH" escapes, if a future lsfd prints them, are decoded
//    first). Sockets are not compared by name (lsfd renames them "TCP:[ino]").
//  * inode: lsfd INODE == our object.inode (sockets/pipes: from the link; paths and anon
//    inodes: from a stat of the fd).
//  * mode: lsfd MODE "r--"/"-w-"/"rw-" == our access "r"/"w"/"rw".
// The test process itself is compared too. There the inspector's own transient fds (the
// /proc/<self>/... directories it has open while it lists) exist only in our listing; they
// are the one exception, allowed for pid == self and only for names under /proc.
// Both sides are read while the target is blocked on a read of its stdin, so its fd
// table is fixed; lsfd is started with posix_spawn (no pipes in this process) writing to
// an O_CLOEXEC temporary file that stays open while both sides are read.

#include "child.h"

#include "handlescope/inspect.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QMap>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

extern char** environ;

namespace {

struct LsfdRow {
    QString type;
    QByteArray name;
    quint64 inode = 0;
    QString mode;
};

QByteArray B(std::string_view s) { return QByteArray(s.data(), static_cast<qsizetype>(s.size())); }

// "\x0a" style escapes -> bytes (a no-op for lsfd 2.38, which prints names raw in JSON).
QByteArray decodeHexEscapes(const QByteArray& in)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] == '\\' && i + 3 < in.size() && in[i + 1] == 'x') {
            bool ok = false;
            const int v = in.mid(i + 2, 2).toInt(&ok, 16);
            if (ok) {
                out += static_cast<char>(v);
                i += 3;
                continue;
            }
        }
        out += in[i];
    }
    return out;
}

// lsfd TYPE (+ NAME for anonymous inodes) -> our kind id.
QString kindFromLsfd(const QString& type, const QByteArray& name)
{
    if (type == QLatin1String("REG"))
        return name.startsWith("/memfd:") ? QStringLiteral("memfd") : QStringLiteral("file");
    if (type == QLatin1String("DIR"))
        return QStringLiteral("dir");
    if (type == QLatin1String("CHR"))
        return QStringLiteral("chr");
    if (type == QLatin1String("BLK"))
        return QStringLiteral("blk");
    if (type == QLatin1String("FIFO"))
        return QStringLiteral("fifo");
    for (const char* sock : {"SOCK", "UNIX", "TCP", "UDP", "RAW", "NETLINK", "PACKET", "PING"})
        if (type.startsWith(QLatin1String(sock)))
            return QStringLiteral("socket");
    struct Anon {
        const char* link;
        const char* kind;
    };
    static constexpr Anon kAnon[] = {
        {"anon_inode:[eventfd]", "eventfd"}, {"anon_inode:[timerfd]", "timerfd"}, {"anon_inode:[signalfd]", "signalfd"},
        {"anon_inode:[eventpoll]", "epoll"}, {"anon_inode:inotify", "inotify"},   {"anon_inode:[inotify]", "inotify"},
        {"anon_inode:[pidfd]", "pidfd"},     {"anon_inode:[fanotify]", "fanotify"}, {"anon_inode:[io_uring]", "io_uring"},
    };
    for (const auto& a : kAnon)
        if (name == a.link)
            return QString::fromLatin1(a.kind);
    if (name.startsWith("pidfd:"))
        return QStringLiteral("pidfd");
    if (name.startsWith("anon_inode:"))
        return QStringLiteral("anon_inode");
    return QStringLiteral("?lsfd:") + type;
}

QString accessFromLsfdMode(const QString& mode)
{
    if (mode == QLatin1String("r--"))
        return QStringLiteral("r");
    if (mode == QLatin1String("-w-"))
        return QStringLiteral("w");
    if (mode == QLatin1String("rw-"))
        return QStringLiteral("rw");
    return {};
}

QString printable(const QByteArray& s)
{
    QString out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c < 0x20 || c >= 0x7f)
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        else
            out += QLatin1Char(ch);
    }
    return out;
}

// A temporary file opened O_CLOEXEC, unlinked on destruction.
struct TempFile {
    int fd = -1;
    QByteArray path;
    TempFile()
    {
        char tmpl[] = "/tmp/hs-lsfd-oracle-XXXXXX";
        fd = ::mkostemp(tmpl, O_CLOEXEC);
        path = tmpl;
    }
    ~TempFile()
    {
        if (fd >= 0) {
            ::close(fd);
            ::unlink(path.constData());
        }
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    QByteArray readAll() const
    {
        QByteArray out;
        char buf[65536];
        ssize_t n = 0;
        off_t off = 0;
        while ((n = ::pread(fd, buf, sizeof buf, off)) > 0) {
            out.append(buf, static_cast<qsizetype>(n));
            off += n;
        }
        return out;
    }
};

} // namespace

class TestLsfdOracle : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void compare_data();
    void compare();
    void cleanupTestCase();

private:
    // Runs lsfd on pid with stdout/stderr in the given files; "" on success, else why not.
    QString runLsfd(qint64 pid, const TempFile& out, const TempFile& err);
    void compareWithLsfd(qint64 pid);

    QString m_lsfd;
    QStringList m_checked;   // "name (pid N): K fds"
    int m_fdsCompared = 0;
};

void TestLsfdOracle::initTestCase()
{
    m_lsfd = QStandardPaths::findExecutable(QStringLiteral("lsfd"));
    if (m_lsfd.isEmpty())
        QSKIP("lsfd (util-linux >= 2.38) is not installed: no oracle to compare with");
    // Warm up the core's cached /proc fd so the self row sees the same table both times.
    QVERIFY(hs::listHandles(hs::currentProcessId(), hs::Detail::Full).has_value());
}

QString TestLsfdOracle::runLsfd(qint64 pid, const TempFile& out, const TempFile& err)
{
    if (out.fd < 0 || err.fd < 0)
        return QStringLiteral("mkostemp failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out.fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err.fd, 2);
    const QByteArray program = m_lsfd.toLocal8Bit();
    const QByteArray pidText = QByteArray::number(pid);
    std::vector<char*> argv{const_cast<char*>(program.constData()), const_cast<char*>("-J"), const_cast<char*>("-p"),
                            const_cast<char*>(pidText.constData()), const_cast<char*>("-o"),
                            const_cast<char*>("ASSOC,TYPE,INODE,MODE,NAME"), nullptr};
    pid_t child = -1;
    const int rc = ::posix_spawn(&child, program.constData(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return QStringLiteral("posix_spawn lsfd: %1").arg(QString::fromLocal8Bit(std::strerror(rc)));
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return QStringLiteral("lsfd failed (status %1): %2").arg(status).arg(QString::fromLocal8Bit(err.readAll()));
    return {};
}

void TestLsfdOracle::compareWithLsfd(qint64 pid)
{
    const bool self = pid == hs::currentProcessId();
    TempFile out, err;
    const QString lsfdError = runLsfd(pid, out, err);
    QVERIFY2(lsfdError.isEmpty(), qPrintable(lsfdError));
    const auto handles = hs::listHandles(pid, hs::Detail::Full);
    const QByteArray json = out.readAll();
    if (!handles) {
        const auto& e = handles.error();
        if (e.osName == "EACCES" || e.osName == "EPERM")
            QSKIP(qPrintable(QStringLiteral("pid %1's fds are not readable here, even as uid %2 (%3): %4")
                                 .arg(pid)
                                 .arg(::geteuid())
                                 .arg(QString::fromStdString(e.osName), QString::fromStdString(e.message()))));
        QFAIL(e.message().c_str());
    }

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError,
             qPrintable(QStringLiteral("lsfd JSON: %1 in %2").arg(parseError.errorString(), QString::fromUtf8(json.left(500)))));
    QMap<qint64, LsfdRow> theirs;
    for (const QJsonValue& v : doc.object().value(QLatin1String("lsfd")).toArray()) {
        const QJsonObject o = v.toObject();
        bool numeric = false;
        const qint64 fd = o.value(QLatin1String("assoc")).toVariant().toString().toLongLong(&numeric);
        if (!numeric)
            continue; // exe, cwd, rtd, mem, namespaces...
        LsfdRow r;
        r.type = o.value(QLatin1String("type")).toString();
        r.name = decodeHexEscapes(o.value(QLatin1String("name")).toString().toUtf8());
        r.inode = o.value(QLatin1String("inode")).toVariant().toULongLong();
        r.mode = o.value(QLatin1String("mode")).toString();
        theirs.insert(fd, r);
    }
    QVERIFY2(!theirs.isEmpty(), qPrintable(QStringLiteral("lsfd listed no fds for pid %1: %2").arg(pid).arg(QString::fromUtf8(json.left(500)))));

    QStringList diff;
    const QByteArray selfProc = "/proc/" + QByteArray::number(pid);
    int compared = 0;
    QMap<qint64, const hs::HandleInfo*> ours;
    for (const auto& h : *handles)
        ours.insert(h.value, &h);
    for (auto it = ours.cbegin(); it != ours.cend(); ++it) {
        const hs::HandleInfo& h = *it.value();
        const QByteArray ourName = B(h.name) + (h.deleted ? QByteArrayLiteral(" (deleted)") : QByteArray());
        if (!theirs.contains(it.key())) {
            if (self && (ourName == "/proc" || ourName.startsWith(selfProc + "/") || ourName == selfProc))
                continue; // the inspector's own transient /proc fds (see the header comment)
            diff << QStringLiteral("fd %1: only in handlescope (%2 '%3')").arg(it.key()).arg(QString::fromLatin1(B(toString(h.kind))), printable(ourName));
            continue;
        }
        const LsfdRow& r = theirs[it.key()];
        ++compared;
        const QString ourKind = QString::fromLatin1(B(toString(h.kind)));
        const QString theirKind = kindFromLsfd(r.type, r.name);
        if (ourKind != theirKind)
            diff << QStringLiteral("fd %1: type handlescope=%2 lsfd=%3 (TYPE %4, NAME '%5')")
                        .arg(it.key())
                        .arg(ourKind, theirKind, r.type, printable(r.name));
        const bool namedByLink = r.name.startsWith('/') || r.name.startsWith("pipe:") || r.name.startsWith("anon_inode:");
        if (namedByLink && ourName != r.name)
            diff << QStringLiteral("fd %1: name handlescope='%2' lsfd='%3'").arg(it.key()).arg(printable(ourName), printable(r.name));
        if (h.object.inode != r.inode)
            diff << QStringLiteral("fd %1: inode handlescope=%2 lsfd=%3 ('%4')").arg(it.key()).arg(h.object.inode).arg(r.inode).arg(printable(r.name));
        const QString theirAccess = accessFromLsfdMode(r.mode);
        const QString ourAccess = QString::fromLatin1(B(toString(h.access)));
        if (!theirAccess.isEmpty() && theirAccess != ourAccess)
            diff << QStringLiteral("fd %1: access handlescope=%2 lsfd=%3 ('%4')").arg(it.key()).arg(ourAccess, r.mode, printable(r.name));
    }
    for (auto it = theirs.cbegin(); it != theirs.cend(); ++it)
        if (!ours.contains(it.key()))
            diff << QStringLiteral("fd %1: only in lsfd (%2 '%3')").arg(it.key()).arg(it.value().type, printable(it.value().name));

    QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("pid %1: %2 differences (handlescope vs lsfd):\n  %3")
                                            .arg(pid)
                                            .arg(diff.size())
                                            .arg(diff.join(QLatin1String("\n  ")))));
    QVERIFY(compared > 0);
    m_fdsCompared += compared;
    m_checked << QStringLiteral("%1 (pid %2): %3 fds").arg(QString::fromLatin1(QTest::currentDataTag())).arg(pid).arg(compared);
}

void TestLsfdOracle::compare_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("exeName"); // what /proc/PID/exe's file name contains after exec
    QTest::newRow("hs_fd_helper") << QStringLiteral("helper") << QStringList() << QString();
    QTest::newRow("self") << QStringLiteral("self") << QStringList() << QString();
    QTest::newRow("sh") << QStringLiteral("/bin/sh") << QStringList() << QStringLiteral("sh");
    QTest::newRow("python3") << QStringLiteral("python3")
                             << QStringList{QStringLiteral("-c"), QStringLiteral("import sys; sys.stdin.read()")}
                             << QStringLiteral("python");
    QTest::newRow("cat") << QStringLiteral("cat") << QStringList() << QStringLiteral("cat");
    QTest::newRow("init") << QStringLiteral("init") << QStringList() << QString();
}

void TestLsfdOracle::compare()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QString, exeName);
    if (program == QLatin1String("helper")) {
        hstest::Child helper;
        const std::string started = helper.startHelper();
        QVERIFY2(started.empty(), started.c_str());
        compareWithLsfd(helper.pid());
    } else if (program == QLatin1String("self")) {
        compareWithLsfd(hs::currentProcessId());
    } else if (program == QLatin1String("init")) {
        compareWithLsfd(1);
    } else {
        const QString path = program.startsWith(QLatin1Char('/')) ? program : QStandardPaths::findExecutable(program);
        if (path.isEmpty())
            QSKIP(qPrintable(program + QStringLiteral(" is not installed")));
        hstest::Spawn spec;
        spec.argv = {path.toStdString()};
        for (const QString& a : arguments)
            spec.argv.push_back(a.toStdString());
        spec.pipeStdio = true; // it blocks reading its stdin until the Child closes it
        hstest::Child child;
        std::string started = child.start(spec);
        QVERIFY2(started.empty(), started.c_str());
        started = child.waitForExec(exeName.toStdString());
        QVERIFY2(started.empty(), started.c_str());
        compareWithLsfd(child.pid());
    }
}

void TestLsfdOracle::cleanupTestCase()
{
    if (m_lsfd.isEmpty())
        return;
    qInfo("lsfd oracle: %lld processes, %d fds compared: %s", static_cast<long long>(m_checked.size()), m_fdsCompared,
          qPrintable(m_checked.join(QLatin1String("; "))));
    // init may be skipped (EACCES), any other row failing already failed; but at least
    // five processes must really have been compared.
    QVERIFY2(m_checked.size() >= 5, qPrintable(QStringLiteral("only %1 processes compared").arg(m_checked.size())));
}

QTEST_GUILESS_MAIN(TestLsfdOracle)
#include "tst_lsfd_oracle.moc"
