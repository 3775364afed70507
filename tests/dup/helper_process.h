// SPDX-License-Identifier: MIT
// Starts dup_target and talks to it line by line (tests only; Linux).
#pragma once

#include <cerrno>
#include <chrono>
#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace dup_test {

class Helper {
public:
    explicit Helper(const std::vector<std::string>& extraArgs = {})
    {
        int in[2];
        int out[2];
        if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
            return;
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(in[0], 0);
            ::dup2(out[1], 1);
            std::vector<std::string> args{DUP_TARGET_PATH};
            args.insert(args.end(), extraArgs.begin(), extraArgs.end());
            std::vector<char*> argv;
            for (auto& a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(DUP_TARGET_PATH, argv.data());
            ::_exit(127);
        }
        ::close(in[0]);
        ::close(out[1]);
        m_to = in[1];
        m_from = out[0];
        m_hello = readLine(5000);
    }
    Helper(const Helper&) = delete;
    Helper& operator=(const Helper&) = delete;
    ~Helper() { stop(); }

    [[nodiscard]] pid_t pid() const { return m_pid; }
    [[nodiscard]] bool started() const { return m_hello.rfind("hello ", 0) == 0; }

    void send(const std::string& line)
    {
        const std::string l = line + "\n";
        (void)!::write(m_to, l.data(), l.size());
    }
    /// One answer line, or "" after timeoutMs.
    std::string readLine(int timeoutMs = 10000)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        for (;;) {
            if (auto nl = m_buffer.find('\n'); nl != std::string::npos) {
                std::string line = m_buffer.substr(0, nl);
                m_buffer.erase(0, nl + 1);
                return line;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return {};
            pollfd p{m_from, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0)
                continue;
            char buf[4096];
            const ssize_t n = ::read(m_from, buf, sizeof buf);
            if (n <= 0)
                return {};
            m_buffer.append(buf, static_cast<std::size_t>(n));
        }
    }
    std::string ask(const std::string& line, int timeoutMs = 10000)
    {
        send(line);
        return readLine(timeoutMs);
    }
    int askInt(const std::string& line) { return std::atoi(ask(line).c_str()); }
    /// "3 4" -> {3, 4}
    std::vector<int> askInts(const std::string& line)
    {
        std::vector<int> out;
        std::string text = ask(line);
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t used = 0;
            try {
                out.push_back(std::stoi(text.substr(pos), &used));
            } catch (...) {
                break;
            }
            pos += used;
        }
        return out;
    }
    bool alive() { return ask("ping", 5000) == "pong " + std::to_string(m_pid); }

    void stop()
    {
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGCONT);
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        ::close(m_to);
        ::close(m_from);
        m_pid = -1;
    }

private:
    pid_t m_pid = -1;
    int m_to = -1;
    int m_from = -1;
    std::string m_buffer;
    std::string m_hello;
};

/// Number of open fds of a process (/proc/PID/fd).
inline int countFds(pid_t pid)
{
    int n = 0;
    const std::string dir = "/proc/" + std::to_string(pid) + "/fd";
    if (DIR* d = ::opendir(dir.c_str())) {
        while (const dirent* e = ::readdir(d))
            if (e->d_name[0] != '.')
                ++n;
        ::closedir(d);
    }
    return n;
}

} // namespace dup_test
