// SPDX-License-Identifier: MIT
#include "common/open_sites_group.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace hs {

std::string describeFrame(const StackFrame& frame)
{
    std::string out;
    if (!frame.function.empty()) {
        out = frame.function;
    } else {
        char hex[32];
        std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(frame.address));
        out = hex;
    }
    if (!frame.file.empty()) {
        const auto slash = frame.file.rfind('/');
        out += " (" + frame.file.substr(slash == std::string::npos ? 0 : slash + 1);
        if (frame.line > 0)
            out += ":" + std::to_string(frame.line);
        out += ")";
    } else if (!frame.module.empty()) {
        out += " (" + frame.module + ")";
    }
    return out;
}

namespace {

/// The C library's system call wrappers (open64, __socket...) say nothing about who
/// opened: a site line starts at their caller.
bool isSystemCallWrapper(const StackFrame& frame)
{
    const std::string_view m = frame.module;
    return m.starts_with("libc.so") || m.starts_with("libc-") || m.starts_with("ld-linux");
}

} // namespace

std::string describeSite(const OpenSite& site, std::size_t depth)
{
    std::size_t first = 0;
    while (first < site.stack.size() && isSystemCallWrapper(site.stack[first]))
        ++first;
    if (first == site.stack.size()) // only wrappers: show them rather than nothing
        first = 0;
    std::string out;
    for (std::size_t i = first; i < site.stack.size() && i < first + depth; ++i) {
        if (!out.empty())
            out += " <- ";
        const StackFrame& f = site.stack[i];
        out += f.function.empty() ? describeFrame(f) : f.function;
    }
    return out.empty() ? std::string("an unknown stack") : out;
}

namespace {

/// "1 socket", "20 regular files", "2 pipes".
std::string countOf(HandleKind kind, std::int64_t n)
{
    std::string noun;
    switch (kind) {
    case HandleKind::RegularFile: noun = "regular file"; break;
    case HandleKind::Directory: noun = "directory"; break;
    case HandleKind::CharDevice: noun = "character device"; break;
    case HandleKind::BlockDevice: noun = "block device"; break;
    case HandleKind::Fifo: noun = "pipe"; break;
    case HandleKind::AnonInode: noun = "anonymous inode"; break;
    case HandleKind::Unknown: noun = "fd of unknown type"; break;
    default: noun = std::string(toString(kind)); break;
    }
    if (n != 1)
        noun = noun == "directory" ? "directories" : noun == "fd of unknown type" ? "fds of unknown type" : noun + "s";
    return std::to_string(n) + " " + noun;
}

} // namespace

std::string describeKinds(const OpenSite& site)
{
    if (site.kinds.size() == 1)
        return countOf(site.kinds.front().first, site.kinds.front().second);
    std::string parts;
    for (const auto& [kind, n] : site.kinds)
        parts += (parts.empty() ? "" : ", ") + countOf(kind, n);
    return std::to_string(site.count()) + " fds (" + parts + ")";
}

namespace {

bool sameFile(const ObjectId& seen, const ObjectId& now)
{
    // Unread on either side (the trace could not read it, Fast detail left it out): the
    // fd number is all there is to go by.
    if (!seen.valid() || !now.valid() || now.sharedInode)
        return true;
    return seen == now;
}

void addKind(OpenSite& site, HandleKind kind)
{
    for (auto& [k, n] : site.kinds)
        if (k == kind)
            return void(++n);
    site.kinds.emplace_back(kind, 1);
}

void sortKinds(OpenSite& site)
{
    std::stable_sort(site.kinds.begin(), site.kinds.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
}

} // namespace

void groupBySite(const std::map<HandleValue, TracedFd>& traced, const std::vector<std::vector<StackFrame>>& stacks,
                 const std::vector<HandleInfo>& live, OpenSiteReport& report)
{
    std::vector<OpenSite> bySite(stacks.size());
    OpenSite unknown;
    for (const HandleInfo& h : live) {
        const auto it = traced.find(h.value);
        OpenSite& site = it != traced.end() && it->second.site < stacks.size() && sameFile(it->second.object, h.object)
            ? bySite[it->second.site]
            : unknown;
        site.fds.push_back(h.value);
        addKind(site, h.kind);
    }
    report.sites.clear();
    for (std::size_t i = 0; i < bySite.size(); ++i) {
        if (bySite[i].fds.empty())
            continue;
        bySite[i].stack = stacks[i];
        std::sort(bySite[i].fds.begin(), bySite[i].fds.end());
        sortKinds(bySite[i]);
        report.sites.push_back(std::move(bySite[i]));
    }
    std::stable_sort(report.sites.begin(), report.sites.end(),
                     [](const OpenSite& a, const OpenSite& b) { return a.count() > b.count(); });
    std::sort(unknown.fds.begin(), unknown.fds.end());
    sortKinds(unknown);
    report.unknownOrigin = std::move(unknown);
}

} // namespace hs
