import autocannon from 'autocannon';

export const CONNECTIONS = 20;

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface LoadOptions {
  duration: number;
  connections?: number;
  /** Requests per second for the whole run (to measure latency at part load); full speed without. */
  rate?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** The path and body of each request; called once per request, so each can be another client. */
  next: () => { path: string; body?: string };
}

/** Loads one server with autocannon and returns throughput, latency and the count of failed answers. */
export async function load(url: string, o: LoadOptions): Promise<Measured> {
  const result = await autocannon({
    url,
    connections: o.connections ?? CONNECTIONS,
    duration: o.duration,
    overallRate: o.rate,
    requests: [
      {
        method: o.method ?? 'GET',
        headers: { ...(o.method === 'POST' ? { 'content-type': 'application/json' } : {}), ...o.headers },
        setupRequest: (req: autocannon.Request) => ({ ...req, ...o.next() }),
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

/** Several servers loaded at once (one load each, connections split): their throughput adds up, latency is the worst. */
export async function loadEach(urls: string[], o: LoadOptions): Promise<Measured> {
  const connections = Math.max(1, Math.floor((o.connections ?? CONNECTIONS) / urls.length));
  const rate = o.rate === undefined ? undefined : Math.max(1, Math.floor(o.rate / urls.length));
  const all = await Promise.all(urls.map((url) => load(url, { ...o, connections, rate })));
  return {
    rps: all.reduce((s, m) => s + m.rps, 0),
    p50: Math.max(...all.map((m) => m.p50)),
    p99: Math.max(...all.map((m) => m.p99)),
    errors: all.reduce((s, m) => s + m.errors, 0),
  };
}

/**
 * Reads every client's page once, four at a time, so the loads that follow measure pages kept ready
 * (decision 024), as a client finds theirs after the first read of the day or after a change.
 */
export async function readEveryPage(url: string, tokens: string[]) {
  let next = 0;
  const reader = async () => {
    while (next < tokens.length) {
      const res = await fetch(`${url}/api/v1/portal/${tokens[next++]}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`a client page answered ${res.status}`);
    }
  };
  await Promise.all([reader(), reader(), reader(), reader()]);
}
