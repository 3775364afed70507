// SPDX-License-Identifier: MIT
// handlescope: the desktop app.
#include "demodriver.h"
#include "explaindemo.h"
#include "leakdemo.h"
#include "mapdemo.h"
#include "learndemo.h"

#include "i18n/translations.h"
#include "log/qtmessagebridge.h"
#include "resources.h"
#include "widgets/mainwindow.h"

#include "handlescope/privilege.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

int main(int argc, char** argv)
{
    // Before QApplication: Qt loads platform, style and image plugins from paths the user's
    // environment chooses (QT_PLUGIN_PATH, QT_QPA_PLATFORM_PLUGIN_PATH, XDG dirs), so with
    // rights its user does not have, starting Qt would run the user's code with them.
    if (const auto why = hs::elevatedRights()) {
        std::fprintf(stderr,
                     "handlescope: refusing to start: %s.\n"
                     "The desktop app must not run with file capabilities or setuid: Qt would load plugins that "
                     "the user's environment chooses, with those rights. Remove them (the file's "
                     "security.capability attribute, its setuid bit) and run it as root instead: "
                     "pkexec env DISPLAY=\"$DISPLAY\" XAUTHORITY=\"$XAUTHORITY\" handlescope, or sudo -E handlescope.\n",
                     why->c_str());
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("HandleScope"));
    QApplication::setApplicationName(QStringLiteral("handlescope"));
    QApplication::setApplicationDisplayName(QStringLiteral("HandleScope"));
    QApplication::setApplicationVersion(QStringLiteral(HANDLESCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.handlescope"));
    hs::ui::initResources();
    hs::ui::installQtMessageBridge();
    // Before any window: widgets take their texts when they are made.
    hs::ui::installTranslations();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/handlescope/handlescope.svg")));

    hs::ui::MainWindow window;
    window.show();
    // HANDLESCOPE_DEMO drives the window through a duplicate for scripts/screenshots.sh.
    hs::app::DemoDriver::startIfRequested(&window);
    // HANDLESCOPE_LEAK_DEMO drives the leak views for the same script.
    hs::app::LeakDemo::startIfRequested(&window);
    // HANDLESCOPE_EXPLAIN_DEMO shows the Explain pane and tab for the same script.
    hs::app::ExplainDemo::startIfRequested(&window);
    // HANDLESCOPE_MAP_DEMO shows the handle map before, during and after a duplicate.
    hs::app::MapDemo::startIfRequested(&window);
    // HANDLESCOPE_LEARN_DEMO walks through Learn mode for the same script.
    hs::app::LearnDemo::startIfRequested(&window);
    return QApplication::exec();
}
