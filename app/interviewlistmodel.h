#pragma once
// The organization's interviews as a list for the UI (GET /interviews, every page), searched by title.

#include "apilistmodel.h"

#include <QDateTime>

class InterviewListModel : public ApiListModel
{
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        LanguageRole,
        QuestionCountRole,
        DeadlineRole,
        CreatedAtRole,
    };
    Q_ENUM(Role)

    explicit InterviewListModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The row of interview `id` among the visible ones, or -1.
    Q_INVOKABLE int rowOf(qint64 id) const;

protected:
    QString listPath() const override { return QStringLiteral("/interviews"); }
    int takeItems(const QJsonArray &items) override;
    bool matches(int index, const QString &needle) const override;

private:
    struct Item
    {
        qint64 id = 0;
        QString title, language;
        int questions = 0;
        QDateTime deadline, createdAt;
    };
    QList<Item> m_all;
};
