// SPDX-License-Identifier: MIT
#include "learn/demoprocesses.h"

#include "demo_message.h"

#include "learn/childsetup.h"
#include "util/platform.h"

#include "handlescope/log.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace hs::ui {

namespace {
// How long a demo may take to end after its input closes before it is killed.
constexpr int StopWaitMs = 3000;
} // namespace

DemoProcesses::DemoProcesses(QObject* parent)
    : QObject(parent)
{
}

DemoProcesses::~DemoProcesses() { stop(); }

QString DemoProcesses::program()
{
    const QString over = qEnvironmentVariable("HANDLESCOPE_DEMO_PROGRAM");
    if (!over.isEmpty())
        return QFileInfo(over).isExecutable() ? over : QString();
    const QDir here(QCoreApplication::applicationDirPath());
    // findExecutable adds ".exe" on Windows.
    return QStandardPaths::findExecutable(QStringLiteral("handlescope-demo"),
                                          {here.path(), QDir::cleanPath(here.filePath(QStringLiteral("../demo")))});
}

QString DemoProcesses::channel() const
{
    if (!m_dir)
        return {};
    // Windows: a pipe name, unique per run like the folder; elsewhere a UNIX socket in it.
    if (platform().name == "Windows")
        return QStringLiteral("handlescope-learn-%1").arg(QFileInfo(m_dir->path()).fileName());
    return m_dir->filePath(QStringLiteral("channel"));
}

void DemoProcesses::start()
{
    stop();
    if (program().isEmpty()) {
        Q_EMIT failed(tr("The demo program handlescope-demo was not found next to HandleScope (%1). "
                         "Install it with HandleScope, or set HANDLESCOPE_DEMO_PROGRAM to its path.")
                          .arg(QCoreApplication::applicationDirPath()));
        return;
    }
    if (!makeFolder())
        return;
    hs::log::get("ui")->info("learn: starting the demo source and target ({}), channel {}", program().toStdString(),
                             channel().toStdString());
    launch(QStringLiteral("source"), {QStringLiteral("source")});
    launch(QStringLiteral("target"), {QStringLiteral("target"), QStringLiteral("--channel"), channel()});
}

bool DemoProcesses::makeFolder()
{
    if (m_dir)
        return true;
    // A private folder for the channel and the FIFO (a short path: UNIX socket paths are < 108 bytes).
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/hs-learn-XXXXXX"));
    if (m_dir->isValid())
        return true;
    Q_EMIT failed(tr("Could not create a temporary folder for the demo's channel: %1").arg(m_dir->errorString()));
    m_dir.reset();
    return false;
}

QString DemoProcesses::privateName(const QString& leaf)
{
    if (!makeFolder())
        return {};
    if (platform().name == "Windows")
        return QStringLiteral("handlescope-learn-%1-%2").arg(QFileInfo(m_dir->path()).fileName(), leaf);
    return m_dir->filePath(leaf);
}

QProcess* DemoProcesses::startExtra(const QString& role, const QStringList& arguments)
{
    hs::log::get("ui")->info("learn: starting handlescope-demo {}", arguments.join(QLatin1Char(' ')).toStdString());
    return launch(role, arguments);
}

QProcess* DemoProcesses::launch(const QString& role, const QStringList& arguments)
{
    auto* process = new QProcess(this);
    process->setProgram(program());
    process->setArguments(arguments);
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::readyReadStandardOutput, this, [this, process, role] { readLines(process, role); });
    connect(process, &QProcess::errorOccurred, this, [this, role](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(tr("The demo %1 could not be started (%2).").arg(role, program()));
    });
    keepOurHandlesFromChild(*process);
    m_processes.push_back(process);
    // Its input stays open (a pipe from us): the demo ends when it closes.
    process->start(QIODevice::ReadWrite);
    return process;
}

void DemoProcesses::readLines(QProcess* process, const QString& role)
{
    while (process->canReadLine()) {
        QString line = QString::fromUtf8(process->readLine());
        while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        onLine(role, line);
    }
}

void DemoProcesses::onLine(const QString& role, const QString& line)
{
    Q_EMIT lineRead(role, line);
    if (role == QLatin1String("source")) {
        if (const auto f = machineFields(line, QStringLiteral("HOLD")); !f.isEmpty()) {
            m_holds.push_back({f.value(QStringLiteral("handle")).toLongLong(nullptr, 0), f.value(QStringLiteral("type")), f});
        } else if (const auto r = machineFields(line, QStringLiteral("READY")); !r.isEmpty()) {
            m_sourcePid = r.value(QStringLiteral("pid")).toLongLong();
            Q_EMIT sourceReady(m_sourcePid);
        }
    } else if (role == QLatin1String("target")) {
        if (const auto f = machineFields(line, QStringLiteral("LISTENING")); !f.isEmpty()) {
            m_targetPid = f.value(QStringLiteral("pid")).toLongLong();
            Q_EMIT targetListening(m_targetPid);
        }
    } else if (role == QLatin1String("tell")) {
        // "tell: the target answered: USED handle=..."
        if (const qsizetype at = line.indexOf(QStringLiteral("USED ")); at >= 0) {
            if (const auto f = machineFields(line.mid(at), QStringLiteral("USED")); !f.isEmpty())
                Q_EMIT told(m_lastTell, f);
        }
    }
}

namespace {
QString handleText(qint64 handle) { return QString::fromStdString(hs::demo::formatHandle(handle, platform().name == "Windows")); }
} // namespace

QString DemoProcesses::tellMessage(qint64 handle, const QString& type)
{
    return QString::fromStdString(hs::demo::formatTell(handleText(handle).toStdString(), type.toStdString()));
}

void DemoProcesses::tell(qint64 handle, const QString& type)
{
    m_lastTell = tellMessage(handle, type);
    hs::log::get("ui")->info("learn: telling the target (pid {}) \"{}\" over {}", m_targetPid, m_lastTell.toStdString(),
                             channel().toStdString());
    QProcess* teller = launch(QStringLiteral("tell"), {QStringLiteral("tell"), QStringLiteral("--channel"), channel(),
                                                       QStringLiteral("--handle"), handleText(handle), QStringLiteral("--type"), type});
    // The teller ends by itself; it is forgotten when it has.
    connect(teller, &QProcess::finished, this, [this, teller] {
        std::erase(m_processes, teller);
        teller->deleteLater();
    });
}

void DemoProcesses::stop()
{
    if (m_processes.empty())
        return;
    hs::log::get("ui")->info("learn: stopping {} demo process(es)", m_processes.size());
    for (QProcess* p : m_processes)
        p->closeWriteChannel();
    for (QProcess* p : m_processes) {
        p->disconnect(this);
        if (p->state() != QProcess::NotRunning && !p->waitForFinished(StopWaitMs)) {
            p->kill();
            p->waitForFinished(StopWaitMs);
        }
        delete p;
    }
    m_processes.clear();
    m_holds.clear();
    m_sourcePid = m_targetPid = 0;
    m_dir.reset();
}

const DemoHold* DemoProcesses::hold(const QString& type) const
{
    for (const DemoHold& h : m_holds)
        if (h.type == type)
            return &h;
    return nullptr;
}

QList<qint64> DemoProcesses::runningPids() const
{
    QList<qint64> pids;
    for (const QProcess* p : m_processes)
        if (p->state() != QProcess::NotRunning)
            pids << p->processId();
    return pids;
}

QMap<QString, QString> DemoProcesses::machineFields(const QString& line, const QString& keyword)
{
    QMap<QString, QString> out;
    if (!line.startsWith(keyword + QLatin1Char(' ')))
        return out;
    for (const auto& [key, value] : hs::demo::machineFields(line.toStdString()))
        out.insert(QString::fromStdString(key), QString::fromStdString(value));
    return out;
}

} // namespace hs::ui
