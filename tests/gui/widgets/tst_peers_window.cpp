// SPDX-License-Identifier: MIT
// Peers in the real main window, against hs_peer_helper (tests/common): the Name column
// names who holds the other end of its socketpair, pipe and loopback TCP connection, the
// details pane lists it, and a double-click on the handle selects the peer's process and fd.
#include "log/qtmessagebridge.h"
#include "models/handlemodel.h"
#include "models/processmodel.h"
#include "models/roles.h"
#include "resources.h"
#include "widgets/detailspane.h"
#include "widgets/handlepane.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"

#include "peer_helper.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace hs::ui;

namespace {

QString peer(const char* name, qint64 pid, int fd) { return QStringLiteral("%1 (%2) fd %3").arg(QLatin1String(name)).arg(pid).arg(fd); }

/// The view's index of the handle row with this value (filters and sorting applied).
QModelIndex viewIndexOf(QTableView* view, qint64 value, int column)
{
    QAbstractItemModel* model = view->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(HandleValueRole).toLongLong() == value)
            return model->index(row, column);
    return {};
}

} // namespace

class TestPeersWindow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<hstest::PeerHelper> m_helper;

    QString nameOf(int fd) const
    {
        const int row = m_window->handleModel()->rowOfValue(fd);
        return row < 0 ? QString() : m_window->handleModel()->index(row, HandleModel::NameColumn).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        initResources();
        installQtMessageBridge();
        m_helper = std::make_unique<hstest::PeerHelper>();
        const std::string why = m_helper->start();
        QVERIFY2(why.empty(), why.c_str());
        m_window = std::make_unique<MainWindow>(WindowController::Options{.readerPriority = QThread::NormalPriority});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() > 0, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->processModel()->rowOfPid(m_helper->pid()) >= 0, 15000);
        QVERIFY(m_window->processPane()->selectPid(m_helper->pid()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->handleModel()->rowOfValue(m_helper->tcpServer) >= 0, 15000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_helper.reset();
    }

    void nameColumn_showsPeers()
    {
        const int pipeRow = m_window->handleModel()->rowOfValue(m_helper->pipeRead);
        QVERIFY(pipeRow >= 0);
        const std::string pipeName = m_window->handleModel()->handle(pipeRow).name;
        QCOMPARE(nameOf(m_helper->pipeRead), QString::fromStdString(pipeName) + QStringLiteral(" -> ") +
                                                 peer("hs_peer_child", m_helper->child, m_helper->childPipeWrite));
        QCOMPARE(nameOf(m_helper->pairA),
                 QStringLiteral("unix/stream CONNECTED -> ") + peer("hs_peer_helper", m_helper->pid(), m_helper->pairB));
        QCOMPARE(nameOf(m_helper->pairB),
                 QStringLiteral("unix/stream CONNECTED -> ") + peer("hs_peer_helper", m_helper->pid(), m_helper->pairA));
        const QString tcp = nameOf(m_helper->tcpServer);
        QVERIFY2(tcp.startsWith(QStringLiteral("tcp 127.0.0.1:")) &&
                     tcp.endsWith(QStringLiteral(" ESTABLISHED -> ") +
                                  peer("hs_peer_child", m_helper->child, m_helper->childTcpClient)),
                 qPrintable(tcp));
    }

    void detailsPane_listsPeers()
    {
        QVERIFY(m_window->handlePane()->selectValue(m_helper->tcpServer));
        QTreeWidget* tree = m_window->detailsPane()->tree();
        const auto sections = tree->findItems(QStringLiteral("Other end (1)"), Qt::MatchExactly);
        QCOMPARE(sections.size(), 1);
        QCOMPARE(sections.front()->childCount(), 1);
        QCOMPARE(sections.front()->child(0)->text(0), QStringLiteral("hs_peer_child (pid %1)").arg(m_helper->child));
        QCOMPARE(sections.front()->child(0)->text(1), QStringLiteral("fd %1").arg(m_helper->childTcpClient));
    }

    void doubleClick_selectsThePeer()
    {
        QVERIFY(m_window->handlePane()->selectValue(m_helper->pipeRead));
        QTableView* view = m_window->handlePane()->view();
        const QModelIndex cell = viewIndexOf(view, m_helper->pipeRead, HandleModel::NameColumn);
        QVERIFY(cell.isValid());
        view->scrollTo(cell);
        const QPoint at = view->visualRect(cell).center();
        // A double-click is a press, release and double-click on the viewport.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->processPane()->currentProcess() &&
                                     m_window->processPane()->currentProcess()->pid == m_helper->child &&
                                     m_window->handlePane()->currentHandle() &&
                                     m_window->handlePane()->currentHandle()->value == m_helper->childPipeWrite,
                                 15000);
        // ... and from the child's write end back to the helper's read end.
        QTRY_COMPARE_WITH_TIMEOUT(nameOf(m_helper->childPipeWrite).endsWith(
                                      QStringLiteral(" -> ") + peer("hs_peer_helper", m_helper->pid(), m_helper->pipeRead)),
                                  true, 15000);
    }
};

QTEST_MAIN(TestPeersWindow)
#include "tst_peers_window.moc"
