// The menu drawer of a statically rendered page (the board: its layout is plain HTML, see
// LiveIslandsAttribute): the menu button opens and closes it in the browser, as MudDrawer does on live
// pages, and on a narrow screen it starts closed, over the page rather than beside it.
(() => {
  const narrow = window.matchMedia('(max-width: 959.98px)');

  function setOpen(open) {
    const drawer = document.querySelector('.mud-drawer');
    const layout = document.querySelector('.mud-layout');
    if (!drawer || !layout) {
      return;
    }

    drawer.classList.toggle('mud-drawer--open', open);
    drawer.classList.toggle('mud-drawer--closed', !open);
    drawer.classList.remove('mud-drawer--initial');
    for (const name of [...layout.classList]) {
      const match = /^mud-drawer-(open|close)-(.+)$/.exec(name);
      if (match) {
        layout.classList.replace(name, `mud-drawer-${open ? 'open' : 'close'}-${match[2]}`);
      }
    }
  }

  function settle() {
    if (document.querySelector('[data-drawer-toggle]') && narrow.matches) {
      setOpen(false);
    }
  }

  document.addEventListener('click', (event) => {
    const toggle = event.target instanceof Element ? event.target.closest('[data-drawer-toggle]') : null;
    if (toggle) {
      setOpen(!document.querySelector('.mud-drawer')?.classList.contains('mud-drawer--open'));
    } else if (narrow.matches && document.querySelector('[data-drawer-toggle]') && event.target instanceof Element
      && event.target.closest('.mud-drawer a[href]')) {
      // A link followed from the drawer over the page closes it, as MudDrawer does.
      setOpen(false);
    }
  });

  settle();
  // Blazor's enhanced navigation may bring a static page without a full load.
  document.addEventListener('DOMContentLoaded', settle);
  window.Blazor?.addEventListener?.('enhancedload', settle);
})();
