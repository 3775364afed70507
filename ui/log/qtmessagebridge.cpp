// SPDX-License-Identifier: MIT
#include "log/qtmessagebridge.h"

#include "handlescope/log.h"

#include <QString>
#include <QtGlobal>

namespace hs::ui {

namespace {

void bridge(QtMsgType type, const QMessageLogContext& context, const QString& text)
{
    // Harmless platform plugin chatter that would bury real messages.
    if (text.contains(QLatin1String("propagateSizeHints")))
        return;
    static const auto logger = hs::log::get("qt");
    const std::string msg = context.category && qstrcmp(context.category, "default") != 0
        ? std::string(context.category) + ": " + text.toStdString()
        : text.toStdString();
    switch (type) {
    case QtDebugMsg: logger->debug(msg); break;
    case QtInfoMsg: logger->info(msg); break;
    case QtWarningMsg: logger->warn(msg); break;
    case QtCriticalMsg: logger->error(msg); break;
    case QtFatalMsg: logger->critical(msg); logger->flush(); break;
    }
}

} // namespace

void installQtMessageBridge() { qInstallMessageHandler(bridge); }

} // namespace hs::ui
