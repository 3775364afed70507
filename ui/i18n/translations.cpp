// SPDX-License-Identifier: MIT
#include "i18n/translations.h"

#include "handlescope/log.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <functional>

namespace hs::ui {

namespace {
// Keeps the translator for the life of the application once `load` found its file.
QString install(const std::function<bool(QTranslator&)>& load)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!load(*translator)) {
        delete translator;
        return {};
    }
    QCoreApplication::installTranslator(translator);
    return translator->filePath();
}

// The first of the locale's UI languages ("fr_FR", then "fr") that has a file.
QString install(const QLocale& locale, const QString& name, const QString& directory)
{
    return install([&](QTranslator& t) { return t.load(locale, name, QStringLiteral("_"), directory); });
}
} // namespace

LoadedTranslations installTranslations(const QLocale& locale)
{
    // Compiled into handlescope_ui by qt_add_translations (ui/CMakeLists.txt). The English
    // plural forms go first, under every locale: translators installed later are asked
    // first, so the locale's own catalogue wins where it has a message.
    install([](QTranslator& t) { return t.load(QStringLiteral(":/i18n/handlescope_en.qm")); });
    LoadedTranslations loaded;
    if (locale.language() != QLocale::English)
        loaded.app = install(locale, QStringLiteral("handlescope"), QStringLiteral(":/i18n"));
    // Qt's only if ours loaded: an English window with French standard buttons would be worse.
    if (!loaded.app.isEmpty())
        loaded.qt = install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    hs::log::get("ui")->info("language {}: {}, Qt's own: {}", locale.name().toStdString(),
                             loaded.app.isEmpty() ? "English" : loaded.app.toStdString(),
                             loaded.qt.isEmpty() ? "none" : loaded.qt.toStdString());
    return loaded;
}

} // namespace hs::ui
