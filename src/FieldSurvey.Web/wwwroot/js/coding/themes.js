// Thematic codes in the annotator's coding panel (partial _ThemePicker). A codebook tree of hundreds of codes has no
// room for shortcut keys, so: type in the filter box to narrow the tree, Enter or a click adds a code, × removes it.
// The annotator (annotate.js) reads and sets the chosen codes through window.fieldSurveyThemes.

const box = document.querySelector('[data-themes]');
const options = box ? [...box.querySelectorAll('[data-theme-id]')] : [];
const byId = new Map(options.map((b) => [Number(b.dataset.themeId), b]));
const chosenEl = box?.querySelector('[data-theme-chosen]');
const filter = box?.querySelector('[data-theme-filter]');
let chosen = [];   // theme ids in the order they were added

function render() {
  if (!box) return;
  chosenEl.replaceChildren(...chosen.map((id) => {
    const li = document.createElement('li');
    li.className = 'd-inline-block me-2';
    li.dataset.themeChip = String(id);
    const swatch = document.createElement('span');
    swatch.className = 'theme-swatch';
    swatch.style.color = byId.get(id)?.dataset.colour || '#adb5bd';
    swatch.textContent = '\u25A0 ';
    const name = document.createElement('span');
    name.textContent = label(id);
    const x = document.createElement('button');
    x.type = 'button';
    x.className = 'btn btn-link btn-sm p-0 ms-1';
    x.dataset.themeRemove = String(id);
    x.setAttribute('aria-label', (box.dataset.msgRemove ?? 'Remove') + ' ' + label(id));
    x.textContent = '×';
    li.append(swatch, name, x);
    return li;
  }));
  const q = (filter.value ?? '').trim().toLowerCase();
  for (const b of options) {
    const hide = chosen.includes(Number(b.dataset.themeId)) || (q !== '' && !b.dataset.search.includes(q));
    b.parentElement.classList.toggle('d-none', hide);
  }
}

function add(id) {
  if (!byId.has(id) || chosen.includes(id)) return;
  chosen.push(id);
  filter.value = '';
  render();
  filter.focus();
}

function label(id) { return byId.get(id)?.dataset.label ?? '?'; }

if (box) {
  box.addEventListener('click', (e) => {
    const option = e.target.closest('[data-theme-id]');
    if (option) { add(Number(option.dataset.themeId)); return; }
    const x = e.target.closest('[data-theme-remove]');
    if (x) { chosen = chosen.filter((id) => id !== Number(x.dataset.themeRemove)); render(); filter.focus(); }
  });
  filter.addEventListener('input', render);
  // Keys typed here are a search, not the annotator's shortcut keys; Enter adds the first match (an empty box lets
  // Enter through to save the segment), Esc clears the box first.
  filter.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    if (e.key === 'Enter' && filter.value.trim() !== '') {
      const first = options.find((b) => !b.parentElement.classList.contains('d-none'));
      if (first) add(Number(first.dataset.themeId));
      e.preventDefault();
      e.stopPropagation();
    } else if (e.key === 'Escape' && filter.value !== '') {
      filter.value = '';
      render();
      e.preventDefault();
      e.stopPropagation();
    } else if (e.key !== 'Enter' && e.key !== 'Escape') {
      e.stopPropagation();
    }
  });
}

window.fieldSurveyThemes = {
  get: () => [...chosen],
  set: (ids) => { chosen = (ids ?? []).filter((id) => byId.has(id)); if (filter) filter.value = ''; render(); },
  label,
  colour: (id) => byId.get(id)?.dataset.colour || null,
};
