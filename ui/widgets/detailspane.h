// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/model.h"

#include <QTimer>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

class QTreeWidget;
class QTreeWidgetItem;

namespace hs::ui {

class MachineSearch;
struct MachineSearchResult;

/// Right-bottom: every field of the selected handle, the type-specific extras and the
/// other processes holding the same object. Holders need every handle of the machine:
/// they are searched through MachineSearch a moment after the selection settles, and kept
/// while the same handle stays selected (each refresh shows the pane again).
class DetailsPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPane(MachineSearch* machine, QWidget* parent = nullptr);

    void showHandle(const hs::ProcessInfo& process, const hs::HandleInfo& handle);
    void clear();
    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }
    /// True while the other holders are being searched for.
    [[nodiscard]] bool holdersPending() const { return m_holderSearchDue.isActive() || m_holderSearch != 0; }

Q_SIGNALS:
    /// The user double-clicked another holder of the object.
    void jumpRequested(hs::Pid pid, hs::HandleValue value);
    /// A holder search answered (tests wait for it).
    void holdersFound();

private:
    /// What the holders shown belong to: the handle and the object it referred to.
    struct HolderKey {
        hs::ProcessKey process;
        hs::HandleValue value = -1;
        hs::ObjectId object;
        bool operator==(const HolderKey& o) const
        {
            return process == o.process && value == o.value && object == o.object;
        }
    };
    struct Holder {
        hs::ProcessKey process;
        QString processName;
        hs::HandleValue value = -1;
    };

    QTreeWidgetItem* section(const QString& title);
    static void addField(QTreeWidgetItem* parent, const QString& name, const QString& value);
    void addHolders();
    void searchHolders();
    void rebuildHolders();
    /// Takes the "Other holders" section out of the tree (null if there is none).
    QTreeWidgetItem* takeHoldersSection();

    QTreeWidget* m_tree;
    MachineSearch* m_machine;
    QTimer m_holderSearchDue;
    std::optional<HolderKey> m_shown;       ///< the handle on screen
    std::optional<std::pair<hs::ProcessKey, hs::HandleInfo>> m_shownHandle; ///< as last shown
    std::optional<HolderKey> m_holdersFor;  ///< what m_holders answers
    std::vector<Holder> m_holders;
    QString m_holdersNote;                  ///< when read, or why not
    quint64 m_holderSearch = 0;             ///< id of the search under way
};

} // namespace hs::ui
