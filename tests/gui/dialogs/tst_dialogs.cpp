// SPDX-License-Identifier: MIT
// ui/dialogs (and the helpers they use) with hand-built data: CSV export, risk rules, the
// find dialog through a Reader, the duplicate dialog's picker, preview and confirmation.
#include "synthetic.h"

#include "dialogs/duplicatedialog.h"
#include "dialogs/finddialog.h"
#include "dup/risk.h"
#include "i18n/translations.h"
#include "window/windowcontroller.h"
#include "models/hitmodel.h"
#include "reader/reader.h"
#include "util/tableexport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <atomic>

using namespace hs::ui;
using hs::test::makeHandle;
using hs::test::makeProcess;

class TestDialogs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        // English whatever the caller's locale: the texts below are checked as the English
        // window shows them, plural forms included ("40 handles").
        installTranslations(QLocale(QLocale::English));
    }

    void csvEscaping()
    {
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QStandardItemModel model(1, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("Value"), QStringLiteral("Name")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("3")));
        model.setItem(0, 1, new QStandardItem(QStringLiteral("/tmp/a,b")));
        QCOMPARE(modelToCsv(model), QStringLiteral("Value,Name\r\n3,\"/tmp/a,b\"\r\n"));
    }

    void riskRules()
    {
        RiskContext ctx{.selfPid = 500, .selfUid = 1000, .closeSource = false};
        QVERIFY(duplicateRisks(makeProcess(600), ctx).isEmpty());
        QCOMPARE(duplicateRisks(makeProcess(500), ctx).size(), 1); // the tool itself
        QCOMPARE(duplicateRisks(makeProcess(1), ctx).size(), 1);
        auto other = makeProcess(700);
        other.uid = 0;
        other.user = "root";
        QVERIFY(duplicateRisks(other, ctx).join(QLatin1Char(' ')).contains(QStringLiteral("root")));
        QVERIFY(isDisplayServer(makeProcess(800, 1, 1, "Xorg")));
        ctx.closeSource = true;
        QCOMPARE(duplicateRisks(makeProcess(600), ctx).size(), 1);
    }

    void findDialogSearchesAndJumps()
    {
        auto machine = hs::test::makeSnapshot(4, 40);
        machine.processes[2].handles[3].name = "/var/log/special.log";
        Reader reader(QThread::NormalPriority);
        std::atomic<int> reads = 0;
        Reader::Sources sources;
        sources.snapshot = [&machine, &reads](const hs::CancelToken&) {
            ++reads;
            return hs::Result<hs::Snapshot>(machine);
        };
        reader.setSources(sources);
        FindDialog dialog(&reader);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy searched(&dialog, &FindDialog::searched);
        QTest::keyClicks(dialog.textEdit(), QStringLiteral("special"));
        QTest::keyClick(dialog.textEdit(), Qt::Key_Return);
        QVERIFY(dialog.isSearching());
        QVERIFY(searched.wait(10000));
        QVERIFY(!dialog.isSearching());
        const QAbstractItemModel* results = dialog.results()->model();
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(results->index(0, HitModel::ProcessColumn).data().toString(), QStringLiteral("proc102"));
        QCOMPARE(results->index(0, HitModel::PidColumn).data().toLongLong(), 102);
        QCOMPARE(results->index(0, HitModel::HandleColumn).data().toLongLong(), 3);
        QCOMPARE(results->index(0, HitModel::TypeColumn).data().toString(), QStringLiteral("Regular file"));
        QCOMPARE(results->index(0, HitModel::NameColumn).data().toString(), QStringLiteral("/var/log/special.log"));
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("Searched 40 handles of 4 processes")),
                 qPrintable(dialog.statusLabel()->text()));

        QSignalSpy jump(&dialog, &FindDialog::jumpRequested);
        const QRect cell = dialog.results()->visualRect(results->index(0, 0));
        QTest::mouseClick(dialog.results()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(dialog.results()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(jump.count(), 1);
        QCOMPARE(jump[0][0].toLongLong(), 102);
        QCOMPARE(jump[0][1].toLongLong(), 3);

        dialog.textEdit()->setText(QStringLiteral("socket:\\[\\d+"));
        dialog.regexBox()->setChecked(true);
        dialog.find();
        QVERIFY(searched.wait(10000));
        QCOMPARE(results->rowCount(), 8); // every 5th handle of 10 per process
        // Sorting by PID, descending, by clicking the header twice: numbers, not text.
        dialog.results()->sortByColumn(HitModel::PidColumn, Qt::DescendingOrder);
        QCOMPARE(results->index(0, HitModel::PidColumn).data().toLongLong(), 103);
        QCOMPARE(results->index(7, HitModel::PidColumn).data().toLongLong(), 100);
        QCOMPARE(reads.load(), 2); // each search reads the machine: nothing is kept between them
        // A bad expression is refused before the machine is read.
        dialog.textEdit()->setText(QStringLiteral("([unclosed"));
        dialog.find();
        QVERIFY(!dialog.isSearching());
        QCOMPARE(results->rowCount(), 0);
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("Invalid")));
    }

    void duplicateDialogPickerPreviewAndConfirmation()
    {
        const auto source = makeProcess(200, 1, 3, "server");
        const auto handle = makeHandle(7, 42);
        std::vector<hs::ProcessInfo> targets{makeProcess(1, 1, 3, "init"), makeProcess(200, 1, 3, "server"),
                                             makeProcess(300, 1, 3, "client"), makeProcess(400, 1, 3, "handlescope")};
        DuplicateDialog::rememberTarget(QStringLiteral("client"));
        DuplicateDialog dialog(source, handle, targets, RiskContext{.selfPid = 400, .selfUid = 1000});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* list = dialog.findChild<QTableView*>(QStringLiteral("targetList"));
        QVERIFY(list);
        // Recent target first, then HandleScope itself and the source.
        QCOMPARE(list->model()->index(0, 1).data().toString(), QStringLiteral("300"));
        auto* button = dialog.findChild<QPushButton*>(QStringLiteral("duplicateButton"));
        QVERIFY(!button->isEnabled()); // no target yet

        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("targetSearch")), QStringLiteral("init"));
        QCOMPARE(list->model()->rowCount(), 1);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
        QCOMPARE(dialog.target()->pid, 1);
        QVERIFY(button->isEnabled());
        const QString preview = dialog.previewText();
        QVERIFY2(preview.contains(QStringLiteral("200")) && preview.contains(QStringLiteral("7")), qPrintable(preview));
        dialog.findChild<QCheckBox*>(QStringLiteral("closeSource"))->setChecked(true);
        QVERIFY(dialog.options().closeSource);
        QVERIFY2(dialog.previewText() != preview, "the preview follows the options");

        QStringList asked;
        dialog.setConfirm([&asked](QWidget*, const QStringList& risks) {
            asked = risks;
            return false; // the user says no
        });
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(asked.size(), 2); // close source + PID 1
        QVERIFY(!dialog.isRunning());
        QVERIFY(!dialog.newHandle());
        QCOMPARE(DuplicateDialog::recentTargets().value(0), QStringLiteral("client")); // not run: not remembered

        // Confirmed: the dialog asks for the duplicate (its owner runs it) and shows the outcome.
        QSignalSpy requested(&dialog, &DuplicateDialog::duplicateRequested);
        dialog.setConfirm([](QWidget*, const QStringList&) { return true; });
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested[0][0].toLongLong(), 1);
        QVERIFY(dialog.isRunning());
        DuplicateOutcome failed{200, 7, 1, hs::fail(hs::Error{.operation = "duplicate handle", .pid = 1, .osName = "EPERM"}), {}};
        dialog.finish(failed);
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.errorText().contains(QStringLiteral("EPERM")), qPrintable(dialog.errorText()));
        QTest::mouseClick(button, Qt::LeftButton);
        DuplicateOutcome other{200, 8, 1, hs::DuplicateResult{.newHandle = 9}, {}}; // another handle's
        dialog.finish(other);
        QVERIFY(dialog.isRunning());
        DuplicateOutcome done{200, 7, 1, hs::DuplicateResult{.newHandle = 12}, {}};
        dialog.finish(done);
        QVERIFY(!dialog.isRunning());
        QCOMPARE(dialog.newHandle(), std::optional<hs::HandleValue>(12));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("newHandleLabel"))->text(), QStringLiteral("12"));
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
