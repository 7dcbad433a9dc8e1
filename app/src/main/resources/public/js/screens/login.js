// Sign-in: username and password against POST /api/login; the token it returns is kept for the tab.
import { t } from '../i18n.js';
import { api, token } from '../api.js';
import { h, field, problemBox, isMissingApi } from '../ui.js';
import { session, refreshSession } from '../app.js';

export async function render(root, ctx) {
  const next = ctx.query.get('next') || 'search';
  if (session.auth === 'off') {
    root.append(h('div', { class: 'signin card' }, h('h1', {}, t('login.title')), h('p', {}, t('login.noAuth')),
      h('a', { class: 'button', href: `#/${next}` }, t('login.continue'))));
    return;
  }
  const user = h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const errors = h('div', { id: 'login-errors' });
  const submit = h('button', { type: 'submit', id: 'login-submit' }, t('login.submit'));
  const form = h('form', { class: 'signin card', 'aria-labelledby': 'login-title', novalidate: true },
    h('h1', { id: 'login-title' }, t('login.title')),
    h('p', { class: 'muted' }, t('login.intro')),
    field(t('login.username'), user),
    field(t('login.password'), pass),
    errors,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.replaceChildren();
    if (!user.value.trim() || !pass.value) {
      errors.append(problemBox({ title: t('login.missing') }));
      return;
    }
    submit.disabled = true;
    try {
      const res = await api.login(user.value.trim(), pass.value);
      token.set(res.token || res.accessToken || res.access_token);
      await refreshSession();
      ctx.navigate(`#/${next}`);
    } catch (err) {
      pass.value = '';
      // A refusal in the user's language; anything else (a locked account: 429) as the server says it.
      errors.append(isMissingApi(err) ? h('p', {}, t('login.noAuth'))
        : problemBox(err.status === 401 ? { title: t('login.refused'), status: 401 } : err));
      pass.focus();
    } finally {
      submit.disabled = false;
    }
  });
  root.append(form);
  user.focus();
}
