// SPDX-License-Identifier: MIT
// tst_cli: handlescope-cli as a real process. Its JSON (docs/json-schema.md) and CSV
// (RFC 4180) output for hs_fd_helper's known fds, and every kind of bad input: non-zero
// exit (1 the OS refused, 2 usage), exactly one line on stderr naming the OS error and a hint.

#include "child.h"
#include "fd_layout.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QMap>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>

namespace layout = hstest::layout;

namespace {

QString text(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
QByteArray oddFileName() { return text(layout::kOddName).toUtf8(); }
/// The helper's file `name` in its temporary directory `dir`.
QString inDir(const QString& dir, std::string_view name) { return dir + QLatin1Char('/') + text(name); }

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// RFC 4180: fields separated by ',', records by CRLF (a lone LF is accepted too); a field
// in double quotes may hold ',', CR, LF and '""' (one quote). Returns nullopt-like empty
// list plus error text on malformed input.
struct CsvResult {
    QList<QList<QByteArray>> records;
    QString error;
};

CsvResult parseCsv(const QByteArray& text)
{
    CsvResult r;
    QList<QByteArray> record;
    QByteArray field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field was quoted (only ',' or EOL may follow)
    qsizetype i = 0;
    auto endField = [&] {
        record << field;
        field.clear();
        wasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        r.records << record;
        record.clear();
    };
    while (i < text.size()) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                quoted = false;
                wasQuoted = true;
                ++i;
                continue;
            }
            field += c;
            ++i;
            continue;
        }
        if (c == '"') {
            if (!field.isEmpty() || wasQuoted) {
                r.error = QStringLiteral("quote inside an unquoted field at byte %1").arg(i);
                return r;
            }
            quoted = true;
            ++i;
        } else if (c == ',') {
            endField();
            ++i;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            endRecord();
            i += 2;
        } else if (c == '\n') {
            endRecord();
            ++i;
        } else {
            if (wasQuoted) {
                r.error = QStringLiteral("text after a closing quote at byte %1").arg(i);
                return r;
            }
            field += c;
            ++i;
        }
    }
    if (quoted) {
        r.error = QStringLiteral("unterminated quoted field");
        return r;
    }
    if (!field.isEmpty() || !record.isEmpty() || wasQuoted)
        endRecord(); // last record without a line break
    return r;
}

// A pid with no process: from near pid_max downwards, the first without a /proc entry.
qint64 freePid()
{
    QFile f(QStringLiteral("/proc/sys/kernel/pid_max"));
    qint64 max = 32768;
    if (f.open(QIODevice::ReadOnly))
        max = f.readAll().trimmed().toLongLong();
    for (qint64 pid = max - 1 - QRandomGenerator::global()->bounded(1000); pid > 300; --pid)
        if (!QFile::exists(QStringLiteral("/proc/%1").arg(pid)))
            return pid;
    return -1;
}

// Field 3 (state) and field 9 (flags) of /proc/PID/stat.
bool statOf(qint64 pid, char& state, quint64& flags)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = f.readAll();
    const auto close = text.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> w = text.mid(close + 2).split(' ');
    if (w.size() < 7)
        return false;
    state = w[0].isEmpty() ? '?' : w[0][0];
    flags = w[6].toULongLong();
    return true;
}

QJsonObject findProcess(const QJsonArray& processes, qint64 pid)
{
    for (const QJsonValue& v : processes)
        if (v.toObject().value(QLatin1String("pid")).toInteger() == pid)
            return v.toObject();
    return {};
}

QString octalFlagsAccess(qint64 pid, int fd)
{
    // The access mode, from the raw "flags:" line of /proc/PID/fdinfo/FD (read by the test).
    QFile f(QStringLiteral("/proc/%1/fdinfo/%2").arg(pid).arg(fd));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unreadable");
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("flags:")) {
            bool ok = false;
            const uint flags = line.mid(6).trimmed().toUInt(&ok, 8);
            if (!ok)
                return QStringLiteral("bad");
            switch (flags & O_ACCMODE) {
            case O_RDONLY: return QStringLiteral("r");
            case O_WRONLY: return QStringLiteral("w");
            case O_RDWR: return QStringLiteral("rw");
            default: return QStringLiteral("?");
            }
        }
    return QStringLiteral("none");
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void csvParser_data();
    void csvParser();
    void ps_json();
    void handles_json();
    void handles_csv();
    void handles_typeFilter();
    void find_memfd();
    void holders_path();
    void holders_inode();
    void snapshot_json();
    void badInput_data();
    void badInput();
    void help_data();
    void help();

private:
    /// handlescope-cli ARGS, as root or as nobody (uid/gid 65534, no groups).
    Run run(const QStringList& args, bool asNobody = false, int timeoutMs = 120000);
    QJsonObject runJson(const QStringList& args);
    QJsonObject handleOf(const QJsonArray& handles, int fd);

    hstest::Child m_helper; ///< hs_fd_helper
    QString m_dir; ///< its temporary directory
    // nobody runs a copy of the CLI: the build folder may not be searchable by others.
    QTemporaryDir m_nobodyDir{QStringLiteral("/tmp/hs-cli-XXXXXX")};
    QString m_nobodyCli;
};

Run TestCli::run(const QStringList& args, bool asNobody, int timeoutMs)
{
    hstest::Spawn spec;
    spec.argv = {asNobody ? m_nobodyCli.toStdString() : std::string(HS_CLI_PATH)};
    for (const QString& a : args)
        spec.argv.push_back(a.toStdString());
    spec.asNobody = asNobody;
    const hstest::Run done = hstest::runToEnd(spec, std::chrono::milliseconds(timeoutMs));
    Run r;
    r.exitCode = done.exitCode();
    r.out = QByteArray::fromStdString(done.out);
    r.err = done.status ? QByteArray::fromStdString(done.err)
                        : QByteArray::fromStdString("did not run or finish: " + done.explain());
    return r;
}

QJsonObject TestCli::runJson(const QStringList& args)
{
    const Run r = run(args);
    if (r.exitCode != 0) {
        qWarning("%s exited %d: %s", qPrintable(args.join(QLatin1Char(' '))), r.exitCode, r.err.constData());
        return {};
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        qWarning("%s: not JSON (%s): %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(error.errorString()),
                 r.out.left(300).constData());
        return {};
    }
    return doc.object();
}

QJsonObject TestCli::handleOf(const QJsonArray& handles, int fd)
{
    for (const QJsonValue& v : handles)
        if (v.toObject().value(QLatin1String("handle")).toInteger() == fd)
            return v.toObject();
    return {};
}

void TestCli::initTestCase()
{
    const std::string started = m_helper.startHelper();
    QVERIFY2(started.empty(), started.c_str());
    m_dir = QString::fromStdString(m_helper.helper().dir);
    const auto mode0755 = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                        | QFile::ReadOther | QFile::ExeOther;
    m_nobodyCli = m_nobodyDir.filePath(QStringLiteral("handlescope-cli"));
    QVERIFY2(m_nobodyDir.isValid() && QFile::setPermissions(m_nobodyDir.path(), mode0755), "/tmp/hs-cli-XXXXXX");
    QVERIFY2(QFile::copy(QStringLiteral(HS_CLI_PATH), m_nobodyCli) && QFile::setPermissions(m_nobodyCli, mode0755),
             qPrintable(m_nobodyCli));
}

// ---------------------------------------------------------------------------------------
// The test's own CSV parser, so a CSV failure below is the CLI's, not the parser's.

void TestCli::csvParser_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<QList<QByteArray>>>("records");
    QTest::addColumn<bool>("valid");
    using R = QList<QList<QByteArray>>;
    QTest::newRow("simple") << QByteArray("a,b\r\n1,2\r\n") << R{{"a", "b"}, {"1", "2"}} << true;
    QTest::newRow("empty-fields") << QByteArray(",\r\n") << R{{"", ""}} << true;
    QTest::newRow("quoted-comma-newline") << QByteArray("\"x, y\",\"a\nb\"\r\n") << R{{"x, y", "a\nb"}} << true;
    QTest::newRow("doubled-quote") << QByteArray("\"say \"\"hi\"\"\"\r\n") << R{{"say \"hi\""}} << true;
    QTest::newRow("crlf-in-quotes") << QByteArray("\"a\r\nb\",c\r\n") << R{{"a\r\nb", "c"}} << true;
    QTest::newRow("no-final-break") << QByteArray("a,b") << R{{"a", "b"}} << true;
    QTest::newRow("quoted-empty") << QByteArray("\"\",x\r\n") << R{{"", "x"}} << true;
    QTest::newRow("unterminated") << QByteArray("\"abc\r\n") << R{} << false;
    QTest::newRow("quote-in-bare-field") << QByteArray("ab\"c\r\n") << R{} << false;
    QTest::newRow("text-after-quote") << QByteArray("\"ab\"c\r\n") << R{} << false;
}

void TestCli::csvParser()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<QList<QByteArray>>, records);
    QFETCH(bool, valid);
    const CsvResult r = parseCsv(text);
    QCOMPARE(r.error.isEmpty(), valid);
    if (valid)
        QCOMPARE(r.records, records);
}

// ---------------------------------------------------------------------------------------
// Listings

void TestCli::ps_json()
{
    const QJsonObject doc = runJson({QStringLiteral("ps"), QStringLiteral("--json")});
    QVERIFY(!doc.isEmpty());
    QCOMPARE(doc.value(QLatin1String("schema")).toString(), QStringLiteral("handlescope/1"));
    const QJsonArray processes = doc.value(QLatin1String("processes")).toArray();
    QVERIFY(processes.size() > 2);
    const QJsonObject p = findProcess(processes, m_helper.pid());
    QVERIFY2(!p.isEmpty(), "the helper is not in ps --json");
    QCOMPARE(p.value(QLatin1String("name")).toString(), QStringLiteral("hs_fd_helper"));
    QCOMPARE(p.value(QLatin1String("handle_count")).toInteger(), static_cast<qint64>(hstest::fdCount(m_helper.pid())));
    QCOMPARE(p.value(QLatin1String("ppid")).toInteger(), static_cast<qint64>(::getpid()));
    QCOMPARE(p.value(QLatin1String("uid")).toInteger(), static_cast<qint64>(::geteuid()));
    QCOMPARE(p.value(QLatin1String("state")).toString(), QStringLiteral("sleeping"));
    QVERIFY(p.value(QLatin1String("access_error")).isNull());
    QCOMPARE(QFileInfo(p.value(QLatin1String("executable")).toString()).fileName(), QStringLiteral("hs_fd_helper"));
    // Every process object has every documented field (docs/json-schema.md).
    const QStringList fields{"pid", "ppid", "name", "executable", "command_line", "user", "uid", "state",
                             "start_time", "started_unix_ms", "handle_count", "access_error"};
    qint64 previous = -1;
    for (const QJsonValue& v : processes) {
        const QJsonObject o = v.toObject();
        for (const QString& f : fields)
            QVERIFY2(o.contains(f), qPrintable(QStringLiteral("pid %1 lacks %2").arg(o.value(QLatin1String("pid")).toInteger()).arg(f)));
        const qint64 pid = o.value(QLatin1String("pid")).toInteger();
        QVERIFY2(pid > previous, "processes are not sorted by pid");
        previous = pid;
    }
}

void TestCli::handles_json()
{
    const qint64 pid = m_helper.pid();
    const QJsonObject doc = runJson({QStringLiteral("handles"), QString::number(pid), QStringLiteral("--json")});
    QVERIFY(!doc.isEmpty());
    QCOMPARE(doc.value(QLatin1String("schema")).toString(), QStringLiteral("handlescope/1"));
    QCOMPARE(doc.value(QLatin1String("process")).toObject().value(QLatin1String("pid")).toInteger(), pid);
    const QJsonArray handles = doc.value(QLatin1String("handles")).toArray();
    QCOMPARE(static_cast<qint64>(handles.size()), static_cast<qint64>(hstest::fdCount(static_cast<pid_t>(pid))));

    namespace F = hstest::layout;
    for (int fd = F::kFirstFd; fd <= F::kLastFd; ++fd) {
        const QJsonObject h = handleOf(handles, fd);
        QVERIFY2(!h.isEmpty(), qPrintable(QStringLiteral("fd %1 missing").arg(fd)));
        const QString tag = QStringLiteral("fd %1").arg(fd);
        const QString type = text(F::spec(static_cast<F::Fd>(fd)).kind);
        QVERIFY2(h.value(QLatin1String("type")).toString() == type,
                 qPrintable(tag + QStringLiteral(": type %1, expected %2").arg(h.value(QLatin1String("type")).toString(), type)));
        // access: as the kernel reports it in fdinfo (read here, independently of the CLI)
        QVERIFY2(h.value(QLatin1String("access")).toString() == octalFlagsAccess(pid, fd),
                 qPrintable(tag + QStringLiteral(": access %1, fdinfo says %2").arg(h.value(QLatin1String("access")).toString(), octalFlagsAccess(pid, fd))));
        QVERIFY2(h.value(QLatin1String("inheritable")).isBool(), qPrintable(tag));
        QCOMPARE(h.value(QLatin1String("inheritable")).toBool(), fd == F::AppendNoCloexec);
        QVERIFY2(h.value(QLatin1String("partial_error")).toString().isEmpty(), qPrintable(h.value(QLatin1String("partial_error")).toString()));
    }
    // access anchors from the helper's layout
    QCOMPARE(handleOf(handles, F::File).value(QLatin1String("access")).toString(), QStringLiteral("rw"));
    QCOMPARE(handleOf(handles, F::PipeRead).value(QLatin1String("access")).toString(), QStringLiteral("r"));
    QCOMPARE(handleOf(handles, F::PipeWrite).value(QLatin1String("access")).toString(), QStringLiteral("w"));
    QCOMPARE(handleOf(handles, F::AppendNoCloexec).value(QLatin1String("access")).toString(), QStringLiteral("w"));
    QCOMPARE(handleOf(handles, F::DevNull).value(QLatin1String("access")).toString(), QStringLiteral("r"));
    // offsets
    for (F::Fd fd : {F::File, F::AppendNoCloexec, F::MemFd})
        QCOMPARE(handleOf(handles, fd).value(QLatin1String("offset")).toInteger(-1), qint64(F::spec(fd).offset));
    QVERIFY(handleOf(handles, F::PipeRead).value(QLatin1String("offset")).isNull());
    QVERIFY(handleOf(handles, F::TcpListen).value(QLatin1String("offset")).isNull());
    // flags of AppendNoCloexec
    const QJsonArray flags30 = handleOf(handles, F::AppendNoCloexec).value(QLatin1String("flags")).toArray();
    QVERIFY(flags30.contains(QJsonValue(QStringLiteral("O_WRONLY"))) && flags30.contains(QJsonValue(QStringLiteral("O_APPEND"))));
    QVERIFY(!flags30.contains(QJsonValue(QStringLiteral("O_CLOEXEC"))));
    // sockets
    const QJsonObject listen = handleOf(handles, F::TcpListen).value(QLatin1String("socket")).toObject();
    QCOMPARE(listen.value(QLatin1String("local")).toString(), QStringLiteral("127.0.0.1:%1").arg(m_helper.helper().tcpPort));
    QCOMPARE(listen.value(QLatin1String("state")).toString(), QStringLiteral("LISTEN"));
    QCOMPARE(listen.value(QLatin1String("protocol")).toString(), QStringLiteral("tcp"));
    const QJsonObject client = handleOf(handles, F::TcpClient).value(QLatin1String("socket")).toObject();
    QCOMPARE(client.value(QLatin1String("remote")).toString(), QStringLiteral("127.0.0.1:%1").arg(m_helper.helper().tcpPort));
    const QJsonObject udp = handleOf(handles, F::Udp).value(QLatin1String("socket")).toObject();
    QCOMPARE(udp.value(QLatin1String("local")).toString(), QStringLiteral("127.0.0.1:%1").arg(m_helper.helper().udpPort));
    const QJsonObject unixListen = handleOf(handles, F::UnixListen).value(QLatin1String("socket")).toObject();
    QCOMPARE(unixListen.value(QLatin1String("local")).toString(), inDir(m_dir, F::kSocketName));
    QVERIFY(handleOf(handles, F::File).value(QLatin1String("socket")).isNull());
    // names, deleted
    const QJsonObject deleted = handleOf(handles, F::Deleted);
    QCOMPARE(deleted.value(QLatin1String("deleted")).toBool(false), true);
    QCOMPARE(deleted.value(QLatin1String("name")).toString(), inDir(m_dir, F::kDeletedName));
    QCOMPARE(handleOf(handles, F::File).value(QLatin1String("deleted")).toBool(true), false);
    QCOMPARE(handleOf(handles, F::OddName).value(QLatin1String("name")).toString().toUtf8(),
             m_dir.toUtf8() + "/" + oddFileName());
    QCOMPARE(handleOf(handles, F::PidFd).value(QLatin1String("referenced_pid")).toInteger(), pid);
    QCOMPARE(handleOf(handles, F::EventFd).value(QLatin1String("extras")).toObject().value(QLatin1String("count")).toString(),
             QString::number(F::kEventFdCount));
    // object identity of File == stat of the file, as "MAJ:MIN:INO"
    struct stat st {};
    QVERIFY(::stat(QFile::encodeName(inDir(m_dir, F::kFileName)).constData(), &st) == 0);
    const QJsonObject object = handleOf(handles, F::File).value(QLatin1String("object")).toObject();
    QCOMPARE(object.value(QLatin1String("inode")).toInteger(), static_cast<qint64>(st.st_ino));
    QCOMPARE(object.value(QLatin1String("id")).toString(),
             QStringLiteral("%1:%2:%3").arg(major(st.st_dev)).arg(minor(st.st_dev)).arg(st.st_ino));
}

void TestCli::handles_csv()
{
    const qint64 pid = m_helper.pid();
    const Run r = run({QStringLiteral("handles"), QString::number(pid), QStringLiteral("--csv")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY2(r.out.endsWith("\r\n"), "records must end in CRLF");
    const CsvResult csv = parseCsv(r.out);
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    QVERIFY(!csv.records.isEmpty());
    const QList<QByteArray> header = csv.records.first();
    QCOMPARE(header, (QList<QByteArray>{"HANDLE", "TYPE", "MODE", "INHERIT", "OFFSET", "FLAGS", "OBJECT", "NAME"}));
    QCOMPARE(static_cast<qint64>(csv.records.size() - 1), static_cast<qint64>(hstest::fdCount(static_cast<pid_t>(pid))));
    QMap<int, QList<QByteArray>> rows;
    for (qsizetype i = 1; i < csv.records.size(); ++i) {
        QCOMPARE(csv.records[i].size(), header.size());
        rows.insert(csv.records[i][0].toInt(), csv.records[i]);
    }
    namespace F = hstest::layout;
    for (int fd = F::kFirstFd; fd <= F::kLastFd; ++fd)
        QVERIFY2(rows.contains(fd), qPrintable(QStringLiteral("fd %1 missing from CSV").arg(fd)));
    const QByteArray dir = m_dir.toUtf8();
    QCOMPARE(rows[F::OddName][7], dir + "/" + oddFileName()); // comma, newline, parentheses round-trip
    QCOMPARE(rows[F::Deleted][7], inDir(m_dir, F::kDeletedName).toUtf8() + " (deleted)");
    QCOMPARE(rows[F::File][4], QByteArray::number(F::kFileOffset));
    QCOMPARE(rows[F::File][1], QByteArray("file"));
    QCOMPARE(rows[F::File][2], QByteArray("rw"));
    QCOMPARE(rows[F::AppendNoCloexec][3], QByteArray("yes"));
    QCOMPARE(rows[F::File][3], QByteArray("no"));
    QCOMPARE(rows[F::AppendNoCloexec][5], QByteArray("O_WRONLY|O_APPEND"));
    QVERIFY2(rows[F::TcpListen][7].contains(QStringLiteral("127.0.0.1:%1").arg(m_helper.helper().tcpPort).toUtf8()), rows[F::TcpListen][7].constData());
}

void TestCli::handles_typeFilter()
{
    const QJsonObject doc = runJson({QStringLiteral("handles"), QString::number(m_helper.pid()), QStringLiteral("--type"),
                                     QStringLiteral("eventfd,memfd"), QStringLiteral("--json")});
    const QJsonArray handles = doc.value(QLatin1String("handles")).toArray();
    QList<qint64> fds;
    for (const QJsonValue& v : handles)
        fds << v.toObject().value(QLatin1String("handle")).toInteger();
    QCOMPARE(fds, (QList<qint64>{layout::EventFd, layout::MemFd}));
}

void TestCli::find_memfd()
{
    const QString memfd = text(layout::kMemFdName);
    const QJsonObject doc = runJson({QStringLiteral("find"), memfd, QStringLiteral("--json")});
    QCOMPARE(doc.value(QLatin1String("schema")).toString(), QStringLiteral("handlescope/1"));
    bool found = false;
    for (const QJsonValue& v : doc.value(QLatin1String("hits")).toArray()) {
        const QJsonObject hit = v.toObject();
        const QJsonObject h = hit.value(QLatin1String("handle")).toObject();
        QVERIFY2(h.value(QLatin1String("name")).toString().contains(memfd, Qt::CaseInsensitive) ||
                     h.value(QLatin1String("type_name")).toString().contains(memfd, Qt::CaseInsensitive),
                 "a hit that does not match");
        if (hit.value(QLatin1String("pid")).toInteger() == m_helper.pid() &&
            h.value(QLatin1String("handle")).toInteger() == layout::MemFd) {
            found = true;
            QCOMPARE(hit.value(QLatin1String("process")).toString(), QStringLiteral("hs_fd_helper"));
            QCOMPARE(h.value(QLatin1String("type")).toString(), QStringLiteral("memfd"));
        }
    }
    QVERIFY2(found, "find hs-memfd did not report the helper's MemFd");
}

void TestCli::holders_path()
{
    const QJsonObject doc =
        runJson({QStringLiteral("holders"), inDir(m_dir, layout::kFileName), QStringLiteral("--json")});
    const QJsonArray hits = doc.value(QLatin1String("hits")).toArray();
    QList<QPair<qint64, qint64>> holders;
    for (const QJsonValue& v : hits)
        holders << qMakePair(v.toObject().value(QLatin1String("pid")).toInteger(),
                             v.toObject().value(QLatin1String("handle")).toObject().value(QLatin1String("handle")).toInteger());
    // Only the helper has data.txt open, once.
    QCOMPARE(holders, (QList<QPair<qint64, qint64>>{qMakePair(qint64(m_helper.pid()), qint64(layout::File))}));
}

void TestCli::holders_inode()
{
    // The OBJECT id of the pipe (PipeRead/PipeWrite) finds both ends in the helper.
    const QJsonObject doc = runJson({QStringLiteral("handles"), QString::number(m_helper.pid()), QStringLiteral("--json")});
    const QString id = handleOf(doc.value(QLatin1String("handles")).toArray(), layout::PipeRead)
                           .value(QLatin1String("object")).toObject().value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());
    const QJsonObject hitsDoc = runJson({QStringLiteral("holders"), QStringLiteral("--inode"), id, QStringLiteral("--json")});
    QList<qint64> fds;
    for (const QJsonValue& v : hitsDoc.value(QLatin1String("hits")).toArray()) {
        QCOMPARE(v.toObject().value(QLatin1String("pid")).toInteger(), qint64(m_helper.pid()));
        fds << v.toObject().value(QLatin1String("handle")).toObject().value(QLatin1String("handle")).toInteger();
    }
    std::sort(fds.begin(), fds.end());
    QCOMPARE(fds, (QList<qint64>{layout::PipeRead, layout::PipeWrite}));
}

void TestCli::snapshot_json()
{
    const QJsonObject doc = runJson({QStringLiteral("snapshot"), QStringLiteral("--json")});
    QCOMPARE(doc.value(QLatin1String("schema")).toString(), QStringLiteral("handlescope/1"));
    QCOMPARE(doc.value(QLatin1String("detail")).toString(), QStringLiteral("fast"));
    QVERIFY(doc.value(QLatin1String("taken_at_unix_ms")).toInteger() > 0);
    QVERIFY(doc.value(QLatin1String("duration_us")).toInteger() >= 0);
    const QJsonObject p = findProcess(doc.value(QLatin1String("processes")).toArray(), m_helper.pid());
    QVERIFY2(!p.isEmpty(), "the helper is not in the snapshot");
    QCOMPARE(p.value(QLatin1String("name")).toString(), QStringLiteral("hs_fd_helper"));
    const QJsonArray handles = p.value(QLatin1String("handles")).toArray();
    QCOMPARE(static_cast<qint64>(handles.size()), static_cast<qint64>(hstest::fdCount(m_helper.pid())));
    QCOMPARE(handleOf(handles, layout::OddName).value(QLatin1String("name")).toString().toUtf8(),
             m_dir.toUtf8() + "/" + oddFileName());
    // Fast detail: no fdinfo, so no offset and unknown inheritability.
    QVERIFY(handleOf(handles, layout::File).value(QLatin1String("offset")).isNull());
}

// ---------------------------------------------------------------------------------------
// Bad input: non-zero exit, one stderr line with the error name and a hint

void TestCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errorName"); // "EACCES|EPERM": either
    const QString helper = QString::number(m_helper.pid());
    auto row = [](const char* tag, QStringList args, int code, const char* name) {
        QTest::newRow(tag) << args << code << QString::fromLatin1(name);
    };
    row("pid-abc", {"handles", "abc"}, 2, "EINVAL");
    row("pid-12x", {"handles", "12x"}, 2, "EINVAL");
    row("pid--5", {"handles", "-5"}, 2, "EINVAL");
    row("pid-empty", {"handles", ""}, 2, "EINVAL");
    row("pid-zero", {"handles", "0"}, 2, "EINVAL");
    row("pid-overflow", {"handles", "99999999999999999999999"}, 2, "EINVAL");
    row("pid-missing", {"handles"}, 2, "EINVAL");
    row("pid-free", {"handles", "%FREE%"}, 1, "ESRCH");
    row("zombie", {"handles", "%ZOMBIE%"}, 1, "ESRCH");
    row("kernel-thread", {"handles", "%KTHREAD%"}, 1, "EINVAL");
    row("not-permitted", {"handles", "%NOPERM%"}, 1, "EACCES|EPERM");
    row("unknown-command", {"frobnicate"}, 2, "EINVAL");
    row("unknown-option-ps", {"ps", "--bogus"}, 2, "EINVAL");
    row("unknown-option-handles", {"handles", helper, "--frobnicate"}, 2, "EINVAL");
    row("missing-value-type", {"handles", helper, "--type"}, 2, "EINVAL");
    row("missing-value-regex", {"find", "--regex"}, 2, "EINVAL");
    row("missing-value-inode", {"holders", "--inode"}, 2, "EINVAL");
    row("bad-type-find", {"find", "x", "--type", "nope"}, 2, "EINVAL");
    row("bad-type-handles", {"handles", helper, "--type", "file,bogus"}, 2, "EINVAL");
    row("bad-type-snapshot", {"snapshot", "--type", "sockets"}, 2, "EINVAL");
    row("bad-regex-paren", {"find", "--regex", "("}, 2, "EINVAL");
    row("bad-regex-bracket", {"find", "--regex", "[a-"}, 2, "EINVAL");
    row("json-and-csv", {"ps", "--json", "--csv"}, 2, "EINVAL");
    row("flag-with-value", {"ps", "--json=yes"}, 2, "EINVAL");
    row("extra-argument", {"ps", "extra"}, 2, "EINVAL");
    row("find-nothing", {"find"}, 2, "EINVAL");
    row("find-text-and-regex", {"find", "a", "--regex", "b"}, 2, "EINVAL");
    row("holders-missing-file", {"holders", "/nonexistent/hs-no-such-file"}, 1, "ENOENT");
    row("holders-bad-inode", {"holders", "--inode", "1:2:x"}, 2, "EINVAL");
    row("no-command", {}, 2, "EINVAL");
    row("summary-pid-abc", {"summary", "abc"}, 2, "EINVAL");
    row("summary-pid-free", {"summary", "%FREE%"}, 1, "ESRCH");
    row("summary-two-pids", {"summary", helper, helper}, 2, "EINVAL");
    row("summary-top-zero", {"summary", helper, "--top", "0"}, 2, "EINVAL");
    row("ps-format-unknown", {"ps", "--format", "yaml"}, 2, "EINVAL");
    row("ps-format-disagrees", {"ps", "--format", "prometheus", "--json"}, 2, "EINVAL");
    row("counts-no-format-option", {"counts", "--format", "prometheus"}, 2, "EINVAL");
    row("diff-missing-file", {"diff", "/nonexistent/hs-a.json", "/nonexistent/hs-b.json"}, 1, "ENOENT");
    row("diff-one-file", {"diff", "/nonexistent/hs-a.json"}, 2, "EINVAL");
    row("diff-bad-pid", {"diff", "a.json", "b.json", "--pid", "abc"}, 2, "EINVAL");
    row("diff-top-zero", {"diff", "a.json", "b.json", "--top", "0"}, 2, "EINVAL");
    row("watch-no-pid", {"watch"}, 2, "EINVAL");
    row("watch-bad-pid", {"watch", "12x"}, 2, "EINVAL");
    row("watch-free-pid", {"watch", "%FREE%"}, 1, "ESRCH");
    row("watch-bad-interval", {"watch", helper, "--interval", "fast"}, 2, "EINVAL");
    row("watch-bad-unit", {"watch", helper, "--interval", "5x"}, 2, "EINVAL");
    row("watch-zero-duration", {"watch", helper, "--duration", "0s"}, 2, "EINVAL");
    row("watch-negative-duration", {"watch", helper, "--duration", "-3s"}, 2, "EINVAL");
    row("watch-missing-duration", {"watch", helper, "--duration"}, 2, "EINVAL");
    row("leaks-bad-for", {"leaks", "--for", "soon"}, 2, "EINVAL");
    row("leaks-huge-for", {"leaks", "--for", "99999999999h"}, 2, "EINVAL");
    row("leaks-interval-too-long", {"leaks", "--for", "2s", "--interval", "1s"}, 2, "EINVAL");
    row("leaks-extra-argument", {"leaks", "123"}, 2, "EINVAL");
}

void TestCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, errorName);
    const QByteArray tag = QTest::currentDataTag();
    bool asNobody = false;
    pid_t zombie = -1;
    for (QString& a : args) {
        if (a == QLatin1String("%FREE%")) {
            const qint64 pid = freePid();
            QVERIFY(pid > 0);
            a = QString::number(pid);
        } else if (a == QLatin1String("%ZOMBIE%")) {
            zombie = ::fork();
            QVERIFY(zombie >= 0);
            if (zombie == 0)
                ::_exit(0);
            char state = '?';
            quint64 flags = 0;
            for (int i = 0; i < 500 && (!statOf(zombie, state, flags) || state != 'Z'); ++i)
                QThread::msleep(10);
            QCOMPARE(state, 'Z');
            a = QString::number(zombie);
        } else if (a == QLatin1String("%KTHREAD%")) {
            char state = '?';
            quint64 flags = 0;
            if (!statOf(2, state, flags) || !(flags & 0x00200000))
                QSKIP("pid 2 is not a kernel thread here (no kthreadd: a container with its own pid namespace?)");
            a = QStringLiteral("2");
        } else if (a == QLatin1String("%NOPERM%")) {
            if (::geteuid() == 0) {
                asNobody = true; // nobody may not read the root-owned helper's fds
                a = QString::number(m_helper.pid());
            } else {
                a = QStringLiteral("1");
            }
        }
    }
    const Run r = run(args, asNobody);
    if (zombie > 0) {
        char state = '?';
        quint64 flags = 0;
        QVERIFY2(statOf(zombie, state, flags) && state == 'Z', "the zombie was reaped before the check ended");
        int status = 0;
        ::waitpid(zombie, &status, 0);
    }
    QVERIFY2(r.exitCode != 126 && r.exitCode != 127, "could not drop privileges or exec the CLI");
    const QString err = QString::fromLocal8Bit(r.err);
    QVERIFY2(r.exitCode == exitCode, qPrintable(QStringLiteral("exit %1, expected %2; stderr: %3").arg(r.exitCode).arg(exitCode).arg(err)));
    QVERIFY2(r.out.isEmpty(), qPrintable(QStringLiteral("stdout not empty: %1").arg(QString::fromLocal8Bit(r.out.left(300)))));
    QVERIFY2(r.err.endsWith('\n') && r.err.count('\n') == 1, qPrintable(QStringLiteral("stderr is not one line: '%1'").arg(err)));
    QVERIFY2(r.err.startsWith("handlescope-cli: "), qPrintable(err));
    bool named = false;
    for (const QString& name : errorName.split(QLatin1Char('|')))
        named = named || err.contains(QStringLiteral(": %1 (").arg(name));
    QVERIFY2(named, qPrintable(QStringLiteral("'%1' does not name %2").arg(err, errorName)));
    QVERIFY2(err.contains(QLatin1String(". Hint: ")), qPrintable(err));
    const auto hint = err.indexOf(QLatin1String(". Hint: "));
    QVERIFY2(err.mid(hint + 8).trimmed().size() > 5, qPrintable(QStringLiteral("empty hint: %1").arg(err)));
    Q_UNUSED(tag);
}

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("usagePrefix");
    for (const char* c : {"ps", "handles", "find", "holders", "snapshot", "counts", "summary", "diff", "watch", "leaks"}) {
        const QString cmd = QString::fromLatin1(c);
        QTest::addRow("%s --help", c) << QStringList{cmd, QStringLiteral("--help")} << QStringLiteral("usage: handlescope-cli ") + cmd;
        QTest::addRow("%s -h", c) << QStringList{cmd, QStringLiteral("-h")} << QStringLiteral("usage: handlescope-cli ") + cmd;
    }
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << QStringLiteral("usage: handlescope-cli ");
    QTest::newRow("help") << QStringList{QStringLiteral("help")} << QStringLiteral("usage: handlescope-cli ");
}

void TestCli::help()
{
    QFETCH(QStringList, args);
    QFETCH(QString, usagePrefix);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QString firstLine = QString::fromLocal8Bit(r.out).section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(firstLine.startsWith(usagePrefix), qPrintable(firstLine));
    QVERIFY(firstLine.size() > usagePrefix.size());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
