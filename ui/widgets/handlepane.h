// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace hs::ui {

class HandleModel;
class HandleProxyModel;

/// Right-top: filters (type with counts, text, hide unnamed, group by type) and the
/// handle table; or, for a process we may not inspect, a message saying how to see more.
class HandlePane : public QWidget {
    Q_OBJECT
public:
    explicit HandlePane(HandleModel* model, QWidget* parent = nullptr);

    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] HandleProxyModel* proxy() const { return m_proxy; }
    [[nodiscard]] QLineEdit* filterEdit() const { return m_filter; }
    [[nodiscard]] QComboBox* typeCombo() const { return m_type; }
    [[nodiscard]] QCheckBox* hideUnnamedBox() const { return m_hideUnnamed; }
    [[nodiscard]] QCheckBox* groupBox() const { return m_group; }
    [[nodiscard]] QLabel* messageLabel() const { return m_message; }

    /// Show the table, or the message instead of an empty list.
    void showTable();
    void showMessage(const QString& text);
    [[nodiscard]] bool isShowingMessage() const;
    /// Width that shows every column of the table at its default size.
    [[nodiscard]] int defaultWidth() const;
    /// Takes up to `pixels` off the name column's default width (it elides, down to a
    /// floor); returns how many it took.
    int narrowNameColumn(int pixels);

    [[nodiscard]] const hs::HandleInfo* currentHandle() const;
    /// The current row in the handle model (not the proxy), -1 if none.
    [[nodiscard]] int currentRow() const;
    /// Select the live handle with `value`; false if the table has none.
    bool selectValue(hs::HandleValue value);

Q_SIGNALS:
    void currentHandleChanged();

private:
    void updateTypeCounts();
    void applyTypeFilter();

    HandleModel* m_model;
    HandleProxyModel* m_proxy;
    QComboBox* m_type;
    QLineEdit* m_filter;
    QCheckBox* m_hideUnnamed;
    QCheckBox* m_group;
    QStackedWidget* m_stack;
    QTableView* m_view;
    QLabel* m_message;
    int m_columnsWidth = 0; ///< sum of the default column widths
};

} // namespace hs::ui
