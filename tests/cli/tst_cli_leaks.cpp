// SPDX-License-Identifier: MIT
// tst_cli_leaks: handlescope-cli watch and leaks against hs_leak_helper children. watch's
// table and JSON lines follow a leaking process (count, deltas, the types that changed) and
// go on when one of two watched processes exits; leaks names the leaker at its rate and not
// a churning process, and says when nothing leaks. (Their bad input is in tst_cli.)

#include "child.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>

#include <chrono>
#include <string>
#include <thread>

using namespace std::chrono_literals;

namespace {

std::string startLeakHelper(hstest::Child& child, const std::string& mode)
{
    hstest::Spawn spec;
    spec.argv = {HS_LEAK_HELPER_PATH, mode};
    if (auto e = child.startHelper(spec); !e.empty())
        return mode + ": " + e;
    return {};
}

hstest::Run cli(const QStringList& args, std::vector<std::string> env = {})
{
    hstest::Spawn spec;
    spec.argv = {HS_CLI_PATH};
    for (const QString& a : args)
        spec.argv.push_back(a.toStdString());
    spec.env = std::move(env);
    return hstest::runToEnd(spec, 30s);
}

/// stdout's lines, each a JSON object; empty objects for lines that are not.
QList<QJsonObject> jsonLines(const std::string& out)
{
    QList<QJsonObject> lines;
    for (const QByteArray& line : QByteArray::fromStdString(out).split('\n'))
        if (!line.isEmpty())
            lines.push_back(QJsonDocument::fromJson(line).object());
    return lines;
}

QList<QJsonObject> linesOf(const QList<QJsonObject>& lines, qint64 pid)
{
    QList<QJsonObject> mine;
    for (const auto& o : lines)
        if (o.value(QLatin1String("pid")).toInteger() == pid)
            mine.push_back(o);
    return mine;
}

} // namespace

class TestCliLeaks : public QObject {
    Q_OBJECT

private slots:
    void watch_table()
    {
        hstest::Child leaker;
        const auto e = startLeakHelper(leaker, "leak");
        QVERIFY2(e.empty(), e.c_str());
        const auto r = cli({"watch", QString::number(leaker.pid()), "--interval", "200ms", "--duration", "1s"});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        QVERIFY2(r.err.empty(), r.err.c_str());
        const QStringList lines = QString::fromStdString(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 6); // the header, ticks at 0, 0.2 ... 1.0 s
        QVERIFY2(lines[0].contains(QLatin1String("SINCE START")), qPrintable(lines[0]));
        qint64 previous = -1;
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList f = lines[i].split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QVERIFY2(f.size() >= 5, qPrintable(lines[i]));
            QCOMPARE(f[1].toLongLong(), static_cast<qint64>(leaker.pid()));
            const qint64 count = f[2].toLongLong();
            if (i == 1) {
                QCOMPARE(f[3], QStringLiteral("0"));
                QCOMPARE(f[4], QStringLiteral("0"));
            } else {
                QCOMPARE(f[3].toLongLong(), count - previous); // "+4" reads as 4
                // 2 fds per 100 ms: about 4 per 200 ms tick
                QVERIFY2(count > previous && count - previous <= 8, qPrintable(lines[i]));
                QVERIFY2(lines[i].contains(QLatin1String("file +")) && lines[i].contains(QLatin1String("socket +")),
                         qPrintable(lines[i]));
            }
            previous = count;
        }
    }

    void watch_json()
    {
        hstest::Child leaker;
        const auto e = startLeakHelper(leaker, "leak");
        QVERIFY2(e.empty(), e.c_str());
        const auto r = cli({"watch", QString::number(leaker.pid()), "--interval", "250ms", "--duration", "1s", "--json"});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 5);
        qint64 sum = 0;
        qint64 first = -1;
        for (const auto& o : lines) {
            QCOMPARE(o.value(QLatin1String("schema")).toString(), QStringLiteral("handlescope/1"));
            QCOMPARE(o.value(QLatin1String("pid")).toInteger(), static_cast<qint64>(leaker.pid()));
            const qint64 handles = o.value(QLatin1String("handles")).toInteger(-1);
            const qint64 delta = o.value(QLatin1String("delta")).toInteger(-1);
            if (first < 0)
                first = handles;
            sum += delta;
            QCOMPARE(o.value(QLatin1String("since_start")).toInteger(-1), sum);
            QCOMPARE(handles - first, sum);
            const QJsonObject kinds = o.value(QLatin1String("per_type")).toObject();
            qint64 kindSum = 0;
            for (const auto& v : kinds)
                kindSum += v.toInteger();
            QCOMPARE(kindSum, handles);
            const QJsonObject changed = o.value(QLatin1String("per_type_delta")).toObject();
            QCOMPARE(changed.value(QLatin1String("file")).toInteger() + changed.value(QLatin1String("socket")).toInteger(),
                     delta);
            QVERIFY(o.value(QLatin1String("elapsed_ms")).toInteger(-1) >= 0);
        }
        QVERIFY2(sum >= 14 && sum <= 26, qPrintable(QString::number(sum))); // 20 a second
    }

    void watch_processExits()
    {
        hstest::Child stays;
        hstest::Child exits;
        for (auto* c : {&stays, &exits}) {
            const auto e = startLeakHelper(*c, "churn");
            QVERIFY2(e.empty(), e.c_str());
        }
        hstest::Child watch;
        hstest::Spawn spec{.argv = {HS_CLI_PATH, "watch", std::to_string(stays.pid()), std::to_string(exits.pid()),
                                    "--interval", "200ms", "--duration", "2s", "--json"},
                           .captureOutput = true};
        const auto started = watch.start(spec);
        QVERIFY2(started.empty(), started.c_str());
        std::this_thread::sleep_for(700ms);
        const pid_t gone = exits.pid();
        exits.stop();
        const auto status = watch.wait(20s);
        QVERIFY2(status, "watch did not end");
        QVERIFY2(WIFEXITED(*status) && WEXITSTATUS(*status) == 1, hstest::describeStatus(*status).c_str());

        // One line on stderr names the process that went, its error and a hint.
        const QString err = QString::fromStdString(watch.err());
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
        QVERIFY2(err.startsWith(QLatin1String("handlescope-cli: ")) && err.contains(QString::number(gone))
                     && err.contains(QLatin1String("Hint: ")),
                 qPrintable(err));
        const auto lines = jsonLines(watch.out());
        const auto goneLines = linesOf(lines, gone);
        QVERIFY2(goneLines.size() >= 2, watch.out().c_str());
        QVERIFY(goneLines.back().contains(QLatin1String("error")));
        const QJsonObject error = goneLines.back().value(QLatin1String("error")).toObject();
        QVERIFY(!error.value(QLatin1String("os_name")).toString().isEmpty());
        QVERIFY(error.value(QLatin1String("message")).toString().contains(QString::number(gone)));
        for (qsizetype i = 0; i + 1 < goneLines.size(); ++i)
            QVERIFY(goneLines[i].value(QLatin1String("handles")).toInteger(-1) >= 3);
        // The other one is watched to the end: ticks at 0, 0.2 ... 2 s.
        const auto stayLines = linesOf(lines, stays.pid());
        QCOMPARE(stayLines.size(), 11);
        QVERIFY(stayLines.back().value(QLatin1String("elapsed_ms")).toInteger() >= 1800);
        for (const auto& o : stayLines)
            QVERIFY2(!o.contains(QLatin1String("error")), QJsonDocument(o).toJson().constData());
    }

    void leaks_findsTheLeaker()
    {
        hstest::Child leaker;
        hstest::Child churn;
        for (auto [c, mode] : {std::pair{&leaker, "leak"}, std::pair{&churn, "churn"}}) {
            const auto e = startLeakHelper(*c, mode);
            QVERIFY2(e.empty(), e.c_str());
        }
        const auto r = cli({"leaks", "--for", "3s", "--interval", "200ms", "--json"});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        const QJsonObject doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object();
        QCOMPARE(doc.value(QLatin1String("schema")).toString(), QStringLiteral("handlescope/1"));
        QCOMPARE(doc.value(QLatin1String("window_ms")).toInteger(), 3000);
        QCOMPARE(doc.value(QLatin1String("interval_ms")).toInteger(), 200);
        QVERIFY(doc.value(QLatin1String("samples")).toInteger() >= 15);
        QVERIFY(doc.value(QLatin1String("processes")).toInteger() >= 3);
        QJsonObject found;
        double previousGrowth = 1e300;
        for (const auto& v : doc.value(QLatin1String("suspects")).toArray()) {
            const QJsonObject s = v.toObject();
            const double growth = s.value(QLatin1String("growth_per_minute")).toDouble();
            QVERIFY2(growth <= previousGrowth, "suspects are not ranked by growth");
            previousGrowth = growth;
            QVERIFY(s.value(QLatin1String("pid")).toInteger() != churn.pid());
            if (s.value(QLatin1String("pid")).toInteger() == leaker.pid())
                found = s;
        }
        QVERIFY2(!found.isEmpty(), r.out.c_str());
        QCOMPARE(found.value(QLatin1String("name")).toString(), QStringLiteral("hs_leak_helper"));
        const double growth = found.value(QLatin1String("growth_per_minute")).toDouble();
        QVERIFY2(growth > 1080 && growth < 1320, qPrintable(QString::number(growth)));
        QVERIFY(found.value(QLatin1String("latest")).toInteger() > found.value(QLatin1String("baseline")).toInteger());
        QVERIFY(found.value(QLatin1String("reason")).toString().startsWith(QLatin1String("rose in each third")));

        // The table names it too.
        const auto text = cli({"leaks", "--for", "1500ms", "--interval", "300ms"});
        QVERIFY2(text.exitCode() == 0, text.explain().c_str());
        QVERIFY2(text.out.find("GROWTH/MIN") != std::string::npos, text.out.c_str());
        QVERIFY2(text.out.find(std::to_string(leaker.pid()) + "  hs_leak_helper") != std::string::npos,
                 text.out.c_str());
    }

    void leaks_none()
    {
        // Alone in a pid namespace with its own /proc, the CLI sees only itself: no suspect.
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        if (unshare.isEmpty())
            QSKIP("no unshare(1) to give the CLI a pid namespace of its own");
        hstest::Spawn spec{.argv = {unshare.toStdString(), "--pid", "--fork", "--mount-proc", HS_CLI_PATH, "leaks",
                                    "--for", "600ms", "--interval", "200ms"},
                           .env = {"HANDLESCOPE_SNAPSHOT_BACKEND=procfs"}};
        const auto r = hstest::runToEnd(spec, 30s);
        if (r.exitCode() != 0 && r.err.find("unshare") != std::string::npos)
            QSKIP(("unshare cannot make a pid namespace here: " + r.err).c_str());
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        QVERIFY2(r.out.starts_with("No process kept growing its handles over the last 0.6 s (1 process sampled)."),
                 r.out.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCliLeaks)
#include "tst_cli_leaks.moc"
