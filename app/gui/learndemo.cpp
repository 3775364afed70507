// SPDX-License-Identifier: MIT
#include "learndemo.h"

#include "learn/demoprocesses.h"
#include "learn/handletable.h"
#include "learn/learnwindow.h"
#include "learn/threewayswindow.h"
#include "widgets/mainwindow.h"

#include <QListWidget>
#include <QPushButton>

namespace hs::app {

void LearnDemo::startIfRequested(ui::MainWindow* window)
{
    const QString dir = qEnvironmentVariable("HANDLESCOPE_LEARN_DEMO");
    if (!dir.isEmpty())
        new LearnDemo(window, dir);
}

LearnDemo::LearnDemo(ui::MainWindow* window, QString dir)
    : StagedDemo(window, std::move(dir))
{
    build();
    start();
}

void LearnDemo::next() { m_learn->nextButton()->click(); }

void LearnDemo::build()
{
    using ui::LearnWindow;
    add([this] {
        m_learn = m_window->openLearnWindow();
        m_learn->move(0, 0); // no window manager under Xvfb: place it ourselves
        m_learn->resize(1280, 800);
        return true;
    });
    add([this] {
        const ui::DemoHold* file = m_learn->demos()->hold(QStringLiteral("file"));
        return file && m_learn->demos()->targetPid() > 0 && m_learn->sourceTable()->selectValue(file->handle);
    });
    addStage(QStringLiteral("learn-1"));
    add([this] {
        next();
        for (int i = 0; i < m_learn->targetChoices()->count(); ++i)
            if (m_learn->targetChoices()->item(i)->data(Qt::UserRole).toLongLong() == m_learn->demos()->targetPid())
                m_learn->targetChoices()->setCurrentRow(i);
        return m_learn->isDone(LearnWindow::PickTarget);
    });
    addStage(QStringLiteral("learn-2"));
    add([this] {
        next();
        m_learn->duplicateButton()->click();
        return true;
    });
    add([this] { return m_learn->isDone(LearnWindow::Duplicate); });
    addStage(QStringLiteral("learn-3"));
    add([this] {
        next();
        return m_learn->isDone(LearnWindow::SeeNewHandle);
    });
    addStage(QStringLiteral("learn-4"));
    add([this] {
        next();
        m_learn->sendButton()->click();
        return true;
    });
    add([this] { return m_learn->isDone(LearnWindow::TellTarget); });
    addStage(QStringLiteral("learn-5"));
    add([this] {
        next();
        return m_learn->isDone(LearnWindow::TargetOutput);
    });
    addStage(QStringLiteral("learn-6"));
    add([this] {
        next();
        m_learn->leakButton()->click(); // the never-told target, live
        return true;
    });
    add([this] { return m_learn->leakedValue() >= 0; });
    addStage(QStringLiteral("learn-7"));
    add([this] {
        m_learn->close();
        m_threeWays = m_window->openThreeWaysWindow();
        m_threeWays->move(0, 0);
        m_threeWays->resize(1280, 800);
        m_threeWays->runAll();
        return true;
    });
    add([this] {
        using W = ui::ThreeWaysWindow;
        return m_threeWays->isDone(W::Inheritance) && m_threeWays->isDone(W::Named) && m_threeWays->isDone(W::Duplication);
    });
    addStage(QStringLiteral("learn-three-ways"));
    add([this] {
        m_threeWays->close();
        return true;
    });
}

} // namespace hs::app
