#include "apierror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace {

ApiError::Kind kindOfStatus(int status)
{
    switch (status) {
    case 400: case 422: return ApiError::Invalid;
    case 401: return ApiError::SignedOut;
    case 403: return ApiError::Forbidden;
    case 404: case 410: return ApiError::NotFound;
    case 409: return ApiError::Conflict;
    case 412: return ApiError::Changed;
    case 413: return ApiError::TooLarge;
    case 415: return ApiError::WrongType;
    case 429: return ApiError::RateLimited;
    case 502: case 503: case 504: return ApiError::Unavailable;
    default: return ApiError::ServerFault;
    }
}

} // namespace

ApiError ApiError::fromReply(QNetworkReply *reply, const QByteArray &body)
{
    ApiError e;
    e.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (e.status == 0) {
        switch (reply->error()) {
        case QNetworkReply::NoError:
            e.kind = BadReply;
            e.detail = tr("no HTTP status");
            return e;
        case QNetworkReply::OperationCanceledError: // the transfer timeout aborts this way
        case QNetworkReply::TimeoutError:
            e.kind = Timeout;
            break;
        default:
            e.kind = Unreachable;
            break;
        }
        e.detail = reply->errorString();
        return e;
    }
    if (e.status >= 200 && e.status < 300)
        return e;
    e.kind = kindOfStatus(e.status);
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    e.detail = error.value(QStringLiteral("message")).toString();
    e.field = error.value(QStringLiteral("field")).toString();
    if (e.detail.isEmpty())
        e.detail = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    return e;
}

ApiError ApiError::badReply(const QString &what)
{
    ApiError e;
    e.kind = BadReply;
    e.detail = what;
    return e;
}

ApiError ApiError::localFile(const QString &what)
{
    ApiError e;
    e.kind = LocalFile;
    e.detail = what;
    return e;
}

QString ApiError::code() const
{
    switch (kind) {
    case None: return {};
    case Unreachable: return QStringLiteral("unreachable");
    case Timeout: return QStringLiteral("timeout");
    case SignedOut: return QStringLiteral("signed_out");
    case Forbidden: return QStringLiteral("forbidden");
    case NotFound: return QStringLiteral("not_found");
    case Conflict: return QStringLiteral("conflict");
    case Changed: return QStringLiteral("changed");
    case Invalid: return QStringLiteral("invalid");
    case TooLarge: return QStringLiteral("too_large");
    case WrongType: return QStringLiteral("wrong_type");
    case RateLimited: return QStringLiteral("rate_limited");
    case Unavailable: return QStringLiteral("unavailable");
    case ServerFault: return QStringLiteral("server_fault");
    case BadReply: return QStringLiteral("bad_reply");
    case LocalFile: return QStringLiteral("local_file");
    case SignInCancelled: return QStringLiteral("sign_in_cancelled");
    case SignInRefused: return QStringLiteral("sign_in_refused");
    case NoKeychain: return QStringLiteral("no_keychain");
    }
    return {};
}

QString ApiError::message() const
{
    switch (kind) {
    case None: return {};
    case Unreachable: return tr("The server cannot be reached. Check the network connection and the server address.");
    case Timeout: return tr("The server did not answer in time. Try again in a moment.");
    case SignedOut: return tr("You have been signed out. Sign in again to continue.");
    case Forbidden: return tr("Your role does not allow this. Ask an administrator of your organization.");
    case NotFound: return tr("This no longer exists. It may have been deleted by someone else.");
    case Conflict: return detail.isEmpty() ? tr("This cannot be changed any more.") : tr("This cannot be done: %1.").arg(detail);
    case Changed: return tr("Someone else changed this in the meantime. Reload it and make your change again.");
    case Invalid: return detail.isEmpty() ? tr("Some of the values are not valid.") : tr("Please check: %1.").arg(detail);
    case TooLarge: return tr("The file is too large for the server.");
    case WrongType: return tr("The server does not accept this kind of file.");
    case RateLimited: return detail.isEmpty() ? tr("Too many attempts. Wait a little and try again.") : tr("Too many attempts: %1.").arg(detail);
    case Unavailable: return tr("The server is busy or starting. Try again in a moment.");
    case ServerFault: return tr("The server ran into a problem. Try again; if it persists, tell the server's administrator.");
    case BadReply: return tr("The server answered with something this app does not understand. Is the address an Intervox server?");
    case LocalFile: return tr("This computer could not keep the file (%1). Check the free space of its temporary folder.").arg(detail);
    case SignInCancelled: return tr("Signing in was cancelled.");
    case SignInRefused: return tr("The server did not complete the sign-in: %1.").arg(detail);
    case NoKeychain: return tr("This computer has no keychain to keep your sign-in safely, so you will be asked to sign in again next time.");
    }
    return {};
}
