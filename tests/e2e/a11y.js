'use strict';
// Cheap accessibility checks of the candidate page, shared by the browser scenarios.

// ---- accessibility smoke check -----------------------------------------------------------------------------

/**
 * Cheap checks on the visible screen: a language, one h1, every control has an accessible name,
 * every meter/progress/audio/input a label, and status texts are live regions.
 * @returns {Promise<string[]>} the problems found
 */
async function accessibilityProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    if (!document.documentElement.lang) problems.push('html has no lang');
    const h1s = [...document.querySelectorAll('h1')].filter(visible);
    if (h1s.length !== 1) problems.push(`${h1s.length} visible h1`);
    const nameOf = (el) => (el.getAttribute('aria-label') || '').trim()
      || (el.getAttribute('aria-labelledby') || '').split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ').trim()
      || [...(el.labels || [])].map((label) => label.textContent).join(' ').trim();
    for (const el of [...document.querySelectorAll('button, a[href]')].filter(visible)) {
      if (!(el.textContent.trim() || nameOf(el))) problems.push(`${el.tagName.toLowerCase()}#${el.id} has no name`);
    }
    for (const el of [...document.querySelectorAll('meter, progress, audio, input, select, textarea')].filter(visible)) {
      if (!nameOf(el)) problems.push(`${el.tagName.toLowerCase()}#${el.id} has no label`);
    }
    for (const el of [...document.querySelectorAll('.status, #connection-status')].filter(visible)) {
      if (!el.closest('[aria-live], [role="status"], [role="alert"]')) problems.push(`#${el.id} is not a live region`);
    }
    return problems;
  });
}

/** Tabs through the page until `selector` has focus (keyboard-only use), or fails after `maxTabs`. */
async function tabTo(page, selector, maxTabs = 30) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
  }
  throw new Error(`${selector} not reachable with Tab`);
}

module.exports = { accessibilityProblems, tabTo };
