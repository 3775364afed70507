// SPDX-License-Identifier: MIT
#pragma once

#include "log/logentry.h"

#include <QPointer>

#include <spdlog/sinks/base_sink.h>

#include <memory>
#include <mutex>
#include <vector>

namespace hs::ui {

class LogModel;

/// spdlog sink feeding the log panel. Core calls log from worker threads; the sink
/// queues the line and posts ONE queued call per batch to the UI thread
/// (QMetaObject::invokeMethod, Qt::QueuedConnection), so a burst of 10,000 lines costs
/// one model insert, not 10,000 events.
class QtLogSink : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit QtLogSink(LogModel* model);

    /// Attach to every core logger (hs::log::addSink) / detach. detach() returns only
    /// when no thread is inside sink_it_ any more, so the model may be deleted after.
    static std::shared_ptr<QtLogSink> attach(LogModel* model);
    void detach();

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override;
    void flush_() override { }

private:
    void deliver();

    QPointer<LogModel> m_model;
    std::mutex m_pendingMutex;
    std::vector<LogEntry> m_pending;
    std::weak_ptr<QtLogSink> m_self;
};

} // namespace hs::ui
