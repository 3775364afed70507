// SPDX-License-Identifier: MIT
#pragma once

// Starts tests/helpers/hs_fd_helper and parses its "ready" line. The helper exits when
// this object closes its stdin.

#include <QProcess>
#include <QString>
#include <QStringList>

class FdHelperProcess {
public:
    explicit FdHelperProcess(const QStringList& args = {})
    {
        m_process.setProgram(QStringLiteral(HS_FD_HELPER));
        m_process.setArguments(args);
        m_process.start();
        if (!m_process.waitForStarted(5000) || !m_process.waitForReadyRead(5000))
            return;
        const QStringList words = QString::fromLocal8Bit(m_process.readLine()).trimmed().split(QLatin1Char(' '));
        if (words.size() == 5 && words[0] == QLatin1String("ready")) {
            pid = words[1].toLongLong();
            tcpPort = words[2].toInt();
            udpPort = words[3].toInt();
            dir = words[4];
        }
    }
    ~FdHelperProcess()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(3000))
            m_process.kill(), m_process.waitForFinished(3000);
    }
    FdHelperProcess(const FdHelperProcess&) = delete;
    FdHelperProcess& operator=(const FdHelperProcess&) = delete;

    [[nodiscard]] bool ready() const { return pid > 0; }

    qint64 pid = -1;
    int tcpPort = 0;
    int udpPort = 0;
    QString dir;

private:
    QProcess m_process;
};
