// All UI text lives in messages/<lang>.js (English first). t('key', {name: value}) looks a text up
// and fills {name} placeholders; a missing key shows itself, so a test can catch it.
const LANG_KEY = 'mirabella.lang';
export const LANGUAGES = ['en'];
let messages = {};
let fallback = {};
let current = 'en';

export async function loadMessages(lang = localStorage.getItem(LANG_KEY) || 'en') {
  fallback = (await import('./messages/en.js')).default;
  current = LANGUAGES.includes(lang) ? lang : 'en';
  messages = current === 'en' ? fallback : { ...fallback, ...(await import(`./messages/${current}.js`)).default };
  document.documentElement.lang = current;
  document.documentElement.dir = messages['lang.dir'] || 'ltr';
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
  return text.replace(/\{(\w+)\}/g, (m, name) => (vars[name] ?? m));
}

/** Formats an ISO date or timestamp for display, keeping partial dates ("1987", "1987-03") as they are. */
export function formatDate(value) {
  if (!value) return '';
  if (/^\d{4}(-\d{2})?(-\d{2})?$/.test(value)) return value;
  const d = new Date(value);
  return isNaN(d) ? value : d.toLocaleString(current === 'en' ? 'en-GB' : current, { dateStyle: 'medium', timeStyle: 'short' });
}
