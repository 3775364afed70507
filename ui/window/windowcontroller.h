// SPDX-License-Identifier: MIT
#pragma once

#include "dup/progress.h"
#include "models/handlerow.h"
#include "reader/reader.h"

#include "handlescope/duplicate.h"
#include "handlescope/model.h"

#include <QObject>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <memory>
#include <optional>

namespace hs::ui {

class HandleModel;
class ProcessModel;

/// What a duplicate did, for the dialog and the window.
struct DuplicateOutcome {
    hs::Pid source = -1;
    hs::HandleValue handle = -1;
    hs::Pid target = -1;
    hs::Result<hs::DuplicateResult> result = hs::fail(hs::Error{});
    /// The new handle as read right after the duplicate (absent if that read failed).
    std::optional<hs::HandleInfo> created;
};

/// The other processes that hold the object of the selected handle.
struct HolderList {
    hs::ProcessKey process;  ///< whose handle they are the holders of
    hs::HandleValue value = -1;
    std::shared_ptr<const HoldersRead> read; ///< null while the search runs
};

/// Everything the main window does that is not a widget: which process is in focus, the
/// refresh (on demand and on a timer), the details of the selected handle and its other
/// holders, both write operations (duplicate, close) and the jump to a handle. Reads go
/// through one Reader; writes run one at a time on a thread of their own at normal
/// priority (a person is waiting for them). The window only turns its signals into
/// widgets and the user's actions into calls.
class WindowController : public QObject {
    Q_OBJECT
public:
    struct Options {
        /// The reader's thread. Idle: a core that runs only it counts as free, so the UI
        /// thread is placed there at once when it wakes (docs/gui.md); it waits, though,
        /// while other programs keep every core busy.
        QThread::Priority readerPriority = QThread::IdlePriority;
    };
    explicit WindowController(Options options, QObject* parent = nullptr);
    ~WindowController() override;

    [[nodiscard]] ProcessModel* processModel() const { return m_processes; }
    [[nodiscard]] HandleModel* handleModel() const { return m_handles; }
    [[nodiscard]] Reader* reader() const { return m_reader; }

    /// 0 = automatic refresh off.
    void setInterval(int milliseconds);
    [[nodiscard]] int interval() const { return m_intervalMs; }
    [[nodiscard]] bool isRefreshing() const;
    /// Process-list reads shown so far.
    [[nodiscard]] quint64 refreshCount() const { return m_refreshCount; }

    [[nodiscard]] std::optional<hs::ProcessKey> focus() const { return m_focus; }
    /// The focused process as last listed, null if none or gone.
    [[nodiscard]] const hs::ProcessInfo* focusedProcess() const;
    [[nodiscard]] const hs::HandleInfo* currentHandle() const;
    /// What the window knows of the tables that hold the selected handle's object: the
    /// focused process's handles, and each other holder found (HolderList) in its process.
    /// The handle map's holdersOf reads these; empty without a selected handle.
    [[nodiscard]] std::vector<hs::ProcessHandles> holderTables() const;

public Q_SLOTS:
    void refresh();
    /// The process whose handles are shown; its handles are read now unless shown already.
    void setFocus(std::optional<hs::ProcessKey> focus);
    /// The handle selected in the table (by row of the handle model, -1 for none).
    void setCurrentHandle(int handleRow);
    /// Shows `value` of `pid` (switching process if needed) as soon as its row exists.
    void jumpTo(hs::Pid pid, hs::HandleValue value);
    void duplicate(hs::Pid source, hs::HandleValue handle, hs::Pid target, const hs::DuplicateOptions& options);
    void closeHandle(hs::Pid pid, hs::HandleValue value);

Q_SIGNALS:
    void refreshingChanged(bool refreshing);
    void refreshed(int processes, qint64 handles, qint64 elapsedMs, const QDateTime& at);
    void refreshFailed(const QString& message);
    /// The handle pane shows a message instead of the table (empty: the table).
    void handlesMessage(const QString& message);
    void detailsChanged(const hs::ProcessInfo& process, const hs::HandleInfo& handle);
    void detailsCleared();
    void holdersChanged(const hs::ui::HolderList& holders);
    void selectProcessRequested(hs::Pid pid);
    void selectHandleRequested(hs::HandleValue value);
    /// A step of the running duplicate as the core reports it, in order, all of them
    /// before duplicateFinished (the handle map follows these).
    void duplicateProgress(const hs::DuplicateProgress& step);
    void duplicateFinished(const hs::ui::DuplicateOutcome& outcome);
    void closeFinished(const std::optional<hs::Error>& error);

private:
    void onProcesses(const std::shared_ptr<const ProcessListRead>& read);
    void onHandles(const std::shared_ptr<const HandleListRead>& read);
    void onHolders(const std::shared_ptr<const HoldersRead>& read);
    void listProcesses();
    void readFocus();
    void showCurrentHandle();
    void applyPendingJump();
    void onDuplicated(DuplicateOutcome outcome);

    Reader* m_reader;
    ProcessModel* m_processes;
    HandleModel* m_handles;
    QThreadPool m_writes;
    QTimer m_timer;
    int m_intervalMs = 0;
    quint64 m_refreshCount = 0;

    bool m_listing = false;                        ///< a process-list read is under way
    bool m_listAgain = false;                      ///< and another was asked for meanwhile
    std::optional<hs::ProcessKey> m_reading;       ///< whose handles are being read
    bool m_readAgain = false;                      ///< and another read of them was asked for
    std::optional<hs::ProcessKey> m_focus;
    std::optional<HandleRowTraits::Key> m_current; ///< the selected handle
    std::optional<hs::HandleInfo> m_shown;         ///< as last sent to the details
    std::optional<HandleRowTraits::Key> m_holdersFor;
    HolderList m_holders; ///< as last sent (holdersChanged)
    std::optional<std::pair<hs::Pid, hs::HandleValue>> m_pendingJump;
};

} // namespace hs::ui
