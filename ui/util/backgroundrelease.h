// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/error.h"

#include <memory>
#include <type_traits>
#include <utility>

namespace hs::ui {

/// What is freed decides where: a whole snapshot on refreshPool(), the thread that built
/// it (same malloc arena, nice 10), followed by hs::releaseFreeMemory() on workPool()
/// (normal priority: it takes the UI thread's malloc lock for a moment); a list on
/// workPool().
enum class Freed : bool { List, Snapshot };

namespace detail {
/// Runs `destroy` on the pool `what` calls for, or here when there is no pool any more
/// (application teardown).
void runInBackground(void (*destroy)(const void*), const void* object, Freed what);
} // namespace detail

/// Shares `value` read-only, and when the last owner lets go the value is destroyed on a
/// worker thread. A snapshot of 50,000 handles takes ~5 ms to free (one allocation per
/// string); the UI thread drops the previous one on every refresh and must not pay that.
template <class T>
std::shared_ptr<const T> shareReleasedInBackground(T&& value, Freed what = Freed::List)
{
    static_assert(!std::is_reference_v<T>);
    return std::shared_ptr<const T>(new T(std::move(value)), [what](const T* object) {
        detail::runInBackground([](const void* p) { delete static_cast<const T*>(p); }, object, what);
    });
}

/// The same for a result: the value is shared, an error is passed on.
template <class T>
hs::Result<std::shared_ptr<const T>> shareReleasedInBackground(hs::Result<T>&& result, Freed what = Freed::List)
{
    if (!result)
        return std::unexpected(std::move(result.error()));
    return shareReleasedInBackground(std::move(*result), what);
}

} // namespace hs::ui
