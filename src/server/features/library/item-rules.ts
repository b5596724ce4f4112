// The safety bar every item meets before a client does it alone at home. Each rule answers
// with a problem that names the item and the field to fix.
import type { ExerciseContent } from '../../../shared/exercise.js';
import type { Caution, Region, Tool } from '../../../shared/vocabulary.js';
import { clientSentences } from './readability.js';

/** Tools that press into or roll over the body. */
const PRESSING_TOOLS: readonly Tool[] = ['tennis-ball', 'lacrosse-ball', 'peanut-ball', 'foam-roller', 'massage-stick', 'hook-massager'];

/** Regions where rolling or pressing can hide a warning sign, so the client is told when to get help. */
const GET_HELP_REGIONS: readonly Region[] = ['calf', 'shin', 'jaw', 'low-back', 'glutes', 'thigh-back'];
/** Head and back-of-neck work for headaches: the headache warning signs go with it. */
const HEADACHE_REGIONS: readonly Region[] = ['head', 'neck-back'];
/** Rolling a leg can move a clot: these cautions exclude it. */
const LEG_REGIONS: readonly Region[] = ['calf', 'shin', 'thigh-front', 'thigh-back', 'thigh-inner'];
const LEG_ROLLING_EXCLUDED: readonly Caution[] = ['clot-history', 'cancer-treatment'];

const LYING_ON_BACK = /\b(lie|lying)( down)? on your back\b|\blie back\b/i;
const TWIST = /\btwist/i;
const LENGTH_UNITS =
  /\b\d*\s*(inch(es)?|cm|mm|(centi|milli)?met(re|er)s?|yards?)\b|\b(a|one) (foot|feet) (from|away|long)\b|\bfoot length\b/i;
const PROMISES = /\bmelts? (the|a|your) knots?\b|\bworks? out (the|your) knots\b|\bsaves? your\b|\bundo(es)? the\b|\bcures?\b|\bguarantee/i;

/** True when the item presses or rolls on the body: self-massage, or a ball, roller, stick or hook. */
export function pressesOrRolls(item: Pick<ExerciseContent, 'category' | 'tools'>): boolean {
  return item.category === 'self-massage' || usesPressingTool(item);
}

function usesPressingTool(item: Pick<ExerciseContent, 'tools'>): boolean {
  return item.tools.some((need) => need.some((tool) => PRESSING_TOOLS.includes(tool)));
}

/** True when a ball or roller works where a "get help" rule applies (calf, shin, jaw, low back, glutes, thigh-back, headache work). */
function needsGetHelp(item: Pick<ExerciseContent, 'tools' | 'regions' | 'complaints'>): boolean {
  if (!usesPressingTool(item)) return false;
  if (item.regions.some((r) => GET_HELP_REGIONS.includes(r))) return true;
  return item.complaints.includes('headaches') && item.regions.some((r) => HEADACHE_REGIONS.includes(r));
}

const listed = (item: ExerciseContent, caution: Caution) => item.excludedBy.includes(caution) || item.cautionWith.includes(caution);

/** Every safety problem of one item. */
export function checkItemSafety(item: ExerciseContent): string[] {
  const problems: string[] = [];
  const add = (field: string, message: string) => problems.push(`${item.slug}: ${field}: ${message}`);

  if (item.category === 'self-massage' && item.dose.pressure === undefined) add('dose', 'self-massage needs a pressure in its dose');
  if (!/\bstop\b/i.test(item.stopIf)) add('stopIf', 'must tell the client when to stop ("Stop if it hurts sharply…")');

  if (pressesOrRolls(item) && item.mistakes.length === 0) add('mistakes', 'it presses or rolls, so it needs at least one "Don\'t …" line');
  item.mistakes.forEach((line, i) => {
    if (!/^Don['’]t /.test(line)) add(`mistakes[${i}]`, `each line is a "Don't …" the client reads: "${line}"`);
  });

  if (needsGetHelp(item) && !item.getHelp) {
    add('getHelp', `a ball or roller on the ${item.regions.join(', ')} needs a "Get help if…" line`);
  }
  if (item.getHelp && !/^Get\b.*\bhelp\b/i.test(item.getHelp)) add('getHelp', `must start "Get … help": "${item.getHelp}"`);

  for (const caution of Object.keys(item.watchFor) as Caution[]) {
    if (!item.cautionWith.includes(caution)) add(`watchFor.${caution}`, 'is never shown: the caution is not in cautionWith');
  }
  for (const caution of item.excludedBy) {
    if (item.cautionWith.includes(caution)) add('cautionWith', `"${caution}" both excludes and warns; keep one`);
  }

  if (pressesOrRolls(item) && !listed(item, 'cancer-treatment'))
    add('cautionWith', 'pressure work must at least warn for cancer-treatment');
  if (usesPressingTool(item) && item.regions.some((r) => LEG_REGIONS.includes(r))) {
    for (const caution of LEG_ROLLING_EXCLUDED) {
      if (!item.excludedBy.includes(caution)) add('excludedBy', `rolling or pressing a leg must exclude ${caution}`);
    }
  }
  if (item.steps.some((s) => LYING_ON_BACK.test(s)) && !listed(item, 'pregnancy')) {
    add('cautionWith', 'lying on the back must at least warn for pregnancy');
  }
  if ([item.name, ...item.steps].some((s) => TWIST.test(s)) && !listed(item, 'vertigo')) {
    add('cautionWith', 'a twist must at least warn for vertigo');
  }

  for (const { where, text } of clientSentences(item)) {
    if (LENGTH_UNITS.test(text)) add(where, `use "a thumb's width" or "a hand's width", not a unit of length: "${text}"`);
    if (PROMISES.test(text)) add(where, `self-care advice makes no promises: "${text}"`);
  }
  return problems;
}
