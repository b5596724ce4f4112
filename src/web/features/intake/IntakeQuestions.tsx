import { REFERRAL_SOURCES } from '../../../shared/api/clients.js';
import { ASSUMED_TOOLS, type Caution, type Complaint, type Lifestyle, type Tool, toolSlugs } from '../../../shared/vocabulary.js';
import { CheckboxField, ChipGroup, ChoiceChips, TextAreaField, TextField } from '../../design/components/index.js';
import { plainCautions, plainComplaints, plainLifestyle, plainReferral, plainTools } from './plainWords.js';

type AssumedTool = (typeof ASSUMED_TOOLS)[number];

/** The form's answers, as typed; turned into the API's body when sent. */
export interface Answers {
  complaints: Complaint[];
  complaintNotes: string;
  goals: string;
  lifestyle: Lifestyle[];
  tools: Tool[];
  lacksTools: AssumedTool[];
  cautions: Caution[];
  cautionNotes: string;
  referralSource: (typeof REFERRAL_SOURCES)[number] | null;
  consentToEmail: boolean;
  phone: string;
}

const assumed = ASSUMED_TOOLS as readonly Tool[];
const choices = <T extends string>(labels: Record<T, string>) =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

/** Tools the client has: the ones they ticked, plus the everyday ones they did not untick. */
const toolsAtHome = (a: Answers): Tool[] =>
  toolSlugs.filter((t) => (assumed.includes(t) ? !a.lacksTools.includes(t as AssumedTool) : a.tools.includes(t)));

/** The first message for a question, whichever of its answers it is about ("complaints.2"). */
const errorFor = (errors: Record<string, string>, key: string) =>
  errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];

interface IntakeQuestionsProps {
  answers: Answers;
  onChange: (next: Answers) => void;
  errors: Record<string, string>;
  practiceName: string;
}

export function IntakeQuestions({ answers, onChange, errors, practiceName }: IntakeQuestionsProps) {
  const set = <K extends keyof Answers>(key: K, value: Answers[K]) => onChange({ ...answers, [key]: value });
  return (
    <>
      <section className="intake-question">
        <ChipGroup
          legend={<span className="intake-question__title">Where does it hurt or feel tight?</span>}
          hint="Tap all that fit."
          name="complaints"
          size="large"
          options={choices(plainComplaints)}
          selected={answers.complaints}
          onChange={(v) => set('complaints', v)}
          error={errorFor(errors, 'complaints')}
        />
        <TextAreaField
          label="Tell us more"
          name="complaintNotes"
          optional
          hint="Where is it? When did it start? What makes it worse?"
          value={answers.complaintNotes}
          onChange={(e) => set('complaintNotes', e.target.value)}
          error={errorFor(errors, 'complaintNotes')}
        />
      </section>

      <section className="intake-question intake-question--text">
        <TextAreaField
          label="What would you like to be able to do?"
          name="goals"
          optional
          hint="For example: “Sleep without a sore neck” or “Run 5 km again”."
          value={answers.goals}
          onChange={(e) => set('goals', e.target.value)}
          error={errorFor(errors, 'goals')}
        />
      </section>

      <section className="intake-question">
        <ChipGroup
          legend={<span className="intake-question__title">What do you do most days?</span>}
          hint="Tap all that fit."
          name="lifestyle"
          size="large"
          options={choices(plainLifestyle)}
          selected={answers.lifestyle}
          onChange={(v) => set('lifestyle', v)}
          error={errorFor(errors, 'lifestyle')}
        />
      </section>

      <section className="intake-question">
        <ChipGroup
          legend={<span className="intake-question__title">What do you have at home?</span>}
          hint="Most homes have the ticked ones. Tap to add or take away."
          name="tools"
          size="large"
          options={choices(plainTools)}
          selected={toolsAtHome(answers)}
          onChange={(have) =>
            onChange({
              ...answers,
              tools: have.filter((t) => !assumed.includes(t)),
              lacksTools: ASSUMED_TOOLS.filter((t) => !have.includes(t)),
            })
          }
          error={errorFor(errors, 'tools') ?? errorFor(errors, 'lacksTools')}
        />
      </section>

      <section className="intake-question">
        <ChipGroup
          legend={<span className="intake-question__title">Is any of this true for you?</span>}
          hint={`This keeps you safe. Only ${practiceName} sees it.`}
          name="cautions"
          size="large"
          options={choices(plainCautions)}
          selected={answers.cautions}
          onChange={(v) => set('cautions', v)}
          error={errorFor(errors, 'cautions')}
        />
        <TextAreaField
          label="Anything else about your health we should know?"
          name="cautionNotes"
          optional
          value={answers.cautionNotes}
          onChange={(e) => set('cautionNotes', e.target.value)}
          error={errorFor(errors, 'cautionNotes')}
        />
      </section>

      <section className="intake-question">
        <ChoiceChips
          legend={<span className="intake-question__title">How did you hear about us?</span>}
          name="referralSource"
          size="large"
          options={REFERRAL_SOURCES.map((s) => ({ value: s, label: plainReferral[s] }))}
          value={answers.referralSource}
          onChange={(v) => set('referralSource', v)}
          error={errorFor(errors, 'referralSource')}
        />
      </section>

      <section className="intake-question">
        <TextField
          label="Your phone number"
          name="phone"
          type="tel"
          optional
          inputMode="tel"
          autoComplete="tel"
          hint="Only if you want us to have it."
          value={answers.phone}
          onChange={(e) => set('phone', e.target.value)}
          error={errorFor(errors, 'phone')}
        />
        <CheckboxField
          name="consentToEmail"
          label="Yes, email me reminders to do my exercises."
          hint="If we have your email, your exercises are sent there after each visit. Reminders are extra: we never send them at night, and you can stop them at any time."
          checked={answers.consentToEmail}
          onChange={(e) => set('consentToEmail', e.target.checked)}
          error={errorFor(errors, 'consentToEmail')}
        />
      </section>
    </>
  );
}
