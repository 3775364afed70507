// SPDX-License-Identifier: MIT
#include "handlescope/diff.h"

#include "handlescope/describe.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace hs {

std::string_view toString(Change c)
{
    switch (c) {
    case Change::Opened: return "opened";
    case Change::Closed: return "closed";
    case Change::Changed: return "changed";
    }
    return "?";
}

namespace {

/// Each run of digits becomes one '*': "/tmp/job-17" and "/tmp/job-18" read the same.
std::string starDigits(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (std::isdigit(static_cast<unsigned char>(text[i]))) {
            out += '*';
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
                ++i;
        } else {
            out += text[i++];
        }
    }
    return out;
}

/// "127.0.0.1:40112" -> "127.0.0.1:*", "[::1]:40112" -> "[::1]:*".
std::string starPort(std::string_view address)
{
    const auto colon = address.rfind(':');
    if (colon == std::string_view::npos || address.back() == ']')
        return std::string(address);
    return std::string(address.substr(0, colon)) + ":*";
}

std::string socketPattern(const SocketInfo& s)
{
    if (s.family == "unknown") // not in the /proc socket tables (an unbound socket, say)
        return "socket (endpoint unknown)";
    if (s.family == "inet" || s.family == "inet6") {
        if (!s.remoteAddress.empty()) // its own port is an ephemeral one: the far end says what it is
            return s.protocol + " -> " + s.remoteAddress;
        if (s.state == "LISTEN") // a listener's port is its service
            return s.protocol + " LISTEN " + s.localAddress;
        return s.protocol + " " + starPort(s.localAddress);
    }
    if (s.family == "unix") {
        if (!s.remoteAddress.empty())
            return "unix " + s.protocol + " -> " + starDigits(s.remoteAddress);
        if (!s.localAddress.empty())
            return "unix " + s.protocol + " " + starDigits(s.localAddress);
        return "unix " + s.protocol + " (unnamed)";
    }
    return s.family + (s.protocol.empty() ? "" : " " + s.protocol);
}

/// Same object: by device and inode where both snapshots read them (not for anonymous
/// inodes, which share one), else by kind and name.
bool sameObject(const HandleInfo& a, const HandleInfo& b)
{
    if (a.kind != b.kind)
        return false;
    if (a.object.valid() && b.object.valid() && !a.object.sharedInode && !b.object.sharedInode)
        return a.object == b.object;
    return a.name == b.name;
}

bool sameSocket(const HandleInfo& a, const HandleInfo& b)
{
    if (!a.socket || !b.socket)
        return a.socket == b.socket;
    return a.socket->state == b.socket->state && a.socket->remoteAddress == b.socket->remoteAddress &&
           a.socket->localAddress == b.socket->localAddress;
}

std::vector<std::string> changedFields(const HandleInfo& a, const HandleInfo& b)
{
    std::vector<std::string> fields;
    if (a.name != b.name)
        fields.emplace_back("name");
    if (a.deleted != b.deleted)
        fields.emplace_back("deleted");
    if (a.openFlags && b.openFlags && *a.openFlags != *b.openFlags)
        fields.emplace_back("flags");
    if (a.access != AccessMode::Unknown && b.access != AccessMode::Unknown && a.access != b.access)
        fields.emplace_back("access");
    if (a.grantedAccess != b.grantedAccess)
        fields.emplace_back("granted access");
    if (a.inheritable && b.inheritable && *a.inheritable != *b.inheritable)
        fields.emplace_back("inheritable");
    if (!sameSocket(a, b))
        fields.emplace_back("socket");
    return fields;
}

/// Walks two handle lists sorted by value, calling `step(before, after)` with null for
/// the side that lacks the value.
template <class Step>
void mergeByValue(const std::vector<HandleInfo>& a, const std::vector<HandleInfo>& b, Step&& step)
{
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && a[i].value < b[j].value))
            step(&a[i++], nullptr);
        else if (i == a.size() || b[j].value < a[i].value)
            step(nullptr, &b[j++]);
        else
            step(&a[i++], &b[j++]);
    }
}

/// The processes of a snapshot by pid and start time; a pid reused by another process is
/// another key.
std::map<ProcessKey, const ProcessHandles*> byKey(const Snapshot& s, const DiffOptions& options)
{
    std::map<ProcessKey, const ProcessHandles*> m;
    for (const auto& p : s.processes)
        if (!options.pid || p.process.pid == *options.pid)
            m.emplace(p.process.key(), &p);
    return m;
}

bool sortedByValue(const std::vector<HandleInfo>& handles)
{
    return std::ranges::is_sorted(handles, {}, &HandleInfo::value);
}

std::vector<HandleInfo> sortedCopy(const std::vector<HandleInfo>& handles)
{
    auto copy = handles;
    std::ranges::sort(copy, {}, &HandleInfo::value);
    return copy;
}

} // namespace

std::string namePattern(const HandleInfo& h)
{
    if (h.kind == HandleKind::Socket)
        return h.socket ? socketPattern(*h.socket) : std::string("socket");
    if (h.kind == HandleKind::Fifo && h.name.starts_with("pipe:"))
        return "pipe";
    if (h.kind == HandleKind::MemFd)
        return starDigits(h.name.starts_with("/") ? std::string_view(h.name).substr(1) : std::string_view(h.name));
    const bool anonymous = h.kind >= HandleKind::EventFd && h.kind <= HandleKind::AnonInode;
    if (anonymous || h.name.empty())
        return h.name.empty() ? std::string(toString(h.kind)) : h.name;
    return starDigits(h.name) + (h.deleted ? " (deleted)" : "");
}

SnapshotDiff diffSnapshots(const Snapshot& before, const Snapshot& after, const DiffOptions& options)
{
    SnapshotDiff diff;
    const auto a = byKey(before, options);
    const auto b = byKey(after, options);
    const auto add = [&](Change change, const ProcessInfo& process, const HandleInfo* was, const HandleInfo* is,
                         std::vector<std::string> fields = {}) {
        HandleChange& c = diff.handles.emplace_back();
        c.change = change;
        c.pid = process.pid;
        c.processName = process.name;
        if (was)
            c.before = *was;
        if (is)
            c.after = *is;
        c.changedFields = std::move(fields);
    };
    for (const auto& [key, p] : a) {
        auto other = b.find(key);
        if (other == b.end()) {
            diff.processesExited.push_back({p->process, static_cast<std::int64_t>(p->handles.size())});
            continue;
        }
        const ProcessHandles* q = other->second;
        // Snapshots keep handles sorted by value; a document edited by hand may not.
        std::vector<HandleInfo> sortedA;
        std::vector<HandleInfo> sortedB;
        const auto* ha = &p->handles;
        const auto* hb = &q->handles;
        if (!sortedByValue(*ha))
            ha = &(sortedA = sortedCopy(*ha));
        if (!sortedByValue(*hb))
            hb = &(sortedB = sortedCopy(*hb));
        mergeByValue(*ha, *hb, [&](const HandleInfo* was, const HandleInfo* is) {
            if (!is) {
                add(Change::Closed, p->process, was, nullptr);
            } else if (!was) {
                add(Change::Opened, q->process, nullptr, is);
            } else if (!sameObject(*was, *is)) { // the value was closed and reused
                add(Change::Closed, p->process, was, nullptr);
                add(Change::Opened, q->process, nullptr, is);
            } else if (auto fields = changedFields(*was, *is); !fields.empty()) {
                add(Change::Changed, q->process, was, is, std::move(fields));
            }
        });
    }
    for (const auto& [key, q] : b)
        if (!a.contains(key))
            diff.processesStarted.push_back({q->process, static_cast<std::int64_t>(q->handles.size())});

    std::map<std::tuple<Change, HandleKind, std::string>, ChangeGroup> groups;
    for (const auto& c : diff.handles) {
        const HandleInfo& h = c.change == Change::Closed ? c.before : c.after;
        ++(c.change == Change::Opened ? diff.opened : c.change == Change::Closed ? diff.closed : diff.changed);
        auto pattern = namePattern(h);
        ChangeGroup& g = groups[{c.change, h.kind, pattern}];
        if (g.count++ == 0) {
            g.change = c.change;
            g.kind = h.kind;
            g.pattern = std::move(pattern);
            g.example = describeName(h);
        }
        if (g.pids.empty() || g.pids.back() != c.pid)
            g.pids.push_back(c.pid);
    }
    for (auto& [key, g] : groups) {
        std::ranges::sort(g.pids);
        g.pids.erase(std::unique(g.pids.begin(), g.pids.end()), g.pids.end());
        diff.groups.push_back(std::move(g));
    }
    std::ranges::stable_sort(diff.groups, std::greater<>{}, &ChangeGroup::count);
    return diff;
}

} // namespace hs
