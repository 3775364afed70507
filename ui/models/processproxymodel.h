// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

#include <string>

namespace hs::ui {

class ProcessModel;
class ProcessTreeModel;

/// Sorting (numbers as numbers through SortRole) and the filters of the process table or
/// tree: the text filter matches name, pid, user and command line; kernel threads are
/// hidden unless asked for. Over the tree, siblings are sorted and a row that matches
/// keeps its ancestors on screen.
class ProcessProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ProcessProxyModel(QObject* parent = nullptr);
    void setSourceModel(QAbstractItemModel* model) override;
    void setTextFilter(const QString& text);
    [[nodiscard]] QString textFilter() const { return m_display; }
    void setShowKernelThreads(bool show);
    [[nodiscard]] bool showsKernelThreads() const { return m_kernelThreads; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    ProcessModel* m_processes = nullptr;
    ProcessTreeModel* m_tree = nullptr;
    bool m_kernelThreads = false;
    std::string m_text;
    QString m_display;
};

} // namespace hs::ui
