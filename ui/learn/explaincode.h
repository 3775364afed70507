// SPDX-License-Identifier: MIT
#pragma once

#include "learn/explaintext.h"

#include "handlescope/duplicate.h"
#include "handlescope/model.h"

#include <QCoreApplication>
#include <QString>

namespace hs::ui {

/// The code a program of the reader's own would write to do what HandleScope does, with
/// the real values filled in (pids, the fd or handle value, the options). C for both
/// platforms; the comments are translated, the code is not.
class ExplainCode {
    Q_DECLARE_TR_FUNCTIONS(ExplainCode)
public:
    explicit ExplainCode(ExplainPlatform platform)
        : m_platform(platform)
    {
    }

    /// Taking a copy of `handle` of process `source` into the program itself.
    [[nodiscard]] QString copyIntoSelf(hs::Pid source, const hs::HandleInfo& handle) const;
    /// Duplicating `handle` of `source` into `target` with `options`.
    [[nodiscard]] QString duplicate(
        hs::Pid source, hs::HandleValue handle, hs::Pid target, const hs::DuplicateOptions& options) const;

private:
    [[nodiscard]] QString linuxTake(hs::Pid source, hs::HandleValue handle) const;
    [[nodiscard]] QString linuxSend(hs::Pid target, const hs::DuplicateOptions& options) const;
    [[nodiscard]] QString windows(hs::Pid source, hs::HandleValue handle, std::optional<hs::Pid> target,
        const hs::DuplicateOptions& options) const;
    [[nodiscard]] static QString comment(const QString& text);

    ExplainPlatform m_platform;
};

} // namespace hs::ui
