// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace hs::ui {

class LogModel;
class LogProxyModel;

/// Content of the log dock: time, level, logger, message; level and text filters, copy,
/// save to file, clear.
class LogPanel : public QWidget {
    Q_OBJECT
public:
    explicit LogPanel(LogModel* model, QWidget* parent = nullptr);

    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] QComboBox* levelCombo() const { return m_level; }
    [[nodiscard]] QLineEdit* filterEdit() const { return m_filter; }
    [[nodiscard]] LogProxyModel* proxy() const { return m_proxy; }

public Q_SLOTS:
    void copySelection();
    void saveToFile();

private:
    LogModel* m_model;
    LogProxyModel* m_proxy;
    QComboBox* m_level;
    QLineEdit* m_filter;
    QTableView* m_view;
};

} // namespace hs::ui
