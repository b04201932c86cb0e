// Interview capture: every answer is saved as it is typed. Unsent edits live in localStorage until the
// server confirms them, so a dropped connection or a closed tab loses nothing; they are re-sent when the
// connection returns, when the page is reopened, and (keepalive) as the page goes away. An expired session
// stops the sending (it cannot succeed) and asks to sign in again; the edits stay on the device meanwhile.
import { postJson } from '../post-json.js';

const root = document.querySelector('[data-capture]');
if (root) init(root);

function init(root) {
  const msg = root.dataset;
  const editable = root.dataset.editable === 'true';
  const token = root.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
  const storeKey = `fs-capture-${root.dataset.interview}`;
  const stateBadge = root.querySelector('[data-save-state]');
  const questions = new Map([...root.querySelectorAll('[data-question]')].map((el) => [el.dataset.question, el]));
  const timers = new Map();
  const inflight = new Set();
  let pending = readStore();
  let retryTimer = null;
  let retryDelay = 1000;
  let signedOut = false;

  for (const el of questions.values()) {
    if (el.dataset.type === 'partners') renderRows(el, JSON.parse(el.querySelector('[data-rows]').dataset.initial || '[]'));
    else setValue(el, el.dataset.value ?? '', el.dataset.blank ?? '');
  }
  // Edits that never reached the server in an earlier visit: show them again and send them.
  for (const [qid, p] of Object.entries(pending)) {
    const el = questions.get(qid);
    if (!el) { delete pending[qid]; continue; }
    if (p.version !== undefined) el.dataset.version = p.version;
    if (p.kind === 'answer') setValue(el, p.value ?? '', p.blankReason ?? '');
    else { renderRows(el, p.rows); el.removedRows = p.removed ?? []; }
  }
  for (const el of questions.values()) if (el.dataset.type === 'split') updateSum(el);
  applyShowIf();

  if (!editable) {
    for (const input of root.querySelectorAll('input, select, textarea, button')) input.disabled = true;
    root.dataset.ready = 'true';
    return;
  }

  root.addEventListener('input', (event) => {
    const el = event.target.closest('[data-question]');
    if (!el || event.target.matches('[data-choice], select')) return;
    if (el.dataset.type === 'split') updateSum(el);
    const reason = el.querySelector('[data-blank-reason]');
    if (reason) reason.value = ''; // an answer replaces the reason it was blank
    edited(el, 700);
  });
  root.addEventListener('change', (event) => {
    const el = event.target.closest('[data-question]');
    if (!el) return;
    if (event.target.matches('[data-blank-reason]') && event.target.value) clearInputs(el);
    if (event.target.matches('[data-choice]')) {
      const reason = el.querySelector('[data-blank-reason]');
      if (reason) reason.value = '';
      applyShowIf();
    }
    edited(el, 150);
  });
  root.addEventListener('click', (event) => {
    const el = event.target.closest('[data-question]');
    if (!el) return;
    if (event.target.closest('[data-add-row]')) {
      const tr = addRow(el, {});
      tr.querySelector('[data-field="partnerName"]').focus();
    } else if (event.target.closest('[data-remove-row]')) {
      const tr = event.target.closest('[data-row]');
      if (tr.dataset.id) (el.removedRows ??= []).push({ id: Number(tr.dataset.id), version: Number(tr.dataset.version) });
      tr.remove();
      edited(el, 0);
    } else if (event.target.closest('[data-keep-mine]')) {
      el.dataset.version = event.target.closest('[data-keep-mine]').dataset.keepMine;
      el.querySelector('[data-conflict]').hidden = true;
      edited(el, 0);
    }
  });
  window.addEventListener('online', flushAll);
  window.addEventListener('pagehide', () => {
    for (const [qid, p] of Object.entries(pending)) {
      if (p.blocked || inflight.has(qid)) continue;
      postJson(p.kind === 'answer' ? msg.answerUrl : msg.partnersUrl, body(qid, p), token, { keepalive: true });
    }
  });
  flushAll();
  // Edits made before the listeners above exist are never sent: tests (and nothing else) wait for this.
  root.dataset.ready = 'true';

  function edited(el, delay) {
    const qid = el.dataset.question;
    pending[qid] = el.dataset.type === 'partners'
      ? { kind: 'partners', rows: allRows(el), removed: el.removedRows ?? [], version: el.dataset.version }
      : { kind: 'answer', value: getValue(el), blankReason: el.querySelector('[data-blank-reason]')?.value ?? '', version: el.dataset.version };
    writeStore();
    showState();
    clearTimeout(timers.get(qid));
    timers.set(qid, setTimeout(() => send(qid), delay));
  }

  function flushAll() {
    clearTimeout(retryTimer);
    retryTimer = null;
    for (const qid of Object.keys(pending)) if (!pending[qid].blocked) send(qid);
    showState();
  }

  function body(qid, p) {
    const el = questions.get(qid);
    if (p.kind === 'answer') {
      return { questionId: qid, value: p.value || null, blankReason: p.blankReason || null, version: Number(el.dataset.version) };
    }
    return { questionId: qid, rows: sendableRows(el).map(rowData), removed: el.removedRows ?? [] };
  }

  async function send(qid) {
    const p = pending[qid];
    if (!p || inflight.has(qid) || signedOut) return;
    const el = questions.get(qid);
    const sent = JSON.stringify(p);
    const sentRows = p.kind === 'partners' ? sendableRows(el) : [];
    inflight.add(qid);
    showState();
    let again = false;
    try {
      const response = await postJson(p.kind === 'answer' ? msg.answerUrl : msg.partnersUrl, body(qid, p), token);
      const data = response.data;
      if (response.kind === 'signin') {
        signedOut = true;
        clearTimeout(retryTimer);
        retryTimer = null;
      } else if (response.kind === 'offline' || response.kind === 'server') {
        throw new Error('not saved');
      } else if (response.ok) {
        if (p.kind === 'answer') {
          el.dataset.version = data.version;
          showProblems(el, data.problems ?? [], data.warnings ?? []);
        } else {
          data.rows.forEach((r, i) => { sentRows[i].dataset.id = r.id; sentRows[i].dataset.version = r.version; });
          el.removedRows = [];
          showProblems(el, missingNames(el));
        }
        el.querySelector('[data-conflict]').hidden = true;
        retryDelay = 1000;
        if (JSON.stringify(pending[qid]) === sent) delete pending[qid];
        else { again = true; refreshPending(el); }
        if (!again && p.kind === 'partners' && missingNames(el).length) {
          pending[qid] = { kind: 'partners', rows: allRows(el), removed: [], version: el.dataset.version, blocked: true };
        }
      } else if (response.status === 409) {
        showConflict(el, data, p);
        delete pending[qid];
      } else if (response.status === 422) {
        pending[qid].blocked = true;
        showProblems(el, data.problems.flatMap((x) => x.messages));
      } else {
        pending[qid].blocked = true;
        showProblems(el, [response.kind === 'forbidden' ? msg.msgForbidden : data.message ?? msg.msgForbidden]);
      }
      writeStore();
    } catch {
      retryTimer ??= setTimeout(flushAll, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    } finally {
      inflight.delete(qid);
    }
    if (again) send(qid);
    showState();
  }

  // A later edit is queued on top of the version the server just returned.
  function refreshPending(el) {
    const p = pending[el.dataset.question];
    p.version = el.dataset.version;
    if (p.kind === 'partners') p.rows = allRows(el);
  }

  function showState() {
    const waiting = Object.values(pending).some((p) => !p.blocked);
    const [text, style] = signedOut ? [msg.msgSignIn, 'text-bg-danger'] : retryTimer ? [navigator.onLine ? msg.msgRetrying : msg.msgOffline, 'text-bg-danger']
      : inflight.size || waiting ? [msg.msgSaving, 'text-bg-warning'] : [msg.msgSaved, 'text-bg-success'];
    stateBadge.textContent = text;
    stateBadge.className = `badge ${style}`;
    stateBadge.dataset.state = signedOut ? 'signin' : retryTimer ? 'retrying' : inflight.size || waiting ? 'saving' : 'saved';
  }

  // Data-quality warnings (issue 24) share the answer's message area: the answer is saved, the warning asks for a second look.
  function showProblems(el, problems, warnings = []) {
    el.querySelector('[data-problems]').textContent = problems.join(' ');
    const box = el.querySelector('[data-warnings]');
    if (box) {
      box.textContent = warnings.join(' ');
      box.hidden = warnings.length === 0;
    }
  }

  function showConflict(el, data, mine) {
    const box = el.querySelector('[data-conflict]');
    box.replaceChildren();
    const text = document.createElement('div');
    text.textContent = data.message;
    box.append(text);
    const theirs = document.createElement('div');
    theirs.className = 'mt-1';
    const shown = data.theirs?.shown ?? data.theirs?.value ?? (Array.isArray(data.theirs) ? data.theirs.map((r) => r.partnerName).join('; ') : '');
    theirs.textContent = `${msg.msgTheirs}: ${shown}`;
    theirs.dataset.testid = 'theirs';
    box.append(theirs);
    if (mine.kind === 'answer') {
      const keep = document.createElement('button');
      keep.type = 'button';
      keep.className = 'btn btn-sm btn-outline-secondary mt-1';
      keep.textContent = msg.msgKeep;
      keep.dataset.keepMine = data.theirs.version;
      box.append(keep);
    }
    box.hidden = false;
  }

  function readStore() {
    try { return JSON.parse(localStorage.getItem(storeKey) ?? '{}'); } catch { return {}; }
  }

  function writeStore() {
    try {
      if (Object.keys(pending).length) localStorage.setItem(storeKey, JSON.stringify(pending));
      else localStorage.removeItem(storeKey);
    } catch { /* storage full or disabled: the server copy still stands */ }
  }

  function getValue(el) {
    const input = el.querySelector('[data-input]');
    if (input) return input.value.trim();
    const other = el.querySelector('[data-other]')?.value.trim() ?? '';
    const code = (c) => (c.value === 'other' ? `other:${other}` : c.value);
    const checked = [...el.querySelectorAll('[data-choice]:checked')];
    switch (el.dataset.type) {
      case 'multiple': return checked.length ? JSON.stringify(checked.map(code)) : '';
      case 'split': {
        const parts = {};
        for (const part of el.querySelectorAll('[data-part]')) {
          const v = part.value.trim();
          if (v !== '' && !Number.isNaN(Number(v))) parts[part.dataset.part] = Number(v);
        }
        return Object.keys(parts).length ? JSON.stringify(parts) : '';
      }
      default: return checked.length ? code(checked[0]) : '';
    }
  }

  function setValue(el, value, blank) {
    const reason = el.querySelector('[data-blank-reason]');
    if (reason) reason.value = blank;
    const input = el.querySelector('[data-input]');
    if (input) { input.value = value; return; }
    if (el.dataset.type === 'split') {
      let parts = {};
      try { parts = value ? JSON.parse(value) : {}; } catch { /* shown blank */ }
      for (const part of el.querySelectorAll('[data-part]')) part.value = parts[part.dataset.part] ?? '';
      return;
    }
    let codes = [];
    if (el.dataset.type === 'multiple') { try { codes = value ? JSON.parse(value) : []; } catch { codes = []; } } else if (value) codes = [value];
    const other = codes.find((c) => c.startsWith('other:'));
    for (const c of el.querySelectorAll('[data-choice]')) c.checked = c.value === 'other' ? other !== undefined : codes.includes(c.value);
    const otherInput = el.querySelector('[data-other]');
    if (otherInput) otherInput.value = other ? other.slice(6) : '';
  }

  function clearInputs(el) {
    for (const input of el.querySelectorAll('[data-input], [data-other], [data-part]')) input.value = '';
    for (const c of el.querySelectorAll('[data-choice]')) c.checked = false;
    if (el.dataset.type === 'split') updateSum(el);
  }

  function codesOf(el) {
    if (!el || el.hidden) return [];
    return [...el.querySelectorAll('[data-choice]:checked')].map((c) => c.value);
  }

  function applyShowIf() {
    for (const el of questions.values()) {
      if (!el.dataset.showIf) continue;
      const rule = JSON.parse(el.dataset.showIf);
      el.hidden = !codesOf(questions.get(rule.question)).some((c) => rule.in.includes(c));
    }
  }

  function updateSum(el) {
    let sum = 0;
    for (const part of el.querySelectorAll('[data-part]')) sum += Number(part.value.trim() || 0) || 0;
    sum = Math.round(sum * 100) / 100;
    const out = el.querySelector('[data-sum]');
    out.textContent = String(sum);
    out.className = sum === 100 ? 'text-success' : 'text-danger';
  }

  function renderRows(el, rows) {
    el.querySelector('[data-rows]').replaceChildren();
    for (const row of rows) addRow(el, row);
  }

  function addRow(el, row) {
    const tr = el.querySelector('[data-row-template]').content.firstElementChild.cloneNode(true);
    if (row.id) { tr.dataset.id = row.id; tr.dataset.version = row.version; }
    for (const field of tr.querySelectorAll('[data-field]')) field.value = row[field.dataset.field] ?? '';
    el.querySelector('[data-rows]').append(tr);
    return tr;
  }

  function rowData(tr) {
    const v = (name) => tr.querySelector(`[data-field="${name}"]`).value.trim();
    const n = (name) => (v(name) === '' || Number.isNaN(Number(v(name))) ? null : Number(v(name)));
    return {
      id: tr.dataset.id ? Number(tr.dataset.id) : null, version: Number(tr.dataset.version ?? 0),
      partnerName: v('partnerName'), partnerKindId: n('partnerKindId'), partnerLocationId: n('partnerLocationId'),
      natureId: n('natureId'), sinceYear: n('sinceYear'), activity: v('activity'),
    };
  }

  function allRows(el) {
    return [...el.querySelectorAll('[data-row]')].map(rowData);
  }

  // A row is saved once it has a name; until then it waits in this browser.
  function sendableRows(el) {
    return [...el.querySelectorAll('[data-row]')].filter((tr) => tr.querySelector('[data-field="partnerName"]').value.trim() !== '');
  }

  function missingNames(el) {
    return allRows(el).some((r) => !r.partnerName && (r.activity || r.partnerKindId || r.partnerLocationId)) ? [msg.msgName] : [];
  }
}
