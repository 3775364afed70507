// SPDX-License-Identifier: MIT
// tst_cli_peers: who holds the other end, through handlescope-cli, on hs_peer_helper (a
// socketpair held at both ends, a pipe and a loopback TCP connection whose other ends its
// child holds). `handles PID` names them in the table and the JSON, --no-peers leaves them
// out, `snapshot --peers --json` names them for the helper and its child.

#include "peer_helper.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QTest>

#include <memory>

using namespace std::chrono_literals;

namespace {

hstest::Run cli(const QStringList& args)
{
    hstest::Spawn spec;
    spec.argv = {HS_CLI_PATH};
    for (const QString& a : args)
        spec.argv.push_back(a.toStdString());
    return hstest::runToEnd(spec, 120s);
}

QJsonObject jsonOf(const std::string& out) { return QJsonDocument::fromJson(QByteArray::fromStdString(out)).object(); }

QJsonObject handleOf(const QJsonArray& handles, int fd)
{
    for (const QJsonValue& v : handles)
        if (v.toObject().value(QLatin1String("handle")).toInteger() == fd)
            return v.toObject();
    return {};
}

/// The "peers" array of a handle as "process (pid) fd N" lines, to compare whole.
QStringList peersOf(const QJsonObject& handle)
{
    QStringList out;
    for (const QJsonValue& v : handle.value(QLatin1String("peers")).toArray()) {
        const QJsonObject p = v.toObject();
        out << QStringLiteral("%1 (%2) fd %3")
                   .arg(p.value(QLatin1String("process")).toString())
                   .arg(p.value(QLatin1String("pid")).toInteger())
                   .arg(p.value(QLatin1String("handle")).toInteger());
    }
    return out;
}

QString peer(const char* name, qint64 pid, int fd) { return QStringLiteral("%1 (%2) fd %3").arg(QLatin1String(name)).arg(pid).arg(fd); }

} // namespace

class TestCliPeers : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_helper = std::make_unique<hstest::PeerHelper>();
        const std::string why = m_helper->start();
        QVERIFY2(why.empty(), why.c_str());
    }
    void cleanup() { m_helper.reset(); }

    void handles_json()
    {
        const auto r = cli({"handles", QString::number(m_helper->pid()), "--json"});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        const QJsonArray handles = jsonOf(r.out).value(QLatin1String("handles")).toArray();
        expectHelperPeers(handles);
    }

    void handles_table()
    {
        const auto r = cli({"handles", QString::number(m_helper->pid())});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        const QStringList lines = QString::fromStdString(r.out).split(QLatin1Char('\n'));
        const auto lineOf = [&](int fd) {
            for (const QString& line : lines)
                if (line.trimmed().startsWith(QString::number(fd) + QLatin1Char(' ')))
                    return line;
            return QString();
        };
        const QString pipe = lineOf(m_helper->pipeRead);
        QVERIFY2(pipe.endsWith(QStringLiteral(" -> ") + peer("hs_peer_child", m_helper->child, m_helper->childPipeWrite)),
                 qPrintable(pipe));
        const QString pair = lineOf(m_helper->pairA);
        QVERIFY2(pair.endsWith(QStringLiteral(" -> ") + peer("hs_peer_helper", m_helper->pid(), m_helper->pairB)),
                 qPrintable(pair));
        const QString tcp = lineOf(m_helper->tcpServer);
        QVERIFY2(tcp.contains(QStringLiteral(" ESTABLISHED -> ") + peer("hs_peer_child", m_helper->child, m_helper->childTcpClient)),
                 qPrintable(tcp));
    }

    void handles_noPeers()
    {
        const auto r = cli({"handles", QString::number(m_helper->pid()), "--json", "--no-peers"});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        const QJsonArray handles = jsonOf(r.out).value(QLatin1String("handles")).toArray();
        for (int fd : {m_helper->pairA, m_helper->pipeRead, m_helper->tcpServer}) {
            const QJsonObject h = handleOf(handles, fd);
            QVERIFY(h.value(QLatin1String("peers")).isArray());
            QVERIFY2(peersOf(h).isEmpty(), qPrintable(peersOf(h).join(QLatin1String(", "))));
        }
    }

    void snapshot_peers_json()
    {
        const auto r = cli({"snapshot", "--peers", "--json"});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        const QJsonArray processes = jsonOf(r.out).value(QLatin1String("processes")).toArray();
        QJsonArray helper, child;
        for (const QJsonValue& v : processes) {
            const QJsonObject p = v.toObject();
            const qint64 pid = p.value(QLatin1String("pid")).toInteger();
            if (pid == m_helper->pid())
                helper = p.value(QLatin1String("handles")).toArray();
            else if (pid == m_helper->child)
                child = p.value(QLatin1String("handles")).toArray();
        }
        QVERIFY2(!helper.isEmpty() && !child.isEmpty(), "the helper or its child is missing from the snapshot");
        expectHelperPeers(helper);
        QCOMPARE(peersOf(handleOf(child, m_helper->childPipeWrite)),
                 QStringList{peer("hs_peer_helper", m_helper->pid(), m_helper->pipeRead)});
        QCOMPARE(peersOf(handleOf(child, m_helper->childTcpClient)),
                 QStringList{peer("hs_peer_helper", m_helper->pid(), m_helper->tcpServer)});
    }

private:
    void expectHelperPeers(const QJsonArray& handles)
    {
        QCOMPARE(peersOf(handleOf(handles, m_helper->pairA)), QStringList{peer("hs_peer_helper", m_helper->pid(), m_helper->pairB)});
        QCOMPARE(peersOf(handleOf(handles, m_helper->pairB)), QStringList{peer("hs_peer_helper", m_helper->pid(), m_helper->pairA)});
        QCOMPARE(peersOf(handleOf(handles, m_helper->pipeRead)),
                 QStringList{peer("hs_peer_child", m_helper->child, m_helper->childPipeWrite)});
        QCOMPARE(peersOf(handleOf(handles, m_helper->tcpServer)),
                 QStringList{peer("hs_peer_child", m_helper->child, m_helper->childTcpClient)});
    }

    std::unique_ptr<hstest::PeerHelper> m_helper;
};

QTEST_GUILESS_MAIN(TestCliPeers)
#include "tst_cli_peers.moc"
