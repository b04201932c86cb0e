// Interviews/Recordings: sends the chosen file as the request body, as it is (the server streams it to disk
// and checks its content), with the antiforgery token in a header; then reloads to show the new part.
const box = document.querySelector('[data-recording-upload]');
if (box) {
  const file = box.querySelector('[data-file]');
  const error = box.querySelector('[data-error]');
  const status = box.querySelector('[data-status]');
  const token = box.querySelector('input[name="__RequestVerificationToken"]').value;
  box.querySelector('[data-upload]').addEventListener('click', async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    error.classList.add('d-none');
    status.textContent = box.dataset.msgUploading;
    const response = await fetch(`${box.dataset.url}&name=${encodeURIComponent(chosen.name)}`, {
      method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-TOKEN': token }, body: chosen,
    });
    const json = await response.json().catch(() => ({ error: response.statusText }));
    status.textContent = '';
    if (!response.ok) { error.textContent = json.error ?? response.statusText; error.classList.remove('d-none'); return; }
    window.location.reload();
  });
}
