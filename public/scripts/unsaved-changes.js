// Warns before leaving a dashboard form with changes not yet saved (forms marked data-warn-unsaved).
// Progressive enhancement: without it the forms work the same, only without the warning.
(() => {
  const forms = document.querySelectorAll('form[data-warn-unsaved]');
  if (forms.length === 0) return;
  let dirty = false;
  for (const form of forms) {
    form.addEventListener('input', () => {
      dirty = true;
    });
    form.addEventListener('submit', () => {
      dirty = false;
    });
  }
  window.addEventListener('beforeunload', (event) => {
    if (!dirty) return;
    // Browsers show their own wording; returnValue is what asks them to.
    event.preventDefault();
    event.returnValue = '';
  });
})();
