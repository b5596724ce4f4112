import { useId, useState } from 'react';
import { ApiError, api, messageOf } from '../../api.js';
import { Alert, Button } from '../../design/components/index.js';
import { paths } from '../../paths.js';
import { doseFrom, draftOf, sameDose } from './doseDraft.js';
import type { Homework } from './homeworkData.js';
import { type ItemDraft, ItemEditor } from './ItemEditor.js';

interface HomeworkChangesProps {
  homework: Homework;
  clientFirstName: string;
  onSaved: (homework: Homework) => void;
}

/** "Change dose or cue" for an item already given: opens the editor in place and saves with PATCH. */
export function HomeworkChanges({ homework, clientFirstName, onSaved }: HomeworkChangesProps) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ItemDraft>(() => ({ dose: draftOf(homework.dose), note: homework.note ?? '' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const editorId = useId();
  const name = homework.exercise.name;

  function cancel() {
    setOpen(false);
    setErrors({});
    setProblem(null);
    setDraft({ dose: draftOf(homework.dose), note: homework.note ?? '' });
  }

  async function save() {
    setProblem(null);
    setSaved(null);
    const checked = doseFrom(draft.dose, homework.dose);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const note = draft.note.trim() || null;
    const body = { ...(sameDose(checked.dose, homework.dose) ? {} : { dose: checked.dose }), ...(note === homework.note ? {} : { note }) };
    if (Object.keys(body).length === 0) {
      setOpen(false);
      return;
    }
    setSaving(true);
    try {
      const updated = await api.patch<Homework>(paths.homework(homework.id), body);
      onSaved(updated);
      setOpen(false);
      setSaved(`Saved the changes to ${name}.`);
    } catch (err) {
      setErrors(err instanceof ApiError ? err.fields : {});
      setProblem(messageOf(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className={open ? 'homework-changes homework-changes--open' : 'homework-changes'}>
      <Button
        variant="ghost"
        aria-expanded={open}
        aria-controls={open ? editorId : undefined}
        onClick={() => (open ? cancel() : setOpen(true))}
      >
        Change dose or cue<span className="visually-hidden"> for {name}</span>
      </Button>
      {open && (
        <div className="stack" id={editorId}>
          <ItemEditor
            itemName={name}
            baseDose={homework.dose}
            draft={draft}
            onChange={setDraft}
            errors={errors}
            clientFirstName={clientFirstName}
          />
          {problem && <Alert tone="error">{problem}</Alert>}
          <div className="cluster">
            <Button onClick={save} loading={saving}>
              Save changes<span className="visually-hidden"> to {name}</span>
            </Button>
            <Button variant="ghost" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      <p role="status" className="homework-changes__status small">
        {saved}
      </p>
    </div>
  );
}
