// SPDX-License-Identifier: MIT
// Snapshot diffs of a real process (handlescope/diff.h): hs_fd_helper is read, made to
// "leak" numbered files and UNIX socket pairs and to reuse an fd number for another file,
// and read again. The diff must name the leaked kinds and name patterns with their exact
// counts, and the reused number as a close and an open, through every snapshot backend.

#include "child.h"
#include "fd_layout.h"

#include "handlescope/diff.h"
#include "handlescope/inspect.h"

#include <QTest>

#include <string>

using namespace hs;
namespace layout = hstest::layout;

namespace {

Result<Snapshot> readOne(Pid pid)
{
    auto info = processInfo(pid);
    if (!info)
        return fail(info.error());
    auto handles = listHandles(pid, Detail::Full);
    if (!handles)
        return fail(handles.error());
    Snapshot s;
    s.processes.push_back({std::move(*info), std::move(*handles)});
    return s;
}

const ChangeGroup* groupOf(const SnapshotDiff& d, Change change, HandleKind kind, const std::string& pattern)
{
    for (const auto& g : d.groups)
        if (g.change == change && g.kind == kind && g.pattern == pattern)
            return &g;
    return nullptr;
}

std::string groupsText(const SnapshotDiff& d)
{
    std::string s;
    for (const auto& g : d.groups)
        s += std::string(toString(g.change)) + " " + std::to_string(g.count) + " " + std::string(toString(g.kind)) +
             " " + g.pattern + "\n";
    return s;
}

} // namespace

class TestLeakDiff : public QObject {
    Q_OBJECT

private slots:
    void leakedFilesSocketsAndAReusedNumber_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("listHandles") << QString();
        QTest::newRow("snapshot procfs") << QStringLiteral("procfs");
        QTest::newRow("snapshot bpf-iter") << QStringLiteral("bpf-iter");
    }

    void leakedFilesSocketsAndAReusedNumber()
    {
        QFETCH(QString, backend);
        hstest::Child helper;
        const std::string started = helper.startHelper();
        QVERIFY2(started.empty(), started.c_str());
        const Pid pid = helper.pid();
        const std::string dir = helper.helper().dir;

        // Before: through listHandles, or a whole-machine snapshot through one backend.
        const auto take = [&]() -> Result<Snapshot> {
            if (backend.isEmpty())
                return readOne(pid);
            qputenv("HANDLESCOPE_SNAPSHOT_BACKEND", backend.toUtf8());
            auto s = takeSnapshot(Detail::Fast);
            qunsetenv("HANDLESCOPE_SNAPSHOT_BACKEND");
            return s;
        };
        const auto before = take();
        if (!before && backend == QLatin1String("bpf-iter"))
            QSKIP(qPrintable(QStringLiteral("the bpf-iter backend cannot run here: ") +
                             QString::fromStdString(before.error().message())));
        QVERIFY2(before, before ? "" : before.error().message().c_str());

        // The "leak": 7 numbered files, 3 socket pairs; and the odd-named file closed, its
        // number taken by another file (the lowest free number is reused).
        constexpr int kFiles = 7;
        for (int i = 0; i < kFiles; ++i)
            QVERIFY(helper.ask("open-file " + dir + "/job-" + std::to_string(100 + i)) != "-1");
        for (int i = 0; i < 3; ++i)
            QVERIFY(helper.ask("socketpair") != "-1 -1");
        QCOMPARE(helper.ask("close " + std::to_string(layout::OddName)), std::string("1"));
        QCOMPARE(helper.ask("open-file " + dir + "/reused"), std::to_string(layout::OddName));

        const auto after = take();
        QVERIFY2(after, after ? "" : after.error().message().c_str());
        const SnapshotDiff d = diffSnapshots(*before, *after, {.pid = pid});
        const std::string text = groupsText(d);

        QCOMPARE(d.opened, static_cast<std::int64_t>(kFiles + 6 + 1));
        QCOMPARE(d.closed, std::int64_t(1));
        QCOMPARE(d.changed, std::int64_t(0));
        // The temporary directory's random name may hold digits: they are starred too.
        HandleInfo job;
        job.kind = HandleKind::RegularFile;
        job.name = dir + "/job-100";
        const std::string jobPattern = namePattern(job);
        QVERIFY2(jobPattern.ends_with("/job-*"), jobPattern.c_str());
        const auto* jobs = groupOf(d, Change::Opened, HandleKind::RegularFile, jobPattern);
        QVERIFY2(jobs, text.c_str());
        QCOMPARE(jobs->count, static_cast<std::int64_t>(kFiles));
        QCOMPARE(jobs->pids, std::vector<Pid>{pid});
        const auto* pairs = groupOf(d, Change::Opened, HandleKind::Socket, "unix stream (unnamed)");
        QVERIFY2(pairs, text.c_str());
        QCOMPARE(pairs->count, std::int64_t(6));
        // The reused number: its old file closed, the new one opened, at the same value.
        bool closedOld = false;
        bool openedNew = false;
        for (const auto& c : d.handles) {
            if (c.change == Change::Closed && c.before.value == layout::OddName)
                closedOld = c.before.name == dir + "/" + std::string(layout::kOddName);
            if (c.change == Change::Opened && c.after.value == layout::OddName)
                openedNew = c.after.name == dir + "/reused";
        }
        QVERIFY2(closedOld, text.c_str());
        QVERIFY2(openedNew, text.c_str());
        // Only the helper is compared (the pid option): no process started or exited.
        QVERIFY(d.processesStarted.empty());
        QVERIFY(d.processesExited.empty());
        QCOMPARE(d.groups.size(), std::size_t(4)); // jobs, socket pairs, the reused file, the closed odd one
    }
};

QTEST_GUILESS_MAIN(TestLeakDiff)
#include "tst_leak_diff.moc"
