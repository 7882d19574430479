#pragma once
// The questions of an interview being edited: add, remove, move (by drag or by keyboard) and edit in place.
// Limits are the API's (docs/api.md), so the builder can say what is wrong before anything is sent.

#include <QAbstractListModel>
#include <QJsonArray>
#include <QtQml/qqmlregistration.h>

class QuestionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("part of an InterviewDraft")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { TextRole = Qt::UserRole + 1, ThinkSecondsRole, AnswerSecondsRole, RetakesRole, ProblemRole };
    Q_ENUM(Role)

    static constexpr int kMaxQuestions = 50, kMaxText = 2000;
    static constexpr int kMaxThink = 600, kMinAnswer = 10, kMaxAnswer = 1800, kMaxRetakes = 5;

    explicit QuestionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QHash<int, QByteArray> roleNames() const override;

    // Adds an empty question after `row` (-1: at the end) with the defaults; returns its row, or -1 when full.
    Q_INVOKABLE int add(int row = -1);
    Q_INVOKABLE void remove(int row);
    // Moves the question at `from` to position `to` (both valid rows).
    Q_INVOKABLE bool move(int from, int to);
    // Sets one field by role name ("text", "thinkSeconds", "answerSeconds", "retakes").
    Q_INVOKABLE bool setField(int row, const QString &field, const QVariant &value);
    // What is wrong with question `row`, in the recruiter's words, or "".
    Q_INVOKABLE QString problem(int row) const;
    // The first row with a problem, or -1.
    Q_INVOKABLE int firstProblem() const;

    void load(const QJsonArray &questions);
    QJsonArray toJson() const;

signals:
    void countChanged();
    void edited();

private:
    struct Question
    {
        QString text;
        int think = 30, answer = 120, retakes = 0;
    };
    QList<Question> m_items;
};
