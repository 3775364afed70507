// SPDX-License-Identifier: MIT
// The app's language follows the system locale. ctest runs this test twice: the French
// functions under LANG=fr_FR.UTF-8 and the English ones under LANG=C (tests/gui/CMakeLists.txt),
// each after installTranslations(), the same call the app's main() makes. Every function
// first checks the locale it was run under, so a run with the wrong LANG fails instead of
// passing on English source texts.
#include "dialogs/duplicatedialog.h"
#include "dup/risk.h"
#include "i18n/translations.h"
#include "learn/explainview.h"
#include "models/handlemodel.h"
#include "models/handleproxymodel.h"
#include "models/processmodel.h"
#include "resources.h"
#include "util/vocabulary.h"
#include "widgets/mainwindow.h"

#include "handlescope/inspect.h"
#include "handlescope/model.h"

#include "synthetic.h"
#include "tables.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

#include <memory>
#include <string>

using namespace hs::ui;

namespace {

QStringList menuTitles(const MainWindow& window)
{
    QStringList titles;
    for (const QAction* a : window.menuBar()->actions())
        titles << a->text();
    return titles;
}

QString actionText(const MainWindow& window, const char* objectName)
{
    const auto* action = window.findChild<QAction*>(QString::fromLatin1(objectName));
    return action ? action->text() : QStringLiteral("<no action %1>").arg(QString::fromLatin1(objectName));
}

/// A duplicate dialog over a made-up source, opened from the main window as the app does.
std::unique_ptr<DuplicateDialog> openDuplicate(MainWindow* window)
{
    const hs::ProcessInfo source = hs::test::makeProcess(4242, 100, 3, "editor");
    const hs::HandleInfo handle = hs::test::makeHandle(7, 99);
    auto dialog = std::make_unique<DuplicateDialog>(source, handle, std::vector{hs::test::makeProcess(4343)},
                                                    RiskContext{}, window);
    dialog->show();
    return dialog;
}

QStringList buttonTexts(const QDialog& dialog)
{
    QStringList texts;
    for (const QPushButton* b : dialog.findChild<QDialogButtonBox*>()->findChildren<QPushButton*>())
        texts << b->text();
    return texts;
}

} // namespace

class TestTranslation : public QObject {
    Q_OBJECT

    LoadedTranslations m_loaded;
    std::unique_ptr<MainWindow> m_window;

    bool isFrench() const { return QLocale::system().language() == QLocale::French; }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        initResources();
        m_loaded = installTranslations();
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() { m_window.reset(); }

    // --- run under LANG=fr_FR.UTF-8 ---

    void frenchCatalogueLoaded()
    {
        QVERIFY2(isFrench(), "run under LANG=fr_FR.UTF-8 (ctest gui.tst_translation_fr sets it)");
        QCOMPARE(m_loaded.app, QStringLiteral(":/i18n/handlescope_fr.qm"));
        // Qt's own, when the system has them (qt6-translations-l10n, in install-deps.sh).
        const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_fr.qm");
        QCOMPARE(m_loaded.qt, QFile::exists(qtbase) ? qtbase : QString());
    }

    void frenchMenus()
    {
        QVERIFY(isFrench());
        QCOMPARE(menuTitles(*m_window),
                 (QStringList{QStringLiteral("&Fichier"), QStringLiteral("&Édition"), QStringLiteral("Aff&ichage"),
                              QStringLiteral("&Handle"), QStringLiteral("&Aide")}));
        QCOMPARE(actionText(*m_window, "actionRefresh"), QStringLiteral("&Actualiser"));
        QCOMPARE(actionText(*m_window, "actionDuplicate"), QStringLiteral("&Dupliquer le handle…"));
        QCOMPARE(actionText(*m_window, "actionCloseHandle"), QStringLiteral("&Fermer le handle dans le processus…"));
        QCOMPARE(actionText(*m_window, "actionProcessTree"), QStringLiteral("&Arborescence des processus"));
        QCOMPARE(actionText(*m_window, "actionKernelThreads"), QStringLiteral("Afficher les threads du &noyau"));
        QCOMPARE(m_window->processModel()->headerData(ProcessModel::UserColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Utilisateur"));
    }

    void frenchDuplicateDialog()
    {
        QVERIFY(isFrench());
        const auto dialog = openDuplicate(m_window.get());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Dupliquer le handle"));
        const QStringList buttons = buttonTexts(*dialog);
        QVERIFY2(buttons.contains(QStringLiteral("&Dupliquer")), qPrintable(buttons.join(QLatin1Char('|'))));
        // Qt's own "Close" button comes from qtbase_fr (qt6-translations-l10n, in install-deps.sh).
        if (m_loaded.qt.isEmpty())
            QWARN("qtbase_fr.qm not found: Qt's standard buttons stay English");
        else
            QVERIFY2(buttons.contains(QStringLiteral("&Fermer")) || buttons.contains(QStringLiteral("Fermer")),
                     qPrintable(buttons.join(QLatin1Char('|'))));
    }

    // The Explain pane and the dialog's Explain tab speak French; the code stays C.
    void frenchExplainPane()
    {
        QVERIFY(isFrench());
        const auto dialog = openDuplicate(m_window.get());
        auto* tabs = dialog->findChild<QTabWidget*>(QStringLiteral("previewTabs"));
        QVERIFY(tabs);
        auto tabOf = [&](const char* name) { return tabs->indexOf(tabs->findChild<QWidget*>(QLatin1String(name))); };
        QCOMPARE(tabs->tabText(tabOf("mapArea")), QStringLiteral("Carte"));
        QCOMPARE(tabs->tabText(tabOf("preview")), QStringLiteral("Aperçu"));
        QCOMPARE(tabs->tabText(tabOf("explainView")), QStringLiteral("Explications"));
        ExplainView view(nullptr, ExplainPlatform::Linux);
        hs::HandleInfo handle = hs::test::makeHandle(7, 99);
        handle.access = hs::AccessMode::ReadWrite;
        handle.inheritable = false;
        view.showHandle(hs::test::makeProcess(4242, 100, 3, "editor"), handle);
        const QString text = view.explanationText();
        QVERIFY2(text.contains(QStringLiteral("Ouvert en lecture et écriture (O_RDWR).")), qPrintable(text));
        // toPlainText() turns the no-break space before the colon into a space.
        QVERIFY2(text.contains(QStringLiteral("Héritable : non (FD_CLOEXEC est mis).")), qPrintable(text));
        const QString code = view.codeText();
        QVERIFY2(code.contains(QStringLiteral("// un nouveau numéro dans ce programme, avec FD_CLOEXEC mis")),
                 qPrintable(code));
        QVERIFY2(code.contains(QStringLiteral("\nint fd = pidfd_getfd(pidfd, 7, 0);\n")), qPrintable(code));
        auto* copy = view.findChild<QPushButton*>(QStringLiteral("copyExplainCode"));
        QCOMPARE(copy->text(), QStringLiteral("&Copier le code"));
    }

    void frenchRisks()
    {
        QVERIFY(isFrench());
        hs::ProcessInfo init = hs::test::makeProcess(1);
        QCOMPARE(duplicateRisks(init, RiskContext{}), QStringList{QStringLiteral("La cible est le processus init (PID 1).")});
    }

    // Every word the core shows people has a French entry: a word added to or changed in the
    // core without one would show in English in a French window.
    void frenchCoreVocabularyComplete()
    {
        QVERIFY(isFrench());
        QTranslator catalogue;
        QVERIFY(catalogue.load(QStringLiteral(":/i18n/handlescope_fr.qm")));
        QStringList missing;
        const auto check = [&](std::string_view english) {
            const std::string key(english);
            if (catalogue.translate(VocabularyContext, key.c_str()).isEmpty())
                missing << QString::fromStdString(key);
        };
        for (int k = 0; k < hs::HandleKindCount; ++k)
            check(hs::displayName(static_cast<hs::HandleKind>(k)));
        for (auto state : {hs::ProcessState::Running, hs::ProcessState::Sleeping, hs::ProcessState::DiskSleep,
                           hs::ProcessState::Stopped, hs::ProcessState::Traced, hs::ProcessState::Zombie,
                           hs::ProcessState::Dead, hs::ProcessState::Idle, hs::ProcessState::KernelThread,
                           hs::ProcessState::Unknown})
            check(hs::toString(state));
        const hs::PlatformInfo platform = hs::platformInfo();
        check(platform.handleWord);
        check(platform.privilegeHint);
        check("yes");
        check("no");
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(" | "))));
        QCOMPARE(kindName(hs::HandleKind::RegularFile), QStringLiteral("Fichier ordinaire"));
        QCOMPARE(stateText(hs::ProcessState::Sleeping), QStringLiteral("en sommeil"));
        QCOMPARE(handleWord(), QStringLiteral("descripteur"));
        QCOMPARE(MainWindow::tr("%n handle(s)", nullptr, 1), QStringLiteral("1 handle"));
        QCOMPARE(MainWindow::tr("%n handle(s)", nullptr, 2), QStringLiteral("2 handles"));
    }

    // The handle filter finds a kind by its French name, and still by its English one.
    void frenchHandleFilter()
    {
        QVERIFY(isFrench());
        HandleModel model;
        HandleProxyModel proxy;
        proxy.setSourceModel(&model);
        hs::test::showHandles(model, {1, 1},
                              {hs::test::makeHandle(3, 1), hs::test::makeHandle(4, 2, hs::HandleKind::Fifo, "pipe:[2]"),
                               hs::test::makeHandle(5, 3, hs::HandleKind::Directory, "/srv")});
        QCOMPARE(proxy.index(2, HandleModel::TypeColumn).data().toString(), QStringLiteral("Répertoire"));
        proxy.setTextFilter(QStringLiteral("répertoire"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, HandleModel::ValueColumn).data().toString(), QStringLiteral("5"));
        proxy.setTextFilter(QStringLiteral("Directory"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setTextFilter(QStringLiteral("ordinaire"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, HandleModel::ValueColumn).data().toString(), QStringLiteral("3"));
    }

    // --- run under LANG=C ---

    void englishNothingLoaded()
    {
        QVERIFY2(!isFrench(), "run under LANG=C (ctest gui.tst_translation_c sets it)");
        QCOMPARE(m_loaded.app, QString());
        QCOMPARE(m_loaded.qt, QString());
    }

    void englishMenus()
    {
        QVERIFY(!isFrench());
        QCOMPARE(menuTitles(*m_window),
                 (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&View"),
                              QStringLiteral("&Handle"), QStringLiteral("&Help")}));
        QCOMPARE(actionText(*m_window, "actionRefresh"), QStringLiteral("&Refresh"));
        QCOMPARE(actionText(*m_window, "actionDuplicate"), QStringLiteral("&Duplicate Handle…"));
        QCOMPARE(m_window->processModel()->headerData(ProcessModel::UserColumn, Qt::Horizontal).toString(),
                 QStringLiteral("User"));
        QCOMPARE(kindName(hs::HandleKind::RegularFile), QStringLiteral("Regular file"));
        // The English catalogue gives %n its plural forms.
        QCOMPARE(MainWindow::tr("%n process(es)", nullptr, 1), QStringLiteral("1 process"));
        QCOMPARE(MainWindow::tr("%n process(es)", nullptr, 2), QStringLiteral("2 processes"));
        QCOMPARE(handleWord(), QString::fromStdString(hs::platformInfo().handleWord));
    }

    void englishDuplicateDialog()
    {
        QVERIFY(!isFrench());
        const auto dialog = openDuplicate(m_window.get());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Duplicate handle"));
        const QStringList buttons = buttonTexts(*dialog);
        QVERIFY2(buttons.contains(QStringLiteral("&Duplicate")), qPrintable(buttons.join(QLatin1Char('|'))));
        QVERIFY2(buttons.contains(QStringLiteral("&Close")) || buttons.contains(QStringLiteral("Close")),
                 qPrintable(buttons.join(QLatin1Char('|'))));
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
