// Interviews/Transcript: the ⏱ button of a turn posts the player's position as that turn's time (a revision).
const form = document.querySelector('[data-time-form]');
const audio = document.querySelector('[data-player] [data-audio]');
if (form && audio) {
  document.addEventListener('click', (e) => {
    const button = e.target.closest('[data-set-time]');
    if (!button) return;
    e.stopPropagation();
    // The player's position across parts is kept by player.js on the element.
    form.elements.turnStart.value = button.dataset.setTime;
    form.elements.seconds.value = String(Number(document.querySelector('[data-player]').dataset.position ?? audio.currentTime));
    form.submit();
  }, true);
}
