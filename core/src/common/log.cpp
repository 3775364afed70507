// SPDX-License-Identifier: MIT
#include "handlescope/log.h"

#include "common/log_file.h"

#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <mutex>

namespace hs::log {

namespace {

std::filesystem::path fromEnv(const char* name)
{
    const char* v = std::getenv(name);
    return (v && *v) ? std::filesystem::path(v) : std::filesystem::path();
}

// Every logger writes into one distributing sink, so a sink added later (the GUI's log
// panel) sees every subsystem without re-creating loggers.
struct Sinks {
    std::shared_ptr<spdlog::sinks::dist_sink_mt> dist = std::make_shared<spdlog::sinks::dist_sink_mt>();
    spdlog::sink_ptr console;
    spdlog::sink_ptr file;
    std::mutex mutex;

    Sinks()
    {
        console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_level(spdlog::level::warn);
        // Patterns are set per sink: logger->set_pattern would overwrite every sink's format.
        console->set_pattern("%^%l%$ [%n] %v");
        dist->add_sink(console);
        try {
            std::error_code ec;
            std::filesystem::create_directories(directory(), ec);
            // Kept from every program the app starts (Learn mode's demo processes among them).
            spdlog::file_event_handlers handlers;
            handlers.after_open = [](const spdlog::filename_t&, std::FILE* f) { keepFromChildren(f); };
            file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(filePath().string(), 5 * 1024 * 1024, 3,
                                                                          false, handlers);
            file->set_level(spdlog::level::debug);
            file->set_pattern("%Y-%m-%d %H:%M:%S.%e %P %l [%n] %v");
            dist->add_sink(file);
        } catch (const spdlog::spdlog_ex&) {
            // An unwritable data folder must not stop the tool; the console still works.
        }
        dist->set_level(spdlog::level::trace);
    }
};

Sinks& sinks()
{
    static Sinks s;
    return s;
}

} // namespace

std::filesystem::path directory()
{
    if (auto over = fromEnv("HANDLESCOPE_LOG_DIR"); !over.empty())
        return over;
    if (auto local = fromEnv("LOCALAPPDATA"); !local.empty()) // Windows
        return local / "HandleScope" / "logs";
    if (auto data = fromEnv("XDG_DATA_HOME"); !data.empty())
        return data / "handlescope" / "logs";
    if (auto home = fromEnv("HOME"); !home.empty())
        return home / ".local" / "share" / "handlescope" / "logs";
    return std::filesystem::temp_directory_path() / "handlescope-logs";
}

std::filesystem::path filePath() { return directory() / "handlescope.log"; }

std::shared_ptr<spdlog::logger> get(const std::string& name)
{
    auto& s = sinks();
    std::lock_guard lock(s.mutex);
    if (auto existing = spdlog::get(name))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(name, s.dist);
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::info);
    spdlog::register_logger(logger);
    return logger;
}

void addSink(const spdlog::sink_ptr& sink) { sinks().dist->add_sink(sink); }
void removeSink(const spdlog::sink_ptr& sink) { sinks().dist->remove_sink(sink); }
void setConsoleLevel(spdlog::level::level_enum level) { sinks().console->set_level(level); }

} // namespace hs::log
