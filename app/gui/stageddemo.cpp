// SPDX-License-Identifier: MIT
#include "stageddemo.h"

#include "widgets/mainwindow.h"

#include <QDateTime>
#include <QFile>

#include <cstdio>

namespace hs::app {

StagedDemo::StagedDemo(ui::MainWindow* window, QString dir)
    : QObject(window)
    , m_window(window)
    , m_dir(std::move(dir))
{
}

void StagedDemo::start()
{
    connect(&m_timer, &QTimer::timeout, this, &StagedDemo::tick);
    m_timer.start(100);
}

void StagedDemo::addWait(int milliseconds)
{
    add([this, milliseconds] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (m_waitUntil == 0)
            m_waitUntil = now + milliseconds;
        if (now < m_waitUntil)
            return false;
        m_waitUntil = 0;
        return true;
    });
}

void StagedDemo::addStage(const QString& name)
{
    addWait(600); // let repaints and highlights settle
    add([this, name] {
        QFile ready(m_dir + QLatin1Char('/') + name + QStringLiteral(".ready"));
        if (!ready.exists()) {
            ready.open(QIODevice::WriteOnly);
            std::printf("demo stage %s\n", qPrintable(name));
            std::fflush(stdout);
        }
        return QFile::exists(m_dir + QLatin1Char('/') + name + QStringLiteral(".done"));
    });
}

void StagedDemo::tick()
{
    if (m_next < m_steps.size() && m_steps[m_next]())
        ++m_next;
}

} // namespace hs::app
