// SPDX-License-Identifier: MIT
#include "i18n/translations.h"

#include "handlescope/log.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace hs::ui {

namespace {
// Loads the first of the locale's UI languages ("fr_FR", then "fr") that has a file,
// and keeps the translator for the life of the application.
QString install(const QLocale& locale, const QString& name, const QString& directory)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return {};
    }
    QCoreApplication::installTranslator(translator);
    return translator->filePath();
}
} // namespace

LoadedTranslations installTranslations(const QLocale& locale)
{
    LoadedTranslations loaded;
    // Compiled into handlescope_ui by qt_add_translations (ui/CMakeLists.txt).
    loaded.app = install(locale, QStringLiteral("handlescope"), QStringLiteral(":/i18n"));
    // Qt's only if ours loaded: an English window with French standard buttons would be worse.
    if (!loaded.app.isEmpty())
        loaded.qt = install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    hs::log::get("ui")->info("language {}: {}, Qt's own: {}", locale.name().toStdString(),
                             loaded.app.isEmpty() ? "English (no catalogue)" : loaded.app.toStdString(),
                             loaded.qt.isEmpty() ? "none" : loaded.qt.toStdString());
    return loaded;
}

} // namespace hs::ui
