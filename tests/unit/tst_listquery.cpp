// List pages and If-Match: cursors round-trip and nothing else is taken for one; If-Match compares strongly and
// a claim moves a row's version only from a version it accepts.
#include "api/listquery.h"
#include "api/rowversion.h"
#include "core/config.h"
#include "storage/database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace intervox;

namespace {
QUrlQuery query(const QString &text) { return QUrlQuery(text); }

ErrorCode codeOf(const std::function<void()> &fn)
{
    try {
        fn();
    } catch (const ApiException &e) {
        return e.error.code;
    }
    return ErrorCode::Internal; // "no error" is never expected where this is used
}

HttpRequest withIfMatch(const QByteArray &value)
{
    HttpRequest r;
    r.headers = {{"if-match", value}};
    return r;
}
} // namespace

class TestListQuery : public QObject
{
    Q_OBJECT

private slots:
    void aCursorContinuesAfterTheIdItWasMadeFrom()
    {
        const QString cursor = PageRequest::cursorAfter(4711);
        const PageRequest page = PageRequest::fromQuery(query(QStringLiteral("limit=20&cursor=") + cursor));
        QCOMPARE(page.limit(), 20);
        QCOMPARE(page.binds(), (QVariantList{qint64(4711), 21}));
    }

    void withoutParametersAPageHoldsFiftyFromTheNewest()
    {
        const PageRequest page = PageRequest::fromQuery(query(QString()));
        QCOMPARE(page.limit(), 50);
        QCOMPARE(page.binds().at(0).toLongLong(), std::numeric_limits<qint64>::max());
    }

    void cutDropsTheExtraRowAndPointsAfterTheLastKeptOne()
    {
        const PageRequest page = PageRequest::fromQuery(query(QStringLiteral("limit=2")));
        QJsonArray items{QJsonObject{{"id", 9}}, QJsonObject{{"id", 7}}, QJsonObject{{"id", 3}}};
        QCOMPARE(page.cut(items), QJsonValue(PageRequest::cursorAfter(7)));
        QCOMPARE(items.size(), 2);
        QCOMPARE(page.cut(items), QJsonValue(QJsonValue::Null));
    }

    void refusesBadLimitsAndForeignCursors_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad : {"limit=0", "limit=201", "limit=-1", "limit=x", "limit=1.5", "cursor=abc!", "cursor=MA" /* "0" */,
                                "cursor=MTI%3D" /* padded */, "cursor=LTE" /* "-1" */, "cursor=MDEy" /* "012" */, "cursor=%00"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void refusesBadLimitsAndForeignCursors()
    {
        QFETCH(QString, text);
        QCOMPARE(codeOf([&] { PageRequest::fromQuery(query(text)); }), ErrorCode::BadRequest);
    }

    void ifMatchComparesStrongly()
    {
        QVERIFY(IfMatch::fromRequest(HttpRequest{}, 5).accepts(1));
        QVERIFY(IfMatch::fromRequest(withIfMatch("*"), 5).accepts(9));
        QVERIFY(IfMatch::fromRequest(withIfMatch(etag(5, 3)), 5).accepts(3));
        QVERIFY(!IfMatch::fromRequest(withIfMatch(etag(5, 3)), 5).accepts(4));
        QVERIFY(!IfMatch::fromRequest(withIfMatch("W/" + etag(5, 3)), 5).accepts(3));
        QVERIFY(!IfMatch::fromRequest(withIfMatch(etag(6, 3)), 5).accepts(3));
        QVERIFY(IfMatch::fromRequest(withIfMatch("\"x\", " + etag(5, 2) + ", " + etag(5, 3)), 5).accepts(3));
    }

    void aClaimMovesTheVersionOnlyFromAnAcceptedOne()
    {
        QTemporaryDir dir;
        QString error;
        Database db;
        QVERIFY2(db.open(*Config::load({}, {{"data_dir", dir.path()}}, &error), &error), qPrintable(error));
        QVERIFY2(db.migrate(&error), qPrintable(error));
        const qint64 org = db.insert("INSERT INTO organizations (name, created_at) VALUES ('o', 0)", {});
        const qint64 other = db.insert("INSERT INTO organizations (name, created_at) VALUES ('p', 0)", {});
        const qint64 id = db.insert("INSERT INTO candidates (org_id, name, email, created_at) VALUES (?, 'n', 'n@example.com', 0)", {org});
        auto version = [&] { return db.scalar("SELECT version FROM candidates WHERE id = ?", {id}).toLongLong(); };

        IfMatch::fromRequest(withIfMatch(etag(id, 1)), id).claim(&db, "candidates", org, id, "candidate");
        QCOMPARE(version(), 2);
        QCOMPARE(codeOf([&] { IfMatch::fromRequest(withIfMatch(etag(id, 1)), id).claim(&db, "candidates", org, id, "candidate"); }),
                 ErrorCode::PreconditionFailed);
        QCOMPARE(codeOf([&] { IfMatch::fromRequest(withIfMatch(etag(id, 2)), id).claim(&db, "candidates", other, id, "candidate"); }),
                 ErrorCode::NotFound);
        QCOMPARE(version(), 2);
        IfMatch::fromRequest(HttpRequest{}, id).claim(&db, "candidates", org, id, "candidate");
        QCOMPARE(version(), 3);
        db.close();
    }
};

QTEST_GUILESS_MAIN(TestListQuery)
#include "tst_listquery.moc"
