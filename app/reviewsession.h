#pragma once
// The review of one candidate in one interview (GET /invites/{id}/review, docs/api.md "Review"): the answers to
// play, the criteria with this reviewer's ratings and everyone's averages, a private note and the decision.
// Recordings are fetched through the API into a private temporary folder (only this user may read it; removed
// with the session) because the player cannot send the bearer token itself; the next answer is fetched ahead so
// that moving on in the triage loop does not wait.

#include "apiclient.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>

class EventStream;

class ReviewSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(EventStream *events READ events WRITE setEvents NOTIFY eventsChanged)
    Q_PROPERTY(qint64 inviteId READ inviteId WRITE setInviteId NOTIFY inviteIdChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(ApiError error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString candidateName READ candidateName NOTIFY reviewChanged)
    Q_PROPERTY(QString candidateEmail READ candidateEmail NOTIFY reviewChanged)
    Q_PROPERTY(qint64 candidateId READ candidateId NOTIFY reviewChanged)
    Q_PROPERTY(bool hasCv READ hasCv NOTIFY reviewChanged)
    Q_PROPERTY(QString interviewTitle READ interviewTitle NOTIFY reviewChanged)
    // [{id, name, description, mine (0 = not rated), average (0 = nobody), ratings}]
    Q_PROPERTY(QVariantList criteria READ criteria NOTIFY reviewChanged)
    // [{id, question (from 0), questionText, take, status, durationMs, saved}]
    Q_PROPERTY(QVariantList answers READ answers NOTIFY reviewChanged)
    Q_PROPERTY(QString note READ note NOTIFY noteChanged)
    Q_PROPERTY(QString decision READ decision NOTIFY reviewChanged)     // "", advance, hold, reject
    Q_PROPERTY(QString decisionText READ decisionText NOTIFY reviewChanged) // e.g. "Advanced by Robin, 3 Dec 10:14"
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)
    // The answer being listened to (index into answers, -1 when there is none) and its local file.
    Q_PROPERTY(int currentAnswer READ currentAnswer WRITE setCurrentAnswer NOTIFY currentAnswerChanged)
    Q_PROPERTY(QUrl audioSource READ audioSource NOTIFY audioChanged)
    Q_PROPERTY(bool audioLoading READ audioLoading NOTIFY audioChanged)
    Q_PROPERTY(ApiError audioError READ audioError NOTIFY audioChanged)
public:
    explicit ReviewSession(QObject *parent = nullptr);
    ~ReviewSession() override;

    // How often a recording that is still being prepared (503) is asked for again, and how long apart.
    static constexpr int kPrepareRetries = 15;
    static constexpr int kPrepareRetryMs = 2000;

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    EventStream *events() const { return m_events; }
    void setEvents(EventStream *events);
    qint64 inviteId() const { return m_invite; }
    void setInviteId(qint64 id);
    // Where the private folder of recordings is made (default: the system's temporary folder).
    void setScratchFolder(const QString &path) { m_scratch = path; }
    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    ApiError error() const { return m_error; }
    QString candidateName() const { return m_candidateName; }
    QString candidateEmail() const { return m_candidateEmail; }
    qint64 candidateId() const { return m_candidateId; }
    bool hasCv() const { return m_hasCv; }
    QString interviewTitle() const { return m_interviewTitle; }
    QVariantList criteria() const { return m_criteria; }
    QVariantList answers() const { return m_answers; }
    QString note() const { return m_note; }
    QString decision() const { return m_decision; }
    QString decisionText() const;
    bool saving() const { return m_saving > 0; }
    int currentAnswer() const { return m_current; }
    void setCurrentAnswer(int index);
    QUrl audioSource() const;
    bool audioLoading() const;
    ApiError audioError() const;

    Q_INVOKABLE void reload();
    // This reviewer's rating of criterion `criterionId`: 1–5, or 0 to clear it.
    Q_INVOKABLE void rate(qint64 criterionId, int score);
    Q_INVOKABLE void saveNote(const QString &note);
    // advance, hold or reject.
    Q_INVOKABLE void decide(const QString &decision);
    static QString decisionLabel(const QString &decision);

signals:
    void clientChanged();
    void eventsChanged();
    void inviteIdChanged();
    void loadingChanged();
    void loadedChanged();
    void errorChanged();
    void reviewChanged();
    void noteChanged();
    void savingChanged();
    void currentAnswerChanged();
    void audioChanged();
    // A change was saved (ok) or refused (error set): a page can say so where it happened.
    void saved(const QString &what, bool ok);

private:
    struct Download
    {
        QString path;     // the local file once complete
        bool loading = false;
        int attempts = 0;
        ApiError error;
    };
    void take(const QJsonObject &review);
    void send(const QString &what, const QByteArray &verb, const QString &path, const QJsonObject &body);
    void setLoading(bool loading);
    void setError(const ApiError &error);
    void fetch(int index);
    void fetchAnswer(qint64 answerId, const QString &mime);
    qint64 answerIdAt(int index) const;

    QPointer<ApiClient> m_client;
    QPointer<EventStream> m_events;
    QTimer m_liveReload;
    qint64 m_invite = 0;
    bool m_loading = false, m_loaded = false;
    int m_saving = 0;
    ApiError m_error;
    qint64 m_candidateId = 0;
    bool m_hasCv = false;
    QString m_candidateName, m_candidateEmail, m_interviewTitle, m_note, m_decision, m_decisionBy;
    QDateTime m_decisionAt;
    QVariantList m_criteria, m_answers;
    int m_current = -1;
    QString m_scratch;
    std::unique_ptr<QTemporaryDir> m_dir; // recordings of this review only, owner-only, removed with it
    QHash<qint64, Download> m_downloads;
    quint64 m_generation = 0; // replies for an invite no longer shown are dropped
};
