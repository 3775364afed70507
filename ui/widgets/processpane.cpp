// SPDX-License-Identifier: MIT
#include "widgets/processpane.h"

#include "leaks/sparklinedelegate.h"
#include "models/processmodel.h"
#include "models/processproxymodel.h"
#include "widgets/tableviews.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace hs::ui {

ProcessPane::ProcessPane(ProcessModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new ProcessProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    m_filter->setObjectName(QStringLiteral("processFilter"));
    m_filter->setPlaceholderText(tr("Filter processes (name, PID, user, command line)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only processes whose name, user or command line contains this text, "
                            "or whose PID starts with it"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ProcessProxyModel::setTextFilter);

    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("processView"));
    m_view->setModel(m_proxy);
    setupTableView(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->sortByColumn(ProcessModel::PidColumn, Qt::AscendingOrder);
    fitColumn(m_view, ProcessModel::NameColumn, 170);
    fitColumn(m_view, ProcessModel::PidColumn, 64);
    fitColumn(m_view, ProcessModel::UserColumn, 80);
    // The handle count over a sparkline of its last reads (ui/leaks).
    m_view->setItemDelegateForColumn(ProcessModel::HandlesColumn, new SparklineDelegate(m_view));
    fitColumn(m_view, ProcessModel::HandlesColumn, 100);
    fitColumn(m_view, ProcessModel::DeltaColumn, 56);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProcessPane::currentProcessChanged);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
}

std::optional<hs::ProcessKey> ProcessPane::currentProcess() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->process(m_proxy->mapToSource(current).row()).key();
}

bool ProcessPane::selectPid(hs::Pid pid)
{
    const int row = m_model->rowOfPid(pid);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_filter->clear(); // the filter hides it
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

} // namespace hs::ui
