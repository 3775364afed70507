// SPDX-License-Identifier: MIT
#include "util/desktopicons.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>

namespace hs::ui {

namespace {

struct DesktopEntry {
    QString exec;
    QString tryExec;
    QString icon;
    bool hidden = false;
};

// Only the [Desktop Entry] group: actions ([Desktop Action x]) run the same program
// with other arguments and icons.
DesktopEntry readEntry(const QString& path)
{
    DesktopEntry entry;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return entry;
    QTextStream in(&file);
    bool inMain = false;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            inMain = line == QLatin1String("[Desktop Entry]");
            continue;
        }
        if (!inMain)
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        if (key == QLatin1String("Exec"))
            entry.exec = value;
        else if (key == QLatin1String("TryExec"))
            entry.tryExec = value;
        else if (key == QLatin1String("Icon"))
            entry.icon = value;
        else if (key == QLatin1String("Hidden"))
            entry.hidden = value == QLatin1String("true");
    }
    return entry;
}

} // namespace

DesktopIcons::DesktopIcons(QIcon fallback, QStringList dirs, QObject* parent)
    : QObject(parent)
    , m_fallback(std::move(fallback))
    , m_dirs(std::move(dirs))
{
    // Hundreds of small files: not on the GUI thread, where the first refresh is waited for.
    m_thread = QThread::create([this] { m_loaded = readIndex(m_dirs); });
    connect(m_thread, &QThread::finished, this, [this] {
        m_index = std::move(m_loaded);
        m_icons.clear();
        m_ready = true;
        Q_EMIT ready();
    });
    m_thread->start(QThread::LowPriority);
}

DesktopIcons::~DesktopIcons()
{
    m_thread->wait();
    delete m_thread;
}

QStringList DesktopIcons::defaultDirs() { return QStandardPaths::standardLocations(QStandardPaths::ApplicationsLocation); }

QString DesktopIcons::programOfExec(const QString& exec)
{
    QStringList words = QProcess::splitCommand(exec);
    // "env VAR=value program": the program is the first word that is not an assignment.
    if (!words.isEmpty() && QFileInfo(words.front()).fileName() == QLatin1String("env")) {
        words.pop_front();
        while (!words.isEmpty() && (words.front().contains(QLatin1Char('=')) || words.front().startsWith(QLatin1Char('-'))))
            words.pop_front();
    }
    return words.isEmpty() ? QString() : QFileInfo(words.front()).fileName();
}

QHash<QString, QString> DesktopIcons::readIndex(const QStringList& dirs)
{
    QHash<QString, QString> index;
    for (const QString& dir : dirs) {
        QDir folder(dir);
        const QStringList files = folder.entryList({QStringLiteral("*.desktop")}, QDir::Files | QDir::Readable);
        for (const QString& name : files) {
            const DesktopEntry entry = readEntry(folder.filePath(name));
            if (entry.hidden || entry.icon.isEmpty())
                continue;
            for (const QString& line : {entry.tryExec, entry.exec}) {
                const QString program = programOfExec(line);
                if (!program.isEmpty() && !index.contains(program))
                    index.insert(program, entry.icon);
            }
        }
    }
    return index;
}

QIcon DesktopIcons::iconFor(const QString& executable, const QString& name) const
{
    if (m_index.isEmpty())
        return m_fallback;
    auto it = m_index.constFind(QFileInfo(executable).fileName());
    if (it == m_index.constEnd())
        it = m_index.constFind(name);
    if (it == m_index.constEnd())
        return m_fallback;
    auto cached = m_icons.constFind(it.value());
    if (cached != m_icons.constEnd())
        return cached.value();
    // Icon= is a theme name, or a file for programs that ship their own.
    QIcon icon = QFileInfo(it.value()).isAbsolute() ? QIcon(it.value()) : QIcon::fromTheme(it.value());
    if (icon.isNull())
        icon = m_fallback;
    m_icons.insert(it.value(), icon);
    return icon;
}

} // namespace hs::ui
