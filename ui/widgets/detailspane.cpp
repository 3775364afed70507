// SPDX-License-Identifier: MIT
#include "widgets/detailspane.h"

#include "util/platform.h"
#include "window/windowcontroller.h"

#include "handlescope/describe.h"
#include "util/peertext.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hs::ui {

namespace {
constexpr int PidRole = Qt::UserRole + 1;
constexpr int ValueRole = Qt::UserRole + 2;
} // namespace

DetailsPane::DetailsPane(QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
{
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
    m_searching = false;
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
    // The holders found for the same handle stay: moved out and back, not rebuilt.
    const std::pair<hs::ProcessKey, hs::HandleValue> shown{process.key(), h.value};
    QTreeWidgetItem* keptHolders = m_shown == shown ? takeHoldersSection() : nullptr;
    if (m_shown != shown)
        m_searching = false;
    m_shown = shown;
    m_tree->clear();
    auto* fields = section(tr("Handle %1 of %2 (pid %3)").arg(h.value).arg(qs(process.name)).arg(process.pid));
    addField(fields, tr("Value"), tr("%1 (0x%2)").arg(h.value).arg(QString::number(h.value, 16).toUpper()));
    addField(fields, tr("Type"), typeText(h));
    addField(fields, tr("OS type name"), qs(h.typeName));
    addField(fields, tr("Name"), nameText(h));
    addField(fields, tr("Access"), qs(hs::describeAccess(h)));
    if (h.grantedAccess != 0)
        addField(fields, tr("Granted access"), QStringLiteral("0x%1").arg(h.grantedAccess, 8, 16, QLatin1Char('0')));
    addField(fields, tr("Inheritable"), h.inheritable ? inheritableText(h) : tr("unknown"));
    if (h.offset)
        addField(fields, tr("Offset"), QString::number(*h.offset));
    if (h.openFlags)
        addField(fields, tr("Flags"), qs(hs::describeFlags(h)));
    if (h.mountId)
        addField(fields, tr("Mount id"), QString::number(*h.mountId));
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
    if (!h.peers.empty()) {
        // Every peer, not only the three the name has room for; double-click jumps there.
        auto* peers = section(tr("Other end (%n)", nullptr, static_cast<int>(h.peers.size())));
        for (const hs::PeerEnd& peer : h.peers) {
            auto* item = new QTreeWidgetItem(peers, {tr("%1 (pid %2)").arg(qs(peer.processName)).arg(peer.pid),
                                                     tr("%1 %2").arg(handleWord()).arg(peer.value)});
            item->setToolTip(1, tr("Double-click to show this end"));
            item->setData(0, PidRole, QVariant::fromValue<qint64>(peer.pid));
            item->setData(0, ValueRole, QVariant::fromValue<qint64>(peer.value));
        }
    }
    if (!h.extras.empty()) {
        auto* extras = section(tr("Details for this type"));
        for (const auto& [key, value] : h.extras)
            addField(extras, qs(key), qs(value));
    }

    if (h.object.sharedInode) {
        auto* holders = section(tr("Other holders"));
        addField(holders, QString(), tr("Every object of this kind shares one inode, so holders cannot be told apart."));
    } else if (keptHolders) {
        m_tree->addTopLevelItem(std::exchange(keptHolders, nullptr));
        m_tree->topLevelItem(m_tree->topLevelItemCount() - 1)->setExpanded(true);
    }
    delete keptHolders;
}

void DetailsPane::showHolders(const HolderList& list)
{
    if (m_shown != std::pair{list.process, list.value})
        return;
    delete takeHoldersSection();
    m_searching = !list.read;
    if (!list.read) {
        addField(section(tr("Other holders")), QString(), tr("Searching every process…"));
        return;
    }
    const HoldersRead& read = *list.read;
    std::vector<const FoundHandle*> others;
    for (const FoundHandle& hit : read.holders)
        if (!(hit.process == list.process && hit.handle.value == list.value))
            others.push_back(&hit);
    auto* holders = section(tr("Other holders (%1)").arg(others.size()));
    if (read.error)
        addField(holders, QString(), tr("Could not search: %1").arg(qs(read.error->message())));
    else if (others.empty())
        addField(holders, QString(), tr("No other handle refers to this object."));
    for (const FoundHandle* hit : others) {
        auto* item = new QTreeWidgetItem(holders, {tr("%1 (pid %2)").arg(qs(hit->processName)).arg(hit->process.pid),
                                                    tr("%1 %2").arg(handleWord()).arg(hit->handle.value)});
        item->setToolTip(1, qs(hs::describeName(hit->handle)));
        item->setData(0, PidRole, QVariant::fromValue<qint64>(hit->process.pid));
        item->setData(0, ValueRole, QVariant::fromValue<qint64>(hit->handle.value));
    }
    if (read.matches > read.holders.size())
        addField(holders, QString(),
                 tr("%n handle(s) refer to this object; %1 are listed (Find shows them all).", nullptr,
                    static_cast<int>(read.matches))
                     .arg(read.holders.size()));
    else if (!read.error)
        addField(holders, QString(), tr("Searched every process at %1.").arg(read.readAt.toString(QStringLiteral("HH:mm:ss"))));
    Q_EMIT holdersFound();
}

QTreeWidgetItem* DetailsPane::takeHoldersSection()
{
    const int last = m_tree->topLevelItemCount() - 1;
    if (last >= 0 && m_tree->topLevelItem(last)->text(0).startsWith(tr("Other holders")))
        return m_tree->takeTopLevelItem(last);
    return nullptr;
}

} // namespace hs::ui
