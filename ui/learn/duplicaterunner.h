// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/duplicate.h"

#include <QObject>
#include <QString>

class QThread;

namespace hs::ui {

/// Runs one hs::duplicateHandle on a worker thread and reports each step of it back on
/// the thread that owns the runner, in the order the core reported them. The runner
/// waits for its worker when destroyed (the core's own timeout bounds that wait).
class DuplicateRunner : public QObject {
    Q_OBJECT
public:
    explicit DuplicateRunner(QObject* parent = nullptr);
    ~DuplicateRunner() override;

    /// False when a duplicate is still running (then nothing is started).
    bool run(hs::Pid source, hs::HandleValue handle, hs::Pid target, hs::DuplicateOptions options);
    [[nodiscard]] bool running() const;

Q_SIGNALS:
    void progress(const hs::DuplicateProgress& step);
    /// `newHandle` is the value in the target; on failure -1 and `error` says why.
    void finished(qint64 newHandle, const QString& error);

private:
    QThread* m_worker = nullptr;
};

} // namespace hs::ui
