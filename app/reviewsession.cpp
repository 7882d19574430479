#include "reviewsession.h"

#include "eventstream.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcReview, "intervox.app.review")

namespace {
QString str(const char *latin1) { return QString::fromLatin1(latin1); }
} // namespace

ReviewSession::ReviewSession(QObject *parent)
    : QObject(parent)
{
    // A colleague's ratings or decision come as events, often several at once: one reload for a burst.
    m_liveReload.setSingleShot(true);
    m_liveReload.setInterval(200);
    connect(&m_liveReload, &QTimer::timeout, this, &ReviewSession::reload);
}

ReviewSession::~ReviewSession() = default;

void ReviewSession::setClient(ApiClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    emit clientChanged();
    reload();
}

void ReviewSession::setEvents(EventStream *events)
{
    if (events == m_events)
        return;
    if (m_events)
        disconnect(m_events, nullptr, this, nullptr);
    m_events = events;
    if (m_events) {
        connect(m_events, &EventStream::event, this, [this](const QJsonObject &e) {
            const QString kind = e.value(str("event")).toString();
            if ((kind == QLatin1String("review") && e.value(str("inviteId")).toInteger() == m_invite)
                || (kind == QLatin1String("review") && e.value(str("change")).toString() == QLatin1String("criteria"))
                || (kind == QLatin1String("answer_saved") && m_loaded))
                m_liveReload.start();
        });
        connect(m_events, &EventStream::resynced, this, &ReviewSession::reload);
    }
    emit eventsChanged();
}

void ReviewSession::setInviteId(qint64 id)
{
    if (id == m_invite)
        return;
    m_invite = id;
    ++m_generation;
    m_downloads.clear();
    m_dir.reset(); // the previous candidate's recordings go with them
    m_loaded = false;
    m_current = -1;
    m_criteria.clear();
    m_answers.clear();
    m_note.clear();
    m_decision.clear();
    emit inviteIdChanged();
    emit loadedChanged();
    emit reviewChanged();
    emit noteChanged();
    emit currentAnswerChanged();
    emit audioChanged();
    reload();
}

void ReviewSession::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void ReviewSession::setError(const ApiError &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

void ReviewSession::reload()
{
    if (!m_client || !m_client->signedIn() || m_invite <= 0)
        return;
    setLoading(true);
    const quint64 generation = m_generation;
    m_client->get(str("/invites/%1/review").arg(m_invite), this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return;
        setLoading(false);
        setError(r.error);
        if (r.ok())
            take(r.json.toObject());
    });
}

void ReviewSession::take(const QJsonObject &review)
{
    const QJsonObject candidate = review.value(str("candidate")).toObject();
    m_candidateName = candidate.value(str("name")).toString();
    m_candidateEmail = candidate.value(str("email")).toString();
    m_candidateId = candidate.value(str("id")).toInteger();
    m_hasCv = candidate.value(str("hasCv")).toBool();
    m_interviewTitle = review.value(str("interview")).toObject().value(str("title")).toString();
    m_criteria.clear();
    for (const QJsonValue &v : review.value(str("criteria")).toArray()) {
        const QJsonObject c = v.toObject();
        m_criteria.append(QVariantMap{{str("id"), c.value(str("id")).toInteger()}, {str("name"), c.value(str("name")).toString()},
                                      {str("description"), c.value(str("description")).toString()},
                                      {str("mine"), c.value(str("mine")).toInt(0)}, {str("average"), c.value(str("average")).toDouble(0)},
                                      {str("ratings"), c.value(str("ratings")).toInt()}});
    }
    const qint64 shown = answerIdAt(m_current);
    m_answers.clear();
    int current = -1;
    for (const QJsonValue &v : review.value(str("answers")).toArray()) {
        const QJsonObject a = v.toObject();
        const qint64 id = a.value(str("id")).toInteger();
        if (id == shown)
            current = int(m_answers.size());
        m_answers.append(QVariantMap{{str("id"), id}, {str("question"), a.value(str("question")).toInt()},
                                     {str("questionText"), a.value(str("questionText")).toString()}, {str("take"), a.value(str("take")).toInt()},
                                     {str("status"), a.value(str("status")).toString()}, {str("mime"), a.value(str("mime")).toString()},
                                     {str("durationMs"), a.value(str("durationMs")).toInteger()},
                                     {str("saved"), a.value(str("status")).toString() == QLatin1String("saved")},
                                     {str("recordingDeleted"), a.value(str("media")).toString() == QLatin1String("deleted")}});
    }
    const QJsonObject decision = review.value(str("decision")).toObject();
    m_decision = decision.value(str("value")).toString();
    m_decisionBy = decision.value(str("by")).toObject().value(str("name")).toString();
    m_decisionAt = QDateTime::fromString(decision.value(str("at")).toString(), Qt::ISODate);
    const QString note = review.value(str("note")).toString();
    const bool firstLoad = !m_loaded;
    m_loaded = true;
    emit reviewChanged();
    if (firstLoad)
        emit loadedChanged();
    if (note != m_note) {
        m_note = note;
        emit noteChanged();
    }
    if (current < 0 && !m_answers.isEmpty())
        current = 0;
    if (current != m_current) {
        m_current = current;
        emit currentAnswerChanged();
    }
    fetch(m_current);
    fetch(m_current + 1);
}

QString ReviewSession::decisionLabel(const QString &decision)
{
    if (decision == QLatin1String("advance")) return tr("Advance");
    if (decision == QLatin1String("hold")) return tr("Hold");
    if (decision == QLatin1String("reject")) return tr("Reject");
    return tr("No decision yet");
}

QString ReviewSession::decisionText() const
{
    if (m_decision.isEmpty())
        return tr("No decision yet");
    const QString when = QLocale().toString(m_decisionAt.toLocalTime(), QLocale::ShortFormat);
    if (m_decision == QLatin1String("advance")) return tr("Advanced by %1, %2").arg(m_decisionBy, when);
    if (m_decision == QLatin1String("hold")) return tr("On hold by %1, %2").arg(m_decisionBy, when);
    return tr("Rejected by %1, %2").arg(m_decisionBy, when);
}

void ReviewSession::send(const QString &what, const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    if (!m_client || m_invite <= 0)
        return;
    ++m_saving;
    emit savingChanged();
    const quint64 generation = m_generation;
    m_client->send(verb, path, body, this, [this, what, generation](const ApiResult &r) {
        --m_saving;
        emit savingChanged();
        if (generation != m_generation)
            return;
        setError(r.error);
        if (r.ok())
            take(r.json.toObject());
        emit saved(what, r.ok());
    });
}

void ReviewSession::rate(qint64 criterionId, int score)
{
    if (score < 0 || score > 5)
        return;
    send(str("ratings"), "PUT", str("/invites/%1/review/ratings").arg(m_invite),
         QJsonObject{{str("ratings"), QJsonObject{{QString::number(criterionId), score ? QJsonValue(score) : QJsonValue(QJsonValue::Null)}}}});
}

void ReviewSession::saveNote(const QString &note)
{
    if (note == m_note)
        return;
    send(str("note"), "PUT", str("/invites/%1/review/note").arg(m_invite), QJsonObject{{str("note"), note}});
}

void ReviewSession::decide(const QString &decision)
{
    send(str("decision"), "POST", str("/invites/%1/decision").arg(m_invite), QJsonObject{{str("decision"), decision}});
}

qint64 ReviewSession::answerIdAt(int index) const
{
    if (index < 0 || index >= m_answers.size())
        return 0;
    return m_answers.at(index).toMap().value(str("id")).toLongLong();
}

void ReviewSession::setCurrentAnswer(int index)
{
    if (m_answers.isEmpty())
        index = -1;
    else
        index = qBound(0, index, int(m_answers.size()) - 1);
    if (index == m_current)
        return;
    m_current = index;
    emit currentAnswerChanged();
    emit audioChanged();
    fetch(m_current);
    fetch(m_current + 1);
}

QUrl ReviewSession::audioSource() const
{
    const auto it = m_downloads.constFind(answerIdAt(m_current));
    return it == m_downloads.cend() || it->path.isEmpty() ? QUrl() : QUrl::fromLocalFile(it->path);
}

bool ReviewSession::audioLoading() const
{
    const auto it = m_downloads.constFind(answerIdAt(m_current));
    return it != m_downloads.cend() && it->loading;
}

ApiError ReviewSession::audioError() const
{
    const auto it = m_downloads.constFind(answerIdAt(m_current));
    return it == m_downloads.cend() ? ApiError{} : it->error;
}

void ReviewSession::fetch(int index)
{
    const qint64 id = answerIdAt(index);
    if (!id) // (no such answer: past the last one)
        return;
    const QVariantMap answer = m_answers.at(index).toMap();
    if (!answer.value(str("saved")).toBool() || answer.value(str("recordingDeleted")).toBool())
        return; // nothing to play (yet, or any more: deleted under the retention policy)
    const auto it = m_downloads.constFind(id);
    if (it != m_downloads.cend() && (it->loading || !it->path.isEmpty()))
        return;
    m_downloads[id] = Download{};
    fetchAnswer(id, m_answers.at(index).toMap().value(str("mime")).toString());
}

void ReviewSession::fetchAnswer(qint64 answerId, const QString &mime)
{
    if (!m_client)
        return;
    Download &d = m_downloads[answerId];
    d.loading = true;
    d.error = {};
    ++d.attempts;
    if (answerId == answerIdAt(m_current))
        emit audioChanged();
    const quint64 generation = m_generation;
    m_client->get(str("/answers/%1/recording").arg(answerId), this, [this, answerId, mime, generation](const ApiResult &r) {
        if (generation != m_generation || !m_downloads.contains(answerId))
            return;
        Download &d = m_downloads[answerId];
        // The first request joins the answer's segments on the server; it may say "ask again shortly".
        if ((r.error.kind == ApiError::Unavailable || r.error.kind == ApiError::Timeout) && d.attempts < kPrepareRetries) {
            QTimer::singleShot(kPrepareRetryMs, this, [this, answerId, mime, generation] {
                if (generation == m_generation && m_downloads.contains(answerId))
                    fetchAnswer(answerId, mime);
            });
            return;
        }
        d.loading = false;
        d.error = r.error;
        if (r.ok()) {
            if (!m_dir)
                m_dir = std::make_unique<QTemporaryDir>((m_scratch.isEmpty() ? QDir::tempPath() : m_scratch) + str("/intervox-review-XXXXXX"));
            const QString extension = mime.startsWith(QLatin1String("audio/mp4")) ? str("m4a")
                                      : mime.startsWith(QLatin1String("audio/ogg")) ? str("ogg") : str("webm");
            const QString path = m_dir->filePath(str("answer-%1.%2").arg(answerId).arg(extension));
            QFile file(path);
            if (m_dir->isValid() && file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) && file.write(r.body) == r.body.size()) {
                file.close();
                d.path = path;
            } else {
                const QString why = m_dir->isValid() ? file.errorString() : m_dir->errorString();
                qCWarning(lcReview) << "cannot keep the recording of answer" << answerId << "in" << m_dir->path() << why;
                d.error = ApiError::localFile(why);
                m_dir.reset(); // a new folder is tried for the next recording
            }
        }
        if (answerId == answerIdAt(m_current))
            emit audioChanged();
    });
}
