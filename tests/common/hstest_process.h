// SPDX-License-Identifier: MIT
#pragma once

// Shared test utilities (hstest_process.h): starting hs_fd_helper (tests/helpers/fd_helper.cpp) and other
// real child processes, and finding the binaries the tests run.
//
// Binaries come from the environment, set by add_test/set_tests_properties:
//   HS_FD_HELPER = $<TARGET_FILE:hs_fd_helper>
//   HS_CLI       = $<TARGET_FILE:handlescope-cli>
//
// Usage:
//   hstest::FdHelper helper;
//   QVERIFY2(helper.start({"--name", "x) (y z"}), qPrintable(helper.errorString()));
//   helper.pid(); helper.tcpPort(); helper.udpPort(); helper.tmpDir();
// The destructor closes the helper's stdin (it exits and removes its files) and reaps it.

#include <QtCore/QByteArray>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QThread>
#include <QtCore/QtGlobal>

namespace hstest {

/// Closes a child's stdin (our helpers exit and clean up on EOF) and waits; kills it if
/// it hangs.
inline void stopChild(QProcess& process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.closeWriteChannel();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

/// A binary path from the environment, empty if the variable is not set or the file is
/// missing (the test should then fail with a message naming the variable).
inline QString binaryFromEnv(const char* variable)
{
    const QString path = qEnvironmentVariable(variable);
    if (path.isEmpty() || !QFile::exists(path))
        return {};
    return path;
}

inline QString fdHelperPath() { return binaryFromEnv("HS_FD_HELPER"); }
inline QString cliPath() { return binaryFromEnv("HS_CLI"); }

/// Number of entries in /proc/PID/fd right now, -1 if unreadable.
inline qint64 procFdCount(qint64 pid)
{
    QDir dir(QStringLiteral("/proc/%1/fd").arg(pid));
    if (!dir.exists())
        return -1;
    return dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System | QDir::Hidden).size();
}

/// hs_fd_helper as a child process: started, "ready" line parsed, stopped on destruction.
class FdHelper {
public:
    // The fd numbers of tests/helpers/fd_helper.cpp (enum Fd there).
    enum Fd : int {
        File = 10,          ///< tmpdir/data.txt O_RDWR, offset 5
        Deleted = 11,       ///< tmpdir/gone.txt, unlinked
        Dir = 12,           ///< tmpdir
        PipeRead = 13,
        PipeWrite = 14,     ///< O_NONBLOCK
        PairA = 15,
        PairB = 16,
        TcpListen = 17,     ///< 127.0.0.1:tcpPort()
        TcpClient = 18,
        TcpServer = 19,
        Udp = 20,           ///< 127.0.0.1:udpPort()
        UnixListen = 21,    ///< tmpdir/hs.sock
        EventFd = 22,       ///< count 7
        TimerFd = 23,
        Epoll = 24,
        Inotify = 25,
        MemFd = 26,         ///< "hs-memfd", offset 4
        PidFd = 27,         ///< the helper's own pid
        OddName = 28,       ///< tmpdir/"odd (name), with\nnewline"
        DevNull = 29,
        AppendNoCloexec = 30, ///< tmpdir/append.log O_WRONLY|O_APPEND, inheritable, offset 3
        SignalFd = 31,
    };
    static constexpr int kFirstFd = File;
    static constexpr int kLastFd = SignalFd;
    static QByteArray oddFileName() { return QByteArrayLiteral("odd (name), with\nnewline"); }

    FdHelper() = default;
    FdHelper(const FdHelper&) = delete;
    FdHelper& operator=(const FdHelper&) = delete;
    ~FdHelper() { stop(); }

    /// Starts the helper and waits for its "ready" line. false + errorString() on failure.
    bool start(const QStringList& arguments = {}, int timeoutMs = 10000)
    {
        const QString path = fdHelperPath();
        if (path.isEmpty()) {
            m_error = QStringLiteral("HS_FD_HELPER is not set or names no file (run the test via ctest)");
            return false;
        }
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(path, arguments);
        if (!m_process.waitForStarted(timeoutMs)) {
            m_error = QStringLiteral("cannot start %1: %2").arg(path, m_process.errorString());
            return false;
        }
        QByteArray line;
        while (!line.endsWith('\n')) {
            if (!m_process.waitForReadyRead(timeoutMs)) {
                m_error = QStringLiteral("hs_fd_helper printed no ready line; stderr: %1")
                              .arg(QString::fromLocal8Bit(m_process.readAllStandardError()));
                return false;
            }
            line += m_process.readAllStandardOutput();
        }
        // "ready <pid> <tcp_port> <udp_port> <tmpdir>" (tmpdir is mkdtemp's: no spaces)
        const QList<QByteArray> words = line.trimmed().split(' ');
        bool okPid = false, okTcp = false, okUdp = false;
        if (words.size() == 5 && words[0] == "ready") {
            m_pid = words[1].toLongLong(&okPid);
            m_tcpPort = words[2].toInt(&okTcp);
            m_udpPort = words[3].toInt(&okUdp);
            m_tmpDir = QString::fromLocal8Bit(words[4]);
        }
        if (!okPid || !okTcp || !okUdp || m_pid != m_process.processId()) {
            m_error = QStringLiteral("bad ready line from hs_fd_helper: '%1'").arg(QString::fromLocal8Bit(line));
            return false;
        }
        return true;
    }

    /// Closes stdin (the helper exits and cleans up) and waits; kills it if it hangs.
    void stop()
    {
        stopChild(m_process);
    }

    [[nodiscard]] qint64 pid() const { return m_pid; }
    [[nodiscard]] int tcpPort() const { return m_tcpPort; }
    [[nodiscard]] int udpPort() const { return m_udpPort; }
    [[nodiscard]] QString tmpDir() const { return m_tmpDir; }
    [[nodiscard]] QString errorString() const { return m_error; }
    QProcess& process() { return m_process; }

private:
    QProcess m_process;
    qint64 m_pid = -1;
    int m_tcpPort = -1;
    int m_udpPort = -1;
    QString m_tmpDir;
    QString m_error;
};

/// Any program that blocks reading stdin ("/bin/sh", "cat", python3 -c ...): started,
/// confirmed alive in /proc, and stopped (stdin closed, then killed) on destruction.
class StdinChild {
public:
    StdinChild() = default;
    StdinChild(const StdinChild&) = delete;
    StdinChild& operator=(const StdinChild&) = delete;
    ~StdinChild() { stop(); }

    bool start(const QString& program, const QStringList& arguments = {}, int timeoutMs = 10000)
    {
        m_process.start(program, arguments);
        if (!m_process.waitForStarted(timeoutMs)) {
            m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
            return false;
        }
        return true;
    }

    /// Waits until the file name of /proc/PID/exe contains `exeName` (the exec has
    /// happened: "dash" for /bin/sh, "python3.11" for python3) and the process sleeps
    /// (blocked on its stdin read, so its fds are in place and stay put).
    bool waitForExec(const QString& exeName, int timeoutMs = 10000)
    {
        const QString exe = QStringLiteral("/proc/%1/exe").arg(pid());
        for (int waited = 0; waited < timeoutMs; waited += 20) {
            const QString target = QFileInfo(QFile::symLinkTarget(exe)).fileName();
            if (target.contains(exeName) && procSleeping()) {
                // Sleeping twice 50 ms apart: not a transient sleep during start-up.
                QThread::msleep(50);
                if (procSleeping() && QFileInfo(QFile::symLinkTarget(exe)).fileName() == target)
                    return true;
            }
            QThread::msleep(20);
        }
        m_error = QStringLiteral("pid %1 did not exec %2 and block in time").arg(pid()).arg(exeName);
        return false;
    }

    void stop()
    {
        stopChild(m_process);
    }

    [[nodiscard]] qint64 pid() const { return m_process.processId(); }
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    // State 'S' in /proc/PID/stat: blocked (on its stdin read, for these programs).
    bool procSleeping() const
    {
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid()));
        if (!f.open(QIODevice::ReadOnly))
            return false;
        const QByteArray text = f.readAll();
        const auto close = text.lastIndexOf(')');
        return close > 0 && text.size() > close + 2 && text.at(close + 2) == 'S';
    }

    QProcess m_process;
    QString m_error;
};

} // namespace hstest
