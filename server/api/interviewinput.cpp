#include "interviewinput.h"

#include "core/error.h"
#include "storage/database.h"
#include "validate.h"

#include <QJsonArray>

namespace intervox {

using namespace validate;

namespace {
QString s(const char *latin1) { return QString::fromLatin1(latin1); }
} // namespace

InterviewInput InterviewInput::parse(const QJsonObject &o)
{
    InterviewInput in;
    in.title = text(o, s("title"), 1, 200);
    in.intro = text(o, s("intro"), 0, 5000, true);
    in.language = o.contains(s("language")) ? text(o, s("language"), 2, 2) : s("en");
    if (in.language != QLatin1String("en") && in.language != QLatin1String("de"))
        fail(ApiError::validation(s("language"), s("must be one of: en, de")));
    in.deadline = timestamp(o, s("deadline"));
    if (in.deadline && *in.deadline <= nowMs())
        fail(ApiError::validation(s("deadline"), s("must be in the future")));
    const QJsonValue qs = o.value(s("questions"));
    if (!qs.isArray() || qs.toArray().isEmpty() || qs.toArray().size() > 50)
        fail(ApiError::validation(s("questions"), s("must be a list of 1 to 50 questions")));
    const QJsonArray arr = qs.toArray();
    for (int i = 0; i < arr.size(); ++i) {
        if (!arr.at(i).isObject())
            fail(ApiError::validation(QStringLiteral("questions[%1]").arg(i), s("must be an object")));
        const QJsonObject q = arr.at(i).toObject();
        const QString p = QStringLiteral("questions[%1].").arg(i);
        InterviewInput::Q item;
        try {
            item.text = text(q, s("text"), 1, 2000, true);
            item.think = integer(q, s("thinkSeconds"), 0, 600, 30);
            item.answer = integer(q, s("answerSeconds"), 10, 1800, 120);
            item.retakes = integer(q, s("retakes"), 0, 5, 0);
        } catch (ApiException &e) {
            e.error.message.prepend(p);
            e.error.field.prepend(p);
            throw;
        }
        in.questions.append(item);
    }
    in.criteria = parseCriteria(o, false);
    return in;
}

std::optional<QList<InterviewInput::Criterion>> InterviewInput::parseCriteria(const QJsonObject &o, bool required)
{
    const QJsonValue cs = o.value(s("criteria"));
    if (cs.isUndefined() && !required)
        return std::nullopt;
    if (!cs.isArray() || cs.toArray().size() > 12)
        fail(ApiError::validation(s("criteria"), s("must be a list of 0 to 12 criteria")));
    const QJsonArray arr = cs.toArray();
    QList<Criterion> out;
    for (int i = 0; i < arr.size(); ++i) {
        const QString p = QStringLiteral("criteria[%1]").arg(i);
        if (!arr.at(i).isObject())
            fail(ApiError::validation(p, s("must be an object")));
        const QJsonObject c = arr.at(i).toObject();
        Criterion item;
        try {
            item.id = c.contains(s("id")) ? id(c, s("id")) : 0;
            item.name = text(c, s("name"), 1, 80);
            item.description = optionalText(c, s("description"), 500, true).value_or(QString());
            if (item.description.isNull())
                item.description = QStringLiteral(""); // a NOT NULL column: Qt binds a null QString as NULL
        } catch (ApiException &e) {
            e.error.message.prepend(p + QLatin1Char('.'));
            e.error.field.prepend(p + QLatin1Char('.'));
            throw;
        }
        for (const Criterion &seen : out) {
            if (seen.name.compare(item.name, Qt::CaseInsensitive) == 0)
                fail(ApiError::validation(p + s(".name"), s("two criteria cannot have the same name")));
            if (item.id && seen.id == item.id)
                fail(ApiError::validation(p + s(".id"), s("names the same criterion twice")));
        }
        out.append(item);
    }
    return out;
}

} // namespace intervox
