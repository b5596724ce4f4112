import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, messageOf } from '../../api.js';
import { ItemDrawing } from '../../components/ItemDrawing.js';
import { TeachInRoomBadge } from '../../components/ItemSafety.js';
import { Alert, AlertIcon, Button, ButtonLink, CheckIcon } from '../../design/components/index.js';
import { pages } from '../../paths.js';
import { doseSummary } from '../library/libraryText.js';
import { doseFrom, draftOf, sameDose } from './doseDraft.js';
import { HomeworkChanges } from './HomeworkChanges.js';
import type { GiveOptions, Homework, SuggestedItem } from './homeworkData.js';
import { type ItemDraft, ItemEditor } from './ItemEditor.js';

interface SuggestionCardProps {
  item: SuggestedItem;
  reasons: string[];
  warnings: string[];
  /** The client's active homework for this item, once given. */
  given: Homework | undefined;
  clientFirstName: string;
  /** At the cap: the items one of which this would replace; "Give this" becomes "Replace…". */
  replaceable?: Homework[];
  onGive: (item: SuggestedItem, options: GiveOptions) => Promise<Homework>;
  onChanged: (homework: Homework) => void;
}

/** One item the therapist might give: why it fits, what to watch, and "Give this" in one tap. */
export function SuggestionCard({
  item,
  reasons,
  warnings,
  given,
  clientFirstName,
  replaceable = [],
  onGive,
  onChanged,
}: SuggestionCardProps) {
  const titleId = useId();
  const editorId = useId();
  const givenRef = useRef<HTMLParagraphElement>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<ItemDraft>(() => ({ dose: draftOf(item.dose), note: '' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [giving, setGiving] = useState<string | false>(false);
  const [choosing, setChoosing] = useState(false);
  const [justGiven, setJustGiven] = useState(false);

  useEffect(() => {
    if (justGiven && given) givenRef.current?.focus();
  }, [justGiven, given]);

  /** Gives the item; with `replaces`, the named active item is retired in the same request. */
  async function give(replaces?: string) {
    setProblem(null);
    const checked = doseFrom(draft.dose, item.dose);
    if ('errors' in checked) {
      setErrors(checked.errors);
      setEditing(true);
      return;
    }
    setErrors({});
    const note = draft.note.trim();
    setGiving(replaces ?? 'give');
    try {
      await onGive(item, {
        ...(sameDose(checked.dose, item.dose) ? {} : { dose: checked.dose }),
        ...(note ? { note } : {}),
        ...(replaces ? { replacesHomeworkId: replaces } : {}),
      });
      setJustGiven(true);
      setEditing(false);
      setChoosing(false);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      setErrors(fields);
      if (Object.keys(fields).some((k) => k.startsWith('dose') || k === 'note')) setEditing(true);
      setProblem(messageOf(err));
    } finally {
      setGiving(false);
    }
  }

  return (
    <article className={given ? 'suggestion suggestion--given' : 'suggestion'} aria-labelledby={titleId}>
      <ItemDrawing item={item} size="card" />
      <div className="suggestion__body">
        <h3 id={titleId} className="suggestion__name">
          {item.name}
        </h3>
        <p className="suggestion__purpose">{item.purpose}</p>
        {item.teachInRoom && (
          <p>
            <TeachInRoomBadge item={item} />
          </p>
        )}
        {reasons.length > 0 && (
          <ul className="reason-tags" aria-label="Why it fits">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        {warnings.length > 0 && (
          <ul className="warning-tags" aria-label="Watch for">
            {warnings.map((w) => (
              <li key={w} className="warning-tag">
                <AlertIcon size={16} />
                <span>{w}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="suggestion__dose small">{doseSummary(given?.dose ?? item.dose)}</p>
      </div>
      <div className="suggestion__foot">
        {given ? (
          <>
            <p ref={givenRef} tabIndex={-1} className="suggestion__given">
              <CheckIcon size={20} />
              <span>Given to {clientFirstName}</span>
            </p>
            <div className="cluster">
              <ButtonLink to={pages.teach(given)} variant="secondary">
                Teach it<span className="visually-hidden">: {item.name}</span>
              </ButtonLink>
              <HomeworkChanges homework={given} clientFirstName={clientFirstName} onSaved={onChanged} />
            </div>
          </>
        ) : (
          <>
            {editing && (
              <div id={editorId}>
                <ItemEditor
                  itemName={item.name}
                  baseDose={item.dose}
                  draft={draft}
                  onChange={setDraft}
                  errors={errors}
                  clientFirstName={clientFirstName}
                />
              </div>
            )}
            {choosing && replaceable.length > 0 && (
              <fieldset className="replace-choice">
                <legend>
                  {clientFirstName} has {replaceable.length} items, the most at once. Give this instead of:
                </legend>
                {replaceable.map((h) => (
                  <Button key={h.id} variant="secondary" loading={giving === h.id} onClick={() => give(h.id)}>
                    Replace {h.exercise.name}
                    <span className="visually-hidden"> with {item.name}</span>
                  </Button>
                ))}
              </fieldset>
            )}
            <div className="cluster suggestion__actions">
              {replaceable.length === 0 ? (
                <Button onClick={() => give()} loading={giving === 'give'}>
                  Give this<span className="visually-hidden">: {item.name}</span>
                </Button>
              ) : (
                <Button variant={choosing ? 'ghost' : 'primary'} aria-expanded={choosing} onClick={() => setChoosing((c) => !c)}>
                  {choosing ? 'Keep both' : 'Replace…'}
                  <span className="visually-hidden">
                    {choosing ? `, do not give ${item.name}` : `: give ${item.name} instead of an item`}
                  </span>
                </Button>
              )}
              <Button
                variant="ghost"
                aria-expanded={editing}
                aria-controls={editing ? editorId : undefined}
                onClick={() => setEditing((e) => !e)}
              >
                Adjust dose or cue<span className="visually-hidden"> for {item.name}</span>
              </Button>
            </div>
            {problem && <Alert tone="error">{problem}</Alert>}
          </>
        )}
      </div>
    </article>
  );
}
