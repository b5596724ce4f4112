// The item form's values: plain strings and lists as typed, turned into the API's body on save.
import { z } from 'zod';
import { customExerciseBody, type Exercise } from '../../../shared/api/exercises.js';
import type { ExerciseContent } from '../../../shared/exercise.js';
import type { Drawing } from '../../../shared/figure/schema.js';
import { type Caution, cautionSlugs } from '../../../shared/vocabulary.js';

export type CautionLevel = 'none' | 'warn' | 'exclude';
export const DOSE_NUMBERS = ['holdSeconds', 'reps', 'sets', 'minutes', 'timesPerDay', 'daysPerWeek', 'pressure'] as const;
export type DoseNumber = (typeof DOSE_NUMBERS)[number];

export interface ExerciseDraft {
  name: string;
  purpose: string;
  category: string;
  regions: string[];
  /** Comma-separated, as typed. */
  muscles: string;
  complaints: string[];
  lifestyle: string[];
  tools: string[][];
  cautions: Record<Caution, CautionLevel>;
  steps: string[];
  cues: string[];
  mistakes: string[];
  stopIf: string;
  getHelp: string;
  teachInRoom: boolean;
  /** Kept as it came (a copy of a built-in brings its own); the form does not edit it. */
  watchFor: ExerciseContent['watchFor'];
  /** The drawing, copied from a library item's: the pose it starts from and how it departs from it. */
  pose: string | undefined;
  drawing: Drawing | undefined;
  dose: Record<DoseNumber, string>;
  perSide: boolean;
  difficulty: string;
  easier: string[];
  harder: string[];
}

export const DEFAULT_STOP_IF = 'Stop if it hurts sharply, or if you feel numbness, tingling or dizziness.';

const noCautions = () => Object.fromEntries(cautionSlugs.map((c) => [c, 'none'])) as Record<Caution, CautionLevel>;

export function emptyDraft(): ExerciseDraft {
  return {
    name: '',
    purpose: '',
    category: '',
    regions: [],
    muscles: '',
    complaints: [],
    lifestyle: [],
    tools: [],
    cautions: noCautions(),
    steps: ['', '', ''],
    cues: [],
    mistakes: [],
    stopIf: DEFAULT_STOP_IF,
    getHelp: '',
    teachInRoom: false,
    watchFor: {},
    pose: undefined,
    drawing: undefined,
    dose: { holdSeconds: '', reps: '', sets: '', minutes: '', timesPerDay: '1', daysPerWeek: '5', pressure: '' },
    perSide: false,
    difficulty: 'easy',
    easier: [],
    harder: [],
  };
}

/** The form filled in from an item: to edit it, or to start a copy. */
export function draftFrom(item: Exercise): ExerciseDraft {
  const cautions = noCautions();
  for (const c of item.cautionWith) cautions[c] = 'warn';
  for (const c of item.excludedBy) cautions[c] = 'exclude';
  const dose = Object.fromEntries(DOSE_NUMBERS.map((k) => [k, item.dose[k] === undefined ? '' : String(item.dose[k])])) as Record<
    DoseNumber,
    string
  >;
  return {
    name: item.name,
    purpose: item.purpose,
    category: item.category,
    regions: [...item.regions],
    muscles: item.muscles.join(', '),
    complaints: [...item.complaints],
    lifestyle: [...item.lifestyle],
    tools: item.tools.map((need) => [...need]),
    cautions,
    steps: [...item.steps],
    cues: [...item.cues],
    mistakes: [...item.mistakes],
    stopIf: item.stopIf,
    getHelp: item.getHelp ?? '',
    teachInRoom: Boolean(item.teachInRoom),
    watchFor: { ...item.watchFor },
    pose: item.pose,
    drawing: item.drawing,
    dose,
    perSide: Boolean(item.dose.perSide),
    difficulty: item.difficulty,
    easier: [...item.easier],
    harder: [...item.harder],
  };
}

const numberOrNothing = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The request body; checked against the shared schema before it is sent. */
export function bodyFrom(draft: ExerciseDraft) {
  const dose: Record<string, number | boolean | undefined> = {};
  for (const key of DOSE_NUMBERS) dose[key] = numberOrNothing(draft.dose[key]);
  // Pressure only means something for self-massage.
  if (draft.category !== 'self-massage') dose.pressure = undefined;
  if (draft.perSide) dose.perSide = true;
  const cautionsAt = (level: CautionLevel) => cautionSlugs.filter((c) => draft.cautions[c] === level);
  const lines = (list: string[]) => list.map((l) => l.trim()).filter(Boolean);
  return {
    name: draft.name.trim(),
    purpose: draft.purpose.trim(),
    category: draft.category,
    regions: draft.regions,
    muscles: draft.muscles
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean),
    complaints: draft.complaints,
    lifestyle: draft.lifestyle,
    tools: draft.tools,
    excludedBy: cautionsAt('exclude'),
    cautionWith: cautionsAt('warn'),
    // Steps keep their empty boxes, so the message lands on the box left empty.
    steps: draft.steps.map((s) => s.trim()),
    cues: lines(draft.cues),
    mistakes: lines(draft.mistakes),
    stopIf: draft.stopIf.trim(),
    getHelp: draft.getHelp.trim() || undefined,
    teachInRoom: draft.teachInRoom,
    watchFor: draft.watchFor,
    pose: draft.pose,
    drawing: draft.drawing,
    dose: Object.fromEntries(Object.entries(dose).filter(([, v]) => v !== undefined)),
    difficulty: draft.difficulty,
    easier: draft.easier,
    harder: draft.harder,
  };
}

const required: Record<string, string> = {
  name: 'Name the item',
  purpose: 'Say in one line what it is for',
  category: 'Choose a kind of item',
  regions: 'Choose at least one body area',
  complaints: 'Choose at least one complaint it helps',
  stopIf: 'Say when to stop',
  difficulty: 'Choose how hard it is',
};

/** Messages in the therapist's words for what the shared schema finds. */
function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const [first, second] = issue.path ?? [];
  const { code } = issue;
  const limit = (issue as { minimum?: number; maximum?: number }).minimum ?? (issue as { maximum?: number }).maximum;
  const origin = (issue as { origin?: string }).origin;
  if (first === 'dose') {
    if (code === 'invalid_type')
      return second === 'daysPerWeek' && issue.input === undefined ? 'Say how many days a week' : 'Enter a whole number';
    if (code === 'too_small') return `Use ${limit} or more`;
    if (code === 'too_big') return `Use ${limit} or less`;
  }
  if (first === 'steps' && origin === 'array') return code === 'too_small' ? `Give at least ${limit} steps` : `Use at most ${limit} steps`;
  if (first === 'steps' && code === 'too_small') return 'Write this step, or remove it';
  if (first === 'tools' && code === 'too_small') return 'Tick at least one tool for this need, or remove the need';
  if (code === 'too_small' && typeof first === 'string' && required[first]) return required[first];
  if (code === 'too_small' && origin === 'string') return 'Write a little more';
  if (code === 'too_big' && origin === 'string') return `Keep it under ${limit} characters`;
  if ((code === 'invalid_type' || code === 'invalid_value') && typeof first === 'string') return required[first];
  return undefined;
}

/** The shared body schema, with messages a therapist can act on. */
export const exerciseFormSchema = z.unknown().transform((value, ctx) => {
  const parsed = customExerciseBody.safeParse(value, { error: friendlyMessage });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});
