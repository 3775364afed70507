// SPDX-License-Identifier: MIT
// The two whole-machine snapshot backends give the same answer: the BPF task_file iterator
// ("bpf-iter") and the /proc walk ("procfs"), each forced through
// HANDLESCOPE_SNAPSHOT_BACKEND. Compared fd by fd on hs_fd_helper's hostile fd set
// (fd_layout.h) and on the whole machine, where an fd may differ only if it changed
// between two /proc reads taken before and after the iterator's.

#include "child.h"
#include "fd_layout.h"

#include "handlescope/inspect.h"

#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace hs;
namespace layout = hstest::layout;

namespace {

constexpr const char* kBackendVar = "HANDLESCOPE_SNAPSHOT_BACKEND";

/// A Full snapshot with the backend forced to `backend`; the variable is unset again after.
Result<Snapshot> snapshotThrough(const char* backend)
{
    qputenv(kBackendVar, backend);
    auto snap = takeSnapshot(Detail::Full);
    qunsetenv(kBackendVar);
    return snap;
}

/// procfs, bpf-iter, procfs: what differs between the first /proc read and the iterator's
/// is a disagreement only if the two /proc reads agree on it.
struct ThreeReads {
    Snapshot first, iter, second;
};

/// Takes the three reads. "" or what failed.
std::string readThree(ThreeReads& reads)
{
    for (auto [snap, backend] : { std::pair { &reads.first, "procfs" }, { &reads.iter, "bpf-iter" }, { &reads.second, "procfs" } }) {
        auto taken = snapshotThrough(backend);
        if (!taken)
            return std::string(backend) + ": " + taken.error().message();
        *snap = std::move(*taken);
    }
    return {};
}

const HandleInfo* byValue(const ProcessHandles* p, HandleValue fd)
{
    if (!p)
        return nullptr;
    auto it = std::lower_bound(
        p->handles.begin(), p->handles.end(), fd, [](const HandleInfo& h, HandleValue v) { return h.value < v; });
    return it != p->handles.end() && it->value == fd ? &*it : nullptr;
}

std::string extra(const HandleInfo& h, const std::string& key)
{
    for (const auto& [k, v] : h.extras)
        if (k == key)
            return v;
    return {};
}

std::string text(std::uint64_t v)
{
    return std::to_string(v);
}
std::string text(bool v)
{
    return v ? "true" : "false";
}
std::string text(std::string_view v)
{
    return std::string(v);
}
/// Open flags in octal, as fdinfo prints them.
std::string octal(std::uint32_t flags)
{
    return QStringLiteral("0%1").arg(flags, 0, 8).toStdString();
}

/// One field of one fd as each backend reports it.
struct Field {
    std::string name;
    std::string procfs;
    std::string iter;
};

/// The fields both backends must agree on for one fd. Fields that only one side reads are
/// compared only where both sides have them: offsets where the kind has one on the procfs
/// side, open flags, access and close-on-exec where both read the flags, and the fdinfo
/// extras (eventfd count, pidfd target), which the iterator does not fill today
/// (snapshot_bpf_linux.cpp, toHandle) and is compared on as soon as it does.
std::vector<Field> comparedFields(const HandleInfo& p, const HandleInfo& b)
{
    std::vector<Field> f {
        { "kind", text(toString(p.kind)), text(toString(b.kind)) },
        { "typeName", p.typeName, b.typeName },
        { "name", p.name, b.name },
        { "deleted", text(p.deleted), text(b.deleted) },
        { "object.device", text(p.object.device), text(b.object.device) },
        { "object.inode", text(p.object.inode), text(b.object.inode) },
        { "object.sharedInode", text(p.object.sharedInode), text(b.object.sharedInode) },
    };
    if (p.offset)
        f.push_back({ "offset", text(*p.offset), b.offset ? text(*b.offset) : "none" });
    if (p.access != AccessMode::Unknown && b.access != AccessMode::Unknown) {
        f.push_back({ "openFlags", p.openFlags ? octal(*p.openFlags) : "none", b.openFlags ? octal(*b.openFlags) : "none" });
        f.push_back({ "access", text(toString(p.access)), text(toString(b.access)) });
    }
    if (p.inheritable && b.inheritable)
        f.push_back({ "inheritable", text(*p.inheritable), text(*b.inheritable) });
    if (p.mountId && b.mountId)
        f.push_back({ "mountId", std::to_string(*p.mountId), std::to_string(*b.mountId) });
    if (p.referencedPid != -1 && b.referencedPid != -1)
        f.push_back({ "referencedPid", std::to_string(p.referencedPid), std::to_string(b.referencedPid) });
    if (const auto count = extra(b, "count"); !count.empty() && p.kind == HandleKind::EventFd)
        f.push_back({ "eventfd count", extra(p, "count"), count });
    f.push_back({ "socket", p.socket ? "yes" : "no", b.socket ? "yes" : "no" });
    // A socket in none of /proc's tables (an unbound UDP or TCP socket is not hashed, so no
    // sock_diag dump or /proc/net file lists it) is "unknown" there; the iterator reads it
    // from the socket itself. More from one backend, not a disagreement.
    const bool procfsCannotKnow = p.socket && p.socket->family == "unknown";
    if (p.socket && b.socket && !procfsCannotKnow) {
        const SocketInfo& ps = *p.socket;
        const SocketInfo& bs = *b.socket;
        f.push_back({ "socket.family", ps.family, bs.family });
        f.push_back({ "socket.protocol", ps.protocol, bs.protocol });
        // inet: read from the socket by the iterator; others: from the same /proc tables.
        f.push_back({ "socket.localAddress", ps.localAddress, bs.localAddress });
        f.push_back({ "socket.remoteAddress", ps.remoteAddress, bs.remoteAddress });
        f.push_back({ "socket.state", ps.state, bs.state });
        if (ps.peerInode && bs.peerInode)
            f.push_back({ "socket.peerInode", text(ps.peerInode), text(bs.peerInode) });
    }
    return f;
}

/// The first field in which two reads of one fd differ ("absent" when only one has it),
/// or nullopt when they agree.
std::optional<std::string> firstDifference(const HandleInfo* a, const HandleInfo* b)
{
    if (!a || !b)
        return a == b ? std::nullopt : std::optional<std::string>("absent");
    for (const Field& f : comparedFields(*a, *b))
        if (f.procfs != f.iter)
            return f.name + ": '" + f.procfs + "' vs '" + f.iter + "'";
    return std::nullopt;
}

bool sameProcess(const ProcessHandles* a, const ProcessHandles* b)
{
    return a && b && a->process.key() == b->process.key();
}

} // namespace

class TestSnapshotBackends : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const std::string started = m_helper.startHelper();
        QVERIFY2(started.empty(), started.c_str());
        auto iter = snapshotThrough("bpf-iter");
        if (!iter)
            m_iterError = QString::fromStdString(iter.error().message());
    }

    void backendSaysWhichRan()
    {
        auto procfs = snapshotThrough("procfs");
        QVERIFY2(procfs.has_value(), procfs ? "" : procfs.error().message().c_str());
        QCOMPARE(QString::fromStdString(procfs->backend), QStringLiteral("procfs"));
        if (!m_iterError.isEmpty())
            QSKIP(qPrintable(QStringLiteral("the bpf-iter backend cannot load here: ") + m_iterError));
        auto iter = snapshotThrough("bpf-iter");
        QVERIFY2(iter.has_value(), iter ? "" : iter.error().message().c_str());
        QCOMPARE(QString::fromStdString(iter->backend), QStringLiteral("bpf-iter"));
        // Unforced, the iterator is chosen wherever it loads.
        auto chosen = takeSnapshot(Detail::Fast);
        QVERIFY2(chosen.has_value(), chosen ? "" : chosen.error().message().c_str());
        QCOMPARE(QString::fromStdString(chosen->backend), QStringLiteral("bpf-iter"));
    }

    // A misspelt backend is an error naming the value and the accepted ones, not a
    // silent fall back to whatever loads.
    void unknownBackendIsRefused()
    {
        auto snap = snapshotThrough("proc");
        QVERIFY(!snap.has_value());
        QCOMPARE(QString::fromStdString(snap.error().osName), QStringLiteral("EINVAL"));
        QVERIFY2(QString::fromStdString(snap.error().operation).contains(QLatin1String("'proc'")),
            snap.error().message().c_str());
        QVERIFY2(QString::fromStdString(snap.error().hint).contains(QLatin1String("procfs"))
                && QString::fromStdString(snap.error().hint).contains(QLatin1String("bpf-iter")),
            snap.error().message().c_str());
        // The variable is read per call: unset again, a snapshot is taken.
        QVERIFY(takeSnapshot(Detail::Fast).has_value());
    }

    void helperFdByFd_data()
    {
        QTest::addColumn<int>("fd");
        for (const layout::FdSpec& spec : layout::kFds)
            QTest::newRow(std::string(spec.tag).c_str()) << static_cast<int>(spec.fd);
    }

    void helperFdByFd()
    {
        if (!m_iterError.isEmpty())
            QSKIP(qPrintable(QStringLiteral("the bpf-iter backend cannot load here: ") + m_iterError));
        QFETCH(int, fd);
        const char* tag = QTest::currentDataTag();
        if (!m_helperRead) {
            auto procfs = snapshotThrough("procfs");
            QVERIFY2(procfs.has_value(), procfs ? "" : procfs.error().message().c_str());
            auto iter = snapshotThrough("bpf-iter");
            QVERIFY2(iter.has_value(), iter ? "" : iter.error().message().c_str());
            m_procfs = std::move(*procfs);
            m_iter = std::move(*iter);
            m_helperRead = true;
        }
        const ProcessHandles* p = m_procfs.findProcess(m_helper.pid());
        const ProcessHandles* b = m_iter.findProcess(m_helper.pid());
        QVERIFY2(p, "procfs: the helper is missing");
        QVERIFY2(b, "bpf-iter: the helper is missing");
        const HandleInfo* ph = byValue(p, fd);
        const HandleInfo* bh = byValue(b, fd);
        QVERIFY2(ph, qPrintable(QStringLiteral("fd %1 (%2) missing from procfs").arg(fd).arg(tag)));
        QVERIFY2(bh, qPrintable(QStringLiteral("fd %1 (%2) missing from bpf-iter").arg(fd).arg(tag)));
        QCOMPARE(bh->value, ph->value);
        for (const Field& f : comparedFields(*ph, *bh))
            QVERIFY2(f.procfs == f.iter,
                qPrintable(QStringLiteral("fd %1 (%2), %3: procfs '%4', bpf-iter '%5'")
                               .arg(fd)
                               .arg(tag, QString::fromStdString(f.name), QString::fromStdString(f.procfs),
                                   QString::fromStdString(f.iter))));
        // The comparison did cover what this fd has: an offset, the flags, the endpoints.
        const layout::FdSpec& spec = layout::spec(static_cast<layout::Fd>(fd));
        if (spec.offset >= 0)
            QVERIFY2(ph->offset, qPrintable(QStringLiteral("fd %1 (%2): procfs read no offset").arg(fd).arg(tag)));
        QVERIFY2(ph->access != AccessMode::Unknown,
            qPrintable(QStringLiteral("fd %1 (%2): procfs read no flags").arg(fd).arg(tag)));
        if (spec.kind == "socket")
            QVERIFY2(ph->socket && bh->socket, qPrintable(QStringLiteral("fd %1 (%2): no endpoints").arg(fd).arg(tag)));
    }

    // procfs, bpf-iter, procfs. An fd may differ between the first /proc read and the
    // iterator only if the two /proc reads also differ on it (opened, closed or changed
    // meanwhile). Processes /proc cannot read (PID 1 here) are left out: the iterator may
    // see more.
    void wholeMachine()
    {
        if (!m_iterError.isEmpty())
            QSKIP(qPrintable(QStringLiteral("the bpf-iter backend cannot load here: ") + m_iterError));
        // An fd opened and closed again between the reads shows in one of them only; the
        // comparison cannot tell that from a wrong read, but churn does not repeat itself
        // while a backend's mistake does: the backends agree when one of five tries finds
        // no difference.
        QStringList differences;
        for (int attempt = 1; attempt <= 5; ++attempt) {
            ThreeReads reads;
            const std::string failed = readThree(reads);
            QVERIFY2(failed.empty(), failed.c_str());
            const Snapshot& first = reads.first;
            const Snapshot& iter = reads.iter;
            const Snapshot& second = reads.second;
            QCOMPARE(QString::fromStdString(iter.backend), QStringLiteral("bpf-iter"));

            std::size_t processes = 0, fds = 0, changedBetweenReads = 0, unreadable = 0, fdsOnlyTheIteratorSaw = 0;
            differences.clear();
            for (const ProcessHandles& p1 : first.processes) {
                if (p1.process.pid == ::getpid())
                    continue; // its fds are the reads' own (/proc directories, BPF links)
                const ProcessHandles* p2 = second.findProcess(p1.process.pid);
                if (!sameProcess(&p1, p2))
                    continue; // exited, or its pid reused, between the reads
                const ProcessHandles* b = iter.findProcess(p1.process.pid);
                if (p1.process.accessError || p2->process.accessError) {
                    ++unreadable;
                    if (sameProcess(&p1, b))
                        fdsOnlyTheIteratorSaw += b->handles.size();
                    continue;
                }
                // A process that lived through all three reads but is missing from the
                // iterator's counts as every fd missing there.
                if (b && !sameProcess(&p1, b))
                    b = nullptr;
                ++processes;
                std::map<HandleValue, int> values;
                for (const auto* side : { &p1, p2, b })
                    if (side)
                        for (const HandleInfo& h : side->handles)
                            values[h.value] = 0;
                for (const auto& [value, unused] : values) {
                    ++fds;
                    const HandleInfo* h1 = byValue(&p1, value);
                    const auto diff = firstDifference(h1, byValue(b, value));
                    if (!diff)
                        continue;
                    if (firstDifference(h1, byValue(p2, value))) {
                        ++changedBetweenReads;
                        continue;
                    }
                    differences << QStringLiteral("pid %1 (%2) fd %3: %4")
                                       .arg(p1.process.pid)
                                       .arg(QString::fromStdString(p1.process.name))
                                       .arg(value)
                                       .arg(QString::fromStdString(*diff));
                }
            }
            qDebug("compared %zu processes and %zu fds; %zu fds changed between the /proc reads; "
                   "%zu processes /proc could not read, in which the iterator saw %zu fds",
                processes, fds, changedBetweenReads, unreadable, fdsOnlyTheIteratorSaw);
            QVERIFY2(first.findProcess(m_helper.pid())
                    && sameProcess(first.findProcess(m_helper.pid()), iter.findProcess(m_helper.pid())),
                "the helper is not among the processes compared (start times differ between backends?)");
            QVERIFY(processes > 1);
            if (differences.isEmpty())
                break;
            qDebug("try %d: %lld fds differ", attempt, static_cast<long long>(differences.size()));
        }
        QVERIFY2(differences.isEmpty(),
            qPrintable(QStringLiteral("%1 fds differ between procfs and bpf-iter and not between the two "
                                      "procfs reads, in each of 5 tries; in the last, e.g.:\n")
                           .arg(differences.size())
                + differences.mid(0, 20).join(QLatin1Char('\n'))));
    }

    // Processes /proc may not read (PID 1 here, even for root): the iterator reads their
    // fds in the kernel. Wherever the kernel counts fds (the size of /proc/PID/fd, Linux 6.2+)
    // before and after its read, it lists some, or says why not.
    void readsWhatProcCannot()
    {
        if (!m_iterError.isEmpty())
            QSKIP(qPrintable(QStringLiteral("the bpf-iter backend cannot load here: ") + m_iterError));
        auto procfs = snapshotThrough("procfs");
        QVERIFY2(procfs.has_value(), procfs ? "" : procfs.error().message().c_str());
        std::vector<std::pair<const ProcessInfo*, long long>> unreadable; // with the kernel's count
        for (const ProcessHandles& p : procfs->processes)
            if (p.process.accessError)
                unreadable.emplace_back(&p.process, fdCount(p.process.pid));
        if (unreadable.empty())
            QSKIP("/proc reads every process's fds here: nothing only the iterator can see");
        auto iter = snapshotThrough("bpf-iter");
        QVERIFY2(iter.has_value(), iter ? "" : iter.error().message().c_str());
        std::size_t checked = 0;
        QStringList silent;
        for (const auto& [process, before] : unreadable) {
            const ProcessHandles* b = iter->findProcess(process->pid);
            const long long after = fdCount(process->pid);
            if (!sameProcess(b, procfs->findProcess(process->pid)) || before <= 0 || after <= 0)
                continue; // exited, or no count from the kernel
            ++checked;
            if (b->handles.empty() && !b->process.accessError)
                silent << QStringLiteral("pid %1 (%2): the kernel counts %3 fds, the iterator lists none")
                              .arg(process->pid)
                              .arg(QString::fromStdString(process->name))
                              .arg(after);
        }
        qDebug("%zu processes /proc could not read, %zu of them with a kernel fd count", unreadable.size(), checked);
        QVERIFY2(silent.isEmpty(), qPrintable(silent.join(QLatin1Char('\n'))));
    }

    // visitSnapshot hands over what takeSnapshot returns: the header first, then each process
    // once in pid order; streamed from the iterator, read whole from /proc.
    void visitedAsTaken_data()
    {
        QTest::addColumn<QByteArray>("backend");
        QTest::newRow("procfs") << QByteArray("procfs");
        QTest::newRow("bpf-iter") << QByteArray("bpf-iter");
    }

    void visitedAsTaken()
    {
        QFETCH(QByteArray, backend);
        if (backend == "bpf-iter" && !m_iterError.isEmpty())
            QSKIP(qPrintable(QStringLiteral("the bpf-iter backend cannot load here: ") + m_iterError));
        struct Kept final : SnapshotVisitor {
            int begins = 0;
            std::string backend;
            std::vector<Pid> pids;
            std::optional<ProcessHandles> helper;
            Pid helperPid = -1;
            void begin(const Snapshot& header) override
            {
                ++begins;
                backend = header.backend;
                QVERIFY(header.processes.empty());
            }
            void process(ProcessHandles& p) override
            {
                QCOMPARE(begins, 1);
                pids.push_back(p.process.pid);
                if (p.process.pid == helperPid)
                    helper = std::move(p);
            }
        } kept;
        kept.helperPid = m_helper.pid();
        qputenv(kBackendVar, backend);
        auto header = visitSnapshot(kept, Detail::Full);
        auto taken = takeSnapshot(Detail::Full);
        qunsetenv(kBackendVar);
        QVERIFY2(header.has_value(), header ? "" : header.error().message().c_str());
        QVERIFY2(taken.has_value(), taken ? "" : taken.error().message().c_str());
        QCOMPARE(kept.begins, 1);
        QCOMPARE(QString::fromStdString(kept.backend), QString::fromLatin1(backend));
        QCOMPARE(QString::fromStdString(header->backend), QString::fromLatin1(backend));
        QVERIFY(header->processes.empty());
        QVERIFY(std::ranges::is_sorted(kept.pids) && std::ranges::adjacent_find(kept.pids) == kept.pids.end());
        QVERIFY(kept.pids.size() > 1);
        QVERIFY2(kept.helper, "the helper was not handed over");
        const ProcessHandles* t = taken->findProcess(m_helper.pid());
        QVERIFY2(t, "the helper is missing from takeSnapshot");
        QCOMPARE(kept.helper->handles.size(), t->handles.size());
        // Field by field as the backends are compared (a timerfd's time left moves on).
        for (std::size_t i = 0; i < t->handles.size(); ++i) {
            QCOMPARE(kept.helper->handles[i].value, t->handles[i].value);
            for (const Field& f : comparedFields(kept.helper->handles[i], t->handles[i]))
                QVERIFY2(f.procfs == f.iter,
                    qPrintable(QStringLiteral("fd %1, %2: visited '%3', taken '%4'")
                                   .arg(t->handles[i].value)
                                   .arg(QString::fromStdString(f.name), QString::fromStdString(f.procfs),
                                       QString::fromStdString(f.iter))));
        }
    }

    // Process details come from a task iterator in the bpf-iter backend: the same as
    // /proc's for every process whose details did not change between two /proc reads, and
    // for children made to be awkward: an argument area longer than the iterator copies,
    // and arguments with spaces, tabs and non-UTF-8 bytes.
    void processDetailsAgree()
    {
        if (!m_iterError.isEmpty())
            QSKIP(qPrintable(QStringLiteral("the bpf-iter backend cannot load here: ") + m_iterError));
        hstest::Child longArgs, oddArgs;
        // sh blocks reading its stdin (a pipe from us): no child of its own outlives the test.
        const std::string filler(6000, 'x');
        QCOMPARE(longArgs.start({.argv = {"/bin/sh", "-c", "read line # " + filler}, .pipeStdio = true}), std::string());
        QCOMPARE(oddArgs.start({.argv = {"/bin/sh", "-c", "read line", "a b", "tab\there", "\xff\xfe"}, .pipeStdio = true}),
            std::string());
        QCOMPARE(longArgs.waitForExec("dash"), std::string());
        QCOMPARE(oddArgs.waitForExec("dash"), std::string());

        QStringList differences;
        for (int attempt = 1; attempt <= 5; ++attempt) {
            ThreeReads reads;
            const std::string failed = readThree(reads);
            QVERIFY2(failed.empty(), failed.c_str());
            const Snapshot& first = reads.first;
            const Snapshot& iter = reads.iter;
            const Snapshot& second = reads.second;
            differences.clear();
            std::size_t compared = 0;
            for (const ProcessHandles& p1 : first.processes) {
                if (p1.process.pid == ::getpid())
                    continue; // running while /proc reads it, waiting for a thread while the iterator does
                const ProcessHandles* p2 = second.findProcess(p1.process.pid);
                const ProcessHandles* b = iter.findProcess(p1.process.pid);
                if (!sameProcess(&p1, p2))
                    continue; // exited, or its pid reused, between the reads
                if (!sameProcess(&p1, b)) {
                    differences << QStringLiteral("pid %1 (%2): %3 by the iterator")
                                       .arg(p1.process.pid)
                                       .arg(QString::fromStdString(p1.process.name),
                                           b ? QStringLiteral("another start time") : QStringLiteral("not seen"));
                    continue;
                }
                ++compared;
                for (const Field& f : processFields(p1.process, b->process))
                    if (f.procfs != f.iter && processFields(p1.process, p2->process, f.name).procfs
                            == processFields(p1.process, p2->process, f.name).iter)
                        differences << QStringLiteral("pid %1 (%2) %3: procfs '%4', bpf-iter '%5'")
                                           .arg(p1.process.pid)
                                           .arg(QString::fromStdString(p1.process.name), QString::fromStdString(f.name),
                                               QString::fromStdString(f.procfs), QString::fromStdString(f.iter));
            }
            qDebug("compared the details of %zu processes", compared);
            QVERIFY(compared > 1);
            for (const hstest::Child* child : { &longArgs, &oddArgs }) {
                const ProcessHandles* p = first.findProcess(child->pid());
                const ProcessHandles* b = iter.findProcess(child->pid());
                QVERIFY2(p && b, "a child is missing from a snapshot");
                QVERIFY(p->process.commandLine.starts_with("/bin/sh -c read line"));
                for (const Field& f : processFields(p->process, b->process))
                    QVERIFY2(f.procfs == f.iter, qPrintable(QStringLiteral("child %1, %2: procfs '%3', bpf-iter '%4'")
                                                                .arg(child->pid())
                                                                .arg(QString::fromStdString(f.name),
                                                                    QString::fromStdString(f.procfs),
                                                                    QString::fromStdString(f.iter))));
            }
            QVERIFY(first.findProcess(longArgs.pid())->process.commandLine.size() > 6000);
            if (differences.isEmpty())
                break;
            qDebug("try %d: %lld details differ", attempt, static_cast<long long>(differences.size()));
        }
        QVERIFY2(differences.isEmpty(), qPrintable(differences.mid(0, 20).join(QLatin1Char('\n'))));
    }

private:
    /// The process details both backends fill, as text; `only` picks one field by name.
    static std::vector<Field> processFields(const ProcessInfo& p, const ProcessInfo& b)
    {
        return {
            { "name", p.name, b.name },
            { "executable", p.executable, b.executable },
            { "commandLine", p.commandLine, b.commandLine },
            { "user", p.user, b.user },
            { "uid", std::to_string(p.uid), std::to_string(b.uid) },
            { "parentPid", std::to_string(p.parentPid), std::to_string(b.parentPid) },
            { "session", std::to_string(p.session), std::to_string(b.session) },
            { "startTime", std::to_string(p.startTime), std::to_string(b.startTime) },
            { "state", text(toString(p.state)), text(toString(b.state)) },
        };
    }
    static Field processFields(const ProcessInfo& p, const ProcessInfo& b, const std::string& only)
    {
        for (Field& f : processFields(p, b))
            if (f.name == only)
                return f;
        return {};
    }

    /// How many fds the kernel says `pid` holds (st_size of /proc/PID/fd), -1 if unknown.
    static long long fdCount(Pid pid)
    {
        struct stat st { };
        const std::string dir = "/proc/" + std::to_string(pid) + "/fd";
        return ::stat(dir.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : -1;
    }

    hstest::Child m_helper; ///< hs_fd_helper
    QString m_iterError; ///< why forcing bpf-iter failed; empty when it loads
    bool m_helperRead = false;
    Snapshot m_procfs; ///< the helper's fds read by each backend, once for all rows
    Snapshot m_iter;
};

QTEST_GUILESS_MAIN(TestSnapshotBackends)
#include "tst_snapshot_backends.moc"
