// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace hs::ui {

/// Right-bottom: every field of the selected handle, the other processes holding the
/// same object (hs::findHolders on the last snapshot) and the type-specific extras.
class DetailsPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPane(QWidget* parent = nullptr);

    /// `snapshot` may be null (holders then unknown).
    void showHandle(const hs::ProcessInfo& process, const hs::HandleInfo& handle, const hs::Snapshot* snapshot);
    void clear();
    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }

Q_SIGNALS:
    /// The user double-clicked another holder of the object.
    void jumpRequested(hs::Pid pid, hs::HandleValue value);

private:
    QTreeWidgetItem* section(const QString& title);
    static void addField(QTreeWidgetItem* parent, const QString& name, const QString& value);

    QTreeWidget* m_tree;
};

} // namespace hs::ui
