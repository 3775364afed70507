// SPDX-License-Identifier: MIT
#pragma once

#include "learn/explaintext.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace hs::ui {

/// The words of the two lessons of Learn mode, for people learning how processes share
/// objects: short, exact, HTML ready to show, with the titles of the official pages to
/// read next. The values (pids, handle numbers) are filled in by the lesson windows.
class LessonText {
    Q_DECLARE_TR_FUNCTIONS(LessonText)
public:
    explicit LessonText(ExplainPlatform platform = currentExplainPlatform())
        : m_platform(platform)
    {
    }

    /// "fd" on Linux, "handle" on Windows.
    [[nodiscard]] QString handleWord() const;

    // Lesson 1, "Duplicating a handle": the seven steps.
    [[nodiscard]] static QStringList stepTitles();
    [[nodiscard]] QString pickFile(qint64 sourcePid, qint64 value, const QString& path) const;
    [[nodiscard]] QString pickedWrong(const QString& what) const;
    [[nodiscard]] QString pickedFile(qint64 sourcePid, qint64 value) const;
    [[nodiscard]] QString pickTarget(qint64 targetPid) const;
    [[nodiscard]] QString duplicateIntro() const;
    /// Each argument of the calls, with the values of this duplicate.
    [[nodiscard]] QString duplicateArguments(qint64 sourcePid, qint64 value, qint64 targetPid) const;
    [[nodiscard]] QString seeNewHandle(qint64 sourcePid, qint64 sourceValue, qint64 targetPid, qint64 newValue) const;
    [[nodiscard]] QString tellIntro(qint64 newValue, const QString& channel) const;
    [[nodiscard]] QString targetOutputIntro() const;
    [[nodiscard]] QString variations() const;
    /// The untold copy step 7 makes on request.
    [[nodiscard]] QString leaked(qint64 targetPid, qint64 value) const;

    // Lesson 2, "Three ways to share an object".
    [[nodiscard]] static QString threeWaysIntro();
    [[nodiscard]] QString inheritance() const;
    [[nodiscard]] QString namedObject() const;
    [[nodiscard]] QString duplication() const;

    /// "Read next: <i>a</i>, <i>b</i>" (page titles are not translated).
    [[nodiscard]] static QString readNext(const QStringList& titles);

private:
    [[nodiscard]] bool windows() const { return m_platform == ExplainPlatform::Windows; }
    ExplainPlatform m_platform;
};

} // namespace hs::ui
