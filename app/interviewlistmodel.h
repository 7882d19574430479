#pragma once
// The organization's interviews as a list for the UI: read whole from the API (page by page), filtered by a
// search text in memory (no request per keystroke), reloaded on demand.

#include "apiclient.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class InterviewListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    Q_PROPERTY(ApiError error READ error NOTIFY errorChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
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

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    QString filterText() const { return m_filter; }
    void setFilterText(const QString &text);
    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    ApiError error() const { return m_error; }
    int totalCount() const { return int(m_all.size()); }

    Q_INVOKABLE void reload();
    // The row of interview `id` among the visible ones, or -1.
    Q_INVOKABLE int rowOf(qint64 id) const;

signals:
    void clientChanged();
    void filterTextChanged();
    void loadingChanged();
    void errorChanged();
    void countChanged();

private:
    struct Item
    {
        qint64 id = 0;
        QString title, language;
        int questions = 0;
        QDateTime deadline, createdAt;
    };
    void applyFilter();

    QPointer<ApiClient> m_client;
    QList<Item> m_all;
    QList<int> m_visible; // indexes into m_all, in list order
    QString m_filter;
    bool m_loading = false, m_loaded = false;
    ApiError m_error;
    quint64 m_generation = 0; // a reload started while one runs wins
};
