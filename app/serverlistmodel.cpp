#include "serverlistmodel.h"

#include <QHostAddress>
#include <QSettings>

namespace {
const auto kServers = QStringLiteral("servers/remote");
const auto kCurrent = QStringLiteral("servers/current");
constexpr int kMaxServers = 50;
}

ServerListModel::ServerListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ServerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + int(m_remote.size());
}

int ServerListModel::indexOf(const QUrl &url) const
{
    if (url.isEmpty())
        return 0;
    for (int i = 0; i < m_remote.size(); ++i) {
        if (m_remote.at(i).url == url)
            return i + 1;
    }
    return -1;
}

QVariant ServerListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() > m_remote.size())
        return {};
    const bool embedded = index.row() == 0;
    const Entry e = embedded ? Entry{} : m_remote.at(index.row() - 1);
    switch (role) {
    case UrlRole:
        return e.url.toString();
    case Qt::DisplayRole:
    case LabelRole:
        if (embedded)
            return tr("This computer");
        return e.label.isEmpty() ? e.url.authority() : e.label;
    case AddressRole:
        return embedded ? tr("Server inside the app") : e.url.authority();
    case EmbeddedRole:
        return embedded;
    case CurrentRole:
        return e.url == m_current;
    }
    return {};
}

QHash<int, QByteArray> ServerListModel::roleNames() const
{
    return {{UrlRole, "url"}, {LabelRole, "label"}, {AddressRole, "address"}, {EmbeddedRole, "embedded"}, {CurrentRole, "current"}};
}

void ServerListModel::load()
{
    beginResetModel();
    m_remote.clear();
    QSettings settings;
    const int n = settings.beginReadArray(kServers);
    for (int i = 0; i < n && m_remote.size() < kMaxServers; ++i) {
        settings.setArrayIndex(i);
        QString ignored;
        const QUrl url = normalize(settings.value(QStringLiteral("url")).toString(), &ignored);
        if (url.isValid() && indexOf(url) < 0)
            m_remote.append({url, settings.value(QStringLiteral("label")).toString()});
    }
    settings.endArray();
    const QUrl current(settings.value(kCurrent).toString());
    m_current = indexOf(current) > 0 ? current : QUrl();
    endResetModel();
    emit countChanged();
}

void ServerListModel::save() const
{
    QSettings settings;
    settings.remove(kServers);
    settings.beginWriteArray(kServers, int(m_remote.size()));
    for (int i = 0; i < m_remote.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("url"), m_remote.at(i).url.toString());
        settings.setValue(QStringLiteral("label"), m_remote.at(i).label);
    }
    settings.endArray();
    settings.setValue(kCurrent, m_current.toString());
}

QUrl ServerListModel::normalize(const QString &address, QString *error)
{
    QString text = address.trimmed();
    if (text.isEmpty()) {
        *error = tr("Enter the server's address, for example interviews.example.com.");
        return {};
    }
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        *error = tr("“%1” is not a server address.").arg(address.trimmed());
        return {};
    }
    const QString host = url.host().toLower();
    const QHostAddress ip(host);
    const bool loopback = host == QLatin1String("localhost") || (!ip.isNull() && ip.isLoopback());
    if (url.scheme() != QLatin1String("https") && !(url.scheme() == QLatin1String("http") && loopback)) {
        *error = tr("Use an https:// address: the app signs in to a server only over an encrypted connection.");
        return {};
    }
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment() || (!url.path().isEmpty() && url.path() != QLatin1String("/"))) {
        *error = tr("Enter only the server's address, without a path: for example https://interviews.example.com.");
        return {};
    }
    url.setPath(QString());
    url.setHost(host);
    error->clear();
    return url;
}

bool ServerListModel::contains(const QUrl &url) const
{
    return indexOf(url) >= 0;
}

bool ServerListModel::setCurrent(const QUrl &url)
{
    const int now = indexOf(url);
    if (now < 0)
        return false;
    const int before = indexOf(m_current);
    m_current = url;
    save();
    for (int row : {before, now}) {
        if (row >= 0)
            emit dataChanged(index(row), index(row), {CurrentRole});
    }
    return true;
}

void ServerListModel::add(const QUrl &url)
{
    if (url.isEmpty() || indexOf(url) >= 0 || m_remote.size() >= kMaxServers)
        return;
    const int row = 1 + int(m_remote.size());
    beginInsertRows({}, row, row);
    m_remote.append({url, QString()});
    endInsertRows();
    save();
    emit countChanged();
}

void ServerListModel::remove(const QUrl &url)
{
    const int row = indexOf(url);
    if (row <= 0)
        return;
    beginRemoveRows({}, row, row);
    m_remote.removeAt(row - 1);
    endRemoveRows();
    if (m_current == url)
        setCurrent(QUrl());
    else
        save();
    emit countChanged();
}

void ServerListModel::setLabel(const QUrl &url, const QString &label)
{
    const int row = indexOf(url);
    if (row <= 0 || m_remote.at(row - 1).label == label)
        return;
    m_remote[row - 1].label = label.left(200);
    save();
    emit dataChanged(index(row), index(row), {LabelRole, Qt::DisplayRole});
}

QString ServerListModel::label(const QUrl &url) const
{
    return data(index(indexOf(url) < 0 ? 0 : indexOf(url)), LabelRole).toString();
}
