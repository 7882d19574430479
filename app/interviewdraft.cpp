#include "interviewdraft.h"

#include <QJsonObject>

InterviewDraft::InterviewDraft(QObject *parent)
    : QObject(parent)
    , m_questions(new QuestionListModel(this))
{
    connect(m_questions, &QuestionListModel::edited, this, &InterviewDraft::markEdited);
    clear();
}

void InterviewDraft::setClient(ApiClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    emit clientChanged();
}

void InterviewDraft::markEdited()
{
    setDirty(true);
    emit edited();
}

void InterviewDraft::setTitle(const QString &v)
{
    if (v == m_title)
        return;
    m_title = v;
    markEdited();
}

void InterviewDraft::setIntro(const QString &v)
{
    if (v == m_intro)
        return;
    m_intro = v;
    markEdited();
}

void InterviewDraft::setLanguage(const QString &v)
{
    if (v == m_language || (v != QLatin1String("en") && v != QLatin1String("de")))
        return;
    m_language = v;
    markEdited();
}

void InterviewDraft::setDeadline(const QDateTime &v)
{
    if (v == m_deadline)
        return;
    m_deadline = v;
    markEdited();
}

QString InterviewDraft::titleProblem() const
{
    const QString t = m_title.trimmed();
    if (t.isEmpty())
        return tr("Give the interview a title.");
    if (t.size() > kMaxTitle)
        return tr("Shorten the title to %n characters or fewer.", nullptr, kMaxTitle);
    return {};
}

QString InterviewDraft::deadlineProblem() const
{
    if (m_deadline.isValid() && m_deadline <= QDateTime::currentDateTimeUtc())
        return tr("The deadline must be in the future.");
    return {};
}

bool InterviewDraft::canSave() const
{
    return titleProblem().isEmpty() && deadlineProblem().isEmpty() && m_intro.size() <= kMaxIntro && m_questions->rowCount() > 0
        && m_questions->firstProblem() < 0;
}

void InterviewDraft::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void InterviewDraft::setError(const ApiError &error)
{
    m_error = error;
    emit errorChanged();
}

void InterviewDraft::setDirty(bool dirty)
{
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    emit dirtyChanged();
}

void InterviewDraft::clear()
{
    m_id = 0;
    m_etag.clear();
    m_title.clear();
    m_intro.clear();
    m_language = QStringLiteral("en");
    m_deadline = QDateTime();
    m_questions->load({});
    m_questions->add();
    setError({});
    emit loaded();
    emit edited();
    setDirty(false);
}

void InterviewDraft::load(qint64 id)
{
    fetch(id, false);
}

void InterviewDraft::duplicate(qint64 id)
{
    fetch(id, true);
}

void InterviewDraft::fetch(qint64 id, bool asCopy)
{
    if (!m_client)
        return;
    setBusy(true);
    m_client->get(QStringLiteral("/interviews/%1").arg(id), this, [this, asCopy](const ApiResult &r) {
        setBusy(false);
        if (!r.ok()) {
            setError(r.error);
            return;
        }
        const QJsonObject o = r.json.toObject();
        m_id = asCopy ? 0 : o.value(QStringLiteral("id")).toInteger();
        m_etag = asCopy ? QByteArray() : r.etag;
        m_title = o.value(QStringLiteral("title")).toString();
        if (asCopy)
            m_title = tr("%1 (copy)").arg(m_title).left(kMaxTitle);
        m_intro = o.value(QStringLiteral("intro")).toString();
        m_language = o.value(QStringLiteral("language")).toString(QStringLiteral("en"));
        m_deadline = QDateTime::fromString(o.value(QStringLiteral("deadline")).toString(), Qt::ISODate);
        if (asCopy && m_deadline.isValid() && m_deadline <= QDateTime::currentDateTimeUtc())
            m_deadline = QDateTime(); // a copy of an old interview must not start with a deadline in the past
        m_questions->load(o.value(QStringLiteral("questions")).toArray());
        setError({});
        emit loaded();
        emit edited();
        setDirty(asCopy);
    });
}

void InterviewDraft::save()
{
    if (!m_client || m_busy || !canSave())
        return;
    QJsonObject body{{QStringLiteral("title"), m_title.trimmed()}, {QStringLiteral("intro"), m_intro.trimmed()},
                     {QStringLiteral("language"), m_language}, {QStringLiteral("questions"), m_questions->toJson()}};
    if (m_deadline.isValid())
        body.insert(QStringLiteral("deadline"), m_deadline.toUTC().toString(Qt::ISODate));
    setBusy(true);
    auto done = [this](const ApiResult &r) {
        setBusy(false);
        if (!r.ok()) {
            setError(r.error);
            return;
        }
        m_id = r.json.toObject().value(QStringLiteral("id")).toInteger();
        m_etag = r.etag;
        setError({});
        setDirty(false);
        emit loaded();
        emit saved(m_id);
    };
    if (m_id == 0)
        m_client->post(QStringLiteral("/interviews"), body, this, done);
    else
        m_client->put(QStringLiteral("/interviews/%1").arg(m_id), body, this, done, m_etag);
}

void InterviewDraft::remove()
{
    if (!m_client || m_busy || m_id == 0)
        return;
    setBusy(true);
    m_client->remove(QStringLiteral("/interviews/%1").arg(m_id), this, [this](const ApiResult &r) {
        setBusy(false);
        if (!r.ok()) {
            setError(r.error);
            return;
        }
        setError({});
        clear();
        emit removed();
    }, m_etag);
}
