#include "phase.h"

#include <array>
#include <utility>

namespace intervox {

namespace {
constexpr std::array<std::pair<Phase, const char *>, 8> kPhases{{
    {Phase::Consent, "consent"}, {Phase::Intro, "intro"}, {Phase::Thinking, "thinking"}, {Phase::Answering, "answering"},
    {Phase::Uploading, "uploading"}, {Phase::Review, "review"}, {Phase::Finished, "finished"}, {Phase::Refused, "refused"},
}};
constexpr std::array<std::pair<AnswerStatus, const char *>, 3> kStatuses{{
    {AnswerStatus::Recording, "recording"}, {AnswerStatus::Closing, "closing"}, {AnswerStatus::Saved, "saved"},
}};

template <typename Enum, size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[v, name] : table)
        if (v == value)
            return QString::fromLatin1(name);
    return {};
}

template <typename Enum, size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &table, QStringView name)
{
    for (const auto &[v, n] : table)
        if (name == QLatin1String(n))
            return v;
    return std::nullopt;
}
} // namespace

QString phaseName(Phase phase) { return nameOf(kPhases, phase); }
std::optional<Phase> phaseFromName(QStringView name) { return valueOf(kPhases, name); }
QString answerStatusName(AnswerStatus status) { return nameOf(kStatuses, status); }
std::optional<AnswerStatus> answerStatusFromName(QStringView name) { return valueOf(kStatuses, name); }

} // namespace intervox
