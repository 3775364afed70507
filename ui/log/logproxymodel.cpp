// SPDX-License-Identifier: MIT
#include "log/logproxymodel.h"

#include "log/logmodel.h"

namespace hs::ui {

LogProxyModel::LogProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
}

void LogProxyModel::setMinimumLevel(int level)
{
    if (level == m_level)
        return;
    m_level = level;
    invalidateFilter();
}

void LogProxyModel::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool LogProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    auto* model = qobject_cast<const LogModel*>(sourceModel());
    if (!model)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const LogEntry& e = model->entry(sourceRow);
    if (e.level < m_level)
        return false;
    return m_text.isEmpty() || e.message.contains(m_text, Qt::CaseInsensitive)
        || e.logger.contains(m_text, Qt::CaseInsensitive);
}

} // namespace hs::ui
