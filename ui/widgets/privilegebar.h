// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>
#include <QProcessEnvironment>
#include <QStringList>

#include <functional>

class QLabel;
class QPushButton;

namespace hs::ui {

/// The bar at the top of the window for an ordinary user (KMessageWidget's place): says
/// how many processes could not be read, so their handles are hidden, and offers
/// "Restart as administrator", which runs the app again through pkexec and closes this one.
class PrivilegeBar : public QFrame {
    Q_OBJECT
public:
    /// Starts a program detached; true if it started. Tests replace it: nothing runs.
    using Launcher = std::function<bool(const QString& program, const QStringList& arguments)>;

    explicit PrivilegeBar(QWidget* parent = nullptr);

    /// Shown when `hidden` processes could not be read and we are not root already.
    void showFor(int hidden, bool administrator);
    [[nodiscard]] int hiddenCount() const { return m_hidden; }

    /// pkexec and its arguments, for the running binary (see restartCommandFor).
    [[nodiscard]] QStringList restartCommand() const;
    /// The installed binary that the package's polkit action names (`policyExecPath`)
    /// runs as `pkexec PATH`: that action keeps the display and the authentication for a
    /// while. Any other binary (a build folder) is not covered by the action, so pkexec's
    /// generic one runs it, which clears the environment: `env` passes the display on.
    [[nodiscard]] static QStringList restartCommandFor(const QString& running, const QString& policyExecPath,
                                                       const QProcessEnvironment& environment);
    /// The org.freedesktop.policykit.exec.path of the action in `policyFile`, "" if none.
    [[nodiscard]] static QString policyExecPath(const QString& policyFile);

    void setLauncher(Launcher launcher) { m_launch = std::move(launcher); }
    [[nodiscard]] QLabel* messageLabel() const { return m_label; }
    [[nodiscard]] QPushButton* restartButton() const { return m_restart; }

Q_SIGNALS:
    /// The administrator's copy has started: the window may close.
    void restarted();

private:
    void restart();

    QLabel* m_icon;
    QLabel* m_label;
    QPushButton* m_restart;
    Launcher m_launch;
    int m_hidden = 0;
    QStringList m_command; ///< restartCommand(), for the tooltip
};

} // namespace hs::ui
