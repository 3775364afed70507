// SPDX-License-Identifier: MIT
#include "learn/explaincode.h"

#include <QStringList>

namespace hs::ui {

QString ExplainCode::comment(const QString& text)
{
    return QStringLiteral("// ") + text + QLatin1Char('\n');
}

QString ExplainCode::copyIntoSelf(hs::Pid source, const hs::HandleInfo& handle) const
{
    if (m_platform == ExplainPlatform::Windows)
        return windows(source, handle.value, std::nullopt, {});
    return QStringLiteral("#include <sys/pidfd.h> /* glibc 2.36+ */\n#include <unistd.h>\n\n")
        + linuxTake(source, handle.value) + QStringLiteral("close(pidfd);\n");
}

QString ExplainCode::duplicate(
    hs::Pid source, hs::HandleValue handle, hs::Pid target, const hs::DuplicateOptions& options) const
{
    if (m_platform == ExplainPlatform::Windows)
        return windows(source, handle, target, options);
    QString text
        = QStringLiteral("#include <sys/pidfd.h> /* glibc 2.36+ */\n#include <sys/socket.h>\n#include <string.h>\n"
                         "#include <unistd.h>\n\n");
    text += comment(tr("Step 1: take a copy of fd %1 of process %2 into this program.").arg(handle).arg(source));
    text += linuxTake(source, handle) + QStringLiteral("close(pidfd);\n\n");
    text += linuxSend(target, options);
    if (options.closeSource) {
        text += QLatin1Char('\n');
        text += comment(tr("Close source: no call closes another process's fd. Process %1 must run").arg(source));
        text += comment(QStringLiteral("close(%1);").arg(handle));
        text += comment(tr("itself (HandleScope injects that call)."));
    }
    return text;
}

QString ExplainCode::linuxTake(hs::Pid source, hs::HandleValue handle) const
{
    // Comments on lines of their own: the code view does not wrap.
    return comment(tr("Needs ptrace access to process %1 (ptrace(2)):").arg(source))
        + comment(tr("same user and a Yama ptrace_scope that allows it, or CAP_SYS_PTRACE."))
        + QStringLiteral("int pidfd = pidfd_open(%1, 0);\n").arg(source)
        + comment(tr("a new number in this program, with FD_CLOEXEC set:"))
        + QStringLiteral("int fd = pidfd_getfd(pidfd, %1, 0);\n").arg(handle);
}

QString ExplainCode::linuxSend(hs::Pid target, const hs::DuplicateOptions& options) const
{
    QString text
        = comment(tr("Step 2: pass it to process %1 over a connected UNIX socket `sock` (SCM_RIGHTS).").arg(target));
    text += QStringLiteral("char byte = 0;\n"
                           "struct iovec iov = {.iov_base = &byte, .iov_len = 1};\n"
                           "union { struct cmsghdr align; char buf[CMSG_SPACE(sizeof(int))]; } control;\n"
                           "struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,\n"
                           "                     .msg_control = control.buf, .msg_controllen = sizeof control.buf};\n"
                           "struct cmsghdr* cmsg = CMSG_FIRSTHDR(&msg);\n"
                           "cmsg->cmsg_level = SOL_SOCKET;\n"
                           "cmsg->cmsg_type = SCM_RIGHTS;\n"
                           "cmsg->cmsg_len = CMSG_LEN(sizeof(int));\n"
                           "memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));\n"
                           "sendmsg(sock, &msg, 0);\n"
                           "close(fd);  ");
    text += comment(tr("this program's copy; process %1 now holds its own").arg(target));
    text += QLatin1Char('\n');
    text += comment(
        tr("Step 3, in process %1 (msg built as above): receive it; the kernel picks its number.").arg(target));
    text += options.inheritable
        ? QStringLiteral("recvmsg(sock, &msg, 0);  ") + comment(tr("no FD_CLOEXEC: inheritable"))
        : QStringLiteral("recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);  ") + comment(tr("FD_CLOEXEC set: not inheritable"));
    text += QStringLiteral("int received;\nmemcpy(&received, CMSG_DATA(CMSG_FIRSTHDR(&msg)), sizeof(int));\n");
    return text;
}

QString ExplainCode::windows(
    hs::Pid source, hs::HandleValue handle, std::optional<hs::Pid> target, const hs::DuplicateOptions& options) const
{
    const QString value = QStringLiteral("0x") + QString::number(handle, 16).toUpper();
    QString text = QStringLiteral("#include <windows.h>\n\n");
    text += QStringLiteral("HANDLE source = OpenProcess(PROCESS_DUP_HANDLE, FALSE, %1);\n").arg(source);
    if (target)
        text += QStringLiteral("HANDLE target = OpenProcess(PROCESS_DUP_HANDLE, FALSE, %1);\n").arg(*target);
    else
        text += QStringLiteral("HANDLE target = GetCurrentProcess();  ")
            + comment(tr("a pseudo handle: no need to close it"));
    text += QStringLiteral("HANDLE copy = NULL;  ")
        + comment(target ? tr("its value is valid in process %1 only").arg(*target) : tr("valid in this process"));
    QStringList flags;
    if (!options.desiredAccess)
        flags << QStringLiteral("DUPLICATE_SAME_ACCESS");
    if (options.closeSource)
        flags << QStringLiteral("DUPLICATE_CLOSE_SOURCE");
    const QString access = options.desiredAccess
        ? QStringLiteral("0x%1").arg(*options.desiredAccess, 8, 16, QLatin1Char('0'))
        : QStringLiteral("0");
    text += QStringLiteral("if (!DuplicateHandle(source, (HANDLE)(ULONG_PTR)%1, target, &copy,\n"
                           "                     %2, %3, %4)) {\n")
                .arg(value, access, options.inheritable ? QStringLiteral("TRUE") : QStringLiteral("FALSE"),
                    flags.isEmpty() ? QStringLiteral("0") : flags.join(QStringLiteral(" | ")));
    text += QStringLiteral("    DWORD error = GetLastError();  ") + comment(tr("for example ERROR_ACCESS_DENIED"));
    text += QStringLiteral("}\n");
    if (target) {
        text += comment(
            tr("Process %1 does not know the value of copy: tell it (a named pipe, shared memory...).").arg(*target));
        text += QStringLiteral("CloseHandle(target);\n");
    }
    text += QStringLiteral("CloseHandle(source);\n");
    return text;
}

} // namespace hs::ui
