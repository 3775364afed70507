// SPDX-License-Identifier: MIT
// The SAX handler behind hs::json::readSnapshot: nlohmann's parser calls it once per key and
// value, and it fills the Snapshot as the events come, keeping only a stack of where it is.
#pragma once

#include "handlescope/model.h"

#include "snapshot_keys.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hs::json::detail {

class SnapshotSax {
public:
    using Json = nlohmann::json;

    /// `operation` names the call in errors, e.g. "read snapshot /tmp/a.json".
    explicit SnapshotSax(std::string operation);

    // The interface nlohmann::json::sax_parse calls; false stops the parse.
    bool null();
    bool boolean(bool v);
    bool number_integer(Json::number_integer_t v);
    bool number_unsigned(Json::number_unsigned_t v);
    bool number_float(Json::number_float_t v, const Json::string_t& text);
    bool string(Json::string_t& v);
    bool binary(Json::binary_t& v);
    bool start_object(std::size_t elements);
    bool key(Json::string_t& k);
    bool end_object();
    bool start_array(std::size_t elements);
    bool end_array();
    bool parse_error(std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& ex);

    /// After sax_parse: the snapshot, or why it is not one. `parsed` is what sax_parse returned.
    [[nodiscard]] Result<Snapshot> finish(bool parsed);

private:
    /// A scalar value as it came; a string is the lexer's buffer, copied once into the model.
    struct Scalar {
        enum class Type : std::uint8_t { Null, Bool, Integer, Unsigned, Float, String } type;
        bool boolean = false;
        std::int64_t integer = 0;
        std::uint64_t unsignedInteger = 0;
        double floating = 0;
        std::string* text = nullptr;
    };

    bool scalar(Scalar v);
    bool documentField(Scalar& v);
    bool processField(Scalar& v);
    bool errorField(Scalar& v);
    bool handleField(Scalar& v);
    bool objectField(Scalar& v);
    bool socketField(Scalar& v);
    bool extra(Scalar& v);
    bool open(bool array);
    bool endProcess();
    bool endDocument();
    void endHandle();

    // Conversions of a field's value; on a wrong type they record the error and return false.
    bool toInt(const Scalar& v, std::int64_t& out);
    bool toUint(const Scalar& v, std::uint64_t& out, std::uint64_t most = UINT64_MAX);
    bool toBool(const Scalar& v, bool& out);
    bool toString(Scalar& v, std::string& out);
    bool toMs(const Scalar& v, std::chrono::system_clock::time_point& out);

    /// Records "FIELD (where) is FOUND, expected EXPECTED" and returns false.
    bool typeError(std::string_view found, std::string_view expected);
    bool documentError(std::string cause);
    [[nodiscard]] std::string where() const;
    [[nodiscard]] static std::string describe(const Scalar& v);

    std::string m_operation;
    Snapshot m_snapshot;
    std::vector<Frame> m_frames{Frame::Top};
    std::size_t m_skipDepth = 0; ///< inside a value of a field we do not know
    Key m_key{};
    std::string_view m_keyName;  ///< the current known key, for errors
    std::string m_extraKey;      ///< the current key of "extras"
    std::vector<std::string> m_documentKeys; ///< a few top-level keys, to say what a non-snapshot holds
    bool m_sawSchema = false;
    bool m_sawProcesses = false;
    bool m_sawPid = false;
    bool m_sawHandles = false;
    bool m_errorHasPid = false;
    std::size_t m_handleIndex = 0;
    // The handle being read: open_flags 0 means "not read" unless `flags` names them.
    std::uint64_t m_openFlags = 0;
    std::size_t m_flagNames = 0;
    SocketInfo m_socket;
    bool m_hasSocket = false;
    std::optional<Error> m_error;
};

} // namespace hs::json::detail
