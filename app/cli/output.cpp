// SPDX-License-Identifier: MIT
#include "output.h"

#include "handlescope/describe.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace hs::cli {

Result<Format> formatFrom(const Args& args)
{
    if (args.has("--json") && args.has("--csv"))
        return fail(usageError(args.command, "--json and --csv exclude each other", "choose one output format"));
    if (auto named = args.value("--format")) {
        static constexpr std::pair<std::string_view, Format> kNames[] = {
            {"table", Format::Table}, {"json", Format::Json}, {"csv", Format::Csv}, {"prometheus", Format::Prometheus}};
        for (const auto& [name, format] : kNames) {
            if (*named != name)
                continue;
            if ((args.has("--json") && format != Format::Json) || (args.has("--csv") && format != Format::Csv))
                return fail(usageError(args.command, "--format " + *named + " and --json or --csv disagree",
                                       "choose one output format"));
            return format;
        }
        return fail(usageError(args.command, "unknown format '" + *named + "'", "formats: table, json, csv, prometheus"));
    }
    if (args.has("--json"))
        return Format::Json;
    if (args.has("--csv"))
        return Format::Csv;
    return Format::Table;
}

Result<std::size_t> topFrom(const Args& args, std::size_t fallback)
{
    auto v = args.value("--top");
    if (!v)
        return fallback;
    std::size_t top = 0;
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), top);
    if (ec != std::errc() || end != v->data() + v->size() || top == 0)
        return fail(usageError(args.command, "--top wants a positive number, not '" + *v + "'", "e.g. --top 50"));
    return top;
}

std::string printable(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else
            out += static_cast<char>(c);
    }
    return out;
}

namespace {
// Display width: count UTF-8 lead bytes only, so multi-byte names line up.
std::size_t displayWidth(const std::string& s)
{
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
} // namespace

void printTable(const Table& table, std::FILE* out)
{
    std::vector<std::size_t> widths(table.header.size(), 0);
    std::vector<std::vector<std::string>> cells;
    cells.reserve(table.rows.size() + 1);
    cells.push_back(table.header);
    for (const auto& r : table.rows) {
        std::vector<std::string> row;
        row.reserve(r.size());
        for (const auto& c : r)
            row.push_back(printable(c));
        cells.push_back(std::move(row));
    }
    for (const auto& row : cells)
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    for (const auto& row : cells) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            const std::size_t pad = widths[i] - std::min(widths[i], displayWidth(row[i]));
            const bool right = i < table.rightAligned.size() && table.rightAligned[i];
            if (right)
                line.append(pad, ' ');
            line += row[i];
            if (!right && !last)
                line.append(pad, ' ');
            if (!last)
                line += "  ";
        }
        std::fprintf(out, "%s\n", line.c_str());
    }
}

std::string csvField(const std::string& field)
{
    if (field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

void printCsv(const Table& table, std::FILE* out)
{
    auto printRow = [out](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i)
                line += ',';
            line += csvField(row[i]);
        }
        line += "\r\n";
        std::fwrite(line.data(), 1, line.size(), out);
    };
    printRow(table.header);
    for (const auto& r : table.rows)
        printRow(r);
}

void printRows(const Table& table, Format format)
{
    if (format == Format::Csv)
        printCsv(table);
    else
        printTable(table);
}

Table handleTable(bool withProcess)
{
    Table t;
    t.header = handleHeader(withProcess);
    t.rightAligned = withProcess ? std::vector<bool>{true, false, true} : std::vector<bool>{true, false, false, false, true};
    return t;
}

Table processTable(const std::vector<ProcessInfo>& processes)
{
    Table t;
    t.header = {"PID", "PPID", "USER", "STATE", "HANDLES", "NAME", "COMMAND"};
    t.rightAligned = {true, true, false, false, true, false, false};
    for (const auto& p : processes) {
        t.rows.push_back({std::to_string(p.pid), std::to_string(p.parentPid), p.user, std::string(toString(p.state)),
                          p.handleCount >= 0 ? std::to_string(p.handleCount) : (p.accessError ? "denied" : "-"), p.name,
                          p.commandLine});
    }
    return t;
}

std::vector<std::string> handleHeader(bool withProcess)
{
    std::vector<std::string> h;
    if (withProcess)
        h = {"PID", "PROCESS"};
    for (const char* c : {"HANDLE", "TYPE", "MODE", "INHERIT", "OFFSET", "FLAGS", "OBJECT", "NAME"})
        h.emplace_back(c);
    return h;
}

std::vector<std::string> handleRow(const HandleInfo& h, const ProcessInfo* process, Format format)
{
    std::vector<std::string> row;
    if (process) {
        row.push_back(std::to_string(process->pid));
        row.push_back(process->name);
    }
    row.push_back(std::to_string(h.value));
    row.push_back(format == Format::Csv ? std::string(toString(h.kind)) : describeType(h));
    row.push_back(describeAccess(h));
    const std::string inheritable = describeInheritable(h);
    row.push_back(inheritable.empty() ? "?" : inheritable);
    row.push_back(h.offset ? std::to_string(*h.offset) : "");
    std::string flags;
    if (h.openFlags)
        for (const auto f : openFlagNames(*h.openFlags))
            (flags += flags.empty() ? "" : "|") += f;
    row.push_back(flags);
    row.push_back(toString(h.object));
    row.push_back(describeName(h));
    return row;
}

} // namespace hs::cli
