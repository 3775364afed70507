// SPDX-License-Identifier: MIT
// The Explain pane in the real main window against the tests' helper process (its fds are
// in tests/common/fd_layout.h): what it says of a handle, the code with the real pid and
// fd, the duplicate dialog's Explain tab following the options, and Copy.
#include "dialogs/duplicatedialog.h"
#include "learn/explaincode.h"
#include "learn/explaintext.h"
#include "learn/explainview.h"
#include "log/qtmessagebridge.h"
#include "models/handlemodel.h"
#include "models/processmodel.h"
#include "resources.h"
#include "widgets/handlepane.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"

#include "child.h"
#include "fd_layout.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace hs::ui;

namespace layout = hstest::layout;

class TestExplain : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<MainWindow> m_window;
    hstest::Child m_helper;
    qint64 m_pid = -1;

    ExplainView* pane() const { return m_window->explainDock()->findChild<ExplainView*>(); }

    // Selects `fd` of the helper as a user would, and waits until the full-detail read
    // (access mode, FD_CLOEXEC) reached the pane.
    void selectHelperFd(int fd, const QString& waitFor)
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->processModel()->rowOfPid(m_pid) >= 0, 10000);
        QVERIFY(m_window->processPane()->selectPid(m_pid));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->handleModel()->rowOfValue(fd) >= 0, 10000);
        QVERIFY(m_window->handlePane()->selectValue(fd));
        QTRY_VERIFY2_WITH_TIMEOUT(
            pane()->explanationText().contains(waitFor), qPrintable(pane()->explanationText()), 15000);
    }

    QCheckBox* option(DuplicateDialog* dialog, const char* name)
    {
        return dialog->findChild<QCheckBox*>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        initResources();
        installQtMessageBridge();
        const std::string error = m_helper.startHelper();
        QVERIFY2(error.empty(), error.c_str());
        m_pid = m_helper.pid();
        m_window
            = std::make_unique<MainWindow>(WindowController::Options { .readerPriority = QThread::NormalPriority });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() > 0, 15000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_helper.stop();
    }

    void viewMenuShowsTheDock()
    {
        QDockWidget* dock = m_window->explainDock();
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        auto* action = m_window->findChild<QAction*>(QStringLiteral("actionExplain"));
        QVERIFY(action);
        // It is in the View menu.
        QMenu* viewMenu = nullptr;
        for (QAction* top : m_window->menuBar()->actions())
            if (top->text() == QStringLiteral("&View"))
                viewMenu = top->menu();
        QVERIFY(viewMenu);
        QVERIFY(viewMenu->actions().contains(action));
        QCOMPARE(action->text(), QStringLiteral("&Explain"));
        action->trigger();
        QTRY_VERIFY(dock->isVisible());
        // Nothing selected yet: it says what it is for, and there is no code to copy.
        QVERIFY(pane()->codeText().isEmpty());
        QVERIFY(!pane()->findChild<QPushButton*>(QStringLiteral("copyExplainCode"))->isEnabled());
    }

    void explainsAReadWriteFile()
    {
        selectHelperFd(layout::File, QStringLiteral("O_RDWR"));
        const QString text = pane()->explanationText();
        QVERIFY2(text.contains(QStringLiteral("fd %1 of ").arg(layout::File)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(pid %1)").arg(m_pid)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Regular file (REG): a file opened with open()")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Opened for reading and writing (O_RDWR).")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Inheritable: no (FD_CLOEXEC is set).")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("close(%1) removes fd %1").arg(layout::File)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Windows handles vs Linux descriptors")), qPrintable(text));
        for (const char* page : { "pidfd_getfd(2)", "unix(7)", "open(2)" })
            QVERIFY2(text.contains(QLatin1String(page)), page);
        const QString code = pane()->codeText();
        QVERIFY2(code.contains(QStringLiteral("int pidfd = pidfd_open(%1, 0);").arg(m_pid)), qPrintable(code));
        QVERIFY2(
            code.contains(QStringLiteral("int fd = pidfd_getfd(pidfd, %1, 0);").arg(layout::File)), qPrintable(code));
    }

    void explainsAnInheritableWriteOnlyFile()
    {
        selectHelperFd(layout::AppendNoCloexec, QStringLiteral("O_WRONLY"));
        const QString text = pane()->explanationText();
        QVERIFY2(text.contains(QStringLiteral("Opened for writing only (O_WRONLY): read() on it fails with EBADF.")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Inheritable: yes (FD_CLOEXEC is clear).")), qPrintable(text));
        QVERIFY2(pane()->codeText().contains(QStringLiteral("pidfd_getfd(pidfd, %1, 0)").arg(layout::AppendNoCloexec)),
            qPrintable(pane()->codeText()));
    }

    void explainsAPipeAndAnEventFd()
    {
        selectHelperFd(layout::PipeRead, QStringLiteral("one end of a pipe"));
        QVERIFY(pane()->explanationText().contains(QStringLiteral("readers get end of file")));
        QVERIFY(pane()->explanationText().contains(QStringLiteral("pipe(7)")));
        selectHelperFd(layout::EventFd, QStringLiteral("an eventfd: a 64-bit counter"));
        QVERIFY(pane()->explanationText().contains(QStringLiteral("eventfd(2)")));
    }

    void copyPutsTheCodeOnTheClipboard()
    {
        selectHelperFd(layout::File, QStringLiteral("O_RDWR"));
        QGuiApplication::clipboard()->setText(QStringLiteral("before"));
        QTest::mouseClick(pane()->findChild<QPushButton*>(QStringLiteral("copyExplainCode")), Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied, pane()->codeText());
        QVERIFY(copied.contains(QStringLiteral("pidfd_open(%1, 0)").arg(m_pid)));
    }

    void duplicateDialogExplainsTheOptions()
    {
        selectHelperFd(layout::File, QStringLiteral("O_RDWR"));
        DuplicateDialog* dialog = m_window->openDuplicateDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* tabs = dialog->findChild<QTabWidget*>(QStringLiteral("previewTabs"));
        QVERIFY(tabs);
        auto* explain = dialog->findChild<ExplainView*>(QStringLiteral("explainView"));
        QVERIFY(explain);
        QCOMPARE(tabs->tabText(tabs->indexOf(explain)), QStringLiteral("Explain"));
        tabs->setCurrentWidget(explain);
        QVERIFY(explain->explanationText().contains(QStringLiteral("Choose a target process.")));
        QVERIFY(explain->codeText().isEmpty());

        const qint64 self = QCoreApplication::applicationPid();
        QVERIFY(dialog->selectTarget(self));
        QString code = explain->codeText();
        QVERIFY2(code.contains(QStringLiteral("pidfd_open(%1, 0)").arg(m_pid)), qPrintable(code));
        QVERIFY2(code.contains(QStringLiteral("pidfd_getfd(pidfd, %1, 0)").arg(layout::File)), qPrintable(code));
        QVERIFY2(code.contains(QStringLiteral("Step 2: pass it to process %1").arg(self)), qPrintable(code));
        QVERIFY2(code.contains(QStringLiteral("cmsg->cmsg_type = SCM_RIGHTS;")), qPrintable(code));
        QVERIFY2(code.contains(QStringLiteral("recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);")), qPrintable(code));
        QVERIFY(!code.contains(QStringLiteral("Close source")));
        QVERIFY(explain->explanationText().contains(QStringLiteral("The copy has FD_CLOEXEC set: not inheritable.")));
        // The core's own list of calls is there too.
        QVERIFY2(explain->explanationText().contains(dialog->previewText().section(QLatin1Char('\n'), 0, 0)),
            qPrintable(explain->explanationText()));

        option(dialog, "inheritable")->click();
        QVERIFY(option(dialog, "inheritable")->isChecked());
        code = explain->codeText();
        QVERIFY2(code.contains(QStringLiteral("recvmsg(sock, &msg, 0);")), qPrintable(code));
        QVERIFY(!code.contains(QStringLiteral("MSG_CMSG_CLOEXEC")));
        QVERIFY(explain->explanationText().contains(QStringLiteral("The copy is inheritable: FD_CLOEXEC clear.")));

        option(dialog, "closeSource")->click();
        QVERIFY(option(dialog, "closeSource")->isChecked());
        code = explain->codeText();
        QVERIFY2(
            code.contains(
                QStringLiteral("Close source: no call closes another process's fd. Process %1 must run").arg(m_pid)),
            qPrintable(code));
        QVERIFY2(code.contains(QStringLiteral("// close(%1);").arg(layout::File)), qPrintable(code));
        QVERIFY(explain->explanationText().contains(QStringLiteral("the descriptor moves")));

        QTest::mouseClick(explain->findChild<QPushButton*>(QStringLiteral("copyExplainCode")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), code);
        dialog->close();
    }

    // The Windows texts are built on every platform: checked here with known values.
    void windowsCodeHasTheRealArguments()
    {
        const ExplainCode windows(ExplainPlatform::Windows);
        hs::DuplicateOptions options;
        QString code = windows.duplicate(1234, 0x1A4, 5678, options);
        QVERIFY2(code.contains(QStringLiteral("HANDLE source = OpenProcess(PROCESS_DUP_HANDLE, FALSE, 1234);")),
            qPrintable(code));
        QVERIFY2(code.contains(QStringLiteral("HANDLE target = OpenProcess(PROCESS_DUP_HANDLE, FALSE, 5678);")),
            qPrintable(code));
        QVERIFY2(code.contains(QStringLiteral("DuplicateHandle(source, (HANDLE)(ULONG_PTR)0x1A4, target, &copy,\n"
                                              "                     0, FALSE, DUPLICATE_SAME_ACCESS))")),
            qPrintable(code));
        options.inheritable = true;
        options.closeSource = true;
        options.desiredAccess = 0x00100002;
        code = windows.duplicate(1234, 0x1A4, 5678, options);
        QVERIFY2(code.contains(QStringLiteral("0x00100002, TRUE, DUPLICATE_CLOSE_SOURCE))")), qPrintable(code));

        hs::HandleInfo event;
        event.value = 0x2C;
        event.kind = hs::HandleKind::Event;
        event.typeName = "Event";
        event.grantedAccess = 0x00100002;
        event.accessText = "EVENT_MODIFY_STATE | SYNCHRONIZE";
        event.inheritable = false;
        const ExplainText text(ExplainPlatform::Windows);
        const QString access = text.access(event);
        QVERIFY2(access.contains(QStringLiteral("Access mask 0x00100002")), qPrintable(access));
        QVERIFY2(access.contains(QStringLiteral("<code>EVENT_MODIFY_STATE</code>: SetEvent and ResetEvent")),
            qPrintable(access));
        QVERIFY(text.inheritable(event).contains(QStringLiteral("bInheritHandle = FALSE")));
        QVERIFY(text.documentation(event.kind).contains(QStringLiteral("DuplicateHandle function (handleapi.h)")));
        QVERIFY(text.documentation(event.kind).contains(QStringLiteral("Handle Inheritance")));
        const QString self = windows.copyIntoSelf(1234, event);
        QVERIFY2(self.contains(QStringLiteral("HANDLE target = GetCurrentProcess();")), qPrintable(self));
        QVERIFY2(self.contains(QStringLiteral("(HANDLE)(ULONG_PTR)0x2C, target")), qPrintable(self));
    }
};

QTEST_MAIN(TestExplain)
#include "tst_explain.moc"
