// SPDX-License-Identifier: MIT
#include "learn/lessontext.h"

namespace hs::ui {

namespace {
QString para(const QString& html) { return QStringLiteral("<p>%1</p>").arg(html); }
QString code(const QString& text) { return QStringLiteral("<code>%1</code>").arg(text.toHtmlEscaped()); }
QString item(const QString& html) { return QStringLiteral("<li>%1</li>").arg(html); }
} // namespace

QString LessonText::handleWord() const { return windows() ? tr("handle") : tr("fd"); }

QStringList LessonText::stepTitles()
{
    return {tr("1. Pick the file"),       tr("2. Pick the target"),    tr("3. Duplicate"),
            tr("4. See the new handle"),  tr("5. Tell the target"),    tr("6. Watch the target use it"),
            tr("7. Variations")};
}

QString LessonText::readNext(const QStringList& titles)
{
    QStringList italic;
    for (const QString& t : titles)
        italic << QStringLiteral("<i>%1</i>").arg(t.toHtmlEscaped());
    return para(tr("Read next: %1.").arg(italic.join(QStringLiteral(", "))));
}

QString LessonText::pickFile(qint64 sourcePid, qint64 value, const QString& path) const
{
    const QString table = windows()
        ? tr("Below is the handle table of the source process (pid %1): each row is one handle, a number that "
             "stands for a kernel object inside this process only.")
        : tr("Below is the file descriptor table of the source process (pid %1): each row is one slot, numbered "
             "from 0, that refers to an open file inside this process only.");
    return para(table.arg(sourcePid))
        + para(tr("The source opened the text file %1. Click its row (value %2) to choose what to share.")
                   .arg(code(path))
                   .arg(value));
}

QString LessonText::pickedWrong(const QString& what) const
{
    return para(tr("That row is %1, not the text file. Pick the row whose name ends in greeting.txt.")
                    .arg(code(what)));
}

QString LessonText::pickedFile(qint64 sourcePid, qint64 value) const
{
    return para(tr("Right: %1 %2 of pid %3 refers to the open text file. The number %2 means something only in "
                   "pid %3; another process that used %2 would reach whatever it has there, or nothing.")
                    .arg(handleWord())
                    .arg(value)
                    .arg(sourcePid));
}

QString LessonText::pickTarget(qint64 targetPid) const
{
    return para(tr("Now choose the process that should get a copy. The target demo (pid %1) listens on a channel "
                   "for a message telling it which %2 to use; it holds no copy of the file yet.")
                    .arg(targetPid)
                    .arg(handleWord()));
}

QString LessonText::duplicateIntro() const
{
    return para(tr("These are the exact calls HandleScope will make, with their real values. Pressing "
                   "<b>Duplicate</b> runs them: the target process gets a new %1 (this changes it, and is "
                   "written to the log). The map below follows each step as the system reports it.")
                    .arg(handleWord()));
}

QString LessonText::duplicateArguments(qint64 sourcePid, qint64 value, qint64 targetPid) const
{
    QString list;
    if (windows()) {
        list += item(tr("%1: a handle to the source process with the one right a copy needs.")
                         .arg(code(QStringLiteral("OpenProcess(PROCESS_DUP_HANDLE, FALSE, %1)").arg(sourcePid))));
        list += item(tr("%1: the same for the target, the process that receives the copy.")
                         .arg(code(QStringLiteral("OpenProcess(PROCESS_DUP_HANDLE, FALSE, %1)").arg(targetPid))));
        list += item(tr("%1: hSourceProcessHandle and hSourceHandle (0x%2) name the handle to copy; "
                        "hTargetProcessHandle is where the copy goes; lpTargetHandle receives its value, valid only "
                        "in the target; dwDesiredAccess is ignored with DUPLICATE_SAME_ACCESS; bInheritHandle FALSE "
                        "keeps it from the target's children.")
                         .arg(code(QStringLiteral("DuplicateHandle(hSource, 0x%1, hTarget, &hNew, 0, FALSE, "
                                                  "DUPLICATE_SAME_ACCESS)")
                                       .arg(value, 0, 16)))
                         .arg(value, 0, 16));
        return QStringLiteral("<ul>%1</ul>").arg(list)
            + readNext({QStringLiteral("DuplicateHandle function (handleapi.h)"), QStringLiteral("Object Duplication"),
                        QStringLiteral("Process Security and Access Rights")});
    }
    list += item(tr("%1, run inside the target: a pidfd, a descriptor for the source process itself (pid %2); "
                    "flags must be 0.")
                     .arg(code(QStringLiteral("pidfd_open(%1, 0)").arg(sourcePid)))
                     .arg(sourcePid));
    list += item(tr("%1, run inside the target: the kernel copies the source's fd %2 into the process that makes "
                    "the call, so the copy lands in the target. P is the pidfd above; flags must be 0. The new fd "
                    "refers to the same open file and has FD_CLOEXEC set.")
                     .arg(code(QStringLiteral("pidfd_getfd(P, %1, 0)").arg(value)))
                     .arg(value));
    list += item(tr("The target did not ask for this: HandleScope stops one of its threads with ptrace, makes it run "
                    "the two calls and close(P), checks with kcmp that the new fd is the same open file, and lets "
                    "it go on. It needs the right to ptrace both processes (same user and a permissive "
                    "ptrace_scope, or root)."));
    return QStringLiteral("<ul>%1</ul>").arg(list)
        + readNext({QStringLiteral("pidfd_open(2)"), QStringLiteral("pidfd_getfd(2)"), QStringLiteral("ptrace(2)"),
                    QStringLiteral("kcmp(2)")});
}

QString LessonText::seeNewHandle(qint64 sourcePid, qint64 sourceValue, qint64 targetPid, qint64 newValue) const
{
    const QString same = windows()
        ? tr("Both refer to the same kernel object: the file, its position and its sharing mode are one.")
        : tr("Both refer to the same open file description: one file position and one set of flags, shared. "
             "Reading through one moves the position of the other.");
    const QString why = newValue == sourceValue
        ? tr("Here the two numbers happen to be equal: each table chose its own, and they are still two slots.")
        : tr("The numbers differ because each process numbers its own table: %1 was the first free value in the "
             "target.")
              .arg(newValue);
    return para(tr("The target's table, read again: %1 %2 (bold) is new. Pid %3 holds the file as %1 %4, pid %5 as "
                   "%1 %2.")
                    .arg(handleWord())
                    .arg(newValue)
                    .arg(sourcePid)
                    .arg(sourceValue)
                    .arg(targetPid))
        + para(same) + para(why);
}

QString LessonText::tellIntro(qint64 newValue, const QString& channel) const
{
    const QString how = windows() ? tr("Here the channel is the named pipe %1 that the target reads.")
                                  : tr("Here the channel is the UNIX socket %1 that the target listens on.");
    return para(tr("The copy is only half of the job: the target does not know that %1 %2 exists. Duplication "
                   "never tells the other process; it must learn the value through some interprocess "
                   "communication.")
                    .arg(handleWord())
                    .arg(newValue))
        + para(how.arg(code(channel)))
        + para(tr("Press <b>Send</b> to send it the message below with <code>handlescope-demo tell</code>."));
}

QString LessonText::targetOutputIntro() const
{
    return para(tr("The target's own output, as it prints it: it received the message, used the value it was told, "
                   "and read the text the source wrote into the file."));
}

QString LessonText::variations() const
{
    QString list;
    list += item(windows()
            ? tr("<b>Close the source.</b> DUPLICATE_CLOSE_SOURCE closes the source's handle in the same call: the "
                 "object moves instead of being shared.")
            : tr("<b>Close the source.</b> HandleScope then closes the fd in the source too (injected close, after "
                 "checking with kcmp that it is still the same file): the object moves instead of being shared."));
    list += item(windows()
            ? tr("<b>Inheritable, and a child of the target.</b> With bInheritHandle TRUE, a process the target "
                 "starts with CreateProcess(bInheritHandles TRUE) gets the handle at the same value.")
            : tr("<b>Inheritable, and a child of the target.</b> pidfd_getfd sets FD_CLOEXEC; with Inheritable "
                 "HandleScope clears it (fcntl F_SETFD 0), so a program the target starts with fork and exec "
                 "keeps the fd at the same number."));
    list += item(windows()
            ? tr("<b>Narrowed access.</b> Without DUPLICATE_SAME_ACCESS, dwDesiredAccess gives the copy fewer "
                 "rights, for example SYNCHRONIZE only: the target may wait on the object but not change it. Linux "
                 "cannot do this: a descriptor's access is the mode of its open file, shared by every copy.")
            : tr("<b>Narrowed access.</b> On Windows, DuplicateHandle can give the copy fewer rights than the "
                 "original. Linux cannot: an fd's access is the mode of the open file (O_RDONLY, O_RDWR), shared "
                 "by every copy. For less access, open the file again, for example /proc/PID/fd/N read-only."));
    list += item(tr("<b>The target is never told.</b> Skip step 5 and the target holds a %1 that no code in it "
                    "knows: nothing will ever close it. That is a leak; HandleScope's leak views find such growth, "
                    "and Handle > Close Handle in Process removes it.")
                     .arg(handleWord()));
    return QStringLiteral("<ul>%1</ul>").arg(list)
        + readNext(windows() ? QStringList{QStringLiteral("Handle Inheritance"),
                                           QStringLiteral("DuplicateHandle function (handleapi.h)"),
                                           QStringLiteral("Object Duplication")}
                             : QStringList{QStringLiteral("fcntl(2)"), QStringLiteral("open(2)"),
                                           QStringLiteral("execve(2)"), QStringLiteral("close(2)")});
}

QString LessonText::leaked(qint64 targetPid, qint64 value) const
{
    return para(tr("Pid %1 now also holds the file as %2 %3, and nobody told it: no code in it will ever use or "
                   "close that %2. It stays open until the process ends. On the map it is one more holder.")
                    .arg(targetPid)
                    .arg(handleWord())
                    .arg(value));
}

QString LessonText::threeWaysIntro()
{
    return para(tr("A process can share an object it holds in three ways. Run each one: every column starts real "
                   "demo processes and shows what they print."));
}

QString LessonText::inheritance() const
{
    return (windows()
                ? para(tr("The parent creates the object with an inheritable handle and starts a child with "
                          "CreateProcess(bInheritHandles TRUE). The child holds the handle at the same value; the "
                          "parent tells it the value, here on its command line."))
                : para(tr("The parent opens the file without O_CLOEXEC, then starts a child with fork and exec. The "
                          "child holds the fd at the same number; the parent tells it the number, here on its "
                          "command line.")))
        + readNext(windows() ? QStringList{QStringLiteral("Handle Inheritance"), QStringLiteral("CreateProcessW function")}
                             : QStringList{QStringLiteral("fork(2)"), QStringLiteral("execve(2)"), QStringLiteral("fcntl(2)")});
}

QString LessonText::namedObject() const
{
    return (windows()
                ? para(tr("One process creates an event with a name; the other opens it by that name with OpenEvent. "
                          "No handle value passes between them: each gets its own handle. Anyone who knows the "
                          "name, and has the rights, can open it too."))
                : para(tr("One process makes a FIFO, a named pipe in the file system, with mkfifo; the other opens it "
                          "by its path. No fd number passes between them: each gets its own. Anyone who may open "
                          "the path can join.")))
        + readNext(windows() ? QStringList{QStringLiteral("Object Names"), QStringLiteral("OpenEventW function")}
                             : QStringList{QStringLiteral("fifo(7)"), QStringLiteral("mkfifo(3)")});
}

QString LessonText::duplication() const
{
    return para(tr("A tool, or the source itself, copies the handle into a process that is already running, then "
                   "tells it the new value over a channel. Lesson 1 shows it step by step."))
        + readNext(windows() ? QStringList{QStringLiteral("Object Duplication"),
                                           QStringLiteral("DuplicateHandle function (handleapi.h)")}
                             : QStringList{QStringLiteral("pidfd_getfd(2)"), QStringLiteral("unix(7)")});
}

} // namespace hs::ui
