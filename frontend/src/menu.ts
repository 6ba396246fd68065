/** On a narrow screen the main navigation folds behind a "Menu" button; without scripts it stays open. */
export function enhanceMenu(doc: Document): void {
  const button = doc.querySelector<HTMLButtonElement>('.menu-toggle');
  const menu = button ? doc.getElementById(button.getAttribute('aria-controls') ?? '') : null;
  if (!button || !menu) {
    return;
  }
  button.addEventListener('click', () => {
    const open = !menu.classList.contains('open');
    menu.classList.toggle('open', open);
    button.setAttribute('aria-expanded', String(open));
  });
}
