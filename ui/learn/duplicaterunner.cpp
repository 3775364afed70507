// SPDX-License-Identifier: MIT
#include "learn/duplicaterunner.h"

#include "handlescope/log.h"

#include <QThread>

namespace hs::ui {

DuplicateRunner::DuplicateRunner(QObject* parent)
    : QObject(parent)
{
}

DuplicateRunner::~DuplicateRunner()
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

bool DuplicateRunner::running() const { return m_worker && m_worker->isRunning(); }

bool DuplicateRunner::run(hs::Pid source, hs::HandleValue handle, hs::Pid target, hs::DuplicateOptions options)
{
    if (running())
        return false;
    delete m_worker;
    hs::log::get("ui")->info("learn: duplicate fd/handle {} of pid {} into pid {}{}{}", handle, source, target,
                             options.inheritable ? ", inheritable" : "", options.closeSource ? ", closing the source" : "");
    // Each step is posted back to this object's thread; a runner destroyed meanwhile
    // drops them (it waits for the worker first, and Qt discards calls to a deleted object).
    options.progress = [this](const hs::DuplicateProgress& step) {
        QMetaObject::invokeMethod(this, [this, step] { Q_EMIT progress(step); }, Qt::QueuedConnection);
    };
    m_worker = QThread::create([this, source, handle, target, options] {
        auto result = hs::duplicateHandle(source, handle, target, options);
        auto log = hs::log::get("ui");
        qint64 value = -1;
        QString error;
        if (result) {
            value = result->newHandle;
            log->info("learn: duplicated {} of pid {} into pid {} as {} via {}", handle, source, target, value,
                      result->method);
        } else {
            error = QString::fromStdString(result.error().message());
            log->error("learn: duplicate failed: {}", result.error().message());
        }
        QMetaObject::invokeMethod(this, [this, value, error] { Q_EMIT finished(value, error); }, Qt::QueuedConnection);
    });
    m_worker->start();
    return true;
}

} // namespace hs::ui
