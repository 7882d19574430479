#pragma once
// Checks an uploaded CV before it is kept: a PDF that a real parser (poppler's pdfinfo, in a child process
// with a time limit, so a hostile file can crash or stall only that child) reads, with at least one page and
// no password. Blocking: call it on a worker thread.

#include <QString>

namespace intervox {

struct CvCheck
{
    bool ok = false;
    QString error;   // for the uploader, without server paths
    QString sha256;  // hex, when ok
    qint64 size = 0;
    int pages = 0;
};

CvCheck inspectCv(const QString &path, const QString &pdfinfo);

} // namespace intervox
