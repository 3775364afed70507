// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/duplicate.h"

#include <QMetaType>

// A duplicate's steps travel from the write thread to the window, the dialog and the map
// as queued signals. Every header with a signal or slot taking one includes this, so the
// declaration comes before any use (moc compiles them all into one file).
Q_DECLARE_METATYPE(hs::DuplicateProgress)
