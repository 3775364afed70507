// SPDX-License-Identifier: MIT
#include "learn/threewayswindow.h"

#include "learn/demoprocesses.h"
#include "learn/duplicaterunner.h"

#include <QCloseEvent>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hs::ui {

namespace {
QString fieldOf(const QString& line, const QString& keyword, const QString& key)
{
    return DemoProcesses::machineFields(line, keyword).value(key);
}
} // namespace

ThreeWaysWindow::ThreeWaysWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_runner(new DuplicateRunner(this))
{
    setObjectName(QStringLiteral("threeWaysWindow"));
    setWindowTitle(tr("Learn: Three Ways to Share an Object"));
    auto* intro = new QLabel(LessonText::threeWaysIntro(), this);
    intro->setWordWrap(true);
    auto* runAllButton = new QPushButton(tr("Run &All Three"), this);
    runAllButton->setObjectName(QStringLiteral("runAllWays"));
    connect(runAllButton, &QPushButton::clicked, this, &ThreeWaysWindow::runAll);
    auto* top = new QHBoxLayout;
    top->addWidget(intro, 1);
    top->addWidget(runAllButton);
    auto* columns = new QHBoxLayout;
    columns->addWidget(buildColumn(Inheritance, tr("Inheritance"), m_text.inheritance()));
    columns->addWidget(buildColumn(Named, tr("A named object"), m_text.namedObject()));
    columns->addWidget(buildColumn(Duplication, tr("Duplication"), m_text.duplication()));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(columns, 1);
    resize(1240, 720);

    connect(m_runner, &DuplicateRunner::progress, this, [this](const hs::DuplicateProgress& step) {
        m_columns[Duplication].output->appendPlainText(QStringLiteral("HandleScope: ")
                                                        + QString::fromStdString(step.line()));
    });
    connect(m_runner, &DuplicateRunner::finished, this, [this](qint64 copy, const QString& error) {
        if (copy < 0) {
            finish(Duplication, false, tr("The duplicate failed: %1").arg(error));
            return;
        }
        m_copy = copy;
        m_columns[Duplication].demos->tell(copy, QStringLiteral("file"));
    });
}

ThreeWaysWindow::~ThreeWaysWindow() = default;

void ThreeWaysWindow::closeEvent(QCloseEvent* event)
{
    for (Column& c : m_columns)
        c.demos->stop();
    QWidget::closeEvent(event);
}

QWidget* ThreeWaysWindow::buildColumn(Way way, const QString& title, const QString& text)
{
    static const char* const names[] = {"inheritance", "named", "duplication"};
    const QString name = QString::fromLatin1(names[way]);
    auto* box = new QGroupBox(title, this);
    box->setObjectName(name + QStringLiteral("Way"));
    Column& c = m_columns[way];
    c.demos = new DemoProcesses(this);
    c.run = new QPushButton(tr("&Run"), box);
    c.run->setObjectName(name + QStringLiteral("Run"));
    c.output = new QPlainTextEdit(box);
    c.output->setObjectName(name + QStringLiteral("Output"));
    c.output->setReadOnly(true);
    c.output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    c.result = new QLabel(box);
    c.result->setObjectName(name + QStringLiteral("Result"));
    c.result->setWordWrap(true);
    auto* explanation = new QLabel(text, box);
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::RichText);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(explanation);
    layout->addWidget(c.run, 0, Qt::AlignLeft);
    layout->addWidget(c.output, 1);
    layout->addWidget(c.result);
    connect(c.run, &QPushButton::clicked, this, [this, way] { run(way); });
    connect(c.demos, &DemoProcesses::lineRead, this,
            [this, way](const QString& role, const QString& line) { onLine(way, role, line); });
    connect(c.demos, &DemoProcesses::failed, this, [this, way](const QString& why) { finish(way, false, why); });
    return box;
}

void ThreeWaysWindow::runAll()
{
    for (int way = 0; way < WayCount; ++way)
        run(static_cast<Way>(way));
}

void ThreeWaysWindow::run(Way way)
{
    Column& c = m_columns[way];
    c.demos->stop();
    c.done = false;
    c.output->clear();
    c.result->setText(tr("Running…"));
    switch (way) {
    case Inheritance:
        c.demos->startExtra(QStringLiteral("inherit"), {QStringLiteral("inherit")});
        break;
    case Named:
        c.demos->startExtra(QStringLiteral("named-create"),
                            {QStringLiteral("named-create"), QStringLiteral("--name"),
                             c.demos->privateName(QStringLiteral("greeting.fifo"))});
        break;
    case Duplication:
        m_copy = -1;
        connect(c.demos, &DemoProcesses::sourceReady, this, &ThreeWaysWindow::duplicateWhenReady,
                Qt::UniqueConnection);
        connect(c.demos, &DemoProcesses::targetListening, this, &ThreeWaysWindow::duplicateWhenReady,
                Qt::UniqueConnection);
        c.demos->start();
        break;
    case WayCount:
        break;
    }
}

void ThreeWaysWindow::duplicateWhenReady()
{
    DemoProcesses* d = m_columns[Duplication].demos;
    const DemoHold* file = d->hold(QStringLiteral("file"));
    if (d->sourcePid() == 0 || d->targetPid() == 0 || !file || m_runner->running())
        return;
    hs::DuplicateOptions options;
    options.method = hs::DuplicateMethod::Pull;
    m_runner->run(d->sourcePid(), file->handle, d->targetPid(), options);
}

void ThreeWaysWindow::onLine(Way way, const QString& role, const QString& line)
{
    Column& c = m_columns[way];
    c.output->appendPlainText(line);
    const QString word = m_text.handleWord();
    if (way == Named && role == QLatin1String("named-create") && line.startsWith(QStringLiteral("MADE "))) {
        // The second process needs nothing from the first but the name.
        c.demos->startExtra(QStringLiteral("named-open"), {QStringLiteral("named-open"), QStringLiteral("--name"),
                                                           fieldOf(line, QStringLiteral("MADE"), QStringLiteral("name"))});
        return;
    }
    const auto used = DemoProcesses::machineFields(line, QStringLiteral("USED"));
    if (used.isEmpty())
        return;
    const bool ok = used.value(QStringLiteral("result")) == QLatin1String("ok");
    const QString handle = used.value(QStringLiteral("handle"));
    if (!ok) {
        finish(way, false, used.value(QStringLiteral("error")));
    } else if (way == Inheritance) {
        finish(way, true, tr("The child used %1 %2, the value its parent opened: inherited, not copied by anyone.")
                              .arg(word, handle));
    } else if (way == Named) {
        finish(way, true, tr("The second process opened the object by its name and got its own %1 %2.")
                              .arg(word, handle));
    } else if (role == QLatin1String("target") && handle.toLongLong(nullptr, 0) == m_copy) {
        finish(way, true, tr("The target was given a copy as %1 %2 and told its value; it read the file through it.")
                              .arg(word, handle));
    }
}

void ThreeWaysWindow::finish(Way way, bool ok, const QString& text)
{
    Column& c = m_columns[way];
    c.done = ok;
    c.result->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                          .arg(ok ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828"), text.toHtmlEscaped()));
}

QString ThreeWaysWindow::output(Way way) const { return m_columns[way].output->toPlainText(); }
QString ThreeWaysWindow::result(Way way) const { return m_columns[way].result->text(); }

} // namespace hs::ui
