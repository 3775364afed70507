// SPDX-License-Identifier: MIT
#include "util/backgroundrelease.h"

#include "util/workpool.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace hs::ui::detail {

void runInBackground(void (*destroy)(const void*), const void* object)
{
    // After QCoreApplication is gone the pool may be too (static teardown): free inline
    // then, nothing is waiting on the UI any more.
    QThreadPool* pool = QCoreApplication::instance() ? workPool() : nullptr;
    if (!pool) {
        destroy(object);
        return;
    }
    pool->start([destroy, object] { destroy(object); });
}

} // namespace hs::ui::detail
