// SPDX-License-Identifier: MIT
// Dialogs and helpers with hand-built data: CSV/JSON export, risk rules, the find
// dialog, the duplicate dialog's picker, preview and confirmation.
#include "synthetic.h"

#include "dialogs/duplicatedialog.h"
#include "dialogs/finddialog.h"
#include "dup/risk.h"
#include "models/handlemodel.h"
#include "util/tableexport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace hs::ui;
using hs::test::makeHandle;
using hs::test::makeProcess;

class TestWidgets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
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
        const auto json = QJsonDocument::fromJson(modelToJson(model)).array();
        QCOMPARE(json.size(), 1);
        QCOMPARE(json[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("/tmp/a,b"));
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
        auto snapshot = std::make_shared<hs::Snapshot>(hs::test::makeSnapshot(4, 40));
        snapshot->processes[2].handles[3].name = "/var/log/special.log";
        FindDialog dialog;
        dialog.setSnapshot(snapshot);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.textEdit(), QStringLiteral("special"));
        QTest::keyClick(dialog.textEdit(), Qt::Key_Return);
        QCOMPARE(dialog.results()->rowCount(), 1);
        QCOMPARE(dialog.results()->item(0, 1)->data(Qt::DisplayRole).toLongLong(), 102);

        QSignalSpy jump(&dialog, &FindDialog::jumpRequested);
        const QRect cell = dialog.results()->visualItemRect(dialog.results()->item(0, 0));
        QTest::mouseClick(dialog.results()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(dialog.results()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(jump.count(), 1);
        QCOMPARE(jump[0][0].toLongLong(), 102);
        QCOMPARE(jump[0][1].toLongLong(), 3);

        dialog.textEdit()->setText(QStringLiteral("socket:\\[\\d+"));
        dialog.regexBox()->setChecked(true);
        dialog.find();
        QCOMPARE(dialog.results()->rowCount(), 8); // every 5th handle of 10 per process
        dialog.textEdit()->setText(QStringLiteral("([unclosed"));
        dialog.find();
        QCOMPARE(dialog.results()->rowCount(), 0);
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
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
