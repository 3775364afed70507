// SPDX-License-Identifier: MIT
#include "handlescope/find.h"

#include "handlescope/describe.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace hs {

namespace {
bool containsInsensitive(std::string_view hay, std::string_view needle)
{
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != hay.end();
}
} // namespace

Result<std::vector<FindHit>> findHandles(const Snapshot& snapshot, const FindQuery& query)
{
    std::optional<std::regex> re;
    if (query.regex) {
        try {
            auto flags = std::regex::ECMAScript | std::regex::optimize;
            if (!query.caseSensitive)
                flags |= std::regex::icase;
            re.emplace(query.text, flags);
        } catch (const std::regex_error& e) {
            return fail({.operation = "compile regular expression '" + query.text + "'",
                         .osName = "EINVAL",
                         .osText = e.what(),
                         .hint = "use ECMAScript syntax, e.g. '\\.log$' or 'socket:\\[[0-9]+\\]'"});
        }
    }
    auto matches = [&](std::string_view s) {
        if (re)
            return std::regex_search(s.begin(), s.end(), *re);
        if (query.caseSensitive)
            return s.find(query.text) != std::string_view::npos;
        return containsInsensitive(s, query.text);
    };

    // Only a socket's description differs from its name (its endpoints): the others
    // are not described, which would cost a copy of every name in the snapshot.
    std::string description;
    auto describedMatches = [&](const HandleInfo& h) {
        if (!h.socket)
            return false;
        describeName(h, description);
        return matches(description);
    };
    std::vector<FindHit> hits;
    for (const auto& p : snapshot.processes) {
        for (const auto& h : p.handles) {
            if (query.kind && h.kind != *query.kind)
                continue;
            if (query.text.empty() || matches(h.name) || matches(h.typeName) || describedMatches(h))
                hits.push_back({&p.process, &h});
        }
    }
    return hits;
}

HolderIndex::HolderIndex(const Snapshot& snapshot)
{
    for (const auto& p : snapshot.processes)
        for (const auto& h : p.handles)
            if (h.object.valid() && !h.object.sharedInode)
                m_byObject.push_back({h.object, {&p.process, &h}});
    std::sort(m_byObject.begin(), m_byObject.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first)
            return a.first < b.first;
        if (a.second.process->pid != b.second.process->pid)
            return a.second.process->pid < b.second.process->pid;
        return a.second.handle->value < b.second.handle->value;
    });
    m_hits.reserve(m_byObject.size());
    for (const auto& entry : m_byObject)
        m_hits.push_back(entry.second);
}

std::span<const FindHit> HolderIndex::holders(const ObjectId& object) const
{
    using Entry = std::pair<ObjectId, FindHit>;
    const auto first = std::lower_bound(m_byObject.begin(), m_byObject.end(), object,
                                        [](const Entry& e, const ObjectId& o) { return e.first < o; });
    const auto last = std::upper_bound(first, m_byObject.end(), object,
                                       [](const ObjectId& o, const Entry& e) { return o < e.first; });
    return std::span<const FindHit>(m_hits).subspan(static_cast<std::size_t>(first - m_byObject.begin()),
                                                    static_cast<std::size_t>(last - first));
}

} // namespace hs
