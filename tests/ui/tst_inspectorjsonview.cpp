// InspectorJsonView and InspectorJsonPane: the raw bytes shown exactly, the pretty
// re-indent on request, digests as links (click, Enter, not on a drag), long raw lines
// wrapped.

#include "inspectorjsonview.h"
#include "jsonformat.h"

#include "oci/core/digest.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

QString digestOf(const char *label)
{
    return oci::Digest::sha256Of(QByteArray(label)).toString();
}

QByteArray compactManifest()
{
    return "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/"
           "vnd.oci.image.config.v1+json\","
           "\"digest\":\"" +
           digestOf("config").toUtf8() +
           "\",\"size\":7},\"layers\":[{\"mediaType\":"
           "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" +
           digestOf("layer").toUtf8() + "\",\"size\":9}],\"annotations\":{\"ref\":\"host/repo@" +
           digestOf("ref").toUtf8() + "\"}}";
}

} // namespace

class TestInspectorJsonView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rawIsExactPrettyIsIndented()
    {
        InspectorJsonView view;
        // Bytes as a registry may send them: tabs, CRLF-free odd spacing, non-ASCII.
        const QByteArray bytes = "{\n\t\"a\" :  [1,2],\n\t\"name\": \"caf\xc3\xa9\"\n}";
        view.setJson(bytes);
        QCOMPARE(view.mode(), InspectorJsonView::Mode::Raw);
        QCOMPARE(view.toPlainText().toUtf8(), bytes);
        QCOMPARE(view.json(), bytes);
        view.setMode(InspectorJsonView::Mode::Pretty);
        QCOMPARE(view.toPlainText(), indentJson(bytes));
        QVERIFY(view.toPlainText() != QString::fromUtf8(bytes));
        view.setMode(InspectorJsonView::Mode::Raw);
        QCOMPARE(view.toPlainText().toUtf8(), bytes);
        QVERIFY(view.isReadOnly());
        QVERIFY(QFontInfo(view.font()).fixedPitch());
    }

    void longRawLinesWrap()
    {
        InspectorJsonView view;
        view.resize(400, 300);
        view.setJson(compactManifest());
        QCOMPARE(view.lineWrapMode(), QPlainTextEdit::WidgetWidth);
        view.setMode(InspectorJsonView::Mode::Pretty);
        QCOMPARE(view.lineWrapMode(), QPlainTextEdit::NoWrap);
        view.setJson("{\n  \"short\": 1\n}\n");
        view.setMode(InspectorJsonView::Mode::Raw);
        QCOMPARE(view.lineWrapMode(), QPlainTextEdit::NoWrap);
    }

    void digestsAreLinks()
    {
        InspectorJsonView view;
        view.resize(700, 500);
        view.setJson(compactManifest());
        view.setMode(InspectorJsonView::Mode::Pretty);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy activated(&view, &InspectorJsonView::digestActivated);

        const QRect layer = view.digestRect(digestOf("layer"));
        QVERIFY(!layer.isEmpty());
        QCOMPARE(view.digestAt(layer.center()), digestOf("layer"));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, layer.center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), digestOf("layer"));

        // Inside a reference string ("host/repo@sha256:…") too.
        const QRect ref = view.digestRect(digestOf("ref"));
        QVERIFY(!ref.isEmpty());
        QCOMPARE(view.digestAt(ref.center()), digestOf("ref"));

        // Not a link: a key, and the empty space right of a line.
        const QRect key = view.digestRect(u"schemaVersion"_s);
        QVERIFY(view.digestAt(key.center()).isEmpty());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, key.center());
        QCOMPARE(activated.size(), 1);

        // A drag over a digest selects text and opens nothing.
        const QRect config = view.digestRect(digestOf("config"));
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, config.topLeft() + QPoint(2, 2));
        QMouseEvent move(QEvent::MouseMove, QPointF(config.center() + QPoint(30, 0)),
                         view.viewport()->mapToGlobal(QPointF(config.center() + QPoint(30, 0))),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &move);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, config.center() + QPoint(30, 0));
        QVERIFY(view.textCursor().hasSelection());
        QCOMPARE(activated.size(), 1);

        // Enter with the cursor on a digest opens it.
        QTextCursor cursor = view.cursorForPosition(config.center());
        view.setTextCursor(cursor);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), digestOf("config"));
    }

    void paneToggles()
    {
        InspectorJsonPane pane;
        const QByteArray bytes = compactManifest();
        pane.setJson(bytes);
        auto *raw = pane.findChild<QToolButton *>(u"rawButton"_s);
        auto *pretty = pane.findChild<QToolButton *>(u"prettyButton"_s);
        QVERIFY(raw && pretty);
        QVERIFY(raw->isChecked());
        QCOMPARE(pane.view()->toPlainText().toUtf8(), bytes);
        pretty->click();
        QCOMPARE(pane.view()->mode(), InspectorJsonView::Mode::Pretty);
        QCOMPARE(pane.view()->toPlainText(), indentJson(bytes));
        raw->click();
        QCOMPARE(pane.view()->toPlainText().toUtf8(), bytes);
        pane.setMode(InspectorJsonView::Mode::Pretty);
        QVERIFY(pretty->isChecked());
    }
};

QTEST_MAIN(TestInspectorJsonView)
#include "tst_inspectorjsonview.moc"
