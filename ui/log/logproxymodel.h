// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace hs::ui {

/// The log panel's level filter (this level and up) and text filter (logger or message).
class LogProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogProxyModel(QObject* parent = nullptr);
    void setMinimumLevel(int level);
    void setText(const QString& text);
    [[nodiscard]] int minimumLevel() const { return m_level; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_level = 0;
    QString m_text;
};

} // namespace hs::ui
