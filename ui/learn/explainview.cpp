// SPDX-License-Identifier: MIT
#include "learn/explainview.h"

#include "learn/explaincode.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"

#include "handlescope/describe.h"

#include <QAction>
#include <QClipboard>
#include <QDockWidget>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace hs::ui {

namespace {
    QString heading(const QString& text)
    {
        return QStringLiteral("<h4>%1</h4>").arg(text.toHtmlEscaped());
    }
    QString paragraph(const QString& html)
    {
        return QStringLiteral("<p>%1</p>").arg(html);
    }
} // namespace

ExplainView::ExplainView(QWidget* parent, ExplainPlatform platform)
    : QWidget(parent)
    , m_platform(platform)
    , m_text(new QTextBrowser(this))
    , m_code(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("&Copy Code"), this))
{
    setObjectName(QStringLiteral("explainView"));
    m_text->setObjectName(QStringLiteral("explainText"));
    m_text->setOpenLinks(false);
    m_code->setObjectName(QStringLiteral("explainCode"));
    m_code->setReadOnly(true);
    m_code->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy->setObjectName(QStringLiteral("copyExplainCode"));
    m_copy->setToolTip(tr("Copy the equivalent code to the clipboard"));
    connect(m_copy, &QPushButton::clicked, this, &ExplainView::copyCode);

    auto* codePanel = new QWidget(this);
    auto* codeLayout = new QVBoxLayout(codePanel);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    auto* codeHeader = new QHBoxLayout;
    codeHeader->addWidget(new QLabel(tr("<b>Equivalent code</b>"), codePanel), 1);
    codeHeader->addWidget(m_copy);
    codeLayout->addLayout(codeHeader);
    codeLayout->addWidget(m_code);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_text);
    split->addWidget(codePanel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    clear();
}

QDockWidget* ExplainView::addDock(QMainWindow* window)
{
    auto* dock = new QDockWidget(tr("Explain"), window);
    dock->setObjectName(QStringLiteral("explainDock"));
    dock->setWidget(new ExplainView(dock));
    dock->toggleViewAction()->setText(tr("&Explain"));
    dock->toggleViewAction()->setObjectName(QStringLiteral("actionExplain"));
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide(); // until asked for from the View menu (the saved window state may show it)
    return dock;
}

void ExplainView::clear()
{
    m_text->setHtml(paragraph(tr("Select a handle: this pane explains what it is and how to share it.").toHtmlEscaped())
        + heading(tr("Windows handles vs Linux descriptors")) + ExplainText::handlesVersusDescriptors());
    m_code->clear();
    m_copy->setEnabled(false);
}

QString ExplainView::handleSections(const hs::ProcessInfo& process, const hs::HandleInfo& handle) const
{
    const ExplainText text(m_platform);
    QString html = heading(
        tr("%1 %2 of %3 (pid %4)").arg(handleWord()).arg(handle.value).arg(qs(process.name)).arg(process.pid));
    html += paragraph(text.type(handle));
    const std::string name = hs::describeName(handle);
    if (!name.empty())
        html += paragraph(tr("It refers to: %1").arg(qs(name).toHtmlEscaped()));
    html += heading(tr("Access")) + paragraph(text.access(handle));
    html += heading(tr("Inheritable")) + paragraph(text.inheritable(handle).toHtmlEscaped());
    return html;
}

QString ExplainView::closingSections(const hs::HandleInfo& handle) const
{
    const ExplainText text(m_platform);
    QString html = heading(tr("Closing it")) + paragraph(text.closing(handle).toHtmlEscaped());
    html += heading(tr("Windows handles vs Linux descriptors")) + ExplainText::handlesVersusDescriptors();
    html += heading(tr("Read next")) + QStringLiteral("<ul>");
    for (const QString& page : text.documentation(handle.kind))
        html += QStringLiteral("<li>%1</li>").arg(page.toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

void ExplainView::showHandle(const hs::ProcessInfo& process, const hs::HandleInfo& handle)
{
    QString html = handleSections(process, handle);
    html += heading(tr("Share it"))
        + paragraph(tr("The code below takes a copy of it into a program of your own. "
                       "To give it to another process, open Duplicate (Ctrl+D).")
                        .toHtmlEscaped());
    m_text->setHtml(html + closingSections(handle));
    m_code->setPlainText(ExplainCode(m_platform).copyIntoSelf(process.pid, handle));
    m_copy->setEnabled(true);
}

void ExplainView::showDuplicate(const hs::ProcessInfo& source, const hs::HandleInfo& handle,
    std::optional<hs::Pid> target, const hs::DuplicateOptions& options)
{
    // The duplicate first: it is what the dialog is about; the handle itself follows.
    QString html = heading(tr("This duplicate"));
    if (!target) {
        html += paragraph(tr("Choose a target process.").toHtmlEscaped());
        m_code->clear();
        m_copy->setEnabled(false);
    } else {
        html += paragraph(tr("A new %1 in process %2 that refers to the same object.")
                              .arg(handleWord())
                              .arg(*target)
                              .toHtmlEscaped());
        html += paragraph(ExplainText(m_platform).duplicateOptions(options).toHtmlEscaped());
        html += heading(tr("What HandleScope will call")) + QStringLiteral("<pre>");
        for (const auto& line : hs::describeDuplicate(source.pid, handle.value, *target, options))
            html += qs(line).toHtmlEscaped() + QLatin1Char('\n');
        html += QStringLiteral("</pre>");
        m_code->setPlainText(ExplainCode(m_platform).duplicate(source.pid, handle.value, *target, options));
        m_copy->setEnabled(true);
    }
    m_text->setHtml(html + handleSections(source, handle) + closingSections(handle));
}

QString ExplainView::explanationText() const
{
    return m_text->toPlainText();
}

QString ExplainView::codeText() const
{
    return m_code->toPlainText();
}

void ExplainView::copyCode()
{
    QGuiApplication::clipboard()->setText(m_code->toPlainText());
}

} // namespace hs::ui
