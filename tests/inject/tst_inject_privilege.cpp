// SPDX-License-Identifier: MIT
// A copy of the tools given file capabilities (cap_sys_ptrace, cap_dac_read_search, as an
// admin might) and run by an unprivileged user (nobody) must not lend those
// rights to that user: no fd of another user's process is copied or closed, the GUI does
// not start. Between the user's own processes the CLI still works.
#include "inject_support.h"

#include <linux/capability.h>
#include <random>
#include <sys/xattr.h>

using namespace inject_test;

namespace {

/// File capabilities cap_dac_read_search,cap_sys_ptrace (effective, permitted), written
/// as the security.capability attribute with setxattr.
std::string setFileCaps(const std::string& path)
{
    vfs_cap_data data {};
    data.magic_etc = VFS_CAP_REVISION_2 | VFS_CAP_FLAGS_EFFECTIVE;
    data.data[0].permitted = (1U << CAP_DAC_READ_SEARCH) | (1U << CAP_SYS_PTRACE);
    if (::setxattr(path.c_str(), "security.capability", &data, XATTR_CAPS_SZ_2, 0) != 0)
        return "setxattr(security.capability) on " + path + ": " + std::strerror(errno);
    return {};
}

std::string copyExecutable(const std::string& from, const std::string& to)
{
    std::error_code ec;
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, ec);
    if (ec || ::chmod(to.c_str(), 0755) != 0)
        return "copy " + from + " to " + to + ": " + ec.message();
    return {};
}

/// "" when no fd of `pid` is the file at `path` (by link text and by inode).
std::string holdsNoFdOf(pid_t pid, const std::string& path)
{
    struct stat file { };
    if (::stat(path.c_str(), &file) != 0)
        return "stat " + path + ": " + std::strerror(errno);
    for (int fd : fdNumbers(pid)) {
        struct stat st { };
        const std::string link = fdLink(pid, fd);
        const bool sameInode = ::stat(("/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd)).c_str(), &st) == 0
            && st.st_dev == file.st_dev && st.st_ino == file.st_ino;
        if (link == path || sameInode)
            return "pid " + std::to_string(pid) + " holds fd " + std::to_string(fd) + " -> " + link;
    }
    return {};
}

/// The refusal must say why: the real user may not touch that process.
bool namesTheRealUser(const std::string& err)
{
    return contains(err, "refus")
        && (contains(err, "real user") || contains(err, "uid 65534") || contains(err, "nobody"));
}

} // namespace

class TestInjectPrivilege : public QObject {
    Q_OBJECT

    std::unique_ptr<TempDir> m_dir; ///< 0755, holds the copies; readable by nobody
    std::string m_cli; ///< handlescope-cli with file capabilities
    std::string m_helper; ///< a copy of hs_fd_helper (no capabilities), for nobody's helpers
    std::string m_secret; ///< root's mode-0600 file
    std::string m_ownFile; ///< nobody's mode-0600 file
    std::string m_secretText;

    /// hs_fd_helper at `path` (a copy nobody can reach), run as nobody.
    static std::string startAsNobody(Child& child, const std::string& path)
    {
        Spawn s;
        s.argv = { path };
        s.asNobody = true;
        return child.startHelper(s);
    }

    Spawn asNobody(std::vector<std::string> argv) const
    {
        Spawn s;
        s.argv = std::move(argv);
        s.asNobody = true;
        s.env = { "HOME=/nonexistent", "HANDLESCOPE_LOG_DIR=" + m_dir->path() + "/logs",
            "XDG_RUNTIME_DIR=" + m_dir->path() + "/runtime" };
        return s;
    }

    /// Tries `parent`: copies, file capabilities, and a probe run as nobody that must
    /// really get them (a nosuid mount or no xattr support would not). "" or why not.
    std::string prepareIn(const std::string& parent)
    {
        m_dir = std::make_unique<TempDir>(parent);
        const std::string d = m_dir->path();
        if (!m_dir->valid() || ::chmod(d.c_str(), 0755) != 0)
            return parent + ": mkdtemp/chmod failed";
        m_cli = d + "/handlescope-cli";
        m_helper = d + "/hs_fd_helper";
        const std::string probe = d + "/cap_probe";
        using Copy = std::pair<std::string, std::string>;
        for (const auto& [from, to] :
            { Copy { HS_CLI_PATH, m_cli }, Copy { fdHelperPath(), m_helper }, Copy { fdHelperPath(), probe } })
            if (auto e = copyExecutable(from, to); !e.empty())
                return e;
        if (auto e = setFileCaps(m_cli); !e.empty())
            return e;
        if (auto e = setFileCaps(probe); !e.empty())
            return e;
        for (const char* sub : { "/logs", "/runtime" })
            if (::mkdir((d + sub).c_str(), 0700) != 0 || ::chown((d + sub).c_str(), kNobody, kNobody) != 0)
                return d + sub + ": " + std::strerror(errno);
        Child p;
        if (auto e = startAsNobody(p, probe); !e.empty())
            return parent + ": the probe did not run as nobody: " + e;
        if (!hasCap(p.pid(), "CapEff", kCapSysPtrace) || statusField(p.pid(), "Uid").rfind("65534", 0) != 0)
            return parent + ": a file-capability copy run as nobody did not get cap_sys_ptrace (CapEff "
                + statusField(p.pid(), "CapEff") + "; a nosuid mount?)";
        return {};
    }

private slots:
    void initTestCase()
    {
        INJECT_REQUIRE_ROOT();
        if (!hasCap(::getpid(), "CapBnd", kCapSysPtrace) || !hasCap(::getpid(), "CapBnd", kCapDacReadSearch))
            QSKIP("cap_sys_ptrace/cap_dac_read_search are not in the bounding set: file capabilities cannot grant "
                  "them here, so the privilege tests cannot run");
        if (statusField(::getpid(), "NoNewPrivs") != "0")
            QSKIP(
                "this test runs with no_new_privs: exec ignores file capabilities, so the privilege tests cannot run");
        std::string reasons;
        bool ready = false;
        for (const std::string& parent :
            { std::string("/tmp"), QCoreApplication::applicationDirPath().toStdString() }) {
            const auto why = prepareIn(parent);
            if (why.empty()) {
                ready = true;
                break;
            }
            reasons += " " + why + ";";
        }
        if (!ready)
            QSKIP(("no place where a copy with file capabilities works for nobody, the privilege tests cannot run:"
                + reasons)
                      .c_str());
        std::mt19937_64 rng(std::random_device {}());
        m_secretText = "handlescope-secret-" + std::to_string(rng()) + "\n";
        m_secret = m_dir->path() + "/secret.txt";
        INJECT_VERIFY_EMPTY(writeFile(m_secret, m_secretText, 0600, 0));
        m_ownFile = m_dir->path() + "/nobody.txt";
        INJECT_VERIFY_EMPTY(writeFile(m_ownFile, "nobody's own file\n", 0600, kNobody));
        std::printf("# capability copies in %s\n", m_dir->path().c_str());
    }

    // nobody with the capable copy: no fd of root's process may reach nobody's process.
    void refusesOtherUsersFd_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("push") << "push";
        QTest::newRow("pull") << "pull";
        QTest::newRow("auto") << "auto";
    }

    void refusesOtherUsersFd()
    {
        QFETCH(QString, method);
        Child root;
        INJECT_VERIFY_EMPTY(root.startHelper());
        const int secretFd = std::atoi(root.ask("open " + m_secret).c_str());
        QVERIFY(secretFd > 2);
        Child mine;
        INJECT_VERIFY_EMPTY(startAsNobody(mine, m_helper));
        QVERIFY(statusField(mine.pid(), "Uid").rfind("65534\t", 0) == 0);
        FdSnapshot before;
        INJECT_VERIFY_EMPTY(before.take(mine.pid()));

        const Run r = runToEnd(asNobody({ m_cli, "dup", "--from", std::to_string(root.pid()), "--handle",
            std::to_string(secretFd), "--to", std::to_string(mine.pid()), "--method", method.toStdString(), "--yes" }));
        INJECT_VERIFY_EMPTY(holdsNoFdOf(mine.pid(), m_secret));
        INJECT_VERIFY_EMPTY(before.compare());
        QVERIFY2(r.exitCode() == 1, r.explain().c_str());
        QVERIFY2(namesTheRealUser(r.err),
            ("stderr must refuse and name the real user: " + r.explain()).c_str());
        INJECT_VERIFY_EMPTY(waitUntraced(mine.pid()));
        INJECT_VERIFY_EMPTY(echoCheck(mine, "untouched"));
        INJECT_VERIFY_EMPTY(echoCheck(root, "untouched"));
    }

    void refusesClosingOtherUsersFd()
    {
        Child root;
        INJECT_VERIFY_EMPTY(root.startHelper());
        const int secretFd = std::atoi(root.ask("open " + m_secret).c_str());
        QVERIFY(secretFd > 2);
        FdSnapshot before;
        INJECT_VERIFY_EMPTY(before.take(root.pid()));
        const Run r = runToEnd(asNobody(
            { m_cli, "close", "--pid", std::to_string(root.pid()), "--handle", std::to_string(secretFd), "--yes" }));
        INJECT_VERIFY_EMPTY(before.compare()); // fd still open, still the secret
        QVERIFY2(r.exitCode() == 1, r.explain().c_str());
        QVERIFY2(namesTheRealUser(r.err),
            ("stderr must refuse and name the real user: " + r.explain()).c_str());
        INJECT_VERIFY_EMPTY(waitUntraced(root.pid()));
        INJECT_VERIFY_EMPTY(echoCheck(root, "still-open"));
    }

    // Between two of nobody's own processes the capable copy does its job.
    void servesOwnProcesses_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("auto") << "auto";
        QTest::newRow("pull") << "pull";
        QTest::newRow("push") << "push";
    }

    void servesOwnProcesses()
    {
        QFETCH(QString, method);
        Child source;
        INJECT_VERIFY_EMPTY(startAsNobody(source, m_helper));
        const int fd = std::atoi(source.ask("open " + m_ownFile).c_str());
        QVERIFY(fd > 2);
        Child target;
        INJECT_VERIFY_EMPTY(startAsNobody(target, m_helper));
        FdSnapshot before;
        INJECT_VERIFY_EMPTY(before.take(target.pid()));
        const Run r = runToEnd(asNobody({ m_cli, "dup", "--from", std::to_string(source.pid()), "--handle",
            std::to_string(fd), "--to", std::to_string(target.pid()), "--method", method.toStdString(), "--yes" }));
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        const int newFd = std::atoi(r.out.c_str());
        QCOMPARE(kcmpFile(target.pid(), newFd, source.pid(), fd), 0L);
        QCOMPARE(before.added(), std::vector<int> { newFd });
        INJECT_VERIFY_EMPTY(waitUntraced(target.pid()));
        INJECT_VERIFY_EMPTY(echoCheck(target, "copied"));
    }

    // The GUI with file capabilities, run by nobody: it stops before QApplication, saying
    // why, instead of offering root's processes to nobody.
    void guiRefusesToStart()
    {
#ifndef HS_GUI_PATH
        QSKIP("built without the GUI (HANDLESCOPE_BUILD_GUI=OFF)");
#else
        const std::string gui = m_dir->path() + "/handlescope";
        INJECT_VERIFY_EMPTY(copyExecutable(HS_GUI_PATH, gui));
        INJECT_VERIFY_EMPTY(setFileCaps(gui));
        Spawn s = asNobody({ gui });
        s.env.push_back("QT_QPA_PLATFORM=offscreen");
        const Run r = runToEnd(s, 5s);
        QVERIFY2(r.status.has_value(), ("the GUI was still running after 5 s (it started): " + r.err).c_str());
        QVERIFY2(WIFEXITED(*r.status) && WEXITSTATUS(*r.status) != 0, r.explain().c_str());
        QVERIFY2(contains(r.err, "file capabilit") || contains(r.err, "setuid"), r.explain().c_str());
#endif
    }
};

QTEST_GUILESS_MAIN(TestInjectPrivilege)
#include "tst_inject_privilege.moc"
