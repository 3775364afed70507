// SPDX-License-Identifier: MIT
// The demo pair end to end: handlescope-demo source holds a file, a pipe, an eventfd and
// a socket pair; handlescope-cli dup copies one into handlescope-demo target; `tell`
// sends "handle N, type T" over the channel; the target uses the handle and reports, and
// where the object carries something back (pipe, eventfd, socket) the source sees it.
#include "child.h"
#include "procfs.h"
#include "demo_message.h"
#include "demo_roles.h"

#include <QTest>

#include <cstring>
#include <map>

#include <sys/socket.h>
#include <sys/un.h>

namespace {

namespace demo = hs::demo;

using namespace std::chrono_literals;

const std::string kFileText = demo::kFileText;


// Reads lines until one starts with `keyword`; that line, or "" (with all lines seen in `log`).
std::string lineStarting(hstest::Child& c, const std::string& keyword, std::string& log)
{
    for (;;) {
        const std::string line = c.readLine(10s);
        if (line.empty())
            return {};
        log += line + "\n";
        if (line.starts_with(keyword + " "))
            return line;
    }
}

} // namespace

class TestDemoPair : public QObject {
    Q_OBJECT

    hstest::Child m_source;
    hstest::Child m_target;
    std::string m_sourceLog;
    std::string m_targetLog;
    std::map<std::string, std::map<std::string, std::string>> m_holds; // type -> HOLD fields
    std::string m_channel;
    std::string m_dir;
    std::string m_dupErr; // the last dup's stderr

    hstest::Run cli(const std::vector<std::string>& args)
    {
        std::vector<std::string> argv{HS_CLI_PATH};
        argv.insert(argv.end(), args.begin(), args.end());
        return hstest::runToEnd({.argv = argv, .captureOutput = true});
    }

    hstest::Run tell(const std::string& handle, const std::string& type)
    {
        return hstest::runToEnd({.argv = {HS_DEMO_PATH, "tell", "--channel", m_channel, "--handle", handle, "--type", type},
                                 .captureOutput = true});
    }

    // dup the source's handle of `type` into the target: the new value, checked by kcmp.
    std::string duplicate(const std::string& type, bool steps = false)
    {
        const std::string handle = m_holds[type]["handle"];
        std::vector<std::string> args{"dup", "--from", std::to_string(m_source.pid()), "--handle", handle, "--to",
                                      std::to_string(m_target.pid()), "--yes"};
        if (steps)
            args.push_back("--steps");
        const auto r = cli(args);
        m_dupErr = r.err;
        if (r.exitCode() != 0)
            return "dup failed: " + r.explain();
        std::string value = r.out;
        while (!value.empty() && value.back() == '\n')
            value.pop_back();
        if (hstest::kcmpFile(m_target.pid(), std::atoi(value.c_str()), m_source.pid(), std::atoi(handle.c_str())) != 0)
            return "kcmp: " + value + " in the target is not the source's " + handle;
        return value;
    }

private slots:
    void initTestCase()
    {
        if (!hstest::hasCap(::getpid(), "CapEff", hstest::kCapSysPtrace))
            QSKIP("needs CAP_SYS_PTRACE (run as root): handlescope-cli dup traces the demo target");
        char dirTemplate[] = "/tmp/hs-demo-test-XXXXXX";
        QVERIFY(::mkdtemp(dirTemplate) != nullptr);
        m_dir = dirTemplate;
        m_channel = m_dir + "/channel.sock";

        QCOMPARE(m_source.start({.argv = {HS_DEMO_PATH, "source"}, .pipeStdio = true}), std::string());
        const std::string ready = lineStarting(m_source, "READY", m_sourceLog);
        QVERIFY2(!ready.empty(), m_sourceLog.c_str());
        QCOMPARE(demo::machineFields(ready)["pid"], std::to_string(m_source.pid()));
        for (std::size_t at = 0; (at = m_sourceLog.find("HOLD ", at)) != std::string::npos; ++at) {
            auto f = demo::machineFields(m_sourceLog.substr(at, m_sourceLog.find('\n', at) - at));
            m_holds[f["type"]] = f;
        }
        QCOMPARE(m_holds.size(), std::size_t(4));
        QCOMPARE(m_holds["file"]["text"], kFileText);
        QCOMPARE(m_holds["pipe"]["end"], std::string("write"));
        // Each HOLD names an fd the source really holds, of that kind.
        QVERIFY(hstest::fdLink(m_source.pid(), std::stoi(m_holds["file"]["handle"])) == m_holds["file"]["path"]);
        QVERIFY(hstest::fdLink(m_source.pid(), std::stoi(m_holds["pipe"]["handle"])).starts_with("pipe:["));
        QCOMPARE(hstest::fdLink(m_source.pid(), std::stoi(m_holds["eventfd"]["handle"])),
                 std::string("anon_inode:[eventfd]"));
        QVERIFY(hstest::fdLink(m_source.pid(), std::stoi(m_holds["socket"]["handle"])).starts_with("socket:["));

        QCOMPARE(m_target.start({.argv = {HS_DEMO_PATH, "target", "--channel", m_channel}, .pipeStdio = true}),
                 std::string());
        const std::string listening = lineStarting(m_target, "LISTENING", m_targetLog);
        QVERIFY2(!listening.empty(), m_targetLog.c_str());
        QCOMPARE(demo::machineFields(listening)["pid"], std::to_string(m_target.pid()));
        QCOMPARE(demo::machineFields(listening)["channel"], m_channel);
    }

    void targetReadsTheFileThroughItsCopy()
    {
        const std::string copy = duplicate("file", true);
        QVERIFY2(!copy.empty() && std::isdigit(static_cast<unsigned char>(copy[0])), copy.c_str());
        // --steps: each call on stderr, the one that made the copy with its real result.
        const std::string target = std::to_string(m_target.pid());
        QVERIFY2(m_dupErr.starts_with("step: [tool] pidfd_open(" + std::to_string(m_source.pid()) + ", 0) = "),
                 m_dupErr.c_str());
        QVERIFY2(m_dupErr.find("step: [pid " + target + "] pidfd_getfd(") != std::string::npos, m_dupErr.c_str());
        QVERIFY2(m_dupErr.find(", " + m_holds["file"]["handle"] + ", 0) = " + copy + "\n") != std::string::npos,
                 m_dupErr.c_str());
        QVERIFY2(m_dupErr.find("step: [tool] restore registers; ptrace(PTRACE_DETACH, ") != std::string::npos,
                 m_dupErr.c_str());
        QCOMPARE(hstest::fdLink(m_target.pid(), std::stoi(copy)), m_holds["file"]["path"]);
        const auto told = tell(copy, "file");
        QVERIFY2(told.exitCode() == 0, told.explain().c_str());
        const std::string used = lineStarting(m_target, "USED", m_targetLog);
        QVERIFY2(!used.empty(), m_targetLog.c_str());
        auto f = demo::machineFields(used);
        QCOMPARE(f["handle"], copy);
        QCOMPARE(f["type"], std::string("file"));
        QCOMPARE(f["result"], std::string("ok"));
        QCOMPARE(f["text"], kFileText);
        // The teller printed the same report it got back over the channel.
        QVERIFY2(told.out.find(used) != std::string::npos, told.out.c_str());
        QVERIFY2(told.out.find("sending \"handle " + copy + ", type file\"") != std::string::npos, told.out.c_str());
    }

    void targetSignalsTheEventfdTheSourceWatches()
    {
        const std::string copy = duplicate("eventfd");
        QVERIFY2(!copy.empty() && std::isdigit(static_cast<unsigned char>(copy[0])), copy.c_str());
        const auto told = tell(copy, "eventfd");
        QVERIFY2(told.exitCode() == 0, told.explain().c_str());
        auto used = demo::machineFields(lineStarting(m_target, "USED", m_targetLog));
        QCOMPARE(used["result"], std::string("ok"));
        QCOMPARE(used["added"], std::string("1"));
        const std::string saw = lineStarting(m_source, "SAW", m_sourceLog);
        QVERIFY2(!saw.empty(), m_sourceLog.c_str());
        QCOMPARE(demo::machineFields(saw)["type"], std::string("eventfd"));
        QCOMPARE(demo::machineFields(saw)["value"], std::string("1"));
    }

    void targetWritesIntoThePipeTheSourceReads()
    {
        const std::string copy = duplicate("pipe");
        QVERIFY2(!copy.empty() && std::isdigit(static_cast<unsigned char>(copy[0])), copy.c_str());
        const auto told = tell(copy, "pipe");
        QVERIFY2(told.exitCode() == 0, told.explain().c_str());
        const std::string greeting = "Hello from the target process (pid " + std::to_string(m_target.pid()) + ")";
        QCOMPARE(demo::machineFields(lineStarting(m_target, "USED", m_targetLog))["text"], greeting);
        auto saw = demo::machineFields(lineStarting(m_source, "SAW", m_sourceLog));
        QCOMPARE(saw["type"], std::string("pipe"));
        QCOMPARE(saw["text"], greeting);
    }

    void aValueNeverCopiedIsRefused()
    {
        // The source's own number means nothing in the target: that is why dup comes first.
        const auto told = tell("999", "file");
        QCOMPARE(told.exitCode(), 1);
        auto used = demo::machineFields(lineStarting(m_target, "USED", m_targetLog));
        QCOMPARE(used["result"], std::string("error"));
        QVERIFY2(used["error"].find("EBADF") != std::string::npos, used["error"].c_str());
        QVERIFY2(used["error"].find("handlescope-cli dup --to " + std::to_string(m_target.pid())) != std::string::npos,
                 used["error"].c_str());
    }

    void aWrongTypeIsRefused()
    {
        const std::string copy = duplicate("socket");
        QVERIFY2(!copy.empty() && std::isdigit(static_cast<unsigned char>(copy[0])), copy.c_str());
        const auto told = tell(copy, "file");
        QCOMPARE(told.exitCode(), 1);
        auto used = demo::machineFields(lineStarting(m_target, "USED", m_targetLog));
        QCOMPARE(used["result"], std::string("error"));
        QVERIFY2(used["error"].find("not a file") != std::string::npos, used["error"].c_str());
    }

    void closeWithStepsShowsTheInjectedClose()
    {
        const std::string copy = duplicate("eventfd");
        QVERIFY2(!copy.empty() && std::isdigit(static_cast<unsigned char>(copy[0])), copy.c_str());
        const std::string target = std::to_string(m_target.pid());
        const auto r = cli({"close", "--pid", target, "--handle", copy, "--steps", "--yes"});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        QVERIFY2(r.err.find("step: [pid " + target + "] close(" + copy + ") = 0\n") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("step: [tool] kcmp(" + target + ", self, KCMP_FILE, " + copy + ", ") != std::string::npos,
                 r.err.c_str());
        QCOMPARE(hstest::fdLink(m_target.pid(), std::stoi(copy)), std::string("?")); // gone from the target
    }

    void aMessageThatIsNotHandleNTypeTIsAnswered()
    {
        // Anything on the channel gets an answer naming the expected form.
        const int s = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::memcpy(addr.sun_path, m_channel.c_str(), m_channel.size() + 1);
        QCOMPARE(::connect(s, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0);
        const std::string hello = "hello target\n";
        QCOMPARE(::write(s, hello.data(), hello.size()), static_cast<ssize_t>(hello.size()));
        char buf[512];
        const ssize_t n = ::read(s, buf, sizeof buf);
        ::close(s);
        QVERIFY(n > 0);
        auto answer = demo::machineFields(std::string(buf, static_cast<std::size_t>(n)));
        QCOMPARE(answer["result"], std::string("error"));
        QCOMPARE(answer["error"], std::string("expected \"handle N, type T\", got \"hello target\""));
        QCOMPARE(demo::machineFields(lineStarting(m_target, "USED", m_targetLog))["result"], std::string("error"));
    }

    void tellWithoutTargetSaysWhatToStart()
    {
        const auto r = hstest::runToEnd({.argv = {HS_DEMO_PATH, "tell", "--channel", m_dir + "/nobody.sock", "--handle",
                                                  "3", "--type", "file"},
                                         .captureOutput = true});
        QCOMPARE(r.exitCode(), 3);
        QVERIFY2(r.err.find("ENOENT") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("handlescope-demo target --channel") != std::string::npos, r.err.c_str());
    }

    // The other two ways (Learn mode's lesson 2). Inheritance: the child uses the very
    // number its parent opened, and reads the parent's file through it.
    void inheritShares()
    {
        const auto r = hstest::runToEnd({.argv = {HS_DEMO_PATH, "inherit"}});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        std::map<std::string, std::string> held, started, used;
        for (std::size_t at = 0, end; (end = r.out.find('\n', at)) != std::string::npos; at = end + 1) {
            const std::string line = r.out.substr(at, end - at);
            if (line.starts_with("HOLD "))
                held = demo::machineFields(line);
            else if (line.starts_with("STARTED "))
                started = demo::machineFields(line);
            else if (line.starts_with("USED "))
                used = demo::machineFields(line);
        }
        QCOMPARE(held["inheritable"], std::string("yes"));
        QCOMPARE(started["handle"], held["handle"]);
        QCOMPARE(used["handle"], held["handle"]);
        QCOMPARE(used["result"], std::string("ok"));
        QCOMPARE(used["text"], std::string(demo::kInheritedText));
        QVERIFY2(r.out.find("use: pid " + started["pid"] + ",") != std::string::npos, r.out.c_str());
    }

    // A named object: the opener finds the FIFO by its path alone; both end, the FIFO goes.
    void namedFifoShares()
    {
        const std::string fifo = m_dir + "/named.fifo";
        hstest::Child maker;
        QCOMPARE(maker.start({.argv = {HS_DEMO_PATH, "named-create", "--name", fifo}, .pipeStdio = true}), std::string());
        std::string log;
        const std::string made = lineStarting(maker, "MADE", log);
        QVERIFY2(!made.empty(), log.c_str());
        QCOMPARE(demo::machineFields(made)["name"], fifo);
        const auto r = hstest::runToEnd({.argv = {HS_DEMO_PATH, "named-open", "--name", fifo}});
        QVERIFY2(r.exitCode() == 0, r.explain().c_str());
        const auto at = r.out.find("USED ");
        QVERIFY2(at != std::string::npos, r.out.c_str());
        auto used = demo::machineFields(r.out.substr(at, r.out.find('\n', at) - at));
        QCOMPARE(used["result"], std::string("ok"));
        QCOMPARE(used["text"], std::string(demo::kNamedText));
        const auto status = maker.wait(10s);
        QVERIFY(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0);
        QVERIFY(::access(fifo.c_str(), F_OK) != 0);
    }

    // Its starter gone before anyone opened the FIFO: named-create ends and removes it.
    void namedFifoEndsWithItsInput()
    {
        const std::string fifo = m_dir + "/unopened.fifo";
        hstest::Child maker;
        QCOMPARE(maker.start({.argv = {HS_DEMO_PATH, "named-create", "--name", fifo}, .pipeStdio = true}), std::string());
        std::string log;
        QVERIFY2(!lineStarting(maker, "MADE", log).empty(), log.c_str());
        maker.closeInput();
        const auto status = maker.wait(10s);
        QVERIFY(status && WIFEXITED(*status) && WEXITSTATUS(*status) == demo::ExitFailed);
        QVERIFY(::access(fifo.c_str(), F_OK) != 0);
    }

    void cleanupTestCase()
    {
        if (m_source.pid() <= 0)
            return;
        const std::string file = m_holds["file"]["path"];
        m_source.stop(); // end of its input: it removes its file and exits
        m_target.stop();
        QVERIFY2(!std::filesystem::exists(file), file.c_str());
        QVERIFY(!std::filesystem::exists(m_channel));
        std::filesystem::remove_all(m_dir);
    }
};

QTEST_GUILESS_MAIN(TestDemoPair)
#include "tst_demo_pair.moc"
