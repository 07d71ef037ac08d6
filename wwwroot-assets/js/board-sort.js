// Sorts a board card's facility table in the browser. The table is HTML shared by every open board
// (BoardCardHtml), so it cannot carry a board's own sort: each header button sorts the rows by the
// row's data-sort-* values here, and the choice is kept per region, so that when the card's HTML is
// replaced (its region changed) the new rows come in the same order.
(() => {
  const chosen = new Map();

  const numeric = { outstanding: true, overdue: true, oldest: true };

  function value(row, column) {
    const text = row.getAttribute('data-sort-' + column) ?? '';
    if (!numeric[column]) {
      return text;
    }

    // No oldest item sorts after every date, as "none" comes last.
    return text === '' ? Number.POSITIVE_INFINITY : Number(text);
  }

  function apply(table, sort) {
    const body = table.tBodies[0];
    if (!body) {
      return;
    }

    const language = document.documentElement.lang || undefined;
    const rows = [...body.rows];
    rows.sort((a, b) => {
      const x = value(a, sort.column);
      const y = value(b, sort.column);
      const order = typeof x === 'number' ? (x === y ? 0 : x < y ? -1 : 1) : x.localeCompare(y, language);
      return sort.descending ? -order : order;
    });
    body.append(...rows);
    for (const button of table.querySelectorAll('.sort-button[data-sort-column]')) {
      const active = button.dataset.sortColumn === sort.column;
      button.closest('th').setAttribute('aria-sort', active ? (sort.descending ? 'descending' : 'ascending') : 'none');
      const mark = button.querySelector('.sort-mark');
      if (mark) {
        mark.textContent = active ? (sort.descending ? ' ▼' : ' ▲') : '';
      }
    }

    table.dataset.sortedBy = sort.column + (sort.descending ? ':desc' : ':asc');
  }

  function current(table) {
    const th = table.querySelector('th[aria-sort="ascending"], th[aria-sort="descending"]');
    const button = th?.querySelector('.sort-button[data-sort-column]');
    return button ? { column: button.dataset.sortColumn, descending: th.getAttribute('aria-sort') === 'descending' } : null;
  }

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('.facility-backlog .sort-button[data-sort-column]') : null;
    const table = button?.closest('table');
    if (!table) {
      return;
    }

    const column = button.dataset.sortColumn;
    const before = current(table);
    // As the server sorted before: the same column turns round; another starts with the most first, names from A.
    const sort = before && before.column === column
      ? { column, descending: !before.descending }
      : { column, descending: column !== 'name' };
    const region = table.closest('[data-region]')?.dataset.region;
    if (region) {
      chosen.set(region, sort);
    }

    apply(table, sort);
  });

  // A card's new HTML comes with the snapshot's order: sort it again as its board's user chose.
  new MutationObserver(() => {
    for (const [region, sort] of chosen) {
      for (const card of document.querySelectorAll('[data-region]')) {
        if (card.dataset.region !== region) {
          continue;
        }

        for (const table of card.querySelectorAll('.facility-backlog table')) {
          if (table.dataset.sortedBy !== sort.column + (sort.descending ? ':desc' : ':asc')) {
            apply(table, sort);
          }
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
