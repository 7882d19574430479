#include "pipelinemodel.h"

#include "eventstream.h"
#include "reviewsession.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonObject>
#include <QLocale>

PipelineModel::PipelineModel(QObject *parent)
    : ApiListModel(parent)
{
    m_liveReload.setSingleShot(true);
    m_liveReload.setInterval(150);
    connect(&m_liveReload, &QTimer::timeout, this, &PipelineModel::reload);
    connect(this, &ApiListModel::clientChanged, this, &PipelineModel::loadCriteria);
}

void PipelineModel::setEvents(EventStream *events)
{
    if (events == m_events)
        return;
    if (m_events)
        disconnect(m_events, nullptr, this, nullptr);
    m_events = events;
    if (m_events) {
        connect(m_events, &EventStream::event, this, [this](const QJsonObject &e) {
            if (e.value(QStringLiteral("interviewId")).toInteger() != m_interview)
                return;
            if (e.value(QStringLiteral("event")).toString() == QLatin1String("review") && e.value(QStringLiteral("change")).toString() == QLatin1String("criteria"))
                loadCriteria();
            m_liveReload.start();
        });
        connect(m_events, &EventStream::resynced, this, &PipelineModel::reload);
    }
    emit eventsChanged();
}

QString PipelineModel::statusText(const QString &status)
{
    if (status == QLatin1String("invited")) return tr("Invited");
    if (status == QLatin1String("started")) return tr("In progress");
    if (status == QLatin1String("finished")) return tr("Finished");
    if (status == QLatin1String("refused_consent")) return tr("Declined consent");
    if (status == QLatin1String("revoked")) return tr("Link revoked");
    if (status == QLatin1String("expired")) return tr("Link expired");
    return status;
}

QString PipelineModel::detailOf(const Row &row) const
{
    const QLocale locale;
    const QString extra = row.extraTime > 0 ? tr(" · %1 % extra time").arg(row.extraTime) : QString();
    if (row.status == QLatin1String("started") && row.phase == QLatin1String("answering"))
        return (row.connected ? tr("answering question %1 · connected now").arg(row.question + 1)
                              : tr("answering question %1 · not connected").arg(row.question + 1)) + extra;
    if (row.status == QLatin1String("started"))
        return (row.connected ? tr("on question %1 · connected now").arg(row.question + 1) : tr("on question %1 · not connected").arg(row.question + 1)) + extra;
    if (row.status == QLatin1String("finished") && row.finishedAt.isValid())
        return tr("finished %1").arg(locale.toString(row.finishedAt.toLocalTime(), QLocale::ShortFormat));
    if (row.status == QLatin1String("invited") && row.expiresAt.isValid())
        return tr("link valid until %1").arg(locale.toString(row.expiresAt.toLocalTime().date(), QLocale::ShortFormat)) + extra;
    if (row.status == QLatin1String("expired") && row.expiresAt.isValid())
        return tr("expired %1").arg(locale.toString(row.expiresAt.toLocalTime().date(), QLocale::ShortFormat)) + extra;
    return extra.isEmpty() ? QString() : extra.mid(3);
}

QVariant PipelineModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(index))
        return {};
    const Row &r = m_all.at(itemIndex(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case InviteIdRole: return r.invite;
    case CandidateIdRole: return r.candidate;
    case EmailRole: return r.email;
    case StatusRole: return r.status;
    case StatusTextRole: return statusText(r.status);
    case DetailRole: return detailOf(r);
    case ConnectedRole: return r.connected;
    case HasCvRole: return r.hasCv;
    case ExpiresAtRole: return r.expiresAt;
    case RevokedRole: return r.revoked;
    case ExtraTimeRole: return r.extraTime;
    case ScoreRole: return r.score;
    case DecisionRole: return r.decision;
    case DecisionTextRole: return r.decision.isEmpty() ? QString() : ReviewSession::decisionLabel(r.decision);
    case AnswerCountRole: return r.answers;
    case AnswerSecondsRole: return int(r.answerMs / 1000);
    case PhaseRole: return r.phase;
    case ScoresRole: {
        QVariantList scores;
        for (const QVariant &c : m_criteria)
            scores.append(r.scores.value(c.toMap().value(QStringLiteral("id")).toLongLong(), 0.0));
        return scores;
    }
    }
    return {};
}

QHash<int, QByteArray> PipelineModel::roleNames() const
{
    return {{InviteIdRole, "inviteId"}, {CandidateIdRole, "candidateId"}, {NameRole, "name"}, {EmailRole, "email"},
            {StatusRole, "status"}, {StatusTextRole, "statusText"}, {DetailRole, "detail"}, {ConnectedRole, "connected"},
            {HasCvRole, "hasCv"}, {ExpiresAtRole, "expiresAt"}, {ExtraTimeRole, "extraTimePercent"}, {RevokedRole, "revoked"}, {ScoreRole, "score"},
            {DecisionRole, "decision"}, {DecisionTextRole, "decisionText"}, {AnswerCountRole, "answerCount"}, {AnswerSecondsRole, "answerSeconds"}, {PhaseRole, "phase"}, {ScoresRole, "scores"}};
}

void PipelineModel::setInterviewId(qint64 id)
{
    if (id == m_interview)
        return;
    m_interview = id;
    emit interviewIdChanged();
    clearItems();
    loadCriteria();
    reload();
}

QString PipelineModel::listPath() const
{
    return m_interview > 0 ? QStringLiteral("/interviews/%1/candidates").arg(m_interview) : QString();
}

bool PipelineModel::matches(int index, const QString &needle) const
{
    const Row &r = m_all.at(index);
    return r.name.contains(needle, Qt::CaseInsensitive) || r.email.contains(needle, Qt::CaseInsensitive)
        || statusText(r.status).contains(needle, Qt::CaseInsensitive);
}

int PipelineModel::takeItems(const QJsonArray &items)
{
    m_all.clear();
    m_all.reserve(items.size());
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        const QJsonObject c = o.value(QStringLiteral("candidate")).toObject();
        const QJsonObject session = o.value(QStringLiteral("session")).toObject();
        Row r;
        r.invite = o.value(QStringLiteral("id")).toInteger();
        r.candidate = c.value(QStringLiteral("id")).toInteger();
        r.name = c.value(QStringLiteral("name")).toString();
        r.email = c.value(QStringLiteral("email")).toString();
        r.hasCv = c.value(QStringLiteral("hasCv")).toBool();
        r.status = o.value(QStringLiteral("status")).toString();
        r.revoked = o.value(QStringLiteral("revoked")).toBool();
        r.extraTime = o.value(QStringLiteral("extraTimePercent")).toInt();
        r.expiresAt = QDateTime::fromString(o.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate);
        r.question = session.value(QStringLiteral("question")).toInt();
        r.phase = session.value(QStringLiteral("phase")).toString();
        r.connected = session.value(QStringLiteral("connected")).toBool();
        r.startedAt = QDateTime::fromString(session.value(QStringLiteral("startedAt")).toString(), Qt::ISODate);
        r.finishedAt = QDateTime::fromString(session.value(QStringLiteral("finishedAt")).toString(), Qt::ISODate);
        const QJsonObject review = o.value(QStringLiteral("review")).toObject();
        r.score = review.value(QStringLiteral("score")).toDouble(0);
        r.decision = review.value(QStringLiteral("decision")).toObject().value(QStringLiteral("value")).toString();
        const QJsonObject answers = o.value(QStringLiteral("answers")).toObject();
        r.answers = answers.value(QStringLiteral("count")).toInt();
        r.answerMs = answers.value(QStringLiteral("durationMs")).toInteger();
        const QJsonObject scores = review.value(QStringLiteral("scores")).toObject();
        for (auto it = scores.begin(); it != scores.end(); ++it)
            r.scores.insert(it.key().toLongLong(), it.value().toDouble());
        m_all.append(r);
    }
    return int(m_all.size());
}

void PipelineModel::loadCriteria()
{
    if (!client() || !client()->signedIn() || m_interview <= 0)
        return;
    const qint64 interview = m_interview;
    client()->get(QStringLiteral("/interviews/%1/criteria").arg(interview), this, [this, interview](const ApiResult &r) {
        if (interview != m_interview || !r.ok())
            return;
        QVariantList criteria;
        for (const QJsonValue &v : r.json.toObject().value(QStringLiteral("items")).toArray())
            criteria.append(QVariantMap{{QStringLiteral("id"), v.toObject().value(QStringLiteral("id")).toInteger()},
                                        {QStringLiteral("name"), v.toObject().value(QStringLiteral("name")).toString()}});
        if (criteria == m_criteria)
            return;
        beginResetModel(); // the scores role follows the criteria
        m_criteria = criteria;
        endResetModel();
        emit criteriaChanged();
    });
}

QVariant PipelineModel::sortValue(int index, const QString &key) const
{
    const Row &r = m_all.at(index);
    if (key == QLatin1String("name")) return r.name;
    if (key == QLatin1String("email")) return r.email;
    if (key == QLatin1String("status")) return statusText(r.status);
    if (key == QLatin1String("score")) return r.score > 0 ? QVariant(r.score) : QVariant();
    if (key == QLatin1String("answers")) return r.answers;
    if (key == QLatin1String("length")) return r.answerMs;
    if (key == QLatin1String("decision")) {
        // Best first when descending: advance, hold, reject; undecided rows have no value (last).
        if (r.decision == QLatin1String("advance")) return 3;
        if (r.decision == QLatin1String("hold")) return 2;
        if (r.decision == QLatin1String("reject")) return 1;
        return {};
    }
    if (key.startsWith(QLatin1String("criterion:"))) {
        const auto it = r.scores.constFind(key.mid(10).toLongLong());
        return it == r.scores.cend() ? QVariant() : QVariant(*it);
    }
    return {};
}

QVariantList PipelineModel::reviewableInviteIds() const
{
    QVariantList ids;
    for (int row = 0; row < rowCount(); ++row) {
        const Row &r = m_all.at(itemIndex(row));
        if (r.answers > 0)
            ids.append(r.invite);
    }
    return ids;
}

void PipelineModel::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void PipelineModel::fail(const ApiError &error)
{
    setBusy(false);
    setError(error);
    emit actionDone(false);
}

void PipelineModel::addCandidate(const QString &name, const QString &email)
{
    if (!client() || m_busy || m_interview <= 0)
        return;
    setBusy(true);
    const QJsonObject body{{QStringLiteral("name"), name.trimmed()}, {QStringLiteral("email"), email.trimmed()}};
    client()->post(QStringLiteral("/candidates"), body, this, [this, name](const ApiResult &r) {
        if (!r.ok())
            return fail(r.error);
        invite(r.json.toObject().value(QStringLiteral("id")).toInteger(), name.trimmed());
    });
}

void PipelineModel::newLink(qint64 candidateId, const QString &name)
{
    if (!client() || m_busy || m_interview <= 0)
        return;
    setBusy(true);
    invite(candidateId, name);
}

void PipelineModel::invite(qint64 candidateId, const QString &name)
{
    const QJsonObject body{{QStringLiteral("interviewId"), m_interview}, {QStringLiteral("candidateId"), candidateId}};
    client()->post(QStringLiteral("/invites"), body, this, [this, name](const ApiResult &r) {
        if (!r.ok())
            return fail(r.error);
        m_lastLink = r.json.toObject().value(QStringLiteral("url")).toString();
        m_lastLinkName = name;
        emit lastLinkChanged();
        setBusy(false);
        setError(ApiError());
        emit actionDone(true);
        reload();
    });
}

void PipelineModel::revoke(qint64 inviteId)
{
    if (!client() || m_busy)
        return;
    setBusy(true);
    client()->post(QStringLiteral("/invites/%1/revoke").arg(inviteId), QJsonValue(), this, [this](const ApiResult &r) { actionFinished(r); });
}

void PipelineModel::erase(qint64 candidateId)
{
    if (!client() || m_busy)
        return;
    setBusy(true);
    client()->remove(QStringLiteral("/candidates/%1").arg(candidateId), this, [this](const ApiResult &r) { actionFinished(r); });
}

void PipelineModel::changeTerms(qint64 inviteId, int extendDays, int extraTimePercent)
{
    if (!client() || m_busy)
        return;
    QJsonObject body{{QStringLiteral("extraTimePercent"), extraTimePercent}};
    if (extendDays > 0) {
        const auto row = std::find_if(m_all.cbegin(), m_all.cend(), [inviteId](const Row &r) { return r.invite == inviteId; });
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime from = row != m_all.cend() && row->expiresAt > now ? row->expiresAt : now;
        body.insert(QStringLiteral("expiresAt"), from.addDays(extendDays).toUTC().toString(Qt::ISODate));
    }
    setBusy(true);
    client()->put(QStringLiteral("/invites/%1").arg(inviteId), body, this, [this](const ApiResult &r) { actionFinished(r); });
}

void PipelineModel::actionFinished(const ApiResult &r)
{
    if (!r.ok())
        return fail(r.error);
    setBusy(false);
    setError(ApiError());
    emit actionDone(true);
    reload();
}

void PipelineModel::copyToClipboard(const QString &text) const
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

void PipelineModel::clearLastLink()
{
    m_lastLink.clear();
    m_lastLinkName.clear();
    emit lastLinkChanged();
}
