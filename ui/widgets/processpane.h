// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QWidget>

#include <optional>

class QAbstractItemView;
class QLineEdit;
class QModelIndex;
class QStackedWidget;
class QTableView;
class QTreeView;

namespace hs::ui {

class ProcessModel;
class ProcessProxyModel;
class ProcessTreeModel;

/// Left side: filter box and the processes, as a flat sortable table or as a
/// parent/child tree (both over the same ProcessModel, each with its own proxy).
class ProcessPane : public QWidget {
    Q_OBJECT
public:
    explicit ProcessPane(ProcessModel* model, QWidget* parent = nullptr);

    /// The flat table (shown when the tree is off).
    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] QTreeView* treeView() const { return m_tree; }
    /// The view on screen: the tree or the table.
    [[nodiscard]] QAbstractItemView* activeView() const;
    [[nodiscard]] QLineEdit* filterEdit() const { return m_filter; }
    [[nodiscard]] ProcessProxyModel* proxy() const { return m_proxy; }
    [[nodiscard]] ProcessProxyModel* treeProxy() const { return m_treeProxy; }
    [[nodiscard]] ProcessTreeModel* treeModel() const { return m_treeModel; }
    /// The process of the current row, if any.
    [[nodiscard]] std::optional<hs::ProcessKey> currentProcess() const;
    /// Makes the newest process with `pid` current (clearing the filter if it hides it,
    /// showing kernel threads if it is one).
    bool selectPid(hs::Pid pid);

    [[nodiscard]] bool isTreeShown() const;
    /// Width that shows every column of the tree at its default size.
    [[nodiscard]] int defaultWidth() const;
    /// Takes up to `pixels` off the tree's name column (it elides, down to a floor);
    /// returns how many it took.
    int narrowNameColumn(int pixels);
    /// Sets the name column back to its width before deep rows widened it (a new layout).
    void giveBackNameGrowth();
    [[nodiscard]] bool showsKernelThreads() const;

public Q_SLOTS:
    /// Tree or flat list; the current process stays current.
    void setTreeShown(bool tree);
    void setShowKernelThreads(bool show);

Q_SIGNALS:
    void currentProcessChanged();
    void kernelThreadsShownChanged(bool shown);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setupTree();
    void scheduleNameFit();
    void widenNameColumnForDepth();
    /// Sets the default column widths; returns their sum.
    template <class View>
    int fitColumns(View* view, int nameExtra);
    /// The row of `key` in the view on screen (invalid if filtered out or absent).
    [[nodiscard]] QModelIndex shownIndexOf(const hs::ProcessKey& key) const;
    void makeCurrent(const QModelIndex& index);

    ProcessModel* m_model;
    ProcessTreeModel* m_treeModel;
    ProcessProxyModel* m_proxy;
    ProcessProxyModel* m_treeProxy;
    QLineEdit* m_filter;
    QStackedWidget* m_stack;
    QTableView* m_view;
    QTreeView* m_tree;
    int m_treeColumnsWidth = 0;
    bool m_nameFitPending = false;
    bool m_fittingName = false; ///< the name column's width is being set by widenNameColumnForDepth
    int m_nameGrowth = 0;       ///< pixels that added to the name column for deep rows
    int m_lastColumnNeeds = 0; ///< the state column's fitted width: what the name column may not take
};

} // namespace hs::ui
