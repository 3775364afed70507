// SPDX-License-Identifier: MIT
#include "log/logmodel.h"

#include "util/colors.h"

#include <QApplication>
#include <QPalette>

#include <spdlog/common.h>

namespace hs::ui {

LogModel::LogModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int LogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int LogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString LogModel::levelName(int level)
{
    switch (level) {
    case spdlog::level::trace: return tr("trace");
    case spdlog::level::debug: return tr("debug");
    case spdlog::level::info: return tr("info");
    case spdlog::level::warn: return tr("warning");
    case spdlog::level::err: return tr("error");
    case spdlog::level::critical: return tr("critical");
    }
    return tr("off");
}

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry& e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn: return levelName(e.level);
        case LoggerColumn: return e.logger;
        case MessageColumn: return e.message;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? e.message : QVariant();
    case Qt::BackgroundRole:
        if (e.level >= spdlog::level::err)
            return errorBackground(QApplication::palette());
        return {};
    case LevelRole:
        return e.level;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case LevelColumn: return tr("Level");
    case LoggerColumn: return tr("Logger");
    case MessageColumn: return tr("Message");
    }
    return {};
}

void LogModel::append(std::vector<LogEntry> entries)
{
    if (entries.empty())
        return;
    const int incoming = static_cast<int>(entries.size());
    // Drop the oldest first so the model never holds more than m_max lines.
    const int overflow = rowCount() + incoming - m_max;
    if (overflow > 0) {
        const int drop = std::min(overflow, rowCount());
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
            endRemoveRows();
        }
    }
    std::size_t skip = incoming > m_max ? static_cast<std::size_t>(incoming - m_max) : 0;
    const int first = rowCount();
    const int count = incoming - static_cast<int>(skip);
    beginInsertRows({}, first, first + count - 1);
    for (std::size_t i = skip; i < entries.size(); ++i)
        m_entries.push_back(std::move(entries[i]));
    endInsertRows();
}

void LogModel::clear()
{
    if (m_entries.empty())
        return;
    beginRemoveRows({}, 0, rowCount() - 1);
    m_entries.clear();
    endRemoveRows();
}

} // namespace hs::ui
