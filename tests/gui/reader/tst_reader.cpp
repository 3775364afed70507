// SPDX-License-Identifier: MIT
// ui/reader: one worker, lanes, cancel tokens, stale results, diffs against the rows on
// screen, and freeing off the UI thread. Behaviour, not timing: jobs block on latches the
// test opens, and every wait is for an event, never a duration.
#include "synthetic.h"

#include "reader/reader.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace hs::ui;
using hs::test::makeProcess;

Q_DECLARE_METATYPE(std::shared_ptr<const hs::ui::ProcessListRead>)
Q_DECLARE_METATYPE(std::shared_ptr<const hs::ui::FindRead>)

namespace {

/// A door a job waits at until the test opens it (or the job is cancelled).
class Latch {
public:
    void open()
    {
        std::lock_guard lock(m_mutex);
        m_open = true;
        m_cv.notify_all();
    }
    /// Waits until open, or until `cancel` is set; true if it was opened.
    bool wait(const hs::CancelToken& cancel)
    {
        std::unique_lock lock(m_mutex);
        while (!m_open && !cancel.cancelled())
            m_cv.wait_for(lock, std::chrono::milliseconds(1)); // the token has no wake-up of its own
        return m_open;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_open = false;
};

hs::Error cancelled() { return hs::cancelledError("list processes"); }

} // namespace

class TestReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<std::shared_ptr<const ProcessListRead>>();
        qRegisterMetaType<std::shared_ptr<const FindRead>>();
    }

    // A newer read of the same kind cancels the older through the core's token, and only
    // the newer one's result reaches the UI.
    void aSupersededJobIsCancelled()
    {
        Reader reader(QThread::NormalPriority);
        Latch never;
        std::atomic<int> calls = 0;
        std::atomic<bool> firstSawCancel = false;
        Reader::Sources sources;
        sources.processes = [&](const hs::CancelToken& cancel) -> hs::Result<std::vector<hs::ProcessInfo>> {
            if (calls++ == 0) {
                if (!never.wait(cancel)) { // blocks until cancelled
                    firstSawCancel = true;
                    return hs::fail(cancelled());
                }
            }
            return std::vector<hs::ProcessInfo>{makeProcess(1), makeProcess(2)};
        };
        reader.setSources(sources);
        QSignalSpy read(&reader, &Reader::processesRead);
        QSignalSpy dropped(&reader, &Reader::staleDropped);
        const quint64 first = reader.readProcesses(nullptr);
        QTRY_COMPARE(calls.load(), 1); // it runs
        const quint64 second = reader.readProcesses(nullptr);
        QVERIFY(second > first);
        QVERIFY(read.wait(10000));
        QVERIFY(firstSawCancel.load());
        QCOMPARE(read.count(), 1);
        const auto result = read[0][0].value<std::shared_ptr<const ProcessListRead>>();
        QCOMPARE(result->id, second);
        QCOMPARE(result->diff.rows->size(), 2u);
        QTRY_COMPARE(dropped.count(), 1);
        QCOMPARE(dropped[0][1].toULongLong(), first);
        QVERIFY(!reader.isBusy(Reader::Lane::Processes));
    }

    // A job that finishes in spite of being superseded (it did not look at its token) is
    // dropped by its id.
    void aStaleResultIsDroppedById()
    {
        Reader reader(QThread::NormalPriority);
        Latch door;
        std::atomic<int> calls = 0;
        Reader::Sources sources;
        sources.processes = [&](const hs::CancelToken&) -> hs::Result<std::vector<hs::ProcessInfo>> {
            const int n = calls++;
            if (n == 0)
                door.wait(hs::CancelToken{}); // deaf to cancellation
            return std::vector<hs::ProcessInfo>{makeProcess(100 + n)};
        };
        reader.setSources(sources);
        QSignalSpy read(&reader, &Reader::processesRead);
        QSignalSpy dropped(&reader, &Reader::staleDropped);
        const quint64 first = reader.readProcesses(nullptr);
        QTRY_COMPARE(calls.load(), 1);
        const quint64 second = reader.readProcesses(nullptr);
        door.open();
        QVERIFY(read.wait(10000));
        QCOMPARE(read.count(), 1);
        const auto result = read[0][0].value<std::shared_ptr<const ProcessListRead>>();
        QCOMPARE(result->id, second);
        QCOMPARE(result->diff.rows->front().item.info.pid, 101); // the second job's list
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped[0][1].toULongLong(), first);
    }

    // Kinds of read are independent: a Find does not cancel a process-list read; both
    // wait their turn on the one worker.
    void lanesDoNotCancelEachOther()
    {
        Reader reader(QThread::NormalPriority);
        Latch door;
        Reader::Sources sources;
        sources.snapshot = [&](const hs::CancelToken& cancel) -> hs::Result<hs::Snapshot> {
            if (!door.wait(cancel))
                return hs::fail(hs::cancelledError("take snapshot"));
            return hs::test::makeSnapshot(3, 30);
        };
        sources.processes = [](const hs::CancelToken&) {
            return hs::Result<std::vector<hs::ProcessInfo>>(std::vector<hs::ProcessInfo>{makeProcess(5)});
        };
        reader.setSources(sources);
        QSignalSpy found(&reader, &Reader::found);
        QSignalSpy read(&reader, &Reader::processesRead);
        reader.find(hs::FindQuery{.text = "socket"}, 2);
        reader.readProcesses(nullptr);
        QVERIFY(reader.isBusy(Reader::Lane::Find));
        QVERIFY(reader.isBusy(Reader::Lane::Processes));
        door.open();
        QVERIFY(found.count() == 1 || found.wait(10000));
        QVERIFY(read.count() == 1 || read.wait(10000));
        const auto hits = found[0][0].value<std::shared_ptr<const FindRead>>();
        QVERIFY(!hits->error);
        QCOMPARE(hits->processes, 3u);
        QCOMPARE(hits->handles, 30u);
        QCOMPARE(hits->matches, 6u); // every 5th handle of 10 per process is a socket
        QCOMPARE(hits->hits.size(), 2u); // the limit
        QCOMPARE(hits->hits[0].process.pid, 100);
        QCOMPARE(hits->hits[0].handle.value, 0);
    }

    // The diff comes from the worker, against the rows the caller had: the caller only
    // applies it. Rows handed to dispose() are freed on the worker too.
    void diffsAndFreeingHappenOnTheWorker()
    {
        Reader reader(QThread::NormalPriority);
        std::atomic<QThread*> readOn = nullptr;
        Reader::Sources sources;
        sources.processes = [&](const hs::CancelToken&) {
            readOn = QThread::currentThread();
            return hs::Result<std::vector<hs::ProcessInfo>>(std::vector<hs::ProcessInfo>{makeProcess(1), makeProcess(3)});
        };
        reader.setSources(sources);
        auto shown = std::make_shared<const RowList<ProcessEntry>>(
            RowList<ProcessEntry>{{ProcessEntry{makeProcess(1, 100, 2), 0}, 0, 0}, {ProcessEntry{makeProcess(2), 0}, 0, 0}});
        QSignalSpy read(&reader, &Reader::processesRead);
        reader.readProcesses(shown);
        QVERIFY(read.wait(10000));
        QVERIFY(readOn.load() && readOn.load() != QThread::currentThread());
        const auto diff = read[0][0].value<std::shared_ptr<const ProcessListRead>>()->diff;
        QCOMPARE(diff.base, shown);
        QCOMPARE(diff.rows->size(), 3u); // 1, 2 (gone: red for a while), 3 (new)
        QCOMPARE((*diff.rows)[0].item.delta, 1);
        QVERIFY((*diff.rows)[1].removedAt != 0);
        QVERIFY((*diff.rows)[2].addedAt != 0);
        QCOMPARE(diff.ops.size(), 1u);
        QCOMPARE(diff.ops[0].kind, RowOp::Insert);
        QCOMPARE(diff.ops[0].first, 2);

        std::atomic<QThread*> freedOn = nullptr;
        std::shared_ptr<const int> garbage(new int(1), [&freedOn](const int* p) {
            freedOn = QThread::currentThread();
            delete p;
        });
        reader.dispose(std::move(garbage));
        QTRY_VERIFY(freedOn.load() != nullptr);
        QVERIFY(freedOn.load() != QThread::currentThread());
    }

    // Closing the window while a long read runs: the reader cancels it and waits, so no
    // job outlives it (and the core's statics at exit).
    void destructionCancelsTheRunningJob()
    {
        Latch never;
        std::atomic<bool> started = false, sawCancel = false;
        {
            Reader reader(QThread::NormalPriority);
            Reader::Sources sources;
            sources.snapshot = [&](const hs::CancelToken& cancel) -> hs::Result<hs::Snapshot> {
                started = true;
                if (!never.wait(cancel))
                    sawCancel = true;
                return hs::fail(hs::cancelledError("take snapshot"));
            };
            reader.setSources(sources);
            reader.find(hs::FindQuery{}, 10);
            QTRY_VERIFY(started.load());
        }
        QVERIFY(sawCancel.load());
    }
};

QTEST_MAIN(TestReader)
#include "tst_reader.moc"
