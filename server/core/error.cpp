#include "error.h"

#include <QJsonArray>

namespace intervox {

int ApiError::httpStatus() const
{
    switch (code) {
    case ErrorCode::BadRequest: return 400;
    case ErrorCode::Validation: return 422;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::MethodNotAllowed: return 405;
    case ErrorCode::Conflict: return 409;
    case ErrorCode::PreconditionFailed: return 412;
    case ErrorCode::TooLarge: return 413;
    case ErrorCode::UnsupportedMediaType: return 415;
    case ErrorCode::RangeNotSatisfiable: return 416;
    case ErrorCode::TooManyRequests: return 429;
    case ErrorCode::Unavailable: return 503;
    case ErrorCode::Gone: return 410;
    case ErrorCode::Internal: return 500;
    }
    return 500;
}

QString ApiError::codeName() const
{
    switch (code) {
    case ErrorCode::BadRequest: return QStringLiteral("bad_request");
    case ErrorCode::Validation: return QStringLiteral("validation");
    case ErrorCode::Unauthorized: return QStringLiteral("unauthorized");
    case ErrorCode::Forbidden: return QStringLiteral("forbidden");
    case ErrorCode::NotFound: return QStringLiteral("not_found");
    case ErrorCode::MethodNotAllowed: return QStringLiteral("method_not_allowed");
    case ErrorCode::Conflict: return QStringLiteral("conflict");
    case ErrorCode::PreconditionFailed: return QStringLiteral("precondition_failed");
    case ErrorCode::TooLarge: return QStringLiteral("too_large");
    case ErrorCode::UnsupportedMediaType: return QStringLiteral("unsupported_media_type");
    case ErrorCode::RangeNotSatisfiable: return QStringLiteral("range_not_satisfiable");
    case ErrorCode::TooManyRequests: return QStringLiteral("too_many_requests");
    case ErrorCode::Unavailable: return QStringLiteral("unavailable");
    case ErrorCode::Gone: return QStringLiteral("gone");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

QJsonObject ApiError::toJson() const
{
    QJsonObject e{{QStringLiteral("code"), codeName()}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        e.insert(QStringLiteral("field"), field);
    return QJsonObject{{QStringLiteral("error"), e}};
}

const QList<CloseCodeInfo> &closeCodes()
{
    static const QList<CloseCodeInfo> table = {
        {CloseCode::GoingAway, "going_away", false, "the server is shutting down: reconnect with backoff"},
        {CloseCode::TakenOver, "taken_over", true, "the same candidate session was opened in another tab or window"},
        {CloseCode::Protocol, "protocol", true, "the client broke the protocol (bad first frame, too many violations, wrong frame type)"},
        {CloseCode::Unauthorized, "unauthorized", true, "unknown or malformed invite; unknown, expired or revoked access token"},
        {CloseCode::InviteRevoked, "invite_revoked", true, "the recruiter revoked the invite"},
        {CloseCode::Timeout, "timeout", false, "no first frame within 10 s, or silent longer than the idle limit"},
        {CloseCode::InviteUsed, "invite_used", true, "the invite may start no more sessions"},
        {CloseCode::InviteExpired, "invite_expired", true, "the invite expired before a session started"},
    };
    return table;
}

QJsonObject codeTables()
{
    QJsonArray errors;
    for (int c = int(ErrorCode::BadRequest); c <= int(ErrorCode::Internal); ++c) {
        const ApiError e{ErrorCode(c), {}, {}};
        errors.append(QJsonObject{{QStringLiteral("code"), e.codeName()}, {QStringLiteral("http"), e.httpStatus()}});
    }
    QJsonArray close;
    for (const CloseCodeInfo &c : closeCodes())
        close.append(QJsonObject{{QStringLiteral("code"), int(c.code)}, {QStringLiteral("name"), QLatin1String(c.name)},
                                 {QStringLiteral("final"), c.final}, {QStringLiteral("meaning"), QLatin1String(c.meaning)}});
    return QJsonObject{{QStringLiteral("errors"), errors}, {QStringLiteral("closeCodes"), close}};
}

} // namespace intervox
