// SPDX-License-Identifier: MIT
#include "models/processproxymodel.h"

#include "models/processmodel.h"
#include "models/processtreemodel.h"
#include "models/roles.h"

#include <algorithm>
#include <cctype>

namespace hs::ui {

namespace {
bool containsFolded(std::string_view hay, std::string_view needle)
{
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
    });
    return it != hay.end();
}
} // namespace

ProcessProxyModel::ProcessProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
    // A tree row that matches the text shows its parents too, as Process Explorer does.
    setRecursiveFilteringEnabled(true);
}

void ProcessProxyModel::setSourceModel(QAbstractItemModel* model)
{
    m_processes = qobject_cast<ProcessModel*>(model);
    m_tree = qobject_cast<ProcessTreeModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ProcessProxyModel::setTextFilter(const QString& text)
{
    m_display = text;
    std::string folded = text.trimmed().toLower().toStdString();
    if (folded == m_text)
        return;
    m_text = std::move(folded);
    invalidateFilter();
}

void ProcessProxyModel::setShowKernelThreads(bool show)
{
    if (show == m_kernelThreads)
        return;
    m_kernelThreads = show;
    invalidateFilter();
}

bool ProcessProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const hs::ProcessInfo* process = nullptr;
    if (m_tree)
        process = m_tree->process(m_tree->index(sourceRow, 0, sourceParent));
    else if (m_processes)
        process = &m_processes->process(sourceRow);
    if (!process)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    // kthreadd's children are all kernel threads: rejecting them in the tree takes nothing else.
    if (!m_kernelThreads && process->state == hs::ProcessState::KernelThread)
        return false;
    if (m_text.empty())
        return true;
    const hs::ProcessInfo& p = *process;
    return containsFolded(p.name, m_text) || containsFolded(p.user, m_text)
        || containsFolded(p.commandLine, m_text) || std::to_string(p.pid).starts_with(m_text);
}

} // namespace hs::ui
