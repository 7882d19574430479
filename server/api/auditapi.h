#pragma once
// The audit log (auditapi.cpp): entries written where things happen, read by administrators.

#include <QString>
#include <optional>
#include "auth/accesstokens.h"

namespace intervox {

class Database;
class HttpServer;
struct ApiContext;
struct HttpRequest;

// One entry: `user` 0 when nobody is signed in (a failed sign-in names the account in `target` by id only).
// Targets name objects by id ("answer:12"), never by a person's name or address.
void audit(Database *db, qint64 org, qint64 user, const QString &action, const QString &target, const QString &address);
// The signed-in caller's entry, from the request's client address.
void audit(const ApiContext &ctx, const HttpRequest &r, const Principal &p, const QString &action, const QString &target);

// From the event loop (which must not wait for the database): the entry is written on the writer thread.
void auditLater(const ApiContext &ctx, qint64 org, qint64 user, const QString &action, const QString &target, const QString &address);
// A password sign-in (`how`: "password" or "oauth"): "signin" for `who`, or "signin.failed" against the account
// the address names when it exists (a guess at an unknown address belongs to no organization: the log has it).
void auditSignIn(const ApiContext &ctx, const std::optional<Principal> &who, const QString &email, const QString &how, const QString &address);

// GET /api/v1/audit (a page, newest first) and GET /api/v1/audit/export (CSV); administrators only.
void registerAuditApi(HttpServer &http, ApiContext &ctx);

} // namespace intervox
