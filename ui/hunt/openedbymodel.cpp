// SPDX-License-Identifier: MIT
#include "hunt/openedbymodel.h"

#include "models/roles.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"

#include <QFileInfo>
#include <QStringList>

#include <algorithm>

namespace hs::ui {

namespace {

// Top-level rows have internal id 0; a frame row carries its site's row + 1.
constexpr quintptr TopLevel = 0;

QString fdList(const hs::OpenSite& site)
{
    QStringList fds;
    for (hs::HandleValue fd : site.fds)
        fds << QString::number(fd);
    return fds.join(QStringLiteral(", "));
}

/// "server.cpp:42": the file's name only (debug information often holds build-relative
/// paths); the whole path is the tooltip.
QString sourceText(const hs::StackFrame& frame)
{
    if (frame.file.empty())
        return {};
    const QString name = QFileInfo(qs(frame.file)).fileName();
    return frame.line > 0 ? QStringLiteral("%1:%2").arg(name).arg(frame.line) : name;
}

} // namespace

OpenedByModel::OpenedByModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void OpenedByModel::setReport(std::shared_ptr<const hs::OpenSiteReport> report)
{
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

int OpenedByModel::unknownOriginRow() const
{
    if (!m_report || m_report->unknownOrigin.count() == 0)
        return -1;
    return static_cast<int>(m_report->sites.size());
}

const hs::OpenSite& OpenedByModel::site(int row) const
{
    if (row == unknownOriginRow())
        return m_report->unknownOrigin;
    return m_report->sites.at(static_cast<std::size_t>(row));
}

int OpenedByModel::rowOfFd(hs::HandleValue fd) const
{
    if (!m_report)
        return -1;
    for (int row = 0, n = rowCount(); row < n; ++row)
        if (std::ranges::binary_search(site(row).fds, fd)) // fds are ascending
            return row;
    return -1;
}

QModelIndex OpenedByModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, TopLevel);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex OpenedByModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == TopLevel)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, TopLevel);
}

int OpenedByModel::rowCount(const QModelIndex& parent) const
{
    if (!m_report || parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(m_report->sites.size()) + (unknownOriginRow() >= 0 ? 1 : 0);
    if (parent.internalId() != TopLevel)
        return 0;
    return static_cast<int>(site(parent.row()).stack.size());
}

int OpenedByModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant OpenedByModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_report)
        return {};
    if (index.internalId() == TopLevel)
        return siteData(index.row(), index.column(), role);
    const hs::OpenSite& s = site(static_cast<int>(index.internalId() - 1));
    return frameData(s.stack.at(static_cast<std::size_t>(index.row())), index.column(), role);
}

QVariant OpenedByModel::siteData(int row, int column, int role) const
{
    const hs::OpenSite& s = site(row);
    const bool unknown = row == unknownOriginRow();
    if (role == Qt::ToolTipRole)
        return tr("%1 still open: %2").arg(handleWord(), fdList(s));
    if (role == SortRole && column == CountColumn)
        return static_cast<qint64>(s.count());
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case SiteColumn:
        return unknown ? tr("Opened before tracing began, or received from another process") : qs(hs::describeSite(s));
    case CountColumn:
        return static_cast<qint64>(s.count());
    case KindsColumn: {
        QStringList kinds;
        for (const auto& [kind, count] : s.kinds)
            kinds << tr("%1 × %2").arg(count).arg(kindName(kind));
        return kinds.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant OpenedByModel::frameData(const hs::StackFrame& frame, int column, int role) const
{
    if (role == Qt::ToolTipRole) {
        if (column == SourceColumn && !frame.file.empty())
            return frame.line > 0 ? QStringLiteral("%1:%2").arg(qs(frame.file)).arg(frame.line) : qs(frame.file);
        return frame.signature.empty() ? QVariant() : QVariant(qs(frame.signature));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case SiteColumn:
        return frame.function.empty() ? QStringLiteral("0x%1").arg(frame.address, 0, 16) : qs(frame.function);
    case SourceColumn:
        return sourceText(frame);
    case ModuleColumn:
        return qs(frame.module);
    default:
        return {};
    }
}

QVariant OpenedByModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SiteColumn:
        return tr("Opened at");
    case CountColumn:
        return tr("Still open");
    case KindsColumn:
        return tr("Types");
    case SourceColumn:
        return tr("Source");
    case ModuleColumn:
        return tr("Module");
    default:
        return {};
    }
}

} // namespace hs::ui
