// SPDX-License-Identifier: MIT
#pragma once

#include "handlescope/inspect.h"
#include "handlescope/model.h"

#include <QString>

#include <string_view>

namespace hs::ui {

/// The core's words for people (handle kinds, process states, "fd", the privilege hint),
/// in the user's language. The core has no Qt and stays English, and its words stay the
/// single source: they are looked up as they are in the translation catalogue, so a word
/// the catalogue does not know shows in English (tst_translation checks none is missing).
QString translatedCoreWord(std::string_view english);

QString kindName(hs::HandleKind kind);            ///< "Regular file" -> "Fichier ordinaire"
QString typeText(const hs::HandleInfo& handle);   ///< hs::describeType, translated
QString stateText(hs::ProcessState state);        ///< "sleeping" -> "en sommeil"
QString inheritableText(const hs::HandleInfo& h); ///< hs::describeInheritable, translated
QString handleWord();                             ///< "fd" -> "descripteur"
QString privilegeHint();                          ///< hs::PlatformInfo::privilegeHint, translated

/// The catalogue context of these words, for tests that look them up in a translator.
inline constexpr const char* VocabularyContext = "hs::ui::Vocabulary";

} // namespace hs::ui
