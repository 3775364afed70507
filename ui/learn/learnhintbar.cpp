// SPDX-License-Identifier: MIT
#include "learn/learnhintbar.h"

#include "util/colors.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStyle>

namespace hs::ui {

namespace {
const QString kAnsweredKey = QStringLiteral("learn/hintAnswered");
} // namespace

LearnHintBar::LearnHintBar(QWidget* parent)
    : QFrame(parent)
    , m_start(new QPushButton(tr("Start the Lesson"), this))
    , m_dismiss(new QPushButton(tr("No, Thanks"), this))
{
    setObjectName(QStringLiteral("learnHintBar"));
    m_start->setObjectName(QStringLiteral("learnHintStart"));
    m_dismiss->setObjectName(QStringLiteral("learnHintDismiss"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, noticeBackground(QApplication::palette()));
    setPalette(tinted);
    auto* icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(iconSize, iconSize));
    auto* label = new QLabel(tr("New to handles? A guided lesson with two demo processes shows how one process "
                                "shares an open file with another (Help > Learn Handle Sharing)."),
                             this);
    label->setWordWrap(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(icon);
    layout->addWidget(label, 1);
    layout->addWidget(m_start);
    layout->addWidget(m_dismiss);
    connect(m_start, &QPushButton::clicked, this, [this] {
        answer();
        Q_EMIT startRequested();
    });
    connect(m_dismiss, &QPushButton::clicked, this, &LearnHintBar::answer);
    hide();
}

bool LearnHintBar::answered() { return QSettings().value(kAnsweredKey, false).toBool(); }

void LearnHintBar::showIfUnanswered() { setVisible(!answered()); }

void LearnHintBar::answer()
{
    QSettings().setValue(kAnsweredKey, true);
    hide();
}

} // namespace hs::ui
