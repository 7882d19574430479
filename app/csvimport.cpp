#include "csvimport.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringDecoder>

CsvImport::CsvImport(QObject *parent)
    : QAbstractListModel(parent)
{
}

int CsvImport::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CsvImport::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case EmailRole: return r.email;
    case ProblemRole: return r.problem;
    case LinkRole: return r.link;
    case LineRole: return r.line;
    }
    return {};
}

QHash<int, QByteArray> CsvImport::roleNames() const
{
    return {{NameRole, "name"}, {EmailRole, "email"}, {ProblemRole, "problem"}, {LinkRole, "link"}, {LineRole, "line"}};
}

int CsvImport::problemCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return !r.problem.isEmpty(); }));
}

void CsvImport::setFileProblem(const QString &problem)
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_fileProblem = problem;
    emit changed();
}

void CsvImport::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_fileProblem.clear();
    m_fileName.clear();
    m_imported = false;
    m_error = ApiError();
    emit changed();
}

QList<QStringList> CsvImport::records(const QString &text, QChar delimiter, QString *error)
{
    QList<QStringList> out;
    QStringList record;
    QString field;
    bool quoted = false, afterQuote = false, any = false;
    int line = 1;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == delimiter) {
            record << field;
            field.clear();
            afterQuote = false;
            any = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (any || !field.isEmpty() || afterQuote) {
                record << field;
                out << record;
            }
            record.clear();
            field.clear();
            afterQuote = false;
            any = false;
            ++line;
        } else if (c == QLatin1Char('"') && field.isEmpty() && !afterQuote) {
            quoted = true;
            any = true;
        } else if (afterQuote) {
            *error = QObject::tr("line %1: text after a closing quote").arg(line);
            return {};
        } else {
            field += c;
        }
    }
    if (quoted) {
        *error = QObject::tr("line %1: a quote is never closed").arg(line);
        return {};
    }
    if (any || !field.isEmpty() || afterQuote) {
        record << field;
        out << record;
    }
    return out;
}

QString CsvImport::problemOf(const Row &row)
{
    static const QRegularExpression mail(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (row.name.isEmpty())
        return tr("The name is missing.");
    if (row.name.size() > 200)
        return tr("The name is longer than 200 characters.");
    if (row.email.isEmpty())
        return tr("The email address is missing.");
    if (row.email.size() > 254 || !mail.match(row.email).hasMatch())
        return tr("“%1” is not an email address.").arg(row.email.left(60));
    return {};
}

bool CsvImport::load(const QUrl &file)
{
    clear();
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    m_fileName = QFileInfo(path).fileName();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        setFileProblem(tr("The file cannot be read: %1").arg(f.errorString()));
        return false;
    }
    if (f.size() > kMaxFileBytes) {
        setFileProblem(tr("The file is larger than %1 MiB; split it into smaller files.").arg(kMaxFileBytes / (1024 * 1024)));
        return false;
    }
    return parse(f.readAll());
}

bool CsvImport::parse(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        setFileProblem(tr("The file is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8”."));
        return false;
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    // Spreadsheets in many languages write ';' between fields: the delimiter is the one the first line has more of.
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
    const QChar delimiter = firstLine.count(QLatin1Char(';')) > firstLine.count(QLatin1Char(',')) ? QLatin1Char(';') : QLatin1Char(',');
    QString error;
    const QList<QStringList> all = records(text, delimiter, &error);
    if (!error.isEmpty()) {
        setFileProblem(tr("This is not a CSV file: %1.").arg(error));
        return false;
    }
    if (all.isEmpty()) {
        setFileProblem(tr("The file is empty."));
        return false;
    }
    // A header row names the columns; without one, the first column is the name and the second the address.
    int nameColumn = 0, emailColumn = 1, first = 0;
    const auto find = [&](const QStringList &header, std::initializer_list<const char *> names) {
        for (int i = 0; i < header.size(); ++i) {
            const QString h = header.at(i).trimmed().toLower();
            for (const char *n : names)
                if (h == QLatin1String(n))
                    return i;
        }
        return -1;
    };
    const int headerName = find(all.first(), {"name", "full name", "candidate", "vollständiger name"});
    const int headerEmail = find(all.first(), {"email", "e-mail", "email address", "e-mail-adresse", "mail"});
    if (headerName >= 0 || headerEmail >= 0) {
        if (headerName < 0 || headerEmail < 0) {
            setFileProblem(tr("The first line names the columns but not both “name” and “email”."));
            return false;
        }
        nameColumn = headerName;
        emailColumn = headerEmail;
        first = 1;
    }
    if (all.size() - first > kMaxRows) {
        setFileProblem(tr("The file has %1 candidates; at most %2 can be imported at once.").arg(all.size() - first).arg(kMaxRows));
        return false;
    }
    if (all.size() - first == 0) {
        setFileProblem(tr("The file names its columns but has no candidates."));
        return false;
    }
    QList<Row> rows;
    QHash<QString, int> seen;
    for (int i = first; i < all.size(); ++i) {
        Row r;
        r.line = i + 1;
        r.name = all.at(i).value(nameColumn).trimmed();
        r.email = all.at(i).value(emailColumn).trimmed();
        r.problem = problemOf(r);
        const QString key = r.email.toLower();
        if (r.problem.isEmpty() && seen.contains(key))
            r.problem = tr("The same address as line %1.").arg(seen.value(key));
        seen.insert(key, r.line);
        rows << r;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    m_fileProblem.clear();
    emit changed();
    return true;
}

void CsvImport::send(ApiClient *client, qint64 interviewId)
{
    if (!client || m_busy || m_rows.isEmpty() || problemCount() > 0 || m_imported)
        return;
    QJsonArray people;
    for (const Row &r : std::as_const(m_rows))
        people.append(QJsonObject{{QStringLiteral("name"), r.name}, {QStringLiteral("email"), r.email}});
    m_busy = true;
    emit busyChanged();
    client->post(QStringLiteral("/invites/batch"), QJsonObject{{QStringLiteral("interviewId"), interviewId}, {QStringLiteral("candidates"), people}},
                 this, [this](const ApiResult &r) {
        m_busy = false;
        emit busyChanged();
        m_error = r.error;
        const QJsonArray items = r.json.toObject().value(QStringLiteral("items")).toArray();
        if (r.ok() && items.size() == m_rows.size()) {
            for (int i = 0; i < items.size(); ++i)
                m_rows[i].link = items.at(i).toObject().value(QStringLiteral("url")).toString();
            m_imported = true;
            emit dataChanged(index(0), index(int(m_rows.size()) - 1), {LinkRole});
        } else if (r.ok()) {
            m_error = ApiError::badReply(tr("%1 links for %2 candidates").arg(items.size()).arg(m_rows.size()));
        } else {
            // The server names the row: "candidates[3].email". Nothing was added.
            static const QRegularExpression at(QStringLiteral("^candidates\\[(\\d+)\\]"));
            const auto m = at.match(r.error.field);
            if (m.hasMatch() && m.captured(1).toInt() < m_rows.size()) {
                const int row = m.captured(1).toInt();
                m_rows[row].problem = r.error.detail;
                emit dataChanged(index(row), index(row), {ProblemRole});
            }
        }
        emit changed();
        emit sent(m_imported);
    });
}

bool CsvImport::saveLinks(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QSaveFile out(path);
    if (!m_imported || !out.open(QIODevice::WriteOnly)) {
        m_fileProblem = tr("The links cannot be saved there: %1").arg(out.errorString());
        emit changed();
        return false;
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // each link opens an interview
    const auto quoted = [](QString v) {
        if (v.startsWith(QLatin1Char('=')) || v.startsWith(QLatin1Char('+')) || v.startsWith(QLatin1Char('-')) || v.startsWith(QLatin1Char('@')))
            v.prepend(QLatin1Char('\'')); // never a formula when opened in a spreadsheet
        return QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    };
    out.write("name,email,link\r\n");
    for (const Row &r : std::as_const(m_rows))
        out.write((quoted(r.name) + QLatin1Char(',') + quoted(r.email) + QLatin1Char(',') + quoted(r.link) + QStringLiteral("\r\n")).toUtf8());
    if (!out.commit()) {
        m_fileProblem = tr("The links cannot be saved there: %1").arg(out.errorString());
        emit changed();
        return false;
    }
    return true;
}

void CsvImport::copyLinks() const
{
    QStringList lines;
    for (const Row &r : m_rows)
        lines << r.name + QLatin1Char('\t') + r.link;
    if (m_imported && QGuiApplication::clipboard())
        QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}
