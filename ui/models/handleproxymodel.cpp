// SPDX-License-Identifier: MIT
#include "models/handleproxymodel.h"

#include "models/handlemodel.h"
#include "models/roles.h"
#include "util/vocabulary.h"

#include "handlescope/describe.h"

#include <algorithm>
#include <cctype>

namespace hs::ui {

namespace {
// ASCII case folding on UTF-8 bytes: good enough for paths and type names and ten
// times cheaper than converting every row to QString while typing in the filter.
bool containsFolded(std::string_view hay, std::string_view needle)
{
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
    });
    return it != hay.end();
}

template <class T>
int order(const T& a, const T& b) { return a < b ? -1 : (b < a ? 1 : 0); }
} // namespace

HandleProxyModel::HandleProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

void HandleProxyModel::setSourceModel(QAbstractItemModel* model)
{
    m_handles = qobject_cast<HandleModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void HandleProxyModel::setKindFilter(std::optional<hs::HandleKind> kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateFilter();
}

void HandleProxyModel::setTextFilter(const QString& text)
{
    std::string folded = text.trimmed().toLower().toStdString();
    if (folded == m_text)
        return;
    m_text = std::move(folded);
    m_kindsNamed.reset();
    const QString needle = text.trimmed();
    for (int k = 0; k < hs::HandleKindCount; ++k) {
        const auto kind = static_cast<hs::HandleKind>(k);
        m_kindsNamed[static_cast<std::size_t>(k)] = containsFolded(hs::displayName(kind), m_text)
            || kindName(kind).contains(needle, Qt::CaseInsensitive);
    }
    invalidateFilter();
}

void HandleProxyModel::setHideUnnamed(bool hide)
{
    if (hide == m_hideUnnamed)
        return;
    m_hideUnnamed = hide;
    invalidateFilter();
}

void HandleProxyModel::setGroupByType(bool group)
{
    if (group == m_group)
        return;
    m_group = group;
    invalidate();
}

std::map<hs::HandleKind, int> HandleProxyModel::kindCounts() const
{
    std::map<hs::HandleKind, int> counts;
    if (!m_handles)
        return counts;
    for (int r = 0, n = m_handles->rowCount(); r < n; ++r)
        ++counts[m_handles->handle(r).kind];
    return counts;
}

bool HandleProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_handles)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const hs::HandleInfo& h = m_handles->handle(sourceRow);
    if (m_kind && h.kind != *m_kind)
        return false;
    if (m_hideUnnamed && h.name.empty())
        return false;
    if (m_text.empty())
        return true;
    return containsFolded(h.name, m_text) || containsFolded(h.typeName, m_text)
        || (h.socket && containsFolded(hs::describeName(h), m_text))
        || m_kindsNamed[static_cast<std::size_t>(h.kind)] || std::to_string(h.value) == m_text;
}

bool HandleProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!m_handles)
        return QSortFilterProxyModel::lessThan(left, right);
    const hs::HandleInfo& a = m_handles->handle(left.row());
    const hs::HandleInfo& b = m_handles->handle(right.row());
    if (m_group && a.kind != b.kind) {
        // Groups stay in kind order whatever the direction of the column sort.
        const bool less = a.kind < b.kind;
        return sortOrder() == Qt::AscendingOrder ? less : !less;
    }
    int c = 0;
    switch (left.column()) {
    case HandleModel::TypeColumn:
        c = order(hs::describeType(a), hs::describeType(b));
        break;
    case HandleModel::NameColumn:
        // By the text shown; only a socket's differs from its name (its endpoints).
        c = (a.socket || b.socket) ? order(hs::describeName(a), hs::describeName(b)) : order(a.name, b.name);
        break;
    case HandleModel::AccessColumn:
        c = order(a.access, b.access);
        break;
    case HandleModel::InheritableColumn:
        c = order(a.inheritable, b.inheritable);
        break;
    case HandleModel::OffsetColumn:
        c = order(a.offset, b.offset);
        break;
    case HandleModel::ObjectColumn:
        c = order(a.object, b.object);
        break;
    default:
        break;
    }
    if (c != 0)
        return c < 0;
    // Ties (and the value columns) by value, then object: a stable, total order.
    return std::tie(a.value, a.object) < std::tie(b.value, b.object);
}

} // namespace hs::ui
