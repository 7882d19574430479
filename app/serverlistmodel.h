#pragma once
// The servers the app knows: the one embedded in the app (always first, cannot be removed) and the remote
// `intervoxd` servers the recruiter added, each with the organization's name once the server has told it. Kept in
// the app's settings (addresses and names only: tokens live in the keychain, CredentialStore).

#include <QAbstractListModel>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class ServerListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the app session owns the server list")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        UrlRole = Qt::UserRole + 1, // "" for the embedded server
        LabelRole,                  // the organization's name, or the address until it is known
        AddressRole,                // host[:port], or "this computer"
        EmbeddedRole,
        CurrentRole,
    };
    Q_ENUM(Role)

    explicit ServerListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads the list and the current server from the settings.
    void load();
    // The address typed by a person, made into a server URL: https:// added when no scheme is given, http only to
    // this computer (127.0.0.1, ::1, localhost), no path, query or user info. Invalid with `error` set otherwise.
    static QUrl normalize(const QString &address, QString *error);

    QUrl current() const { return m_current; }
    bool currentIsEmbedded() const { return m_current.isEmpty(); }
    // Makes `url` (empty: the embedded server) current; returns false when it is not in the list.
    bool setCurrent(const QUrl &url);
    bool contains(const QUrl &url) const;
    void add(const QUrl &url);
    void remove(const QUrl &url);
    void setLabel(const QUrl &url, const QString &label);
    QString label(const QUrl &url) const;

signals:
    void countChanged();

private:
    struct Entry
    {
        QUrl url;
        QString label;
    };
    int indexOf(const QUrl &url) const; // -1 when absent; 0 is the embedded server
    void save() const;

    QList<Entry> m_remote;
    QUrl m_current;
};
