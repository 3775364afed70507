// SPDX-License-Identifier: MIT
#pragma once

#include "leaks/leaksampler.h"

#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QSortFilterProxyModel;
class QTableView;
class QLabel;

namespace hs::ui {

class LeakChart;
class LeakNotifier;
class ProcessPane;
class SuspectModel;

/// The leak-hunting views of the main window (issue #15): a dock with the handle-count
/// chart of the selected process, a dock with the leak suspects, the sampler they share
/// (running only while one of them is shown) and the tray notification. The window adds
/// the docks and menu entries through this, in a few lines.
class LeakViews : public QObject {
    Q_OBJECT
public:
    LeakViews(QMainWindow* window, ProcessPane* processes, LeakSampler::Options options = {});

    /// The View menu entries: the two docks, and the tray notification setting.
    void addMenuEntries(QMenu* view);
    void restoreSettings();
    void saveSettings() const;

    [[nodiscard]] LeakSampler* sampler() const { return m_sampler; }
    [[nodiscard]] LeakChart* chart() const { return m_chart; }
    [[nodiscard]] SuspectModel* suspectModel() const { return m_suspects; }
    [[nodiscard]] QTableView* suspectView() const { return m_suspectView; }
    [[nodiscard]] QDockWidget* chartDock() const { return m_chartDock; }
    [[nodiscard]] QDockWidget* suspectsDock() const { return m_suspectsDock; }
    [[nodiscard]] LeakNotifier* notifier() const { return m_notifier; }
    [[nodiscard]] QAction* notifyAction() const { return m_notifyAction; }

private:
    QWidget* createSuspectsPanel(QWidget* parent);
    void followProcessPane();
    void updateRunning();
    void showStatus();

    QMainWindow* m_window;
    ProcessPane* m_processes;
    LeakSampler* m_sampler;
    LeakChart* m_chart;
    SuspectModel* m_suspects;
    QSortFilterProxyModel* m_ranked = nullptr;
    QTableView* m_suspectView = nullptr;
    QLabel* m_status = nullptr;
    QDockWidget* m_chartDock;
    QDockWidget* m_suspectsDock;
    LeakNotifier* m_notifier;
    QAction* m_notifyAction;
    QString m_error;
};

} // namespace hs::ui
