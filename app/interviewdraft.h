#pragma once
// One interview as the builder edits it: loaded from the API, checked against the API's limits as the recruiter
// types, saved with If-Match so that a colleague's change in the meantime is never overwritten silently.

#include "apiclient.h"
#include "questionlistmodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrl>
#include <QVariantList>
#include <functional>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class InterviewDraft : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(qint64 interviewId READ interviewId NOTIFY loaded)
    Q_PROPERTY(bool isNew READ isNew NOTIFY loaded)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY edited)
    Q_PROPERTY(QString intro READ intro WRITE setIntro NOTIFY edited)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY edited)
    Q_PROPERTY(QDateTime deadline READ deadline WRITE setDeadline NOTIFY edited)
    Q_PROPERTY(QuestionListModel *questions READ questions CONSTANT)
    Q_PROPERTY(bool dirty READ dirty NOTIFY dirtyChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(ApiError error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString titleProblem READ titleProblem NOTIFY edited)
    Q_PROPERTY(QString deadlineProblem READ deadlineProblem NOTIFY edited)
    // What reviewers rate candidates on: [{id (0 for a new one), name}], saved with their own route so that they
    // can change while candidates answer (the questions cannot).
    Q_PROPERTY(QVariantList criteria READ criteria NOTIFY edited)
    Q_PROPERTY(QString criteriaProblem READ criteriaProblem NOTIFY edited)
    Q_PROPERTY(bool canSave READ canSave NOTIFY edited)
public:
    explicit InterviewDraft(QObject *parent = nullptr);

    static constexpr int kMaxTitle = 200, kMaxIntro = 5000, kMaxCriteria = 12, kMaxCriterionName = 80;

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    qint64 interviewId() const { return m_id; }
    bool isNew() const { return m_id == 0; }
    QString title() const { return m_title; }
    void setTitle(const QString &v);
    QString intro() const { return m_intro; }
    void setIntro(const QString &v);
    QString language() const { return m_language; }
    void setLanguage(const QString &v);
    QDateTime deadline() const { return m_deadline; }
    void setDeadline(const QDateTime &v);
    QuestionListModel *questions() const { return m_questions; }
    bool dirty() const { return m_dirty; }
    bool busy() const { return m_busy; }
    ApiError error() const { return m_error; }
    QString titleProblem() const;
    QString deadlineProblem() const;
    bool canSave() const;
    QVariantList criteria() const { return m_criteria; }
    QString criteriaProblem() const;
    Q_INVOKABLE void addCriterion(const QString &name);
    Q_INVOKABLE void renameCriterion(int index, const QString &name);
    Q_INVOKABLE void removeCriterion(int index);

    // A new, empty interview with one question.
    Q_INVOKABLE void clear();
    Q_INVOKABLE void load(qint64 id);
    // Loads `id` as a new interview (not yet saved) titled "… (copy)".
    Q_INVOKABLE void duplicate(qint64 id);
    // Creates or updates; `saved(id)` when the server has it.
    Q_INVOKABLE void save();
    // Deletes the loaded interview (the server refuses once candidates started it); `removed()` when done.
    Q_INVOKABLE void remove();
    // The candidate page of the saved interview, for the recruiter to try (a hidden copy on the server: it shows in
    // no list); `previewReady(url)` with the page's address, or `error`.
    Q_INVOKABLE void preview();

signals:
    void clientChanged();
    void loaded();
    void edited();
    void dirtyChanged();
    void busyChanged();
    void errorChanged();
    void saved(qint64 id);
    void previewReady(const QUrl &url);
    void removed();

private:
    void fetch(qint64 id, bool asCopy);
    void setBusy(bool busy);
    void setError(const ApiError &error);
    void setDirty(bool dirty);
    void markEdited();
    void markCriteriaEdited();
    void finishSave(const ApiResult &r);
    void saveCriteria(qint64 id, std::function<void()> then);
    void takeCriteria(const QJsonArray &criteria);

    QPointer<ApiClient> m_client;
    QuestionListModel *m_questions;
    qint64 m_id = 0;
    QByteArray m_etag;
    QString m_title, m_intro, m_language = QStringLiteral("en");
    QDateTime m_deadline;
    QVariantList m_criteria;
    bool m_dirty = false, m_busy = false;
    bool m_fieldsEdited = false, m_criteriaEdited = false; // what a save of an existing interview must send
    ApiError m_error;
};
