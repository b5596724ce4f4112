import { escapeHtml } from '../../shared/escape.js';

// A readable API reference rendered on the server from the same OpenAPI document the
// zod schemas produce: no client-side bundle, nothing to relax in the CSP.

interface Operation {
  summary?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  parameters?: { name: string; in: string; required?: boolean }[];
  responses?: Record<string, unknown>;
}

export function renderApiDocs(
  doc: { info: { title: string; version: string }; paths?: Record<string, Record<string, Operation>> },
  publicRoutes: Set<string>,
): string {
  const sections: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const body = op.requestBody?.content?.['application/json']?.schema;
      const params = (op.parameters ?? [])
        .map((p) => `<code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ', required' : ''})`)
        .join(', ');
      const access = publicRoutes.has(`${method.toUpperCase()} ${path}`) ? 'public' : 'session cookie + x-csrf-token, or Bearer API key';
      sections.push(`<section><h2><span class="m">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>
<p>${escapeHtml(op.summary ?? '')}</p><p class="a">Access: ${access}. Responses: ${Object.keys(op.responses ?? {}).join(', ')}</p>
${params ? `<p>Parameters: ${params}</p>` : ''}
${body ? `<details><summary>Request body schema</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : ''}</section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info.title)} API</title><link rel="stylesheet" href="/api/docs.css"></head><body><main>
<h1>${escapeHtml(doc.info.title)} API ${escapeHtml(doc.info.version)}</h1>
<p>JSON over HTTPS under <code>/api/v1</code>. Errors are <code>{error:{code,message,fields?}}</code>. The machine-readable document is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
${sections.join('\n')}</main></body></html>`;
}

export const apiDocsCss = `body{font:16px/1.5 system-ui,sans-serif;color:#1f2a2a;background:#faf8f5;margin:0}main{max-width:60rem;margin:auto;padding:1rem}
section{background:#fff;border:1px solid #d9d4cc;border-radius:8px;padding:0 1rem;margin:1rem 0}h2{font-size:1.05rem}.m{color:#1d5c57}.a{color:#4a5555}
pre{overflow:auto;background:#f3f1ec;padding:.5rem;font-size:.85rem}a{color:#1d5c57}`;
