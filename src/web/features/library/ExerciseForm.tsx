import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { customExerciseBody, Exercise } from '../../../shared/api/exercises.js';
import { CATEGORIES, COMPLAINTS, LIFESTYLES, REGIONS, type Region } from '../../../shared/vocabulary.js';
import { BodyMap } from '../../components/BodyMap.js';
import {
  Card,
  CheckboxField,
  ChipGroup,
  ChoiceChips,
  FormActions,
  SelectField,
  TextAreaField,
  TextField,
} from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { DoseFields, LinksField } from './DoseAndLinks.js';
import { DrawingPicker } from './DrawingPicker.js';
import { bodyFrom, type ExerciseDraft, exerciseFormSchema } from './exerciseDraft.js';
import { LinesField } from './formFields.js';
import { DIFFICULTIES, optionsOf } from './libraryText.js';
import { CautionsField, ToolNeedsField } from './NeedsAndCautions.js';

export type ExerciseBody = z.output<typeof customExerciseBody>;

interface ExerciseFormProps {
  initial: ExerciseDraft;
  /** Items to link as easier or harder. */
  catalogue: Exercise[];
  selfId?: string;
  /** The item as saved, when editing: its drawing shows until another is chosen. */
  saved?: Exercise;
  saveLabel: string;
  cancelTo: string;
  save: (body: ExerciseBody) => Promise<void>;
}

/** Every field of a self-care item, in the order a therapist would think of them. */
export function ExerciseForm({ initial, catalogue, selfId, saved, saveLabel, cancelTo, save }: ExerciseFormProps) {
  const { formRef, fieldErrors: errors, formError, sending, submit } = useForm();
  const [draft, setDraft] = useState(initial);
  const set =
    <K extends keyof ExerciseDraft>(key: K) =>
    (value: ExerciseDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    return submit(event, { schema: exerciseFormSchema, values: bodyFrom(draft), send: save });
  }

  return (
    <form ref={formRef} className="stack-lg exercise-form" noValidate onSubmit={onSubmit}>
      <FormError message={formError} />
      <Card title="What it is">
        <TextField
          label="Name"
          name="name"
          value={draft.name}
          maxLength={80}
          error={errors.name}
          onChange={(e) => set('name')(e.target.value)}
        />
        <TextAreaField
          label="What it is for"
          name="purpose"
          hint="One line in the client’s words, like “Eases the tight spot at the base of your skull.”"
          maxLength={160}
          value={draft.purpose}
          error={errors.purpose}
          onChange={(e) => set('purpose')(e.target.value)}
        />
        <SelectField
          label="Kind of item"
          name="category"
          value={draft.category}
          error={errors.category}
          onChange={(e) => set('category')(e.target.value)}
        >
          <option value="">Choose…</option>
          {optionsOf(CATEGORIES).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <ChoiceChips
          legend="How hard it is"
          name="difficulty"
          options={optionsOf(DIFFICULTIES)}
          value={draft.difficulty}
          error={errors.difficulty}
          onChange={set('difficulty')}
        />
      </Card>

      <Card title="Where and for whom">
        <div className="regions-picker">
          <ChipGroup
            legend="Body areas"
            name="regions"
            options={optionsOf(REGIONS)}
            selected={draft.regions}
            error={errors.regions}
            onChange={set('regions')}
          />
          <BodyMap label="Areas chosen" highlighted={draft.regions.map((region) => ({ region: region as Region }))} size="small" />
        </div>
        <TextField
          label="Muscles"
          name="muscles"
          optional
          hint="Separate them with commas, like “levator scapulae, upper trapezius”."
          value={draft.muscles}
          error={errors.muscles ?? Object.entries(errors).find(([k]) => k.startsWith('muscles.'))?.[1]}
          onChange={(e) => set('muscles')(e.target.value)}
        />
        <ChipGroup
          legend="Helps with"
          name="complaints"
          options={optionsOf(COMPLAINTS)}
          selected={draft.complaints}
          error={errors.complaints}
          onChange={set('complaints')}
        />
        <ChipGroup
          legend={
            <>
              Suits clients who do <span className="field__optional">(optional)</span>
            </>
          }
          name="lifestyle"
          options={optionsOf(LIFESTYLES)}
          selected={draft.lifestyle}
          error={errors.lifestyle}
          onChange={set('lifestyle')}
        />
      </Card>

      <Card
        title="The drawing"
        description="Clients set up from the picture first. Start from a library drawing of the same position; the body areas you chose above are the ones shaded."
      >
        <DrawingPicker
          pose={draft.pose}
          drawing={draft.drawing}
          catalogue={catalogue}
          regions={draft.regions}
          saved={saved}
          error={errors.pose ?? Object.entries(errors).find(([k]) => k.startsWith('drawing'))?.[1]}
          onChange={(pose, drawing) => setDraft((d) => ({ ...d, pose, drawing }))}
        />
      </Card>

      <Card title="What they need, and who should not do it">
        <ToolNeedsField needs={draft.tools} onChange={set('tools')} errors={errors} />
        <CautionsField cautions={draft.cautions} onChange={set('cautions')} errors={errors} />
      </Card>

      <Card title="How to do it">
        <LinesField
          legend="Steps"
          name="steps"
          hint="3 to 7 short steps, one action each."
          numbered
          errors={errors}
          lines={draft.steps}
          onChange={set('steps')}
          lineLabel={(i) => `Step ${i + 1}`}
          addLabel="Add a step"
          min={3}
          max={7}
        />
        <TextAreaField
          label="Stop if"
          name="stopIf"
          hint="Every item tells the client to stop if it hurts sharply."
          maxLength={200}
          value={draft.stopIf}
          error={errors.stopIf}
          onChange={(e) => set('stopIf')(e.target.value)}
        />
        <LinesField
          legend="Tips"
          name="cues"
          optional
          errors={errors}
          lines={draft.cues}
          onChange={set('cues')}
          lineLabel={(i) => `Tip ${i + 1}`}
          addLabel="Add a tip"
          max={6}
        />
        <LinesField
          legend="Don’t"
          name="mistakes"
          optional
          hint="What the client must not do, each as a “Don’t …” line, like “Don’t roll over the back of the knee.”"
          errors={errors}
          lines={draft.mistakes}
          onChange={set('mistakes')}
          lineLabel={(i) => `Don’t ${i + 1}`}
          addLabel="Add a don’t"
          max={6}
        />
        <TextAreaField
          label="When to get help"
          name="getHelp"
          optional
          hint="A sentence for the client, like “Get help the same day if your calf is warm, red or swollen.”"
          maxLength={240}
          value={draft.getHelp}
          error={errors.getHelp}
          onChange={(e) => set('getHelp')(e.target.value)}
        />
        <CheckboxField
          name="teachInRoom"
          label="Teach in the room first"
          hint="Show it and watch the client do it before they try it alone."
          checked={draft.teachInRoom}
          onChange={(e) => set('teachInRoom')(e.target.checked)}
        />
      </Card>

      <Card title="The usual dose" description="What you give most often. You can change it for each client when you give it as homework.">
        <DoseFields
          draft={draft}
          errors={errors}
          setDose={(key, value) => setDraft((d) => ({ ...d, dose: { ...d.dose, [key]: value } }))}
          setPerSide={set('perSide')}
        />
      </Card>

      <Card title="Easier and harder versions">
        <LinksField
          legend="Easier"
          name="easier"
          links={draft.easier}
          onChange={set('easier')}
          catalogue={catalogue}
          selfId={selfId}
          error={errors.easier}
        />
        <LinksField
          legend="Harder"
          name="harder"
          links={draft.harder}
          onChange={set('harder')}
          catalogue={catalogue}
          selfId={selfId}
          error={errors.harder}
        />
      </Card>

      <FormActions className="library-form__actions" label={saveLabel} sending={sending} cancelTo={cancelTo} />
    </form>
  );
}
