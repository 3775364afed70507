// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QSortFilterProxyModel>

#include <bitset>
#include <map>
#include <optional>
#include <string>

namespace hs::ui {

class HandleModel;

/// Sorting and filtering of the handle table: type filter, text filter, hide unnamed,
/// group by type. Compares the rows directly rather than through QVariants, so sorting
/// 100,000 handles stays well under a frame.
class HandleProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit HandleProxyModel(QObject* parent = nullptr);
    void setSourceModel(QAbstractItemModel* model) override;

    void setKindFilter(std::optional<hs::HandleKind> kind);
    void setTextFilter(const QString& text);
    void setHideUnnamed(bool hide);
    /// Rows of one type stay together (sorted by type first), each group in the
    /// chosen column's order.
    void setGroupByType(bool group);

    [[nodiscard]] std::optional<hs::HandleKind> kindFilter() const { return m_kind; }
    [[nodiscard]] bool groupByType() const { return m_group; }
    /// Handles per kind in the source (before filters), for the type filter's counts.
    [[nodiscard]] std::map<hs::HandleKind, int> kindCounts() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    HandleModel* m_handles = nullptr;
    std::optional<hs::HandleKind> m_kind;
    std::string m_text; ///< lower-case UTF-8
    /// The kinds whose name, in English or in the window's language, contains the text:
    /// worked out once per text, not once per row.
    std::bitset<hs::HandleKindCount> m_kindsNamed;
    bool m_hideUnnamed = false;
    bool m_group = false;
};

} // namespace hs::ui
