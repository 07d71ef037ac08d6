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

// After a navigation, puts focus on the page's heading so a screen reader starts there, unless the
// person is already typing in a field. Blazor Server runs the after-render step only when the browser
// has acknowledged the render, so on a busy server the call can land after the form appeared and the
// clerk started typing; taking the cursor out of the field then loses the rest of what is typed.
export function focusHeadingUnlessTyping(selector) {
  const active = document.activeElement;
  if (active && active.matches('input, textarea, select, [contenteditable="true"]')) {
    return;
  }
  const heading = document.querySelector(selector);
  if (heading) {
    if (!heading.hasAttribute('tabindex')) {
      heading.tabIndex = -1;
    }
    heading.focus({ preventScroll: true });
  }
}

// What a field's box shows now, for the server to keep if its own copy fell behind (FormText).
export function shownValue(container) {
  return container?.querySelector('input, textarea')?.value ?? null;
}

// After a refused save on a long form, takes the person to the first field that needs a change
// (it may be far above the button they pressed); the summary next to the button says why.
export function focusFirstInvalid(container) {
  const field = container?.querySelector('.field-invalid input:not([type=checkbox]), .field-invalid textarea, .field-invalid [tabindex="0"]');
  if (field) {
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  }
}
