#include "log.h"

Q_LOGGING_CATEGORY(lcHttp, "intervox.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "intervox.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRecording, "intervox.recording", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "intervox.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "intervox.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOps, "intervox.ops", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJobs, "intervox.jobs", QtInfoMsg)
