// SPDX-License-Identifier: MIT
#include "dialogs/duplicatedialog.h"

#include "learn/explainview.h"
#include "map/handlemapmodel.h"
#include "map/handlemapview.h"

#include "util/colors.h"
#include "util/platform.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"
#include "window/windowcontroller.h"

#include "handlescope/describe.h"
#include "handlescope/log.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace hs::ui {

namespace {
constexpr int PidRole = Qt::UserRole + 1;
constexpr int MaxRecent = 8;
const QString RecentKey = QStringLiteral("duplicate/recentTargets");

bool defaultConfirm(QWidget* parent, const QStringList& risks)
{
    QMessageBox box(QMessageBox::Warning, DuplicateDialog::tr("Duplicate handle"),
                    DuplicateDialog::tr("Please confirm this duplicate:"), QMessageBox::Yes | QMessageBox::Cancel,
                    parent);
    box.setObjectName(QStringLiteral("riskConfirmation"));
    box.setInformativeText(QStringLiteral("• ") + risks.join(QStringLiteral("\n• ")));
    box.setDefaultButton(QMessageBox::Cancel);
    box.button(QMessageBox::Yes)->setText(DuplicateDialog::tr("Duplicate anyway"));
    return box.exec() == QMessageBox::Yes;
}
} // namespace

DuplicateDialog::DuplicateDialog(const hs::ProcessInfo& source, const hs::HandleInfo& handle,
                                 std::vector<hs::ProcessInfo> targets, const RiskContext& context, QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_handle(handle)
    , m_targets(std::move(targets))
    , m_context(context)
    , m_confirm(defaultConfirm)
    , m_search(new QLineEdit(this))
    , m_targetModel(new QStandardItemModel(this))
    , m_targetProxy(new QSortFilterProxyModel(this))
    , m_targetView(new QTableView(this))
    , m_inheritable(new QCheckBox(tr("Inheritable (survives exec in the target's children)"), this))
    , m_closeSource(new QCheckBox(tr("Close the handle in the source afterwards (move it)"), this))
    , m_preview(new QPlainTextEdit(this))
    , m_mapModel(new HandleMapModel(this))
    , m_mapView(new HandleMapView(m_mapModel))
    , m_explain(new ExplainView(this))
    , m_previewTabs(new QTabWidget(this))
    , m_progress(new QProgressBar(this))
    , m_errorBanner(new QLabel(this))
    , m_successPanel(new QWidget(this))
    , m_newHandleLabel(new QLabel(m_successPanel))
    , m_duplicateButton(new QPushButton(tr("&Duplicate"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("duplicateDialog"));
    setWindowTitle(tr("Duplicate handle"));
    const QString word = handleWord();

    auto* sourceLabel = new QLabel(
        tr("<b>Source:</b> %1 (pid %2), %3 %4 — %5 <i>%6</i>")
            .arg(qs(source.name).toHtmlEscaped())
            .arg(source.pid)
            .arg(word)
            .arg(handle.value)
            .arg(typeText(handle).toHtmlEscaped(), qs(hs::describeName(handle)).toHtmlEscaped()),
        this);
    sourceLabel->setObjectName(QStringLiteral("sourceLabel"));
    sourceLabel->setWordWrap(true);
    sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_search->setObjectName(QStringLiteral("targetSearch"));
    m_search->setPlaceholderText(tr("Search target by name, PID or user"));
    m_search->setClearButtonEnabled(true);
    m_targetProxy->setSourceModel(m_targetModel);
    m_targetProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_targetProxy->setFilterKeyColumn(-1);
    m_targetView->setObjectName(QStringLiteral("targetList"));
    m_targetView->setModel(m_targetProxy);
    m_targetView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_targetView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_targetView->verticalHeader()->setVisible(false);
    m_targetView->horizontalHeader()->setStretchLastSection(true);
    m_targetView->setShowGrid(false);
    m_targetView->setMinimumHeight(150);
    buildTargets(m_targets);
    m_targetView->setColumnWidth(0, 200);
    m_targetView->setColumnWidth(1, 70);
    connect(m_search, &QLineEdit::textChanged, m_targetProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_targetView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DuplicateDialog::updatePreview);

    auto* optionsBox = new QGroupBox(tr("Options"), this);
    auto* optionsLayout = new QVBoxLayout(optionsBox);
    m_inheritable->setObjectName(QStringLiteral("inheritable"));
    m_closeSource->setObjectName(QStringLiteral("closeSource"));
    m_inheritable->setVisible(platform().canSetInheritable);
    optionsLayout->addWidget(m_inheritable);
    optionsLayout->addWidget(m_closeSource);
    connect(m_inheritable, &QCheckBox::toggled, this, &DuplicateDialog::updatePreview);
    connect(m_closeSource, &QCheckBox::toggled, this, &DuplicateDialog::updatePreview);
    if (platform().canNarrowAccess) {
        // Windows only: the copy may carry fewer rights than the source.
        m_sameAccess = new QRadioButton(tr("Same access as the source"), optionsBox);
        auto* maskButton = new QRadioButton(tr("Access mask:"), optionsBox);
        m_accessMask = new QLineEdit(optionsBox);
        m_accessMask->setPlaceholderText(QStringLiteral("0x00100000"));
        m_sameAccess->setChecked(true);
        auto* row = new QHBoxLayout;
        row->addWidget(m_sameAccess);
        row->addWidget(maskButton);
        row->addWidget(m_accessMask);
        optionsLayout->addLayout(row);
        connect(m_sameAccess, &QRadioButton::toggled, this, &DuplicateDialog::updatePreview);
        connect(m_accessMask, &QLineEdit::textChanged, this, &DuplicateDialog::updatePreview);
    }

    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setToolTip(tr("The exact calls the duplicate will make"));
    m_previewTabs->setObjectName(QStringLiteral("previewTabs"));
    auto* mapArea = new QScrollArea(this);
    mapArea->setObjectName(QStringLiteral("mapArea"));
    mapArea->setWidget(m_mapView);
    mapArea->setWidgetResizable(true);
    m_previewTabs->addTab(mapArea, tr("Map"));
    m_previewTabs->addTab(m_preview, tr("Preview"));
    m_previewTabs->addTab(m_explain, tr("Explain"));
    m_previewTabs->setMinimumHeight(260);
    showHolders({{source, {handle}}});

    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 0); // busy; the core's step-by-step progress is for the handle map (issue 16)
    m_progress->setTextVisible(false);
    m_progress->hide();

    m_errorBanner->setObjectName(QStringLiteral("errorBanner"));
    m_errorBanner->setWordWrap(true);
    m_errorBanner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorBanner->setAutoFillBackground(true);
    m_errorBanner->setMargin(8);
    {
        QPalette pal = m_errorBanner->palette();
        pal.setColor(QPalette::Window, errorBackground(pal));
        m_errorBanner->setPalette(pal);
    }
    m_errorBanner->hide();

    m_successPanel->setObjectName(QStringLiteral("successPanel"));
    m_newHandleLabel->setObjectName(QStringLiteral("newHandleLabel"));
    m_newHandleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_newHandleLabel->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_newHandleLabel->setFont(big);
    auto* copyButton = new QPushButton(tr("Copy"), m_successPanel);
    copyButton->setObjectName(QStringLiteral("copyNewHandle"));
    copyButton->setToolTip(tr("Copy the new handle value"));
    auto* showButton = new QPushButton(tr("Show in target"), m_successPanel);
    showButton->setObjectName(QStringLiteral("showInTarget"));
    connect(copyButton, &QPushButton::clicked, this, [this] {
        if (m_newHandle)
            QGuiApplication::clipboard()->setText(QString::number(*m_newHandle));
    });
    connect(showButton, &QPushButton::clicked, this, [this] {
        if (m_newHandle)
            Q_EMIT showInTargetRequested(m_runTarget, *m_newHandle);
    });
    auto* successLayout = new QHBoxLayout(m_successPanel);
    auto* successCaption = new QLabel(tr("New handle in the target:"), m_successPanel);
    successLayout->addWidget(successCaption);
    successLayout->addWidget(m_newHandleLabel, 1);
    successLayout->addWidget(copyButton);
    successLayout->addWidget(showButton);
    m_successPanel->hide();

    m_duplicateButton->setObjectName(QStringLiteral("duplicateButton"));
    m_duplicateButton->setDefault(true);
    m_buttons->addButton(m_duplicateButton, QDialogButtonBox::ActionRole);
    connect(m_duplicateButton, &QPushButton::clicked, this, &DuplicateDialog::startDuplicate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(sourceLabel);
    layout->addWidget(new QLabel(tr("<b>Target process:</b>"), this));
    layout->addWidget(m_search);
    layout->addWidget(m_targetView, 1);
    layout->addWidget(optionsBox);
    layout->addWidget(m_previewTabs, 2);
    layout->addWidget(m_progress);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_successPanel);
    layout->addWidget(m_buttons);
    resize(720, 760);
    updatePreview();
}

DuplicateDialog::~DuplicateDialog() = default;

void DuplicateDialog::buildTargets(const std::vector<hs::ProcessInfo>& targets)
{
    // Recent targets (by name, most recent first), then HandleScope itself and the
    // source, then everything else by pid.
    const QStringList recent = recentTargets();
    auto rank = [&](const hs::ProcessInfo& p) {
        const auto i = recent.indexOf(qs(p.name));
        if (i >= 0)
            return static_cast<int>(i);
        if (p.pid == m_context.selfPid || p.pid == m_source.pid)
            return MaxRecent;
        return MaxRecent + 1;
    };
    std::vector<const hs::ProcessInfo*> order;
    for (const auto& p : targets)
        order.push_back(&p);
    std::stable_sort(order.begin(), order.end(), [&](auto* a, auto* b) {
        const int ra = rank(*a), rb = rank(*b);
        return ra != rb ? ra < rb : a->pid < b->pid;
    });
    m_targetModel->setHorizontalHeaderLabels({tr("Process"), tr("PID"), tr("User")});
    for (const auto* p : order) {
        QString name = qs(p->name);
        if (p->pid == m_context.selfPid)
            name += tr(" (HandleScope)");
        else if (p->pid == m_source.pid)
            name += tr(" (source)");
        else if (rank(*p) < MaxRecent)
            name += tr(" (recent)");
        QList<QStandardItem*> row{new QStandardItem(name), new QStandardItem(QString::number(p->pid)),
                                  new QStandardItem(qs(p->user))};
        for (auto* item : row) {
            item->setEditable(false);
            item->setData(QVariant::fromValue<qint64>(p->pid), PidRole);
        }
        m_targetModel->appendRow(row);
    }
}

bool DuplicateDialog::selectTarget(hs::Pid pid)
{
    for (int r = 0; r < m_targetProxy->rowCount(); ++r) {
        const QModelIndex index = m_targetProxy->index(r, 0);
        if (index.data(PidRole).toLongLong() == pid) {
            m_targetView->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_targetView->scrollTo(index);
            return true;
        }
    }
    return false;
}

std::optional<hs::ProcessInfo> DuplicateDialog::target() const
{
    const QModelIndex current = m_targetView->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const hs::Pid pid = current.data(PidRole).toLongLong();
    for (const auto& p : m_targets)
        if (p.pid == pid)
            return p;
    return std::nullopt;
}

hs::DuplicateOptions DuplicateDialog::options() const
{
    hs::DuplicateOptions o;
    o.inheritable = platform().canSetInheritable && m_inheritable->isChecked();
    o.closeSource = m_closeSource->isChecked();
    if (m_sameAccess && !m_sameAccess->isChecked()) {
        bool ok = false;
        const uint mask = m_accessMask->text().trimmed().toUInt(&ok, 0);
        if (ok)
            o.desiredAccess = static_cast<std::uint32_t>(mask);
    }
    return o;
}

QString DuplicateDialog::previewText() const { return m_preview->toPlainText(); }

void DuplicateDialog::updatePreview()
{
    const auto t = target();
    m_duplicateButton->setEnabled(t.has_value() && !isRunning());
    m_explain->showDuplicate(m_source, m_handle, t ? std::optional(t->pid) : std::nullopt, options());
    if (!t) {
        m_preview->setPlainText(tr("Choose a target process."));
        return;
    }
    QStringList lines;
    for (const auto& line : hs::describeDuplicate(m_source.pid, m_handle.value, t->pid, options()))
        lines << qs(line);
    m_preview->setPlainText(lines.join(QLatin1Char('\n')));
}

// Busy until the result is shown, not merely until the worker returns: the finished
// signal arrives a little later through the event loop.
bool DuplicateDialog::isRunning() const { return m_busy; }

QString DuplicateDialog::errorText() const { return m_errorBanner->isHidden() ? QString() : m_errorBanner->text(); }

void DuplicateDialog::setRunning(bool running)
{
    m_busy = running;
    m_progress->setVisible(running);
    m_duplicateButton->setEnabled(!running && target().has_value());
    m_targetView->setEnabled(!running);
    m_search->setEnabled(!running);
    if (running) {
        m_errorBanner->hide();
        m_successPanel->hide();
    }
}

void DuplicateDialog::startDuplicate()
{
    const auto t = target();
    if (!t || isRunning())
        return;
    RiskContext context = m_context;
    context.closeSource = m_closeSource->isChecked();
    const QStringList risks = duplicateRisks(*t, context);
    if (!risks.isEmpty() && !m_confirm(this, risks))
        return;

    m_runTarget = t->pid;
    m_newHandle.reset();
    rememberTarget(qs(t->name));
    setRunning(true);
    m_mapModel->beginDuplicate(m_source.pid, m_handle.value, t->pid, qs(t->name));
    m_previewTabs->setCurrentIndex(0); // the map: the steps are drawn there
    Q_EMIT duplicateRequested(t->pid, options());
}

void DuplicateDialog::finish(const DuplicateOutcome& outcome)
{
    if (!m_busy || outcome.target != m_runTarget || outcome.source != m_source.pid || outcome.handle != m_handle.value)
        return; // not this dialog's request
    setRunning(false);
    const auto& result = outcome.result;
    if (!result) {
        showError(qs(result.error().message()));
        return;
    }
    m_newHandle = result->newHandle;
    m_newHandleLabel->setText(QString::number(result->newHandle));
    m_successPanel->show();
    Q_EMIT duplicated(m_runTarget, result->newHandle);
}

void DuplicateDialog::showHolders(const std::vector<hs::ProcessHandles>& tables)
{
    auto [object, slots] = holdersOf(tables, m_source.pid, m_handle.value);
    if (slots.empty()) // the tables do not have the handle (any more): it alone
        std::tie(object, slots) = holdersOf({{m_source, {m_handle}}}, m_source.pid, m_handle.value);
    m_mapModel->setObject(object, std::move(slots));
}

void DuplicateDialog::showProgress(const hs::DuplicateProgress& step)
{
    if (m_busy)
        m_mapModel->applyProgress(step);
}

void DuplicateDialog::showError(const QString& text)
{
    m_errorBanner->setText(tr("Duplicate failed: %1").arg(text));
    m_errorBanner->show();
}

QStringList DuplicateDialog::recentTargets()
{
    return QSettings().value(RecentKey).toStringList();
}

void DuplicateDialog::rememberTarget(const QString& name)
{
    QSettings settings;
    QStringList recent = settings.value(RecentKey).toStringList();
    recent.removeAll(name);
    recent.prepend(name);
    while (recent.size() > MaxRecent)
        recent.removeLast();
    settings.setValue(RecentKey, recent);
}

} // namespace hs::ui
