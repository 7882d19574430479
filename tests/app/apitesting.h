#pragma once
// Shared by the app's Qt tests: a request run to its end, and an interview body the API accepts.
#include "apiclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtCore/qtestsupport_core.h>

inline QJsonObject interviewBody(const QString &title, int questions = 1)
{
    QJsonArray qs;
    for (int i = 0; i < questions; ++i)
        qs.append(QJsonObject{{"text", QStringLiteral("Question %1").arg(i + 1)}, {"thinkSeconds", 10}, {"answerSeconds", 60}});
    return QJsonObject{{"title", title}, {"language", "en"}, {"questions", qs}};
}

// Runs one request to its end and returns the result.
inline ApiResult call(ApiClient *client, const QByteArray &verb, const QString &path, const QJsonValue &body = {}, const QByteArray &ifMatch = {})
{
    ApiResult out;
    bool done = false;
    client->send(verb, path, body, nullptr, [&](const ApiResult &r) { out = r; done = true; }, ifMatch);
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        out.error = ApiError::badReply(QStringLiteral("no reply within 30 s"));
    return out;
}
