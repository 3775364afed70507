// SPDX-License-Identifier: MIT
#pragma once

// The Prometheus text exposition format (version 0.0.4), which node-exporter's textfile
// collector reads: `handlescope-cli ps --format prometheus > /var/lib/node_exporter/x.prom`.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hs::cli::prometheus {

using Labels = std::vector<std::pair<std::string_view, std::string>>;

/// "# HELP name text" and "# TYPE name gauge".
void gauge(std::FILE* out, std::string_view name, std::string_view help);
/// name{label="value",...} value. Label values escaped (\\, \", \n); bytes that are not
/// UTF-8 become U+FFFD, as the format requires UTF-8.
void sample(std::FILE* out, std::string_view name, const Labels& labels, std::int64_t value);
std::string escapeLabel(std::string_view value);

} // namespace hs::cli::prometheus
