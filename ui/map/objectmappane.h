// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QWidget>

#include <vector>

class QDockWidget;
class QLabel;
class QMainWindow;
class QScrollArea;

namespace hs::ui {

class HandleMapModel;
class HandleMapView;

/// The "Object Map" dock: the handle map of the selected handle, every holder across the
/// processes the window knows of, and for a pipe which process holds which end (the
/// slots say read end / write end) or for a socket the other end, drawn linked.
class ObjectMapPane : public QWidget {
    Q_OBJECT
public:
    explicit ObjectMapPane(QWidget* parent = nullptr);

    /// The dock (objectName "objectMapDock"), hidden until asked for; its toggle action
    /// is "Show Object Map" (Ctrl+M, objectName "actionObjectMap").
    static QDockWidget* addDock(QMainWindow* window);

    [[nodiscard]] HandleMapModel* model() const { return m_model; }
    [[nodiscard]] HandleMapView* view() const { return m_view; }

    /// Shows `handle` of `process`, its holders read from `tables` (the window's holderTables()).
    void showHandle(
        const hs::ProcessInfo& process, const hs::HandleInfo& handle, const std::vector<hs::ProcessHandles>& tables);
    void clear();

private:
    HandleMapModel* m_model;
    HandleMapView* m_view;
    QScrollArea* m_area;
    QLabel* m_hint;
};

} // namespace hs::ui
