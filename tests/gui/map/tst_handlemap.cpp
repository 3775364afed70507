// SPDX-License-Identifier: MIT
// The handle map's model after a real duplicate: the holders read from the helpers' real
// handle tables, the copy's slot added from the core's progress (with the value the
// target really got, the holder count up), the source's slot gone after close-source, a
// failure kept at its step; each state agrees with the tables read again afterwards.
#include "child.h"
#include "procfs.h"

#include "map/handlemaplayout.h"
#include "map/handlemapmodel.h"

#include "handlescope/duplicate.h"
#include "handlescope/inspect.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "fd_layout.h"

using namespace hs::ui;

namespace {

// The handle tables of `pids`, read now (Full: offsets and flags).
std::vector<hs::ProcessHandles> tables(std::initializer_list<hs::Pid> pids)
{
    std::vector<hs::ProcessHandles> out;
    for (auto pid : pids) {
        auto info = hs::processInfo(pid);
        auto handles = hs::listHandles(pid, hs::Detail::Full);
        if (info && handles)
            out.push_back({*info, *handles});
    }
    return out;
}

std::vector<std::pair<hs::Pid, hs::HandleValue>> slotsOf(const HandleMapModel& map)
{
    std::vector<std::pair<hs::Pid, hs::HandleValue>> out;
    for (int row = 0; row < map.rowCount(); ++row)
        out.emplace_back(map.slotAt(row).pid, map.slotAt(row).value);
    return out;
}

std::vector<std::pair<hs::Pid, hs::HandleValue>> slotsOf(const std::vector<MapSlot>& slots)
{
    std::vector<std::pair<hs::Pid, hs::HandleValue>> out;
    for (const auto& s : slots)
        out.emplace_back(s.pid, s.value);
    return out;
}

} // namespace

class TestHandleMap : public QObject {
    Q_OBJECT

    hstest::Child m_a;
    hstest::Child m_b;
    const int m_fd = hstest::layout::File; // data.txt, offset 5, in every helper

private Q_SLOTS:
    void initTestCase()
    {
        if (!hstest::hasCap(::getpid(), "CapEff", hstest::kCapSysPtrace))
            QSKIP("needs CAP_SYS_PTRACE (run as root): the duplicate injects into a helper");
        QCOMPARE(m_a.startHelper(), std::string());
        QCOMPARE(m_b.startHelper(), std::string());
    }

    void holdersComeFromTheRealTables()
    {
        const auto [object, slots] = holdersOf(tables({m_a.pid(), m_b.pid()}), m_a.pid(), m_fd);
        QVERIFY(object.id.valid());
        QVERIFY2(object.name.endsWith(QLatin1String("/data.txt")), qPrintable(object.name));
        QCOMPARE(object.typeName, QStringLiteral("REG"));
        QCOMPARE(object.offset, std::optional<std::uint64_t>(hstest::layout::kFileOffset));
        // Each helper opened its own data.txt in its own folder: only a's slot holds this one.
        QCOMPARE(slotsOf(slots), (std::vector<std::pair<hs::Pid, hs::HandleValue>>{{m_a.pid(), m_fd}}));
    }

    void copyAppearsFromProgressThenCloseSourceRemovesTheSlot()
    {
        HandleMapModel map;
        QAbstractItemModelTester tester(&map, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto [object, slots] = holdersOf(tables({m_a.pid(), m_b.pid()}), m_a.pid(), m_fd);
        map.setObject(object, slots);
        QCOMPARE(map.holderCount(), 1);

        // A copy into b: the new slot appears when the copy is proven, not before.
        map.beginDuplicate(m_a.pid(), m_fd, m_b.pid(), QStringLiteral("b"));
        QCOMPARE(map.processes(), (std::vector<hs::Pid>{m_a.pid(), m_b.pid()})); // b's column before it holds
        QSignalSpy inserted(&map, &QAbstractItemModel::rowsInserted);
        std::vector<int> holdersAtEachStep;
        hs::DuplicateOptions options;
        options.method = hs::DuplicateMethod::Pull;
        options.progress = [&](const hs::DuplicateProgress& p) {
            map.applyProgress(p);
            holdersAtEachStep.push_back(map.holderCount());
        };
        auto copy = hs::duplicateHandle(m_a.pid(), m_fd, m_b.pid(), options);
        QVERIFY2(copy.has_value(), copy ? "" : copy.error().message().c_str());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(holdersAtEachStep.front(), 1);
        QCOMPARE(holdersAtEachStep.back(), 2);
        QCOMPARE(map.holderCount(), 2);
        const int row = map.rowCount() - 1;
        QCOMPARE(map.slotAt(row).pid, static_cast<hs::Pid>(m_b.pid()));
        QCOMPARE(map.slotAt(row).value, copy->newHandle);
        QVERIFY(map.slotAt(row).appeared);
        QCOMPARE(map.data(map.index(row, HandleMapModel::StateColumn)).toString(), QStringLiteral("new copy"));
        QVERIFY(!map.failure());
        QCOMPARE(std::string(hs::toString(map.lastStep()->step)), std::string("detached"));
        // The kernel agrees: read the tables again, the same holders.
        QCOMPARE(slotsOf(map), slotsOf(holdersOf(tables({m_a.pid(), m_b.pid()}), m_a.pid(), m_fd).second));

        // A second copy into b that closes a's: b gains a slot, a's goes; still two holders.
        map.beginDuplicate(m_a.pid(), m_fd, m_b.pid(), QStringLiteral("b"));
        QSignalSpy removed(&map, &QAbstractItemModel::rowsRemoved);
        options.closeSource = true;
        auto moved = hs::duplicateHandle(m_a.pid(), m_fd, m_b.pid(), options);
        QVERIFY2(moved.has_value(), moved ? "" : moved.error().message().c_str());
        QCOMPARE(removed.count(), 1);
        QCOMPARE(map.holderCount(), 2);
        QCOMPARE(slotsOf(map), (std::vector<std::pair<hs::Pid, hs::HandleValue>>{{m_b.pid(), copy->newHandle},
                                                                                 {m_b.pid(), moved->newHandle}}));
        QCOMPARE(slotsOf(map), slotsOf(holdersOf(tables({m_a.pid(), m_b.pid()}), m_b.pid(), copy->newHandle).second));
        QVERIFY(!hstest::fdNumbers(m_a.pid()).empty());
        QCOMPARE(hstest::fdLink(m_a.pid(), m_fd), std::string("?")); // closed in a
    }

    // The layout alone: columns split around the object, slots stacked in their column,
    // the map centred in a wider view, the peer object under the caption.
    void layoutPlacesColumnsAroundTheObject()
    {
        const HandleMapMetrics m;
        // Two processes: the first left of the object, the second (two slots) right of it.
        const HandleMapGeometry g = layoutHandleMap({0, 1, 1}, 2, 3, 0, m);
        QCOMPARE(g.columns.size(), std::size_t(2));
        QCOMPARE(g.entries.size(), std::size_t(3));
        QVERIFY(g.isLeft(0) && !g.isLeft(1));
        QVERIFY(g.entries[0].right() < g.object.left());
        QVERIFY(g.entries[1].left() > g.object.right());
        QCOMPARE(g.entries[2].left(), g.entries[1].left());
        QCOMPARE(g.entries[2].top(), g.entries[1].bottom() + m.slotSpacing);
        QVERIFY(g.columns[1].contains(g.entries[2]));
        QVERIFY(g.entries[0].top() >= g.headers[0].bottom());
        QCOMPARE(g.caption.top(), g.object.bottom());
        QVERIFY(g.peerObject.isNull());
        QVERIFY(QRectF(QPointF(0, 0), g.size).contains(g.columns[1].united(g.caption)));
        QCOMPARE(g.size.width(), 2 * m.margin + 2 * (m.columnWidth + m.arrowGap) + m.objectWidth);

        // Wider than needed: centred, the same sizes.
        const qreal wide = g.size.width() + 400;
        const HandleMapGeometry centred = layoutHandleMap({0, 1, 1}, 2, 3, wide, m);
        QCOMPARE(centred.object.center().x(), wide / 2);
        QCOMPARE(centred.entries[1].size(), g.entries[1].size());

        // Three processes: two columns left, one right; a peer's slot in the first column.
        const HandleMapGeometry three = layoutHandleMap({0, 1, 2, 0}, 3, 3, 0, m);
        QCOMPARE(three.leftColumns, 2);
        QVERIFY(three.entries[1].right() < three.object.left() && three.entries[0].right() < three.entries[1].left());
        QVERIFY(three.entries[2].left() > three.object.right());
        QVERIFY(three.peerObject.top() >= three.caption.bottom());
        QVERIFY(three.entries[3].top() > three.entries[0].bottom());
        QVERIFY(three.size.height() >= three.peerObject.bottom());
    }

    void failureStaysAtItsStepAndAddsNothing()
    {
        HandleMapModel map;
        QAbstractItemModelTester tester(&map, QAbstractItemModelTester::FailureReportingMode::QtTest);
        hstest::Child c;
        QCOMPARE(c.startHelper(), std::string());
        auto [object, slots] = holdersOf(tables({c.pid()}), c.pid(), m_fd);
        map.setObject(object, slots);
        hstest::Child gone;
        QCOMPARE(gone.startHelper(), std::string());
        const hs::Pid target = gone.pid();
        gone.stop();
        map.beginDuplicate(c.pid(), m_fd, target, QStringLiteral("gone"));
        QSignalSpy steps(&map, &HandleMapModel::stepReported);
        hs::DuplicateOptions options;
        options.progress = [&](const hs::DuplicateProgress& p) { map.applyProgress(p); };
        auto r = hs::duplicateHandle(c.pid(), m_fd, target, options);
        QVERIFY(!r);
        QVERIFY(map.failure().has_value());
        QCOMPARE(std::string(hs::toString(map.failure()->step)), std::string("pinned"));
        QCOMPARE(map.failure()->error->osName, std::string("ESRCH"));
        QCOMPARE(map.holderCount(), 1);
        QCOMPARE(steps.count(), 2); // the source pinned, then the failure
    }
};

QTEST_GUILESS_MAIN(TestHandleMap)
#include "tst_handlemap.moc"
