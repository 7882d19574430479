#pragma once
// The organization's team (GET /users, docs/api.md "Team") for the UI: members with their role and status,
// searched by name and email; an administrator invites colleagues (the setup link is shown once), changes
// roles, disables members and makes new setup links. Every change reloads the list.

#include "apilistmodel.h"

class TeamModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        EmailRole,
        MemberRoleRole,   // "owner", "admin", "recruiter", "reviewer"
        RoleTextRole,     // the role in the recruiter's language
        StatusRole,       // "invited", "active", "disabled"
        StatusTextRole,
        AssignedCountRole // interviews assigned to a reviewer
    };
    Q_ENUM(Role)

    explicit TeamModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool busy() const { return m_busy; }

    // The roles an administrator can give, in order: {value, text}.
    Q_INVOKABLE QVariantList assignableRoles() const;
    static QString roleText(const QString &role);
    static QString statusText(const QString &status);

    Q_INVOKABLE void invite(const QString &name, const QString &email, const QString &role);
    Q_INVOKABLE void setRole(qint64 userId, const QString &role);
    Q_INVOKABLE void disable(qint64 userId);
    Q_INVOKABLE void newSetupLink(qint64 userId);
    // Ends every session of the member (POST /users/{id}/signout); signedOutEverywhere() follows.
    Q_INVOKABLE void signOutEverywhere(qint64 userId);

signals:
    void busyChanged();
    // A setup link to hand to the member (shown once; only its hash is kept on the server).
    void setupLinkReady(qint64 userId, const QString &url, const QDateTime &expiresAt);
    void changeFailed(const ApiError &error);
    void signedOutEverywhere(qint64 userId);

protected:
    QString listPath() const override { return QStringLiteral("/users"); }
    int takeItems(const QJsonArray &items) override;
    bool matches(int index, const QString &needle) const override;

private:
    void change(const QByteArray &verb, const QString &path, const QJsonValue &body, qint64 userId, bool expectsLink);
    struct Item
    {
        qint64 id = 0;
        QString name, email, role, status;
        int assigned = 0;
    };
    QList<Item> m_all;
    bool m_busy = false;
};
