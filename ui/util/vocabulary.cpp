// SPDX-License-Identifier: MIT
#include "util/vocabulary.h"

#include "util/platform.h"

#include "handlescope/describe.h"

#include <QCoreApplication>

#include <string>

namespace hs::ui {

namespace {
// Never read at run time: lupdate extracts the core's English words from this list into
// the catalogue. Keep it in step with core/src/common/model.cpp (kKindNames, process
// states), describeInheritable and both platforms' PlatformInfo.
[[maybe_unused]] constexpr const char* CoreWords[] = {
    // handle kinds (hs::displayName)
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Regular file"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Directory"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Character device"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Block device"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Pipe / FIFO"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Socket"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Event fd"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Timer fd"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Signal fd"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Epoll"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Inotify"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Fanotify"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Process fd"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Memory fd"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "io_uring"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Anonymous inode"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Process"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Thread"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Event"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Mutex"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Semaphore"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Section"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Registry key"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Token"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Timer"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Job"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "I/O completion"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "ALPC port"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Object directory"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Symbolic link"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Desktop"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Window station"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Other"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "Unknown"),
    // process states (hs::toString(ProcessState))
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "running"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "sleeping"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "disk-sleep"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "stopped"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "traced"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "zombie"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "dead"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "idle"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "kernel-thread"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "unknown"),
    // hs::describeInheritable
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "yes"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "no"),
    // hs::PlatformInfo::handleWord and privilegeHint (Linux, Windows)
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "fd"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary", "handle"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary",
        "To see and act on other users' processes, run as root: sudo handlescope-cli ..., "
        "or pkexec handlescope for the desktop app"),
    QT_TRANSLATE_NOOP("hs::ui::Vocabulary",
        "run as Administrator: HandleScope then enables SeDebugPrivilege to open other users' "
        "and services' processes (protected processes stay closed)"),
};
} // namespace

QString translatedCoreWord(std::string_view english)
{
    const std::string key(english); // translate() wants a terminated string
    return QCoreApplication::translate(VocabularyContext, key.c_str());
}

QString kindName(hs::HandleKind kind)
{
    return translatedCoreWord(hs::displayName(kind));
}

// A vague kind's describeType is the OS's own type name ("[eventpoll]"): no catalogue
// entry, so it stays as it is.
QString typeText(const hs::HandleInfo& handle)
{
    return translatedCoreWord(hs::describeType(handle));
}

QString stateText(hs::ProcessState state)
{
    return translatedCoreWord(hs::toString(state));
}

QString inheritableText(const hs::HandleInfo& h)
{
    return translatedCoreWord(hs::describeInheritable(h));
}

QString handleWord()
{
    return translatedCoreWord(platform().handleWord);
}

QString privilegeHint()
{
    return translatedCoreWord(platform().privilegeHint);
}

} // namespace hs::ui
