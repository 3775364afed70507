// SPDX-License-Identifier: MIT
#include "widgets/mainwindow.h"

#include "dialogs/duplicatedialog.h"
#include "dialogs/finddialog.h"
#include "dup/duplicatebackend.h"
#include "log/logmodel.h"
#include "log/qtlogsink.h"
#include "models/handlemodel.h"
#include "models/handleproxymodel.h"
#include "models/processmodel.h"
#include "refresh/machinesearch.h"
#include "refresh/refreshcontroller.h"
#include "util/backgroundrelease.h"
#include "util/platform.h"
#include "util/qtstd.h"
#include "util/tableexport.h"
#include "util/workpool.h"
#include "widgets/detailspane.h"
#include "widgets/handlepane.h"
#include "widgets/logpanel.h"
#include "widgets/processpane.h"

#include "handlescope/inspect.h"
#include "handlescope/log.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QTreeWidget>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <array>

namespace hs::ui {

namespace {
constexpr int DefaultIntervalMs = 2000;
const std::array<int, 4> Intervals{0, 1000, 2000, 5000};
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_processes(new ProcessModel(this))
    , m_handles(new HandleModel(this))
    , m_log(new LogModel(this))
    , m_refresh(new RefreshController(this))
    , m_machine(new MachineSearch(this))
    , m_processPane(new ProcessPane(m_processes, this))
    , m_handlePane(new HandlePane(m_handles, this))
    , m_details(new DetailsPane(m_machine, this))
    , m_logPanel(new LogPanel(m_log, this))
    , m_logDock(new QDockWidget(tr("Log"), this))
    , m_mainSplit(new QSplitter(Qt::Horizontal, this))
    , m_rightSplit(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("HandleScope"));
    setWindowIcon(QIcon(QStringLiteral(":/handlescope/handlescope.svg")));
    m_sink = QtLogSink::attach(m_log);
    m_processes->setPrivilegeHint(qs(platform().privilegeHint));
    // A refresh merges the handle table in slices of at most ~4 ms of UI-thread time, so
    // that with the paint that follows a frame (16 ms) is never missed, even for 100,000
    // handles. The process table (hundreds of rows) merges at once: selecting and jumping
    // rely on its rows being current right after a refresh.
    m_handles->setSliceBudget(std::chrono::milliseconds(4));

    m_rightSplit->addWidget(m_handlePane);
    m_rightSplit->addWidget(m_details);
    m_rightSplit->setStretchFactor(0, 3);
    m_rightSplit->setStretchFactor(1, 1);
    m_mainSplit->addWidget(m_processPane);
    m_mainSplit->addWidget(m_rightSplit);
    m_mainSplit->setStretchFactor(0, 2);
    m_mainSplit->setStretchFactor(1, 3);
    m_mainSplit->setObjectName(QStringLiteral("mainSplitter"));
    m_rightSplit->setObjectName(QStringLiteral("rightSplitter"));
    setCentralWidget(m_mainSplit);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_logPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_handlePane->showMessage(tr("Select a process to see its handles."));

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();

    connect(m_refresh, &RefreshController::finished, this, &MainWindow::onRefreshed);
    connect(m_refresh, &RefreshController::started, this, [this] { m_refreshAction->setEnabled(false); });
    connect(m_refresh, &RefreshController::runningChanged, this,
            [this](bool running) { m_refreshAction->setEnabled(!running); });
    connect(m_processPane, &ProcessPane::currentProcessChanged, this, &MainWindow::onCurrentProcessChanged);
    connect(m_handlePane, &HandlePane::currentHandleChanged, this, &MainWindow::onCurrentHandleChanged);
    connect(m_details, &DetailsPane::jumpRequested, this, &MainWindow::jumpTo);
    connect(m_handlePane->view(), &QWidget::customContextMenuRequested, this, &MainWindow::showHandleMenu);
    connect(m_processPane->view(), &QWidget::customContextMenuRequested, this, &MainWindow::showProcessMenu);
    connect(m_handlePane->view(), &QAbstractItemView::doubleClicked, this, [this] { openDuplicateDialog(); });
    connect(&m_detailWatcher, &QFutureWatcherBase::finished, this, [this] {
        const auto result = m_detailWatcher.result();
        const auto current = m_processPane->currentProcess();
        // Stale guard: only for the process still selected.
        if (!current || !m_detailKey || *current != *m_detailKey)
            return;
        if (!result) {
            m_handles->clear();
            m_handlePane->showMessage(tr("Could not read the handles:\n%1").arg(qs(result.error().message())));
            return;
        }
        m_handlePane->showTable();
        m_handles->show(*current, *result);
        onCurrentHandleChanged();
        applyPendingJump();
    });
    connect(&m_closeWatcher, &QFutureWatcherBase::finished, this, [this] {
        const auto result = m_closeWatcher.result();
        if (!result) {
            hs::log::get("ui")->error("close handle failed: {}", result.error().message());
            QMessageBox::critical(this, tr("Close handle"), qs(result.error().message()));
        } else {
            statusBar()->showMessage(tr("Handle closed."), 5000);
        }
        refresh();
    });

    restoreSettings();
    hs::log::get("ui")->info("HandleScope started ({}), log file {}", platform().name, hs::log::filePath().string());
    refresh();
}

MainWindow::~MainWindow()
{
    // Detach first: after this no worker thread can post into the log model.
    m_sink->detach();
    m_detailWatcher.waitForFinished();
    m_closeWatcher.waitForFinished();
}

DuplicateDialog* MainWindow::duplicateDialog() const { return m_duplicate.data(); }
FindDialog* MainWindow::findDialog() const { return m_find.data(); }

void MainWindow::createActions()
{
    QStyle* s = style();
    m_refreshAction = new QAction(s->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("actionRefresh"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Read all processes and handles again (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_copyAction = new QAction(tr("&Copy"), this);
    m_copyAction->setObjectName(QStringLiteral("actionCopy"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setToolTip(tr("Copy the selected rows as tab-separated text"));
    connect(m_copyAction, &QAction::triggered, this, &MainWindow::copySelection);

    m_findAction = new QAction(s->standardIcon(QStyle::SP_FileDialogContentsView), tr("&Find Handle…"), this);
    m_findAction->setObjectName(QStringLiteral("actionFind"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setToolTip(tr("Search the handles of every process (Ctrl+F)"));
    connect(m_findAction, &QAction::triggered, this, &MainWindow::openFindDialog);

    m_duplicateAction = new QAction(s->standardIcon(QStyle::SP_FileLinkIcon), tr("&Duplicate Handle…"), this);
    m_duplicateAction->setObjectName(QStringLiteral("actionDuplicate"));
    m_duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_duplicateAction->setToolTip(tr("Copy the selected handle into another process (Ctrl+D)"));
    connect(m_duplicateAction, &QAction::triggered, this, [this] { openDuplicateDialog(); });

    m_closeHandleAction = new QAction(s->standardIcon(QStyle::SP_DialogDiscardButton), tr("C&lose Handle in Process…"),
                                      this);
    m_closeHandleAction->setObjectName(QStringLiteral("actionCloseHandle"));
    m_closeHandleAction->setShortcut(QKeySequence::Delete);
    // Only in the handle table: Del in a filter box must still delete text.
    m_closeHandleAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_closeHandleAction->setToolTip(tr("Close the selected handle inside its process (Del)"));
    connect(m_closeHandleAction, &QAction::triggered, this, &MainWindow::closeSelectedHandle);
    m_handlePane->view()->addAction(m_closeHandleAction);

    m_exportCsvAction = new QAction(s->standardIcon(QStyle::SP_DialogSaveButton), tr("Export Handles as &CSV…"), this);
    m_exportCsvAction->setObjectName(QStringLiteral("actionExportCsv"));
    connect(m_exportCsvAction, &QAction::triggered, this, [this] { exportHandles(false); });
    m_exportJsonAction = new QAction(tr("Export Handles as &JSON…"), this);
    m_exportJsonAction->setObjectName(QStringLiteral("actionExportJson"));
    connect(m_exportJsonAction, &QAction::triggered, this, [this] { exportHandles(true); });
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_exportCsvAction);
    file->addAction(m_exportJsonAction);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyAction);
    edit->addAction(m_findAction);
    edit->addAction(tr("Filter &Processes"), QKeySequence(Qt::CTRL | Qt::Key_L), this, [this] {
        m_processPane->filterEdit()->setFocus();
        m_processPane->filterEdit()->selectAll();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    QMenu* autoMenu = view->addMenu(tr("&Automatic Refresh"));
    auto* group = new QActionGroup(this);
    for (int ms : Intervals) {
        QAction* a = autoMenu->addAction(ms == 0 ? tr("Off") : tr("Every %1 s").arg(ms / 1000));
        a->setCheckable(true);
        a->setData(ms);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, ms] { setAutoRefresh(ms); });
    }
    connect(autoMenu, &QMenu::aboutToShow, this, [this, group] {
        for (QAction* a : group->actions())
            a->setChecked(a->data().toInt() == m_refresh->interval());
    });
    view->addSeparator();
    view->addAction(m_logDock->toggleViewAction());

    QMenu* handle = menuBar()->addMenu(tr("&Handle"));
    handle->addAction(m_duplicateAction);
    handle->addAction(m_closeHandleAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Open &Log Folder"), this, [] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QString::fromStdString(hs::log::directory().string())));
    });
    help->addSeparator();
    help->addAction(tr("&About HandleScope"), this, &MainWindow::about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_refreshAction);
    m_intervalCombo = new QComboBox(bar);
    m_intervalCombo->setObjectName(QStringLiteral("refreshInterval"));
    m_intervalCombo->setToolTip(tr("Automatic refresh"));
    for (int ms : Intervals)
        m_intervalCombo->addItem(ms == 0 ? tr("Auto refresh: off") : tr("Auto refresh: %1 s").arg(ms / 1000), ms);
    connect(m_intervalCombo, &QComboBox::activated, this,
            [this] { setAutoRefresh(m_intervalCombo->currentData().toInt()); });
    bar->addWidget(m_intervalCombo);
    bar->addSeparator();
    bar->addAction(m_findAction);
    bar->addAction(m_duplicateAction);
    bar->addAction(m_closeHandleAction);
    bar->addAction(m_exportCsvAction);
}

void MainWindow::createStatusBar()
{
    m_statusProcesses = new QLabel(this);
    m_statusHandles = new QLabel(this);
    m_statusTime = new QLabel(this);
    m_statusTime->setObjectName(QStringLiteral("statusRefresh"));
    statusBar()->addPermanentWidget(m_statusProcesses);
    statusBar()->addPermanentWidget(m_statusHandles);
    statusBar()->addPermanentWidget(m_statusTime);
}

void MainWindow::setAutoRefresh(int milliseconds)
{
    m_refresh->setInterval(milliseconds);
    const int index = m_intervalCombo->findData(milliseconds);
    if (index >= 0)
        m_intervalCombo->setCurrentIndex(index);
}

void MainWindow::restoreSettings()
{
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1200, 760);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplit->restoreState(s.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_rightSplit->restoreState(s.value(QStringLiteral("window/rightSplitter")).toByteArray());
    m_processPane->view()->horizontalHeader()->restoreState(s.value(QStringLiteral("processes/header")).toByteArray());
    m_handlePane->view()->horizontalHeader()->restoreState(s.value(QStringLiteral("handles/header")).toByteArray());
    m_processPane->filterEdit()->setText(s.value(QStringLiteral("processes/filter")).toString());
    m_handlePane->filterEdit()->setText(s.value(QStringLiteral("handles/filter")).toString());
    m_handlePane->hideUnnamedBox()->setChecked(s.value(QStringLiteral("handles/hideUnnamed"), false).toBool());
    m_handlePane->groupBox()->setChecked(s.value(QStringLiteral("handles/groupByType"), false).toBool());
    setAutoRefresh(s.value(QStringLiteral("refresh/intervalMs"), DefaultIntervalMs).toInt());
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/mainSplitter"), m_mainSplit->saveState());
    s.setValue(QStringLiteral("window/rightSplitter"), m_rightSplit->saveState());
    s.setValue(QStringLiteral("processes/header"), m_processPane->view()->horizontalHeader()->saveState());
    s.setValue(QStringLiteral("handles/header"), m_handlePane->view()->horizontalHeader()->saveState());
    s.setValue(QStringLiteral("processes/filter"), m_processPane->filterEdit()->text());
    s.setValue(QStringLiteral("handles/filter"), m_handlePane->filterEdit()->text());
    s.setValue(QStringLiteral("handles/hideUnnamed"), m_handlePane->hideUnnamedBox()->isChecked());
    s.setValue(QStringLiteral("handles/groupByType"), m_handlePane->groupBox()->isChecked());
    s.setValue(QStringLiteral("refresh/intervalMs"), m_refresh->interval());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::refresh() { m_refresh->refresh(); }

void MainWindow::onRefreshed(const std::shared_ptr<RefreshResult>& result)
{
    if (result->error) {
        hs::log::get("ui")->error("refresh failed: {}", result->error->message());
        statusBar()->showMessage(tr("Refresh failed: %1").arg(qs(result->error->message())), 10000);
        return;
    }
    ++m_refreshCount;
    std::int64_t handles = 0;
    for (const auto& p : result->processes)
        handles += std::max<std::int64_t>(0, p.handleCount);
    const int processCount = static_cast<int>(result->processes.size());
    m_processes->merge(result->processes);

    if (const auto current = m_processPane->currentProcess()) {
        if (result->focus == current && result->focusHandles && *result->focusHandles) {
            m_handlePane->showTable();
            m_handles->show(*current, **result->focusHandles); // shared, not copied
        } else {
            showHandlesOf(*current, false);
        }
        onCurrentHandleChanged();
    }

    m_statusProcesses->setText(tr("%n process(es)", nullptr, processCount));
    m_statusHandles->setText(tr("%n handle(s)", nullptr, static_cast<int>(handles)));
    m_statusTime->setText(tr("Refreshed at %1 in %2 ms")
                              .arg(result->finishedAt.toString(QStringLiteral("HH:mm:ss")))
                              .arg(result->elapsedMs));
    applyPendingJump();
}

const hs::ProcessInfo* MainWindow::currentProcessInfo() const
{
    const auto key = m_processPane->currentProcess();
    if (!key)
        return nullptr;
    const int row = m_processes->rowOfKey(*key);
    return row >= 0 ? &m_processes->process(row) : nullptr;
}

void MainWindow::showHandlesOf(const hs::ProcessKey& key, bool readAgain)
{
    const hs::ProcessInfo* info = currentProcessInfo();
    if (info && info->accessError) {
        m_handles->clear();
        m_handlePane->showMessage(tr("HandleScope may not read the handles of %1 (pid %2):\n%3\n\nTo see more: %4")
                                      .arg(qs(info->name))
                                      .arg(info->pid)
                                      .arg(qs(info->accessError->message()), qs(platform().privilegeHint)));
        return;
    }
    if (!info || info->key() != key) {
        m_handles->clear();
        m_handlePane->showMessage(tr("This process has exited."));
        return;
    }
    const bool shown = m_handles->process() == key;
    const bool reading = m_detailWatcher.isRunning() && m_detailKey == key;
    if (!shown) {
        m_handles->clear();
        m_handlePane->showMessage(tr("Reading the handles of %1 (pid %2)…").arg(qs(info->name)).arg(info->pid));
    }
    if ((readAgain || !shown) && !reading) {
        m_detailKey = key;
        m_detailWatcher.setFuture(QtConcurrent::run(workPool(),
            [pid = key.pid] { return shareReleasedInBackground(hs::listHandles(pid, hs::Detail::Full)); }));
    }
}

void MainWindow::onCurrentProcessChanged()
{
    const auto key = m_processPane->currentProcess();
    m_refresh->setFocus(key);
    m_details->clear();
    if (!key) {
        m_handles->clear();
        m_handlePane->showMessage(tr("Select a process to see its handles."));
        return;
    }
    showHandlesOf(*key, true);
}

void MainWindow::onCurrentHandleChanged()
{
    const hs::HandleInfo* h = m_handlePane->currentHandle();
    const hs::ProcessInfo* p = currentProcessInfo();
    if (!h || !p) {
        m_details->clear();
        return;
    }
    m_details->showHandle(*p, *h);
}

void MainWindow::jumpTo(hs::Pid pid, hs::HandleValue value)
{
    m_pendingJump = {pid, value};
    applyPendingJump();
    if (m_pendingJump) // not there yet: look again after a fresh read
        refresh();
}

void MainWindow::applyPendingJump()
{
    if (!m_pendingJump)
        return;
    const auto [pid, value] = *m_pendingJump;
    m_handles->finishMerge(); // the new handle may be in the part not merged yet
    const auto current = m_processPane->currentProcess();
    if (!current || current->pid != pid) {
        if (!m_processPane->selectPid(pid))
            return;
    }
    if (m_handlePane->selectValue(value)) {
        m_handles->flashRow(m_handles->rowOfValue(value));
        m_handlePane->view()->setFocus();
        m_pendingJump.reset();
    }
}

DuplicateDialog* MainWindow::openDuplicateDialog()
{
    const hs::ProcessInfo* p = currentProcessInfo();
    const hs::HandleInfo* h = m_handlePane->currentHandle();
    if (!p || !h) {
        statusBar()->showMessage(tr("Select a handle to duplicate first."), 5000);
        return nullptr;
    }
    if (m_duplicate)
        m_duplicate->close();
    RiskContext context;
    context.selfPid = hs::currentProcessId();
    std::vector<hs::ProcessInfo> targets;
    for (int row = 0; row < m_processes->rowCount(); ++row) {
        if (m_processes->rowAt(row).flash == Flash::Removed)
            continue; // exited: its row stays red for a moment
        const hs::ProcessInfo& process = m_processes->process(row);
        if (process.pid == context.selfPid)
            context.selfUid = process.uid;
        if (process.state != hs::ProcessState::KernelThread && process.state != hs::ProcessState::Zombie)
            targets.push_back(process);
    }
    auto* dialog = new DuplicateDialog(*p, *h, std::move(targets), context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DuplicateDialog::duplicated, this, [this](hs::Pid target, hs::HandleValue value) {
        statusBar()->showMessage(tr("Duplicated into pid %1 as %2 %3").arg(target).arg(qs(platform().handleWord)).arg(value),
                                 10000);
        jumpTo(target, value); // switch to the target and flash the new handle
    });
    connect(dialog, &DuplicateDialog::showInTargetRequested, this, &MainWindow::jumpTo);
    m_duplicate = dialog;
    dialog->open();
    return dialog;
}

void MainWindow::closeSelectedHandle()
{
    const hs::ProcessInfo* p = currentProcessInfo();
    const hs::HandleInfo* h = m_handlePane->currentHandle();
    if (!p || !h || m_closeWatcher.isRunning())
        return;
    const QString object = HandleModel::nameText(*h).isEmpty() ? HandleModel::typeText(*h) : HandleModel::nameText(*h);
    const auto answer = QMessageBox::warning(
        this, tr("Close handle"),
        tr("Close %1 %2 (%3) inside %4 (pid %5)?\n\nThe program does not expect this and may fail or lose data.")
            .arg(qs(platform().handleWord))
            .arg(h->value)
            .arg(object, qs(p->name))
            .arg(p->pid),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    hs::log::get("ui")->info("close {} {} in pid {} ({})", platform().handleWord, h->value, p->pid, p->name);
    m_closeWatcher.setFuture(
        QtConcurrent::run(workPool(), [pid = p->pid, value = h->value] { return runCloseRemote(pid, value); }));
}

void MainWindow::openFindDialog()
{
    if (!m_find) {
        m_find = new FindDialog(m_machine, this);
        connect(m_find, &FindDialog::jumpRequested, this, &MainWindow::jumpTo);
    }
    m_find->show();
    m_find->raise();
    m_find->activateWindow();
}

void MainWindow::copySelection()
{
    auto* view = qobject_cast<QAbstractItemView*>(QApplication::focusWidget());
    if (!view)
        view = m_handlePane->view();
    QApplication::clipboard()->setText(selectionAsTsv(*view));
}

void MainWindow::exportHandles(bool json)
{
    const hs::ProcessInfo* p = currentProcessInfo();
    const QString base = p ? QStringLiteral("handles-%1-%2").arg(qs(p->name)).arg(p->pid) : QStringLiteral("handles");
    const QString path = QFileDialog::getSaveFileName(
        this, json ? tr("Export handles as JSON") : tr("Export handles as CSV"),
        base + (json ? QStringLiteral(".json") : QStringLiteral(".csv")),
        json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(this, tr("Export"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    file.write(json ? modelToJson(*m_handlePane->proxy()) : modelToCsv(*m_handlePane->proxy()).toUtf8());
    statusBar()->showMessage(tr("Exported %n handle(s) to %1", nullptr, m_handlePane->proxy()->rowCount()).arg(path),
                             5000);
}

void MainWindow::showHandleMenu(const QPoint& pos)
{
    QMenu menu(this);
    menu.addAction(m_duplicateAction);
    menu.addAction(m_closeHandleAction);
    menu.addSeparator();
    menu.addAction(m_copyAction);
    menu.addAction(m_exportCsvAction);
    menu.addAction(m_exportJsonAction);
    menu.exec(m_handlePane->view()->viewport()->mapToGlobal(pos));
}

void MainWindow::showProcessMenu(const QPoint& pos)
{
    QMenu menu(this);
    menu.addAction(m_copyAction);
    menu.addAction(m_refreshAction);
    menu.addAction(m_findAction);
    menu.exec(m_processPane->view()->viewport()->mapToGlobal(pos));
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About HandleScope"),
                       tr("<h3>HandleScope %1</h3>"
                          "<p>Inspect the handles (file descriptors) of processes and duplicate them between "
                          "processes.</p><p>Platform: %2<br>Qt %3</p><p>Log file: %4</p>")
                           .arg(QApplication::applicationVersion(), qs(platform().name), QString::fromLatin1(qVersion()),
                                QString::fromStdString(hs::log::filePath().string()).toHtmlEscaped()));
}

} // namespace hs::ui
