// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QAbstractItemModel>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace hs::ui {

class ProcessModel;

/// The processes of a ProcessModel as a parent/child tree (Process Explorer's view). The
/// flat model stays the one source of rows: each node names a process by key and reads
/// its cells from the flat model, so colours, icons and flashes are the same in both views.
///
/// After every change of the flat model the tree is brought in line with it step by
/// step (insert, move, remove; never a reset), so selections and expanded branches
/// survive a refresh. A process whose parent is not listed (it exited, or is pid 0's)
/// is a top-level row: an exited parent's children stay visible.
class ProcessTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    explicit ProcessTreeModel(ProcessModel* source, QObject* parent = nullptr);
    ~ProcessTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] ProcessModel* source() const { return m_source; }
    /// The process of a row; null for an invalid index or while the flat model changes.
    [[nodiscard]] const hs::ProcessInfo* process(const QModelIndex& index) const;
    /// The row of a process (column 0), invalid if it is not in the tree.
    [[nodiscard]] QModelIndex indexOf(const hs::ProcessKey& key) const;

private:
    struct Node {
        hs::ProcessKey key;
        Node* parent = nullptr;
        std::vector<Node*> children;
        int row = 0;        ///< position among the parent's children
        int sourceRow = -1; ///< row in the flat model after the last sync
    };

    /// Per flat row, the key of the process it hangs under (none: top level).
    using Parents = std::vector<std::optional<hs::ProcessKey>>;
    Parents wantedParents() const;

    QModelIndex indexOfNode(const Node* node) const;
    const Node* nodeOf(const QModelIndex& index) const;
    /// Brings the tree in line with the flat model (after each change of its rows).
    void sync();
    void insertNodes(const std::map<hs::ProcessKey, int>& rowOfKey, const Parents& parents);
    void moveNodes(const std::map<hs::ProcessKey, int>& rowOfKey, const Parents& parents);
    void removeNodes(const std::map<hs::ProcessKey, int>& rowOfKey);
    void moveNode(Node* node, Node* to);
    static void detach(Node* node);
    static void attach(Node* node, Node* to);
    static bool isWithin(const Node* node, const Node* ancestor);
    void forwardDataChanged(int first, int last);

    ProcessModel* m_source;
    Node m_root;
    std::map<hs::ProcessKey, std::unique_ptr<Node>> m_nodes;
    /// False from the flat model's first structural signal until its rows are settled:
    /// meanwhile node rows are stale and changed rows are only noted.
    bool m_settled = true;
    std::vector<hs::ProcessKey> m_changedWhileUnsettled;
};

} // namespace hs::ui
