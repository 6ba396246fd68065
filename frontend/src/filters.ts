/** What a device row offers to the filter: its searchable words and its states. */
export interface FilterableRow {
  text: string;
  tags: string[];
}

/** A row matches when every word of the query is in its text and it carries the chosen state ("all" for any). */
export function matches(row: FilterableRow, query: string, show: string): boolean {
  const text = row.text.toLowerCase();
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  if (!words.every((w) => text.includes(w))) {
    return false;
  }
  return show === '' || show === 'all' || row.tags.includes(show);
}

/**
 * Filters the device list as the person types or picks a state; without scripts the same form is
 * submitted and the server filters.
 */
export function enhanceDeviceFilter(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('form[data-device-filter]');
  const list = doc.querySelector<HTMLElement>('[data-device-list]');
  const count = doc.querySelector<HTMLElement>('[data-device-count]');
  // a list the server already filtered lacks rows the person may ask for: let the form go to the server
  if (!form || !list || list.dataset.complete !== 'true') {
    return;
  }
  const apply = () => {
    const data = new FormData(form);
    const query = String(data.get('q') ?? '');
    const show = String(data.get('show') ?? 'all');
    let visible = 0;
    list.querySelectorAll<HTMLElement>('[data-search]').forEach((item) => {
      const row = { text: item.dataset.search ?? '', tags: (item.dataset.tags ?? '').split(' ') };
      const shown = matches(row, query, show);
      item.hidden = !shown;
      if (shown) {
        visible++;
      }
    });
    if (count) {
      count.textContent = (count.dataset.template ?? '#').replace('#', String(visible));
    }
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
}
