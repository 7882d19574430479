// The review screen: the saved answer's length, retake or go on.

import { currentLanguage, t } from './i18n.js';
import { $, setText } from './helpers.js';
import { savedDurationOf } from './answer-upload.js';
import { isCommandPending, isSynced, lastState, sendCommand } from './session.js';

/** "42 seconds", "1 minute 5 seconds" in the page's language. */
function formatDuration(ms) {
  const total = Math.max(0, Math.round(ms / 1000));
  const unit = (unitName, value) => new Intl.NumberFormat(currentLanguage() || 'en', { style: 'unit', unit: unitName, unitDisplay: 'long' }).format(value);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return unit('second', seconds);
  return seconds === 0 ? unit('minute', minutes) : `${unit('minute', minutes)} ${unit('second', seconds)}`;
}

export function renderReview() {
  const state = lastState();
  // The answer under review is the latest saved take of the current question.
  const saved = state.answers.filter((a) => a.status === 'saved' && a.question === state.question);
  const latest = saved.length ? saved.reduce((a, b) => (b.answer > a.answer ? b : a)) : null;
  const length = latest && savedDurationOf(latest.answer);
  let text = t('reviewTextNoDuration');
  if (length && length.partial && length.ms >= 1000) text = t('reviewTextPartial', { duration: formatDuration(length.ms) });
  else if (length && !length.partial) text = t('reviewText', { duration: formatDuration(length.ms) });
  setText('review-text', text);
  const retakesLeft = state.retakesLeft || 0;
  const retake = $('review-retake');
  retake.hidden = retakesLeft <= 0;
  retake.textContent = t('reviewRetake', { count: retakesLeft });
  const last = state.question >= state.questions.length - 1;
  setText('review-next', t(last ? 'finishInterview' : 'nextQuestion'));
  retake.disabled = isCommandPending() || !isSynced();
  $('review-next').disabled = isCommandPending() || !isSynced();
}

export function wireReviewActions() {
  $('review-retake').addEventListener('click', () => sendCommand({ type: 'retake' }));
  $('review-next').addEventListener('click', () => sendCommand({ type: 'next' }));
}
