// SPDX-License-Identifier: MIT
#include "widgets/mainwindow.h"

#include "dialogs/duplicatedialog.h"
#include "dialogs/finddialog.h"
#include "hunt/huntdocks.h"
#include "learn/explainview.h"
#include "map/handlemapmodel.h"
#include "map/objectmappane.h"
#include "learn/learnhintbar.h"
#include "learn/learnwindow.h"
#include "learn/threewayswindow.h"
#include "hunt/snapshotdiffpane.h"
#include "leaks/leaksampler.h"
#include "leaks/leakviews.h"
#include "log/logmodel.h"
#include "log/qtlogsink.h"
#include "models/handlemodel.h"
#include "models/handleproxymodel.h"
#include "models/processmodel.h"
#include "util/platform.h"
#include "util/qtstd.h"
#include "util/tableexport.h"
#include "util/vocabulary.h"
#include "widgets/detailspane.h"
#include "widgets/handlepane.h"
#include "widgets/logpanel.h"
#include "widgets/privilegebar.h"
#include "widgets/processpane.h"

#include "handlescope/describe.h"
#include "handlescope/inspect.h"
#include "handlescope/json.h"
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
#include <QScreen>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QTreeWidget>
#include <QUrl>

#include <array>

namespace hs::ui {

namespace {
constexpr int DefaultIntervalMs = 2000;
const std::array<int, 4> Intervals{0, 1000, 2000, 5000};
} // namespace

MainWindow::MainWindow(WindowController::Options options, QWidget* parent)
    : QMainWindow(parent)
    , m_controller(new WindowController(options, this))
    , m_log(new LogModel(this))
    , m_processPane(new ProcessPane(m_controller->processModel(), this))
    , m_handlePane(new HandlePane(m_controller->handleModel(), this))
    , m_details(new DetailsPane(this))
    , m_logPanel(new LogPanel(m_log, this))
    , m_logDock(new QDockWidget(tr("Log"), this))
    , m_mainSplit(new QSplitter(Qt::Horizontal, this))
    , m_rightSplit(new QSplitter(Qt::Vertical, this))
    , m_privilegeBar(new PrivilegeBar(this))
    , m_learnHint(new LearnHintBar(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("HandleScope"));
    setWindowIcon(QIcon(QStringLiteral(":/handlescope/handlescope.svg")));
    m_sink = QtLogSink::attach(m_log);
    processModel()->setPrivilegeHint(privilegeHint());

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
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_privilegeBar);
    centralLayout->addWidget(m_learnHint);
    centralLayout->addWidget(m_mainSplit, 1);
    setCentralWidget(central);
    connect(m_privilegeBar, &PrivilegeBar::restarted, this, &QWidget::close);
    connect(m_learnHint, &LearnHintBar::startRequested, this, &MainWindow::openLearnWindow);
    m_learnHint->showIfUnanswered();
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_logPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_hunt = new HuntDocks(this, m_logDock);
    m_explainDock = ExplainView::addDock(this);
    m_objectMapDock = ObjectMapPane::addDock(this);
    m_leaks = new LeakViews(this, m_processPane);
    // A snapshot taken for the diff is a marker on the count chart.
    connect(m_hunt->diffPane(), &SnapshotDiffPane::snapshotTaken, m_leaks->sampler(),
            [sampler = m_leaks->sampler()](qint64, const QDateTime&, const QString& label) {
                sampler->markSnapshot(tr("Snapshot %1").arg(label));
            });
    m_handlePane->showMessage(tr("Select a process to see its handles."));

    createActions();
    createProcessViewActions();
    createMenus();
    createToolBar();
    createStatusBar();

    connectController();
    connect(m_details, &DetailsPane::jumpRequested, this, &MainWindow::jumpTo);
    connect(m_handlePane->view(), &QWidget::customContextMenuRequested, this, &MainWindow::showHandleMenu);
    connect(m_processPane->view(), &QWidget::customContextMenuRequested, this, &MainWindow::showProcessMenu);
    connect(m_processPane->treeView(), &QWidget::customContextMenuRequested, this, &MainWindow::showProcessMenu);
    connect(m_handlePane->view(), &QAbstractItemView::doubleClicked, this, [this] { jumpToPeerOrDuplicate(); });

    restoreSettings();
    hs::log::get("ui")->info("HandleScope started ({}), log file {}", platform().name, hs::log::filePath().string());
    refresh();
}

LearnWindow* MainWindow::openLearnWindow()
{
    if (!m_learn) {
        // A window of its own, deleted when closed (its demo processes end with it) and
        // with this window when the app quits.
        m_learn = new LearnWindow(this);
        m_learn->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_learn, &LearnWindow::nextLessonRequested, this, &MainWindow::openThreeWaysWindow);
    }
    m_learn->show();
    m_learn->raise();
    m_learn->activateWindow();
    return m_learn;
}

ThreeWaysWindow* MainWindow::openThreeWaysWindow()
{
    if (!m_threeWays) {
        m_threeWays = new ThreeWaysWindow(this);
        m_threeWays->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_threeWays->show();
    m_threeWays->raise();
    m_threeWays->activateWindow();
    return m_threeWays;
}

MainWindow::~MainWindow()
{
    // Detach first: after this no worker thread can post into the log model.
    m_sink->detach();
    // Closing hides the docks: a shown Object Map would call back into this half-destroyed window.
    disconnect(m_objectMapDock, nullptr, this, nullptr);
}

ProcessModel* MainWindow::processModel() const { return m_controller->processModel(); }
HandleModel* MainWindow::handleModel() const { return m_controller->handleModel(); }

void MainWindow::connectController()
{
    WindowController* c = m_controller;
    connect(m_processPane, &ProcessPane::currentProcessChanged, c, [this, c] {
        c->setFocus(m_processPane->currentProcess());
        const hs::ProcessInfo* p = c->focusedProcess();
        m_hunt->setProcess(p ? std::optional(p->pid) : std::nullopt, p ? qs(p->name) : QString());
    });
    connect(m_handlePane, &HandlePane::currentHandleChanged, c, [this, c] {
        c->setCurrentHandle(m_handlePane->currentRow());
        const hs::ProcessInfo* p = c->focusedProcess();
        const hs::HandleInfo* h = c->currentHandle();
        m_hunt->setCurrentHandle(p ? std::optional(p->pid) : std::nullopt, h ? std::optional(h->value) : std::nullopt);
    });
    connect(c, &WindowController::refreshingChanged, this, [this](bool busy) { m_refreshAction->setEnabled(!busy); });
    connect(c, &WindowController::refreshed, this, [this](int processes, qint64 handles, qint64 ms, const QDateTime& at) {
        m_statusProcesses->setText(tr("%n process(es)", nullptr, processes));
        m_statusHandles->setText(tr("%n handle(s)", nullptr, static_cast<int>(handles)));
        m_statusTime->setText(tr("Refreshed at %1 in %2 ms").arg(at.toString(QStringLiteral("HH:mm:ss"))).arg(ms));
        updatePrivilegeBar();
    });
    connect(c, &WindowController::refreshFailed, this,
            [this](const QString& message) { statusBar()->showMessage(tr("Refresh failed: %1").arg(message), 10000); });
    connect(c, &WindowController::handlesMessage, this, [this](const QString& message) {
        if (message.isEmpty())
            m_handlePane->showTable();
        else
            m_handlePane->showMessage(message);
    });
    connect(c, &WindowController::detailsChanged, m_details, &DetailsPane::showHandle);
    connect(c, &WindowController::detailsCleared, m_details, &DetailsPane::clear);
    auto* explain = static_cast<ExplainView*>(m_explainDock->widget());
    connect(c, &WindowController::detailsChanged, explain, &ExplainView::showHandle);
    connect(c, &WindowController::detailsCleared, explain, &ExplainView::clear);
    connect(c, &WindowController::holdersChanged, m_details, &DetailsPane::showHolders);
    // The Object Map follows the selection while it is shown, and catches up when shown.
    connect(c, &WindowController::detailsChanged, this, &MainWindow::updateObjectMap);
    connect(c, &WindowController::holdersChanged, this, &MainWindow::updateObjectMap);
    connect(c, &WindowController::detailsCleared, this, &MainWindow::updateObjectMap);
    connect(m_objectMapDock, &QDockWidget::visibilityChanged, this, &MainWindow::updateObjectMap);
    connect(c, &WindowController::selectProcessRequested, this, [this](hs::Pid pid) { m_processPane->selectPid(pid); });
    connect(c, &WindowController::selectHandleRequested, this, [this](hs::HandleValue value) {
        if (m_handlePane->selectValue(value))
            m_handlePane->view()->setFocus();
    });
    connect(c, &WindowController::duplicateFinished, this, [this](const DuplicateOutcome& outcome) {
        if (m_duplicate)
            m_duplicate->finish(outcome);
        if (outcome.result)
            statusBar()->showMessage(tr("Duplicated into pid %1 as %2 %3")
                                         .arg(outcome.target)
                                         .arg(handleWord())
                                         .arg(outcome.result->newHandle),
                                     10000);
    });
    connect(c, &WindowController::closeFinished, this, [this](const std::optional<hs::Error>& error) {
        if (error)
            QMessageBox::critical(this, tr("Close handle"), qs(error->message()));
        else
            statusBar()->showMessage(tr("Handle closed."), 5000);
    });
}

void MainWindow::updateObjectMap()
{
    if (!m_objectMapDock->isVisible())
        return;
    auto* pane = static_cast<ObjectMapPane*>(m_objectMapDock->widget());
    const hs::ProcessInfo* p = m_controller->focusedProcess();
    const hs::HandleInfo* h = m_controller->currentHandle();
    if (p && h)
        pane->showHandle(*p, *h, m_controller->holderTables());
    else
        pane->clear();
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
            a->setChecked(a->data().toInt() == m_controller->interval());
    });
    view->addSeparator();
    view->addAction(m_treeAction);
    view->addAction(m_kernelThreadsAction);
    view->addSeparator();
    view->addAction(m_logDock->toggleViewAction());
    view->addAction(m_hunt->diffDock()->toggleViewAction());
    view->addAction(m_hunt->openedByDock()->toggleViewAction());
    view->addAction(m_explainDock->toggleViewAction());
    view->addAction(m_objectMapDock->toggleViewAction());
    m_leaks->addMenuEntries(view);

    QMenu* handle = menuBar()->addMenu(tr("&Handle"));
    handle->addAction(m_duplicateAction);
    handle->addAction(m_closeHandleAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* learn = help->addAction(tr("Learn &Handle Sharing…"), this, &MainWindow::openLearnWindow);
    learn->setObjectName(QStringLiteral("actionLearn"));
    QAction* threeWays = help->addAction(tr("&Three Ways to Share an Object…"), this, &MainWindow::openThreeWaysWindow);
    threeWays->setObjectName(QStringLiteral("actionThreeWays"));
    help->addSeparator();
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
    bar->addAction(m_treeAction);
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
    m_controller->setInterval(milliseconds);
    const int index = m_intervalCombo->findData(milliseconds);
    if (index >= 0)
        m_intervalCombo->setCurrentIndex(index);
}

void MainWindow::restoreSettings()
{
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        applyDefaultLayout();
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplit->restoreState(s.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_rightSplit->restoreState(s.value(QStringLiteral("window/rightSplitter")).toByteArray());
    m_processPane->view()->horizontalHeader()->restoreState(s.value(QStringLiteral("processes/header")).toByteArray());
    m_processPane->treeView()->header()->restoreState(s.value(QStringLiteral("processes/treeHeader")).toByteArray());
    m_treeAction->setChecked(s.value(QStringLiteral("processes/tree"), true).toBool());
    m_kernelThreadsAction->setChecked(s.value(QStringLiteral("processes/kernelThreads"), false).toBool());
    m_handlePane->view()->horizontalHeader()->restoreState(s.value(QStringLiteral("handles/header")).toByteArray());
    m_processPane->filterEdit()->setText(s.value(QStringLiteral("processes/filter")).toString());
    m_handlePane->filterEdit()->setText(s.value(QStringLiteral("handles/filter")).toString());
    m_handlePane->hideUnnamedBox()->setChecked(s.value(QStringLiteral("handles/hideUnnamed"), false).toBool());
    m_handlePane->groupBox()->setChecked(s.value(QStringLiteral("handles/groupByType"), false).toBool());
    setAutoRefresh(s.value(QStringLiteral("refresh/intervalMs"), DefaultIntervalMs).toInt());
    m_leaks->restoreSettings();
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/mainSplitter"), m_mainSplit->saveState());
    s.setValue(QStringLiteral("window/rightSplitter"), m_rightSplit->saveState());
    s.setValue(QStringLiteral("processes/header"), m_processPane->view()->horizontalHeader()->saveState());
    s.setValue(QStringLiteral("processes/treeHeader"), m_processPane->treeView()->header()->saveState());
    s.setValue(QStringLiteral("processes/tree"), m_processPane->isTreeShown());
    s.setValue(QStringLiteral("processes/kernelThreads"), m_processPane->showsKernelThreads());
    s.setValue(QStringLiteral("handles/header"), m_handlePane->view()->horizontalHeader()->saveState());
    s.setValue(QStringLiteral("processes/filter"), m_processPane->filterEdit()->text());
    s.setValue(QStringLiteral("handles/filter"), m_handlePane->filterEdit()->text());
    s.setValue(QStringLiteral("handles/hideUnnamed"), m_handlePane->hideUnnamedBox()->isChecked());
    s.setValue(QStringLiteral("handles/groupByType"), m_handlePane->groupBox()->isChecked());
    s.setValue(QStringLiteral("refresh/intervalMs"), m_controller->interval());
    m_leaks->saveSettings();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::refresh() { m_controller->refresh(); }

void MainWindow::jumpTo(hs::Pid pid, hs::HandleValue value) { m_controller->jumpTo(pid, value); }

void MainWindow::jumpToPeerOrDuplicate()
{
    // The other end is where a user looks next (lsof +E's question); a handle without one
    // opens the duplicate dialog as before. The details pane lists every peer.
    const hs::HandleInfo* h = m_controller->currentHandle();
    if (h && !h->peers.empty())
        jumpTo(h->peers.front().pid, h->peers.front().value);
    else
        openDuplicateDialog();
}

DuplicateDialog* MainWindow::openDuplicateDialog()
{
    const hs::ProcessInfo* p = m_controller->focusedProcess();
    const hs::HandleInfo* h = m_controller->currentHandle();
    if (!p || !h) {
        statusBar()->showMessage(tr("Select a handle to duplicate first."), 5000);
        return nullptr;
    }
    if (m_duplicate)
        m_duplicate->close();
    RiskContext context;
    context.selfPid = hs::currentProcessId();
    std::vector<hs::ProcessInfo> targets;
    const ProcessModel* processes = processModel();
    for (int row = 0; row < processes->rowCount(); ++row) {
        if (processes->flashAt(row) == Flash::Removed)
            continue; // exited: its row stays red for a moment
        const hs::ProcessInfo& process = processes->process(row);
        if (process.pid == context.selfPid)
            context.selfUid = process.uid;
        if (process.state != hs::ProcessState::KernelThread && process.state != hs::ProcessState::Zombie)
            targets.push_back(process);
    }
    auto* dialog = new DuplicateDialog(*p, *h, std::move(targets), context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DuplicateDialog::duplicateRequested, m_controller,
            [this, source = p->pid, value = h->value](hs::Pid target, const hs::DuplicateOptions& options) {
                m_controller->duplicate(source, value, target, options);
            });
    connect(dialog, &DuplicateDialog::showInTargetRequested, this, &MainWindow::jumpTo);
    connect(m_controller, &WindowController::duplicateProgress, dialog, &DuplicateDialog::showProgress);
    dialog->showHolders(m_controller->holderTables());
    // The search for other holders may still run: they join the map when found, unless a
    // duplicate is already being drawn on it.
    connect(m_controller, &WindowController::holdersChanged, dialog, [this, dialog] {
        if (!dialog->isRunning() && !dialog->mapModel()->lastStep())
            dialog->showHolders(m_controller->holderTables());
    });
    m_duplicate = dialog;
    dialog->open();
    return dialog;
}

void MainWindow::closeSelectedHandle()
{
    const hs::ProcessInfo* p = m_controller->focusedProcess();
    const hs::HandleInfo* h = m_controller->currentHandle();
    if (!p || !h)
        return;
    const std::string name = hs::describeName(*h);
    const QString object = name.empty() ? typeText(*h) : qs(name);
    const auto answer = QMessageBox::warning(
        this, tr("Close handle"),
        tr("Close %1 %2 (%3) inside %4 (pid %5)?\n\nThe program does not expect this and may fail or lose data.")
            .arg(handleWord())
            .arg(h->value)
            .arg(object, qs(p->name))
            .arg(p->pid),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_controller->closeHandle(p->pid, h->value);
}

void MainWindow::openFindDialog()
{
    if (!m_find) {
        m_find = new FindDialog(m_controller->reader(), this);
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
    const hs::ProcessInfo* p = m_controller->focusedProcess();
    const QString base = p ? QStringLiteral("handles-%1-%2").arg(qs(p->name)).arg(p->pid) : QStringLiteral("handles");
    const QString path = QFileDialog::getSaveFileName(
        this, json ? tr("Export handles as JSON") : tr("Export handles as CSV"),
        base + (json ? QStringLiteral(".json") : QStringLiteral(".csv")),
        json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportHandlesTo(path, json); !error.isEmpty()) {
        QMessageBox::warning(this, tr("Export"), error);
        return;
    }
    statusBar()->showMessage(tr("Exported %n handle(s) to %1", nullptr, m_handlePane->proxy()->rowCount()).arg(path),
                             5000);
}

QString MainWindow::exportHandlesTo(const QString& path, bool json) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    const hs::ProcessInfo* p = m_controller->focusedProcess();
    if (json) {
        // The rows shown (filters and sort applied), in the CLI's format.
        std::vector<hs::HandleInfo> shown;
        const auto* proxy = m_handlePane->proxy();
        for (int r = 0, n = proxy->rowCount(); r < n; ++r)
            shown.push_back(handleModel()->handle(proxy->mapToSource(proxy->index(r, 0)).row()));
        const hs::ProcessInfo process = p ? *p : hs::ProcessInfo{};
        hs::json::Writer writer;
        hs::json::writeHandlesDocument(writer, process, shown);
        file.write(QByteArray::fromStdString(writer.take()));
    } else {
        file.write(modelToCsv(*m_handlePane->proxy()).toUtf8());
    }
    return file.flush() ? QString() : tr("Cannot write %1: %2").arg(path, file.errorString());
}

void MainWindow::showHandleMenu(const QPoint& pos)
{
    QMenu menu(this);
    menu.addAction(m_duplicateAction);
    menu.addAction(m_closeHandleAction);
    menu.addAction(m_hunt->whereOpenedAction());
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
    menu.exec(m_processPane->activeView()->viewport()->mapToGlobal(pos));
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
