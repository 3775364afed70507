// SPDX-License-Identifier: MIT
// The open-site report's grouping and wording on hand-built values: live fds matched to the
// stacks that opened them, by number and by the identity of their file, and the lines
// people read ("20 sockets", "f1 <- f2 <- f3" after libc's wrapper).

#include "common/open_sites_group.h"

#include <QTest>

using namespace hs;

namespace {

HandleInfo fd(HandleValue value, HandleKind kind, ObjectId object = {})
{
    HandleInfo h;
    h.value = value;
    h.kind = kind;
    h.object = object;
    return h;
}

StackFrame frame(std::string function, std::string module)
{
    return {.address = 0x1000, .function = std::move(function), .signature = {}, .module = std::move(module), .file = {}, .line = 0};
}

} // namespace

class TestOpenSiteGroup : public QObject {
    Q_OBJECT

private slots:
    void groupsLiveFdsBySite()
    {
        const std::vector<std::vector<StackFrame>> stacks{
            {frame("__open", "libc.so.6"), frame("openLog", "app"), frame("main", "app")},
            {frame("__socket", "libc.so.6"), frame("Client::connect", "app"), frame("Pool::grow", "app"),
             frame("main", "app")},
            {frame("pipe2", "libc.so.6"), frame("spawn", "app")}, // all its fds closed since
        };
        std::map<HandleValue, TracedFd> traced{
            {3, {0, {8, 100}}},
            {4, {1, {9, 200}}},
            {5, {1, {9, 201}}},
            {6, {1, {}}},        // identity not read: the number decides
            {7, {0, {8, 300}}},  // the fd now refers to another file: a close the trace missed
            {42, {2, {}}},       // not open any more
        };
        const std::vector<HandleInfo> live{
            fd(0, HandleKind::CharDevice),       fd(3, HandleKind::RegularFile, {8, 100}),
            fd(4, HandleKind::Socket, {9, 200}), fd(5, HandleKind::Socket, {9, 201}),
            fd(6, HandleKind::Socket, {9, 202}), fd(7, HandleKind::RegularFile, {8, 999}),
        };
        OpenSiteReport r;
        groupBySite(traced, stacks, live, r);
        QCOMPARE(r.sites.size(), std::size_t{2});
        // Most fds first.
        QCOMPARE(r.sites[0].fds, (std::vector<HandleValue>{4, 5, 6}));
        QCOMPARE(r.sites[0].stack.size(), std::size_t{4});
        QCOMPARE(describeKinds(r.sites[0]), std::string("3 sockets"));
        QCOMPARE(describeSite(r.sites[0]), std::string("Client::connect <- Pool::grow <- main"));
        QCOMPARE(r.sites[1].fds, (std::vector<HandleValue>{3}));
        QCOMPARE(describeKinds(r.sites[1]), std::string("1 regular file"));
        QCOMPARE(describeSite(r.sites[1], 1), std::string("openLog"));
        QCOMPARE(r.unknownOrigin.fds, (std::vector<HandleValue>{0, 7}));
        QCOMPARE(describeKinds(r.unknownOrigin), std::string("2 fds (1 character device, 1 regular file)"));
    }

    void sharedInodesMatchByNumber()
    {
        // Anonymous inodes share one inode: their identity tells nothing, the number does.
        ObjectId anon{7, 1};
        anon.sharedInode = true;
        const std::map<HandleValue, TracedFd> traced{{3, {0, {7, 1}}}};
        OpenSiteReport r;
        groupBySite(traced, {{frame("eventfd", "libc.so.6"), frame("Loop::Loop", "app")}},
                    {fd(3, HandleKind::EventFd, anon)}, r);
        QCOMPARE(r.sites.size(), std::size_t{1});
        QCOMPARE(describeKinds(r.sites[0]), std::string("1 eventfd"));
        QVERIFY(r.unknownOrigin.fds.empty());
    }

    void framesForPeople()
    {
        StackFrame f{.address = 0x7f00, .function = {}, .signature = {}, .module = "libfoo.so", .file = {}, .line = 0};
        QCOMPARE(describeFrame(f), std::string("0x7f00 (libfoo.so)"));
        f.function = "Pool::grow";
        f.file = "/src/app/pool.cpp";
        f.line = 42;
        QCOMPARE(describeFrame(f), std::string("Pool::grow (pool.cpp:42)"));
        // A stack of nothing but the C library still says something.
        OpenSite site;
        site.stack = {frame("__open", "libc.so.6")};
        QCOMPARE(describeSite(site), std::string("__open"));
        QCOMPARE(describeSite(OpenSite{}), std::string("an unknown stack"));
    }
};

QTEST_GUILESS_MAIN(TestOpenSiteGroup)
#include "tst_open_site_group.moc"
