// The recording's player (Shared/_Player): one <audio> playing the interview's parts one after another, times
// running across them (a turn at 12:00 in a call recorded as two 10-minute parts is 2:00 into part 2).
// - Elements with data-turn-at="seconds" are turns: clicking one plays from its time; while playing, the current
//   turn gets .fs-turn-current and is scrolled into view.
// - The annotator has no turn elements (its text is runs of spans that its own offsets depend on), so there the
//   current turn, from data-turns, is painted with a CSS custom highlight (::highlight(fs-turn-current)) over a
//   Range of the runs, leaving the DOM alone; the player's data-current-turn names its start offset.
// - Following stops when the user scrolls (wheel, touch, scroll keys) and starts again with the next "play from".
// - Buttons with data-play-at="seconds" play from there (the annotator's and adjudication's coded passages).
// - Where the page has a segment list (the annotator), each item whose data-start lies in a timed turn of
//   data-turns gets such a button, also for items the annotator adds later.
// Keys: Alt+P play/pause, Alt+B back 5 s, Alt+, slower, Alt+. faster (by e.code, so any keyboard layout and
// macOS's Option characters work). The annotator's own keys are plain letters, Enter, Esc and arrows, and it
// ignores any key pressed with Alt, so the two never clash.
const root = document.querySelector('[data-player]');
if (root) {
  const audio = root.querySelector('[data-audio]');
  const speed = root.querySelector('[data-speed]');
  const parts = JSON.parse(root.dataset.parts);
  const starts = [];
  let total = 0;
  for (const p of parts) { starts.push(total); total += p.seconds; }
  let current = -1;

  const load = (i) => { if (current !== i) { current = i; audio.src = parts[i].url; } };
  const partAt = (t) => { let i = 0; while (i + 1 < parts.length && starts[i + 1] <= t) i++; return i; };
  const position = () => (current < 0 ? 0 : starts[current] + audio.currentTime);

  let follow = true;
  function playFrom(seconds) {
    follow = true;
    const i = partAt(seconds);
    load(i);
    const seek = () => { audio.currentTime = Math.max(0, seconds - starts[i]); audio.playbackRate = Number(speed.value); audio.play(); };
    if (audio.readyState >= 1) seek(); else audio.addEventListener('loadedmetadata', seek, { once: true });
  }
  load(0);
  audio.addEventListener('ended', () => { if (current + 1 < parts.length) playFrom(starts[current + 1]); });
  speed.addEventListener('change', () => { audio.playbackRate = Number(speed.value); });
  root.querySelector('[data-back]').addEventListener('click', () => playFrom(Math.max(0, position() - 5)));

  document.addEventListener('click', (e) => {
    const button = e.target.closest('[data-play-at]');
    if (button) { e.preventDefault(); playFrom(Number(button.dataset.playAt)); return; }
    const turn = e.target.closest('[data-turn-at]');
    if (turn && window.getSelection().isCollapsed && !e.target.closest('a,button,input,textarea,select')) playFrom(Number(turn.dataset.turnAt));
  });

  // A person scrolling to read elsewhere is not pulled back while the recording plays on.
  const stopFollowing = () => { follow = false; };
  document.addEventListener('wheel', stopFollowing, { passive: true });
  document.addEventListener('touchmove', stopFollowing, { passive: true });
  document.addEventListener('keydown', (e) => {
    if (['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown'].includes(e.key) && !e.target.closest?.('input,textarea,select')) stopFollowing();
  });

  // The current turn: the last timed turn starting at or before the position.
  let highlighted = null;
  audio.addEventListener('timeupdate', () => {
    root.dataset.position = position().toFixed(1);   // read by the transcript editor's "set time" buttons
    const t = position() + 0.05;
    if (runsEl && timedTurns.length > 0) { highlightRuns(t); return; }
    let best = null;
    for (const el of document.querySelectorAll('[data-turn-at]')) if (Number(el.dataset.turnAt) <= t) best = el;
    if (best === highlighted) return;
    highlighted?.classList.remove('fs-turn-current');
    highlighted = best;
    if (best) { best.classList.add('fs-turn-current'); if (follow) best.scrollIntoView({ block: 'nearest', behavior: 'smooth' }); }
  });

  // The annotator's text: turns from data-turns, drawn as a highlight over the runs ([data-start] spans).
  const runsEl = document.querySelector('[data-annotator] [data-transcript]');
  const timedTurns = (root.dataset.turns ? JSON.parse(root.dataset.turns) : []).filter((x) => x.at !== null);
  let currentTurn = null;
  function highlightRuns(t) {
    let best = null;
    for (const turn of timedTurns) if (turn.at <= t) best = turn;
    // Rebuilt on every update, not kept: the annotator splits runs as passages are coded, which moves text nodes.
    const range = best && rangeOver(best.start, best.end);
    if ('highlights' in CSS) { if (range) CSS.highlights.set('fs-turn-current', new Highlight(range)); else CSS.highlights.delete('fs-turn-current'); }
    if (best === currentTurn) return;
    currentTurn = best;
    if (best) root.dataset.currentTurn = String(best.start); else delete root.dataset.currentTurn;
    if (range && follow) bringIntoView(range);
  }
  // A run can span many turns, so the turn's own first line box is what must be seen, below the sticky player.
  function bringIntoView(range) {
    const line = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const top = Math.max(0, root.getBoundingClientRect().bottom);
    if (line.top < top || line.bottom > innerHeight) window.scrollBy({ top: line.top - top - (innerHeight - top) / 3, behavior: 'smooth' });
  }
  function runAt(offset) {
    let found = null;
    for (const el of runsEl.querySelectorAll(':scope > [data-start]')) { if (Number(el.dataset.start) > offset) break; found = el; }
    return found && { el: found, node: found.firstChild, at: offset - Number(found.dataset.start) };
  }
  function rangeOver(start, end) {
    const from = runAt(start), to = runAt(Math.max(start, end - 1));
    if (!from?.node || !to?.node) return null;
    const range = document.createRange();
    range.setStart(from.node, Math.min(from.at, from.node.length));
    range.setEnd(to.node, Math.min(to.at + 1, to.node.length));
    return range;
  }

  const codes = { KeyP: () => (audio.paused ? (current < 0 ? playFrom(0) : audio.play()) : audio.pause()),
    KeyB: () => playFrom(Math.max(0, position() - 5)), Comma: () => step(-1), Period: () => step(1) };
  function step(dir) {
    const i = Math.min(speed.options.length - 1, Math.max(0, speed.selectedIndex + dir));
    speed.selectedIndex = i;
    audio.playbackRate = Number(speed.value);
  }
  document.addEventListener('keydown', (e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || !(e.code in codes)) return;
    codes[e.code]();
    e.preventDefault();
  });

  // Play buttons on the annotator's coded passages.
  const turns = root.dataset.turns ? JSON.parse(root.dataset.turns) : null;   // [{start, at}] sorted by start
  if (turns) {
    const timeOf = (offset) => { let at = null; for (const t of turns) { if (t.start > offset) break; if (t.at !== null) at = t.at; } return at; };
    const label = root.dataset.msgPlay;
    const decorate = () => {
      for (const li of document.querySelectorAll('[data-segment-id][data-start]:not([data-play-ready])')) {
        li.dataset.playReady = '';
        const at = timeOf(Number(li.dataset.start));
        if (at === null) continue;
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'btn btn-link btn-sm p-0 me-2';
        b.dataset.playAt = String(at);
        b.dataset.testid = 'play-passage';
        b.title = label;
        b.textContent = `▶ ${Math.floor(at / 60)}:${String(Math.floor(at % 60)).padStart(2, '0')}`;
        li.prepend(b);
      }
    };
    new MutationObserver(decorate).observe(document.body, { childList: true, subtree: true });
    decorate();
  }
}
