// SPDX-License-Identifier: MIT
// tst_cli_opened_by: handlescope-cli opened-by against hs_leak_helper children. On a leaking
// helper the table and the JSON name the functions that opened the leaked files and sockets,
// with counts that match the fds the helper holds (checked in /proc); a churning helper's
// closed fds are not reported. Bad input: no PID, a PID that does not exist, no BPF rights
// (run as nobody), a process that exits mid-trace; Ctrl+C ends the trace and still reports.
// The traces skip, saying why, where BPF cannot load (the nobody test needs no BPF).

#include "child.h"
#include "procfs.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <csignal>
#include <set>
#include <thread>

using namespace std::chrono_literals;

namespace {

hstest::Run cli(const QStringList& args, const std::string& program = HS_CLI_PATH, bool asNobody = false)
{
    hstest::Spawn spec;
    spec.argv = {program};
    for (const QString& a : args)
        spec.argv.push_back(a.toStdString());
    spec.asNobody = asNobody;
    return hstest::runToEnd(spec, 60s);
}

QJsonObject jsonOf(const std::string& out) { return QJsonDocument::fromJson(QByteArray::fromStdString(out)).object(); }

/// The site whose one-line summary starts with `start`; empty if none.
QJsonObject siteStarting(const QJsonObject& report, const QString& start)
{
    for (const QJsonValue& v : report.value(QLatin1String("sites")).toArray())
        if (v.toObject().value(QLatin1String("summary")).toString().startsWith(start))
            return v.toObject();
    return {};
}

bool stackHas(const QJsonObject& site, const QString& function)
{
    for (const QJsonValue& f : site.value(QLatin1String("stack")).toArray())
        if (f.toObject().value(QLatin1String("function")).toString() == function)
            return true;
    return false;
}

} // namespace

class TestCliOpenedBy : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Whether tracing works here at all: trace this test process for a moment.
        const auto r = cli({"opened-by", QString::number(::getpid()), "--for", "100ms", "--json"});
        if (r.exitCode() != 0)
            m_noBpf = QString::fromStdString(r.err).trimmed();
        const auto mode0755 = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                            | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
        m_nobodyCli = m_nobodyDir.filePath(QStringLiteral("handlescope-cli"));
        QVERIFY(m_nobodyDir.isValid() && QFile::setPermissions(m_nobodyDir.path(), mode0755));
        QVERIFY(QFile::copy(QStringLiteral(HS_CLI_PATH), m_nobodyCli) && QFile::setPermissions(m_nobodyCli, mode0755));
    }

    void leak_json()
    {
        skipWithoutBpf();
        hstest::Child helper;
        QVERIFY(startHelper(helper, "leak"));
        const auto r = cli({"opened-by", QString::number(helper.pid()), "--for", "2s", "--json"});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        const QJsonObject report = jsonOf(r.out);
        QCOMPARE(report.value(QLatin1String("schema")).toString(), QStringLiteral("handlescope/1"));
        QCOMPARE(report.value(QLatin1String("pid")).toInteger(), static_cast<qint64>(helper.pid()));
        QCOMPARE(report.value(QLatin1String("lost_records")).toInteger(-1), 0);
        const qint64 tracedMs = report.value(QLatin1String("traced_ms")).toInteger();
        QVERIFY(tracedMs >= 2000 && tracedMs < 4000);
        const std::string held = helper.helper().dir + "/held";
        std::set<qint64> reported;
        for (const auto& [function, kind] : {std::pair{"openFile", "file"}, std::pair{"openSocket", "socket"}}) {
            const QJsonObject site =
                siteStarting(report, QStringLiteral("%1 <- leakOneFileAndSocket <- tick").arg(QLatin1String(function)));
            QVERIFY2(!site.isEmpty(), r.out.c_str());
            QVERIFY(stackHas(site, QLatin1String("main")));
            // 10 a second for 2 s, give or take the start-up of the trace.
            const qint64 count = site.value(QLatin1String("count")).toInteger();
            QVERIFY2(count >= 17 && count <= 22, r.out.c_str());
            const QJsonObject kinds = site.value(QLatin1String("kinds")).toObject();
            QCOMPARE(kinds.size(), 1);
            QCOMPARE(kinds.value(QLatin1String(kind)).toInteger(), count);
            const QJsonArray fds = site.value(QLatin1String("fds")).toArray();
            QCOMPARE(fds.size(), count);
            // The helper never closes them: each is still open and is what the site says.
            for (const QJsonValue& fd : fds) {
                QVERIFY(reported.insert(fd.toInteger()).second);
                const std::string link = hstest::fdLink(helper.pid(), static_cast<int>(fd.toInteger()));
                QVERIFY2(std::string(kind) == "file" ? link == held : link.starts_with("socket:["), link.c_str());
            }
        }
        // Everything else it holds was opened before the trace: stdio and the leaks of its
        // first moments, none of them among the reported.
        const QJsonArray unknown = report.value(QLatin1String("unknown_origin")).toObject().value(QLatin1String("fds")).toArray();
        for (const QJsonValue& fd : unknown)
            QVERIFY(!reported.contains(fd.toInteger()));
        QVERIFY(unknown.contains(0) && unknown.contains(1) && unknown.contains(2));
    }

    void leak_table()
    {
        skipWithoutBpf();
        hstest::Child helper;
        QVERIFY(startHelper(helper, "leak"));
        const auto r = cli({"opened-by", QString::number(helper.pid()), "--for", "1s"});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        QVERIFY2(QString::fromStdString(r.err).startsWith(QLatin1String("Following the fds pid")), r.err.c_str());
        const QString out = QString::fromStdString(r.out);
        const QRegularExpression files(QStringLiteral("^(\\d+) regular files still open, opened at "
                                                      "openFile <- leakOneFileAndSocket <- tick$"),
                                       QRegularExpression::MultilineOption);
        const QRegularExpression sockets(QStringLiteral("^(\\d+) sockets still open, opened at "
                                                        "openSocket <- leakOneFileAndSocket <- tick$"),
                                         QRegularExpression::MultilineOption);
        for (const auto* re : {&files, &sockets}) {
            const auto m = re->match(out);
            QVERIFY2(m.hasMatch(), r.out.c_str());
            QVERIFY2(m.captured(1).toInt() >= 8 && m.captured(1).toInt() <= 12, r.out.c_str());
        }
        // Each site's stack follows, a frame a line, with the helper's source lines.
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\n    openFile \\(hs_leak_helper.cpp:\\d+\\)\n"))),
                 r.out.c_str());
        QVERIFY2(out.contains(QLatin1String("opened before tracing began")), r.out.c_str());
    }

    void churn_closedFdsNotReported()
    {
        skipWithoutBpf();
        hstest::Child helper;
        QVERIFY(startHelper(helper, "churn"));
        const auto r = cli({"opened-by", QString::number(helper.pid()), "--for", "1500ms", "--json"});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        const QJsonObject report = jsonOf(r.out);
        QVERIFY2(report.value(QLatin1String("open_calls")).toInteger() >= 26, r.out.c_str());
        QVERIFY2(report.value(QLatin1String("close_calls")).toInteger() >= 26, r.out.c_str());
        // It opens and closes a file and a socket every 100 ms. The report is read at a
        // moment the CLI picks, which can fall between one open and its close (a few
        // microseconds in 100 ms): at most that file and socket may show.
        qint64 shown = 0;
        for (const QJsonValue& v : report.value(QLatin1String("sites")).toArray())
            shown += v.toObject().value(QLatin1String("count")).toInteger();
        QVERIFY2(shown <= 2, r.out.c_str());
    }

    void interrupted_stillReports()
    {
        skipWithoutBpf();
        hstest::Child helper;
        QVERIFY(startHelper(helper, "leak"));
        hstest::Child trace;
        const auto started = trace.start(
            {.argv = {HS_CLI_PATH, "opened-by", std::to_string(helper.pid()), "--for", "30s"}, .captureOutput = true});
        QVERIFY2(started.empty(), started.c_str());
        // Printed once the trace runs and Ctrl+C is taken.
        QVERIFY2(trace.waitForStderr("Following the fds", 20s), trace.err().c_str());
        std::this_thread::sleep_for(500ms);
        ::kill(trace.pid(), SIGINT);
        const auto status = trace.wait(10s);
        QVERIFY2(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0, trace.err().c_str());
        const QString out = QString::fromStdString(trace.out());
        const auto traced = QRegularExpression(QStringLiteral("^Traced pid \\d+ for ([0-9.]+) s:")).match(out);
        QVERIFY2(traced.hasMatch() && traced.captured(1).toDouble() < 5, trace.out().c_str());
        QVERIFY2(out.contains(QLatin1String("still open, opened at openFile <- leakOneFileAndSocket <- tick")),
                 trace.out().c_str());
    }

    void processExitsMidTrace()
    {
        skipWithoutBpf();
        hstest::Child helper;
        QVERIFY(startHelper(helper, "leak"));
        const pid_t pid = helper.pid();
        hstest::Child trace;
        const auto started =
            trace.start({.argv = {HS_CLI_PATH, "opened-by", std::to_string(pid), "--for", "30s"}, .captureOutput = true});
        QVERIFY2(started.empty(), started.c_str());
        QVERIFY2(trace.waitForStderr("Following the fds", 20s), trace.err().c_str()); // tracing now
        std::this_thread::sleep_for(500ms);
        helper.stop();
        const auto status = trace.wait(10s); // the exit ends the trace, not the 30 s
        QVERIFY2(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 1, trace.err().c_str());
        const QString err = QString::fromStdString(trace.err());
        QVERIFY2(err.contains(QStringLiteral("handlescope-cli: report open sites (pid %1)").arg(pid))
                     && err.contains(QLatin1String("ESRCH")) && err.contains(QLatin1String("exited while it was traced")),
                 qPrintable(err));
        QVERIFY(trace.out().empty());
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no-pid") << QStringList{"opened-by"} << 2 << QStringLiteral("opened-by");
        QTest::newRow("not-a-pid") << QStringList{"opened-by", "abc"} << 2 << QStringLiteral("abc");
        QTest::newRow("two-pids") << QStringList{"opened-by", "1", "2"} << 2 << QStringLiteral("opened-by");
        QTest::newRow("bad-duration") << QStringList{"opened-by", "1", "--for", "soon"} << 2 << QStringLiteral("--for");
        QTest::newRow("no-such-process") << QStringList{"opened-by", "4000000"} << 1
                                         << QStringLiteral("trace open sites (pid 4000000): ESRCH");
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const auto r = cli(args);
        QCOMPARE(r.exitCode(), exitCode);
        const QString err = QString::fromStdString(r.err);
        QVERIFY2(err.startsWith(QLatin1String("handlescope-cli: ")) && err.contains(message), qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.out.empty());
    }

    void noBpfRights_asNobody()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to run the CLI as nobody");
        hstest::Child helper;
        QVERIFY(startHelper(helper, "leak"));
        const auto r = cli({"opened-by", QString::number(helper.pid()), "--for", "1s"}, m_nobodyCli.toStdString(), true);
        QCOMPARE(r.exitCode(), 1);
        const QString err = QString::fromStdString(r.err);
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
        QVERIFY2(err.startsWith(QStringLiteral("handlescope-cli: ")) && err.contains(QString::number(helper.pid())),
                 qPrintable(err));
        if (err.contains(QLatin1String("ENOSYS")))
            QSKIP("this build has no BPF tracer: nobody gets the same answer as root");
        QVERIFY2(err.contains(QLatin1String("EPERM")) && err.contains(QLatin1String("needs root, or CAP_BPF and CAP_PERFMON")),
                 qPrintable(err));
    }

private:
    void skipWithoutBpf()
    {
        if (!m_noBpf.isEmpty())
            QSKIP(qPrintable(QStringLiteral("BPF tracer cannot run here: ") + m_noBpf));
    }

    static bool startHelper(hstest::Child& child, const char* mode)
    {
        hstest::Spawn spec;
        spec.argv = {HS_LEAK_HELPER_PATH, mode};
        const auto e = child.startHelper(spec);
        if (!e.empty())
            qWarning("%s: %s", mode, e.c_str());
        return e.empty();
    }

    QString m_noBpf; ///< why tracing does not work here; empty when it does
    QTemporaryDir m_nobodyDir{QStringLiteral("/tmp/hs-cli-XXXXXX")};
    QString m_nobodyCli;
};

QTEST_GUILESS_MAIN(TestCliOpenedBy)
#include "tst_cli_opened_by.moc"
