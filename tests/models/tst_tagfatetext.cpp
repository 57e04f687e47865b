// A plan's reasons in the person's language: without a translation, tagFateText() says
// exactly what ladingctl prints (TagFate::reason); with Lading's German loaded, the same
// sentences in German with the same digests and tags, lists joined the German way.

#include "ops/tagfatetext.h"

#include "ops/deleteplan.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestTagFateText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void englishIsWhatTheCommandLinePrints()
    {
        const ops::TagFate fate = sharedImageFate();
        QCOMPARE(tagFateText(fate), fate.reason);
        QCOMPARE(fate.reason, u"Selected. Only the tag is removed: sha256:0123456789ab stays for "
                              "'1.1', 'stable' and 'v1'."_s);
        QCOMPARE(tagFateName(int(ops::TagFate::Fate::Protected)), u"Protected"_s);
    }

    void germanFromTheSameSentences()
    {
        QTranslator german;
        QVERIFY2(german.load(QStringLiteral(LADING_DE_QM)), LADING_DE_QM);
        QCoreApplication::installTranslator(&german);
        const ops::TagFate fate = sharedImageFate();
        const QString text = tagFateText(fate);
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(text, u"Ausgewählt. Nur der Tag wird entfernt: sha256:0123456789ab bleibt für "
                       "'1.1', 'stable' und 'v1'."_s);
    }

    void argumentsAreNotReadAsPlaceholders()
    {
        // A keep pattern may contain "%1": it is put in once, not filled again.
        ops::TagFate fate;
        fate.say({ops::TagReason::Why::KeptByPattern, {{u"'v%1.%2'"_s}}});
        QCOMPARE(tagFateText(fate), u"Kept: matches the keep pattern 'v%1.%2'."_s);
        QCOMPARE(fate.reason, tagFateText(fate));
    }

private:
    static ops::TagFate sharedImageFate()
    {
        ops::TagFate fate;
        fate.fate = ops::TagFate::Fate::Deleted;
        fate.say({ops::TagReason::Why::Selected, {}});
        fate.sayAlso({ops::TagReason::Why::TagRemovedImageStaysFor,
                      {{u"sha256:0123456789ab"_s}, {u"'1.1'"_s, u"'stable'"_s, u"'v1'"_s}}});
        return fate;
    }
};

QTEST_GUILESS_MAIN(TestTagFateText)
#include "tst_tagfatetext.moc"
