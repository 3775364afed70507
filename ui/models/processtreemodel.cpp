// SPDX-License-Identifier: MIT
#include "models/processtreemodel.h"

#include "models/processmodel.h"

#include <algorithm>
#include <unordered_map>

namespace hs::ui {

ProcessTreeModel::ProcessTreeModel(ProcessModel* source, QObject* parent)
    : QAbstractItemModel(parent)
    , m_source(source)
{
    auto unsettle = [this] { m_settled = false; };
    connect(m_source, &QAbstractItemModel::rowsAboutToBeInserted, this, unsettle);
    connect(m_source, &QAbstractItemModel::rowsAboutToBeRemoved, this, unsettle);
    connect(m_source, &QAbstractItemModel::layoutAboutToBeChanged, this, unsettle);
    connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this, unsettle);
    connect(m_source, &ProcessModel::rowsSettled, this, &ProcessTreeModel::sync);
    connect(m_source, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& first, const QModelIndex& last) { forwardDataChanged(first.row(), last.row()); });
    sync();
}

ProcessTreeModel::~ProcessTreeModel() = default;

const ProcessTreeModel::Node* ProcessTreeModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<const Node*>(index.internalPointer()) : &m_root;
}

QModelIndex ProcessTreeModel::indexOfNode(const Node* node) const
{
    if (node == &m_root || !node)
        return {};
    return createIndex(node->row, 0, const_cast<Node*>(node));
}

QModelIndex ProcessTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ProcessModel::ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node* node = nodeOf(parent);
    if (static_cast<std::size_t>(row) >= node->children.size())
        return {};
    return createIndex(row, column, node->children[static_cast<std::size_t>(row)]);
}

QModelIndex ProcessTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int ProcessTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int ProcessTreeModel::columnCount(const QModelIndex&) const { return ProcessModel::ColumnCount; }

const hs::ProcessInfo* ProcessTreeModel::process(const QModelIndex& index) const
{
    if (!index.isValid() || !m_settled)
        return nullptr;
    const Node* node = nodeOf(index);
    if (node->sourceRow < 0 || node->sourceRow >= m_source->rowCount())
        return nullptr;
    const hs::ProcessInfo& info = m_source->process(node->sourceRow);
    return info.key() == node->key ? &info : nullptr;
}

QModelIndex ProcessTreeModel::indexOf(const hs::ProcessKey& key) const
{
    auto it = m_nodes.find(key);
    return it == m_nodes.end() ? QModelIndex() : indexOfNode(it->second.get());
}

QVariant ProcessTreeModel::data(const QModelIndex& index, int role) const
{
    if (!process(index))
        return {};
    return m_source->data(m_source->index(nodeOf(index)->sourceRow, index.column()), role);
}

QVariant ProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_source->headerData(section, orientation, role);
}

ProcessTreeModel::Parents ProcessTreeModel::wantedParents() const
{
    const int rows = m_source->rowCount();
    // Rows are sorted by (pid, start time): the last row of a pid is its newest process.
    std::unordered_map<hs::Pid, int> newest;
    for (int r = 0; r < rows; ++r)
        newest[m_source->process(r).pid] = r;
    std::vector<int> parentRow(static_cast<std::size_t>(rows), -1);
    for (int r = 0; r < rows; ++r) {
        const hs::ProcessInfo& child = m_source->process(r);
        auto it = newest.find(child.parentPid);
        if (child.parentPid <= 0 || child.parentPid == child.pid || it == newest.end())
            continue;
        // A parent starts before its children: a later process under the same pid is a
        // reuse of the number, not the parent.
        if (m_source->process(it->second).startTime <= child.startTime)
            parentRow[static_cast<std::size_t>(r)] = it->second;
    }
    Parents parents(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
        // Equal start times could make a loop out of damaged data: such a row goes to the top.
        int up = parentRow[static_cast<std::size_t>(r)];
        for (int steps = 0; up >= 0 && up != r && steps <= rows; ++steps)
            up = parentRow[static_cast<std::size_t>(up)];
        const int p = parentRow[static_cast<std::size_t>(r)];
        if (p >= 0 && up != r)
            parents[static_cast<std::size_t>(r)] = m_source->process(p).key();
    }
    return parents;
}

void ProcessTreeModel::sync()
{
    std::map<hs::ProcessKey, int> rowOfKey;
    for (int r = 0, rows = m_source->rowCount(); r < rows; ++r)
        rowOfKey.emplace(m_source->process(r).key(), r);
    const Parents parents = wantedParents();
    // First the nodes' rows: the proxies above read the rows while the steps are signalled.
    for (auto& [key, node] : m_nodes) {
        auto it = rowOfKey.find(key);
        node->sourceRow = it == rowOfKey.end() ? -1 : it->second;
    }
    m_settled = true;
    insertNodes(rowOfKey, parents);
    moveNodes(rowOfKey, parents);
    removeNodes(rowOfKey);
    const int last = ProcessModel::ColumnCount - 1;
    for (const hs::ProcessKey& key : std::exchange(m_changedWhileUnsettled, {}))
        if (const QModelIndex at = indexOf(key); at.isValid())
            Q_EMIT dataChanged(at, at.siblingAtColumn(last));
}

void ProcessTreeModel::insertNodes(const std::map<hs::ProcessKey, int>& rowOfKey, const Parents& parents)
{
    // Oldest first, so a parent is usually in place before its children arrive.
    std::vector<std::pair<hs::ProcessKey, int>> fresh;
    for (const auto& [key, row] : rowOfKey)
        if (!m_nodes.contains(key))
            fresh.emplace_back(key, row);
    std::ranges::sort(fresh, [](const auto& a, const auto& b) {
        return std::pair(a.first.startTime, a.first.pid) < std::pair(b.first.startTime, b.first.pid);
    });
    for (const auto& [key, row] : fresh) {
        Node* under = &m_root;
        if (const auto& wanted = parents[static_cast<std::size_t>(row)]; wanted) {
            if (auto it = m_nodes.find(*wanted); it != m_nodes.end())
                under = it->second.get();
        }
        auto node = std::make_unique<Node>();
        node->key = key;
        node->sourceRow = row;
        const int at = static_cast<int>(under->children.size());
        beginInsertRows(indexOfNode(under), at, at);
        attach(node.get(), under);
        m_nodes.emplace(key, std::move(node));
        endInsertRows();
    }
}

void ProcessTreeModel::moveNodes(const std::map<hs::ProcessKey, int>& rowOfKey, const Parents& parents)
{
    std::vector<std::pair<Node*, Node*>> pending; // (node, where it belongs)
    for (const auto& [key, row] : rowOfKey) {
        Node* node = m_nodes.at(key).get();
        Node* want = &m_root;
        if (const auto& wanted = parents[static_cast<std::size_t>(row)]; wanted)
            want = m_nodes.at(*wanted).get();
        if (node->parent != want)
            pending.emplace_back(node, want);
    }
    // A node cannot go under one of its own descendants: those wait until the descendant
    // has moved away; if nothing can move, one goes to the top level to break the knot.
    for (std::size_t round = 0, rounds = pending.size() + 1; !pending.empty() && round < rounds; ++round) {
        const std::size_t before = pending.size();
        std::erase_if(pending, [this](const std::pair<Node*, Node*>& move) {
            if (isWithin(move.second, move.first))
                return false;
            moveNode(move.first, move.second);
            return true;
        });
        if (pending.size() == before)
            moveNode(pending.front().first, &m_root);
    }
}

void ProcessTreeModel::removeNodes(const std::map<hs::ProcessKey, int>& rowOfKey)
{
    // Surviving children were moved out already: what is left under a gone node is gone too,
    // so only the topmost gone nodes are removed, each with its branch.
    std::vector<Node*> topmost;
    for (auto& [key, node] : m_nodes)
        if (!rowOfKey.contains(key) && (node->parent == &m_root || rowOfKey.contains(node->parent->key)))
            topmost.push_back(node.get());
    for (Node* node : topmost) {
        beginRemoveRows(indexOfNode(node->parent), node->row, node->row);
        detach(node);
        std::vector<Node*> branch{node};
        for (std::size_t i = 0; i < branch.size(); ++i)
            branch.insert(branch.end(), branch[i]->children.begin(), branch[i]->children.end());
        for (Node* gone : branch)
            m_nodes.erase(gone->key);
        endRemoveRows();
    }
}

void ProcessTreeModel::moveNode(Node* node, Node* to)
{
    const int at = static_cast<int>(to->children.size());
    const bool sameParent = node->parent == to;
    if (sameParent)
        return;
    if (!beginMoveRows(indexOfNode(node->parent), node->row, node->row, indexOfNode(to), at))
        return; // cannot happen: moveNodes never moves a node into its own branch
    detach(node);
    attach(node, to);
    endMoveRows();
}

void ProcessTreeModel::detach(Node* node)
{
    auto& siblings = node->parent->children;
    siblings.erase(siblings.begin() + node->row);
    for (std::size_t i = static_cast<std::size_t>(node->row); i < siblings.size(); ++i)
        siblings[i]->row = static_cast<int>(i);
    node->parent = nullptr;
}

void ProcessTreeModel::attach(Node* node, Node* to)
{
    node->parent = to;
    node->row = static_cast<int>(to->children.size());
    to->children.push_back(node);
}

bool ProcessTreeModel::isWithin(const Node* node, const Node* ancestor)
{
    for (const Node* n = node; n; n = n->parent)
        if (n == ancestor)
            return true;
    return false;
}

void ProcessTreeModel::forwardDataChanged(int first, int last)
{
    const int last_column = ProcessModel::ColumnCount - 1;
    for (int r = first; r <= last && r < m_source->rowCount(); ++r) {
        const hs::ProcessKey key = m_source->process(r).key();
        if (!m_settled) {
            m_changedWhileUnsettled.push_back(key);
            continue;
        }
        if (const QModelIndex at = indexOf(key); at.isValid())
            Q_EMIT dataChanged(at, at.siblingAtColumn(last_column));
    }
}

} // namespace hs::ui
