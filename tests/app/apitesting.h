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

// A minimal but valid one-page PDF (correct xref offsets) showing `text`, as tests/integration/lib/fixtures.js makes.
inline QByteArray makePdf(const QByteArray &text)
{
    QByteArray escaped = text;
    escaped.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    const QByteArray stream = "BT /F1 18 Tf 72 720 Td (" + escaped + ") Tj ET";
    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(out.size());
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        out += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}
