// SPDX-License-Identifier: MIT
#include "models/processproxymodel.h"

#include "models/processmodel.h"
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
}

void ProcessProxyModel::setSourceModel(QAbstractItemModel* model)
{
    m_processes = qobject_cast<ProcessModel*>(model);
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

bool ProcessProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_processes || m_text.empty())
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const hs::ProcessInfo& p = m_processes->process(sourceRow);
    return containsFolded(p.name, m_text) || containsFolded(p.user, m_text)
        || containsFolded(p.commandLine, m_text) || std::to_string(p.pid).starts_with(m_text);
}

} // namespace hs::ui
