// SPDX-License-Identifier: MIT
#include "handlescope/error.h"

namespace hs {

std::string Error::message() const
{
    std::string out = operation.empty() ? std::string("operation") : operation;
    if (pid >= 0)
        out += " (pid " + std::to_string(pid) + (handle >= 0 ? ", handle " + std::to_string(handle) : "") + ")";
    else if (handle >= 0)
        out += " (handle " + std::to_string(handle) + ")";
    out += ": ";
    if (!osName.empty()) {
        out += osName;
        if (!osText.empty())
            out += " (" + osText + ")";
    } else if (!osText.empty()) {
        out += osText;
    } else {
        out += "failed";
    }
    if (!hint.empty())
        out += ". Hint: " + hint;
    return out;
}

} // namespace hs
