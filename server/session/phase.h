#pragma once
// The states of a candidate session and of an answer, in one place: the names are what the database stores and
// what the protocol's `state` message says (docs/protocol.md).

#include <QString>
#include <optional>

namespace intervox {

enum class Phase { Consent, Intro, Thinking, Answering, Uploading, Review, Finished, Refused };

enum class AnswerStatus { Recording, Closing, Saved };

QString phaseName(Phase phase);
std::optional<Phase> phaseFromName(QStringView name);
QString answerStatusName(AnswerStatus status);
std::optional<AnswerStatus> answerStatusFromName(QStringView name);

// The session is over: nothing more can be recorded in it.
inline bool isClosed(Phase p) { return p == Phase::Finished || p == Phase::Refused; }
// A timer runs (think time or answer time).
inline bool isTimed(Phase p) { return p == Phase::Thinking || p == Phase::Answering; }
// The candidate has reached the current question (its text may be shown).
inline bool isAtQuestion(Phase p) { return isTimed(p) || p == Phase::Uploading || p == Phase::Review; }

} // namespace intervox
