// Sizes as the tag table and the diff tables write them: QLocale's units from 1 KiB up,
// and below that a counted "byte(s)" (QLocale would say "1 bytes"), read through Lading's
// English plural forms.

#include "tagtabletext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestTagTableText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizes()
    {
        QTranslator english;
        QVERIFY2(english.load(QStringLiteral(LADING_EN_QM)), LADING_EN_QM);
        QCoreApplication::installTranslator(&english);
        QCOMPARE(TagTableText::size(1), u"1 byte"_s);
        QCOMPARE(TagTableText::size(1023), u"1023 bytes"_s);
        QCoreApplication::removeTranslator(&english);
        QCOMPARE(TagTableText::size(2048), QLocale().formattedDataSize(2048, 1));
        QVERIFY(TagTableText::size(-1).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTagTableText)
#include "tst_tagtabletext.moc"
