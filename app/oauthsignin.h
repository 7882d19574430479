#pragma once
// Signing in to a remote intervoxd (docs/api.md, "Signing in from the app"): OAuth 2.0 authorization code + PKCE
// through the system browser and a loopback listener on 127.0.0.1 (QtNetworkAuth), then refreshing and revoking
// the tokens. Qt 6.4's flow has no PKCE, hangs silently on a token endpoint error and ignores a state mismatch
// without a word (QT64 notes): this class adds the challenge, watches the token reply itself, checks the state
// first, and bounds every wait, so a sign-in always ends with signedIn() or failed().

#include "apierror.h"

#include <QBasicTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>

class QNetworkAccessManager;
class QNetworkReply;

class OAuthSignIn : public QObject
{
    Q_OBJECT
public:
    explicit OAuthSignIn(QObject *parent = nullptr);
    ~OAuthSignIn() override;

    static constexpr int kTokenTimeoutMs = 30000;          // the token endpoint must answer within this
    static constexpr int kBrowserTimeoutMs = 10 * 60 * 1000; // the person has this long to sign in in the browser

    // Opens the server's sign-in page through openBrowser; ends with signedIn() or failed().
    void start(const QUrl &server);
    void cancel();
    bool running() const { return m_flow != nullptr; }
    // Where the browser is sent: the system browser unless set (tests drive the page themselves).
    void setOpenBrowser(std::function<void(const QUrl &)> open) { m_openBrowser = std::move(open); }
    // Tests: another token endpoint (one that fails or never answers) and shorter waits.
    void setTokenUrl(const QUrl &url) { m_tokenUrlOverride = url; }
    void setTimeouts(int tokenMs, int browserMs) { m_tokenTimeoutMs = tokenMs; m_browserTimeoutMs = browserMs; }

    // A new pair for a refresh token (the old one is spent): signedIn() or failed() — SignedOut when the server
    // refuses it (expired, revoked, already used), so the app asks to sign in again.
    void refresh(const QUrl &server, const QString &refreshToken);
    // Sign-out: the server revokes the refresh token and every token of that sign-in. Fire and forget.
    void revoke(const QUrl &server, const QString &token);

signals:
    void signedIn(const QString &accessToken, const QString &refreshToken, int expiresInSeconds);
    void failed(const ApiError &error);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void fail(const ApiError &error);
    void cleanUp();
    QUrl tokenUrl(const QUrl &server) const;
    static ApiError tokenError(QNetworkReply *reply, const QByteArray &body);

    QNetworkAccessManager *m_nam;
    QPointer<QOAuth2AuthorizationCodeFlow> m_flow;
    QPointer<QOAuthHttpServerReplyHandler> m_listener;
    std::function<void(const QUrl &)> m_openBrowser;
    QUrl m_tokenUrlOverride, m_currentTokenUrl;
    QString m_state;
    QBasicTimer m_timeout;
    int m_tokenTimeoutMs = kTokenTimeoutMs;
    int m_browserTimeoutMs = kBrowserTimeoutMs;
    bool m_waitingForToken = false;
};
