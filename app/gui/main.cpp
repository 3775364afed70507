// SPDX-License-Identifier: MIT
// handlescope: the desktop app.
#include "demodriver.h"

#include "log/qtmessagebridge.h"
#include "resources.h"
#include "widgets/mainwindow.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("HandleScope"));
    QApplication::setApplicationName(QStringLiteral("handlescope"));
    QApplication::setApplicationDisplayName(QStringLiteral("HandleScope"));
    QApplication::setApplicationVersion(QStringLiteral(HANDLESCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.handlescope"));
    hs::ui::initResources();
    hs::ui::installQtMessageBridge();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/handlescope/handlescope.svg")));

    hs::ui::MainWindow window;
    window.show();
    // HANDLESCOPE_DEMO drives the window through a duplicate for scripts/screenshots.sh.
    hs::app::DemoDriver::startIfRequested(&window);
    return QApplication::exec();
}
