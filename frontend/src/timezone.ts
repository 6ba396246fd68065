/** The IANA time zone the browser runs in ("Europe/Berlin"), or null when it does not say. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/**
 * Tells the portal the browser's time zone when the page was drawn in another one, so the next
 * pages show times in it. The form carries the page's CSRF token.
 */
export async function reportTimeZone(doc: Document, zone: string | null = browserTimeZone()): Promise<boolean> {
  const form = doc.querySelector<HTMLFormElement>('form[data-time-zone-report]');
  if (!form || !zone || doc.body.dataset.timeZone === zone) {
    return false;
  }
  const body = new URLSearchParams();
  new FormData(form).forEach((value, key) => body.append(key, String(value)));
  body.set('zone', zone);
  const response = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin' });
  if (response.ok) {
    doc.body.dataset.timeZone = zone;
  }
  return response.ok;
}
