// SPDX-License-Identifier: MIT
#pragma once

#include "learn/lessontext.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace hs::ui {

class DemoProcesses;
class DuplicateRunner;

/// Lesson 2 of Learn mode, "Three ways to share an object" (the reference page: Object
/// Duplication is one of three): inheritance, a named object and duplication side by
/// side, each run live with handlescope-demo processes whose output it shows. Its demo
/// processes end when the window closes.
class ThreeWaysWindow : public QWidget {
    Q_OBJECT
public:
    enum Way { Inheritance, Named, Duplication, WayCount };

    explicit ThreeWaysWindow(QWidget* parent = nullptr);
    ~ThreeWaysWindow() override;

    /// Runs one way again from the start (its earlier demo processes are stopped).
    void run(Way way);
    void runAll();
    /// The way ran to its end: the second process used the object.
    [[nodiscard]] bool isDone(Way way) const { return m_columns[way].done; }
    [[nodiscard]] QString output(Way way) const;
    [[nodiscard]] QString result(Way way) const;
    [[nodiscard]] DemoProcesses* demos(Way way) const { return m_columns[way].demos; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    struct Column {
        DemoProcesses* demos = nullptr;
        QPushButton* run = nullptr;
        QPlainTextEdit* output = nullptr;
        QLabel* result = nullptr;
        bool done = false;
    };

    QWidget* buildColumn(Way way, const QString& title, const QString& text);
    void onLine(Way way, const QString& role, const QString& line);
    void finish(Way way, bool ok, const QString& text);
    void duplicateWhenReady();

    LessonText m_text;
    Column m_columns[WayCount];
    DuplicateRunner* m_runner;
    qint64 m_copy = -1;
};

} // namespace hs::ui
