// SPDX-License-Identifier: MIT
#pragma once

#include <spdlog/logger.h>
#include <spdlog/sinks/sink.h>

#include <filesystem>
#include <memory>
#include <string>

namespace hs::log {

/// Named loggers per subsystem ("core", "core.linux", "core.win", "core.inject", "cli",
/// "ui") that all write to the same sinks: stderr (warnings and up unless changed) and a
/// rotating file in the user's data folder. Debug for every operation, info for every
/// state change (duplicate, close).
std::shared_ptr<spdlog::logger> get(const std::string& name);

/// Adds a sink to every logger, present and future (the GUI's log panel).
void addSink(const spdlog::sink_ptr& sink);
void removeSink(const spdlog::sink_ptr& sink);

/// Level of the stderr sink (the file always gets debug and up).
void setConsoleLevel(spdlog::level::level_enum level);

/// $XDG_DATA_HOME/handlescope/logs (~/.local/share/...); %LOCALAPPDATA%\HandleScope\logs.
/// HANDLESCOPE_LOG_DIR overrides it (tests use it).
std::filesystem::path directory();
std::filesystem::path filePath();

} // namespace hs::log
