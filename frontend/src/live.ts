/** What the server tells an open page about its household. */
export interface LiveEvent {
  kind: 'action' | 'alert';
  id: string;
  deviceId: string | null;
  state: string;
  /** A sentence in the page's language, or empty when the person asked not to be told. */
  message: string;
}

/** Parses one event's data; anything unexpected is ignored rather than trusted. */
export function parseEvent(data: string): LiveEvent | null {
  try {
    const value = JSON.parse(data) as Partial<LiveEvent>;
    if ((value.kind !== 'action' && value.kind !== 'alert') || typeof value.id !== 'string') {
      return null;
    }
    return {
      kind: value.kind,
      id: value.id,
      deviceId: typeof value.deviceId === 'string' ? value.deviceId : null,
      state: typeof value.state === 'string' ? value.state : '',
      message: typeof value.message === 'string' ? value.message : '',
    };
  } catch {
    return null;
  }
}

/**
 * Whether a page showing {@code scope} must refresh: "household" pages show everything,
 * "device:<id>" only that device, anything else nothing.
 */
export function concerns(scope: string | undefined, event: LiveEvent): boolean {
  if (scope === 'household') {
    return true;
  }
  if (scope && scope.startsWith('device:')) {
    return event.deviceId === scope.substring('device:'.length);
  }
  return false;
}

/** Replaces each live region of {@code current} by its namesake in {@code fresh}; returns how many changed. */
export function swapRegions(current: Document, fresh: Document): number {
  let swapped = 0;
  current.querySelectorAll<HTMLElement>('[data-live-region]').forEach((region) => {
    const name = region.dataset.liveRegion;
    const replacement = fresh.querySelector<HTMLElement>(`[data-live-region="${name}"]`);
    if (replacement && replacement.innerHTML !== region.innerHTML) {
      region.replaceWith(current.importNode(replacement, true));
      swapped++;
    }
  });
  return swapped;
}

/** Calls {@code run} once after events stop arriving for {@code delayMs}. */
export function debounce(run: () => void, delayMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) {
      clearTimeout(timer);
    }
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, delayMs);
  };
}

/** Shows a short message in the page's status area, which screen readers announce. */
export function announce(doc: Document, message: string): void {
  const area = doc.getElementById('live-status');
  if (!area || !message) {
    return;
  }
  const item = doc.createElement('p');
  item.className = 'toast';
  item.textContent = message;
  area.appendChild(item);
  while (area.children.length > 3) {
    area.firstElementChild?.remove();
  }
  setTimeout(() => item.remove(), 8000);
}

/** Opens the household's event stream and keeps the page's live regions current. */
export function connectLive(doc: Document, onRefreshed: () => void): void {
  const body = doc.body;
  const source = body.dataset.liveSource;
  if (!source || typeof EventSource === 'undefined') {
    return;
  }
  // messages wait for the refresh, so a toast never says more than the progress rows show
  let pending: string[] = [];
  const refresh = debounce(async () => {
    const messages = pending;
    pending = [];
    try {
      const response = await fetch(doc.location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
      if (response.ok) {
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
        if (swapRegions(doc, fresh) > 0) {
          onRefreshed();
        }
      }
    } finally {
      messages.forEach((message) => announce(doc, message));
    }
  }, 250);
  const events = new EventSource(source);
  events.onmessage = (message: MessageEvent<string>) => {
    const event = parseEvent(message.data);
    if (!event) {
      return;
    }
    if (concerns(body.dataset.liveScope, event)) {
      pending.push(event.message);
      refresh();
    } else {
      announce(doc, event.message);
    }
  };
  body.dataset.live = 'connected';
}
