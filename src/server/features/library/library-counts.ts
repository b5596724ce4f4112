import type { ExerciseContent } from '../../../shared/exercise.js';
import { COMPLAINTS, type Complaint, REGIONS, type Region, type Tool } from '../../../shared/vocabulary.js';

/** Things a home has without buying anything: an item needing only these "needs no bought tool". */
const NO_BOUGHT_TOOLS: readonly Tool[] = ['doorway', 'wall', 'chair', 'floor-space', 'stair'];

/** From this many items on, the library is expected to be full: each region and complaint needs the larger numbers below. */
export const FULL_LIBRARY = 120;
export const COVERAGE = {
  growing: { items: 2, noTool: 0 },
  full: { items: 4, noTool: 2 },
} as const;

function needsNoBoughtTool(item: Pick<ExerciseContent, 'tools'>): boolean {
  return item.tools.every((need) => need.some((tool) => NO_BOUGHT_TOOLS.includes(tool)));
}

interface Count {
  items: number;
  noTool: number;
}

/** How many items serve each region and complaint, and how many of those need no bought tool. */
export function libraryCounts(items: readonly ExerciseContent[]) {
  const count = (match: (i: ExerciseContent) => boolean): Count => {
    const served = items.filter(match);
    return { items: served.length, noTool: served.filter(needsNoBoughtTool).length };
  };
  const regions = Object.fromEntries((Object.keys(REGIONS) as Region[]).map((r) => [r, count((i) => i.regions.includes(r))])) as Record<
    Region,
    Count
  >;
  const complaints = Object.fromEntries(
    (Object.keys(COMPLAINTS) as Complaint[]).map((c) => [c, count((i) => i.complaints.includes(c))]),
  ) as Record<Complaint, Count>;
  return { items: items.length, noTool: items.filter(needsNoBoughtTool).length, regions, complaints };
}

/** Every region and complaint is served by enough items, some of them needing nothing bought. */
export function coverageProblems(items: readonly ExerciseContent[]): string[] {
  const need = items.length >= FULL_LIBRARY ? COVERAGE.full : COVERAGE.growing;
  const counts = libraryCounts(items);
  const problems: string[] = [];
  const check = (what: string, c: Count) => {
    if (c.items < need.items) problems.push(`${what}: served by ${c.items} item(s), needs ${need.items}`);
    if (c.noTool < need.noTool) problems.push(`${what}: ${c.noTool} item(s) need no bought tool, needs ${need.noTool}`);
  };
  for (const [r, c] of Object.entries(counts.regions)) check(`region ${r}`, c);
  for (const [k, c] of Object.entries(counts.complaints)) check(`complaint ${k}`, c);
  return problems;
}

/** The counts as Markdown, for the README's library section and the checker's output. */
export function countsMarkdown(items: readonly ExerciseContent[]): string {
  const counts = libraryCounts(items);
  const table = (heading: string, rows: [string, Count][]) => [
    `| ${heading} | items | need no bought tool |`,
    '|---|---:|---:|',
    ...rows.map(([label, c]) => `| ${label} | ${c.items} | ${c.noTool} |`),
  ];
  return [
    `${counts.items} built-in items, ${counts.noTool} of them needing nothing bought (only a doorway, wall, chair, floor space or stair).`,
    '',
    ...table(
      'body region',
      (Object.keys(REGIONS) as Region[]).map((r) => [`${REGIONS[r]} (\`${r}\`)`, counts.regions[r]]),
    ),
    '',
    ...table(
      'complaint',
      (Object.keys(COMPLAINTS) as Complaint[]).map((k) => [`${COMPLAINTS[k]} (\`${k}\`)`, counts.complaints[k]]),
    ),
  ].join('\n');
}
