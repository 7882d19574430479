#pragma once
// The organization's audit log (GET /audit, docs/api.md "Audit log") for administrators: what happened, who did
// it, when and from where, over a period and for a kind of action chosen on the page (both filtered by the
// server, so the CSV export holds exactly what the page shows); searched as the administrator types.

#include "apilistmodel.h"

#include <QDateTime>
#include <QUrl>

class AuditModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int days READ days WRITE setDays NOTIFY filtersChanged)          // the last N days
    Q_PROPERTY(QString family READ family WRITE setFamily NOTIFY filtersChanged) // "" (all) or one of families()
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportingChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, AtRole, AtTextRole, WhoRole, ActionRole, ActionTextRole, TargetRole, AddressRole, FailedRole };
    Q_ENUM(Role)

    explicit AuditModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int days() const { return m_days; }
    void setDays(int days);
    QString family() const { return m_family; }
    void setFamily(const QString &family);
    bool exporting() const { return m_exporting; }

    // The kinds of action the page offers, in order: {value, text} ("" first: everything).
    Q_INVOKABLE QVariantList families() const;
    // The periods the page offers: {value (days), text}.
    Q_INVOKABLE QVariantList periods() const;
    // What an action means, in the administrator's language ("recording.view" → "Listened to a recording").
    static QString actionText(const QString &action);

    // Writes what the page shows (period and kind) as CSV from GET /audit/export into `file`, readable only by
    // the user: exported(path) or exportFailed(error).
    Q_INVOKABLE void exportTo(const QUrl &file);

signals:
    void filtersChanged();
    void exportingChanged();
    void exported(const QString &path);
    void exportFailed(const ApiError &error);

protected:
    QString listPath() const override { return QStringLiteral("/audit"); }
    QString listQuery() const override;
    int takeItems(const QJsonArray &items) override;
    bool matches(int index, const QString &needle) const override;

private:
    struct Item
    {
        qint64 id = 0;
        QDateTime at;
        QString who, action, target, address;
    };
    QList<Item> m_all;
    int m_days = 7;
    QString m_family;
    bool m_exporting = false;
};
