// SPDX-License-Identifier: MIT
#include "mini_json.h"

#include <cstdlib>

namespace hstest {

namespace {

struct Parser {
    const std::string& s;
    std::size_t i = 0;

    void ws()
    {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
            ++i;
    }
    bool eat(char c)
    {
        ws();
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    }
    bool literal(const char* word)
    {
        const std::string w = word;
        if (s.compare(i, w.size(), w) != 0)
            return false;
        i += w.size();
        return true;
    }
    std::optional<std::string> string()
    {
        if (!eat('"'))
            return std::nullopt;
        std::string out;
        while (i < s.size() && s[i] != '"') {
            if (static_cast<unsigned char>(s[i]) < 0x20)
                return std::nullopt;
            if (s[i] == '\\') {
                if (++i >= s.size())
                    return std::nullopt;
                const char e = s[i];
                if (e == 'u') {
                    if (i + 4 >= s.size())
                        return std::nullopt;
                    out += '?';
                    i += 4;
                } else if (std::string("\"\\/bfnrt").find(e) != std::string::npos) {
                    out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                } else {
                    return std::nullopt;
                }
                ++i;
            } else {
                out += s[i++];
            }
        }
        if (i >= s.size())
            return std::nullopt;
        ++i;
        return out;
    }
    std::optional<Json> value()
    {
        ws();
        if (i >= s.size())
            return std::nullopt;
        Json j;
        const char c = s[i];
        if (c == '{') {
            ++i;
            j.type = Json::Type::Object;
            if (eat('}'))
                return j;
            do {
                auto k = string();
                if (!k || !eat(':'))
                    return std::nullopt;
                auto v = value();
                if (!v)
                    return std::nullopt;
                j.members.emplace_back(std::move(*k), std::move(*v));
            } while (eat(','));
            if (!eat('}'))
                return std::nullopt;
        } else if (c == '[') {
            ++i;
            j.type = Json::Type::Array;
            if (eat(']'))
                return j;
            do {
                auto v = value();
                if (!v)
                    return std::nullopt;
                j.items.push_back(std::move(*v));
            } while (eat(','));
            if (!eat(']'))
                return std::nullopt;
        } else if (c == '"') {
            auto str = string();
            if (!str)
                return std::nullopt;
            j.type = Json::Type::String;
            j.text = std::move(*str);
        } else if (literal("true") || literal("false")) {
            j.type = Json::Type::Bool;
            j.boolean = s[i - 1] == 'e' && s[i - 2] == 'u';
        } else if (literal("null")) {
            j.type = Json::Type::Null;
        } else {
            char* end = nullptr;
            j.number = std::strtod(s.c_str() + i, &end);
            if (end == s.c_str() + i)
                return std::nullopt;
            i = static_cast<std::size_t>(end - s.c_str());
            j.type = Json::Type::Number;
        }
        return j;
    }
};

} // namespace

std::optional<Json> parseJson(const std::string& text)
{
    Parser p{text};
    auto v = p.value();
    p.ws();
    if (!v || p.i != text.size())
        return std::nullopt;
    return v;
}

} // namespace hstest
