// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QTableWidget>

#include <vector>

namespace hs::ui {

/// One process's handle table as a lesson shows it: value, type, name, one row per
/// handle, read again by reload(). A row can be marked (the new handle a duplicate made).
class HandleTable : public QTableWidget {
    Q_OBJECT
public:
    explicit HandleTable(QWidget* parent = nullptr);

    /// Reads the handles of `pid` again; "" on success, else why not (also shown in the table).
    QString reload(hs::Pid pid);
    [[nodiscard]] const std::vector<hs::HandleInfo>& handles() const { return m_handles; }
    /// The handle of the selected row, or null.
    [[nodiscard]] const hs::HandleInfo* selectedHandle() const;
    /// Selects the row of `value`; false when the table has no such handle.
    bool selectValue(hs::HandleValue value);
    /// Shows the row of `value` in bold with a note, e.g. "new: the copy".
    void mark(hs::HandleValue value, const QString& note);
    [[nodiscard]] int rowOfValue(hs::HandleValue value) const;

Q_SIGNALS:
    void handleSelected(qint64 value);

private:
    std::vector<hs::HandleInfo> m_handles;
};

} // namespace hs::ui
