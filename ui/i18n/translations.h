// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QString>

namespace hs::ui {

/// What installTranslations() found for a locale: empty strings where nothing was loaded.
struct LoadedTranslations {
    QString app; ///< our catalogue for the locale, from the resource (":/i18n/handlescope_fr.qm")
    QString qt;  ///< Qt's own (qtbase_fr: standard buttons, file dialogs), from Qt's translations folder
};

/// Installs HandleScope's translation for `locale` (by default the system's: LANGUAGE,
/// LC_ALL, LC_MESSAGES, LANG) and Qt's own for its dialogs and buttons when the system has
/// them (Debian: qt6-translations-l10n). English is the source language: under every
/// locale only its plural forms are installed ("1 process", "2 processes").
/// Call once, after the QApplication is made and before any window; the app's main() and
/// the tests both do.
LoadedTranslations installTranslations(const QLocale& locale = QLocale::system());

} // namespace hs::ui
