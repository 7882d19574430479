#pragma once
// The app's connection to the current Intervox server: the embedded one, started and signed in to on first use
// with no set-up, or a remote `intervoxd` signed in to through the browser (OAuthSignIn) whose refresh token is
// kept in the keychain (CredentialStore). Owns the API client every model uses, refreshes the access token
// before it expires and when the server refuses it, and switches between the servers of its list.

#include "apiclient.h"
#include "apierror.h"
#include "eventstream.h"
#include "serverlistmodel.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <functional>
#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class CredentialStore;
class EmbeddedServer;
class OAuthSignIn;
class QTranslator;
class ServerListModel;

class AppSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(ApiClient *client READ client CONSTANT)
    Q_PROPERTY(EventStream *events READ events CONSTANT)
    Q_PROPERTY(ApiError error READ error NOTIFY statusChanged)
    Q_PROPERTY(QUrl serverUrl READ serverUrl NOTIFY serverChanged)
    // The current server's name for people: the organization's, or its address.
    Q_PROPERTY(QString serverLabel READ serverLabel NOTIFY serverChanged)
    Q_PROPERTY(ServerListModel *servers READ servers CONSTANT)
    // Something worth knowing that is not an error (e.g. "this computer has no keychain"), or empty.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    Q_PROPERTY(QString dataDir READ dataDir NOTIFY statusChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY statusChanged)
    Q_PROPERTY(QString userRole READ userRole NOTIFY statusChanged)
    Q_PROPERTY(qint64 userId READ userId NOTIFY statusChanged)
    // Administrators (and the owner) manage the team.
    Q_PROPERTY(bool isAdmin READ isAdmin NOTIFY statusChanged)
    Q_PROPERTY(QString organizationName READ organizationName NOTIFY statusChanged)
    Q_PROPERTY(bool embedded READ embedded NOTIFY serverChanged)
    // The app's language ("en", "de"); switching retranslates every visible string at once, no restart.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
public:
    // SignInNeeded: a remote server with no valid sign-in (signIn() opens the browser); WaitingForBrowser: the
    // person is signing in there (cancelSignIn() stops waiting).
    enum Status { Idle, Starting, SigningIn, SignInNeeded, WaitingForBrowser, Ready, Failed };
    Q_ENUM(Status)

    explicit AppSession(QObject *parent = nullptr);
    ~AppSession() override;

    Status status() const { return m_status; }
    ApiClient *client() const { return m_client; }
    EventStream *events() const { return m_events; }
    ApiError error() const { return m_error; }
    QUrl serverUrl() const;
    QString dataDir() const;
    QString userName() const { return m_userName; }
    QString userRole() const { return m_userRole; }
    qint64 userId() const { return m_userId; }
    bool isAdmin() const { return m_userRole == QLatin1String("admin") || m_userRole == QLatin1String("owner"); }
    QString organizationName() const { return m_organizationName; }
    bool embedded() const;
    QString serverLabel() const;
    ServerListModel *servers() const { return m_servers; }
    QString notice() const { return m_notice; }

    QString language() const { return m_language; }
    void setLanguage(const QString &code);
    // Installs the saved (or the system's) language; main() calls it before the UI loads.
    void applySavedLanguage();

    EmbeddedServer *embeddedServer() const { return m_server; }
    // Where the embedded server keeps its data; before start() (default: the app-data folder).
    void setDataDir(const QString &dir) { m_dataDirOverride = dir; }

    CredentialStore *credentials() const { return m_credentials; }
    // Where sign-in pages are opened: the system browser unless set (tests play the browser themselves).
    void setOpenBrowser(std::function<void(const QUrl &)> open) { m_openBrowser = std::move(open); }

    // Connects to the current server: starts the embedded one and signs in to it, or signs in to a remote one with
    // the refresh token from the keychain (SignInNeeded when there is none). Idempotent.
    Q_INVOKABLE void start();
    // Starts again after a failure (e.g. the data folder was not writable and has been fixed).
    Q_INVOKABLE void retry();
    // Opens a page in the system browser (a preview of the candidate page), or where setOpenBrowser says.
    Q_INVOKABLE void openInBrowser(const QUrl &url);

    // Adds a remote server by the address a person typed and switches to it; returns what is wrong with the
    // address (translated), or an empty string.
    Q_INVOKABLE QString addServer(const QString &address);
    // Switches to a server of the list ("" = the embedded one); the pages start again from the interview list.
    Q_INVOKABLE void switchTo(const QString &url);
    // Forgets a remote server (signing out of it first).
    Q_INVOKABLE void removeServer(const QString &url);
    // Opens the current remote server's sign-in page in the browser.
    Q_INVOKABLE void signIn();
    Q_INVOKABLE void cancelSignIn();
    // Signs out of the current remote server: the server revokes the sign-in, the keychain forgets it.
    Q_INVOKABLE void signOut();

signals:
    void statusChanged();
    void languageChanged();
    void serverChanged();
    // Another server became current (switchTo): what is shown of the previous one is out of date.
    void switched();
    void noticeChanged();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void startEmbedded();
    void startRemote();
    void signInLocally();
    void refreshRemote(bool quietly);
    void remoteSignedIn(const QString &access, const QString &refresh, int expiresIn, bool quietly);
    void remoteFailed(const ApiError &error);
    OAuthSignIn *newOAuth();
    void disconnectFromServer(bool keepSignIn);
    void loadServerLabel();
    void loadMe();
    void setStatus(Status status, const ApiError &error = {});
    void setNotice(const QString &notice);
    void tokenRefused();

    EmbeddedServer *m_server;
    ApiClient *m_client;
    EventStream *m_events;
    ServerListModel *m_servers;
    CredentialStore *m_credentials;
    OAuthSignIn *m_oauth = nullptr;
    OAuthSignIn *m_revoker; // lives on so sign-out's revocation is sent after the sign-in object is replaced
    QString m_refreshToken, m_notice;
    QHash<QUrl, QString> m_heldTokens; // refresh tokens of the servers switched away from in this run
    QHash<QUrl, QString> m_refreshing; // renewals under way: server → the refresh token sent
    std::function<void(const QUrl &)> m_openBrowser;
    QBasicTimer m_refreshTimer;
    quint64 m_generation = 0; // bumped on every switch and sign-out, so answers for an earlier one are dropped
    Status m_status = Idle;
    ApiError m_error;
    QString m_dataDirOverride, m_userName, m_userRole, m_organizationName;
    qint64 m_userId = 0;
    int m_reSignIns = 0;
    QElapsedTimer m_lastReSignIn;
    QString m_language = QStringLiteral("en");
    QTranslator *m_translator = nullptr;
};
