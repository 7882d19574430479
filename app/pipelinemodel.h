#pragma once
// The candidates of one interview (one row per invite, GET /interviews/{id}/candidates) with their status,
// and what a recruiter does with them: add a candidate with an invite link, make a new link, revoke one.

#include "apilistmodel.h"

#include <QTimer>
#include <QDateTime>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class EventStream;

class PipelineModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 interviewId READ interviewId WRITE setInterviewId NOTIFY interviewIdChanged)
    // Live updates: candidates joining, answering, leaving and finishing show without a reload by hand.
    Q_PROPERTY(EventStream *events READ events WRITE setEvents NOTIFY eventsChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // The link of the invite made last (shown once: the server keeps only its hash).
    Q_PROPERTY(QString lastLink READ lastLink NOTIFY lastLinkChanged)
    Q_PROPERTY(QString lastLinkName READ lastLinkName NOTIFY lastLinkChanged)
    // The interview's rating criteria [{id, name}], in order: the comparison table's score columns.
    Q_PROPERTY(QVariantList criteria READ criteria NOTIFY criteriaChanged)
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
        ScoreRole,        // mean of the criteria's mean ratings, 0 before anyone rated
        DecisionRole,     // "", advance, hold, reject
        DecisionTextRole, // the same in the recruiter's words
        AnswerCountRole,
        AnswerSecondsRole, // total length of the answers
        PhaseRole,        // the latest session's phase (consent, intro, thinking, answering, …), "" without one
        ScoresRole,       // the mean rating of each criterion (as `criteria`), 0 where nobody rated
        ExtraTimeRole,    // extra time on every think and answer period, in percent (an accommodation)
    };
    Q_ENUM(Role)

    explicit PipelineModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    qint64 interviewId() const { return m_interview; }
    EventStream *events() const { return m_events; }
    void setEvents(EventStream *events);
    void setInterviewId(qint64 id);
    bool busy() const { return m_busy; }
    QString lastLink() const { return m_lastLink; }
    QString lastLinkName() const { return m_lastLinkName; }

    // Creates the candidate and an invite to this interview; the link lands in lastLink.
    Q_INVOKABLE void addCandidate(const QString &name, const QString &email);
    // A new invite for a candidate already in the list (the old link keeps working until revoked).
    Q_INVOKABLE void newLink(qint64 candidateId, const QString &name);
    Q_INVOKABLE void revoke(qint64 inviteId);
    // Erases the candidate at their request (administrators): every invite, answer, recording, CV, rating, note
    // and decision of theirs, in every interview (DELETE /candidates/{id}).
    Q_INVOKABLE void erase(qint64 candidateId);
    // The link valid `extendDays` longer (counted from its deadline, or from now if that has passed; 0 keeps it)
    // and the extra time on its timed periods.
    Q_INVOKABLE void changeTerms(qint64 inviteId, int extendDays, int extraTimePercent);
    Q_INVOKABLE void copyToClipboard(const QString &text) const;
    Q_INVOKABLE void clearLastLink();
    // The invites of the rows shown (filter applied, in order) that have answers to review: the triage loop's
    // "next candidate".
    Q_INVOKABLE QVariantList reviewableInviteIds() const;

    static QString statusText(const QString &status);
    QVariantList criteria() const { return m_criteria; }

signals:
    void interviewIdChanged();
    void eventsChanged();
    void busyChanged();
    void lastLinkChanged();
    void criteriaChanged();
    // An action finished (ok or with `error` set), e.g. so a dialog can close.
    void actionDone(bool ok);

protected:
    QString listPath() const override;
    int takeItems(const QJsonArray &items) override;
    bool matches(int index, const QString &needle) const override;
    // name, email, status, score, decision, answers, length, or "criterion:<id>".
    QVariant sortValue(int index, const QString &key) const override;

private:
    struct Row
    {
        qint64 invite = 0, candidate = 0;
        QString name, email, status, phase;
        int question = 0, extraTime = 0;
        bool connected = false, hasCv = false, revoked = false;
        QDateTime expiresAt, finishedAt, startedAt;
        double score = 0;
        QString decision;
        int answers = 0;
        qint64 answerMs = 0;
        QHash<qint64, double> scores; // criterion id → mean rating
    };
    void loadCriteria();
    QString detailOf(const Row &row) const;
    void setBusy(bool busy);
    void fail(const ApiError &error);
    // The end of a change made from the list (revoke, erase, new terms): the error, or done and a reload.
    void actionFinished(const ApiResult &r);
    void invite(qint64 candidateId, const QString &name);

    QPointer<EventStream> m_events;
    QTimer m_liveReload; // events come in bursts (joined, state, answer saved): one reload for a burst
    qint64 m_interview = 0;
    QList<Row> m_all;
    QVariantList m_criteria;
    QString m_lastLink, m_lastLinkName;
    bool m_busy = false;
};
