// Page strings from i18n/<language>.json. English is always loaded as the fallback, so a string missing
// from a translation still shows something meaningful.

export const SUPPORTED_LANGUAGES = ['en', 'de'];

let fallback = {};
let strings = {};
let current = null;

async function fetchStrings(language) {
  const response = await fetch(new URL(`./i18n/${language}.json`, import.meta.url));
  if (!response.ok) throw new Error(`strings for ${language}: HTTP ${response.status}`);
  return response.json();
}

/** The browser's language until the server tells the interview's. */
export function browserLanguage() {
  const preferred = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  const code = preferred.slice(0, 2).toLowerCase();
  return SUPPORTED_LANGUAGES.includes(code) ? code : 'en';
}

export function currentLanguage() {
  return current;
}

/** Loads a language and re-translates the static texts; returns false if nothing changed. */
export async function setLanguage(language) {
  const wanted = SUPPORTED_LANGUAGES.includes(language) ? language : 'en';
  if (wanted === current) return false;
  if (!fallback.appName) fallback = await fetchStrings('en');
  strings = wanted === 'en' ? fallback : await fetchStrings(wanted).catch(() => fallback);
  current = wanted;
  document.documentElement.lang = wanted;
  translateStatic(document);
  return true;
}

/** Translates a key, filling {placeholders} from params. */
export function t(key, params = {}) {
  const template = strings[key] ?? fallback[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/**
 * Translates a key that depends on a number: `<key>_one`, `<key>_other` (… by the language's plural rules), with
 * {count} filled in.
 */
export function tn(key, count, params = {}) {
  const category = new Intl.PluralRules(current || 'en').select(count);
  const chosen = [`${key}_${category}`, `${key}_other`].find((k) => k in strings || k in fallback) || key;
  return t(chosen, { ...params, count });
}

/** Elements with data-i18n get their text, data-i18n-aria-label their accessible name. */
export function translateStatic(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  }
}
