#include "retentionsettings.h"

#include <QJsonObject>

namespace {
QString s(const char *latin1) { return QString::fromLatin1(latin1); }
QJsonValue daysValue(int days) { return days > 0 ? QJsonValue(days) : QJsonValue(QJsonValue::Null); }
} // namespace

RetentionSettings::RetentionSettings(QObject *parent)
    : QObject(parent)
{
}

void RetentionSettings::setClient(ApiClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    emit clientChanged();
}

void RetentionSettings::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void RetentionSettings::setError(const ApiError &error)
{
    m_error = error;
    emit errorChanged();
}

void RetentionSettings::take(const QJsonObject &o)
{
    m_recordingsDays = o.value(s("recordingsDays")).toInt(0);
    m_candidateDays = o.value(s("candidateDays")).toInt(0);
    m_previewDays = o.value(s("previewDays")).toInt(0);
    m_loaded = true;
    emit changed();
}

void RetentionSettings::reload()
{
    if (!m_client)
        return;
    setBusy(true);
    m_client->get(s("/retention"), this, [this](const ApiResult &r) {
        setBusy(false);
        setError(r.error);
        if (!r.ok())
            return;
        take(r.json.toObject());
        checkDue();
    });
}

void RetentionSettings::save(int recordingsDays, int candidateDays)
{
    if (!m_client || m_busy)
        return;
    setBusy(true);
    const QJsonObject body{{s("recordingsDays"), daysValue(recordingsDays)}, {s("candidateDays"), daysValue(candidateDays)}};
    m_client->put(s("/retention"), body, this, [this](const ApiResult &r) {
        setBusy(false);
        setError(r.error);
        if (!r.ok())
            return;
        take(r.json.toObject());
        emit saved();
        checkDue();
    });
}

void RetentionSettings::checkDue()
{
    m_client->get(s("/retention/due"), this, [this](const ApiResult &r) {
        if (!r.ok())
            return setError(r.error);
        const QJsonObject o = r.json.toObject();
        m_dueRecordings = int(o.value(s("recordings")).toObject().value(s("count")).toInteger());
        m_dueCandidates = int(o.value(s("candidates")).toObject().value(s("count")).toInteger());
        m_dueKnown = true;
        emit dueChanged();
    });
}

void RetentionSettings::runNow()
{
    if (!m_client || m_run.active())
        return;
    m_runResult.clear();
    m_client->post(s("/retention/run"), QJsonValue(), this, [this](const ApiResult &r) {
        if (!r.ok())
            return setError(r.error);
        m_run.watch(m_client, r.json.toObject().value(s("jobId")).toInteger(), [this](const QJsonObject &job, const ApiError &error) {
            const QJsonObject result = job.value(s("result")).toObject();
            const QString state = job.value(s("state")).toString();
            if (error.isError())
                setError(error);
            else if (state == QLatin1String("done"))
                m_runResult = tr("Deleted the recordings of %n interview(s)", "", int(result.value(s("recordingSessions")).toInteger())) + QStringLiteral(" · ")
                    + tr("erased %n candidate(s)", "", int(result.value(s("candidatesErased")).toInteger()));
            else if (state == QLatin1String("failed"))
                m_runResult = tr("The run failed: %1").arg(job.value(s("lastError")).toString());
            else
                m_runResult = tr("Still running; the activity log will show what it deleted.");
            emit runChanged();
            checkDue();
        });
        emit runChanged();
    });
}
