// SPDX-License-Identifier: MIT
#include "widgets/privilegebar.h"

#include "util/colors.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QXmlStreamReader>

namespace hs::ui {

namespace {
// What packaging/ installs; polkit reads actions from this folder only.
constexpr auto kPolicyFile = "/usr/share/polkit-1/actions/io.github.handlescope.policy";
} // namespace

PrivilegeBar::PrivilegeBar(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_restart(new QPushButton(tr("Restart as Administrator"), this))
    , m_launch([](const QString& program, const QStringList& arguments) {
        return QProcess::startDetached(program, arguments);
    })
{
    setObjectName(QStringLiteral("privilegeBar"));
    m_label->setObjectName(QStringLiteral("privilegeMessage"));
    m_restart->setObjectName(QStringLiteral("restartAsAdministrator"));
    setFrameShape(QFrame::StyledPanel);
    // A tint of the window colour, so the palette's text stays readable in dark themes.
    setAutoFillBackground(true);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, noticeBackground(QApplication::palette()));
    setPalette(tinted);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(iconSize, iconSize));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_restart->setIcon(style()->standardIcon(QStyle::SP_VistaShield));
    connect(m_restart, &QPushButton::clicked, this, &PrivilegeBar::restart);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_restart);
    hide();
}

void PrivilegeBar::showFor(int hidden, bool administrator)
{
    m_hidden = hidden;
    if (hidden <= 0 || administrator) {
        hide();
        return;
    }
    m_label->setText(tr("The handles of %n process(es) are hidden: this user may not read them (most belong to "
                        "other users). An administrator sees them all.",
                        nullptr, hidden));
    const bool canRestart = !QStandardPaths::findExecutable(QStringLiteral("pkexec")).isEmpty();
    m_restart->setEnabled(canRestart);
    if (m_command.isEmpty()) // the binary and the installed policy do not change while the app runs
        m_command = restartCommand();
    m_restart->setToolTip(canRestart ? tr("Runs %1").arg(m_command.join(QLatin1Char(' ')))
                                     : tr("pkexec is not installed (Debian package pkexec): run sudo -E handlescope"));
    show();
}

QStringList PrivilegeBar::restartCommand() const
{
    return restartCommandFor(QCoreApplication::applicationFilePath(), policyExecPath(QString::fromLatin1(kPolicyFile)),
                             QProcessEnvironment::systemEnvironment());
}

QStringList PrivilegeBar::restartCommandFor(const QString& running, const QString& policyExecPath,
                                            const QProcessEnvironment& environment)
{
    const QString pkexec = QStringLiteral("pkexec");
    if (!policyExecPath.isEmpty() && QFileInfo(running).canonicalFilePath() == QFileInfo(policyExecPath).canonicalFilePath())
        return {pkexec, policyExecPath};
    QStringList command{pkexec, QStringLiteral("env")};
    for (const QString& name : {QStringLiteral("DISPLAY"), QStringLiteral("XAUTHORITY")})
        if (environment.contains(name))
            command << name + QLatin1Char('=') + environment.value(name);
    command << running;
    return command;
}

QString PrivilegeBar::policyExecPath(const QString& policyFile)
{
    QFile file(policyFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("annotate")
            && xml.attributes().value(QLatin1String("key")) == QLatin1String("org.freedesktop.policykit.exec.path"))
            return xml.readElementText().trimmed();
    }
    return {};
}

void PrivilegeBar::restart()
{
    const QStringList command = restartCommand();
    if (!m_launch(command.front(), command.mid(1))) {
        m_label->setText(tr("Could not start %1: run it from a terminal to see why.").arg(command.join(QLatin1Char(' '))));
        return;
    }
    Q_EMIT restarted();
}

} // namespace hs::ui
