// SPDX-License-Identifier: MIT
#include "widgets/detailspane.h"

#include "handlescope/find.h"
#include "models/handlemodel.h"
#include "util/platform.h"
#include "util/qtstd.h"

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

void DetailsPane::clear() { m_tree->clear(); }

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

void DetailsPane::showHandle(const hs::ProcessInfo& process, const hs::HandleInfo& h, const hs::Snapshot* snapshot)
{
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
    } else if (snapshot && h.object.valid()) {
        const auto hits = hs::findHolders(*snapshot, h.object);
        std::vector<hs::FindHit> others;
        for (const auto& hit : hits)
            if (!(hit.process->key() == process.key() && hit.handle->value == h.value))
                others.push_back(hit);
        auto* holders = section(tr("Other holders (%1)").arg(others.size()));
        if (others.empty())
            addField(holders, QString(), tr("No other handle refers to this object."));
        for (const auto& hit : others) {
            auto* item = new QTreeWidgetItem(holders, {tr("%1 (pid %2)").arg(qs(hit.process->name)).arg(hit.process->pid),
                                                        tr("%1 %2").arg(qs(platform().handleWord)).arg(hit.handle->value)});
            item->setData(0, PidRole, QVariant::fromValue<qint64>(hit.process->pid));
            item->setData(0, ValueRole, QVariant::fromValue<qint64>(hit.handle->value));
        }
    }
    m_tree->expandAll();
}

} // namespace hs::ui
