#pragma once
// Candidates from a CSV file (a spreadsheet's export): parsed here with a strict RFC 4180 reader, previewed with
// a problem per row, and sent to the server in one request that adds all of them or none
// (POST /invites/batch). The links that come back are shown once, so they can be saved as a CSV file.

#include "apiclient.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class CsvImport : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY changed)
    Q_PROPERTY(int problemCount READ problemCount NOTIFY changed)
    Q_PROPERTY(QString fileProblem READ fileProblem NOTIFY changed)
    Q_PROPERTY(QString fileName READ fileName NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool imported READ imported NOTIFY changed)
    Q_PROPERTY(ApiError error READ error NOTIFY changed)
public:
    enum Role { NameRole = Qt::UserRole + 1, EmailRole, ProblemRole, LinkRole, LineRole };
    Q_ENUM(Role)

    static constexpr qint64 kMaxFileBytes = 2 * 1024 * 1024;
    static constexpr int kMaxRows = 5000; // the API's batch limit

    explicit CsvImport(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int problemCount() const;
    QString fileProblem() const { return m_fileProblem; }
    QString fileName() const { return m_fileName; }
    bool busy() const { return m_busy; }
    bool imported() const { return m_imported; }
    ApiError error() const { return m_error; }

    // Reads and checks a file; false (with fileProblem) when it cannot be used at all.
    Q_INVOKABLE bool load(const QUrl &file);
    // The same from text (tests, paste).
    bool parse(const QByteArray &bytes);
    // Adds every row as a candidate with an invite to `interviewId`, or none of them. Only without problems.
    Q_INVOKABLE void send(ApiClient *client, qint64 interviewId);
    // Writes name,email,link of the imported rows (readable by the user only); false with fileProblem set.
    Q_INVOKABLE bool saveLinks(const QUrl &file);
    Q_INVOKABLE void clear();
    // "name<TAB>link" per imported candidate, to paste into a mail or a spreadsheet.
    Q_INVOKABLE void copyLinks() const;

    // RFC 4180 records (quoted fields, "" for a quote, CRLF or LF); `delimiter` ',' or ';'. Sets `error` to the
    // line where the text stops being CSV (an unterminated quote, a character after a closing quote).
    static QList<QStringList> records(const QString &text, QChar delimiter, QString *error);

signals:
    void changed();
    void busyChanged();
    void sent(bool ok);

private:
    struct Row
    {
        int line = 0;
        QString name, email, problem, link;
    };
    static QString problemOf(const Row &row);
    void setFileProblem(const QString &problem);

    QList<Row> m_rows;
    QString m_fileProblem, m_fileName;
    bool m_busy = false, m_imported = false;
    ApiError m_error;
};
