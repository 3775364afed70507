// SPDX-License-Identifier: MIT
#pragma once

#include "dup/progress.h"

#include "handlescope/duplicate.h"
#include "handlescope/model.h"

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

namespace hs::ui {

/// The kernel object the map is about: what every slot's arrow points at.
struct MappedObject {
    ObjectId id;
    QString typeName; ///< "REG", "pipe", "Event"
    QString name;     ///< path, "pipe:[123]", object name
    HandleKind kind = HandleKind::Unknown; ///< for the icon and the ends of a pipe
    std::optional<std::uint64_t> offset;    ///< Linux: the open file's position
    std::optional<std::uint32_t> openFlags; ///< Linux: O_* flags of the open file
    /// Whose open file description the offset and flags are: holders of one object may
    /// have opened it apart (a description each), a copy shares the description.
    HandleValue describedBy = -1;
};

/// One slot of a handle table that refers to the object.
struct MapSlot {
    Pid pid = 0;
    QString processName;
    HandleValue value = -1;
    bool appeared = false; ///< made by the duplicate the map is following
    /// Which way this slot uses the object: a pipe's read or write end (Unknown: not known).
    AccessMode access = AccessMode::Unknown;
    QString accessText; ///< Windows: the access this handle was granted ("READ_CONTROL | SYNCHRONIZE")
};

/// The other end of a socket pair or connection: another object, drawn linked to the
/// map's object (dashed), with the slots that hold it.
struct MappedPeer {
    QString name; ///< "socket:[124]", or what the core says of the end
    std::vector<MapSlot> slots;
};

/// Every holder of the object of (pid, handle) in `processes`: the slots whose handle has
/// the same object identity, in process order then handle order. Without an identity
/// (a kind the snapshot cannot identify) only that handle itself.
std::pair<MappedObject, std::vector<MapSlot>> holdersOf(const std::vector<ProcessHandles>& processes, Pid pid,
                                                       HandleValue handle);

/// The handle map's data (HandleMapView draws it): the object, and one row per slot that
/// refers to it, each drawn in its process's column with an arrow to the object; the
/// holder count is the row count. Following a duplicate, the core's progress events add
/// the target's new slot when the copy is proven (Linux kcmp, Windows DuplicateHandle),
/// remove the source's slot when it is closed (close-source), and keep the step in
/// progress, or the step a failure happened at, for the view to show.
class HandleMapModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ProcessColumn, PidColumn, HandleColumn, StateColumn, ColumnCount };
    enum Role { PidRole = Qt::UserRole + 1, HandleRole, AppearedRole };

    using QAbstractTableModel::QAbstractTableModel;

    /// Shows `object` and its holders (a reset); forgets any duplicate being followed.
    void setObject(const MappedObject& object, std::vector<MapSlot> slots);
    /// From now on, progress events are about copying `handle` of `source` into `target`.
    void beginDuplicate(Pid source, HandleValue handle, Pid target, const QString& targetName);
    /// One step of that duplicate, in the order the core reported it.
    void applyProgress(const DuplicateProgress& step);

    /// The other end to draw beside the object (nullopt: none). Not rows: the holder
    /// count stays the object's.
    void setPeer(std::optional<MappedPeer> peer);
    [[nodiscard]] const std::optional<MappedPeer>& peer() const { return m_peer; }

    [[nodiscard]] const MappedObject& object() const { return m_object; }
    [[nodiscard]] const MapSlot& slotAt(int row) const { return m_slots.at(static_cast<std::size_t>(row)); }
    [[nodiscard]] int holderCount() const { return static_cast<int>(m_slots.size()); }
    /// The processes, one column each on the map: in the order their first slot appears,
    /// then the peer's holders, and a duplicate's target even before it holds anything.
    [[nodiscard]] std::vector<Pid> processes() const;
    /// The last step reported, nullopt before the first.
    [[nodiscard]] const std::optional<DuplicateProgress>& lastStep() const { return m_lastStep; }
    /// Where the followed duplicate failed, nullopt while it has not.
    [[nodiscard]] const std::optional<DuplicateProgress>& failure() const { return m_failure; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A step arrived (lastStep() or failure() changed), whether or not a slot changed.
    void stepReported();
    /// The peer (setPeer) changed.
    void peerChanged();

private:
    int rowOf(Pid pid, HandleValue value) const;
    void addSlot(MapSlot slot);
    void removeSlot(Pid pid, HandleValue value);

    MappedObject m_object;
    std::vector<MapSlot> m_slots;
    Pid m_source = 0;
    HandleValue m_sourceHandle = -1;
    Pid m_target = 0;
    QString m_targetName;
    std::optional<DuplicateProgress> m_lastStep;
    std::optional<DuplicateProgress> m_failure;
    std::optional<MappedPeer> m_peer;
};

} // namespace hs::ui
