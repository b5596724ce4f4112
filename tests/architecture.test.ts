import { describe, expect, it } from 'vitest';
import { exportsOf, importProblems, importsOf, readFeatureSources } from './architecture.js';

const FEATURES = new URL('../src/server/features', import.meta.url).pathname;

describe('server features import one way (decision 030)', () => {
  const problems = importProblems(readFeatureSources(FEATURES));

  it('has no two feature folders importing each other', () => {
    expect(problems.bothWays, `Features that import each other:\n${problems.bothWays.join('\n')}`).toEqual([]);
  });

  it('has no loop of three or more features', () => {
    expect(problems.loops, `Features that import each other round a loop:\n${problems.loops.join('\n')}`).toEqual([]);
  });

  it('has route files that export only their routes', () => {
    expect(problems.routeExports, `Route files exporting more than routes:\n${problems.routeExports.join('\n')}`).toEqual([]);
  });

  it('reads the real tree: its features and the imports between them', () => {
    const files = readFeatureSources(FEATURES);
    expect(Object.keys(files)).toContain('clients/clients.repository.ts');
    expect(Object.keys(files)).toContain('portal/page/page.routes.ts');
    expect(
      Object.keys(files).some((p) => p.endsWith('.test.ts')),
      'tests are left out',
    ).toBe(false);
    // Portal reads clients: the checker must see that edge, or a clean result would mean nothing.
    expect(importsOf(files['portal/portal.service.ts'])).toContain('../clients/email-consent.js');
  });
});

describe('web features import one way too', () => {
  const files = readFeatureSources(new URL('../src/web/features', import.meta.url).pathname, { tsx: true });

  it('has no two web feature folders importing each other (shared helpers live in components/ or format.ts)', () => {
    expect(Object.keys(files)).toContain('clients/ClientPage.tsx');
    const { bothWays, loops } = importProblems(files);
    expect([...bothWays, ...loops], `Web features that import each other:\n${[...bothWays, ...loops].join('\n')}`).toEqual([]);
  });
});

describe('the import checker', () => {
  const oneWay = {
    'clients/clients.repository.ts': "import type { Db } from '../../db/index.js';\nexport function visibleClients() {}",
    'portal/portal.service.ts': "import { visibleClients } from '../clients/clients.repository.js';",
    'portal/portal.routes.ts': 'export function portalRoutes() {}\nexport const questionRoutes = () => {};',
  };

  it('passes features that import one way and route files that export only routes', () => {
    expect(importProblems(oneWay)).toEqual({ bothWays: [], loops: [], routeExports: [] });
  });

  it('names both files when two features import each other, a dynamic import() included', () => {
    const problems = importProblems({
      ...oneWay,
      'clients/reminders.ts':
        "async function later() {\n  const { portalView } = await import(\n    '../portal/portal.service.js'\n  );\n}",
    });
    expect(problems.bothWays).toEqual([
      'clients <-> portal',
      '  clients/reminders.ts imports ../portal/portal.service.js',
      '  portal/portal.service.ts imports ../clients/clients.repository.js',
    ]);
  });

  it('counts type-only imports, re-exports and nested folders, and ignores imports within a feature or outside features', () => {
    const problems = importProblems({
      'goals/goals.repository.ts':
        'export type { LinkedClient } from "../portal/page/page.routes.js";\nimport { x } from \'./goals.service.js\';',
      'portal/page/page.routes.ts':
        "import type { Goal } from '../../goals/goals.repository.js';\nimport { html } from '../../../page-kit/html.js';",
      'referrals/referrals.service.ts': "import { html } from '../../page-kit/html.js';",
    });
    expect(problems.bothWays).toEqual([
      'goals <-> portal',
      '  goals/goals.repository.ts imports ../portal/page/page.routes.js',
      '  portal/page/page.routes.ts imports ../../goals/goals.repository.js',
    ]);
  });

  it('finds a loop of three features that no pair shows', () => {
    const problems = importProblems({
      ...oneWay,
      'goals/goals.service.ts': "import { portalView } from '../portal/portal.service.js';",
      'clients/goals-summary.ts': "import type { Goal } from '../goals/goals.service.js';",
    });
    expect(problems.bothWays).toEqual([]);
    expect(problems.loops).toEqual([
      'loop: clients · goals · portal',
      '  portal -> clients',
      '    portal/portal.service.ts imports ../clients/clients.repository.js',
      '  goals -> portal',
      '    goals/goals.service.ts imports ../portal/portal.service.js',
      '  clients -> goals',
      '    clients/goals-summary.ts imports ../goals/goals.service.js',
    ]);
  });

  it('names every helper a route file exports, in any form', () => {
    const source = [
      "import { z } from 'zod';",
      'export function sessionsRoutes() {}',
      'export async function findVisibleSession() {}',
      'export const presentSession = () => null;',
      'export type Booking = { at: string };',
      'export interface Slot { at: string }',
      'const exerciseParams = z.object({});',
      'export { exerciseParams as params, sessionsRoutes as again };',
      "export * from './sessions.repository.js';",
    ].join('\n');
    expect(exportsOf(source)).toEqual([
      'sessionsRoutes',
      'findVisibleSession',
      'presentSession',
      'Booking',
      'Slot',
      'params',
      'again',
      '*',
    ]);
    expect(importProblems({ 'clients/sessions.routes.ts': source }).routeExports).toEqual([
      'clients/sessions.routes.ts: *',
      'clients/sessions.routes.ts: Booking',
      'clients/sessions.routes.ts: Slot',
      'clients/sessions.routes.ts: again',
      'clients/sessions.routes.ts: findVisibleSession',
      'clients/sessions.routes.ts: params',
      'clients/sessions.routes.ts: presentSession',
    ]);
  });

  it('leaves helpers alone outside route files', () => {
    expect(importProblems({ 'clients/sessions.repository.ts': 'export function findVisibleSession() {}' }).routeExports).toEqual([]);
  });
});
