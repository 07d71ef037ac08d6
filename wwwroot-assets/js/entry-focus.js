// Puts the cursor in a form's first field, unless the person already put it somewhere: a focus that
// arrives late (a slow connection, a busy server) must never pull the cursor out of the field being
// typed in, or the rest of what is typed lands in the wrong field.
export function focusIfIdle(container) {
  const active = document.activeElement;
  const idle = !active || active === document.body || /^H[1-6]$/.test(active.tagName);
  if (idle && container) {
    container.querySelector('input, textarea')?.focus();
  }
}
