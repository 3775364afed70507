// SPDX-License-Identifier: MIT
#include "widgets/detailspane.h"

#include "handlescope/find.h"
#include "models/handlemodel.h"
#include "refresh/machinesearch.h"
#include "util/platform.h"
#include "util/qtstd.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hs::ui {

namespace {
constexpr int PidRole = Qt::UserRole + 1;
constexpr int ValueRole = Qt::UserRole + 2;
/// Holders may be this old: stepping through handles reuses one read of the machine.
constexpr std::chrono::milliseconds HolderSnapshotMaxAge{5000};
/// The selection must rest this long before the machine is read for holders.
constexpr int HolderSearchDelayMs = 150;
/// More holders than this are counted, not listed (Find lists them all): /dev/null on a
/// busy machine has hundreds, and 500 tree items took the UI thread ~10 ms to build.
constexpr std::size_t MaxHoldersListed = 100;
} // namespace

DetailsPane::DetailsPane(MachineSearch* machine, QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_machine(machine)
{
    m_holderSearchDue.setSingleShot(true);
    m_holderSearchDue.setInterval(HolderSearchDelayMs);
    connect(&m_holderSearchDue, &QTimer::timeout, this, &DetailsPane::searchHolders);
    m_tree->setObjectName(QStringLiteral("detailsTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Field"), tr("Value")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(0, 160);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setToolTip(tr("Double-click another holder to jump to it"));
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        const QVariant pid = item->data(0, PidRole);
        if (pid.isValid())
            Q_EMIT jumpRequested(pid.toLongLong(), item->data(0, ValueRole).toLongLong());
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
}

void DetailsPane::clear()
{
    m_tree->clear();
    m_shown.reset();
    m_shownHandle.reset();
    m_holderSearchDue.stop();
}

QTreeWidgetItem* DetailsPane::section(const QString& title)
{
    auto* item = new QTreeWidgetItem(m_tree, {title});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}

void DetailsPane::addField(QTreeWidgetItem* parent, const QString& name, const QString& value)
{
    auto* item = new QTreeWidgetItem(parent, {name, value});
    item->setToolTip(1, value);
}

void DetailsPane::showHandle(const hs::ProcessInfo& process, const hs::HandleInfo& h)
{
    // Every refresh shows the selected handle again; most of the time nothing changed,
    // and rebuilding the tree (with up to 500 holders) cost the UI thread ~10 ms.
    if (m_shownHandle && m_shownHandle->first == process.key() && m_shownHandle->second == h &&
        m_tree->topLevelItemCount() > 0)
        return;
    m_shownHandle.emplace(process.key(), h);
    const auto previous = m_shown;
    m_shown = HolderKey{process.key(), h.value, h.object};
    // The holders found for this object stay: moved out and back, not rebuilt.
    QTreeWidgetItem* keptHolders = nullptr;
    if (m_holdersFor == m_shown && previous == m_shown)
        keptHolders = takeHoldersSection();
    m_tree->clear();
    auto* fields = section(tr("Handle %1 of %2 (pid %3)").arg(h.value).arg(qs(process.name)).arg(process.pid));
    addField(fields, tr("Value"), tr("%1 (0x%2)").arg(h.value).arg(QString::number(h.value, 16).toUpper()));
    addField(fields, tr("Type"), HandleModel::typeText(h));
    addField(fields, tr("OS type name"), qs(h.typeName));
    addField(fields, tr("Name"), HandleModel::nameText(h));
    addField(fields, tr("Access"), h.accessText.empty() ? qs(hs::toString(h.access)) : qs(h.accessText));
    if (h.grantedAccess != 0)
        addField(fields, tr("Granted access"), QStringLiteral("0x%1").arg(h.grantedAccess, 8, 16, QLatin1Char('0')));
    addField(fields, tr("Inheritable"), h.inheritable ? HandleModel::inheritableText(h) : tr("unknown"));
    if (h.offset)
        addField(fields, tr("Offset"), QString::number(*h.offset));
    if (h.openFlags != 0 || !h.flagNames.empty()) {
        QStringList names;
        for (const auto& f : h.flagNames)
            names << qs(f);
        addField(fields, tr("Flags"), QStringLiteral("0%1 %2").arg(h.openFlags, 0, 8).arg(names.join(QLatin1Char(' '))));
    }
    addField(fields, tr("Object"), h.object.valid() ? qs(hs::toString(h.object)) : tr("unknown"));
    if (h.protectFromClose)
        addField(fields, tr("Protected from close"), tr("yes"));
    if (h.referencedPid >= 0)
        addField(fields, tr("Refers to process"), QString::number(h.referencedPid));
    if (!h.partialError.empty())
        addField(fields, tr("Could not read"), qs(h.partialError));

    if (h.socket) {
        auto* s = section(tr("Socket"));
        addField(s, tr("Family"), qs(h.socket->family));
        addField(s, tr("Protocol"), qs(h.socket->protocol));
        addField(s, tr("Local address"), qs(h.socket->localAddress));
        addField(s, tr("Remote address"), qs(h.socket->remoteAddress));
        addField(s, tr("State"), qs(h.socket->state));
        if (h.socket->peerInode != 0)
            addField(s, tr("Peer inode"), QString::number(h.socket->peerInode));
    }
    if (!h.extras.empty()) {
        auto* extras = section(tr("Details for this type"));
        for (const auto& [key, value] : h.extras)
            addField(extras, qs(key), qs(value));
    }

    if (h.object.sharedInode) {
        auto* holders = section(tr("Other holders"));
        addField(holders, QString(), tr("Every object of this kind shares one inode, so holders cannot be told apart."));
        m_shown.reset();
    } else if (!h.object.valid()) {
        m_shown.reset();
    } else {
        // Debounced: the machine is read once the selection rests, not for every row the
        // arrow keys pass; a refresh showing the same handle again changes nothing.
        if (m_holdersFor != m_shown && m_holderSearch == 0 && (previous != m_shown || !m_holderSearchDue.isActive()))
            m_holderSearchDue.start();
        if (keptHolders) {
            m_tree->addTopLevelItem(std::exchange(keptHolders, nullptr));
            m_tree->topLevelItem(m_tree->topLevelItemCount() - 1)->setExpanded(true);
        } else {
            addHolders();
        }
    }
    delete keptHolders; // the handle no longer has holders to show
}

QTreeWidgetItem* DetailsPane::takeHoldersSection()
{
    const int last = m_tree->topLevelItemCount() - 1;
    if (last >= 0 && m_tree->topLevelItem(last)->text(0).startsWith(tr("Other holders")))
        return m_tree->takeTopLevelItem(last);
    return nullptr;
}

void DetailsPane::addHolders()
{
    if (m_holdersFor != m_shown) {
        auto* holders = section(tr("Other holders"));
        addField(holders, QString(), tr("Searching every process…"));
        return;
    }
    auto* holders = section(tr("Other holders (%1)").arg(m_holders.size()));
    if (m_holders.empty())
        addField(holders, QString(), tr("No other handle refers to this object."));
    for (const auto& holder : m_holders) {
        auto* item = new QTreeWidgetItem(holders, {tr("%1 (pid %2)").arg(holder.processName).arg(holder.process.pid),
                                                    tr("%1 %2").arg(qs(platform().handleWord)).arg(holder.value)});
        item->setData(0, PidRole, QVariant::fromValue<qint64>(holder.process.pid));
        item->setData(0, ValueRole, QVariant::fromValue<qint64>(holder.value));
    }
    if (!m_holdersNote.isEmpty())
        addField(holders, QString(), m_holdersNote);
}

void DetailsPane::searchHolders()
{
    if (!m_shown || m_holdersFor == m_shown)
        return;
    const HolderKey wanted = *m_shown;
    m_holderSearch = m_machine->search(
        [object = wanted.object](const hs::Snapshot& snapshot) -> hs::Result<std::vector<hs::FindHit>> {
            return hs::findHolders(snapshot, object);
        },
        HolderSnapshotMaxAge, MaxHoldersListed + 1,
        [this, wanted](MachineSearchResult&& result) {
            if (result.id != m_holderSearch)
                return; // a newer search replaced this one
            m_holderSearch = 0;
            m_holdersFor = wanted;
            m_holders.clear();
            std::size_t others = 0;
            for (const auto& hit : result.hits) {
                if (hit.process == wanted.process && hit.handle.value == wanted.value)
                    continue;
                ++others;
                if (m_holders.size() < MaxHoldersListed)
                    m_holders.push_back({hit.process, qs(hit.processName), hit.handle.value});
            }
            if (result.error)
                m_holdersNote = tr("Could not search: %1").arg(qs(result.error->message()));
            else if (result.matches > result.hits.size() || others > m_holders.size())
                m_holdersNote = tr("%1 handles refer to this object; %2 are listed (Find shows them all).")
                                    .arg(result.matches)
                                    .arg(m_holders.size());
            else
                m_holdersNote = tr("Searched %1 handles of %2 processes read at %3.")
                                    .arg(result.handles)
                                    .arg(result.processes)
                                    .arg(result.machineReadAt.toString(QStringLiteral("HH:mm:ss")));
            Q_EMIT holdersFound();
            if (m_shown == wanted)
                rebuildHolders();
            else if (m_shown && m_holdersFor != m_shown)
                m_holderSearchDue.start(); // the selection moved on meanwhile
        });
}

void DetailsPane::rebuildHolders()
{
    // The holders section is the last top-level item: replace it in place, so the fields
    // above keep their scroll position and selection.
    delete takeHoldersSection();
    addHolders();
}

} // namespace hs::ui
