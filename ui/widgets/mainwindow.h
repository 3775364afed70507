// SPDX-License-Identifier: MIT
#pragma once

#include "window/windowcontroller.h"

#include "handlescope/model.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>
#include <utility>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QSplitter;

namespace hs::ui {

class DetailsPane;
class DuplicateDialog;
class FindDialog;
class HandleModel;
class HandlePane;
class HuntDocks;
class LeakViews;
class LearnHintBar;
class LearnWindow;
class ThreeWaysWindow;
class LogModel;
class LogPanel;
class ProcessModel;
class PrivilegeBar;
class ProcessPane;
class QtLogSink;

/// The HandleScope window: processes left, handles and details right, log dock below.
/// It builds the widgets and actions; what they show and do is the controller's.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(WindowController::Options options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    // For tests and the screenshot demo.
    [[nodiscard]] WindowController* controller() const { return m_controller; }
    [[nodiscard]] ProcessModel* processModel() const;
    [[nodiscard]] HandleModel* handleModel() const;
    [[nodiscard]] LogModel* logModel() const { return m_log; }
    [[nodiscard]] ProcessPane* processPane() const { return m_processPane; }
    [[nodiscard]] HandlePane* handlePane() const { return m_handlePane; }
    [[nodiscard]] DetailsPane* detailsPane() const { return m_details; }
    [[nodiscard]] LogPanel* logPanel() const { return m_logPanel; }
    [[nodiscard]] QDockWidget* logDock() const { return m_logDock; }
    /// Refreshes shown so far (tests and the demo wait for the first).
    [[nodiscard]] quint64 refreshCount() const { return m_controller->refreshCount(); }
    [[nodiscard]] DuplicateDialog* duplicateDialog() const;
    [[nodiscard]] FindDialog* findDialog() const;
    [[nodiscard]] QLabel* statusRefreshLabel() const { return m_statusTime; }
    /// The leak-hunting docks: snapshot diff and "Opened by" (ui/hunt).
    [[nodiscard]] HuntDocks* huntDocks() const { return m_hunt; }
    /// The "Explain" dock (ui/learn): the selected handle for people learning.
    [[nodiscard]] QDockWidget* explainDock() const { return m_explainDock; }
    /// The "Object Map" dock (ui/map): every holder of the selected handle's object.
    [[nodiscard]] QDockWidget* objectMapDock() const { return m_objectMapDock; }
    [[nodiscard]] PrivilegeBar* privilegeBar() const { return m_privilegeBar; }
    [[nodiscard]] QAction* treeAction() const { return m_treeAction; }
    [[nodiscard]] QAction* kernelThreadsAction() const { return m_kernelThreadsAction; }
    /// The layout without saved settings: `size` (by default 1280x800, or the screen if
    /// smaller), the processes as wide as their columns, the log dock a few lines high.
    void applyDefaultLayout(QSize size = {});
    /// The first-run bar offering Learn mode (ui/learn).
    [[nodiscard]] LearnHintBar* learnHintBar() const { return m_learnHint; }
    /// The leak chart, suspects and their sampler (ui/leaks).
    [[nodiscard]] LeakViews* leakViews() const { return m_leaks; }

public Q_SLOTS:
    void refresh();
    /// Opens the duplicate dialog for the selected handle; null if none is selected.
    DuplicateDialog* openDuplicateDialog();
    void closeSelectedHandle();
    void openFindDialog();
    /// Select a process and one of its handles (after the next refresh if not shown yet).
    void jumpTo(hs::Pid pid, hs::HandleValue value);
    /// Opens (or raises) Learn mode's first lesson, "Duplicating a handle".
    LearnWindow* openLearnWindow();
    /// Opens (or raises) Learn mode's second lesson, "Three ways to share an object".
    ThreeWaysWindow* openThreeWaysWindow();
    /// A double-click on a handle: jump to its (first) peer if it has one, else duplicate it.
    void jumpToPeerOrDuplicate();

public:
    /// Writes the handle table as shown (filters and sort applied) to `path`: CSV, or the
    /// core's JSON document. "" on success, else why not.
    QString exportHandlesTo(const QString& path, bool json) const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void createProcessViewActions();
    void updatePrivilegeBar();
    void updateObjectMap();
    void restoreSettings();
    void saveSettings() const;

    void connectController();
    void setAutoRefresh(int milliseconds);
    void copySelection();
    void exportHandles(bool json);
    void showHandleMenu(const QPoint& pos);
    void showProcessMenu(const QPoint& pos);
    void about();

    WindowController* m_controller;
    LogModel* m_log;
    std::shared_ptr<QtLogSink> m_sink;

    ProcessPane* m_processPane;
    HandlePane* m_handlePane;
    DetailsPane* m_details;
    LogPanel* m_logPanel;
    QDockWidget* m_logDock;
    HuntDocks* m_hunt;
    QDockWidget* m_explainDock;
    QDockWidget* m_objectMapDock;
    LeakViews* m_leaks;
    QSplitter* m_mainSplit;
    QSplitter* m_rightSplit;
    PrivilegeBar* m_privilegeBar;
    LearnHintBar* m_learnHint;
    QPointer<LearnWindow> m_learn;
    QPointer<ThreeWaysWindow> m_threeWays;
    QPointer<FindDialog> m_find;
    QPointer<DuplicateDialog> m_duplicate;

    QAction* m_refreshAction = nullptr;
    QAction* m_copyAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_duplicateAction = nullptr;
    QAction* m_closeHandleAction = nullptr;
    QAction* m_exportCsvAction = nullptr;
    QAction* m_exportJsonAction = nullptr;
    QAction* m_treeAction = nullptr;
    QAction* m_kernelThreadsAction = nullptr;
    QComboBox* m_intervalCombo = nullptr;
    QLabel* m_statusProcesses = nullptr;
    QLabel* m_statusHandles = nullptr;
    QLabel* m_statusTime = nullptr;
};

} // namespace hs::ui
