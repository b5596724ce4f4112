import { type Intake, REFERRAL_SOURCES } from '../../../shared/api/clients.js';
import { ASSUMED_TOOLS, CAUTIONS, COMPLAINTS, LIFESTYLES, TOOLS, type Tool } from '../../../shared/vocabulary.js';
import { ChipGroup, ChoiceChips, TextAreaField } from '../../design/components/index.js';
import { errorAt, optionsOf, referralLabels } from './labels.js';
import { ReferrerPicker } from './ReferrerPicker.js';

const ownedTools = optionsOf(TOOLS).filter((o) => !(ASSUMED_TOOLS as readonly Tool[]).includes(o.value));
const assumedTools = optionsOf(TOOLS, ASSUMED_TOOLS);

export const emptyIntake = (): Intake => ({ complaints: [], lifestyle: [], tools: [], lacksTools: [], cautions: [] });

interface IntakeFieldsProps {
  value: Intake;
  onChange: (next: Intake) => void;
  /** Form and server messages keyed by dotted path, e.g. "intake.complaints.0". */
  errors: Record<string, string>;
  selfId?: string;
}

/** The therapist's intake: why the client came, what they want, how they live, what they have, what to watch for. */
export function IntakeFields({ value, onChange, errors, selfId }: IntakeFieldsProps) {
  const set = <K extends keyof Intake>(key: K, v: Intake[K]) => onChange({ ...value, [key]: v });
  const err = (key: keyof Intake) => errorAt(errors, `intake.${key}`);
  return (
    <div className="stack-lg">
      <section className="stack" aria-labelledby="intake-why">
        <h2 id="intake-why" className="form-section__title">
          Why they came in
        </h2>
        <ChipGroup
          legend="Complaints"
          name="complaints"
          options={optionsOf(COMPLAINTS)}
          selected={value.complaints}
          onChange={(v) => set('complaints', v)}
          error={err('complaints')}
        />
        <TextAreaField
          label="In their words"
          name="complaintNotes"
          optional
          hint="Where, since when, what makes it worse."
          value={value.complaintNotes ?? ''}
          onChange={(e) => set('complaintNotes', e.target.value)}
          error={err('complaintNotes')}
        />
        <TextAreaField
          label="Goals"
          name="goals"
          optional
          hint="What they want, as they said it: “carry my toddler without my back hurting”."
          value={value.goals ?? ''}
          onChange={(e) => set('goals', e.target.value)}
          error={err('goals')}
        />
      </section>

      <section className="stack" aria-labelledby="intake-life">
        <h2 id="intake-life" className="form-section__title">
          Daily life and home
        </h2>
        <ChipGroup
          legend="Lifestyle"
          name="lifestyle"
          options={optionsOf(LIFESTYLES)}
          selected={value.lifestyle}
          onChange={(v) => set('lifestyle', v)}
          error={err('lifestyle')}
        />
        <ChipGroup
          legend="Tools at home"
          name="tools"
          options={ownedTools}
          selected={value.tools.filter((t) => !(ASSUMED_TOOLS as readonly Tool[]).includes(t))}
          onChange={(v) => set('tools', [...v, ...value.tools.filter((t) => (ASSUMED_TOOLS as readonly Tool[]).includes(t))])}
          error={err('tools')}
        />
        <ChipGroup
          legend="Lacks at home"
          name="lacksTools"
          hint="Carryover assumes everyone has these. Mark only what this client does not have."
          options={assumedTools}
          selected={value.lacksTools}
          onChange={(v) => onChange({ ...value, lacksTools: v, tools: value.tools.filter((t) => !(v as Tool[]).includes(t)) })}
          error={err('lacksTools')}
        />
      </section>

      <section className="stack" aria-labelledby="intake-health">
        <h2 id="intake-health" className="form-section__title">
          Health cautions
        </h2>
        <ChipGroup
          legend="Cautions"
          hideLegend
          name="cautions"
          hint="Self-care items these rule out are never suggested; others carry a warning."
          options={optionsOf(CAUTIONS)}
          selected={value.cautions}
          onChange={(v) => set('cautions', v)}
          error={err('cautions')}
        />
        <TextAreaField
          label="Health notes"
          name="cautionNotes"
          optional
          value={value.cautionNotes ?? ''}
          onChange={(e) => set('cautionNotes', e.target.value)}
          error={err('cautionNotes')}
        />
      </section>

      <section className="stack" aria-labelledby="intake-referral">
        <h2 id="intake-referral" className="form-section__title">
          How they found you
        </h2>
        <ChoiceChips
          legend="Came through"
          name="referralSource"
          options={REFERRAL_SOURCES.map((s) => ({ value: s, label: referralLabels[s] }))}
          value={value.referralSource}
          onChange={(v) => set('referralSource', v)}
          error={err('referralSource')}
        />
        <ReferrerPicker
          value={value.referredByClientId}
          selfId={selfId}
          onChange={(id) => onChange({ ...value, referredByClientId: id, referralSource: id ? 'client-referral' : value.referralSource })}
          error={err('referredByClientId')}
        />
      </section>
    </div>
  );
}
