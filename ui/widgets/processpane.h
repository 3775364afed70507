// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QWidget>

#include <optional>

class QLineEdit;
class QTableView;

namespace hs::ui {

class ProcessModel;
class ProcessProxyModel;

/// Left side: filter box and the process table.
class ProcessPane : public QWidget {
    Q_OBJECT
public:
    explicit ProcessPane(ProcessModel* model, QWidget* parent = nullptr);

    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] QLineEdit* filterEdit() const { return m_filter; }
    [[nodiscard]] ProcessProxyModel* proxy() const { return m_proxy; }
    /// The process of the current row, if any.
    [[nodiscard]] std::optional<hs::ProcessKey> currentProcess() const;
    /// Makes the newest process with `pid` current (clearing the filter if it hides it).
    bool selectPid(hs::Pid pid);

Q_SIGNALS:
    void currentProcessChanged();

private:
    ProcessModel* m_model;
    ProcessProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_view;
};

} // namespace hs::ui
