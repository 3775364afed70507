// SPDX-License-Identifier: MIT
#pragma once

#include "refresh/refreshresult.h"

#include "handlescope/model.h"

#include <QFutureWatcher>
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
class LogModel;
class LogPanel;
class MachineSearch;
class ProcessModel;
class ProcessPane;
class QtLogSink;
class RefreshController;

/// The HandleScope window: processes left, handles and details right, log dock below.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // For tests and the screenshot demo.
    [[nodiscard]] ProcessModel* processModel() const { return m_processes; }
    [[nodiscard]] HandleModel* handleModel() const { return m_handles; }
    [[nodiscard]] LogModel* logModel() const { return m_log; }
    [[nodiscard]] ProcessPane* processPane() const { return m_processPane; }
    [[nodiscard]] HandlePane* handlePane() const { return m_handlePane; }
    [[nodiscard]] DetailsPane* detailsPane() const { return m_details; }
    [[nodiscard]] LogPanel* logPanel() const { return m_logPanel; }
    [[nodiscard]] QDockWidget* logDock() const { return m_logDock; }
    [[nodiscard]] RefreshController* refreshController() const { return m_refresh; }
    [[nodiscard]] MachineSearch* machineSearch() const { return m_machine; }
    /// Refreshes shown so far (tests and the demo wait for the first).
    [[nodiscard]] quint64 refreshCount() const { return m_refreshCount; }
    [[nodiscard]] DuplicateDialog* duplicateDialog() const;
    [[nodiscard]] FindDialog* findDialog() const;
    [[nodiscard]] QLabel* statusRefreshLabel() const { return m_statusTime; }

public Q_SLOTS:
    void refresh();
    /// Opens the duplicate dialog for the selected handle; null if none is selected.
    DuplicateDialog* openDuplicateDialog();
    void closeSelectedHandle();
    void openFindDialog();
    /// Select a process and one of its handles (after the next refresh if not shown yet).
    void jumpTo(hs::Pid pid, hs::HandleValue value);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void restoreSettings();
    void saveSettings() const;

    void onRefreshed(const std::shared_ptr<RefreshResult>& result);
    void onCurrentProcessChanged();
    void onCurrentHandleChanged();
    /// Shows the handles of `key`, reading them (Detail::Full, on workPool()) if they are not
    /// shown yet, or always with readAgain.
    void showHandlesOf(const hs::ProcessKey& key, bool readAgain);
    void applyPendingJump();
    void setAutoRefresh(int milliseconds);
    void copySelection();
    void exportHandles(bool json);
    void showHandleMenu(const QPoint& pos);
    void showProcessMenu(const QPoint& pos);
    void about();
    [[nodiscard]] const hs::ProcessInfo* currentProcessInfo() const;

    ProcessModel* m_processes;
    HandleModel* m_handles;
    LogModel* m_log;
    std::shared_ptr<QtLogSink> m_sink;
    RefreshController* m_refresh;
    MachineSearch* m_machine;
    quint64 m_refreshCount = 0;

    ProcessPane* m_processPane;
    HandlePane* m_handlePane;
    DetailsPane* m_details;
    LogPanel* m_logPanel;
    QDockWidget* m_logDock;
    QSplitter* m_mainSplit;
    QSplitter* m_rightSplit;
    QPointer<FindDialog> m_find;
    QPointer<DuplicateDialog> m_duplicate;

    QAction* m_refreshAction = nullptr;
    QAction* m_copyAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_duplicateAction = nullptr;
    QAction* m_closeHandleAction = nullptr;
    QAction* m_exportCsvAction = nullptr;
    QAction* m_exportJsonAction = nullptr;
    QComboBox* m_intervalCombo = nullptr;
    QLabel* m_statusProcesses = nullptr;
    QLabel* m_statusHandles = nullptr;
    QLabel* m_statusTime = nullptr;

    /// Full-detail read of the selected process, separate from the periodic refresh.
    QFutureWatcher<hs::Result<SharedHandles>> m_detailWatcher;
    std::optional<hs::ProcessKey> m_detailKey;
    std::optional<std::pair<hs::Pid, hs::HandleValue>> m_pendingJump;
    QFutureWatcher<hs::Result<void>> m_closeWatcher;
};

} // namespace hs::ui
