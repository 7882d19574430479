#pragma once
// A candidate's own data, in one archive (their right of access; docs/privacy.md): `export` jobs write
// <data_dir>/exports/<org>/candidate-<id>-<job>.zip — data.json (the candidate, their CV's details, every
// application with its sessions, answers, ratings, notes and decisions), the CV as uploaded, and each answer's
// recording (joined, or its parts as recorded) — readable only by the server's user, kept kExportKeptDays,
// removed sooner when the candidate is erased. Nothing of anyone else is in it: no other candidate, and no
// reviewer's name (ratings and notes are about the candidate, their authors are not).

#include <QString>

namespace intervox {

class JobQueue;
class RecordingStore;

inline constexpr char kExportJob[] = "export";
inline constexpr int kExportKeptDays = 7;

// The archive a finished export job wrote.
QString candidateExportPath(const QString &exportsDir, qint64 org, qint64 candidate, qint64 job);

void registerExportJob(JobQueue &queue, RecordingStore *store, const QString &blobDir, const QString &exportsDir);

// Removes an erased candidate's archives (from the erase_files job) / archives older than kExportKeptDays (from the
// retention job). Returns how many went; false in `ok` if one could not be removed.
int removeCandidateExports(const QString &exportsDir, qint64 org, qint64 candidate, bool *ok);
int removeOldExports(const QString &exportsDir, qint64 nowMs);

} // namespace intervox
