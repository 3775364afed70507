// SPDX-License-Identifier: MIT
// tst_json: the documents of docs/json-schema.md (handlescope/json.h), read back with
// QJsonDocument: every field, and names holding control characters, quotes, backslashes
// and bytes that are not UTF-8.

#include "handlescope/json.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QTest>

#include <cstdio>
#include <memory>

namespace {

QJsonObject parse(const std::string& text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), text.c_str());
    return doc.object();
}

QString qs(const std::string& s) { return QString::fromStdString(s); }

hs::ProcessInfo process()
{
    hs::ProcessInfo p;
    p.pid = 4321;
    p.parentPid = 1;
    p.startTime = 123456;
    p.started = std::chrono::system_clock::time_point(std::chrono::milliseconds(1795746519210));
    p.name = "nginx";
    p.executable = "/usr/sbin/nginx";
    p.commandLine = "nginx -g daemon off;";
    p.user = "www-data";
    p.uid = 33;
    p.state = hs::ProcessState::Sleeping;
    p.handleCount = 2;
    return p;
}

hs::HandleInfo fullHandle()
{
    hs::HandleInfo h;
    h.value = 5;
    h.kind = hs::HandleKind::RegularFile;
    h.typeName = "REG";
    h.name = "/var/log/nginx/access.log";
    h.object = {.device = 0x801, .inode = 1234567};
    h.offset = 4096;
    h.openFlags = 02102001;
    h.access = hs::AccessMode::Write;
    h.inheritable = false;
    h.deleted = true;
    h.mountId = 29;
    h.extras = {{"lock", "1: POSIX ADVISORY WRITE"}};
    h.partialError = "fdinfo: EACCES";
    return h;
}

hs::HandleInfo socketHandle()
{
    hs::HandleInfo h;
    h.value = 6;
    h.kind = hs::HandleKind::Socket;
    h.typeName = "socket";
    h.name = "socket:[634792]";
    h.object = {.device = 8, .inode = 634792};
    h.socket = std::make_shared<const hs::SocketInfo>(
        hs::SocketInfo{"unix", "stream", "@/tmp/.X11-unix/X77", "", "CONNECTED", 634791});
    return h;
}

} // namespace

class TestJson : public QObject {
    Q_OBJECT
private slots:
    void handleFields();
    void handleDefaults();
    void socketFields();
    void peerFields();
    void escaping_data();
    void escaping();
    void handlesDocument();
    void processesDocument();
    void snapshotDocument();
    void hitsDocument();
    void errorObject();
    void fileWriterMatchesMemory();
};

void TestJson::handleFields()
{
    hs::json::Writer w;
    hs::json::writeHandle(w, fullHandle());
    const QJsonObject o = parse(w.take());
    QCOMPARE(o.value("handle").toInteger(), 5);
    QCOMPARE(o.value("type").toString(), QStringLiteral("file"));
    QCOMPARE(o.value("type_name").toString(), QStringLiteral("REG"));
    QCOMPARE(o.value("name").toString(), QStringLiteral("/var/log/nginx/access.log"));
    QCOMPARE(o.value("description").toString(), QStringLiteral("/var/log/nginx/access.log (deleted)"));
    QCOMPARE(o.value("deleted").toBool(false), true);
    QCOMPARE(o.value("access").toString(), QStringLiteral("w"));
    QVERIFY(o.value("inheritable").isBool());
    QCOMPARE(o.value("inheritable").toBool(true), false);
    QCOMPARE(o.value("offset").toInteger(), 4096);
    QCOMPARE(o.value("open_flags").toInteger(), 02102001);
    QCOMPARE(o.value("flags").toArray(), (QJsonArray{"O_WRONLY", "O_APPEND", "O_CLOEXEC"}));
    QCOMPARE(o.value("granted_access").toInteger(), 0);
    QCOMPARE(o.value("access_text").toString(), QString());
    QCOMPARE(o.value("protect_from_close").toBool(true), false);
    const QJsonObject object = o.value("object").toObject();
    QCOMPARE(object.value("id").toString(), QStringLiteral("8:1:1234567"));
    QCOMPARE(object.value("device").toInteger(), 0x801);
    QCOMPARE(object.value("inode").toInteger(), 1234567);
    QCOMPARE(object.value("shared_inode").toBool(true), false);
    QVERIFY(o.value("socket").isNull());
    QCOMPARE(o.value("referenced_pid").toInteger(), -1);
    const QJsonObject extras = o.value("extras").toObject();
    QCOMPARE(extras.size(), 2);
    QCOMPARE(extras.value("mnt_id").toString(), QStringLiteral("29"));
    QCOMPARE(extras.value("lock").toString(), QStringLiteral("1: POSIX ADVISORY WRITE"));
    QCOMPARE(o.value("partial_error").toString(), QStringLiteral("fdinfo: EACCES"));
    QVERIFY(o.value("peers").isArray());
    QCOMPARE(o.value("peers").toArray(), QJsonArray());
    QCOMPARE(o.size(), 20); // every field of docs/json-schema.md's Handle, no more
}

void TestJson::handleDefaults()
{
    hs::HandleInfo h; // what fast detail leaves unread
    h.kind = hs::HandleKind::EventFd;
    h.grantedAccess = 0x1F0003;
    h.accessText = "EVENT_ALL_ACCESS";
    h.protectFromClose = true;
    h.referencedPid = 77;
    hs::json::Writer w;
    hs::json::writeHandle(w, h);
    const QJsonObject o = parse(w.take());
    QCOMPARE(o.value("handle").toInteger(), -1);
    QCOMPARE(o.value("access").toString(), QStringLiteral("?"));
    QVERIFY(o.value("inheritable").isNull());
    QVERIFY(o.value("offset").isNull());
    QVERIFY(o.value("object").isNull());
    QVERIFY(o.value("socket").isNull());
    QCOMPARE(o.value("flags").toArray(), QJsonArray());
    QCOMPARE(o.value("extras").toObject(), QJsonObject());
    QCOMPARE(o.value("granted_access").toInteger(), 0x1F0003);
    QCOMPARE(o.value("access_text").toString(), QStringLiteral("EVENT_ALL_ACCESS"));
    QCOMPARE(o.value("protect_from_close").toBool(false), true);
    QCOMPARE(o.value("referenced_pid").toInteger(), 77);
}

void TestJson::socketFields()
{
    hs::json::Writer w;
    hs::json::writeHandle(w, socketHandle());
    const QJsonObject o = parse(w.take());
    QCOMPARE(o.value("name").toString(), QStringLiteral("socket:[634792]"));
    QCOMPARE(o.value("description").toString(),
             QStringLiteral("unix/stream @/tmp/.X11-unix/X77 -> peer socket:[634791] CONNECTED"));
    const QJsonObject s = o.value("socket").toObject();
    QCOMPARE(s.value("family").toString(), QStringLiteral("unix"));
    QCOMPARE(s.value("protocol").toString(), QStringLiteral("stream"));
    QCOMPARE(s.value("local").toString(), QStringLiteral("@/tmp/.X11-unix/X77"));
    QCOMPARE(s.value("remote").toString(), QString());
    QCOMPARE(s.value("state").toString(), QStringLiteral("CONNECTED"));
    QCOMPARE(s.value("peer_inode").toInteger(), 634791);
    QCOMPARE(s.size(), 6);
}

void TestJson::peerFields()
{
    hs::HandleInfo h = socketHandle();
    h.peers = {{2249, 8, "Xvfb"}, {2250, 3, "x\"y"}};
    hs::json::Writer w;
    hs::json::writeHandle(w, h);
    const QJsonObject o = parse(w.take());
    // The holder names the peer: its inode is no longer shown.
    QCOMPARE(o.value("description").toString(),
             QStringLiteral("unix/stream @/tmp/.X11-unix/X77 CONNECTED -> Xvfb (2249) fd 8, x\"y (2250) fd 3"));
    const QJsonArray peers = o.value("peers").toArray();
    QCOMPARE(peers.size(), 2);
    QCOMPARE(peers[0].toObject(), (QJsonObject{{"pid", 2249}, {"process", "Xvfb"}, {"handle", 8}}));
    QCOMPARE(peers[1].toObject(), (QJsonObject{{"pid", 2250}, {"process", "x\"y"}, {"handle", 3}}));
    QCOMPARE(o.value("socket").toObject().value("peer_inode").toInteger(), 634791);
}

void TestJson::escaping_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QByteArray>("written"); // as it must appear between the quotes
    QTest::newRow("newline, tab, 0x01") << QByteArray("a\nb\tc\x01") << QStringLiteral("a\nb\tc\u0001")
                                        << QByteArray("a\\u000ab\\u0009c\\u0001");
    QTest::newRow("quote, backslash") << QByteArray("say \"hi\" C:\\x") << QStringLiteral("say \"hi\" C:\\x")
                                      << QByteArray("say \\\"hi\\\" C:\\\\x");
    QTest::newRow("escape, DEL") << QByteArray("\x1b[0m\x7f") << QStringLiteral("\u001b[0m\u007f")
                                 << QByteArray("\\u001b[0m\x7f");
    QTest::newRow("valid UTF-8") << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")
                                 << QString::fromUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")
                                 << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    // Each byte that is not part of a valid sequence becomes one U+FFFD.
    QTest::newRow("stray byte") << QByteArray("a\xff" "b") << QStringLiteral("a\uFFFDb")
                                << QByteArray("a\xef\xbf\xbd" "b");
    QTest::newRow("overlong") << QByteArray("\xc0\xaf") << QStringLiteral("\uFFFD\uFFFD")
                              << QByteArray("\xef\xbf\xbd\xef\xbf\xbd");
    QTest::newRow("truncated at end") << QByteArray("x\xe2\x82") << QStringLiteral("x\uFFFD\uFFFD")
                                      << QByteArray("x\xef\xbf\xbd\xef\xbf\xbd");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QStringLiteral("\uFFFD\uFFFD\uFFFD")
                               << QByteArray("\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << QStringLiteral("\uFFFD\uFFFD\uFFFD\uFFFD")
                                    << QByteArray("\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    QTest::newRow("NUL") << QByteArray("a\0b", 3) << QStringLiteral("a\u0000b") << QByteArray("a\\u0000b");
}

void TestJson::escaping()
{
    QFETCH(QByteArray, name);
    QFETCH(QString, expected);
    QFETCH(QByteArray, written);
    hs::HandleInfo h;
    h.kind = hs::HandleKind::RegularFile;
    h.name = name.toStdString();
    h.extras = {{h.name, h.name}}; // keys are escaped too
    hs::json::Writer w;
    hs::json::writeHandle(w, h);
    const std::string text = w.take();
    QVERIFY2(QByteArray::fromStdString(text).contains("\"name\":\"" + written + "\""), text.c_str());
    for (char c : text)
        QVERIFY2(static_cast<unsigned char>(c) >= 0x20, "a raw control character in the output");
    const QJsonObject o = parse(text);
    QCOMPARE(o.value("name").toString(), expected);
    QCOMPARE(o.value("description").toString(), expected);
    QCOMPARE(o.value("extras").toObject().value(expected).toString(), expected);
}

void TestJson::handlesDocument()
{
    const hs::ProcessInfo p = process();
    const std::vector<hs::HandleInfo> handles{fullHandle(), socketHandle()};
    const std::string text = hs::json::handlesDocument(p, handles);
    QVERIFY(text.ends_with("}\n"));
    QCOMPARE(text.find('\n'), text.size() - 1); // one line
    const QJsonObject doc = parse(text);
    QCOMPARE(doc.keys(), (QStringList{"handles", "process", "schema"}));
    QCOMPARE(doc.value("schema").toString(), QStringLiteral("handlescope/1"));
    const QJsonObject o = doc.value("process").toObject();
    QCOMPARE(o.value("pid").toInteger(), 4321);
    QCOMPARE(o.value("ppid").toInteger(), 1);
    QCOMPARE(o.value("name").toString(), QStringLiteral("nginx"));
    QCOMPARE(o.value("executable").toString(), QStringLiteral("/usr/sbin/nginx"));
    QCOMPARE(o.value("command_line").toString(), QStringLiteral("nginx -g daemon off;"));
    QCOMPARE(o.value("user").toString(), QStringLiteral("www-data"));
    QCOMPARE(o.value("uid").toInteger(), 33);
    QCOMPARE(o.value("state").toString(), QStringLiteral("sleeping"));
    QCOMPARE(o.value("start_time").toInteger(), 123456);
    QCOMPARE(o.value("started_unix_ms").toInteger(), Q_INT64_C(1795746519210));
    QCOMPARE(o.value("handle_count").toInteger(), 2);
    QCOMPARE(o.value("session").toInteger(), -1);
    QVERIFY(o.value("access_error").isNull());
    QCOMPARE(o.size(), 13);
    const QJsonArray list = doc.value("handles").toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].toObject().value("handle").toInteger(), 5);
    QCOMPARE(list[1].toObject().value("handle").toInteger(), 6);

    const QJsonObject empty = parse(hs::json::handlesDocument(p, {}));
    QCOMPARE(empty.value("handles").toArray(), QJsonArray());
}

void TestJson::processesDocument()
{
    hs::ProcessInfo denied = process();
    denied.pid = 1;
    denied.handleCount = -1;
    denied.accessError = hs::Error{.operation = "read fds", .pid = 1, .osCode = 13, .osName = "EACCES",
                                   .osText = "Permission denied", .hint = "run as root"};
    const std::vector<hs::ProcessInfo> list{denied, process()};
    hs::json::Writer w;
    hs::json::writeProcessesDocument(w, list);
    const QJsonObject doc = parse(w.take());
    QCOMPARE(doc.keys(), (QStringList{"processes", "schema"}));
    const QJsonArray ps = doc.value("processes").toArray();
    QCOMPARE(ps.size(), 2);
    QCOMPARE(ps[0].toObject().value("handle_count").toInteger(), -1);
    QCOMPARE(ps[0].toObject().value("access_error").toObject().value("os_name").toString(), QStringLiteral("EACCES"));
    QCOMPARE(ps[1].toObject().value("pid").toInteger(), 4321);
    QVERIFY(ps[1].toObject().value("access_error").isNull());
}

void TestJson::snapshotDocument()
{
    hs::Snapshot s;
    s.takenAt = std::chrono::system_clock::time_point(std::chrono::milliseconds(1795746519210));
    s.duration = std::chrono::microseconds(812345);
    s.detail = hs::Detail::Full;
    s.backend = "bpf-iter";
    s.processes.push_back({process(), {fullHandle(), socketHandle()}});
    hs::json::Writer w;
    hs::json::writeSnapshotDocument(w, s);
    const QJsonObject doc = parse(w.take());
    QCOMPARE(doc.keys(), (QStringList{"backend", "detail", "duration_us", "processes", "schema", "taken_at_unix_ms"}));
    QCOMPARE(doc.value("taken_at_unix_ms").toInteger(), Q_INT64_C(1795746519210));
    QCOMPARE(doc.value("duration_us").toInteger(), 812345);
    QCOMPARE(doc.value("detail").toString(), QStringLiteral("full"));
    QCOMPARE(doc.value("backend").toString(), QStringLiteral("bpf-iter"));
    const QJsonObject p = doc.value("processes").toArray().at(0).toObject();
    QCOMPARE(p.value("pid").toInteger(), 4321);
    QCOMPARE(p.size(), 14); // the Process fields and "handles"
    QCOMPARE(p.value("handles").toArray().size(), 2);
    QCOMPARE(p.value("handles").toArray().at(1).toObject().value("type").toString(), QStringLiteral("socket"));
}

void TestJson::hitsDocument()
{
    const hs::ProcessInfo p = process();
    const hs::HandleInfo a = fullHandle(), b = socketHandle();
    const std::vector<hs::FindHit> hits{{&p, &a}, {&p, &b}};
    hs::json::Writer w;
    hs::json::writeHitsDocument(w, hits);
    const QJsonObject doc = parse(w.take());
    QCOMPARE(doc.keys(), (QStringList{"hits", "schema"}));
    const QJsonArray list = doc.value("hits").toArray();
    QCOMPARE(list.size(), 2);
    const QJsonObject hit = list[1].toObject();
    QCOMPARE(hit.keys(), (QStringList{"handle", "pid", "process"}));
    QCOMPARE(hit.value("pid").toInteger(), 4321);
    QCOMPARE(hit.value("process").toString(), QStringLiteral("nginx"));
    QCOMPARE(hit.value("handle").toObject().value("handle").toInteger(), 6);
}

void TestJson::errorObject()
{
    const hs::Error e{.operation = "read fds", .pid = 42, .osCode = 13, .osName = "EACCES",
                      .osText = "Permission denied", .hint = "run as root"};
    hs::json::Writer w;
    hs::json::writeError(w, e);
    const QJsonObject o = parse(w.take());
    QCOMPARE(o.value("operation").toString(), QStringLiteral("read fds"));
    QCOMPARE(o.value("os_code").toInteger(), 13);
    QCOMPARE(o.value("os_name").toString(), QStringLiteral("EACCES"));
    QCOMPARE(o.value("os_text").toString(), QStringLiteral("Permission denied"));
    QCOMPARE(o.value("hint").toString(), QStringLiteral("run as root"));
    QCOMPARE(o.value("message").toString(), qs(e.message()));
    QCOMPARE(o.value("pid").toInteger(), e.pid);
    QCOMPARE(o.value("handle").toInteger(), e.handle);
    QCOMPARE(o.size(), 8);
}

void TestJson::fileWriterMatchesMemory()
{
    // Larger than the writer's chunk, so it is written in several pieces.
    hs::Snapshot s;
    for (int i = 0; i < 2000; ++i) {
        hs::ProcessHandles p{process(), {fullHandle(), socketHandle()}};
        p.process.pid = i;
        s.processes.push_back(std::move(p));
    }
    hs::json::Writer memory;
    hs::json::writeSnapshotDocument(memory, s);
    const std::string expected = memory.take();
    QVERIFY(expected.size() > (1 << 20));

    std::FILE* f = std::tmpfile();
    QVERIFY(f);
    {
        hs::json::Writer file(f);
        hs::json::writeSnapshotDocument(file, s);
    }
    std::string written(static_cast<std::size_t>(std::ftell(f)), '\0');
    std::rewind(f);
    QCOMPARE(std::fread(written.data(), 1, written.size(), f), written.size());
    std::fclose(f);
    QVERIFY(written == expected);
    QCOMPARE(parse(written).value("processes").toArray().size(), 2000);
}

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
