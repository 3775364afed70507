// SPDX-License-Identifier: MIT
#pragma once

#include "learn/lessontext.h"

#include "handlescope/duplicate.h"

#include <QWidget>

#include <array>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace hs::ui {

class DemoProcesses;
class DuplicateRunner;
class HandleMapModel;
class HandleMapView;
class HandleTable;

/// Lesson 1 of Learn mode, "Duplicating a handle": a window that starts a handlescope-demo
/// source and target and walks through sharing the source's file with the target, one
/// step at a time. Next unlocks only when the step is done (the right row picked, the
/// duplicate made, the target told...). The demo processes end when the window closes.
class LearnWindow : public QWidget {
    Q_OBJECT
public:
    enum Step { PickFile, PickTarget, Duplicate, SeeNewHandle, TellTarget, TargetOutput, Variations, StepCount };

    explicit LearnWindow(QWidget* parent = nullptr);
    ~LearnWindow() override;

    [[nodiscard]] int currentStep() const;
    [[nodiscard]] bool isDone(Step step) const { return m_done[step]; }
    [[nodiscard]] DemoProcesses* demos() const { return m_demos; }
    [[nodiscard]] HandleMapModel* mapModel() const { return m_mapModel; }
    [[nodiscard]] HandleMapView* mapView() const { return m_map; }
    [[nodiscard]] HandleTable* sourceTable() const { return m_sourceTable; }
    [[nodiscard]] HandleTable* targetTable() const { return m_targetTable; }
    [[nodiscard]] QListWidget* targetChoices() const { return m_targets; }
    [[nodiscard]] QPushButton* nextButton() const { return m_next; }
    [[nodiscard]] QPushButton* duplicateButton() const { return m_duplicate; }
    [[nodiscard]] QPushButton* sendButton() const { return m_send; }
    /// Step 7's "duplicate again without telling": a copy nobody will use, a leak.
    [[nodiscard]] QPushButton* leakButton() const { return m_leak; }
    /// The value of that untold copy, -1 before.
    [[nodiscard]] qint64 leakedValue() const { return m_leakedValue; }
    /// The value the duplicate gave the copy in the target, -1 before.
    [[nodiscard]] qint64 newValue() const { return m_newValue; }
    [[nodiscard]] qint64 sourceValue() const { return m_sourceValue; }

Q_SIGNALS:
    /// The last step's "Next Lesson" button: open lesson 2.
    void nextLessonRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildPickFilePage();
    QWidget* buildPickTargetPage();
    QWidget* buildDuplicatePage();
    QWidget* buildSeeNewHandlePage();
    QWidget* buildTellPage();
    QWidget* buildOutputPage();
    QWidget* buildVariationsPage();

    void goTo(int step);
    void markDone(Step step);
    void updateButtons();
    void onSourceReady();
    void fillTargets();
    void onFilePicked(qint64 value);
    void onTargetPicked();
    void startDuplicate();
    void onDuplicated(qint64 newValue, const QString& error);
    void showNewHandle();
    void onTold(const QString& message, const QMap<QString, QString>& report);
    void onDemoLine(const QString& role, const QString& line);

    LessonText m_text;
    DemoProcesses* m_demos;
    DuplicateRunner* m_runner;
    HandleMapModel* m_mapModel;
    HandleMapView* m_map;
    QListWidget* m_steps;
    QStackedWidget* m_pages;
    QLabel* m_status;
    QPushButton* m_back;
    QPushButton* m_next;

    QLabel* m_pickText = nullptr;
    QLabel* m_pickFeedback = nullptr;
    HandleTable* m_sourceTable = nullptr;
    QLabel* m_targetText = nullptr;
    QLabel* m_targetFeedback = nullptr;
    QListWidget* m_targets = nullptr;
    QPlainTextEdit* m_calls = nullptr;
    QLabel* m_arguments = nullptr;
    QPushButton* m_duplicate = nullptr;
    QListWidget* m_progress = nullptr;
    QLabel* m_duplicateResult = nullptr;
    QLabel* m_newHandleText = nullptr;
    HandleTable* m_targetTable = nullptr;
    QLabel* m_tellText = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_send = nullptr;
    QLabel* m_answer = nullptr;
    QPlainTextEdit* m_targetOutput = nullptr;
    QLabel* m_usedText = nullptr;
    QPushButton* m_leak = nullptr;
    QLabel* m_leakResult = nullptr;

    std::array<bool, StepCount> m_done{};
    qint64 m_sourceValue = -1;
    qint64 m_targetPid = 0;
    qint64 m_newValue = -1;
    qint64 m_leakedValue = -1;
    bool m_leaking = false; ///< the duplicate running is step 7's untold copy
};

} // namespace hs::ui
