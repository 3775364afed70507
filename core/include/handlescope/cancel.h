// SPDX-License-Identifier: MIT
// Stopping a read that nobody needs any more.
#pragma once

#include "handlescope/error.h"

#include <atomic>
#include <memory>
#include <string>

namespace hs {

/// Lets the caller of a long read (a whole-machine snapshot, a search) stop it from another
/// thread. Copies share one flag: the caller keeps one, the read gets another. A
/// default-constructed token can never be cancelled, so reads take one by default.
/// Reads look at it between processes (and between handles of a large process); a
/// cancelled read returns an error for which isCancelled() holds, never partial data.
class CancelToken {
public:
    CancelToken() = default;
    /// A token that cancel() can set.
    static CancelToken create() { return CancelToken(std::make_shared<std::atomic<bool>>(false)); }

    void cancel() const
    {
        if (m_flag)
            m_flag->store(true, std::memory_order_relaxed);
    }
    [[nodiscard]] bool cancelled() const { return m_flag && m_flag->load(std::memory_order_relaxed); }

private:
    explicit CancelToken(std::shared_ptr<std::atomic<bool>> flag)
        : m_flag(std::move(flag))
    {
    }
    std::shared_ptr<std::atomic<bool>> m_flag;
};

/// The error a cancelled read returns: `operation` with osName "ECANCELED".
Error cancelledError(std::string operation);
/// True for an error made by cancelledError.
bool isCancelled(const Error& error);

} // namespace hs
