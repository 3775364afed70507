// SPDX-License-Identifier: MIT
#include "handlemapmodel.h"

#include <algorithm>

namespace hs::ui {

std::pair<MappedObject, std::vector<MapSlot>> holdersOf(const std::vector<ProcessHandles>& processes, Pid pid,
                                                       HandleValue handle)
{
    MappedObject object;
    std::vector<MapSlot> slots;
    const HandleInfo* chosen = nullptr;
    for (const auto& p : processes)
        if (p.process.pid == pid)
            for (const auto& h : p.handles)
                if (h.value == handle)
                    chosen = &h;
    if (!chosen)
        return {object, slots};
    object.id = chosen->object;
    object.typeName = QString::fromStdString(chosen->typeName);
    object.name = QString::fromStdString(chosen->name);
    object.offset = chosen->offset;
    object.openFlags = chosen->openFlags;
    object.kind = chosen->kind;
    object.describedBy = chosen->value;
    for (const auto& p : processes) {
        for (const auto& h : p.handles) {
            const bool same = chosen->object.valid() ? h.object == chosen->object
                                                     : p.process.pid == pid && h.value == handle;
            if (same)
                slots.push_back({p.process.pid, QString::fromStdString(p.process.name), h.value, false, h.access,
                                 QString::fromStdString(h.accessText)});
        }
    }
    return {object, slots};
}

void HandleMapModel::setObject(const MappedObject& object, std::vector<MapSlot> slots)
{
    beginResetModel();
    m_object = object;
    m_slots = std::move(slots);
    m_source = m_target = 0;
    m_sourceHandle = -1;
    m_targetName.clear();
    m_lastStep.reset();
    m_failure.reset();
    m_peer.reset();
    endResetModel();
    Q_EMIT peerChanged();
}

void HandleMapModel::setPeer(std::optional<MappedPeer> peer)
{
    m_peer = std::move(peer);
    Q_EMIT peerChanged();
}

void HandleMapModel::beginDuplicate(Pid source, HandleValue handle, Pid target, const QString& targetName)
{
    m_source = source;
    m_sourceHandle = handle;
    m_target = target;
    m_targetName = targetName;
    m_lastStep.reset();
    m_failure.reset();
    Q_EMIT stepReported();
}

void HandleMapModel::applyProgress(const DuplicateProgress& step)
{
    if (step.error) {
        m_failure = step;
    } else if (step.ok && step.handle >= 0) {
        // The copy exists once the core has proven it (Linux: kcmp; Windows: the
        // DuplicateHandle result); a close removes the slot it names.
        const bool madeCopy = step.process == m_target
                              && (step.step == DuplicateStep::Checked || step.step == DuplicateStep::DuplicateHandle
                                  || step.step == DuplicateStep::Call);
        if (madeCopy && rowOf(step.process, step.handle) < 0) {
            // Linux: the copy shares the source's open file description, so its direction
            // too. The access a Windows copy got is not in the progress: left unknown.
            const int source = rowOf(m_source, m_sourceHandle);
            const AccessMode access = source >= 0 ? m_slots[static_cast<std::size_t>(source)].access : AccessMode::Unknown;
            addSlot({step.process, m_targetName, step.handle, true, access, {}});
        }
        else if (step.step == DuplicateStep::Closed)
            removeSlot(step.process, step.handle);
    }
    m_lastStep = step;
    Q_EMIT stepReported();
}

std::vector<Pid> HandleMapModel::processes() const
{
    std::vector<Pid> pids;
    for (const auto& s : m_slots)
        if (std::find(pids.begin(), pids.end(), s.pid) == pids.end())
            pids.push_back(s.pid);
    if (m_peer)
        for (const auto& s : m_peer->slots)
            if (std::find(pids.begin(), pids.end(), s.pid) == pids.end())
                pids.push_back(s.pid);
    if (m_target != 0 && std::find(pids.begin(), pids.end(), m_target) == pids.end())
        pids.push_back(m_target);
    return pids;
}

int HandleMapModel::rowOf(Pid pid, HandleValue value) const
{
    for (std::size_t i = 0; i < m_slots.size(); ++i)
        if (m_slots[i].pid == pid && m_slots[i].value == value)
            return static_cast<int>(i);
    return -1;
}

void HandleMapModel::addSlot(MapSlot slot)
{
    // Kept in process-then-handle order, as holdersOf gives them.
    const auto at = std::find_if(m_slots.begin(), m_slots.end(), [&](const MapSlot& s) {
        return s.pid > slot.pid || (s.pid == slot.pid && s.value > slot.value);
    });
    const int row = static_cast<int>(at - m_slots.begin());
    beginInsertRows({}, row, row);
    m_slots.insert(at, std::move(slot));
    endInsertRows();
}

void HandleMapModel::removeSlot(Pid pid, HandleValue value)
{
    const int row = rowOf(pid, value);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_slots.erase(m_slots.begin() + row);
    endRemoveRows();
}

int HandleMapModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_slots.size());
}

int HandleMapModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant HandleMapModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MapSlot& s = m_slots[static_cast<std::size_t>(index.row())];
    switch (role) {
    case PidRole:
        return QVariant::fromValue<qlonglong>(s.pid);
    case HandleRole:
        return QVariant::fromValue<qlonglong>(s.value);
    case AppearedRole:
        return s.appeared;
    case Qt::DisplayRole:
        switch (index.column()) {
        case ProcessColumn:
            return s.processName;
        case PidColumn:
            return QString::number(s.pid);
        case HandleColumn:
            return QString::number(s.value);
        case StateColumn:
            return s.appeared ? tr("new copy") : tr("held");
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant HandleMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProcessColumn:
        return tr("Process");
    case PidColumn:
        return tr("PID");
    case HandleColumn:
        return tr("Handle");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace hs::ui
