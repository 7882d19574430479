#include "questionlistmodel.h"

#include <QJsonObject>

QuestionListModel::QuestionListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int QuestionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant QuestionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Question &q = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return q.text;
    case ThinkSecondsRole: return q.think;
    case AnswerSecondsRole: return q.answer;
    case RetakesRole: return q.retakes;
    case ProblemRole: return problem(index.row());
    }
    return {};
}

bool QuestionListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Question &q = m_items[index.row()];
    switch (role) {
    case TextRole:
        if (q.text == value.toString())
            return true;
        q.text = value.toString();
        break;
    case ThinkSecondsRole: q.think = qBound(0, value.toInt(), kMaxThink); break;
    case AnswerSecondsRole: q.answer = qBound(kMinAnswer, value.toInt(), kMaxAnswer); break;
    case RetakesRole: q.retakes = qBound(0, value.toInt(), kMaxRetakes); break;
    default: return false;
    }
    emit dataChanged(index, index, {role, ProblemRole});
    emit edited();
    return true;
}

QHash<int, QByteArray> QuestionListModel::roleNames() const
{
    return {{TextRole, "text"}, {ThinkSecondsRole, "thinkSeconds"}, {AnswerSecondsRole, "answerSeconds"}, {RetakesRole, "retakes"},
            {ProblemRole, "problem"}};
}

int QuestionListModel::add(int row)
{
    if (m_items.size() >= kMaxQuestions)
        return -1;
    const int at = (row < 0 || row >= m_items.size()) ? int(m_items.size()) : row + 1;
    Question q;
    if (!m_items.isEmpty()) { // a new question takes the timing of the one before it
        const Question &before = m_items.at(at - 1 < 0 ? 0 : at - 1);
        q.think = before.think;
        q.answer = before.answer;
        q.retakes = before.retakes;
    }
    beginInsertRows(QModelIndex(), at, at);
    m_items.insert(at, q);
    endInsertRows();
    emit countChanged();
    emit edited();
    return at;
}

void QuestionListModel::remove(int row)
{
    if (row < 0 || row >= m_items.size())
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_items.removeAt(row);
    endRemoveRows();
    emit countChanged();
    emit edited();
}

bool QuestionListModel::move(int from, int to)
{
    if (from < 0 || to < 0 || from >= m_items.size() || to >= m_items.size() || from == to)
        return false;
    // beginMoveRows wants the destination as "before this row" in the list before the move.
    if (!beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to))
        return false;
    m_items.move(from, to);
    endMoveRows();
    emit edited();
    return true;
}

bool QuestionListModel::setField(int row, const QString &field, const QVariant &value)
{
    const int role = roleNames().key(field.toUtf8(), -1);
    return role > 0 && role != ProblemRole && setData(index(row), value, role);
}

QString QuestionListModel::problem(int row) const
{
    if (row < 0 || row >= m_items.size())
        return {};
    const QString text = m_items.at(row).text.trimmed();
    if (text.isEmpty())
        return tr("Write the question.");
    if (text.size() > kMaxText)
        return tr("Shorten the question to %n characters or fewer.", nullptr, kMaxText);
    return {};
}

int QuestionListModel::firstProblem() const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (!problem(row).isEmpty())
            return row;
    }
    return -1;
}

void QuestionListModel::load(const QJsonArray &questions)
{
    beginResetModel();
    m_items.clear();
    for (const QJsonValue &v : questions) {
        const QJsonObject o = v.toObject();
        Question q;
        q.text = o.value(QStringLiteral("text")).toString();
        q.think = o.value(QStringLiteral("thinkSeconds")).toInt(30);
        q.answer = o.value(QStringLiteral("answerSeconds")).toInt(120);
        q.retakes = o.value(QStringLiteral("retakes")).toInt(0);
        m_items.append(q);
    }
    endResetModel();
    emit countChanged();
}

QJsonArray QuestionListModel::toJson() const
{
    QJsonArray out;
    for (const Question &q : m_items) {
        out.append(QJsonObject{{QStringLiteral("text"), q.text.trimmed()}, {QStringLiteral("thinkSeconds"), q.think},
                               {QStringLiteral("answerSeconds"), q.answer}, {QStringLiteral("retakes"), q.retakes}});
    }
    return out;
}
