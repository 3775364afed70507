// SPDX-License-Identifier: MIT
#include "handlescope/find.h"

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

    std::vector<FindHit> hits;
    for (const auto& p : snapshot.processes) {
        for (const auto& h : p.handles) {
            if (query.kind && h.kind != *query.kind)
                continue;
            if (query.text.empty() || matches(h.name) || matches(h.typeName))
                hits.push_back({&p.process, &h});
        }
    }
    return hits;
}

std::vector<FindHit> findHolders(const Snapshot& snapshot, const ObjectId& object)
{
    std::vector<FindHit> hits;
    if (!object.valid())
        return hits;
    for (const auto& p : snapshot.processes)
        for (const auto& h : p.handles)
            if (h.object == object)
                hits.push_back({&p.process, &h});
    return hits;
}

} // namespace hs
