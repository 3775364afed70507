// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

#include <string>

namespace hs::ui {

class ProcessModel;

/// Sorting (numbers as numbers through SortRole) and the text filter of the process
/// table: the filter matches name, pid, user and command line.
class ProcessProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ProcessProxyModel(QObject* parent = nullptr);
    void setSourceModel(QAbstractItemModel* model) override;
    void setTextFilter(const QString& text);
    [[nodiscard]] QString textFilter() const { return m_display; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    ProcessModel* m_processes = nullptr;
    std::string m_text;
    QString m_display;
};

} // namespace hs::ui
