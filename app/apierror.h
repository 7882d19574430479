#pragma once
// One error type for everything the API client reports: what went wrong in a recruiter's words, the field it
// concerns, and the server's own message for the details view. Never a bare status code in the UI.

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QNetworkReply;

class ApiError
{
    Q_GADGET
    QML_VALUE_TYPE(apiError)
    Q_DECLARE_TR_FUNCTIONS(ApiError)
    Q_PROPERTY(Kind kind MEMBER kind)
    Q_PROPERTY(bool isError READ isError)
    Q_PROPERTY(QString message READ message)
    Q_PROPERTY(QString field MEMBER field)
    Q_PROPERTY(QString detail MEMBER detail)
    Q_PROPERTY(int status MEMBER status)
    Q_PROPERTY(QString code READ code) // the kind for QML ("changed", "signed_out", …): a value type's enum is not reachable there in Qt 6.4
public:
    enum Kind {
        None,
        Unreachable,    // no connection to the server (refused, unknown host, TLS failure, network down)
        Timeout,        // no complete answer in time
        SignedOut,      // 401: the token is no longer valid
        Forbidden,      // 403: the role may not do this
        NotFound,       // 404: gone, or never existed
        Conflict,       // 409: e.g. the interview has started
        Changed,        // 412: someone else changed it first
        Invalid,        // 400/422: a field is wrong (`field` names it)
        TooLarge,       // 413
        WrongType,      // 415: e.g. a CV that is not a PDF
        RateLimited,    // 429
        Unavailable,    // 503: try again shortly
        ServerFault,    // 500 and anything unexpected from the server
        BadReply,       // the reply is not what the API promises (not JSON, wrong shape)
        LocalFile,      // this computer could not write or read a file (e.g. a recording kept for playback)
        SignInCancelled, // the sign-in was cancelled (in the browser or the app)
        SignInRefused,   // the server's sign-in answered with an error (`detail`), or its answer did not match
        NoKeychain,      // this computer has no keychain: the sign-in is not remembered
    };
    Q_ENUM(Kind)

    Kind kind = None;
    QString field;   // the request field the error is about, when the server named one
    QString detail;  // the server's (English) message or the network's, for a details line and the log
    int status = 0;  // HTTP status, 0 when there was no HTTP reply

    bool isError() const { return kind != None; }
    QString code() const;
    // What happened, for a recruiter, translated.
    QString message() const;

    // From a finished reply (status, network error and the body `{"error":{code,message,field}}`).
    static ApiError fromReply(QNetworkReply *reply, const QByteArray &body);
    static ApiError badReply(const QString &what);
    static ApiError localFile(const QString &what);

    bool operator==(const ApiError &o) const { return kind == o.kind && field == o.field && detail == o.detail && status == o.status; }
};

Q_DECLARE_METATYPE(ApiError)
