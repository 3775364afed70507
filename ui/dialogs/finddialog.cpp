// SPDX-License-Identifier: MIT
#include "dialogs/finddialog.h"

#include "models/handlemodel.h"
#include "util/qtstd.h"

#include "handlescope/find.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hs::ui {

namespace {
constexpr int PidRole = Qt::UserRole + 1;
constexpr int ValueRole = Qt::UserRole + 2;
} // namespace

FindDialog::FindDialog(QWidget* parent)
    : QDialog(parent)
    , m_text(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regular expression"), this))
    , m_case(new QCheckBox(tr("Match case"), this))
    , m_type(new QComboBox(this))
    , m_results(new QTableWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("findDialog"));
    setWindowTitle(tr("Find handle"));
    m_text->setObjectName(QStringLiteral("findText"));
    m_text->setPlaceholderText(tr("Name or type contains… (e.g. .log, socket:[, /dev/)"));
    m_text->setClearButtonEnabled(true);
    m_regex->setObjectName(QStringLiteral("findRegex"));
    m_regex->setToolTip(tr("ECMAScript syntax, e.g. \\.log$"));
    m_type->setObjectName(QStringLiteral("findType"));
    m_type->addItem(tr("Any type"), -1);
    for (int k = 0; k < hs::HandleKindCount; ++k)
        m_type->addItem(qs(hs::displayName(static_cast<hs::HandleKind>(k))), k);

    m_results->setObjectName(QStringLiteral("findResults"));
    m_results->setColumnCount(5);
    m_results->setHorizontalHeaderLabels({tr("Process"), tr("PID"), tr("Handle"), tr("Type"), tr("Name")});
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->verticalHeader()->setVisible(false);
    m_results->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setShowGrid(false);
    m_results->setToolTip(tr("Double-click a result to show it in the main window"));
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setWordWrap(true);

    auto* findButton = new QPushButton(tr("Find"), this);
    findButton->setObjectName(QStringLiteral("findButton"));
    findButton->setDefault(true);
    connect(findButton, &QPushButton::clicked, this, &FindDialog::find);
    connect(m_text, &QLineEdit::returnPressed, this, &FindDialog::find);
    connect(m_results, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        auto* item = m_results->item(row, 0);
        if (item)
            Q_EMIT jumpRequested(item->data(PidRole).toLongLong(), item->data(ValueRole).toLongLong());
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* query = new QHBoxLayout;
    query->addWidget(m_text, 1);
    query->addWidget(m_type);
    query->addWidget(m_regex);
    query->addWidget(m_case);
    query->addWidget(findButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(query);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(760, 480);
}

void FindDialog::find()
{
    m_results->setRowCount(0);
    if (!m_snapshot) {
        m_status->setText(tr("No snapshot yet: refresh first."));
        return;
    }
    hs::FindQuery query;
    query.text = m_text->text().toStdString();
    query.regex = m_regex->isChecked();
    query.caseSensitive = m_case->isChecked();
    if (const int k = m_type->currentData().toInt(); k >= 0)
        query.kind = static_cast<hs::HandleKind>(k);
    const auto hits = hs::findHandles(*m_snapshot, query);
    if (!hits) {
        m_status->setText(tr("Invalid search: %1").arg(qs(hits.error().message())));
        return;
    }
    const int shown = static_cast<int>(std::min<std::size_t>(hits->size(), MaxResults));
    m_results->setSortingEnabled(false);
    m_results->setRowCount(shown);
    for (int r = 0; r < shown; ++r) {
        const auto& hit = (*hits)[static_cast<std::size_t>(r)];
        auto* first = new QTableWidgetItem(qs(hit.process->name));
        first->setData(PidRole, QVariant::fromValue<qint64>(hit.process->pid));
        first->setData(ValueRole, QVariant::fromValue<qint64>(hit.handle->value));
        m_results->setItem(r, 0, first);
        auto* pid = new QTableWidgetItem;
        pid->setData(Qt::DisplayRole, QVariant::fromValue<qint64>(hit.process->pid)); // sorts as a number
        m_results->setItem(r, 1, pid);
        auto* value = new QTableWidgetItem;
        value->setData(Qt::DisplayRole, QVariant::fromValue<qint64>(hit.handle->value));
        m_results->setItem(r, 2, value);
        m_results->setItem(r, 3, new QTableWidgetItem(HandleModel::typeText(*hit.handle)));
        m_results->setItem(r, 4, new QTableWidgetItem(HandleModel::nameText(*hit.handle)));
    }
    m_results->setSortingEnabled(true);
    if (hits->size() > static_cast<std::size_t>(MaxResults))
        m_status->setText(tr("%1 handles found; showing the first %2. Narrow the search.")
                              .arg(hits->size())
                              .arg(MaxResults));
    else
        m_status->setText(tr("%n handle(s) found.", nullptr, static_cast<int>(hits->size())));
}

} // namespace hs::ui
