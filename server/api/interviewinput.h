#pragma once
// The body of POST/PUT /api/v1/interviews, validated at the edge: every failure names its field and limit
// (422). Pure function of the JSON object (fuzzed by tests/fuzz/fuzz_api_json).

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace intervox {

struct InterviewInput
{
    QString title, intro, language;
    std::optional<qint64> deadline;
    struct Q { QString text; int think, answer, retakes; };
    QList<Q> questions;

    // Throws ApiException (422 validation, naming the field) on any bad value.
    static InterviewInput parse(const QJsonObject &o);
};

} // namespace intervox
