#pragma once
// What a new password must be (NIST SP 800-63B §5.1.1.2: length, and not one that attackers try first): 10 to
// 1024 characters, not a common password from the list shipped with the server (resources/security/
// common-passwords.txt, from public password leaks), not the account's email address or its name part, not
// "intervox", not a run of three characters or fewer repeated. No rules about character classes.

#include <QString>

namespace intervox {

inline constexpr int kMinPasswordLength = 10;
inline constexpr int kMaxPasswordLength = 1024;

// Why `password` is refused for the account `email`, in words for the person choosing it; empty if it is fine.
QString passwordProblem(const QString &password, const QString &email);

} // namespace intervox
