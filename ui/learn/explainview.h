// SPDX-License-Identifier: MIT
#pragma once

#include "learn/explaintext.h"

#include "handlescope/duplicate.h"
#include "handlescope/model.h"

#include <QWidget>

#include <optional>

class QDockWidget;
class QMainWindow;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace hs::ui {

/// "Explain": a handle, or a duplicate being set up, in words for people learning, with
/// the equivalent code for the platform (the real values filled in) and a Copy button.
/// Shown as a dock of the main window and as a tab of the duplicate dialog.
class ExplainView : public QWidget {
    Q_OBJECT
public:
    explicit ExplainView(QWidget* parent = nullptr, ExplainPlatform platform = currentExplainPlatform());

    /// Adds the "Explain" dock to `window` (hidden until asked for from the View menu).
    static QDockWidget* addDock(QMainWindow* window);

    void showHandle(const hs::ProcessInfo& process, const hs::HandleInfo& handle);
    /// A duplicate of `handle` of `source` into `target` (none chosen yet: nullopt).
    void showDuplicate(const hs::ProcessInfo& source, const hs::HandleInfo& handle, std::optional<hs::Pid> target,
        const hs::DuplicateOptions& options);
    void clear();

    [[nodiscard]] QString explanationText() const; ///< plain text of the explanation
    [[nodiscard]] QString codeText() const;

public Q_SLOTS:
    void copyCode();

private:
    [[nodiscard]] QString handleSections(const hs::ProcessInfo& process, const hs::HandleInfo& handle) const;
    [[nodiscard]] QString closingSections(const hs::HandleInfo& handle) const;

    ExplainPlatform m_platform;
    QTextBrowser* m_text;
    QPlainTextEdit* m_code;
    QPushButton* m_copy;
};

} // namespace hs::ui
