// SPDX-License-Identifier: MIT
// The process iterator's records (bpf/task_info_record.h) as the bpf-iter snapshot turns
// them into ProcessInfo: hand-made records for every case the parser decides on (state
// letters, kernel threads, argument areas it must leave to /proc, damaged output). The
// real iterator is compared with /proc in tst_snapshot_backends.
#include "linux/proc_reader.h"
#include "linux/task_info_linux.h"

#include "task_info_record.h"

#include <QTest>

#include <cstring>
#include <string>
#include <string_view>

using namespace hs;
using namespace hs::linux_;

namespace {

constexpr std::uint32_t kPfKthread = 0x00200000;

hs_task_record record(std::uint32_t tgid, std::string_view comm, std::string_view args)
{
    hs_task_record r {};
    r.tgid = tgid;
    r.ppid = 1;
    r.sid = 7;
    r.euid = 0;
    r.state = 1; // TASK_INTERRUPTIBLE
    r.start_boottime = 12'345'678'901ULL;
    std::memcpy(r.comm, comm.data(), std::min(comm.size(), sizeof r.comm));
    r.args_len = static_cast<std::uint32_t>(args.size());
    r.args_total = r.args_len;
    return r;
}

std::string bytes(const hs_task_record& r, std::string_view args = {})
{
    std::string out(reinterpret_cast<const char*>(&r), sizeof r);
    out.append(args);
    return out;
}

} // namespace

class TestTaskRecords : public QObject {
    Q_OBJECT

private slots:
    void stateLetters_data()
    {
        QTest::addColumn<uint>("state");
        QTest::addColumn<uint>("exitState");
        QTest::addColumn<QString>("letter");
        QTest::newRow("running") << 0u << 0u << "R";
        QTest::newRow("interruptible") << 0x1u << 0u << "S";
        QTest::newRow("uninterruptible") << 0x2u << 0u << "D";
        QTest::newRow("stopped") << 0x4u << 0u << "T";
        QTest::newRow("traced (stopped too)") << 0x8u << 0u << "t";
        QTest::newRow("dead") << 0u << 0x10u << "X";
        QTest::newRow("zombie") << 0u << 0x20u << "Z";
        QTest::newRow("parked") << 0x40u << 0u << "P";
        QTest::newRow("idle (uninterruptible, no load)") << 0x402u << 0u << "I";
        QTest::newRow("frozen shows as D") << (0x8000u | 0x1u) << 0u << "D";
        QTest::newRow("rt-lock wait shows as D") << (0x1000u | 0x1u) << 0u << "D";
    }
    void stateLetters()
    {
        QFETCH(uint, state);
        QFETCH(uint, exitState);
        QFETCH(QString, letter);
        QCOMPARE(QString(QChar::fromLatin1(stateLetter(state, exitState))), letter);
    }

    void fullRecord()
    {
        const std::string args("/bin/sleep\0" "600\0", 15);
        hs_task_record r = record(4242, "sleep", args);
        r.ppid = 17;
        r.euid = 65534;
        std::vector<IteratedProcess> out;
        QVERIFY(parseTaskRecords(bytes(r, args), out).has_value());
        QCOMPARE(out.size(), std::size_t(1));
        const IteratedProcess& p = out.front();
        QCOMPARE(p.info.pid, Pid(4242));
        QCOMPARE(p.info.parentPid, Pid(17));
        QCOMPARE(p.info.session, std::int64_t(7));
        QCOMPARE(p.info.uid, std::int64_t(65534));
        QCOMPARE(p.info.user, userName(65534));
        QCOMPARE(p.info.name, std::string("sleep"));
        QVERIFY(p.info.state == ProcessState::Sleeping);
        const auto ticks = bootClock().ticksPerSecond;
        QCOMPARE(p.info.startTime, 12'345'678'901ULL / (1'000'000'000ULL / static_cast<std::uint64_t>(ticks)));
        QVERIFY(p.commandLineComplete);
        QCOMPARE(p.info.commandLine, std::string("/bin/sleep 600"));
        QVERIFY(!p.nameFromProc());
        QVERIFY(p.info.executable.empty()); // a readlink, not in the record
    }

    // A comm of the full 16 bytes has no NUL in the record.
    void commWithoutNul()
    {
        const hs_task_record r = record(1, "0123456789abcdef", {});
        std::vector<IteratedProcess> out;
        QVERIFY(parseTaskRecords(bytes(r), out).has_value());
        QCOMPARE(out.front().info.name, std::string("0123456789abcdef"));
        QVERIFY(out.front().commandLineComplete); // no argument area: nothing to read
        QVERIFY(out.front().info.commandLine.empty());
    }

    // What the parser leaves to /proc: a cut argument area, one the copy failed on, one
    // rewritten without its final NUL, and the names of kernel threads.
    void leftToProc()
    {
        const std::string args("abc\0", 4);
        hs_task_record cut = record(10, "long", args);
        cut.args_total = 9000;
        hs_task_record faulted = record(11, "faulted", {});
        faulted.args_total = 30;
        faulted.args_error = 14; // EFAULT
        const std::string retitled("worker: idle", 12);
        hs_task_record noNul = record(12, "retitled", retitled);
        hs_task_record kthread = record(13, "kworker/0:1", {});
        kthread.flags = kPfKthread;
        hs_task_record zombie = record(14, "gone", {});
        zombie.state = 0;
        zombie.exit_state = 0x20;
        std::vector<IteratedProcess> out;
        QVERIFY(parseTaskRecords(bytes(cut, args) + bytes(faulted) + bytes(noNul, retitled) + bytes(kthread) + bytes(zombie), out)
                    .has_value());
        QCOMPARE(out.size(), std::size_t(5));
        QVERIFY(!out[0].commandLineComplete);
        QVERIFY(out[0].info.commandLine.empty());
        QVERIFY(!out[1].commandLineComplete);
        QVERIFY(!out[2].commandLineComplete);
        QVERIFY(out[3].nameFromProc());
        QVERIFY(out[3].info.state == ProcessState::KernelThread);
        QVERIFY(!out[4].nameFromProc());
        QVERIFY(out[4].info.state == ProcessState::Zombie);
    }

    // Output that ends inside a record, or a length past the end: an error naming the
    // read and the likely cause, never a read past the buffer.
    void damagedOutput()
    {
        const std::string args("a\0", 2);
        const std::string good = bytes(record(5, "ok", args), args);
        std::vector<IteratedProcess> out;
        auto cut = parseTaskRecords(std::string_view(good).substr(0, good.size() - 1), out);
        QVERIFY(!cut.has_value());
        QCOMPARE(QString::fromStdString(cut.error().osName), QStringLiteral("EPROTO"));
        QCOMPARE(QString::fromStdString(cut.error().operation), QStringLiteral("read BPF process iterator"));
        out.clear();
        auto shortHeader = parseTaskRecords(std::string_view(good).substr(0, 10), out);
        QVERIFY(!shortHeader.has_value());
        QVERIFY(QString::fromStdString(shortHeader.error().hint).contains(QLatin1String("bpf/task_info.bpf.c")));
        hs_task_record huge = record(6, "huge", {});
        huge.args_len = 1u << 30;
        out.clear();
        QVERIFY(!parseTaskRecords(bytes(huge), out).has_value());
    }
};

QTEST_GUILESS_MAIN(TestTaskRecords)
#include "tst_task_records.moc"
