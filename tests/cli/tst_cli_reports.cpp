// SPDX-License-Identifier: MIT
// tst_cli_reports: handlescope-cli's reports for leak hunting, run as a real process against
// hs_fd_helper: summary (JSON and Prometheus text), ps --format prometheus, and diff of two
// snapshot files. Bad input for these commands is in tst_cli's badInput table.

#include "child.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QMap>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <chrono>
#include <string>

using namespace std::chrono_literals;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliReports : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const std::string started = m_helper.startHelper();
        QVERIFY2(started.empty(), started.c_str());
        m_dir = QString::fromStdString(m_helper.helper().dir);
    }
    void summary_pid();
    void ps_prometheus();
    void diff_json();
    void diff_notASnapshot();

private:
    Run run(const QStringList& args)
    {
        hstest::Spawn spec;
        spec.argv = {std::string(HS_CLI_PATH)};
        for (const QString& a : args)
            spec.argv.push_back(a.toStdString());
        const hstest::Run done = hstest::runToEnd(spec, 120s);
        return {done.exitCode(), QByteArray::fromStdString(done.out),
                done.status ? QByteArray::fromStdString(done.err) : QByteArray::fromStdString("did not finish: " + done.explain())};
    }
    QJsonObject runJson(const QStringList& args)
    {
        const Run r = run(args);
        if (r.exitCode != 0) {
            qWarning("%s exited %d: %s", qPrintable(args.join(QLatin1Char(' '))), r.exitCode, r.err.constData());
            return {};
        }
        return QJsonDocument::fromJson(r.out).object();
    }

    hstest::Child m_helper; ///< hs_fd_helper
    QString m_dir;          ///< its temporary directory
};

void TestCliReports::summary_pid()
{
    // The per-type counts and the pipes against what `handles --json` lists for the helper.
    const QString pid = QString::number(m_helper.pid());
    const QJsonArray handles = runJson({QStringLiteral("handles"), pid, QStringLiteral("--json")})
                                   .value(QLatin1String("handles"))
                                   .toArray();
    QVERIFY(!handles.isEmpty());
    QMap<QString, qint64> perType;
    qint64 pipes = 0;
    for (const QJsonValue& v : handles) {
        const QJsonObject h = v.toObject();
        ++perType[h.value(QLatin1String("type")).toString()];
        pipes += h.value(QLatin1String("name")).toString().startsWith(QLatin1String("pipe:["));
    }
    const QJsonObject doc = runJson({QStringLiteral("summary"), pid, QStringLiteral("--json"), QStringLiteral("--top"), QStringLiteral("50")});
    QCOMPARE(doc.value(QLatin1String("schema")).toString(), QStringLiteral("handlescope/1"));
    QCOMPARE(doc.value(QLatin1String("pid")).toInteger(), static_cast<qint64>(m_helper.pid()));
    QCOMPARE(doc.value(QLatin1String("processes")).toInteger(), 1);
    QCOMPARE(doc.value(QLatin1String("handles")).toInteger(), static_cast<qint64>(handles.size()));
    const QJsonObject types = doc.value(QLatin1String("per_type")).toObject();
    QCOMPARE(types.size(), perType.size());
    for (auto it = perType.cbegin(); it != perType.cend(); ++it)
        QCOMPARE(types.value(it.key()).toInteger(), it.value());
    qint64 pipeCount = 0;
    for (const QJsonValue& v : doc.value(QLatin1String("top_names")).toArray())
        if (v.toObject().value(QLatin1String("name")).toString() == QLatin1String("pipe"))
            pipeCount = v.toObject().value(QLatin1String("count")).toInteger();
    QVERIFY(pipes >= 2); // PipeRead and PipeWrite at least
    QCOMPARE(pipeCount, pipes);
    // The helper's directory holds its layout files: one line for it, with their count.
    bool dirSeen = false;
    for (const QJsonValue& v : doc.value(QLatin1String("directories")).toArray())
        dirSeen = dirSeen || v.toObject().value(QLatin1String("name")).toString() == m_dir;
    QVERIFY2(dirSeen, qPrintable(m_dir));

    const Run prom = run({QStringLiteral("summary"), pid, QStringLiteral("--format"), QStringLiteral("prometheus")});
    QCOMPARE(prom.exitCode, 0);
    const QString expected = QStringLiteral("handlescope_handles_total{pid=\"%1\",name=\"hs_fd_helper\"} %2\n")
                                 .arg(pid)
                                 .arg(handles.size());
    QVERIFY2(QString::fromUtf8(prom.out).contains(expected), prom.out.constData());
    QVERIFY(prom.out.contains("# TYPE handlescope_handles gauge\n"));
}

void TestCliReports::ps_prometheus()
{
    const Run r = run({QStringLiteral("ps"), QStringLiteral("--format"), QStringLiteral("prometheus")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 2);
    QCOMPARE(lines[0], QStringLiteral("# HELP handlescope_process_handles Open handles (file descriptors) of a process."));
    QCOMPARE(lines[1], QStringLiteral("# TYPE handlescope_process_handles gauge"));
    static const char* const kSample = R"re(^handlescope_process_handles\{pid="(\d+)",name="(?:[^"\\]|\\.)*",user="(?:[^"\\]|\\.)*"\} (\d+)$)re";
    static const QRegularExpression sample(QString::fromLatin1(kSample));
    bool helperSeen = false;
    for (qsizetype i = 2; i < lines.size(); ++i) {
        const auto m = sample.match(lines[i]);
        QVERIFY2(m.hasMatch(), qPrintable(lines[i]));
        if (m.captured(1).toLongLong() == m_helper.pid()) {
            helperSeen = true;
            QCOMPARE(m.captured(2).toLongLong(), static_cast<qint64>(hstest::fdCount(m_helper.pid())));
        }
    }
    QVERIFY(helperSeen);
}

void TestCliReports::diff_json()
{
    // Two snapshot files with five numbered files opened by the helper in between.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto snapshotTo = [&](const QString& name) {
        const Run r = run({QStringLiteral("snapshot"), QStringLiteral("--json")});
        QFile f(dir.filePath(name));
        return r.exitCode == 0 && f.open(QIODevice::WriteOnly) && f.write(r.out) == r.out.size();
    };
    QVERIFY(snapshotTo(QStringLiteral("a.json")));
    QStringList opened;
    for (int i = 0; i < 5; ++i)
        opened << QString::fromStdString(
            m_helper.ask("open-file " + m_dir.toStdString() + "/diff-job-" + std::to_string(10 + i)));
    QVERIFY(snapshotTo(QStringLiteral("b.json")));
    for (const QString& fd : opened)
        QCOMPARE(m_helper.ask("close " + fd.toStdString()), std::string("1"));

    const QString pid = QString::number(m_helper.pid());
    const QJsonObject doc = runJson({QStringLiteral("diff"), dir.filePath(QStringLiteral("a.json")),
                                     dir.filePath(QStringLiteral("b.json")), QStringLiteral("--pid"), pid,
                                     QStringLiteral("--json")});
    QCOMPARE(doc.value(QLatin1String("schema")).toString(), QStringLiteral("handlescope/1"));
    QCOMPARE(doc.value(QLatin1String("opened")).toInteger(), 5);
    QCOMPARE(doc.value(QLatin1String("closed")).toInteger(), 0);
    QCOMPARE(doc.value(QLatin1String("changed")).toInteger(), 0);
    const QJsonArray groups = doc.value(QLatin1String("groups")).toArray();
    QCOMPARE(groups.size(), 1);
    const QJsonObject g = groups[0].toObject();
    QCOMPARE(g.value(QLatin1String("change")).toString(), QStringLiteral("opened"));
    QCOMPARE(g.value(QLatin1String("type")).toString(), QStringLiteral("file"));
    QVERIFY2(g.value(QLatin1String("pattern")).toString().endsWith(QLatin1String("/diff-job-*")),
             qPrintable(g.value(QLatin1String("pattern")).toString()));
    QCOMPARE(g.value(QLatin1String("count")).toInteger(), 5);
    QCOMPARE(g.value(QLatin1String("pids")).toArray(), QJsonArray{m_helper.pid()});
    const QJsonArray handles = doc.value(QLatin1String("handles")).toArray();
    QCOMPARE(handles.size(), 5);
    for (const QJsonValue& v : handles) {
        const QJsonObject c = v.toObject();
        QVERIFY(c.value(QLatin1String("before")).isNull());
        QVERIFY(opened.contains(QString::number(c.value(QLatin1String("after")).toObject().value(QLatin1String("handle")).toInteger())));
    }
    // The table names the group too.
    const Run table = run({QStringLiteral("diff"), dir.filePath(QStringLiteral("a.json")),
                           dir.filePath(QStringLiteral("b.json")), QStringLiteral("--pid"), pid});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains("5 opened, 0 closed, 0 changed"), table.out.constData());
    QVERIFY2(table.out.contains("/diff-job-*"), table.out.constData());
}

void TestCliReports::diff_notASnapshot()
{
    // A `ps --json` document is JSON, but not a snapshot: the reader says what it is.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run ps = run({QStringLiteral("ps"), QStringLiteral("--json")});
    QCOMPARE(ps.exitCode, 0);
    QFile f(dir.filePath(QStringLiteral("ps.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(ps.out);
    f.close();
    const Run r = run({QStringLiteral("diff"), f.fileName(), f.fileName()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromLocal8Bit(r.err);
    QVERIFY2(err.startsWith(QLatin1String("handlescope-cli: read snapshot ")), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("not a snapshot")), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("Hint: ")), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestCliReports)
#include "tst_cli_reports.moc"
