// SPDX-License-Identifier: MIT
#include "widgets/processpane.h"

#include "leaks/sparklinedelegate.h"
#include "models/processmodel.h"
#include "models/processproxymodel.h"
#include "models/processtreemodel.h"
#include "util/vocabulary.h"
#include "widgets/tableviews.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace hs::ui {

ProcessPane::ProcessPane(ProcessModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_treeModel(new ProcessTreeModel(model, this))
    , m_proxy(new ProcessProxyModel(this))
    , m_treeProxy(new ProcessProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_tree(new QTreeView(this))
{
    m_filter->setObjectName(QStringLiteral("processFilter"));
    m_filter->setPlaceholderText(tr("Filter processes (name, PID, user, command line)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only processes whose name, user or command line contains this text, "
                            "or whose PID starts with it"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ProcessProxyModel::setTextFilter);
    connect(m_filter, &QLineEdit::textChanged, m_treeProxy, &ProcessProxyModel::setTextFilter);

    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("processView"));
    m_view->setModel(m_proxy);
    setupTableView(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->sortByColumn(ProcessModel::PidColumn, Qt::AscendingOrder);
    // The handle count over a sparkline of its last reads (ui/leaks), in both views.
    m_view->setItemDelegateForColumn(ProcessModel::HandlesColumn, new SparklineDelegate(m_view));
    fitColumns(m_view, 0);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProcessPane::currentProcessChanged);
    setupTree();

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_tree);
    m_stack->setCurrentWidget(m_tree); // the tree by default, like Process Explorer
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_stack);
}

void ProcessPane::setupTree()
{
    m_treeProxy->setSourceModel(m_treeModel);
    m_tree->setObjectName(QStringLiteral("processTree"));
    m_tree->setModel(m_treeProxy);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setUniformRowHeights(true); // hundreds of rows without measuring each
    m_tree->setAlternatingRowColors(true);
    m_tree->setSortingEnabled(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAllColumnsShowFocus(true);
    // Narrower than the style's default: process trees run deep, and the names need the room.
    m_tree->setIndentation(std::max(10, m_tree->fontMetrics().height() * 2 / 3));
    m_tree->header()->setSectionsMovable(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->sortByColumn(ProcessModel::PidColumn, Qt::AscendingOrder);
    // The name column also holds the branch lines: one indentation more (deeper names elide).
    m_tree->setItemDelegateForColumn(ProcessModel::HandlesColumn, new SparklineDelegate(m_tree));
    m_treeColumnsWidth = fitColumns(m_tree, m_tree->indentation());
    // New processes open expanded (Process Explorer's default); a branch the user closed
    // stays closed, since only rows that arrive are expanded.
    connect(m_treeProxy, &QAbstractItemModel::rowsInserted, m_tree, [this](const QModelIndex& parent, int first, int last) {
        for (int row = first; row <= last; ++row)
            m_tree->expand(m_treeProxy->index(row, 0, parent));
        scheduleNameFit();
    });
    connect(m_tree, &QTreeView::expanded, this, &ProcessPane::scheduleNameFit);
    m_tree->viewport()->installEventFilter(this);
    connect(m_tree->header(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section == ProcessModel::NameColumn && !m_fittingName)
            m_nameGrowth = 0; // the user's width (or a restored one) is the base from now on
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProcessPane::currentProcessChanged);
}

template <class View>
int ProcessPane::fitColumns(View* view, int nameExtra)
{
    // Narrow enough that both tables show every column side by side at 1280x800; the
    // state column is the stretched last one, at least as wide as its words.
    QStringList states;
    for (int s = 0; s <= static_cast<int>(hs::ProcessState::Unknown); ++s)
        states << stateText(static_cast<hs::ProcessState>(s));
    return fitColumn(view, ProcessModel::NameColumn, 150 + nameExtra) + fitColumn(view, ProcessModel::PidColumn, 56)
        + fitColumn(view, ProcessModel::UserColumn, 72) + fitColumn(view, ProcessModel::HandlesColumn, 100)
        + fitColumn(view, ProcessModel::DeltaColumn, 56) + (m_lastColumnNeeds = fitColumn(view, ProcessModel::StateColumn, 64, states));
}

int ProcessPane::defaultWidth() const
{
    return m_treeColumnsWidth + 2 * m_tree->frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4;
}

void ProcessPane::giveBackNameGrowth()
{
    // A new layout starts from the fitted widths: the deep-row growth came out of a last
    // column that may be about to shrink. The next fit takes what the new width spares.
    m_fittingName = true;
    m_tree->setColumnWidth(ProcessModel::NameColumn, m_tree->columnWidth(ProcessModel::NameColumn) - m_nameGrowth);
    m_fittingName = false;
    m_nameGrowth = 0;
    scheduleNameFit();
}

int ProcessPane::narrowNameColumn(int pixels)
{
    const int floor = 110 + m_tree->indentation();
    const int now = m_tree->columnWidth(ProcessModel::NameColumn);
    const int taken = std::clamp(now - floor, 0, std::max(0, pixels));
    m_tree->setColumnWidth(ProcessModel::NameColumn, now - taken);
    m_treeColumnsWidth -= taken;
    return taken;
}

void ProcessPane::scheduleNameFit()
{
    if (m_nameFitPending)
        return;
    m_nameFitPending = true; // one measure per burst of inserted or expanded rows
    QMetaObject::invokeMethod(this, &ProcessPane::widenNameColumnForDepth, Qt::QueuedConnection);
}

void ProcessPane::widenNameColumnForDepth()
{
    m_nameFitPending = false;
    // A deep tree (a terminal's shell, under a session, under a service...) indents names
    // out of a column sized for a flat list. Names are what a tree is read by, so the name
    // column grows by what its visible rows need, out of the stretched last column's spare
    // width (down to what that column's words need): every column stays in view (the
    // 1280x800 promise), a wider pane shows deeper names whole. The growth is given back
    // when the pane narrows; a width the user set by hand is the new base.
    QHeaderView* header = m_tree->header();
    const int last = header->logicalIndex(header->count() - 1);
    if (last != ProcessModel::StateColumn) // a moved column: its needs were not measured
        return;
    const int base = m_tree->columnWidth(ProcessModel::NameColumn) - m_nameGrowth;
    // Spare from the viewport, not from the last section: a stretched section never shrinks
    // below the header's minimum, so once a vertical scroll bar narrows the viewport the
    // columns can already be wider than it (the State column was cut by 14 px that way).
    const int othersWithoutGrowth = header->length() - header->sectionSize(last) - m_nameGrowth;
    const int lastNeeds = std::max(m_lastColumnNeeds, header->minimumSectionSize());
    const int spare = m_tree->viewport()->width() - othersWithoutGrowth - lastNeeds;
    m_fittingName = true;
    m_tree->resizeColumnToContents(ProcessModel::NameColumn); // the visible rows' widest, with indentation
    const int needed = m_tree->columnWidth(ProcessModel::NameColumn);
    m_nameGrowth = std::clamp(needed - base, 0, std::max(0, spare));
    m_tree->setColumnWidth(ProcessModel::NameColumn, base + m_nameGrowth);
    m_fittingName = false;
}

bool ProcessPane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize)
        scheduleNameFit(); // the spare width changed
    return QWidget::eventFilter(watched, event);
}

QAbstractItemView* ProcessPane::activeView() const
{
    return isTreeShown() ? static_cast<QAbstractItemView*>(m_tree) : m_view;
}

bool ProcessPane::isTreeShown() const { return m_stack->currentWidget() == m_tree; }

bool ProcessPane::showsKernelThreads() const { return m_proxy->showsKernelThreads(); }

std::optional<hs::ProcessKey> ProcessPane::currentProcess() const
{
    if (isTreeShown()) {
        const QModelIndex current = m_tree->currentIndex();
        const hs::ProcessInfo* p = current.isValid() ? m_treeModel->process(m_treeProxy->mapToSource(current)) : nullptr;
        return p ? std::optional(p->key()) : std::nullopt;
    }
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->process(m_proxy->mapToSource(current).row()).key();
}

QModelIndex ProcessPane::shownIndexOf(const hs::ProcessKey& key) const
{
    if (isTreeShown())
        return m_treeProxy->mapFromSource(m_treeModel->indexOf(key));
    const int row = m_model->rowOfKey(key);
    return row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
}

void ProcessPane::makeCurrent(const QModelIndex& index)
{
    QAbstractItemView* view = activeView();
    view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // Centred: rows that arrive above it later leave it on screen. The tree opens the branches above it.
    view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

bool ProcessPane::selectPid(hs::Pid pid)
{
    const int row = m_model->rowOfPid(pid);
    if (row < 0)
        return false;
    const hs::ProcessKey key = m_model->process(row).key();
    QModelIndex index = shownIndexOf(key);
    if (!index.isValid()) {
        m_filter->clear(); // the filter hides it
        if (m_model->process(row).state == hs::ProcessState::KernelThread)
            setShowKernelThreads(true);
        index = shownIndexOf(key);
    }
    if (!index.isValid())
        return false;
    makeCurrent(index);
    return true;
}

void ProcessPane::setTreeShown(bool tree)
{
    if (tree == isTreeShown())
        return;
    const std::optional<hs::ProcessKey> current = currentProcess();
    m_stack->setCurrentWidget(tree ? static_cast<QWidget*>(m_tree) : m_view);
    if (current) {
        if (const QModelIndex index = shownIndexOf(*current); index.isValid())
            makeCurrent(index);
    }
    Q_EMIT currentProcessChanged();
}

void ProcessPane::setShowKernelThreads(bool show)
{
    if (show == showsKernelThreads())
        return;
    m_proxy->setShowKernelThreads(show);
    m_treeProxy->setShowKernelThreads(show);
    Q_EMIT kernelThreadsShownChanged(show);
}

} // namespace hs::ui
