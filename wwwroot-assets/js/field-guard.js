// While a clerk is in an entry field, what the box shows is the truth. The server hears each keystroke a
// moment later and renders the field back; under load a render can carry an older value than the box
// already shows, and writing it into the focused box loses what was typed after it (seen in CI: an ID typed
// as 18 characters kept "34040X", a phone typed after clearing the box saved empty). So a script write into
// a focused entry field that would change what it shows is dropped: the box's own input events bring the
// server up to date, and leaving the field sends what it shows (FormText's change handler). Writes to a
// field that is not focused (a restored draft, the next entry, a reload) go through as before.
(() => {
  const guard = prototype => {
    const value = Object.getOwnPropertyDescriptor(prototype, 'value');
    Object.defineProperty(prototype, 'value', {
      configurable: true,
      get: value.get,
      set: function (next) {
        if (this === document.activeElement && this.closest('.form-text') && String(next) !== value.get.call(this)) {
          return;
        }
        value.set.call(this, next);
      },
    });
  };
  guard(HTMLInputElement.prototype);
  guard(HTMLTextAreaElement.prototype);
})();
