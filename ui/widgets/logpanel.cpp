// SPDX-License-Identifier: MIT
#include "widgets/logpanel.h"

#include "log/logmodel.h"
#include "log/logproxymodel.h"
#include "util/tableexport.h"
#include "widgets/tableviews.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QTableView>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>

#include <spdlog/common.h>

namespace hs::ui {

LogPanel::LogPanel(LogModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new LogProxyModel(this))
    , m_level(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    m_level->setObjectName(QStringLiteral("logLevel"));
    m_level->setToolTip(tr("Show this level and above"));
    for (int level : {spdlog::level::debug, spdlog::level::info, spdlog::level::warn, spdlog::level::err})
        m_level->addItem(tr("%1 and above").arg(LogModel::levelName(level)), level);
    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_filter->setPlaceholderText(tr("Filter log (logger or message)"));
    m_filter->setClearButtonEnabled(true);

    auto button = [this](const QString& text, const QString& tip, auto slot) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    auto* copy = button(tr("Copy"), tr("Copy the selected lines"), &LogPanel::copySelection);
    auto* save = button(tr("Save…"), tr("Save the shown lines to a file"), &LogPanel::saveToFile);
    auto* clear = button(tr("Clear"), tr("Remove every line from the panel (the log file keeps them)"),
                         [this] { m_model->clear(); });
    clear->setObjectName(QStringLiteral("logClear"));

    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_proxy);
    setupTableView(m_view);
    m_view->setSortingEnabled(false); // time order is the order
    m_proxy->sort(-1);                // undo the sort setupTableView started: oldest first
    fitColumn(m_view, LogModel::TimeColumn, 96);
    QStringList levels;
    for (int level = spdlog::level::trace; level < spdlog::level::off; ++level)
        levels << LogModel::levelName(level);
    fitColumn(m_view, LogModel::LevelColumn, 70, levels);
    fitColumn(m_view, LogModel::LoggerColumn, 90);
    auto* copyAction = new QAction(tr("Copy"), m_view);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &LogPanel::copySelection);
    m_view->addAction(copyAction);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this, copyAction](const QPoint& pos) {
        QMenu menu(this);
        menu.addAction(copyAction);
        menu.addAction(tr("Save…"), this, &LogPanel::saveToFile);
        menu.addAction(tr("Clear"), m_model, &LogModel::clear);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });

    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setMinimumLevel(m_level->currentData().toInt()); });
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &LogProxyModel::setText);
    // Follow new lines while the view is scrolled to the bottom.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        auto* bar = m_view->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2)
            QMetaObject::invokeMethod(m_view, &QTableView::scrollToBottom, Qt::QueuedConnection);
    });

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_level);
    controls->addWidget(m_filter, 1);
    controls->addWidget(copy);
    controls->addWidget(save);
    controls->addWidget(clear);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    layout->addWidget(m_view);
}

void LogPanel::copySelection()
{
    if (auto* clipboard = QGuiApplication::clipboard())
        clipboard->setText(selectionAsTsv(*m_view));
}

void LogPanel::saveToFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save log"), QStringLiteral("handlescope-log.txt"),
                                                      tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        QMessageBox::warning(this, tr("Save log"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    QTextStream out(&file);
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            cells << m_proxy->index(r, c).data().toString();
        out << cells.join(QLatin1Char('\t')) << '\n';
    }
}

} // namespace hs::ui
