#pragma once
// The candidates of one interview (one row per invite, GET /interviews/{id}/candidates) with their status,
// and what a recruiter does with them: add a candidate with an invite link, make a new link, revoke one.

#include "apiclient.h"

#include <QAbstractListModel>
#include <QTimer>
#include <QDateTime>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class EventStream;

class PipelineModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(qint64 interviewId READ interviewId WRITE setInterviewId NOTIFY interviewIdChanged)
    // Live updates: candidates joining, answering, leaving and finishing show without a reload by hand.
    Q_PROPERTY(EventStream *events READ events WRITE setEvents NOTIFY eventsChanged)
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(ApiError error READ error NOTIFY errorChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    // The link of the invite made last (shown once: the server keeps only its hash).
    Q_PROPERTY(QString lastLink READ lastLink NOTIFY lastLinkChanged)
    Q_PROPERTY(QString lastLinkName READ lastLinkName NOTIFY lastLinkChanged)
public:
    enum Role {
        InviteIdRole = Qt::UserRole + 1,
        CandidateIdRole,
        NameRole,
        EmailRole,
        StatusRole,      // invited, started, refused_consent, finished, revoked, expired
        StatusTextRole,  // the same in the recruiter's words, translated
        DetailRole,      // e.g. "on question 2 · connected", "finished 3 Dec"
        ConnectedRole,
        HasCvRole,
        ExpiresAtRole,
        RevokedRole,
    };
    Q_ENUM(Role)

    explicit PipelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    qint64 interviewId() const { return m_interview; }
    EventStream *events() const { return m_events; }
    void setEvents(EventStream *events);
    void setInterviewId(qint64 id);
    QString filterText() const { return m_filter; }
    void setFilterText(const QString &text);
    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    bool busy() const { return m_busy; }
    ApiError error() const { return m_error; }
    int totalCount() const { return int(m_all.size()); }
    QString lastLink() const { return m_lastLink; }
    QString lastLinkName() const { return m_lastLinkName; }

    Q_INVOKABLE void reload();
    // Creates the candidate and an invite to this interview; the link lands in lastLink.
    Q_INVOKABLE void addCandidate(const QString &name, const QString &email);
    // A new invite for a candidate already in the list (the old link keeps working until revoked).
    Q_INVOKABLE void newLink(qint64 candidateId, const QString &name);
    Q_INVOKABLE void revoke(qint64 inviteId);
    Q_INVOKABLE void copyToClipboard(const QString &text) const;
    Q_INVOKABLE void clearLastLink();

    static QString statusText(const QString &status);

signals:
    void clientChanged();
    void interviewIdChanged();
    void eventsChanged();
    void filterTextChanged();
    void loadingChanged();
    void busyChanged();
    void errorChanged();
    void countChanged();
    void lastLinkChanged();
    // An action finished (ok or with `error` set), e.g. so a dialog can close.
    void actionDone(bool ok);

private:
    struct Row
    {
        qint64 invite = 0, candidate = 0;
        QString name, email, status;
        int question = 0;
        bool connected = false, hasCv = false, revoked = false;
        QDateTime expiresAt, finishedAt, startedAt;
    };
    QString detailOf(const Row &row) const;
    void applyFilter();
    void setBusy(bool busy);
    void fail(const ApiError &error);
    void invite(qint64 candidateId, const QString &name);

    QPointer<ApiClient> m_client;
    QPointer<EventStream> m_events;
    QTimer m_liveReload; // events come in bursts (joined, state, answer saved): one reload for a burst
    qint64 m_interview = 0;
    QList<Row> m_all;
    QList<int> m_visible;
    QString m_filter, m_lastLink, m_lastLinkName;
    bool m_loading = false, m_loaded = false, m_busy = false;
    ApiError m_error;
    quint64 m_generation = 0;
};
