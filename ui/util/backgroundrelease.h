// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/error.h"

#include <memory>
#include <type_traits>
#include <utility>

namespace hs::ui {

namespace detail {
/// Runs `destroy` on workPool(), or here when there is no pool any more (application
/// teardown).
void runInBackground(void (*destroy)(const void*), const void* object);
} // namespace detail

/// Shares `value` read-only, and when the last owner lets go the value is destroyed on a
/// worker thread. A list of handles is one allocation per string to free (a snapshot of
/// 50,000 took ~5 ms); the UI thread drops the previous list on every refresh and must
/// not pay that.
template <class T>
std::shared_ptr<const T> shareReleasedInBackground(T&& value)
{
    static_assert(!std::is_reference_v<T>);
    return std::shared_ptr<const T>(new T(std::move(value)), [](const T* object) {
        detail::runInBackground([](const void* p) { delete static_cast<const T*>(p); }, object);
    });
}

/// The same for a result: the value is shared, an error is passed on.
template <class T>
hs::Result<std::shared_ptr<const T>> shareReleasedInBackground(hs::Result<T>&& result)
{
    if (!result)
        return std::unexpected(std::move(result.error()));
    return shareReleasedInBackground(std::move(*result));
}

} // namespace hs::ui
