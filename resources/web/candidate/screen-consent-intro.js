// The consent and intro screens.

import { currentLanguage, t, tn } from './i18n.js';
import { $, setText } from './helpers.js';
import { resumeLevelMeter } from './answer-recording.js';
import { isCommandPending, isSynced, lastState, sendCommand } from './session.js';

export function renderConsent() {
  const interview = lastState().interview || {};
  const organization = (typeof interview.organization === 'string' && interview.organization.trim()) || t('consentOrganizationUnknown');
  setText('consent-intro', t('consentIntro', { organization }));
  setText('consent-recording-text', t('consentRecordingText', { organization }));
  // Only an explicit true means AI is used; the candidate must never be told "no AI" when it is, so an
  // unknown value (an older server) falls back to the text that names AI and the way to refuse it.
  const noAi = interview.aiProcessing === false;
  setText('consent-ai-text', t(noAi ? 'consentAiNone' : 'consentAiUsed', { organization }));
  setText('consent-retention-text', retentionText(interview.retention, organization));
}

// The periods the organization set for this interview, as the server says (never a promise the server does not
// keep: without periods the page says the data stays until someone asks for deletion).
function retentionText(retention, organization) {
  const rights = t('consentRetentionText', { organization });
  if (!retention || typeof retention !== 'object') return rights;
  const days = (v) => (Number.isInteger(v) && v > 0 ? v : null);
  const recordings = days(retention.recordingsDays);
  const everything = days(retention.candidateDays);
  const parts = [];
  if (recordings) parts.push(tn('consentRetentionRecordings', recordings, { organization }));
  if (everything) parts.push(tn('consentRetentionEverything', everything, { organization }));
  else parts.push(t(recordings ? 'consentRetentionRestKept' : 'consentRetentionNoSchedule', { organization }));
  parts.push(rights);
  return parts.join(' ');
}

export function renderIntro() {
  const state = lastState();
  setText('intro-title', state.interview.title || t('appName'));
  setText('intro-greeting', t('introGreeting', { name: (state.candidate && state.candidate.name) || '' }));
  setText('intro-text', state.interview.intro || '');
  setText('intro-summary', tn('introSummary', state.questions.length));
  $('intro-begin').disabled = isCommandPending() || !isSynced();
}

// The notice exactly as this screen shows it (title, headings, paragraphs), sent with the answer so the server
// keeps what the candidate agreed to or refused, in which language.
function shownNotice() {
  const blocks = [...document.querySelectorAll('#screen-consent > h1, #screen-consent > h2, #screen-consent > p')]
    .map((element) => element.textContent.trim()).filter(Boolean);
  return { language: currentLanguage() || 'en', text: blocks.join('\n\n').slice(0, 3000) }; // (a text frame holds 8 KiB)
}

export function wireConsentIntroActions() {
  $('consent-accept').addEventListener('click', () => sendCommand({ type: 'consent', accepted: true, notice: shownNotice() }));
  $('consent-refuse').addEventListener('click', () => {
    $('consent-actions').hidden = true;
    $('consent-refuse-confirm').hidden = false;
    $('consent-refuse-back').focus();
  });
  $('consent-refuse-back').addEventListener('click', () => {
    $('consent-refuse-confirm').hidden = true;
    $('consent-actions').hidden = false;
    $('consent-refuse').focus();
  });
  $('consent-refuse-yes').addEventListener('click', () => sendCommand({ type: 'consent', accepted: false, notice: shownNotice() }));
  $('intro-begin').addEventListener('click', () => {
    resumeLevelMeter();
    sendCommand({ type: 'begin' });
  });
}
