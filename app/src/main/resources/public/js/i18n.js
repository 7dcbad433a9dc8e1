// All UI text lives in messages/<lang>.js (English first). t('key', {name: value}) looks a text up
// and fills {name} placeholders, and {name:singular|plural} with the form the count takes in the
// language; a missing key shows itself, so a test can catch it.
const LANG_KEY = 'mirabella.lang';
export const LANGUAGES = ['en', 'fr'];
/** Each language by its own name, as the switch shows it. */
const NAMES = { en: 'English', fr: 'Français' };
let messages = {};
let fallback = {};
let current = 'en';

/** The language chosen before (kept in the browser), else the browser's own when we have it, else English. */
function preferred() {
  const stored = localStorage.getItem(LANG_KEY);
  if (stored) return stored;
  const browser = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return LANGUAGES.includes(browser) ? browser : 'en';
}

export async function loadMessages(lang = preferred()) {
  fallback = (await import('./messages/en.js')).default;
  current = LANGUAGES.includes(lang) ? lang : 'en';
  messages = current === 'en' ? fallback : { ...fallback, ...(await import(`./messages/${current}.js`)).default };
  document.documentElement.lang = current;
  document.documentElement.dir = messages['lang.dir'] || 'ltr';
  installLanguageSwitch();
}

/**
 * The language switch beside the header (#lang-switch in index.html): choosing a language keeps it in
 * the browser and reloads the page in it, at the same screen.
 */
function installLanguageSwitch() {
  const box = document.getElementById('lang-switch');
  if (!box) return;
  const label = document.createElement('label');
  label.className = 'visually-hidden';
  label.htmlFor = 'lang-select';
  label.textContent = t('lang.label');
  const sel = document.createElement('select');
  sel.id = 'lang-select';
  sel.name = 'lang';
  for (const code of LANGUAGES) {
    const o = document.createElement('option');
    o.value = code;
    o.lang = code;
    o.textContent = NAMES[code] || code;
    o.selected = code === current;
    sel.append(o);
  }
  sel.addEventListener('change', () => {
    setLanguage(sel.value);
    location.reload();
  });
  box.replaceChildren(label, sel);
}

export function setLanguage(lang) {
  localStorage.setItem(LANG_KEY, lang);
}

export function language() {
  return current;
}

export function t(key, vars = {}) {
  const text = messages[key] ?? fallback[key];
  if (text === undefined) return `⟦${key}⟧`;
  return text
    .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (m, name, one, other) => (name in vars ? (plural(vars[name]) === 'one' ? one : other) : m))
    .replace(/\{(\w+)\}/g, (m, name) => (vars[name] ?? m));
}

/** The text of {@code key}, or {@code otherwise} when no language has it (labels of open-ended codes). */
export function tOr(key, otherwise, vars = {}) {
  return (messages[key] ?? fallback[key]) === undefined ? otherwise : t(key, vars);
}

/**
 * The plural category of a count in the current language ("1 path", "2 paths"; in French 0 and 1
 * are singular): a text writes its two forms as {count:singular|plural}.
 */
function plural(n) {
  return new Intl.PluralRules(current).select(Number(n));
}

/** Formats an ISO date or timestamp for display, keeping partial dates ("1987", "1987-03") as they are. */
export function formatDate(value) {
  if (!value) return '';
  if (/^\d{4}(-\d{2})?(-\d{2})?$/.test(value)) return value;
  const d = new Date(value);
  return isNaN(d) ? value : d.toLocaleString(current === 'en' ? 'en-GB' : current, { dateStyle: 'medium', timeStyle: 'short' });
}
