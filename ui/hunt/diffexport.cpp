// SPDX-License-Identifier: MIT
#include "hunt/diffexport.h"

#include "util/qtstd.h"
#include "util/tableexport.h"

#include "handlescope/json.h"

#include <QStringList>

#include <chrono>

namespace hs::ui {

namespace {

std::int64_t unixMs(std::chrono::system_clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

void writeSide(hs::json::Writer& w, std::string_view key, std::string_view label, const hs::Snapshot& s)
{
    w.key(key);
    w.beginObject();
    w.field("snapshot", label);
    w.field("taken_at_unix_ms", unixMs(s.takenAt));
    w.field("processes", static_cast<std::int64_t>(s.processes.size()));
    w.field("handles", static_cast<std::int64_t>(s.handleCount()));
    w.endObject();
}

void writeHandleOrNull(hs::json::Writer& w, std::string_view key, const hs::HandleInfo* h)
{
    w.key(key);
    if (h)
        hs::json::writeHandle(w, *h);
    else
        w.null();
}

void writeProcessChanges(hs::json::Writer& w, std::string_view key, const std::vector<hs::ProcessChange>& list)
{
    w.key(key);
    w.beginArray();
    for (const auto& p : list) {
        w.beginObject();
        w.field("pid", static_cast<std::int64_t>(p.process.pid));
        w.field("name", p.process.name);
        w.field("handles", p.handles);
        w.endObject();
    }
    w.endArray();
}

} // namespace

QString diffGroupsToCsv(const hs::SnapshotDiff& diff)
{
    // Machine-readable words (toString), not the translated ones: the file outlives the locale.
    QString out = QStringLiteral("change,type,pattern,count,pids,example\r\n");
    for (const auto& g : diff.groups) {
        QStringList pids;
        for (hs::Pid pid : g.pids)
            pids << QString::number(pid);
        const QStringList fields{qs(hs::toString(g.change)), qs(hs::toString(g.kind)), csvField(qs(g.pattern)),
                                 QString::number(g.count), csvField(pids.join(QLatin1Char(' '))),
                                 csvField(qs(g.example))};
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

QByteArray diffToJson(const hs::SnapshotDiff& diff, const hs::Snapshot& a, const hs::Snapshot& b,
                      std::optional<hs::Pid> pid)
{
    hs::json::Writer w;
    hs::json::beginDocument(w);
    w.key("pid");
    if (pid)
        w.value(static_cast<std::int64_t>(*pid));
    else
        w.null();
    writeSide(w, "before", "A", a);
    writeSide(w, "after", "B", b);
    w.field("opened", diff.opened);
    w.field("closed", diff.closed);
    w.field("changed", diff.changed);
    w.key("groups");
    w.beginArray();
    for (const auto& g : diff.groups) {
        w.beginObject();
        w.field("change", hs::toString(g.change));
        w.field("type", hs::toString(g.kind));
        w.field("pattern", g.pattern);
        w.field("example", g.example);
        w.field("count", g.count);
        w.key("pids");
        w.beginArray();
        for (hs::Pid p : g.pids)
            w.value(static_cast<std::int64_t>(p));
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.key("handles");
    w.beginArray();
    for (const auto& c : diff.handles) {
        w.beginObject();
        w.field("change", hs::toString(c.change));
        w.field("pid", static_cast<std::int64_t>(c.pid));
        w.field("process", c.processName);
        writeHandleOrNull(w, "before", c.change == hs::Change::Opened ? nullptr : &c.before);
        writeHandleOrNull(w, "after", c.change == hs::Change::Closed ? nullptr : &c.after);
        w.key("changed_fields");
        w.beginArray();
        for (const auto& f : c.changedFields)
            w.value(f);
        w.endArray();
        w.endObject();
    }
    w.endArray();
    writeProcessChanges(w, "processes_started", diff.processesStarted);
    writeProcessChanges(w, "processes_exited", diff.processesExited);
    hs::json::endDocument(w);
    return QByteArray::fromStdString(w.take());
}

} // namespace hs::ui
