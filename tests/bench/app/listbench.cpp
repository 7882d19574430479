// The candidate list with 10,000 candidates: how long the app takes to read it from the API (all pages), to
// filter it as the recruiter types, and to sort it by a column of the comparison table. Prints one line per
// figure ("name value unit"); tests/bench/app.sh runs it.
#include "appsession.h"
#include "pipelinemodel.h"
#include "tooling.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir data;
    qputenv("XDG_CONFIG_HOME", data.filePath(QStringLiteral("config")).toUtf8());
    QGuiApplication app(argc, argv);
    const int candidates = qEnvironmentVariableIntValue("CANDIDATES") > 0 ? qEnvironmentVariableIntValue("CANDIDATES") : 10000;
    QTextStream out(stdout);

    AppSession session;
    session.setDataDir(data.path());
    session.start();
    if (!waitFor([&] { return session.status() == AppSession::Ready; }, 120000))
        return fail("listbench", QStringLiteral("not signed in: %1").arg(session.error().detail));
    ApiClient *client = session.client();

    // One interview, `candidates` candidates with invites (batches of 5,000, the API's largest).
    qint64 interview = 0;
    QJsonArray criteria;
    QList<qint64> invites;
    client->post(QStringLiteral("/interviews"),
                 QJsonObject{{"title", "Bench"}, {"questions", QJsonArray{QJsonObject{{"text", "Why?"}, {"answerSeconds", 60}}}},
                             {"criteria", QJsonArray{QJsonObject{{"name", "Skill"}}, QJsonObject{{"name", "Care"}}}}}, nullptr,
                 [&](const ApiResult &r) {
                     interview = r.ok() ? r.json.toObject().value("id").toInteger() : -1;
                     if (r.ok())
                         criteria = r.json.toObject().value("criteria").toArray();
                 });
    if (!waitFor([&] { return interview != 0; }, 120000) || interview < 0)
        return fail("listbench", QStringLiteral("no interview"));
    for (int made = 0; made < candidates;) {
        const int n = qMin(5000, candidates - made);
        QJsonArray people;
        for (int i = 0; i < n; ++i)
            people.append(QJsonObject{{"name", QStringLiteral("Candidate %1").arg(made + i)}, {"email", QStringLiteral("c%1@example.com").arg(made + i)}});
        bool done = false, ok = false;
        client->post(QStringLiteral("/invites/batch"), QJsonObject{{"interviewId", interview}, {"candidates", people}}, nullptr,
                     [&](const ApiResult &r) {
                         done = true;
                         ok = r.ok();
                         for (const QJsonValue &v : r.json.toObject().value("items").toArray())
                             invites << v.toObject().value("id").toInteger();
                     });
        if (!waitFor([&] { return done; }, 120000) || !ok)
            return fail("listbench", QStringLiteral("batch of invites failed"));
        made += n;
    }

    // Every tenth candidate rated on both criteria, so that the score columns sort real values.
    const QString skill = QString::number(criteria.at(0).toObject().value("id").toInteger());
    const QString care = QString::number(criteria.at(1).toObject().value("id").toInteger());
    int rated = 0, ratings = 0;
    for (int i = 0; i < invites.size(); i += 10, ++ratings)
        client->put(QStringLiteral("/invites/%1/review/ratings").arg(invites.at(i)),
                    QJsonObject{{"ratings", QJsonObject{{skill, 1 + (i / 30) % 5}, {care, 1 + (i / 10) % 5}}}}, nullptr, [&](const ApiResult &r) { rated += r.ok(); });
    if (!waitFor([&] { return rated == ratings; }, 300000))
        return fail("listbench", QStringLiteral("ratings failed (%1 of %2)").arg(rated).arg(ratings));

    // Load: every page (200 a page) until the model has them all. The first run warms the server's caches.
    PipelineModel model;
    model.setClient(client);
    QList<double> loads;
    for (int run = 0; run < 6; ++run) {
        QElapsedTimer t;
        t.start();
        if (run == 0)
            model.setInterviewId(interview);
        else
            model.reload();
        if (!waitFor([&] { return model.loaded() && !model.loading(); }, 120000) || model.rowCount() != candidates)
            return fail("listbench", QStringLiteral("the list did not load (%1 rows)").arg(model.rowCount()));
        if (run > 0)
            loads << t.nsecsElapsed() / 1e6;
    }
    // Filter: what typing does, one keystroke after another, then clearing.
    QList<double> filters;
    const QStringList typed{QStringLiteral("C"), QStringLiteral("Ca"), QStringLiteral("Can"), QStringLiteral("Candidate 1"),
                            QStringLiteral("Candidate 12"), QStringLiteral("Candidate 123"), QStringLiteral("c9999@"), QString()};
    for (int round = 0; round < 5; ++round) {
        for (const QString &text : typed) {
            QElapsedTimer t;
            t.start();
            model.setFilterText(text);
            filters << t.nsecsElapsed() / 1e6;
        }
    }
    // Sort: a click on a column header of the comparison table (text by the locale's collation, numbers, a
    // criterion), both directions.
    QList<double> sorts;
    const QStringList keys{QStringLiteral("name"), QStringLiteral("score"), QStringLiteral("criterion:") + care, QStringLiteral("decision"),
                           QStringLiteral("status")};
    for (int round = 0; round < 5; ++round) {
        for (const QString &key : keys) {
            for (bool down : {false, true}) {
                QElapsedTimer t;
                t.start();
                model.sortBy(key, down);
                sorts << t.nsecsElapsed() / 1e6;
            }
        }
    }
    model.sortBy(QStringLiteral("score"), true);
    const auto score = [&](int row) { return model.data(model.index(row), PipelineModel::ScoreRole).toDouble(); };
    if (score(0) <= 0 || score(0) < score(1) || score(1) < score(ratings - 1) || score(ratings) != 0)
        return fail("listbench", QStringLiteral("sorting by score did not put the best first"));
    out << "candidates " << candidates << " rows" << Qt::endl;
    out << "list_load_median " << QString::number(median(loads), 'f', 1) << " ms" << Qt::endl;
    out << "list_load_max " << QString::number(*std::max_element(loads.begin(), loads.end()), 'f', 1) << " ms" << Qt::endl;
    out << "filter_median " << QString::number(median(filters), 'f', 2) << " ms" << Qt::endl;
    out << "filter_max " << QString::number(*std::max_element(filters.begin(), filters.end()), 'f', 2) << " ms" << Qt::endl;
    out << "sort_median " << QString::number(median(sorts), 'f', 2) << " ms" << Qt::endl;
    out << "sort_max " << QString::number(*std::max_element(sorts.begin(), sorts.end()), 'f', 2) << " ms" << Qt::endl;
    return 0;
}
