// SPDX-License-Identifier: MIT
#include "handlescope/model.h"
#include "handlescope/duplicate.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

namespace hs {

std::string_view toString(ProcessState state)
{
    switch (state) {
    case ProcessState::Running: return "running";
    case ProcessState::Sleeping: return "sleeping";
    case ProcessState::DiskSleep: return "disk-sleep";
    case ProcessState::Stopped: return "stopped";
    case ProcessState::Traced: return "traced";
    case ProcessState::Zombie: return "zombie";
    case ProcessState::Dead: return "dead";
    case ProcessState::Idle: return "idle";
    case ProcessState::KernelThread: return "kernel-thread";
    case ProcessState::Unknown: break;
    }
    return "unknown";
}

namespace {
struct KindNames {
    HandleKind kind;
    std::string_view id;
    std::string_view display;
};
// The ids are the stable vocabulary of --json, --csv and --type filters: never rename one.
constexpr std::array<KindNames, HandleKindCount> kKindNames{{
    {HandleKind::RegularFile, "file", "Regular file"},
    {HandleKind::Directory, "dir", "Directory"},
    {HandleKind::CharDevice, "chr", "Character device"},
    {HandleKind::BlockDevice, "blk", "Block device"},
    {HandleKind::Fifo, "fifo", "Pipe / FIFO"},
    {HandleKind::Socket, "socket", "Socket"},
    {HandleKind::EventFd, "eventfd", "Event fd"},
    {HandleKind::TimerFd, "timerfd", "Timer fd"},
    {HandleKind::SignalFd, "signalfd", "Signal fd"},
    {HandleKind::Epoll, "epoll", "Epoll"},
    {HandleKind::Inotify, "inotify", "Inotify"},
    {HandleKind::Fanotify, "fanotify", "Fanotify"},
    {HandleKind::PidFd, "pidfd", "Process fd"},
    {HandleKind::MemFd, "memfd", "Memory fd"},
    {HandleKind::IoUring, "io_uring", "io_uring"},
    {HandleKind::AnonInode, "anon_inode", "Anonymous inode"},
    {HandleKind::Process, "process", "Process"},
    {HandleKind::Thread, "thread", "Thread"},
    {HandleKind::Event, "event", "Event"},
    {HandleKind::Mutex, "mutant", "Mutex"},
    {HandleKind::Semaphore, "semaphore", "Semaphore"},
    {HandleKind::Section, "section", "Section"},
    {HandleKind::Key, "key", "Registry key"},
    {HandleKind::Token, "token", "Token"},
    {HandleKind::Timer, "timer", "Timer"},
    {HandleKind::Job, "job", "Job"},
    {HandleKind::IoCompletion, "iocompletion", "I/O completion"},
    {HandleKind::AlpcPort, "alpc_port", "ALPC port"},
    {HandleKind::ObjectDirectory, "object_directory", "Object directory"},
    {HandleKind::SymbolicLink, "symlink", "Symbolic link"},
    {HandleKind::Desktop, "desktop", "Desktop"},
    {HandleKind::WindowStation, "window_station", "Window station"},
    {HandleKind::Other, "other", "Other"},
    {HandleKind::Unknown, "unknown", "Unknown"},
}};
} // namespace

std::string_view toString(HandleKind kind) { return kKindNames[static_cast<std::size_t>(kind)].id; }
std::string_view displayName(HandleKind kind) { return kKindNames[static_cast<std::size_t>(kind)].display; }

std::optional<HandleKind> handleKindFromString(std::string_view id)
{
    for (const auto& k : kKindNames)
        if (k.id == id)
            return k.kind;
    return std::nullopt;
}

std::string_view toString(AccessMode mode)
{
    switch (mode) {
    case AccessMode::None: return "-";
    case AccessMode::Read: return "r";
    case AccessMode::Write: return "w";
    case AccessMode::ReadWrite: return "rw";
    case AccessMode::Unknown: break;
    }
    return "?";
}

std::string toString(const ObjectId& id)
{
    if (!id.valid())
        return {};
    // to_chars, not snprintf: a snapshot's JSON formats one of these per handle.
    char buf[64];
    char* end = buf;
    const auto number = [&](unsigned long long v, int base = 10) { end = std::to_chars(end, buf + sizeof buf, v, base).ptr; };
    if (id.device == 0) { // a Windows kernel object address
        *end++ = '0';
        *end++ = 'x';
        number(id.inode, 16);
    } else { // Linux dev_t: major is bits 8-19 and 32-43, minor bits 0-7 and 20-31
        number(((id.device >> 8) & 0xfff) | ((id.device >> 32) & ~0xfffULL));
        *end++ = ':';
        number((id.device & 0xff) | ((id.device >> 12) & ~0xffULL));
        *end++ = ':';
        number(id.inode);
    }
    return std::string(buf, end);
}

bool HandleInfo::operator==(const HandleInfo& o) const
{
    const bool sameSocket = socket == o.socket || (socket && o.socket && *socket == *o.socket);
    return sameSocket && value == o.value && referencedPid == o.referencedPid && typeName == o.typeName &&
           name == o.name && object == o.object && object.sharedInode == o.object.sharedInode && offset == o.offset &&
           openFlags == o.openFlags && grantedAccess == o.grantedAccess && kind == o.kind && access == o.access &&
           inheritable == o.inheritable && deleted == o.deleted && protectFromClose == o.protectFromClose &&
           mountId == o.mountId && accessText == o.accessText && extras == o.extras && partialError == o.partialError;
}

std::string_view toString(DuplicateMethod method)
{
    switch (method) {
    case DuplicateMethod::Auto:
        return "auto";
    case DuplicateMethod::Pull:
        return "pull";
    case DuplicateMethod::Push:
        return "push";
    }
    return "auto";
}

std::size_t Snapshot::handleCount() const
{
    std::size_t n = 0;
    for (const auto& p : processes)
        n += p.handles.size();
    return n;
}

const ProcessHandles* Snapshot::findProcess(Pid pid) const
{
    auto it = std::lower_bound(processes.begin(), processes.end(), pid,
                               [](const ProcessHandles& p, Pid v) { return p.process.pid < v; });
    return (it != processes.end() && it->process.pid == pid) ? &*it : nullptr;
}

} // namespace hs
