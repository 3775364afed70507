// SPDX-License-Identifier: MIT
#pragma once

#include "models/handlerow.h"
#include "models/processrow.h"
#include "models/tablediff.h"

#include "handlescope/cancel.h"
#include "handlescope/find.h"
#include "handlescope/model.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QThreadPool>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hs::ui {

/// One handle a machine-wide search found, copied out of what was read.
struct FoundHandle {
    hs::ProcessKey process;
    std::string processName;
    hs::HandleInfo handle;
};

struct ProcessListRead {
    quint64 id = 0;
    std::optional<hs::Error> error;
    TableDiff<ProcessEntry> diff;
    qint64 handles = 0; ///< on the machine, as counted by the read
    qint64 elapsedMs = 0;
    QDateTime finishedAt;
};

struct HandleListRead {
    quint64 id = 0;
    hs::ProcessKey process;
    std::optional<hs::Error> error;
    TableDiff<HandleRowTraits::Item> diff;
    qint64 elapsedMs = 0;
};

struct FindRead {
    quint64 id = 0;
    std::optional<hs::Error> error;
    std::vector<FoundHandle> hits; ///< the first `limit` matches
    std::size_t matches = 0;
    std::size_t processes = 0; ///< searched
    std::size_t handles = 0;   ///< searched
    QDateTime machineReadAt;
};

struct HoldersRead {
    quint64 id = 0;
    hs::ObjectId object;
    std::optional<hs::Error> error;
    std::vector<FoundHandle> holders; ///< the first `limit`
    std::size_t matches = 0;
    QDateTime readAt;
};

/// Every background read of the desktop app goes through here (hotspot's job tracker):
/// the process list, the handles of the focused process, Find and the holders of an
/// object. They run one at a time on one worker thread, at the priority its owner chose.
/// Each kind of read is a lane; a new request cancels the one before it in its lane
/// (through the core's CancelToken), and only the newest job of a lane delivers its
/// result: a stale one is dropped by its id. Table reads return a diff against the rows
/// the model had when it asked, computed on the worker.
class Reader : public QObject {
    Q_OBJECT
public:
    enum class Lane : std::uint8_t { Processes, Handles, Find, Holders };

    /// The core calls, replaceable by tests and benchmarks.
    struct Sources {
        std::function<hs::Result<std::vector<hs::ProcessInfo>>(const hs::CancelToken&)> processes;
        std::function<hs::Result<std::vector<hs::HandleInfo>>(const hs::ProcessKey&, const hs::CancelToken&)> handles;
        std::function<hs::Result<hs::Snapshot>(const hs::CancelToken&)> snapshot;
        std::function<hs::Result<std::vector<hs::Holder>>(const hs::ObjectId&, const hs::CancelToken&)> holders;
    };
    static Sources coreSources();

    explicit Reader(QThread::Priority priority, QObject* parent = nullptr);
    ~Reader() override;

    void setSources(Sources sources) { m_sources = std::move(sources); }
    void setFlashDuration(std::chrono::milliseconds flash) { m_flashMs = flash.count(); }

    /// Reads the process list; the diff is against `shown`.
    quint64 readProcesses(SharedRows<ProcessEntry> shown);
    /// Reads the handles of `process` in full detail; the diff is against `shown`, with
    /// highlights when `shown` holds the same process's handles, else a replacement.
    quint64 readHandles(const hs::ProcessKey& process, SharedRows<HandleRowTraits::Item> shown, bool sameProcess);
    /// Reads every handle of the machine and keeps the first `limit` matches.
    quint64 find(const hs::FindQuery& query, std::size_t limit);
    /// Finds the handles that refer to `object` (no snapshot: see hs::findHolders).
    quint64 findHolders(const hs::ObjectId& object, std::size_t limit);

    /// Frees `garbage` on the worker thread: a large list is one free per string.
    void dispose(std::shared_ptr<const void> garbage);

    /// A job of this lane is queued or running.
    [[nodiscard]] bool isBusy(Lane lane) const { return m_lanes[index(lane)].pending > 0; }
    /// The id of the newest job of this lane, 0 before the first.
    [[nodiscard]] quint64 latestId(Lane lane) const { return m_lanes[index(lane)].latest; }

Q_SIGNALS:
    void processesRead(std::shared_ptr<const hs::ui::ProcessListRead> read);
    void handlesRead(std::shared_ptr<const hs::ui::HandleListRead> read);
    void found(std::shared_ptr<const hs::ui::FindRead> read);
    void holdersFound(std::shared_ptr<const hs::ui::HoldersRead> read);
    /// A lane started or finished its last job.
    void busyChanged(hs::ui::Reader::Lane lane, bool busy);
    /// A job's result was dropped because a newer job of its lane had started (tests).
    void staleDropped(hs::ui::Reader::Lane lane, quint64 id);

private:
    struct LaneState {
        quint64 latest = 0;
        int pending = 0;
        hs::CancelToken token;
    };
    static constexpr std::size_t index(Lane lane) { return static_cast<std::size_t>(lane); }

    /// Runs `job` on the worker as the newest job of `lane`; `deliver` emits its result
    /// here if it is still the newest when it is done.
    template <class Result>
    quint64 submit(Lane lane, std::function<Result(const hs::CancelToken&)> job,
                   void (Reader::*deliver)(std::shared_ptr<const Result>));
    void finished(Lane lane, quint64 id, bool& current);
    void deliverProcesses(std::shared_ptr<const ProcessListRead> read);
    void deliverHandles(std::shared_ptr<const HandleListRead> read);
    void deliverFind(std::shared_ptr<const FindRead> read);
    void deliverHolders(std::shared_ptr<const HoldersRead> read);

    QThreadPool m_worker;
    Sources m_sources;
    std::array<LaneState, 4> m_lanes{};
    quint64 m_lastId = 0;
    Millis m_flashMs = 1500;
};

} // namespace hs::ui
