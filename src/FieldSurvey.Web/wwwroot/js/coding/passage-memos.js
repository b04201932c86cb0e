import { postJson } from '../post-json.js';
// Memos on a coded passage, in the annotator (partial _PassageMemos, handlers on Coding/Memos/Passage). The annotator
// (annotate.js) announces the passage last opened or saved with an 'annotator:passage' event; this card then lists the
// memos on it that the person may read and writes or edits their own. Kept apart from annotate.js so the two stay small.

const root = document.querySelector('[data-annotator]');
const card = document.querySelector('[data-passage-memos]');
const token = document.querySelector('input[name="__RequestVerificationToken"]')?.value;
const q = (name) => card.querySelector(`[data-${name}]`);
const msg = (name) => card.dataset['msg' + name] ?? name;
let segmentId = null;
let memos = [];

function showError(message) {
  const box = q('passage-memos-error');
  box.textContent = message ?? '';
  box.classList.toggle('d-none', !message);
}

function fillForm(m) {
  q('passage-memo-id').value = m ? String(m.id) : '';
  q('passage-memo-version').value = m ? String(m.version) : '0';
  q('passage-memo-title').value = m?.title ?? '';
  q('passage-memo-text').value = m?.text ?? '';
  q('passage-memo-shared').checked = m?.shared ?? false;
}

function render() {
  const list = q('passage-memos-list');
  if (memos.length === 0) {
    const li = document.createElement('li');
    li.className = 'text-muted';
    li.textContent = msg('None');
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(...memos.map((m) => {
    const li = document.createElement('li');
    li.className = 'mb-1';
    li.dataset.memoId = String(m.id);
    const title = document.createElement('strong');
    title.textContent = m.title;
    const meta = document.createElement('span');
    meta.className = 'text-muted ms-1';
    meta.textContent = `${m.author ?? ''} · ${m.updated}${m.shared ? ' · ' + msg('Shared') : ''}`;
    const body = document.createElement('div');
    body.className = 'memo-text';
    body.textContent = m.text;
    li.append(title, meta, body);
    if (m.own) {
      const edit = document.createElement('button');
      edit.type = 'button';
      edit.className = 'btn btn-link btn-sm p-0';
      edit.dataset.editMemo = String(m.id);
      edit.textContent = msg('Edit');
      li.append(edit);
    }
    return li;
  }));
}

async function open(id) {
  segmentId = id;
  showError(null);
  if (id === null) { card.classList.add('d-none'); return; }
  const response = await fetch(`/Coding/Memos/Passage?segmentId=${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) { card.classList.add('d-none'); return; }
  const li = root.querySelector(`[data-segment-id="${id}"] [data-jump]`);
  q('passage-memos-quote').textContent = li?.textContent ?? '';
  memos = data.memos;
  fillForm(null);
  render();
  card.classList.remove('d-none');
  card.dataset.segmentId = String(id);
}

if (card && root) {
  root.addEventListener('annotator:passage', (e) => open(e.detail.segmentId));
  q('passage-memos-close').addEventListener('click', () => open(null));
  q('passage-memo-new').addEventListener('click', (e) => { e.preventDefault(); fillForm(null); });
  q('passage-memos-list').addEventListener('click', (e) => {
    const b = e.target.closest('[data-edit-memo]');
    if (b) fillForm(memos.find((m) => m.id === Number(b.dataset.editMemo)));
  });
  // Keys typed in the card are text, not the annotator's shortcut keys (which listen on the document).
  card.addEventListener('keydown', (e) => e.stopPropagation());
  q('passage-memo-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (segmentId === null) return;
    const idText = q('passage-memo-id').value;
    const result = await postJson('/Coding/Memos/Passage', {
      segmentId, id: idText ? Number(idText) : null, version: Number(q('passage-memo-version').value || '0'),
      title: q('passage-memo-title').value, text: q('passage-memo-text').value, shared: q('passage-memo-shared').checked,
    }, token);
    if (!result.ok) { showError(result.data?.error ?? msg('NotSaved')); return; }
    showError(null);
    memos = result.data.memos;
    fillForm(null);
    render();
  });
}
