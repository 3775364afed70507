// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

class QTreeWidget;
class QTreeWidgetItem;

namespace hs::ui {

struct HolderList;

/// Right-bottom: every field of the selected handle, the type-specific extras and the
/// other processes holding the same object, as the window controller says.
class DetailsPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPane(QWidget* parent = nullptr);

    void showHandle(const hs::ProcessInfo& process, const hs::HandleInfo& handle);
    /// The holders of the shown handle's object (a null read: still searching).
    void showHolders(const hs::ui::HolderList& holders);
    void clear();
    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }
    /// True while the other holders are being searched for.
    [[nodiscard]] bool holdersPending() const { return m_searching; }

Q_SIGNALS:
    /// The user double-clicked another holder of the object.
    void jumpRequested(hs::Pid pid, hs::HandleValue value);
    /// Holders were shown (tests wait for it).
    void holdersFound();

private:
    QTreeWidgetItem* section(const QString& title);
    static void addField(QTreeWidgetItem* parent, const QString& name, const QString& value);
    /// Takes the "Other holders" section out of the tree (null if there is none).
    QTreeWidgetItem* takeHoldersSection();

    QTreeWidget* m_tree;
    std::optional<std::pair<hs::ProcessKey, hs::HandleValue>> m_shown; ///< the handle on screen
    bool m_searching = false;
};

} // namespace hs::ui
