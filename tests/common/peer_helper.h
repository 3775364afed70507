// SPDX-License-Identifier: MIT
// hs_peer_helper (hs_peer_helper.cpp) started and its ready line parsed, for the core,
// CLI and GUI peer tests.
#pragma once

#include "child.h"

#include <map>
#include <sstream>
#include <string>

namespace hstest {

/// The helper's known channels: fd numbers in the helper (pair, pipeRead, tcpServer) and in
/// its child (childPipeWrite, childTcpClient).
struct PeerHelper {
    Child process;
    pid_t child = -1;
    int pairA = -1, pairB = -1, pipeRead = -1, tcpServer = -1;
    int childPipeWrite = -1, childTcpClient = -1;

    /// "" or why it did not start.
    std::string start()
    {
#ifdef HS_PEER_HELPER_PATH
        if (auto e = process.start({.argv = {HS_PEER_HELPER_PATH}, .pipeStdio = true}); !e.empty())
            return e;
#else
        return "built without HS_PEER_HELPER_PATH";
#endif
        const std::string line = process.readLine(10s);
        std::map<std::string, std::string> fields;
        std::istringstream words(line);
        std::string word;
        words >> word;
        if (word != "ready")
            return "hs_peer_helper said: " + line;
        while (words >> word)
            if (auto eq = word.find('='); eq != std::string::npos)
                fields[word.substr(0, eq)] = word.substr(eq + 1);
        const auto number = [&](const std::string& key) { return std::atoi(fields[key].c_str()); };
        child = number("child");
        const std::string pair = fields["pair"];
        pairA = std::atoi(pair.c_str());
        pairB = std::atoi(pair.substr(pair.find(',') + 1).c_str());
        pipeRead = number("pipe_read");
        tcpServer = number("tcp_server");
        childPipeWrite = number("child_pipe_write");
        childTcpClient = number("child_tcp_client");
        if (child <= 0 || pairA < 0 || pairB < 0 || pipeRead < 0 || tcpServer < 0 || childPipeWrite < 0 ||
            childTcpClient < 0)
            return "unexpected ready line: " + line;
        return {};
    }
    [[nodiscard]] pid_t pid() const { return process.pid(); }
};

} // namespace hstest
