// The homework step's shapes and addresses, from the shared API schemas.
import type { z } from 'zod';
import type { clientLinkSchema, Homework, sendResult, suggestionsResponse } from '../../../shared/api/homework.js';

export type Suggestions = z.infer<typeof suggestionsResponse>;
export type Suggestion = Suggestions['suggestions'][number];
export type SuggestedItem = Suggestion['exercise'];
export type ClientLink = z.infer<typeof clientLinkSchema>;
export type SendResult = z.infer<typeof sendResult>;
export type HomeworkList = { homework: Homework[]; cap: number };
export type { Homework };

/** What assigning sends: the dose and cue only when the therapist gave them. */
export interface GiveOptions {
  dose?: Homework['dose'];
  note?: string;
  overrideReason?: string;
  /** At the cap: the active item this one takes the place of, retired in the same request. */
  replacesHomeworkId?: string;
}

/** "2 of 2 items" */
export const capText = (active: number, cap: number) => `${active} of ${cap} item${cap === 1 ? '' : 's'}`;
