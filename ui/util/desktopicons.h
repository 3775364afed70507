// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QIcon>
#include <QObject>
#include <QStringList>

class QThread;

namespace hs::ui {

/// Process icons from the desktop's icon theme, as the desktop shows the program in its
/// menus: a .desktop file whose Exec= (or TryExec=) runs a program names its Icon=. The
/// files are read once, on a thread of their own, when the object is made; until then, and
/// for programs no .desktop file names, iconFor() gives the fallback.
class DesktopIcons : public QObject {
    Q_OBJECT
public:
    /// `dirs`: where the .desktop files are (the XDG applications folders by default).
    explicit DesktopIcons(QIcon fallback, QStringList dirs = defaultDirs(), QObject* parent = nullptr);
    ~DesktopIcons() override;

    /// The icon of a program, by its full path or its short name (`comm`); the fallback
    /// when no .desktop file names it.
    [[nodiscard]] QIcon iconFor(const QString& executable, const QString& name) const;
    [[nodiscard]] bool isReady() const { return m_ready; }
    /// Icon= value by program file name ("firefox-esr" -> "firefox-esr"), from the
    /// .desktop files in `dirs`; the first folder wins, as in the XDG lookup.
    [[nodiscard]] static QHash<QString, QString> readIndex(const QStringList& dirs);
    [[nodiscard]] static QStringList defaultDirs();
    /// The program a desktop Exec= line runs, as a file name ("env A=1 /usr/bin/x %U" -> "x").
    [[nodiscard]] static QString programOfExec(const QString& exec);

Q_SIGNALS:
    /// The .desktop files are read: icons may have changed.
    void ready();

private:
    QIcon m_fallback;
    QStringList m_dirs;
    QHash<QString, QString> m_loaded; ///< written by the thread, taken when it finishes
    QHash<QString, QString> m_index;
    mutable QHash<QString, QIcon> m_icons; ///< theme lookups are not free: one per icon name
    QThread* m_thread = nullptr;
    bool m_ready = false;
};

} // namespace hs::ui
