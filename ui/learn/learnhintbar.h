// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QPushButton;

namespace hs::ui {

/// The first-run bar of the main window: offers the Learn mode lesson once. Either answer
/// is remembered (QSettings learn/hintAnswered) and the bar does not come back.
class LearnHintBar : public QFrame {
    Q_OBJECT
public:
    explicit LearnHintBar(QWidget* parent = nullptr);

    /// Shows the bar unless it was answered before.
    void showIfUnanswered();
    [[nodiscard]] static bool answered();

    [[nodiscard]] QPushButton* startButton() const { return m_start; }
    [[nodiscard]] QPushButton* dismissButton() const { return m_dismiss; }

Q_SIGNALS:
    void startRequested();

private:
    void answer();

    QPushButton* m_start;
    QPushButton* m_dismiss;
};

} // namespace hs::ui
