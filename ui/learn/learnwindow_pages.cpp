// SPDX-License-Identifier: MIT
// The seven pages of lesson 1; what happens on them is in learnwindow.cpp.
#include "learn/demoprocesses.h"
#include "learn/handletable.h"
#include "learn/learnwindow.h"

#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace hs::ui {

namespace {

QLabel* textLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPlainTextEdit* codeBox(QWidget* parent, const QString& objectName)
{
    auto* box = new QPlainTextEdit(parent);
    box->setObjectName(objectName);
    box->setReadOnly(true);
    box->setLineWrapMode(QPlainTextEdit::NoWrap);
    box->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return box;
}

} // namespace

QWidget* LearnWindow::buildPickFilePage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_pickText = textLabel(page, QStringLiteral("pickFileText"));
    m_pickText->setText(tr("Starting the demo processes…"));
    m_sourceTable = new HandleTable(page);
    m_sourceTable->setObjectName(QStringLiteral("sourceHandles"));
    m_pickFeedback = textLabel(page, QStringLiteral("pickFileFeedback"));
    layout->addWidget(m_pickText);
    layout->addWidget(m_sourceTable, 1);
    layout->addWidget(m_pickFeedback);
    connect(m_sourceTable, &HandleTable::handleSelected, this, &LearnWindow::onFilePicked);
    return page;
}

QWidget* LearnWindow::buildPickTargetPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_targetText = textLabel(page, QStringLiteral("pickTargetText"));
    m_targets = new QListWidget(page);
    m_targets->setObjectName(QStringLiteral("targetChoices"));
    m_targetFeedback = textLabel(page, QStringLiteral("pickTargetFeedback"));
    layout->addWidget(m_targetText);
    layout->addWidget(m_targets, 1);
    layout->addWidget(m_targetFeedback);
    connect(m_targets, &QListWidget::itemSelectionChanged, this, &LearnWindow::onTargetPicked);
    return page;
}

QWidget* LearnWindow::buildDuplicatePage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* intro = textLabel(page, QStringLiteral("duplicateText"));
    intro->setText(m_text.duplicateIntro());
    m_calls = codeBox(page, QStringLiteral("duplicateCalls"));
    m_arguments = textLabel(page, QStringLiteral("duplicateArguments"));
    m_duplicate = new QPushButton(tr("&Duplicate"), page);
    m_duplicate->setObjectName(QStringLiteral("duplicateButton"));
    m_progress = new QListWidget(page);
    m_progress->setObjectName(QStringLiteral("duplicateProgress"));
    m_progress->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_duplicateResult = textLabel(page, QStringLiteral("duplicateResult"));
    layout->addWidget(intro);
    layout->addWidget(m_calls, 1);
    layout->addWidget(m_arguments);
    layout->addWidget(m_duplicate, 0, Qt::AlignLeft);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_duplicateResult);
    connect(m_duplicate, &QPushButton::clicked, this, &LearnWindow::startDuplicate);
    return page;
}

QWidget* LearnWindow::buildSeeNewHandlePage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_newHandleText = textLabel(page, QStringLiteral("newHandleText"));
    m_targetTable = new HandleTable(page);
    m_targetTable->setObjectName(QStringLiteral("targetHandles"));
    layout->addWidget(m_newHandleText);
    layout->addWidget(m_targetTable, 1);
    return page;
}

QWidget* LearnWindow::buildTellPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_tellText = textLabel(page, QStringLiteral("tellText"));
    m_message = textLabel(page, QStringLiteral("tellMessage"));
    m_send = new QPushButton(tr("&Send"), page);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_answer = textLabel(page, QStringLiteral("tellAnswer"));
    layout->addWidget(m_tellText);
    layout->addWidget(m_message);
    layout->addWidget(m_send, 0, Qt::AlignLeft);
    layout->addWidget(m_answer);
    layout->addStretch(1);
    connect(m_send, &QPushButton::clicked, this, [this] {
        m_send->setEnabled(false);
        m_answer->setText(tr("Waiting for the target's answer…"));
        m_demos->tell(m_newValue, QStringLiteral("file"));
    });
    return page;
}

QWidget* LearnWindow::buildOutputPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* intro = textLabel(page, QStringLiteral("targetOutputText"));
    intro->setText(m_text.targetOutputIntro());
    m_targetOutput = codeBox(page, QStringLiteral("targetOutput"));
    m_targetOutput->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_usedText = textLabel(page, QStringLiteral("targetUsedText"));
    layout->addWidget(intro);
    layout->addWidget(m_targetOutput, 1);
    layout->addWidget(m_usedText);
    return page;
}

QWidget* LearnWindow::buildVariationsPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* text = new QTextBrowser(page);
    text->setObjectName(QStringLiteral("variationsText"));
    text->setHtml(m_text.variations());
    m_leak = new QPushButton(tr("Try It: Duplicate Again Without Telling"), page);
    m_leak->setObjectName(QStringLiteral("leakButton"));
    m_leakResult = textLabel(page, QStringLiteral("leakResult"));
    connect(m_leak, &QPushButton::clicked, this, [this] {
        m_leaking = true;
        m_leak->setEnabled(false);
        startDuplicate();
    });
    auto* nextLesson = new QPushButton(tr("Next Lesson: Three Ways to Share an Object"), page);
    nextLesson->setObjectName(QStringLiteral("nextLessonButton"));
    connect(nextLesson, &QPushButton::clicked, this, &LearnWindow::nextLessonRequested);
    layout->addWidget(text, 1);
    layout->addWidget(m_leak, 0, Qt::AlignLeft);
    layout->addWidget(m_leakResult);
    layout->addWidget(nextLesson, 0, Qt::AlignLeft);
    return page;
}

} // namespace hs::ui
