// A click in a text field is the browser's business alone. MudBlazor's text field answers a click on its
// frame by asking the server to focus the input; over a slow line that call lands a round trip later,
// after the clerk has typed on and tabbed into the next field, and pulls the cursor back: the rest of
// what is typed goes into the wrong field. The browser has already focused the input on the press (or
// does so for its label), so the click stops here; a click on the frame around the input focuses it locally.
document.addEventListener('click', event => {
  const field = event.target instanceof Element ? event.target.closest('.form-text') : null;
  if (!field) {
    return;
  }
  event.stopPropagation();
  const input = field.querySelector('input, textarea');
  if (input && !input.disabled && document.activeElement !== input) {
    input.focus();
  }
}, true);
