// JSON request bodies of the recruiter API: the body parser and the edge validators either accept the input or
// throw ApiException with a 400/422 that names what is wrong; nothing else may escape, nothing may crash.
#include "api/interviewinput.h"
#include "api/validate.h"
#include "http/httptypes.h"

#include <cstdint>
#include <cstdlib>

namespace {
using namespace intervox;

template <typename F>
void expectOnlyApiErrors(F &&f)
{
    try {
        f();
    } catch (const ApiException &e) {
        const int status = e.error.httpStatus();
        if ((status != 400 && status != 422) || e.error.message.isEmpty())
            abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    HttpRequest r;
    r.body = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    expectOnlyApiErrors([&] {
        const QJsonObject o = r.jsonObject();
        expectOnlyApiErrors([&] {
            const InterviewInput in = InterviewInput::parse(o);
            if (in.title.isEmpty() || in.questions.isEmpty() || in.questions.size() > 50)
                abort();
        });
        // The candidate and invite bodies' fields.
        expectOnlyApiErrors([&] { validate::text(o, QStringLiteral("name"), 1, 200); });
        expectOnlyApiErrors([&] { validate::email(o, QStringLiteral("email")); });
        expectOnlyApiErrors([&] { validate::id(o, QStringLiteral("interviewId")); });
        expectOnlyApiErrors([&] { validate::integer(o, QStringLiteral("maxUses"), 1, 100, 1); });
        expectOnlyApiErrors([&] { validate::timestamp(o, QStringLiteral("expiresAt")); });
        expectOnlyApiErrors([&] { validate::optionalText(o, QStringLiteral("intro"), 5000, true); });
    });
    return 0;
}
