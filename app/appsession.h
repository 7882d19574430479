#pragma once
// The app's connection to one Intervox server: today the embedded one, started and signed in to on first use
// with no set-up. Owns the API client every model uses and re-signs in when the server forgets the token
// (a restart of a remote server, an expired token).

#include "apiclient.h"
#include "apierror.h"
#include "eventstream.h"

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class EmbeddedServer;
class QTranslator;

class AppSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(ApiClient *client READ client CONSTANT)
    Q_PROPERTY(EventStream *events READ events CONSTANT)
    Q_PROPERTY(ApiError error READ error NOTIFY statusChanged)
    Q_PROPERTY(QUrl serverUrl READ serverUrl NOTIFY statusChanged)
    Q_PROPERTY(QString dataDir READ dataDir NOTIFY statusChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY statusChanged)
    Q_PROPERTY(QString userRole READ userRole NOTIFY statusChanged)
    Q_PROPERTY(QString organizationName READ organizationName NOTIFY statusChanged)
    Q_PROPERTY(bool embedded READ embedded CONSTANT)
    // The app's language ("en", "de"); switching retranslates every visible string at once, no restart.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
public:
    enum Status { Idle, Starting, SigningIn, Ready, Failed };
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
    QString organizationName() const { return m_organizationName; }
    bool embedded() const { return true; }

    QString language() const { return m_language; }
    void setLanguage(const QString &code);
    // Installs the saved (or the system's) language; main() calls it before the UI loads.
    void applySavedLanguage();

    EmbeddedServer *embeddedServer() const { return m_server; }
    // Where the embedded server keeps its data; before start() (default: the app-data folder).
    void setDataDir(const QString &dir) { m_dataDirOverride = dir; }

    // Starts the embedded server and signs in to it. Idempotent.
    Q_INVOKABLE void start();
    // Starts again after a failure (e.g. the data folder was not writable and has been fixed).
    Q_INVOKABLE void retry();

signals:
    void statusChanged();
    void languageChanged();

private:
    void signInLocally();
    void loadMe();
    void setStatus(Status status, const ApiError &error = {});
    void tokenRefused();

    EmbeddedServer *m_server;
    ApiClient *m_client;
    EventStream *m_events;
    Status m_status = Idle;
    ApiError m_error;
    QString m_dataDirOverride, m_userName, m_userRole, m_organizationName;
    int m_reSignIns = 0;
    QString m_language = QStringLiteral("en");
    QTranslator *m_translator = nullptr;
};
