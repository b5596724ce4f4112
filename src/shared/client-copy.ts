import type { ExerciseContent } from './exercise.js';
import type { Caution } from './vocabulary.js';
import { watchLinesFor } from './watch-for.js';

/*
 * What the client's copy of an item says besides its steps, the same on the client page, the handout
 * and the email: every "don't", every tip, when to get help, and what to watch for with their cautions.
 */

export interface ClientCopy {
  /** Every "don't" line of the item. */
  donts: string[];
  /** Every tip (cue) of the item. */
  tips: string[];
  /** "Get help if …", or null when the item has no such line. */
  getHelp: string | null;
  /** Plain sentences for the cautions this client has that warn for the item. */
  watchFor: string[];
}

type Snapshot = Pick<ExerciseContent, 'mistakes' | 'cues' | 'cautionWith'> & Partial<Pick<ExerciseContent, 'getHelp' | 'watchFor'>>;

// The content may write the whole line ("Get help the same day if …") or only the condition.
const SAYS_WHAT_TO_DO = /^(get|call|see|go|phone|ring|ask|seek)\b/i;

/** The get-help line as the client reads it: always an instruction, "Get help if …" unless it already says what to do. */
function getHelpLine(text: string): string {
  const t = text.trim();
  return SAYS_WHAT_TO_DO.test(t) ? t : `Get help if ${t.charAt(0).toLowerCase()}${t.slice(1)}`;
}

/** The client's copy of an item as assigned (a snapshot, which may predate newer fields). */
export function clientCopyOf(item: Snapshot, clientCautions: readonly Caution[]): ClientCopy {
  return {
    donts: item.mistakes ?? [],
    tips: item.cues ?? [],
    getHelp: item.getHelp ? getHelpLine(item.getHelp) : null,
    watchFor: watchLinesFor({ cautionWith: item.cautionWith ?? [], watchFor: item.watchFor }, clientCautions),
  };
}
