// Versioned schema. Append new migrations; never edit one that has shipped.
// {{pk}} becomes the engine's auto-increment primary key; a statement starting {{sqlite}} or {{postgres}} runs on
// that engine only.

#include <QStringList>

namespace intervox {

const QList<QStringList> &schemaMigrations()
{
    static const QList<QStringList> migrations = {
        // 1: accounts, interviews, candidates, invites, sessions, answers
        {
            QStringLiteral("CREATE TABLE organizations (id {{pk}}, name TEXT NOT NULL, created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE users (id {{pk}}, org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,"
                           " password_hash TEXT NOT NULL, created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE access_tokens (id {{pk}}, user_id BIGINT NOT NULL REFERENCES users(id),"
                           " org_id BIGINT NOT NULL REFERENCES organizations(id), token_hash TEXT NOT NULL UNIQUE,"
                           " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, revoked_at BIGINT)"),
            QStringLiteral("CREATE TABLE interviews (id {{pk}}, org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " title TEXT NOT NULL, intro TEXT NOT NULL, language TEXT NOT NULL, deadline_at BIGINT,"
                           " created_by BIGINT REFERENCES users(id), created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE questions (id {{pk}}, org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " interview_id BIGINT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,"
                           " position INTEGER NOT NULL, body TEXT NOT NULL, think_seconds INTEGER NOT NULL,"
                           " answer_seconds INTEGER NOT NULL, retakes INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX questions_interview ON questions(interview_id, position)"),
            QStringLiteral("CREATE TABLE candidates (id {{pk}}, org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " name TEXT NOT NULL, email TEXT NOT NULL, cv_sha256 TEXT, cv_size BIGINT,"
                           " created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX candidates_org ON candidates(org_id)"),
            QStringLiteral("CREATE TABLE invites (id {{pk}}, org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " interview_id BIGINT NOT NULL REFERENCES interviews(id),"
                           " candidate_id BIGINT NOT NULL REFERENCES candidates(id), token_hash TEXT NOT NULL UNIQUE,"
                           " expires_at BIGINT NOT NULL, max_uses INTEGER NOT NULL, uses INTEGER NOT NULL DEFAULT 0,"
                           " revoked_at BIGINT, created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX invites_interview ON invites(org_id, interview_id)"),
            QStringLiteral("CREATE TABLE sessions (id {{pk}}, org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " invite_id BIGINT NOT NULL REFERENCES invites(id),"
                           " interview_id BIGINT NOT NULL REFERENCES interviews(id),"
                           " candidate_id BIGINT NOT NULL REFERENCES candidates(id), phase TEXT NOT NULL,"
                           " question_index INTEGER NOT NULL DEFAULT 0, deadline_at BIGINT, consent TEXT,"
                           " consent_at BIGINT, mime TEXT, extra_time_percent INTEGER NOT NULL DEFAULT 0,"
                           " started_at BIGINT NOT NULL, finished_at BIGINT)"),
            QStringLiteral("CREATE INDEX sessions_invite ON sessions(invite_id)"),
            QStringLiteral("CREATE INDEX sessions_interview ON sessions(org_id, interview_id)"),
            QStringLiteral("CREATE TABLE answers (id {{pk}}, org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " session_id BIGINT NOT NULL REFERENCES sessions(id),"
                           " question_id BIGINT NOT NULL REFERENCES questions(id), question_index INTEGER NOT NULL,"
                           " take INTEGER NOT NULL, status TEXT NOT NULL, mime TEXT NOT NULL,"
                           " started_at BIGINT NOT NULL, deadline_at BIGINT NOT NULL, finished_at BIGINT,"
                           " chunks BIGINT NOT NULL DEFAULT 0, bytes BIGINT NOT NULL DEFAULT 0, duration_ms BIGINT,"
                           " media TEXT NOT NULL DEFAULT 'none', superseded INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX answers_session ON answers(session_id)"),
            QStringLiteral("CREATE INDEX answers_media ON answers(media)"),
            QStringLiteral("CREATE TABLE answer_segments (answer_id BIGINT NOT NULL REFERENCES answers(id),"
                           " segment INTEGER NOT NULL, org_id BIGINT NOT NULL, chunks BIGINT NOT NULL, bytes BIGINT NOT NULL,"
                           " sha256 TEXT NOT NULL, duration_ms BIGINT NOT NULL, verified INTEGER NOT NULL DEFAULT 1,"
                           " PRIMARY KEY (answer_id, segment))"),
            QStringLiteral("CREATE TABLE audit_log (id {{pk}}, org_id BIGINT NOT NULL, user_id BIGINT, action TEXT NOT NULL,"
                           " target TEXT NOT NULL, at BIGINT NOT NULL)"),
        },
        // 2: the durable job queue (jobs/jobqueue.h) and the history of its runs
        {
            QStringLiteral("CREATE TABLE jobs (id {{pk}}, org_id BIGINT REFERENCES organizations(id), kind TEXT NOT NULL,"
                           " idem_key TEXT NOT NULL, payload TEXT NOT NULL, state TEXT NOT NULL, priority INTEGER NOT NULL DEFAULT 0,"
                           " attempts INTEGER NOT NULL DEFAULT 0, max_attempts INTEGER NOT NULL, interruptions INTEGER NOT NULL DEFAULT 0,"
                           " run_after BIGINT NOT NULL,"
                           " lease_token TEXT, lease_until BIGINT, result TEXT, last_error TEXT, created_at BIGINT NOT NULL,"
                           " updated_at BIGINT NOT NULL, finished_at BIGINT, UNIQUE (kind, idem_key))"),
            QStringLiteral("CREATE INDEX jobs_ready ON jobs(state, run_after)"),
            QStringLiteral("CREATE INDEX jobs_org ON jobs(org_id, id)"),
            QStringLiteral("CREATE TABLE job_runs (id {{pk}}, job_id BIGINT NOT NULL REFERENCES jobs(id), attempt INTEGER NOT NULL,"
                           " worker TEXT NOT NULL, started_at BIGINT NOT NULL, ended_at BIGINT, outcome TEXT NOT NULL, error TEXT)"),
            QStringLiteral("CREATE INDEX job_runs_job ON job_runs(job_id)"),
        },
        // 3: a version per editable row (ETag / If-Match), and indexes that serve keyset pages (org, id DESC)
        {
            QStringLiteral("ALTER TABLE interviews ADD COLUMN version BIGINT NOT NULL DEFAULT 1"),
            QStringLiteral("ALTER TABLE candidates ADD COLUMN version BIGINT NOT NULL DEFAULT 1"),
            QStringLiteral("CREATE INDEX interviews_org_id ON interviews(org_id, id)"),
            QStringLiteral("CREATE INDEX candidates_org_id ON candidates(org_id, id)"),
            QStringLiteral("CREATE INDEX invites_org_id ON invites(org_id, id)"),
            QStringLiteral("CREATE INDEX sessions_org_id ON sessions(org_id, id)"),
        },
        // 4: review — rating criteria per interview, each reviewer's ratings and private note per invite, and the
        // decisions taken on it (append-only: the latest is the current one, the rest its history)
        {
            QStringLiteral("CREATE TABLE criteria (id {{pk}}, org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " interview_id BIGINT NOT NULL REFERENCES interviews(id), position INTEGER NOT NULL,"
                           " name TEXT NOT NULL, description TEXT NOT NULL, removed_at BIGINT)"),
            QStringLiteral("CREATE INDEX criteria_interview ON criteria(org_id, interview_id, position)"),
            QStringLiteral("CREATE TABLE ratings (org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " invite_id BIGINT NOT NULL REFERENCES invites(id), criterion_id BIGINT NOT NULL REFERENCES criteria(id),"
                           " user_id BIGINT NOT NULL REFERENCES users(id), score INTEGER NOT NULL, updated_at BIGINT NOT NULL,"
                           " PRIMARY KEY (invite_id, criterion_id, user_id))"),
            QStringLiteral("CREATE INDEX ratings_org_invite ON ratings(org_id, invite_id)"),
            QStringLiteral("CREATE TABLE review_notes (org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " invite_id BIGINT NOT NULL REFERENCES invites(id), user_id BIGINT NOT NULL REFERENCES users(id),"
                           " body TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (invite_id, user_id))"),
            QStringLiteral("CREATE TABLE decisions (id {{pk}}, org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " invite_id BIGINT NOT NULL REFERENCES invites(id), decision TEXT NOT NULL,"
                           " user_id BIGINT NOT NULL REFERENCES users(id), at BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX decisions_invite ON decisions(org_id, invite_id, id)"),
        },
        // 5: the team — members invited by an administrator set their password through a one-time setup link
        // (only its SHA-256 stored); members are disabled, never deleted (their ratings and decisions stay
        // attributed); reviewers see only the interviews assigned to them
        {
            QStringLiteral("ALTER TABLE users ADD COLUMN disabled_at BIGINT"),
            QStringLiteral("ALTER TABLE users ADD COLUMN setup_token_hash TEXT"),
            QStringLiteral("ALTER TABLE users ADD COLUMN setup_expires_at BIGINT"),
            QStringLiteral("CREATE UNIQUE INDEX users_setup_token ON users(setup_token_hash)"),
            QStringLiteral("CREATE INDEX users_org_id ON users(org_id, id)"),
            QStringLiteral("CREATE TABLE interview_reviewers (org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " interview_id BIGINT NOT NULL REFERENCES interviews(id), user_id BIGINT NOT NULL REFERENCES users(id),"
                           " assigned_by BIGINT REFERENCES users(id), assigned_at BIGINT NOT NULL, PRIMARY KEY (interview_id, user_id))"),
            QStringLiteral("CREATE INDEX interview_reviewers_user ON interview_reviewers(org_id, user_id)"),
        },
        // 6: OAuth 2.0 for the desktop app (docs/api.md, "Signing in from the app"): one-time authorization codes
        // bound to a PKCE challenge, and rotating refresh tokens; every token of one sign-in shares a `family`,
        // revoked together (sign-out, reuse of a rotated refresh token)
        {
            QStringLiteral("CREATE TABLE oauth_codes (id {{pk}}, org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " user_id BIGINT NOT NULL REFERENCES users(id), code_hash TEXT NOT NULL UNIQUE, client_id TEXT NOT NULL,"
                           " redirect_uri TEXT NOT NULL, challenge TEXT NOT NULL, family TEXT NOT NULL, created_at BIGINT NOT NULL,"
                           " expires_at BIGINT NOT NULL, used_at BIGINT)"),
            QStringLiteral("CREATE TABLE refresh_tokens (id {{pk}}, org_id BIGINT NOT NULL REFERENCES organizations(id),"
                           " user_id BIGINT NOT NULL REFERENCES users(id), token_hash TEXT NOT NULL UNIQUE, family TEXT NOT NULL,"
                           " client_id TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT, revoked_at BIGINT)"),
            QStringLiteral("CREATE INDEX refresh_tokens_family ON refresh_tokens(family)"),
            QStringLiteral("CREATE INDEX refresh_tokens_user ON refresh_tokens(user_id)"),
            QStringLiteral("ALTER TABLE access_tokens ADD COLUMN family TEXT"),
            QStringLiteral("CREATE INDEX access_tokens_family ON access_tokens(family)"),
            QStringLiteral("CREATE INDEX access_tokens_user ON access_tokens(user_id)"),
        },
        // 7: extra time per invite (an accommodation the recruiter grants); a session takes it when it starts and
        // follows later changes
        {
            QStringLiteral("ALTER TABLE invites ADD COLUMN extra_time_percent INTEGER NOT NULL DEFAULT 0"),
        },
        // 8: previews of the candidate page from the builder (POST /interviews/{id}/preview): a hidden copy of the
        // interview as it was saved (preview_of: the original's id, deliberately no foreign key, so the original
        // stays editable and deletable) answered by a hidden candidate; neither appears in any list
        {
            QStringLiteral("ALTER TABLE interviews ADD COLUMN preview_of BIGINT"),
            QStringLiteral("ALTER TABLE candidates ADD COLUMN preview INTEGER NOT NULL DEFAULT 0"),
        },
        // 9: the audit log says from where (the client's address) and is read page by page per organization
        {
            QStringLiteral("ALTER TABLE audit_log ADD COLUMN address TEXT"),
            QStringLiteral("CREATE INDEX audit_log_org_id ON audit_log(org_id, id)"),
        },
        // 10: retention (jobs/retention.h) — periods in days per organization, overridden per interview (NULL: the
        // organization's; for an organization: kept until erased on request); when a session's recordings went
        {
            QStringLiteral("ALTER TABLE organizations ADD COLUMN retention_recordings_days INTEGER"),
            QStringLiteral("ALTER TABLE organizations ADD COLUMN retention_candidate_days INTEGER"),
            QStringLiteral("ALTER TABLE interviews ADD COLUMN retention_recordings_days INTEGER"),
            QStringLiteral("ALTER TABLE interviews ADD COLUMN retention_candidate_days INTEGER"),
            QStringLiteral("ALTER TABLE sessions ADD COLUMN recordings_deleted_at BIGINT"),
            QStringLiteral("CREATE INDEX invites_candidate ON invites(candidate_id)"),
            QStringLiteral("CREATE INDEX sessions_candidate ON sessions(candidate_id)"),
        },
        // 11: the notice each candidate answered, as their page showed it (consent, AI and retention paragraphs) and
        // in which language: what they agreed to, for an auditor
        {
            QStringLiteral("ALTER TABLE sessions ADD COLUMN consent_notice TEXT"),
            QStringLiteral("ALTER TABLE sessions ADD COLUMN consent_language TEXT"),
        },
        // 12: the audit log is append-only in the database itself, not just in the server's code: an UPDATE, DELETE
        // or TRUNCATE of it fails, whoever sends it
        {
            QStringLiteral("{{sqlite}}CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                           " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
            QStringLiteral("{{sqlite}}CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                           " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
            QStringLiteral("{{postgres}}CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS"
                           " $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$"),
            QStringLiteral("{{postgres}}CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log"
                           " FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"),
            QStringLiteral("{{postgres}}CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log"
                           " FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"),
        },
    };
    return migrations;
}

} // namespace intervox
