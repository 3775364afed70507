// SPDX-License-Identifier: MIT
#include "prometheus.h"

namespace hs::cli::prometheus {

namespace {

/// Length of the valid UTF-8 sequence at s[i], 0 if it is not one.
std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2))
        return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
            return 0;
    return n;
}

} // namespace

std::string escapeLabel(std::string_view value)
{
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size();) {
        const char c = value[i];
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
            ++i;
        } else if (c == '\n') {
            out += "\\n";
            ++i;
        } else if (const auto n = utf8Length(value, i)) {
            out.append(value.substr(i, n));
            i += n;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

void gauge(std::FILE* out, std::string_view name, std::string_view help)
{
    std::fprintf(out, "# HELP %.*s %.*s\n# TYPE %.*s gauge\n", static_cast<int>(name.size()), name.data(),
                 static_cast<int>(help.size()), help.data(), static_cast<int>(name.size()), name.data());
}

void sample(std::FILE* out, std::string_view name, const Labels& labels, std::int64_t value)
{
    std::string line(name);
    if (!labels.empty()) {
        line += '{';
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (i)
                line += ',';
            line += labels[i].first;
            line += "=\"";
            line += escapeLabel(labels[i].second);
            line += '"';
        }
        line += '}';
    }
    line += ' ';
    line += std::to_string(value);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), out);
}

} // namespace hs::cli::prometheus
