// SPDX-License-Identifier: MIT
#pragma once

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

class QProcess;

namespace hs::ui {

/// One object the demo source holds, from its "HOLD handle=N type=T ..." line.
struct DemoHold {
    qint64 handle = -1;
    QString type;             ///< "file", "pipe", "eventfd", "socket" (Windows: "event", ...)
    QMap<QString, QString> fields; ///< every field of the line (path, text, end...)
};

/// The handlescope-demo processes a lesson runs: a source that holds objects and a target
/// that listens on a channel in a private temporary folder. They are started with their
/// standard input a pipe from us, so they end when we close it (stop(), or our own exit,
/// however it happens); stop() also waits, then kills a process that does not end.
class DemoProcesses : public QObject {
    Q_OBJECT
public:
    explicit DemoProcesses(QObject* parent = nullptr);
    ~DemoProcesses() override;

    /// The demo program: $HANDLESCOPE_DEMO_PROGRAM, else handlescope-demo next to this
    /// program (the package installs both to the same folder; in the build tree it is in
    /// ../demo). Empty when none is found.
    static QString program();

    /// Starts the source and the target; sourceReady and targetListening follow, or failed.
    void start();
    /// Starts one more demo with `arguments`, stopped like the others; its output lines go
    /// to `lineRead` under `role`.
    QProcess* startExtra(const QString& role, const QStringList& arguments);
    /// Sends "handle N, type T" to the target with the demo's `tell` role; told() follows.
    void tell(qint64 handle, const QString& type);
    /// The message tell() sends: "handle N, type T" (N in hex on Windows).
    static QString tellMessage(qint64 handle, const QString& type);
    /// Ends every demo process (closes their input, waits, kills what is left).
    void stop();

    [[nodiscard]] qint64 sourcePid() const { return m_sourcePid; }
    [[nodiscard]] qint64 targetPid() const { return m_targetPid; }
    [[nodiscard]] QString channel() const;
    /// A path for `leaf` in this run's private temporary folder (made on first use); a
    /// name on Windows, where the named objects live in the session's namespace.
    [[nodiscard]] QString privateName(const QString& leaf);
    [[nodiscard]] const std::vector<DemoHold>& holds() const { return m_holds; }
    /// The hold of `type`, or null.
    [[nodiscard]] const DemoHold* hold(const QString& type) const;
    /// The pids of the demo processes still running (the tests check it is empty after stop).
    [[nodiscard]] QList<qint64> runningPids() const;

    /// The fields of a machine line ("KEYWORD k=v ..."), empty when `line` is not one.
    static QMap<QString, QString> machineFields(const QString& line, const QString& keyword);

Q_SIGNALS:
    void sourceReady(qint64 pid);
    void targetListening(qint64 pid);
    /// Every line a demo printed; `role` is "source", "target", "tell" or an extra's role.
    void lineRead(const QString& role, const QString& line);
    /// The message sent and the target's report (its USED line's fields; result=ok when used).
    void told(const QString& message, const QMap<QString, QString>& report);
    void failed(const QString& why);

private:
    QProcess* launch(const QString& role, const QStringList& arguments);
    bool makeFolder();
    void readLines(QProcess* process, const QString& role);
    void onLine(const QString& role, const QString& line);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<QProcess*> m_processes;
    std::vector<DemoHold> m_holds;
    qint64 m_sourcePid = 0;
    qint64 m_targetPid = 0;
    QString m_lastTell;
};

} // namespace hs::ui
