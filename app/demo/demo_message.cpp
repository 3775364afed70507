// SPDX-License-Identifier: MIT
#include "demo_message.h"

#include <cctype>
#include <charconv>
#include <cstdio>

namespace hs::demo {

std::string formatHandle(std::int64_t value, bool hex)
{
    if (!hex)
        return std::to_string(value);
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llX", static_cast<unsigned long long>(value));
    return buf;
}

std::string formatTell(const std::string& handleText, const std::string& type)
{
    return "handle " + handleText + ", type " + type;
}

std::optional<TellMessage> parseTell(const std::string& lineIn, std::string& why)
{
    std::string line = lineIn;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.pop_back();
    const std::string head = "handle ";
    const auto comma = line.find(", type ");
    if (!line.starts_with(head) || comma == std::string::npos) {
        why = "expected \"handle N, type T\", got \"" + line + "\"";
        return std::nullopt;
    }
    const std::string number = line.substr(head.size(), comma - head.size());
    const bool hex = number.starts_with("0x") || number.starts_with("0X");
    const char* first = number.data() + (hex ? 2 : 0);
    const char* last = number.data() + number.size();
    TellMessage m;
    auto [end, ec] = std::from_chars(first, last, m.handle, hex ? 16 : 10);
    if (ec != std::errc() || end != last || first == last || m.handle < 0) {
        why = "\"" + number + "\" is not a handle value (a decimal number, or hex with 0x)";
        return std::nullopt;
    }
    m.type = line.substr(comma + 7);
    if (m.type.empty()) {
        why = "the message names no type";
        return std::nullopt;
    }
    return m;
}

std::string quoted(const std::string& text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string machineLine(const std::string& keyword, const std::vector<std::pair<std::string, std::string>>& fields)
{
    std::string line = keyword;
    for (const auto& [key, value] : fields) {
        bool plain = !value.empty();
        for (char c : value)
            plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '/' || c == '.'
                              || c == ':' || c == '\\');
        line += " " + key + "=" + (plain ? value : quoted(value));
    }
    return line;
}

std::map<std::string, std::string> machineFields(const std::string& line)
{
    std::map<std::string, std::string> out;
    std::size_t at = line.find(' ');
    while (at != std::string::npos && at < line.size()) {
        ++at;
        const auto eq = line.find('=', at);
        if (eq == std::string::npos)
            break;
        const std::string key = line.substr(at, eq - at);
        std::string value;
        std::size_t i = eq + 1;
        if (i < line.size() && line[i] == '"') { // quoted(): \" \\ \n
            for (++i; i < line.size() && line[i] != '"'; ++i) {
                if (line[i] == '\\' && i + 1 < line.size()) {
                    ++i;
                    value += line[i] == 'n' ? '\n' : line[i];
                } else {
                    value += line[i];
                }
            }
            ++i;
        } else { // plain: no spaces, a backslash is itself (Windows paths)
            while (i < line.size() && line[i] != ' ')
                value += line[i++];
        }
        out[key] = std::move(value);
        at = i < line.size() ? i : std::string::npos;
    }
    return out;
}

void say(const std::string& line)
{
    std::fputs((line + "\n").c_str(), stdout);
    std::fflush(stdout);
}

} // namespace hs::demo
