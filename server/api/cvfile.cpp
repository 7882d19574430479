#include "cvfile.h"

#include "core/log.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

namespace intervox {

namespace {
constexpr int kParseTimeoutMs = 15000;

CvCheck refused(const QString &why)
{
    CvCheck c;
    c.error = why;
    return c;
}
} // namespace

CvCheck inspectCv(const QString &path, const QString &pdfinfo)
{
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly) || f.size() < 16)
        return refused(QStringLiteral("the file is empty or too small to be a PDF"));
    if (f.read(5) != "%PDF-")
        return refused(QStringLiteral("the file is not a PDF (it must start with %PDF-)"));
    f.seek(0);
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    CvCheck c;
    c.size = f.size();
    c.sha256 = QString::fromLatin1(h.result().toHex());
    f.close();

    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(pdfinfo, {QStringLiteral("--"), path});
    if (!p.waitForStarted(5000)) {
        qCCritical(lcHttp) << "cannot run" << pdfinfo << "to check an uploaded CV (install poppler-utils or set pdfinfo)";
        return refused(QStringLiteral("the server cannot check PDF files right now"));
    }
    if (!p.waitForFinished(kParseTimeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return refused(QStringLiteral("the PDF could not be read within %1 s").arg(kParseTimeoutMs / 1000));
    }
    const QString info = QString::fromUtf8(p.readAllStandardOutput().left(64 * 1024));
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return refused(QStringLiteral("the file is not a readable PDF"));
    if (QRegularExpression(QStringLiteral("^Encrypted:\\s+yes"), QRegularExpression::MultilineOption).match(info).hasMatch())
        return refused(QStringLiteral("the PDF is protected by a password; upload a copy without one"));
    const auto pages = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption).match(info);
    c.pages = pages.hasMatch() ? pages.captured(1).toInt() : 0;
    if (c.pages < 1)
        return refused(QStringLiteral("the PDF has no pages"));
    c.ok = true;
    return c;
}

} // namespace intervox
