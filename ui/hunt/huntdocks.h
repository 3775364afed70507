// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QObject>

#include <optional>

class QAction;
class QDockWidget;
class QMainWindow;

namespace hs::ui {

class OpenedByPane;
class SnapshotDiffPane;

/// The leak-hunting docks of the main window: "Snapshot Diff" and "Opened By", tabbed
/// with the log dock and hidden until asked for. The main window only tells them the
/// selected process and offers their actions in its menus.
class HuntDocks : public QObject {
    Q_OBJECT
public:
    /// Adds the docks to `window`, tabbed with `tabWith` when given.
    HuntDocks(QMainWindow* window, QDockWidget* tabWith);

    void setProcess(std::optional<hs::Pid> pid, const QString& name);

    [[nodiscard]] SnapshotDiffPane* diffPane() const { return m_diff; }
    [[nodiscard]] OpenedByPane* openedByPane() const { return m_openedBy; }
    [[nodiscard]] QDockWidget* diffDock() const { return m_diffDock; }
    [[nodiscard]] QDockWidget* openedByDock() const { return m_openedByDock; }
    /// "Show Where Opened": for the handle menu; triggers showWhereOpened of the handle
    /// given by setCurrentHandle.
    [[nodiscard]] QAction* whereOpenedAction() const { return m_whereOpened; }
    void setCurrentHandle(std::optional<hs::Pid> pid, std::optional<hs::HandleValue> fd);

public Q_SLOTS:
    /// Raises "Opened By" on the stack that opened `fd` of `pid` (tracing it if needed).
    void showWhereOpened(hs::Pid pid, hs::HandleValue fd);

private:
    SnapshotDiffPane* m_diff;
    OpenedByPane* m_openedBy;
    QDockWidget* m_diffDock;
    QDockWidget* m_openedByDock;
    QAction* m_whereOpened;
    std::optional<hs::Pid> m_handlePid;
    std::optional<hs::HandleValue> m_handleFd;
    QString m_processName;
};

} // namespace hs::ui
