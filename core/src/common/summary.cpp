// SPDX-License-Identifier: MIT
#include "handlescope/summary.h"

#include "handlescope/describe.h"
#include "handlescope/diff.h"

#include <algorithm>
#include <unordered_map>

namespace hs {

namespace {

/// Counts by key, keeping the first name seen as the example.
class Tally {
public:
    void add(const std::string& key, const std::string& example)
    {
        auto [it, inserted] = m_counts.try_emplace(key, NameCount{key, 0, {}});
        if (inserted)
            it->second.example = example;
        ++it->second.count;
    }
    [[nodiscard]] std::vector<NameCount> top(std::size_t n) const
    {
        std::vector<NameCount> out;
        out.reserve(m_counts.size());
        for (const auto& [key, value] : m_counts)
            out.push_back(value);
        const auto larger = [](const NameCount& a, const NameCount& b) {
            return a.count != b.count ? a.count > b.count : a.name < b.name;
        };
        if (out.size() > n) {
            std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), out.end(), larger);
            out.resize(n);
        } else {
            std::ranges::sort(out, larger);
        }
        return out;
    }

private:
    std::unordered_map<std::string, NameCount> m_counts;
};

bool hasDirectory(const HandleInfo& h)
{
    const bool fileLike = h.kind == HandleKind::RegularFile || h.kind == HandleKind::Directory ||
                          h.kind == HandleKind::Fifo || h.kind == HandleKind::CharDevice ||
                          h.kind == HandleKind::BlockDevice;
    return fileLike && (h.name.starts_with('/') || h.name.starts_with('\\'));
}

/// "/var/log/nginx/access.log" -> "/var/log/nginx"; "\Device\X\y" -> "\Device\X".
std::string directoryOf(const std::string& path)
{
    const auto slash = path.find_last_of(path.starts_with('/') ? '/' : '\\');
    return slash == 0 ? path.substr(0, 1) : path.substr(0, slash);
}

std::string endpointOf(const SocketInfo& s)
{
    if (s.family == "unknown") // not in the /proc socket tables (an unbound socket, say)
        return "socket (endpoint unknown)";
    if (!s.remoteAddress.empty())
        return s.family + " " + s.protocol + " -> " + s.remoteAddress;
    if (!s.localAddress.empty())
        return s.family + " " + s.protocol + " " + (s.state.empty() ? "" : s.state + " ") + s.localAddress;
    return s.family + " " + s.protocol + " (unnamed)";
}

} // namespace

HandleSummary summarize(const Snapshot& snapshot, std::optional<Pid> pid, std::size_t top)
{
    HandleSummary sum;
    Tally names;
    Tally directories;
    Tally endpoints;
    for (const auto& p : snapshot.processes) {
        if (pid && p.process.pid != *pid)
            continue;
        ++sum.processes;
        sum.handles += static_cast<std::int64_t>(p.handles.size());
        for (const auto& h : p.handles) {
            ++sum.perKind[static_cast<std::size_t>(h.kind)];
            names.add(namePattern(h), describeName(h));
            if (hasDirectory(h))
                directories.add(directoryOf(h.name), h.name);
            if (h.kind == HandleKind::Socket && h.socket)
                endpoints.add(endpointOf(*h.socket), describeName(h));
        }
    }
    sum.topNames = names.top(top);
    sum.perDirectory = directories.top(top);
    sum.perEndpoint = endpoints.top(top);
    // Processes by their number of handles, not by how often a name occurs.
    std::vector<NameCount> byCount;
    for (const auto& p : snapshot.processes)
        if (!pid || p.process.pid == *pid)
            byCount.push_back({p.process.name + " (" + std::to_string(p.process.pid) + ")",
                               static_cast<std::int64_t>(p.handles.size()), p.process.name});
    std::ranges::stable_sort(byCount, std::greater<>{}, &NameCount::count);
    if (byCount.size() > top)
        byCount.resize(top);
    sum.topProcesses = std::move(byCount);
    return sum;
}

} // namespace hs
