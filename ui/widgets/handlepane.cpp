// SPDX-License-Identifier: MIT
#include "widgets/handlepane.h"

#include "models/handlemodel.h"
#include "models/handleproxymodel.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"
#include "widgets/tableviews.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace hs::ui {

HandlePane::HandlePane(HandleModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new HandleProxyModel(this))
    , m_type(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_hideUnnamed(new QCheckBox(tr("Hide unnamed"), this))
    , m_group(new QCheckBox(tr("Group by type"), this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_message(new QLabel(this))
{
    m_type->setObjectName(QStringLiteral("handleTypeFilter"));
    m_type->setToolTip(tr("Show one type of handle only; the numbers are the handles of each type"));
    m_type->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_type->addItem(tr("All types"), -1);
    m_filter->setObjectName(QStringLiteral("handleFilter"));
    m_filter->setPlaceholderText(tr("Filter handles (name, type, value)"));
    m_filter->setClearButtonEnabled(true);
    m_hideUnnamed->setObjectName(QStringLiteral("hideUnnamed"));
    m_hideUnnamed->setToolTip(tr("Hide handles without a name (anonymous inodes and the like)"));
    m_group->setObjectName(QStringLiteral("groupByType"));
    m_group->setToolTip(tr("Keep the handles of one type together"));

    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("handleView"));
    m_view->setModel(m_proxy);
    setupTableView(m_view);
    m_view->sortByColumn(HandleModel::ValueColumn, Qt::AscendingOrder);
    m_columnsWidth = fitColumn(m_view, HandleModel::ValueColumn, 56) + fitColumn(m_view, HandleModel::HexColumn, 56);
    QStringList kinds; // the Type column shows these for most handles
    for (int k = 0; k < hs::HandleKindCount; ++k)
        kinds << kindName(static_cast<hs::HandleKind>(k));
    m_columnsWidth += fitColumn(m_view, HandleModel::TypeColumn, 100, kinds);
    // Narrow enough for every column beside the process tree at 1280x800; the name elides.
    m_columnsWidth += fitColumn(m_view, HandleModel::NameColumn, 160) + fitColumn(m_view, HandleModel::AccessColumn, 56)
        + fitColumn(m_view, HandleModel::InheritableColumn, 72) + fitColumn(m_view, HandleModel::OffsetColumn, 64)
        + fitColumn(m_view, HandleModel::ObjectColumn, 90);

    m_message->setObjectName(QStringLiteral("handleMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMargin(24);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_message);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &HandleProxyModel::setTextFilter);
    connect(m_hideUnnamed, &QCheckBox::toggled, m_proxy, &HandleProxyModel::setHideUnnamed);
    connect(m_group, &QCheckBox::toggled, m_proxy, &HandleProxyModel::setGroupByType);
    connect(m_type, &QComboBox::currentIndexChanged, this, &HandlePane::applyTypeFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HandlePane::currentHandleChanged);
    connect(m_model, &HandleModel::changed, this, &HandlePane::updateTypeCounts);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_type);
    controls->addWidget(m_filter, 1);
    controls->addWidget(m_hideUnnamed);
    controls->addWidget(m_group);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_stack);
}

void HandlePane::showTable() { m_stack->setCurrentWidget(m_view); }

void HandlePane::showMessage(const QString& text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

bool HandlePane::isShowingMessage() const { return m_stack->currentWidget() == m_message; }

void HandlePane::updateTypeCounts()
{
    const auto counts = m_proxy->kindCounts();
    int total = 0;
    for (auto [kind, n] : counts)
        total += n;
    const int wanted = m_type->currentData().toInt();
    QSignalBlocker block(m_type);
    m_type->clear();
    m_type->addItem(tr("All types (%1)").arg(total), -1);
    for (auto [kind, n] : counts)
        m_type->addItem(tr("%1 (%2)").arg(kindName(kind)).arg(n), static_cast<int>(kind));
    int index = m_type->findData(wanted);
    if (index < 0 && wanted >= 0) {
        // Keep the chosen type selectable even when this process has none of it.
        m_type->addItem(tr("%1 (0)").arg(kindName(static_cast<hs::HandleKind>(wanted))), wanted);
        index = m_type->count() - 1;
    }
    m_type->setCurrentIndex(std::max(index, 0));
}

void HandlePane::applyTypeFilter()
{
    const int kind = m_type->currentData().toInt();
    m_proxy->setKindFilter(kind < 0 ? std::nullopt : std::optional(static_cast<hs::HandleKind>(kind)));
}

const hs::HandleInfo* HandlePane::currentHandle() const
{
    const int row = currentRow();
    return row >= 0 ? &m_model->handle(row) : nullptr;
}

int HandlePane::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

bool HandlePane::selectValue(hs::HandleValue value)
{
    const int row = m_model->rowOfValue(value);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) { // filtered out: clear the filters that hide it
        m_filter->clear();
        m_hideUnnamed->setChecked(false);
        m_type->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

int HandlePane::defaultWidth() const
{
    return m_columnsWidth + 2 * m_view->frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4;
}

int HandlePane::narrowNameColumn(int pixels)
{
    constexpr int floor = 100;
    const int now = m_view->columnWidth(HandleModel::NameColumn);
    const int taken = std::clamp(now - floor, 0, std::max(0, pixels));
    m_view->setColumnWidth(HandleModel::NameColumn, now - taken);
    m_columnsWidth -= taken;
    return taken;
}

} // namespace hs::ui
