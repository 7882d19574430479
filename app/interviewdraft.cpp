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
    m_fieldsEdited = true;
    setDirty(true);
    emit edited();
}

void InterviewDraft::markCriteriaEdited()
{
    m_criteriaEdited = true;
    setDirty(true);
    emit edited();
}

void InterviewDraft::addCriterion(const QString &name)
{
    if (m_criteria.size() >= kMaxCriteria)
        return;
    m_criteria.append(QVariantMap{{QStringLiteral("id"), 0}, {QStringLiteral("name"), name}});
    markCriteriaEdited();
}

void InterviewDraft::renameCriterion(int index, const QString &name)
{
    if (index < 0 || index >= m_criteria.size() || m_criteria.at(index).toMap().value(QStringLiteral("name")).toString() == name)
        return;
    QVariantMap c = m_criteria.at(index).toMap();
    c.insert(QStringLiteral("name"), name);
    m_criteria.replace(index, c);
    markCriteriaEdited();
}

void InterviewDraft::removeCriterion(int index)
{
    if (index < 0 || index >= m_criteria.size())
        return;
    m_criteria.removeAt(index);
    markCriteriaEdited();
}

QString InterviewDraft::criteriaProblem() const
{
    QStringList seen;
    for (int i = 0; i < m_criteria.size(); ++i) {
        const QString name = m_criteria.at(i).toMap().value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty())
            return tr("Criterion %1 has no name.").arg(i + 1);
        if (name.size() > kMaxCriterionName)
            return tr("Shorten criterion %1 to %n characters or fewer.", nullptr, kMaxCriterionName).arg(i + 1);
        if (seen.contains(name.toLower()))
            return tr("Two criteria are called “%1”.").arg(name);
        seen.append(name.toLower());
    }
    return {};
}

void InterviewDraft::takeCriteria(const QJsonArray &criteria)
{
    m_criteria.clear();
    for (const QJsonValue &v : criteria)
        m_criteria.append(QVariantMap{{QStringLiteral("id"), v.toObject().value(QStringLiteral("id")).toInteger()},
                                      {QStringLiteral("name"), v.toObject().value(QStringLiteral("name")).toString()}});
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
    return titleProblem().isEmpty() && deadlineProblem().isEmpty() && criteriaProblem().isEmpty() && m_intro.size() <= kMaxIntro
        && m_questions->rowCount() > 0 && m_questions->firstProblem() < 0;
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
    // Sensible criteria to start from; the recruiter renames or removes them.
    m_criteria = {QVariantMap{{QStringLiteral("id"), 0}, {QStringLiteral("name"), tr("Communication")}},
                  QVariantMap{{QStringLiteral("id"), 0}, {QStringLiteral("name"), tr("Relevant experience")}},
                  QVariantMap{{QStringLiteral("id"), 0}, {QStringLiteral("name"), tr("Motivation")}}};
    m_fieldsEdited = m_criteriaEdited = false;
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
        takeCriteria(o.value(QStringLiteral("criteria")).toArray());
        if (asCopy) // the copy's criteria are new ones
            for (QVariant &c : m_criteria)
                c = QVariantMap{{QStringLiteral("id"), 0}, {QStringLiteral("name"), c.toMap().value(QStringLiteral("name"))}};
        m_fieldsEdited = m_criteriaEdited = false;
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
    if (m_id == 0) {
        QJsonArray criteria;
        for (const QVariant &c : std::as_const(m_criteria))
            criteria.append(QJsonObject{{QStringLiteral("name"), c.toMap().value(QStringLiteral("name")).toString().trimmed()}});
        body.insert(QStringLiteral("criteria"), criteria);
        m_client->post(QStringLiteral("/interviews"), body, this, [this](const ApiResult &r) { finishSave(r); });
        return;
    }
    // The criteria first: they may change while candidates answer, when the rest of the interview may not.
    const qint64 id = m_id;
    const bool fields = m_fieldsEdited;
    saveCriteria(id, [this, id, fields, body] {
        if (!fields) {
            m_client->get(QStringLiteral("/interviews/%1").arg(id), this, [this](const ApiResult &r) { finishSave(r); });
            return;
        }
        m_client->put(QStringLiteral("/interviews/%1").arg(id), body, this, [this](const ApiResult &r) { finishSave(r); }, m_etag);
    });
}

void InterviewDraft::saveCriteria(qint64 id, std::function<void()> then)
{
    if (!m_criteriaEdited)
        return then();
    QJsonArray criteria;
    for (const QVariant &c : std::as_const(m_criteria)) {
        QJsonObject o{{QStringLiteral("name"), c.toMap().value(QStringLiteral("name")).toString().trimmed()}};
        if (const qint64 cid = c.toMap().value(QStringLiteral("id")).toLongLong())
            o.insert(QStringLiteral("id"), cid);
        criteria.append(o);
    }
    m_client->put(QStringLiteral("/interviews/%1/criteria").arg(id), QJsonObject{{QStringLiteral("criteria"), criteria}}, this,
                  [this, then](const ApiResult &r) {
                      if (!r.ok()) {
                          setBusy(false);
                          setError(r.error);
                          return;
                      }
                      takeCriteria(r.json.toObject().value(QStringLiteral("items")).toArray());
                      m_criteriaEdited = false;
                      then();
                  });
}

void InterviewDraft::finishSave(const ApiResult &r)
{
    setBusy(false);
    if (!r.ok()) {
        setError(r.error);
        return;
    }
    const QJsonObject o = r.json.toObject();
    m_id = o.value(QStringLiteral("id")).toInteger();
    m_etag = r.etag;
    takeCriteria(o.value(QStringLiteral("criteria")).toArray());
    m_fieldsEdited = m_criteriaEdited = false;
    setError({});
    setDirty(false);
    emit loaded();
    emit edited();
    emit saved(m_id);
}

void InterviewDraft::preview()
{
    if (!m_client || m_busy || m_id == 0)
        return;
    setBusy(true);
    m_client->post(QStringLiteral("/interviews/%1/preview").arg(m_id), QJsonValue(), this, [this](const ApiResult &r) {
        setBusy(false);
        if (!r.ok()) {
            setError(r.error);
            return;
        }
        setError({});
        emit previewReady(QUrl(r.json.toObject().value(QStringLiteral("url")).toString()));
    });
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
