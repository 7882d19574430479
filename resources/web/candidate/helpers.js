// Pure helpers shared by the page's modules: DOM access, freezing, the render tick. No state lives here;
// each piece of page state belongs to one module (see app.js).

export const TICK_MS = 250;

export const $ = (id) => document.getElementById(id);

export function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

export function setText(id, text) {
  const element = $(id);
  if (element.textContent !== text) element.textContent = text;
}
