#pragma once
// The one error type of the server: a stable machine code, a human message, the field it concerns.
// ApiError maps to exactly one HTTP status (see error.cpp). WebSocket close codes have one table too
// (CloseCode); the candidate page mirrors it once (resources/web/candidate/protocol.js) and codes.test.js
// checks the mirror and the docs against `intervoxd codes`.

#include <QJsonObject>
#include <QList>
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
    PreconditionFailed,
    TooLarge,
    UnsupportedMediaType,
    RangeNotSatisfiable,
    TooManyRequests,
    Unavailable,
    Gone,
    Internal, // keep last: codeTables() lists BadRequest … Internal
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
    static ApiError preconditionFailed(const QString &message) { return {ErrorCode::PreconditionFailed, message, {}}; }
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

// How the server closes a WebSocket (candidate sessions and recruiter events). 4000–4999 are the
// application's (RFC 6455 §7.4.2).
enum class CloseCode : quint16 {
    GoingAway = 1001,     // the server is shutting down: reconnect with backoff
    TakenOver = 4000,     // the same session was opened in another tab or window
    Protocol = 4400,      // the client broke the protocol
    Unauthorized = 4401,  // unknown or malformed invite; unknown, expired or revoked access token
    InviteRevoked = 4403, // the recruiter revoked the invite
    Timeout = 4408,       // no first frame in 10 s, or silent longer than the idle limit
    InviteUsed = 4409,    // the invite may start no more sessions
    InviteExpired = 4410, // the invite expired before a session started
};

struct CloseCodeInfo
{
    CloseCode code;
    const char *name;
    bool final;          // reconnecting cannot help (the page stops and says why)
    const char *meaning;
};
const QList<CloseCodeInfo> &closeCodes();
inline int closeCode(CloseCode c) { return int(c); }
// Both tables (error codes with their HTTP status, close codes) as JSON: `intervoxd codes`.
QJsonObject codeTables();

} // namespace intervox
