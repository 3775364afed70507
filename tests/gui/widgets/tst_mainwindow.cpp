// SPDX-License-Identifier: MIT
// The real main window against real processes: a helper child holds a pipe and a temp
// file at known fds; the test selects it, duplicates an fd through the dialog and checks
// in /proc (test code may use POSIX) that the target really holds the same object.
#include "dialogs/duplicatedialog.h"
#include "log/logmodel.h"
#include "log/qtmessagebridge.h"
#include "models/handlemodel.h"
#include "models/processmodel.h"
#include "models/roles.h"
#include "reader/reader.h"
#include "resources.h"
#include "widgets/detailspane.h"
#include "widgets/handlepane.h"
#include "widgets/mainwindow.h"
#include "widgets/processpane.h"

#include "child.h"
#include "fd_layout.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <sys/stat.h>
#include <unistd.h>

#include <memory>

using namespace hs::ui;

namespace {

namespace layout = hstest::layout;

/// The test's own helper process (tests/common), holding the fds of fd_layout.h.
struct Helper {
    std::unique_ptr<hstest::Child> child = std::make_unique<hstest::Child>();
    qint64 pid = -1;
    int pipeRead = layout::PipeRead, pipeWrite = layout::PipeWrite, file = layout::File;
    QString path;
};

Helper startHelper()
{
    Helper h;
    if (!h.child->startHelper().empty())
        return h;
    h.pid = h.child->pid();
    h.path = QString::fromStdString(h.child->helper().dir) + QLatin1Char('/')
        + QString::fromUtf8(layout::kFileName.data(), static_cast<qsizetype>(layout::kFileName.size()));
    return h;
}

// (st_dev, st_ino) of what /proc/PID/fd/N points at: the object identity.
std::pair<dev_t, ino_t> objectOf(qint64 pid, qint64 fd)
{
    struct stat st {};
    const QByteArray link = QStringLiteral("/proc/%1/fd/%2").arg(pid).arg(fd).toUtf8();
    if (::stat(link.constData(), &st) != 0)
        return {0, 0};
    return {st.st_dev, st.st_ino};
}

bool logContains(const LogModel& log, const QString& text)
{
    for (int r = 0; r < log.rowCount(); ++r)
        if (log.entry(r).message.contains(text))
            return true;
    return false;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<MainWindow> m_window;
    Helper m_source;

    // Select the helper's file fd in the real window, as a user would.
    void selectSourceFd()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->processModel()->rowOfPid(m_source.pid) >= 0, 10000);
        QVERIFY(m_window->processPane()->selectPid(m_source.pid));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->handleModel()->rowOfValue(m_source.file) >= 0, 10000);
        QVERIFY(m_window->handlePane()->selectValue(m_source.file));
    }

    void refreshAndWait()
    {
        // A read already under way (the timer's) started before this call: F5 is followed
        // by one more that starts after it, and that is the one to wait for.
        const quint64 wanted = m_window->refreshCount() + (m_window->controller()->isRefreshing() ? 2 : 1);
        m_window->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() >= wanted && !m_window->controller()->isRefreshing(), 15000);
    }

    /// Runs one test function of this binary as uid/gid 65534 (nobody), through
    /// tests/common/run_as_nobody.sh, and fails with its output unless it passes.
    static void runAsNobody(const QString& function)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HS_FD_HELPER"), QString::fromStdString(hstest::fdHelperPath()));
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QStringLiteral("/bin/sh"), {QStringLiteral(HS_RUN_AS_NOBODY), QCoreApplication::applicationFilePath(),
                                                function});
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForFinished(60000));
        const QString output = QString::fromLocal8Bit(child.readAll());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("PASS   : TestMainWindow::%1()").arg(function)), qPrintable(output));
    }

    // Clicks "Duplicate anyway" in the risk confirmation when it shows; counts them.
    int m_confirmations = 0;
    void acceptNextConfirmation()
    {
        QTimer::singleShot(50, this, [this] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QStringLiteral("riskConfirmation")) {
                acceptNextConfirmation(); // not shown yet
                return;
            }
            ++m_confirmations;
            QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        initResources();
        installQtMessageBridge();
        m_source = startHelper();
        QVERIFY2(m_source.pid > 0, "helper did not start");
        // Reads at normal priority: the tests run beside others that keep the cores busy,
        // and what they check is behaviour, not scheduling.
        m_window = std::make_unique<MainWindow>(WindowController::Options{.readerPriority = QThread::NormalPriority});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->refreshCount() > 0, 15000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_source.child->stop();
    }

    void showsHelperHandles()
    {
        selectSourceFd();
        auto* model = m_window->handleModel();
        QVERIFY(model->rowOfValue(m_source.pipeRead) >= 0);
        QVERIFY(model->rowOfValue(m_source.pipeWrite) >= 0);
        const int row = model->rowOfValue(m_source.file);
        QCOMPARE(model->handle(row).name, m_source.path.toStdString());
        QCOMPARE(model->index(row, HandleModel::TypeColumn).data().toString(), QStringLiteral("Regular file"));
        // The full-detail read fills access mode and offset (fdinfo), off the UI thread.
        QCOMPARE(model->index(row, HandleModel::OffsetColumn).data().toString(), QString::number(layout::kFileOffset));
        QCOMPARE(model->index(row, HandleModel::AccessColumn).data().toString(), QStringLiteral("rw"));
        QVERIFY(m_window->handlePane()->selectValue(m_source.file));
        // The details pane shows the fields at once; the holders follow from a read of the
        // whole machine. The file is held by the helper alone.
        auto* details = m_window->detailsPane();
        auto* tree = details->tree();
        QVERIFY(tree->topLevelItemCount() >= 2);
        QVERIFY(tree->findItems(m_source.path, Qt::MatchExactly | Qt::MatchRecursive, 1).size() == 1);
        QTRY_VERIFY_WITH_TIMEOUT(!details->holdersPending(), 15000);
        QCOMPARE(tree->findItems(QStringLiteral("Other holders (0)"), Qt::MatchExactly).size(), 1);
        QCOMPARE(tree->findItems(QStringLiteral("No other handle refers to this object."),
                                 Qt::MatchExactly | Qt::MatchRecursive, 1).size(), 1);
        // The pipe's read end: its write end, in the same process, holds the same pipe.
        QVERIFY(m_window->handlePane()->selectValue(m_source.pipeRead));
        QTRY_VERIFY_WITH_TIMEOUT(!details->holdersPending() &&
                                     !tree->findItems(QStringLiteral("Other holders (1)"), Qt::MatchExactly).isEmpty(),
                                 15000);
        // The write end is also the read end's peer ("Other end"): here only the holders count.
        auto writeEnd = tree->findItems(QStringLiteral("fd %1").arg(m_source.pipeWrite),
                                        Qt::MatchExactly | Qt::MatchRecursive, 1);
        writeEnd.removeIf([](QTreeWidgetItem* item) {
            return !item->parent() || !item->parent()->text(0).startsWith(QStringLiteral("Other holders"));
        });
        QCOMPARE(writeEnd.size(), 1);
        QCOMPARE(writeEnd[0]->data(0, Qt::UserRole + 1).toLongLong(), m_source.pid);
        QVERIFY(writeEnd[0]->text(0).contains(QStringLiteral("(pid %1)").arg(m_source.pid)));
        QVERIFY(m_window->handlePane()->selectValue(m_source.file));
        const QString status = m_window->statusRefreshLabel()->text();
        QVERIFY2(status.contains(QStringLiteral("Refreshed at")), qPrintable(status));
    }

    // The JSON export is the CLI's document, from the one writer in core; the CSV the
    // columns as shown. Both hold the rows the filter lets through.
    void exportsWhatIsShown()
    {
        selectSourceFd();
        m_window->handlePane()->filterEdit()->setText(QStringLiteral("data.txt"));
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("h.json")), csv = dir.filePath(QStringLiteral("h.csv"));
        QCOMPARE(m_window->exportHandlesTo(json, true), QString());
        QCOMPARE(m_window->exportHandlesTo(csv, false), QString());
        m_window->handlePane()->filterEdit()->clear();
        QFile jf(json);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(jf.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("schema")).toString(), QStringLiteral("handlescope/1"));
        QCOMPARE(doc.value(QStringLiteral("process")).toObject().value(QStringLiteral("pid")).toInteger(), m_source.pid);
        const QJsonArray handles = doc.value(QStringLiteral("handles")).toArray();
        QCOMPARE(handles.size(), 1);
        const QJsonObject file = handles[0].toObject();
        QCOMPARE(file.value(QStringLiteral("handle")).toInteger(), m_source.file);
        QCOMPARE(file.value(QStringLiteral("name")).toString(), m_source.path);
        QCOMPARE(file.value(QStringLiteral("description")).toString(), m_source.path);
        QCOMPARE(file.value(QStringLiteral("offset")).toInteger(), layout::kFileOffset);
        QFile cf(csv);
        QVERIFY(cf.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(cf.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[1].startsWith(QStringLiteral("%1,0xA,Regular file,%2,rw,no,5,").arg(m_source.file).arg(m_source.path)),
                 qPrintable(lines[1]));
        QVERIFY(m_window->exportHandlesTo(dir.filePath(QStringLiteral("missing/x.json")), true).contains(QStringLiteral("Cannot write")));
    }

    void processFilterKeepsSelection()
    {
        selectSourceFd();
        auto* filter = m_window->processPane()->filterEdit();
        QTest::keyClicks(filter, QString::number(m_source.pid));
        QVERIFY(m_window->processPane()->currentProcess().has_value());
        QCOMPARE(m_window->processPane()->currentProcess()->pid, m_source.pid);
        refreshAndWait();
        QCOMPARE(m_window->processPane()->currentProcess()->pid, m_source.pid);
        QVERIFY(m_window->handlePane()->currentHandle());
        QCOMPARE(m_window->handlePane()->currentHandle()->value, m_source.file);
        filter->clear();
    }

    void duplicateIntoThisProcess()
    {
        selectSourceFd();
        auto* action = m_window->findChild<QAction*>(QStringLiteral("actionDuplicate"));
        QVERIFY(action);
        action->trigger();
        DuplicateDialog* dialog = m_window->duplicateDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const qint64 self = QCoreApplication::applicationPid();
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("targetSearch")), QString::number(self));
        auto* list = dialog->findChild<QTableView*>(QStringLiteral("targetList"));
        QVERIFY(list->model()->rowCount() >= 1);
        int row = -1;
        for (int r = 0; r < list->model()->rowCount(); ++r)
            if (list->model()->index(r, 1).data().toLongLong() == self)
                row = r;
        QVERIFY(row >= 0);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(row, 0)).center());
        QCOMPARE(dialog->target()->pid, self);
        QVERIFY2(dialog->previewText().contains(QString::number(m_source.pid)), qPrintable(dialog->previewText()));

        m_confirmations = 0;
        acceptNextConfirmation(); // the target is HandleScope itself: a risk to confirm
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("duplicateButton")), Qt::LeftButton);
        QCOMPARE(m_confirmations, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
        QVERIFY2(dialog->newHandle().has_value(), qPrintable(dialog->errorText()));
        const qint64 fd = *dialog->newHandle();
        QVERIFY(dialog->findChild<QWidget*>(QStringLiteral("successPanel"))->isVisible());
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("newHandleLabel"))->text(), QString::number(fd));
        QVERIFY(dialog->errorText().isEmpty());

        // The kernel agrees: our new fd is the helper's temp file.
        const auto theirs = objectOf(m_source.pid, m_source.file);
        QVERIFY(theirs.second != 0);
        QCOMPARE(objectOf(self, fd), theirs);
        // The log panel got the core's and the UI's lines.
        QTRY_VERIFY(logContains(*m_window->logModel(), QStringLiteral("as fd %1").arg(fd)));
        // The window switched to the target and selected the new handle, flashing.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->processPane()->currentProcess()
                                     && m_window->processPane()->currentProcess()->pid == self
                                     && m_window->handlePane()->currentHandle()
                                     && m_window->handlePane()->currentHandle()->value == fd,
                                 15000);
        const int flashRow = m_window->handleModel()->rowOfValue(fd);
        QCOMPARE(m_window->handleModel()->index(flashRow, 0).data(FlashRole).toInt(), static_cast<int>(Flash::Added));
        dialog->close();
        ::close(static_cast<int>(fd));
    }

    void duplicateIntoAnotherProcess()
    {
        Helper target = startHelper();
        QVERIFY(target.pid > 0);
        refreshAndWait();
        selectSourceFd();
        DuplicateDialog* dialog = m_window->openDuplicateDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->selectTarget(target.pid));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("duplicateButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
        QVERIFY2(dialog->newHandle().has_value(), qPrintable(dialog->errorText()));
        QCOMPARE(objectOf(target.pid, *dialog->newHandle()), objectOf(m_source.pid, m_source.file));
        dialog->close();
        target.child->stop();
    }

    // A duplicate into the process on screen shows the new handle from the duplicate's own
    // result (hs::handleInfo on the target), in the same event: no read of the table.
    void duplicateIntoTheShownProcessAddsItsRow()
    {
        m_window->controller()->setInterval(0);
        refreshAndWait();
        selectSourceFd();
        QSignalSpy reads(m_window->controller()->reader(), &Reader::handlesRead);
        DuplicateDialog* dialog = m_window->openDuplicateDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->selectTarget(m_source.pid)); // the source itself
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("duplicateButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
        QVERIFY2(dialog->newHandle().has_value(), qPrintable(dialog->errorText()));
        const qint64 fd = *dialog->newHandle();
        const int row = m_window->handleModel()->rowOfValue(fd);
        QVERIFY(row >= 0);
        QCOMPARE(reads.count(), 0);
        QCOMPARE(m_window->handleModel()->handle(row).name, m_source.path.toStdString());
        QCOMPARE(m_window->handleModel()->index(row, 0).data(FlashRole).toInt(), static_cast<int>(Flash::Added));
        QTRY_VERIFY(m_window->handlePane()->currentHandle() && m_window->handlePane()->currentHandle()->value == fd);
        QCOMPARE(objectOf(m_source.pid, fd), objectOf(m_source.pid, m_source.file));
        dialog->close();
        m_window->controller()->setInterval(2000);
    }

    void failingDuplicateShowsBanner()
    {
        Helper target = startHelper();
        QVERIFY(target.pid > 0);
        refreshAndWait();
        selectSourceFd();
        const auto sourceKey = m_window->processPane()->currentProcess();
        DuplicateDialog* dialog = m_window->openDuplicateDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->selectTarget(target.pid));
        // The target exits after it was chosen.
        target.child->kill();
        QVERIFY(target.child->wait(std::chrono::seconds(5)).has_value());
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("duplicateButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
        QVERIFY(!dialog->newHandle().has_value());
        auto* banner = dialog->findChild<QLabel*>(QStringLiteral("errorBanner"));
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QString::number(target.pid)), qPrintable(banner->text()));
        QVERIFY(!dialog->findChild<QWidget*>(QStringLiteral("successPanel"))->isVisible());
        QTRY_VERIFY(logContains(*m_window->logModel(), QStringLiteral("duplicate failed")));
        // Nothing else changed: still on the source process and handle.
        QCOMPARE(m_window->processPane()->currentProcess(), sourceKey);
        QVERIFY(m_window->handlePane()->currentHandle());
        QCOMPARE(m_window->handlePane()->currentHandle()->value, m_source.file);
        dialog->close();
    }

    // An ordinary user sees other users' processes greyed, and selecting one says why its
    // handles are hidden and how to see them. Root sees everything, so as root this test
    // runs itself again as nobody.
    void privilegeMessageForUninspectable()
    {
        if (::geteuid() == 0) {
            runAsNobody(QStringLiteral("privilegeMessageForUninspectable"));
            return;
        }
        const auto* model = m_window->processModel();
        const hs::ProcessInfo* locked = nullptr;
        for (int row = 0; row < model->rowCount() && !locked; ++row)
            if (model->process(row).accessError && model->process(row).pid == 1)
                locked = &model->process(row);
        QVERIFY2(locked, "PID 1 (root's) must be listed as uninspectable for an unprivileged user");
        QVERIFY(model->index(model->rowOfPid(1), 0).data(Qt::ForegroundRole).isValid()); // greyed
        QVERIFY(m_window->processPane()->selectPid(1));
        QVERIFY(m_window->handlePane()->isShowingMessage());
        const QString message = m_window->handlePane()->messageLabel()->text();
        QVERIFY2(message.contains(QStringLiteral("may not read the handles")) && message.contains(QStringLiteral("pid 1"))
                     && message.contains(QStringLiteral("EACCES")) && message.contains(QStringLiteral("To see more")),
                 qPrintable(message));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
