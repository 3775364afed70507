// SPDX-License-Identifier: MIT
#include "handlescope/json_read.h"

#include "snapshot_sax.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <memory>
#include <vector>

namespace hs::json {

namespace {

/// A file's bytes in 64 KB chunks, so reading a 45 MB snapshot does not first hold all 45 MB.
class FileBytes {
public:
    explicit FileBytes(std::FILE* file)
        : m_file(file)
        , m_buf(std::size_t{1} << 16)
    {
    }
    bool atEnd()
    {
        if (m_pos == m_len && !m_done) {
            m_len = std::fread(m_buf.data(), 1, m_buf.size(), m_file);
            m_pos = 0;
            if (m_len == 0) {
                m_done = true;
                if (std::ferror(m_file))
                    m_error = errno != 0 ? errno : EIO;
            }
        }
        return m_pos == m_len;
    }
    [[nodiscard]] const char& current() const { return m_buf[m_pos]; }
    void advance() { ++m_pos; }
    /// errno of a read that failed (EISDIR for a directory), 0 if none did.
    [[nodiscard]] int error() const { return m_error; }

private:
    std::FILE* m_file;
    std::vector<char> m_buf;
    std::size_t m_pos = 0;
    std::size_t m_len = 0;
    bool m_done = false;
    int m_error = 0;
};

/// The input iterator nlohmann's parser reads from; a default one is the end.
struct FileIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    FileBytes* bytes = nullptr;

    reference operator*() const { return bytes->current(); }
    FileIterator& operator++()
    {
        bytes->advance();
        return *this;
    }
    FileIterator operator++(int)
    {
        FileIterator old = *this;
        bytes->advance();
        return old;
    }
    bool operator==(const FileIterator& o) const { return atEnd() == o.atEnd(); }
    [[nodiscard]] bool atEnd() const { return bytes == nullptr || bytes->atEnd(); }
};

// A name for the errno values opening or reading a file gives (common code: no errno_linux.h).
std::string errnoName(int err)
{
    switch (err) {
    case ENOENT: return "ENOENT";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case EISDIR: return "EISDIR";
    case ENOTDIR: return "ENOTDIR";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case EMFILE: return "EMFILE";
    case ENFILE: return "ENFILE";
    case ENOMEM: return "ENOMEM";
    case EIO: return "EIO";
    default: return "errno " + std::to_string(err);
    }
}

Error fileError(const std::string& operation, const std::string& path, int err)
{
    std::string hint;
    if (err == ENOENT || err == ENOTDIR)
        hint = "check the path '" + path + "'; write a snapshot with `handlescope-cli snapshot --json > FILE`";
    else if (err == EACCES || err == EPERM)
        hint = "you may not read '" + path + "': check its owner and mode, or run as its owner";
    else if (err == EISDIR)
        hint = "'" + path + "' is a directory: give the snapshot file in it";
    else
        hint = "check that '" + path + "' is a readable file";
    return Error{.operation = operation, .osCode = err, .osName = errnoName(err), .osText = std::strerror(err), .hint = hint};
}

template <class Iterator>
Result<Snapshot> parse(Iterator first, Iterator last, std::string operation)
{
    detail::SnapshotSax sax(std::move(operation));
    bool parsed = false;
    try {
        parsed = nlohmann::json::sax_parse(first, last, &sax);
    } catch (const nlohmann::json::exception& e) {
        // sax_parse reports errors through parse_error; this is for anything it throws besides.
        sax.parse_error(0, {}, e);
    }
    return sax.finish(parsed);
}

} // namespace

Result<Snapshot> readSnapshot(std::string_view text)
{
    return parse(text.data(), text.data() + text.size(), "read snapshot");
}

Result<Snapshot> readSnapshotFile(const std::string& path)
{
    const std::string operation = "read snapshot " + path;
    errno = 0;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file)
        return fail(fileError(operation, path, errno != 0 ? errno : ENOENT));
    FileBytes bytes(file.get());
    auto snapshot = parse(FileIterator{&bytes}, FileIterator{}, operation);
    // A read error ends the input early; report it, not the "cut short" JSON error it causes.
    if (bytes.error() != 0)
        return fail(fileError(operation, path, bytes.error()));
    return snapshot;
}

} // namespace hs::json
