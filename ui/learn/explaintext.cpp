// SPDX-License-Identifier: MIT
#include "learn/explaintext.h"

#include "util/platform.h"
#include "util/qtstd.h"
#include "util/vocabulary.h"

#include "handlescope/describe.h"

namespace hs::ui {

ExplainPlatform currentExplainPlatform()
{
    return platform().name == "Windows" ? ExplainPlatform::Windows : ExplainPlatform::Linux;
}

namespace {
    QString bold(const QString& text)
    {
        return QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped());
    }
    QString code(const QString& text)
    {
        return QStringLiteral("<code>%1</code>").arg(text.toHtmlEscaped());
    }
} // namespace

QString ExplainText::type(const hs::HandleInfo& h) const
{
    const QString what = m_platform == ExplainPlatform::Windows ? windowsType(h.kind) : linuxType(h.kind);
    return tr("%1 (%2): %3").arg(bold(typeText(h)), code(qs(h.typeName)), what);
}

QString ExplainText::linuxType(hs::HandleKind kind) const
{
    switch (kind) {
    case HandleKind::RegularFile:
        return tr("a file opened with open(); reads and writes move its offset.");
    case HandleKind::Directory:
        return tr("a directory, opened to list it (getdents) or as a base for openat().");
    case HandleKind::CharDevice:
        return tr("a character device such as a terminal or /dev/null; its driver decides what read and write do.");
    case HandleKind::BlockDevice:
        return tr("a block device (a disk or a partition).");
    case HandleKind::Fifo:
        return tr("one end of a pipe: bytes written at the write end are read at the read end, once.");
    case HandleKind::Socket:
        return tr("a socket: one end of a network or local (UNIX) connection.");
    case HandleKind::EventFd:
        return tr("an eventfd: a 64-bit counter; write() adds to it, read() takes it. Used to wake another thread or "
                  "process.");
    case HandleKind::TimerFd:
        return tr("a timerfd: a timer that becomes readable when it expires.");
    case HandleKind::SignalFd:
        return tr("a signalfd: blocked signals delivered as data to read().");
    case HandleKind::Epoll:
        return tr("an epoll instance: a set of descriptors watched for readiness.");
    case HandleKind::Inotify:
        return tr("an inotify instance: events about files and directories it watches.");
    case HandleKind::Fanotify:
        return tr("a fanotify group: file access events, often for security tools.");
    case HandleKind::PidFd:
        return tr("a pidfd: a stable reference to one process (pids are reused, a pidfd is not).");
    case HandleKind::MemFd:
        return tr("a memfd: an anonymous file in memory, shared by everyone holding it.");
    case HandleKind::IoUring:
        return tr("an io_uring instance: queues of asynchronous I/O requests.");
    case HandleKind::AnonInode:
        return tr("a kernel object without a file name (an anonymous inode).");
    default:
        return tr("an object of a type HandleScope names but does not explain.");
    }
}

QString ExplainText::windowsType(hs::HandleKind kind) const
{
    switch (kind) {
    case HandleKind::RegularFile:
        return tr("a file object: an open file with its own position.");
    case HandleKind::Directory:
        return tr("a file object opened on a directory.");
    case HandleKind::Fifo:
        return tr("a file object on a pipe (anonymous or named).");
    case HandleKind::Socket:
        return tr("a file object on a socket (AFD).");
    case HandleKind::Process:
        return tr("a process object: wait on it, read its exit code, or act on it with the rights held.");
    case HandleKind::Thread:
        return tr("a thread object.");
    case HandleKind::Event:
        return tr("an event: signaled or not; SetEvent wakes the threads waiting on it.");
    case HandleKind::Mutex:
        return tr("a mutex (\"Mutant\" in the kernel): owned by one thread at a time.");
    case HandleKind::Semaphore:
        return tr("a semaphore: a count of free slots; waiting takes one, ReleaseSemaphore gives back.");
    case HandleKind::Section:
        return tr("a section (file mapping): memory that several processes can map.");
    case HandleKind::Key:
        return tr("an open registry key.");
    case HandleKind::Token:
        return tr("an access token: the identity and privileges of a process or thread.");
    case HandleKind::Timer:
        return tr("a waitable timer.");
    case HandleKind::Job:
        return tr("a job object: a group of processes managed together.");
    case HandleKind::IoCompletion:
        return tr("an I/O completion port: a queue of finished I/O.");
    case HandleKind::AlpcPort:
        return tr("an ALPC port: the kernel's local message passing.");
    case HandleKind::ObjectDirectory:
        return tr("a directory of the object manager's namespace.");
    case HandleKind::SymbolicLink:
        return tr("a symbolic link of the object manager's namespace.");
    case HandleKind::Desktop:
        return tr("a desktop (windows, menus and hooks live on one).");
    case HandleKind::WindowStation:
        return tr("a window station: clipboard, atoms and desktops.");
    default:
        return tr("a kernel object of a type HandleScope names but does not explain.");
    }
}

QString ExplainText::access(const hs::HandleInfo& h) const
{
    if (m_platform == ExplainPlatform::Linux) {
        switch (h.access) {
        case AccessMode::Read:
            return tr("Opened for reading only (O_RDONLY): write() on it fails with EBADF.");
        case AccessMode::Write:
            return tr("Opened for writing only (O_WRONLY): read() on it fails with EBADF.");
        case AccessMode::ReadWrite:
            return tr("Opened for reading and writing (O_RDWR).");
        case AccessMode::None:
            return tr("Opened with O_PATH: it names the object but allows neither read nor write.");
        default:
            return tr("The access mode was not read (it needs the fdinfo of the process).");
        }
    }
    if (h.accessText.empty())
        return tr("Access mask 0x%1; its rights were not decoded.").arg(h.grantedAccess, 8, 16, QLatin1Char('0'));
    QStringList items;
    for (const QString& right : qs(h.accessText).split(QStringLiteral(" | "), Qt::SkipEmptyParts)) {
        const QString meaning = windowsRight(right);
        items << (meaning.isEmpty() ? code(right) : tr("%1: %2").arg(code(right), meaning));
    }
    return tr("Access mask 0x%1, checked once when the handle was opened; each use needs its right:")
               .arg(h.grantedAccess, 8, 16, QLatin1Char('0'))
        + QStringLiteral("<ul><li>") + items.join(QStringLiteral("</li><li>")) + QStringLiteral("</li></ul>");
}

QString ExplainText::windowsRight(const QString& right)
{
    if (right == QLatin1String("SYNCHRONIZE"))
        return tr("wait on the object (WaitForSingleObject)");
    if (right == QLatin1String("DELETE"))
        return tr("delete the object");
    if (right == QLatin1String("READ_CONTROL"))
        return tr("read its security descriptor");
    if (right == QLatin1String("WRITE_DAC"))
        return tr("change its access control list");
    if (right == QLatin1String("WRITE_OWNER"))
        return tr("change its owner");
    if (right == QLatin1String("FILE_READ_DATA"))
        return tr("read the file");
    if (right == QLatin1String("FILE_WRITE_DATA"))
        return tr("write the file");
    if (right == QLatin1String("FILE_APPEND_DATA"))
        return tr("append to the file");
    if (right == QLatin1String("EVENT_MODIFY_STATE"))
        return tr("SetEvent and ResetEvent");
    if (right == QLatin1String("PROCESS_DUP_HANDLE"))
        return tr("duplicate handles from and into the process");
    if (right == QLatin1String("SECTION_MAP_READ"))
        return tr("map the section for reading");
    if (right == QLatin1String("SECTION_MAP_WRITE"))
        return tr("map the section for writing");
    return {};
}

QString ExplainText::inheritable(const hs::HandleInfo& h) const
{
    const bool windows = m_platform == ExplainPlatform::Windows;
    if (!h.inheritable)
        return tr("Whether it is inheritable was not read.");
    if (windows)
        return *h.inheritable
            ? tr("Inheritable: yes. A child started by CreateProcess with bInheritHandles = TRUE gets this handle at "
                 "the same value.")
            : tr("Inheritable: no. Children never get it; it was created or duplicated with bInheritHandle = FALSE.");
    return *h.inheritable ? tr("Inheritable: yes (FD_CLOEXEC is clear). A program this process starts with execve() "
                               "keeps it at the same number.")
                          : tr("Inheritable: no (FD_CLOEXEC is set). It is closed when the process calls execve(); a "
                               "fork() child still gets a copy until it executes another program.");
}

QString ExplainText::closing(const hs::HandleInfo& h) const
{
    if (m_platform == ExplainPlatform::Windows)
        return tr("CloseHandle removes this entry from the process's handle table. The object lives on while any other "
                  "handle or "
                  "kernel reference to it remains; with the last one it is destroyed, and a named object's name goes "
                  "with it.");
    QString last;
    switch (h.kind) {
    case HandleKind::Fifo:
        last = tr("when the last write end closes, readers get end of file; when the last read end closes, writers get "
                  "EPIPE.");
        break;
    case HandleKind::Socket:
        last = tr("a stream connection is shut down and its peer reads end of file.");
        break;
    case HandleKind::RegularFile:
        last = h.deleted ? tr("the file was deleted: its data is freed.") : tr("the file itself stays on disk.");
        break;
    default:
        last = tr("the kernel frees the object.");
        break;
    }
    return tr(
        "close(%1) removes fd %1 from this process's table only. The open file description (offset, flags) stays while "
        "another descriptor, in this or any process, refers to it. With the last one: %2")
        .arg(h.value)
        .arg(last);
}

QString ExplainText::duplicateOptions(const hs::DuplicateOptions& options) const
{
    const bool windows = m_platform == ExplainPlatform::Windows;
    QStringList parts;
    parts << (options.inheritable ? (windows ? tr("The copy is inheritable (bInheritHandle = TRUE).")
                                             : tr("The copy is inheritable: FD_CLOEXEC clear."))
                                  : (windows ? tr("The copy is not inheritable (bInheritHandle = FALSE).")
                                             : tr("The copy has FD_CLOEXEC set: not inheritable.")));
    if (options.closeSource)
        parts << (windows
                ? tr("DUPLICATE_CLOSE_SOURCE closes the source handle, even if the duplicate fails: the handle moves.")
                : tr("The source descriptor is closed afterwards: the descriptor moves. Linux has no call that closes "
                     "another process's descriptor; HandleScope injects close() into the source."));
    if (windows && options.desiredAccess)
        parts << tr("The copy gets access 0x%1 instead of the source's (DUPLICATE_SAME_ACCESS not set).")
                     .arg(*options.desiredAccess, 8, 16, QLatin1Char('0'));
    if (!windows)
        parts << tr("The copy always has the source's access mode: Linux cannot narrow it.");
    parts << tr(
        "The target is not told the new value: the source or a helper must send it (a pipe, a socket, shared memory).");
    return parts.join(QLatin1Char(' '));
}

QString ExplainText::handlesVersusDescriptors()
{
    return tr("<p>Both are small numbers that index a per-process table of references to kernel objects. "
              "A Linux descriptor is the lowest free number (0, 1, 2 are the standard streams); "
              "a Windows handle is a multiple of 4.</p>"
              "<p>A Windows handle carries its own access mask, chosen when it is opened or duplicated; "
              "a Linux descriptor points at an open file description whose mode (r, w, rw) every copy shares, "
              "with the file offset.</p>"
              "<p>To share: Windows has inheritance, named objects and DuplicateHandle into any process you may open; "
              "Linux has inheritance across fork and exec, names in the file system, SCM_RIGHTS over a UNIX socket "
              "and, since 5.6, pidfd_getfd to take a copy from another process.</p>");
}

QStringList ExplainText::documentation(hs::HandleKind kind) const
{
    if (m_platform == ExplainPlatform::Windows) {
        QStringList pages { QStringLiteral("DuplicateHandle function (handleapi.h)"),
            QStringLiteral("OpenProcess function (processthreadsapi.h)"), QStringLiteral("Object Duplication"),
            QStringLiteral("Handle Inheritance"), QStringLiteral("CloseHandle function (handleapi.h)"),
            QStringLiteral("Access Rights and Access Masks") };
        if (kind == HandleKind::Event || kind == HandleKind::Mutex || kind == HandleKind::Semaphore)
            pages << QStringLiteral("Synchronization Object Security and Access Rights");
        else if (kind == HandleKind::Section)
            pages << QStringLiteral("File Mapping Security and Access Rights");
        else if (kind == HandleKind::RegularFile || kind == HandleKind::Directory)
            pages << QStringLiteral("File Security and Access Rights");
        else if (kind == HandleKind::Process)
            pages << QStringLiteral("Process Security and Access Rights");
        return pages;
    }
    QStringList pages { QStringLiteral("pidfd_open(2)"), QStringLiteral("pidfd_getfd(2)"), QStringLiteral("unix(7)"),
        QStringLiteral("fcntl(2)"), QStringLiteral("close(2)") };
    switch (kind) {
    case HandleKind::RegularFile:
    case HandleKind::Directory:
        pages << QStringLiteral("open(2)");
        break;
    case HandleKind::Fifo:
        pages << QStringLiteral("pipe(7)");
        break;
    case HandleKind::Socket:
        pages << QStringLiteral("socket(7)");
        break;
    case HandleKind::EventFd:
        pages << QStringLiteral("eventfd(2)");
        break;
    case HandleKind::TimerFd:
        pages << QStringLiteral("timerfd_create(2)");
        break;
    case HandleKind::SignalFd:
        pages << QStringLiteral("signalfd(2)");
        break;
    case HandleKind::Epoll:
        pages << QStringLiteral("epoll(7)");
        break;
    case HandleKind::Inotify:
        pages << QStringLiteral("inotify(7)");
        break;
    case HandleKind::MemFd:
        pages << QStringLiteral("memfd_create(2)");
        break;
    default:
        break;
    }
    return pages;
}

} // namespace hs::ui
