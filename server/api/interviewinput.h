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
    // What reviewers rate every candidate on (0–12 criteria); `id` names an existing criterion when replacing
    // an interview's criteria (PUT …/criteria), 0 for a new one.
    struct Criterion { qint64 id = 0; QString name, description; };
    std::optional<QList<Criterion>> criteria; // absent: none on create

    // Throws ApiException (422 validation, naming the field) on any bad value.
    static InterviewInput parse(const QJsonObject &o);
    // The "criteria" field of `o`: nullopt when absent unless `required`; throws ApiException naming the field.
    static std::optional<QList<Criterion>> parseCriteria(const QJsonObject &o, bool required);
};

} // namespace intervox
