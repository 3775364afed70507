// SPDX-License-Identifier: MIT
#include "log/qtlogsink.h"

#include "log/logmodel.h"

#include "handlescope/log.h"

#include <QMetaObject>

#include <chrono>

namespace hs::ui {

QtLogSink::QtLogSink(LogModel* model)
    : m_model(model)
{
}

std::shared_ptr<QtLogSink> QtLogSink::attach(LogModel* model)
{
    auto sink = std::make_shared<QtLogSink>(model);
    sink->m_self = sink;
    hs::log::addSink(sink);
    return sink;
}

void QtLogSink::detach()
{
    if (auto self = m_self.lock())
        hs::log::removeSink(self);
}

void QtLogSink::sink_it_(const spdlog::details::log_msg& msg)
{
    LogEntry e;
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
    e.time = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms));
    e.level = static_cast<int>(msg.level);
    e.logger = QString::fromUtf8(msg.logger_name.data(), static_cast<qsizetype>(msg.logger_name.size()));
    e.message = QString::fromUtf8(msg.payload.data(), static_cast<qsizetype>(msg.payload.size()));

    bool first = false;
    {
        std::lock_guard lock(m_pendingMutex);
        first = m_pending.empty();
        m_pending.push_back(std::move(e));
    }
    if (!first)
        return; // a delivery is already queued and will take this line too
    LogModel* model = m_model.data();
    if (!model)
        return;
    // The weak pointer keeps a late delivery from touching a destroyed sink.
    QMetaObject::invokeMethod(
        model,
        [weak = m_self] {
            if (auto self = weak.lock())
                self->deliver();
        },
        Qt::QueuedConnection);
}

void QtLogSink::deliver()
{
    std::vector<LogEntry> batch;
    {
        std::lock_guard lock(m_pendingMutex);
        batch.swap(m_pending);
    }
    if (m_model)
        m_model->append(std::move(batch));
}

} // namespace hs::ui
