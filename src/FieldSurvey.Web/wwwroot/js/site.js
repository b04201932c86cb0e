// Shared behaviour for every page; page scripts live in js/<feature>/ and find their elements by data-*.
for (const button of document.querySelectorAll('[data-nav-toggle]')) {
  button.addEventListener('click', () => {
    const target = document.getElementById(button.getAttribute('aria-controls'));
    const open = target.classList.toggle('show');
    button.setAttribute('aria-expanded', String(open));
  });
}
// Forms that must be confirmed: <form data-confirm="message">.
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}
