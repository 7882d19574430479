#pragma once
// The one error type of the server: a stable machine code, a human message, the field it concerns.
// ApiError maps to exactly one HTTP status and one WebSocket close code (see error.cpp).

#include <QJsonObject>
#include <QString>

namespace intervox {

enum class ErrorCode {
    BadRequest,
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    TooLarge,
    UnsupportedMediaType,
    RangeNotSatisfiable,
    TooManyRequests,
    Unavailable,
    Internal,
};

struct ApiError
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString field;

    static ApiError badRequest(const QString &message) { return {ErrorCode::BadRequest, message, {}}; }
    static ApiError validation(const QString &field, const QString &message)
    {
        return {ErrorCode::Validation, field + QStringLiteral(": ") + message, field};
    }
    static ApiError unauthorized(const QString &message = QStringLiteral("sign in first")) { return {ErrorCode::Unauthorized, message, {}}; }
    static ApiError forbidden(const QString &message) { return {ErrorCode::Forbidden, message, {}}; }
    static ApiError notFound(const QString &what = QStringLiteral("not found")) { return {ErrorCode::NotFound, what, {}}; }
    static ApiError conflict(const QString &message) { return {ErrorCode::Conflict, message, {}}; }
    static ApiError internal() { return {ErrorCode::Internal, QStringLiteral("internal error"), {}}; }

    int httpStatus() const;
    QString codeName() const;
    QJsonObject toJson() const;
};

// Thrown from deep inside request handling; caught once at the HTTP edge and turned into a reply.
struct ApiException
{
    ApiError error;
};

[[noreturn]] inline void fail(ApiError e) { throw ApiException{std::move(e)}; }

} // namespace intervox
