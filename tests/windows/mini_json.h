// SPDX-License-Identifier: MIT
// A small strict JSON parser for the CLI tests (objects keep their key order).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hstest {

struct Json {
    enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string text;
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> members;

    [[nodiscard]] const Json* find(const std::string& key) const
    {
        for (const auto& [k, v] : members)
            if (k == key)
                return &v;
        return nullptr;
    }
    [[nodiscard]] std::vector<std::string> keys() const
    {
        std::vector<std::string> out;
        for (const auto& m : members)
            out.push_back(m.first);
        return out;
    }
};

/// The member `key`, or a null value when there is none (a failed test, not a crash).
inline const Json& at(const Json& j, const std::string& key)
{
    static const Json none;
    const Json* v = j.find(key);
    return v ? *v : none;
}

/// nullopt when `text` is not exactly one JSON value (surrounding whitespace allowed).
std::optional<Json> parseJson(const std::string& text);

} // namespace hstest
