/*
 * The client's page in the browser: progressive enhancement over the server-rendered forms.
 * A tap updates the screen at once and is kept on the phone (localStorage) until the server has it,
 * so nothing is lost offline; the API's upsert makes a repeat harmless, but each tap is sent once.
 */

// The same time-zone module as the server and the therapist app (bundled in by esbuild).
import { instantAt, isLocalDate, isoInZone, todayIn } from '../../../shared/time/zone.js';

interface CheckIn {
  homeworkId: string;
  date?: string;
  done: boolean;
  feeling?: 'better' | 'same' | 'worse';
  note?: string;
}

const main = document.querySelector<HTMLElement>('main[data-api]');
/** How long "Undo" stays after a tap. */
const UNDO_SECONDS = 8;
const OFFLINE_TEXT = 'Saved on this phone — it will send when you’re back online.';
const NOT_SENT = 'You are offline, so it is not sent yet. Try again when you are back online.';

if (main) start(main);
const referral = document.querySelector<HTMLFormElement>('form.referral');
if (referral) enhanceReferral(referral);

const sendJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** What went wrong, in the server's words: the first field's problem when there is one. */
async function problemText(res: Response) {
  try {
    const { error } = (await res.json()) as { error: { message: string; fields?: Record<string, string> } };
    const field = error.fields && Object.values(error.fields)[0];
    return res.status === 400 && field ? `Please check what you wrote: ${field}.` : error.message;
  } catch {
    return 'That did not work. Try again.';
  }
}

/** The status line that goes with a form: the one just after it. */
const statusOf = (form: HTMLFormElement) =>
  (form.querySelector<HTMLElement>('.status') ?? form.parentElement!.querySelector<HTMLElement>(':scope > .status'))!;

/** "2026-03-09T10:00:00-05:00": a day and a wall-clock time in a time zone, with that zone's offset then; null if the browser cannot tell. */
function instantIn(day: string, time: string, zone: string): string | null {
  if (!isLocalDate(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  try {
    return isoInZone(instantAt(day, time, zone), zone);
  } catch {
    return null;
  }
}

/** The chosen times as instants, a plain problem to show, or null when the browser cannot work them out (the form then posts itself). */
function chosenTimes(form: HTMLFormElement, zone: string): { times: string[] } | { problem: string } | null {
  const times: string[] = [];
  for (let n = 1; n <= 3; n++) {
    const day = (form.elements.namedItem(`day${n}`) as HTMLInputElement).value;
    const time = (form.elements.namedItem(`time${n}`) as HTMLInputElement).value;
    if (!day && !time) continue;
    if (!day || !time) return { problem: 'Pick both a day and a time for each choice.' };
    const at = instantIn(day, time.slice(0, 5), zone);
    if (!at) return null;
    if (Date.parse(at) <= Date.now()) return { problem: 'Pick a time that has not passed yet.' };
    times.push(at);
  }
  return times.length ? { times } : { problem: 'Pick a day and a time that suit you.' };
}

/** A form the script sends as JSON instead: the button waits, the status line says how it went. */
function takeOver(form: HTMLFormElement, send: (said: HTMLElement) => Promise<void> | false) {
  form.addEventListener('submit', async (e) => {
    const said = statusOf(form);
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    if (button.disabled) {
      e.preventDefault();
      return;
    }
    said.textContent = 'Sending…';
    const sending = send(said);
    if (sending === false) {
      said.textContent = '';
      return; // the browser posts the form itself
    }
    e.preventDefault();
    button.disabled = true;
    try {
      await sending;
    } catch {
      said.textContent = NOT_SENT;
    } finally {
      button.disabled = false;
    }
  });
}

/** A friend's request for a first visit (/r/:code): sent to the API, then on to the thank-you page. */
function enhanceReferral(form: HTMLFormElement) {
  document.documentElement.classList.add('js');
  const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
  takeOver(form, (said) => {
    const chosen = chosenTimes(form, form.dataset.zone!);
    if (!chosen) return false;
    return (async () => {
      if ('problem' in chosen) {
        said.textContent = chosen.problem;
        return;
      }
      const res = await sendJson(form.dataset.api!, {
        name: field('name'),
        email: field('email'),
        ...(field('phone') && { phone: field('phone') }),
        preferredTimes: chosen.times,
        ...(field('message') && { message: field('message') }),
      });
      if (!res.ok) {
        said.textContent = await problemText(res);
        return;
      }
      location.assign(form.dataset.done!);
    })();
  });
}

/** The new parts of the client's page: asking for a visit, logging a goal, the homework answer, sharing. */
function enhanceSections(api: string, zone: string, keepCopy: () => void) {
  const book = document.querySelector<HTMLFormElement>('form.book');
  if (book)
    takeOver(book, (said) => {
      const chosen = chosenTimes(book, zone);
      if (!chosen) return false;
      return (async () => {
        if ('problem' in chosen) {
          said.textContent = chosen.problem;
          return;
        }
        const message = (book.elements.namedItem('message') as HTMLTextAreaElement).value.trim();
        const res = await sendJson(`${api}/booking-requests`, { preferredTimes: chosen.times, ...(message && { message }) });
        if (!res.ok) {
          said.textContent = await problemText(res);
          return;
        }
        book.hidden = true;
        said.textContent = book.dataset.done!;
        keepCopy();
      })();
    });

  for (const form of document.querySelectorAll<HTMLFormElement>('form.goal-log')) {
    takeOver(form, async (said) => {
      const input = form.elements.namedItem('value') as HTMLInputElement;
      const value = Number(input.value.replace(',', '.'));
      const res = await sendJson(`${api}/goals/${form.dataset.goal}/progress`, { value });
      if (!res.ok) {
        said.textContent = await problemText(res);
        return;
      }
      const last = form.closest('.goal')?.querySelector('.goal-last');
      if (last) last.textContent = `Last time: ${value} today.`;
      input.value = '';
      said.textContent = 'Thank you. Your number is saved.';
      keepCopy();
    });
  }

  const went = document.querySelector<HTMLFormElement>('form.went-form');
  if (went)
    takeOver(went, async (said) => {
      const res = await sendJson(`${api}/homework-report`, { went: new FormData(went).get('went') });
      if (!res.ok) {
        said.textContent = await problemText(res);
        return;
      }
      went.hidden = true;
      said.textContent = went.dataset.done!;
      // A reload should not ask again: the answer is in.
      history.replaceState(null, '', location.pathname + location.hash);
      keepCopy();
    });

  const share = document.getElementById('share');
  if (share) {
    const link = share.querySelector<HTMLInputElement>('.share-link')!;
    const said = share.querySelector<HTMLElement>(':scope > .status')!;
    const copy = share.querySelector<HTMLButtonElement>('.copy')!;
    copy.hidden = false;
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(link.value);
      } catch {
        link.select();
        document.execCommand('copy');
      }
      said.textContent = 'Copied. Now paste it in a message to your friend.';
    });
    const button = share.querySelector<HTMLButtonElement>('.share-button')!;
    if (typeof navigator.share === 'function') {
      button.hidden = false;
      button.addEventListener('click', () => {
        navigator.share({ title: button.dataset.title, text: button.dataset.text, url: link.value }).catch(() => {});
      });
    }
  }
}

function start(root: HTMLElement) {
  document.documentElement.classList.add('js');
  const api = root.dataset.api!;
  const pageToday = root.dataset.today!;
  const queueKey = `carryover-checkins:${api}`;
  const sync = document.getElementById('sync')!;
  let sending: Promise<void> = Promise.resolve();

  // Where storage is refused (some private modes), the taps wait in memory while the page is open.
  let inMemory: Record<string, CheckIn> = {};
  let stored = true;
  const readQueue = (): Record<string, CheckIn> => {
    if (stored) {
      try {
        return JSON.parse(localStorage.getItem(queueKey) ?? '{}');
      } catch {
        stored = false;
      }
    }
    return { ...inMemory };
  };
  const writeQueue = (q: Record<string, CheckIn>) => {
    inMemory = q;
    try {
      if (Object.keys(q).length) localStorage.setItem(queueKey, JSON.stringify(q));
      else localStorage.removeItem(queueKey);
    } catch {
      stored = false;
    }
  };

  /** Today in the client's time zone, now: a page kept on the phone since yesterday still ticks today. */
  function tapDay() {
    try {
      const day = todayIn(root.dataset.zone ?? 'UTC');
      return day > pageToday ? day : pageToday;
    } catch {
      return pageToday;
    }
  }

  const post = (path: string, method: string, body: unknown) =>
    fetch(api + path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function errorText(res: Response) {
    try {
      return ((await res.json()) as { error: { message: string } }).error.message;
    } catch {
      return 'That did not work. Try again.';
    }
  }

  /** Sends what is waiting, one at a time, in order; what cannot be sent now stays for later. */
  function flush() {
    sending = sending.then(async () => {
      const waiting = readQueue();
      for (const [key, checkIn] of Object.entries(waiting)) {
        let res: Response;
        try {
          res = await post('/checkins', 'POST', checkIn);
          // A phone whose clock runs a day ahead: let the server say which day it is.
          if (res.status === 400 && checkIn.date && (await res.clone().text()).includes('"date"')) {
            res = await post('/checkins', 'POST', { ...checkIn, date: undefined });
          }
        } catch {
          sync.textContent = OFFLINE_TEXT;
          return;
        }
        if (res.status === 429 || res.status >= 500) {
          sync.textContent = OFFLINE_TEXT;
          return;
        }
        const now = readQueue();
        // Only forget it if it was not changed again while it was on its way.
        if (JSON.stringify(now[key]) === JSON.stringify(checkIn)) delete now[key];
        writeQueue(now);
        if (!res.ok) itemStatus(checkIn.homeworkId, await errorText(res));
      }
      if (sync.textContent === OFFLINE_TEXT) sync.textContent = '';
      if (Object.keys(waiting).length) refreshKeptCopy();
    });
    return sending;
  }

  /** The copy of this page kept for offline use should show the ticks the server now has. */
  function refreshKeptCopy() {
    if (!navigator.serviceWorker?.controller || !('caches' in window)) return;
    caches
      .open('carryover-pages')
      .then((c) => c.add(location.pathname))
      .catch(() => {});
  }

  function save(checkIn: CheckIn) {
    const q = readQueue();
    q[`${checkIn.homeworkId}|${checkIn.date}`] = checkIn;
    writeQueue(q);
    return flush();
  }

  const itemStatus = (id: string, text: string) => {
    const el = document.getElementById(`status-${id}`);
    if (el) el.textContent = text;
  };

  function showDone(item: HTMLElement, done: boolean) {
    const button = item.querySelector<HTMLButtonElement>('.done-button')!;
    button.setAttribute('aria-pressed', String(done));
    button.value = String(!done);
    button.querySelector('.done-text')!.textContent = done ? 'Done ✓' : 'Done today';
    const feel = item.querySelector<HTMLFormElement>('.feel')!;
    feel.hidden = !done;
    if (!done) {
      for (const radio of feel.querySelectorAll<HTMLInputElement>('input[type=radio]')) radio.checked = false;
      (feel.elements.namedItem('note') as HTMLTextAreaElement).value = '';
    }
    const dot = item.querySelector(`.dot[data-day="${pageToday}"]`);
    if (dot) {
      dot.classList.toggle('is-done', done);
      dot.querySelector('.vh')!.textContent = `Today: ${done ? 'done' : 'not done'}`;
      item.querySelector('.days-count')!.textContent = String(item.querySelectorAll('.dot.is-done').length);
    }
  }

  /** The check-in as the feeling form shows it now. */
  function current(item: HTMLElement): CheckIn {
    const feel = item.querySelector<HTMLFormElement>('.feel')!;
    const feeling = new FormData(feel).get('feeling') as CheckIn['feeling'] | null;
    const note = (feel.elements.namedItem('note') as HTMLTextAreaElement).value.trim();
    return { homeworkId: item.dataset.item!, date: tapDay(), done: true, ...(feeling && { feeling }), ...(note && { note }) };
  }

  for (const item of document.querySelectorAll<HTMLElement>('.item')) {
    const id = item.dataset.item!;
    const button = item.querySelector<HTMLButtonElement>('.done-button')!;
    const ask = item.querySelector<HTMLElement>('.undo-ask')!;
    const undo = item.querySelector<HTMLButtonElement>('.undo')!;
    let undoTimer = 0;
    const tick = (done: boolean, text: string) => {
      showDone(item, done);
      itemStatus(id, text);
      save(done ? current(item) : { homeworkId: id, date: tapDay(), done: false });
    };
    const hideUndo = () => {
      window.clearTimeout(undoTimer);
      if (document.activeElement === undo) button.focus();
      undo.hidden = true;
    };
    // A tick is undone at once within a few seconds of the tap; after that, taking it back asks first.
    item.querySelector('.done')!.addEventListener('submit', (e) => {
      e.preventDefault();
      if (button.getAttribute('aria-pressed') === 'true') {
        hideUndo();
        ask.hidden = false;
        ask.querySelector<HTMLButtonElement>('.undo-no')!.focus();
        return;
      }
      tick(true, 'Well done! You can say how it felt below.');
      undo.hidden = false;
      undoTimer = window.setTimeout(hideUndo, UNDO_SECONDS * 1000);
    });
    const takeBack = () => {
      hideUndo();
      ask.hidden = true;
      tick(false, 'Taken back. Today is not ticked.');
      button.focus();
    };
    undo.addEventListener('click', takeBack);
    ask.querySelector('.undo-yes')!.addEventListener('click', takeBack);
    ask.querySelector('.undo-no')!.addEventListener('click', () => {
      ask.hidden = true;
      itemStatus(id, 'Kept. Today stays ticked.');
      button.focus();
    });
    const feel = item.querySelector<HTMLFormElement>('.feel')!;
    const saveFeeling = (e: Event) => {
      e.preventDefault();
      itemStatus(id, 'Thank you. Saved.');
      save(current(item));
    };
    feel.addEventListener('submit', saveFeeling);
    for (const radio of feel.querySelectorAll('input[type=radio]')) radio.addEventListener('change', saveFeeling);
  }

  // On paper every item shows its full steps.
  window.addEventListener('beforeprint', () => {
    for (const how of document.querySelectorAll<HTMLDetailsElement>('details.how')) how.open = true;
  });

  // A page opened from the phone's cache shows the taps that have not been sent yet.
  for (const c of Object.values(readQueue())) {
    const item = document.querySelector<HTMLElement>(`.item[data-item="${c.homeworkId}"]`);
    if (item && c.date === pageToday) showDone(item, c.done);
  }

  const ask = document.querySelector<HTMLFormElement>('form.ask');
  ask?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = ask.elements.namedItem('text') as HTMLTextAreaElement;
    const said = ask.querySelector('.status')!;
    const button = ask.querySelector('button')!;
    button.disabled = true;
    said.textContent = 'Sending…';
    try {
      const res = await post('/questions', 'POST', { text: text.value });
      if (!res.ok) {
        said.textContent = await errorText(res);
        return;
      }
      const li = document.createElement('li');
      const p = li.appendChild(document.createElement('p'));
      p.className = 'asked';
      p.textContent = `You asked just now: ${text.value.trim()}`;
      li.appendChild(document.createElement('p')).textContent = 'No answer yet.';
      li.lastElementChild!.className = 'waiting';
      const list = document.querySelector<HTMLElement>('.questions');
      list?.prepend(li);
      if (list) list.hidden = false;
      text.value = '';
      said.textContent = 'Sent. You will see the answer here.';
    } catch {
      said.textContent = 'You are offline, so it is not sent yet. Try again when you are back online.';
    } finally {
      button.disabled = false;
    }
  });

  const reminders = document.querySelector<HTMLFormElement>('form.reminders');
  let rhythm = reminders && (new FormData(reminders).get('rhythm') as string | null);
  reminders?.addEventListener('change', async () => {
    const said = reminders.querySelector('.status')!;
    const chosen = new FormData(reminders).get('rhythm') as string;
    const undo = () => {
      const before = reminders.querySelector<HTMLInputElement>(`input[value="${rhythm}"]`);
      if (before) before.checked = true;
    };
    said.textContent = 'Saving…';
    try {
      const res = await post('/reminders', 'PUT', { rhythm: chosen });
      if (!res.ok) {
        undo();
        said.textContent = await errorText(res);
        return;
      }
      rhythm = chosen;
      said.textContent = chosen === 'none' ? 'Saved. We will not send you reminders.' : 'Saved.';
    } catch {
      undo();
      said.textContent = 'You are offline, so this is not saved. Try again when you are back online.';
    }
  });
  reminders?.addEventListener('submit', (e) => e.preventDefault());

  enhanceSections(api, root.dataset.zone!, refreshKeptCopy);

  window.addEventListener('online', () => flush());
  // Some phones miss the online event; look again now and then while something waits.
  setInterval(() => {
    if (Object.keys(readQueue()).length && navigator.onLine) flush();
  }, 30_000);
  flush();

  // The service worker keeps the page and its files on the phone, so the homework opens offline too.
  const register = () => navigator.serviceWorker.register('/c/sw.js', { scope: '/c/' }).catch(() => {});
  if ('serviceWorker' in navigator) {
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register);
  }
}
