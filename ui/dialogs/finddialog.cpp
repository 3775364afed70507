// SPDX-License-Identifier: MIT
#include "dialogs/finddialog.h"

#include "models/hitmodel.h"
#include "models/roles.h"
#include "reader/reader.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"

#include "handlescope/find.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hs::ui {

FindDialog::FindDialog(Reader* reader, QWidget* parent)
    : QDialog(parent)
    , m_reader(reader)
    , m_findButton(new QPushButton(tr("Find"), this))
    , m_text(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regular expression"), this))
    , m_case(new QCheckBox(tr("Match case"), this))
    , m_type(new QComboBox(this))
    , m_hits(new HitModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_results(new QTableView(this))
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
        m_type->addItem(kindName(static_cast<hs::HandleKind>(k)), k);

    m_sorted->setSourceModel(m_hits);
    m_sorted->setSortRole(SortRole);
    m_results->setObjectName(QStringLiteral("findResults"));
    m_results->setModel(m_sorted);
    // Unsorted until a header is clicked: hits come in pid and handle order, and sorting
    // 10,000 of them on every search would cost the UI thread for nothing.
    m_results->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_results->setSortingEnabled(true);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->verticalHeader()->setVisible(false);
    m_results->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setShowGrid(false);
    m_results->setToolTip(tr("Double-click a result to show it in the main window"));
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_status->setWordWrap(true);

    auto* findButton = m_findButton;
    findButton->setObjectName(QStringLiteral("findButton"));
    findButton->setDefault(true);
    connect(findButton, &QPushButton::clicked, this, &FindDialog::find);
    connect(m_text, &QLineEdit::returnPressed, this, &FindDialog::find);
    connect(m_results, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.isValid())
            Q_EMIT jumpRequested(index.data(PidRole).toLongLong(), index.data(HandleValueRole).toLongLong());
    });
    connect(m_reader, &Reader::found, this, [this](const std::shared_ptr<const FindRead>& result) {
        if (result->id == m_search)
            showResult(result);
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
    hs::FindQuery query;
    query.text = m_text->text().toStdString();
    query.regex = m_regex->isChecked();
    query.caseSensitive = m_case->isChecked();
    if (const int k = m_type->currentData().toInt(); k >= 0)
        query.kind = static_cast<hs::HandleKind>(k);
    // A bad expression is reported at once, before the machine is read.
    if (auto check = hs::findHandles(hs::Snapshot{}, query); !check) {
        m_hits->setHits(nullptr);
        m_status->setText(tr("Invalid search: %1").arg(qs(check.error().message())));
        return;
    }
    m_status->setText(tr("Reading the handles of every process…"));
    m_findButton->setEnabled(false);
    m_search = m_reader->find(query, MaxResults);
}

void FindDialog::showResult(const std::shared_ptr<const FindRead>& found)
{
    m_search = 0;
    m_findButton->setEnabled(true);
    const FindRead& result = *found;
    if (result.error) {
        m_hits->setHits(nullptr);
        m_status->setText(tr("Search failed: %1").arg(qs(result.error->message())));
        Q_EMIT searched();
        return;
    }
    const int shown = static_cast<int>(result.hits.size());
    m_hits->setHits(found);
    const QString searchedText =
        tr("Searched %n handle(s) of %1 processes, read at %2.", nullptr, static_cast<int>(result.handles))
            .arg(result.processes)
            .arg(result.machineReadAt.toString(QStringLiteral("HH:mm:ss")));
    if (result.matches > static_cast<std::size_t>(shown))
        m_status->setText(tr("%n handle(s) found; showing the first %1. Narrow the search.", nullptr,
                             static_cast<int>(result.matches))
                              .arg(shown) +
                          QLatin1Char(' ') + searchedText);
    else
        m_status->setText(tr("%n handle(s) found.", nullptr, static_cast<int>(result.matches)) + QLatin1Char(' ') +
                          searchedText);
    Q_EMIT searched();
}

} // namespace hs::ui
