#pragma once
// Who reviews one interview: the organization's active reviewers (GET /users), each with whether they are assigned
// to the interview; assigning or removing one saves at once (PUT /interviews/{id}/reviewers with the whole set), so
// the reviewer sees the interview — and only the interviews assigned to them — from then on.

#include "apilistmodel.h"

class InterviewReviewersModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(qint64 interviewId READ interviewId WRITE setInterviewId NOTIFY interviewIdChanged)
    Q_PROPERTY(int assignedCount READ assignedCount NOTIFY assignedChanged)
    Q_PROPERTY(QString assignedNames READ assignedNames NOTIFY assignedChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, EmailRole, AssignedRole };
    Q_ENUM(Role)

    explicit InterviewReviewersModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    qint64 interviewId() const { return m_interviewId; }
    void setInterviewId(qint64 id);
    int assignedCount() const;
    // The assigned reviewers' names, for a one-line summary ("Aiko Yamamoto, Lena Vogel").
    QString assignedNames() const;
    bool busy() const { return m_busy; }

    Q_INVOKABLE void setAssigned(qint64 userId, bool assigned);

signals:
    void interviewIdChanged();
    void assignedChanged();
    void busyChanged();
    void changeFailed(const ApiError &error);

protected:
    QString listPath() const override { return m_interviewId > 0 ? QStringLiteral("/users") : QString(); }
    int takeItems(const QJsonArray &items) override;
    bool matches(int index, const QString &needle) const override;

private:
    struct Item
    {
        qint64 id = 0;
        QString name, email;
        bool assigned = false;
    };
    QList<Item> m_all;
    qint64 m_interviewId = 0;
    bool m_busy = false;
};
