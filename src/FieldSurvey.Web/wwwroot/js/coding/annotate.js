import { postJson } from '../post-json.js';
// The annotator (Coding/Annotate).
//
// Offsets: every offset here is a UTF-16 code-unit index into the stored transcript text (NFC, "\n"),
// i.e. a JavaScript string index — the same unit the server stores and checks. Never bytes.
// The text is shown as "runs": <span data-start=N> elements, each holding one text node and covering a stretch
// of text with one set of segments over it. A DOM selection maps to offsets as run.dataset.start + offset
// within the run's text node. Selection edges snap OUTWARD to grapheme-cluster boundaries (Intl.Segmenter),
// or, where Segmenter is missing, to code-point boundaries, so a surrogate pair ("𠀀", an emoji) or a letter
// with its combining mark is never split; leading and trailing white space is trimmed off a selection.
// Rendering: runs are built once; adding or removing a segment splits at most two runs and restyles only
// the runs it covers, so a 30,000-character text with hundreds of segments stays fast.

const root = document.querySelector('[data-annotator]');
const textEl = root.querySelector('[data-transcript]');
const text = textEl.textContent;
const transcriptId = root.dataset.transcriptId;
let canEdit = root.dataset.canEdit === 'true';
const msg = (name) => root.dataset['msg' + name] ?? name;
const token = document.querySelector('input[name="__RequestVerificationToken"]').value;

const panel = root.querySelector('[data-panel]');
const panelQuote = panel.querySelector('[data-panel-quote]');
const partnerName = panel.querySelector('[data-partner-name]');
const memo = panel.querySelector('[data-memo]');
const list = root.querySelector('[data-list]');
const others = root.querySelector('[data-others]');
const attention = root.querySelector('[data-attention]');
const errorBox = root.querySelector('[data-error]');
const toast = root.querySelector('[data-toast]');

const groups = ['type', 'location', 'kind', 'nature'];
const shortcuts = new Map();   // key -> radio input
const labels = new Map();      // term id -> name shown
const colours = new Map();     // linkage type id -> colour
for (const input of panel.querySelectorAll('input[type=radio]')) {
  if (input.dataset.shortcut) shortcuts.set(input.dataset.shortcut.toLowerCase(), input);
  labels.set(Number(input.value), input.dataset.label);
  if (input.dataset.colour) colours.set(Number(input.value), input.dataset.colour);
}

// Thematic codes live in themes.js (loaded first); a page without the picker still works.
const themes = () => window.fieldSurveyThemes;
const colourOf = (s) => colours.get(s.typeId) ?? themes()?.colour(s.themeIds?.[0]) ?? '#adb5bd';

/** @type {Map<number, any>} */
const segments = new Map();
let runs = [];                 // sorted by start: {start, end, el, ids:Set<number>}
let pending = null;            // {start, end} of the passage being coded
let editing = null;            // segment id being edited, or null for a new one

// ---------- runs ----------
function buildRuns(initial) {
  const cuts = new Set([0, text.length]);
  for (const s of initial) if (placed(s)) { cuts.add(s.start); cuts.add(s.end); }
  const sorted = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  runs = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const run = makeRun(sorted[i], sorted[i + 1], new Set());
    runs.push(run);
    fragment.appendChild(run.el);
  }
  textEl.replaceChildren(fragment);
  for (const s of initial) if (placed(s)) cover(s, true);
}

function makeRun(start, end, ids) {
  const el = document.createElement('span');
  el.dataset.start = String(start);
  el.appendChild(document.createTextNode(text.slice(start, end)));
  return { start, end, el, ids };
}

function runIndexAt(offset) {   // the run containing offset (start <= offset < end)
  let lo = 0, hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid].start <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function splitAt(offset) {      // index of the run starting at offset, splitting one if needed
  if (offset >= text.length) return runs.length;
  const i = runIndexAt(offset);
  const run = runs[i];
  if (run.start === offset) return i;
  const after = makeRun(offset, run.end, new Set(run.ids));
  run.end = offset;
  run.el.firstChild.data = text.slice(run.start, offset);
  run.el.after(after.el);
  runs.splice(i + 1, 0, after);
  style(after);
  return i + 1;
}

const placed = (s) => s.anchor !== 'Lost' && s.end > s.start;

function cover(s, on) {
  const from = splitAt(s.start), to = splitAt(s.end);
  for (let i = from; i < to; i++) {
    if (on) runs[i].ids.add(s.id); else runs[i].ids.delete(s.id);
    style(runs[i]);
  }
}

function style(run) {
  const covering = [...run.ids].map((id) => segments.get(id)).filter(Boolean);
  const own = covering.filter((s) => s.own);
  const el = run.el;
  el.className = '';
  el.style.backgroundImage = '';
  if (covering.length === 0) { delete el.dataset.segs; return; }
  el.dataset.segs = covering.map((s) => s.id).join(' ');
  if (own.length) {
    el.classList.add('seg');
    // Translucent layers, one per segment: overlaps blend, nesting darkens.
    el.style.backgroundImage = own.map((s) => {
      const c = tint(colourOf(s));
      return `linear-gradient(${c},${c})`;
    }).join(',');
    if (own.length > 1) el.classList.add('seg-nested');
  }
  if (covering.length > own.length) el.classList.add('seg-other');
}

function tint(hex) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16},${(n >> 8) & 255},${n & 255},0.38)`;
}

// ---------- selection <-> offsets ----------
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** Moves offset to a grapheme boundary: down (dir < 0) or up (dir > 0). */
export function snap(source, offset, dir) {
  if (offset <= 0) return 0;
  if (offset >= source.length) return source.length;
  if (segmenter) {
    const from = Math.max(0, offset - 64);
    for (const g of segmenter.segment(source.slice(from, Math.min(source.length, offset + 64)))) {
      const s = from + g.index, e = s + g.segment.length;
      if (s === offset) return offset;
      if (s < offset && offset < e) return dir < 0 ? s : e;
    }
    return offset;
  }
  const high = source.charCodeAt(offset - 1), low = source.charCodeAt(offset);
  const inPair = high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
  return inPair ? offset + (dir < 0 ? -1 : 1) : offset;
}

function offsetOf(node, offset) {
  if (!textEl.contains(node)) {
    return (node.compareDocumentPosition(textEl) & Node.DOCUMENT_POSITION_FOLLOWING) ? 0 : text.length;
  }
  if (node.nodeType === Node.TEXT_NODE) return Number(node.parentElement.closest('[data-start]').dataset.start) + offset;
  if (node === textEl) return offset >= textEl.childNodes.length ? text.length : Number(textEl.childNodes[offset].dataset.start);
  const run = node.closest('[data-start]');
  return Number(run.dataset.start) + (offset === 0 ? 0 : run.textContent.length);
}

function selectedSpan() {
  const sel = window.getSelection();
  if (!sel.rangeCount || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!textEl.contains(range.commonAncestorContainer) && !range.intersectsNode(textEl)) return null;
  let start = snap(text, offsetOf(range.startContainer, range.startOffset), -1);
  let end = snap(text, offsetOf(range.endContainer, range.endOffset), 1);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

function rangeOf(start, end) {
  const range = document.createRange();
  const a = runs[runIndexAt(start)], b = runs[runIndexAt(end - 1)];
  range.setStart(a.el.firstChild, start - a.start);
  range.setEnd(b.el.firstChild, end - b.start);
  return range;
}

document.addEventListener('selectionchange', () => {
  if (!canEdit) return;
  const span = selectedSpan();
  if (!span) return;
  pending = span;
  if (editing === null || segments.get(editing)?.anchor !== 'Lost') openPanel(null, span);
  else panelQuote.textContent = text.slice(span.start, span.end);
});

// Keyboard selection in the focusable text: Shift+arrows extend, arrows move a caret.
textEl.addEventListener('keydown', (e) => {
  const arrows = { ArrowLeft: ['backward', 'character'], ArrowRight: ['forward', 'character'], ArrowUp: ['backward', 'line'], ArrowDown: ['forward', 'line'] };
  if (!(e.key in arrows)) return;
  const sel = window.getSelection();
  if (!sel.rangeCount || !textEl.contains(sel.anchorNode)) sel.collapse(runs[0].el.firstChild, 0);
  const [direction, unit] = arrows[e.key];
  sel.modify(e.shiftKey ? 'extend' : 'move', direction, unit === 'character' && (e.ctrlKey || e.altKey) ? 'word' : unit);
  e.preventDefault();
});

// Clicking a highlight opens the innermost of one's own segments there.
textEl.addEventListener('click', (e) => {
  if (!window.getSelection().isCollapsed) return;
  const run = e.target.closest('[data-segs]');
  if (!run) return;
  const own = run.dataset.segs.split(' ').map((id) => segments.get(Number(id))).filter((s) => s?.own);
  if (own.length) openPanel(own.sort((a, b) => (a.end - a.start) - (b.end - b.start))[0].id);
});

// ---------- panel ----------
function openPanel(id, span) {
  if (!canEdit) return;
  editing = id;
  const s = id === null ? null : segments.get(id);
  if (s) pending = s.anchor === 'Lost' ? null : { start: s.start, end: s.end };
  else pending = span;
  panelQuote.textContent = s?.anchor === 'Lost' ? s.quote : (pending ? text.slice(pending.start, pending.end) : '');
  // A new selection while a new segment's panel is open keeps the codes already chosen.
  const keep = !s && !panel.classList.contains('d-none') && panel.dataset.mode === 'new';
  for (const name of keep ? [] : groups) {
    const value = s ? s[{ type: 'typeId', location: 'locationId', kind: 'kindId', nature: 'natureId' }[name]] : null;
    for (const r of panel.querySelectorAll(`input[name=${name}]`)) r.checked = value !== null && Number(r.value) === value;
  }
  if (!keep) themes()?.set(s?.themeIds ?? []);
  partnerName.value = s?.partnerName ?? (s ? '' : partnerName.value);
  memo.value = s?.memo ?? (s ? '' : memo.value);
  panel.classList.remove('d-none');
  panel.dataset.mode = s ? 'edit' : 'new';
  if (s) announce(s.id);
}

// The passage-memo card (passage-memos.js) follows the passage last opened or saved.
function announce(id) { root.dispatchEvent(new CustomEvent('annotator:passage', { detail: { segmentId: id } })); }

function closePanel() {
  panel.classList.add('d-none');
  editing = null;
  pending = null;
  partnerName.value = '';
  memo.value = '';
  themes()?.set([]);
  window.getSelection().removeAllRanges();
}

document.addEventListener('keydown', (e) => {
  if (panel.classList.contains('d-none')) return;
  const typing = e.target === partnerName || e.target === memo;
  if (e.key === 'Escape') { closePanel(); e.preventDefault(); return; }
  if (e.key === 'Enter' && !(e.target === memo && e.shiftKey) && !e.isComposing) { save(); e.preventDefault(); return; }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  const radio = shortcuts.get(e.key.toLowerCase()) ?? (e.key === '=' ? shortcuts.get('+') : undefined);
  if (radio) { radio.checked = true; e.preventDefault(); }
});
panel.addEventListener('submit', (e) => { e.preventDefault(); save(); });
panel.querySelector('[data-cancel]').addEventListener('click', closePanel);

const checked = (name) => { const r = panel.querySelector(`input[name=${name}]:checked`); return r ? Number(r.value) : null; };

async function save() {
  const s = editing === null ? null : segments.get(editing);
  if (!pending) { showError(msg('SelectFirst')); return; }
  const body = {
    id: s?.id ?? null, version: s?.version ?? 0, start: pending.start, end: pending.end,
    quote: text.slice(pending.start, pending.end),
    typeId: checked('type'), locationId: checked('location'), kindId: checked('kind'), natureId: checked('nature'),
    partnerName: partnerName.value, memo: memo.value, themeIds: themes()?.get() ?? [],
  };
  const saved = await post('Save', body);
  if (!saved) return;
  if (s) remove(s.id);
  add(saved);
  closePanel();
  showToast(msg('Saved'), null);
  announce(saved.id);
}

// ---------- model ----------
function add(s) {
  segments.set(s.id, s);
  if (placed(s)) cover(s, true);
  renderLists();
}

function remove(id) {
  const s = segments.get(id);
  if (!s) return;
  if (placed(s)) cover(s, false);
  segments.delete(id);
  renderLists();
}

async function del(id) {
  if (!await post('Delete', { id })) return;
  remove(id);
  if (editing === id) closePanel();
  announce(null);
  showToast(msg('Deleted'), async () => { const back = await post('Restore', { id }); if (back) add(back); });
}

function codesOf(s) {
  return [s.typeId, s.locationId, s.kindId, s.natureId].filter((x) => x !== null).map((x) => labels.get(x) ?? '?')
    .concat((s.themeIds ?? []).map((x) => themes()?.label(x) ?? '?')).join(' · ');
}

function item(s, editable) {
  const li = document.createElement('li');
  li.dataset.segmentId = String(s.id);
  li.dataset.start = String(s.start);   // for the recording's play button (audio/player.js)
  li.style.borderLeftColor = colourOf(s);
  const quote = document.createElement('a');
  quote.href = '#';
  quote.dataset.jump = '';
  quote.textContent = s.quote.length > 120 ? s.quote.slice(0, 120) + '…' : s.quote;
  const codes = document.createElement('div');
  codes.className = 'text-muted';
  codes.textContent = codesOf(s) + (s.partnerName ? ' · ' + s.partnerName : '');
  li.append(quote, codes);
  if (s.memo) { const m = document.createElement('div'); m.className = 'fst-italic'; m.textContent = s.memo; li.append(m); }
  if (editable && canEdit) {
    for (const [label, action] of [[msg('Edit'), 'edit'], [msg('Delete'), 'delete']].concat(s.anchor === 'Lost' ? [[msg('Reanchor'), 'reanchor']] : [])) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'btn btn-link btn-sm p-0 me-2';
      b.dataset.action = action;
      b.textContent = label;
      li.append(b);
    }
  }
  return li;
}

function renderLists() {
  const all = [...segments.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const mine = all.filter((s) => s.own && placed(s));
  const lost = all.filter((s) => s.own && !placed(s));
  const theirs = all.filter((s) => !s.own && placed(s));
  list.replaceChildren(...mine.map((s) => item(s, true)));
  attention.replaceChildren(...lost.map((s) => item(s, true)));
  others.replaceChildren(...theirs.map((s) => item(s, false)));
  root.querySelector('[data-count]').textContent = String(mine.length);
  root.querySelector('[data-attention-section]').classList.toggle('d-none', lost.length === 0);
  root.querySelector('[data-others-section]').classList.toggle('d-none', theirs.length === 0);
}

for (const container of [list, attention, others]) {
  container.addEventListener('mousedown', (e) => { if (e.target.closest('button')) e.preventDefault(); }); // keep the text selection
  container.addEventListener('click', (e) => {
    const li = e.target.closest('[data-segment-id]');
    if (!li) return;
    const id = Number(li.dataset.segmentId);
    const action = e.target.closest('[data-action]')?.dataset.action;
    if (e.target.closest('[data-jump]')) { e.preventDefault(); jump(id); }
    else if (action === 'edit') openPanel(id);
    else if (action === 'delete') del(id);
    else if (action === 'reanchor') reanchor(id);
  });
}

function reanchor(id) {
  const span = selectedSpan() ?? pending;
  if (!span) { showError(msg('SelectFirst')); return; }
  openPanel(id);
  pending = span;
  panelQuote.textContent = text.slice(span.start, span.end);
}

function jump(id) {
  const s = segments.get(id);
  if (!s || !placed(s)) return;
  const from = runIndexAt(s.start), to = runIndexAt(s.end - 1);
  runs[from].el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (let i = from; i <= to; i++) {
    const el = runs[i].el;
    el.classList.add('seg-flash');
    setTimeout(() => el.classList.remove('seg-flash'), 1200);
  }
}

// ---------- server ----------
// Every failure leaves the coder a message: the change is not kept, and the text says what to do.
async function post(handler, body) {
  errorBox.classList.add('d-none');
  const result = await postJson(`?handler=${handler}&transcriptId=${encodeURIComponent(transcriptId)}`, body, token);
  if (result.ok) return result.data;
  showError({ signin: msg('SignIn'), forbidden: msg('Forbidden'), offline: msg('NotSaved'), server: msg('NotSaved') }[result.kind]
    ?? result.data.error ?? msg('NotSaved'));
  return null;
}

function showError(message) {
  errorBox.textContent = message;
  errorBox.classList.remove('d-none');
}

let undoAction = null;
function showToast(message, undo) {
  toast.querySelector('[data-toast-text]').textContent = message;
  toast.querySelector('[data-undo]').classList.toggle('d-none', !undo);
  undoAction = undo;
  toast.classList.remove('d-none');
}
toast.querySelector('[data-undo]').addEventListener('click', async () => {
  const undo = undoAction;
  undoAction = null;
  toast.classList.add('d-none');
  if (undo) await undo();
});

async function load() {
  const response = await fetch(`?handler=Data&transcriptId=${encodeURIComponent(transcriptId)}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) { showError(response.status === 401 ? msg('SignIn') : msg('Forbidden')); return; }
  const data = await response.json();
  if (data.length !== text.length) showError(msg('Mismatch'));
  canEdit = data.canEdit;
  for (const s of data.segments) segments.set(s.id, s);
  buildRuns(data.segments);
  renderLists();
  root.dataset.ready = 'true';
}

// For the page object of the browser tests and for people debugging offsets.
window.annotator = { selectedSpan, snap };

load();
