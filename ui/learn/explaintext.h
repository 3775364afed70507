// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/duplicate.h"
#include "handlescope/model.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace hs::ui {

/// Which system the explanation is for. The running platform by default; a parameter so
/// the Windows texts can be checked on Linux and the other way round.
enum class ExplainPlatform { Linux, Windows };
ExplainPlatform currentExplainPlatform();

/// The words of the Explain pane, for people learning how handles are shared: each part
/// one short paragraph (HTML, already escaped) built from the core's facts about the
/// handle. The equivalent code is in ExplainCode.
class ExplainText {
    Q_DECLARE_TR_FUNCTIONS(ExplainText)
public:
    explicit ExplainText(ExplainPlatform platform)
        : m_platform(platform)
    {
    }

    [[nodiscard]] QString type(const hs::HandleInfo& h) const;
    [[nodiscard]] QString access(const hs::HandleInfo& h) const;
    [[nodiscard]] QString inheritable(const hs::HandleInfo& h) const;
    [[nodiscard]] QString closing(const hs::HandleInfo& h) const;
    /// What the chosen duplicate options will do (close source, inheritable, access).
    [[nodiscard]] QString duplicateOptions(const hs::DuplicateOptions& options) const;
    /// "Windows handles vs Linux descriptors": the same for both platforms.
    [[nodiscard]] static QString handlesVersusDescriptors();
    /// Titles of the official pages to read next (page titles: not translated).
    [[nodiscard]] QStringList documentation(hs::HandleKind kind) const;

private:
    [[nodiscard]] QString linuxType(hs::HandleKind kind) const;
    [[nodiscard]] QString windowsType(hs::HandleKind kind) const;
    [[nodiscard]] static QString windowsRight(const QString& right);

    ExplainPlatform m_platform;
};

} // namespace hs::ui
