// The configuration loader on an arbitrary INI file: a Config, or an error that names a key or the file.
#include "core/config.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace intervox;
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fuzz.conf"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            abort();
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    QString error;
    const auto config = Config::load(path, {}, &error);
    if (!config && error.isEmpty())
        abort(); // every refusal says why
    if (config && config->dataDir.isEmpty())
        abort();
    return 0;
}
