import { useRef, useState } from 'react';
import { ItemDrawing, ItemPhoto } from '../../components/ItemDrawing.js';
import { TeachInRoomBadge } from '../../components/ItemSafety.js';
import { Badge, Button, ButtonLink, Card, CheckIcon } from '../../design/components/index.js';
import { formatDateTime } from '../../format.js';
import { pages } from '../../paths.js';
import { doseSummary } from '../library/libraryText.js';
import { HomeworkChanges } from './HomeworkChanges.js';
import { capText, type Homework } from './homeworkData.js';
import { ProgressItem, RetireItem } from './ItemMoves.js';

interface CurrentItemsProps {
  active: Homework[];
  cap: number;
  clientFirstName: string;
  onChanged: (homework: Homework) => void;
  onRetired: (id: string) => void;
  onProgressed: (oldId: string, next: Homework) => void;
  /** Items the therapist chose to keep as they are at this visit. */
  kept: ReadonlySet<string>;
  onKept: (ids: string[], keep: boolean) => void;
}

/** The client's active items: keep them, progress them, retire them; and how many the practice allows. */
export function CurrentItems({ active, cap, clientFirstName, onChanged, onRetired, onProgressed, kept, onKept }: CurrentItemsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const [said, setSaid] = useState<string | null>(null);
  const after = (message: string) => {
    setSaid(message);
    listRef.current?.focus();
  };
  const undecided = active.filter((h) => !kept.has(h.id));

  return (
    <Card
      title={`${clientFirstName}’s items`}
      className="current-items"
      description="Keep what works, progress what has become easy, retire what is done."
      actions={<span className={active.length >= cap ? 'cap-pill cap-pill--full' : 'cap-pill'}>{capText(active.length, cap)}</span>}
    >
      {undecided.length > 0 && (
        <div className="current-items__same">
          <Button
            onClick={() => {
              onKept(
                active.map((h) => h.id),
                true,
              );
              after(`Kept ${active.length === 1 ? active[0].exercise.name : `all ${active.length} items`} as they are.`);
            }}
          >
            Same as last time
            <span className="visually-hidden">: keep {active.length === 1 ? 'the item' : `all ${active.length} items`}</span>
          </Button>
        </div>
      )}
      <div ref={listRef} tabIndex={-1} className="stack">
        <p role="status" className="current-items__status">
          {said}
        </p>
        {active.length === 0 ? (
          <p className="muted">No items yet. Give one or two from the suggestions below.</p>
        ) : (
          <ul className="plain-list current-items__list">
            {active.map((h) => (
              <li key={h.id}>
                <CurrentItem
                  homework={h}
                  kept={kept.has(h.id)}
                  onKept={(keep) => onKept([h.id], keep)}
                  clientFirstName={clientFirstName}
                  onChanged={onChanged}
                  onRetired={() => {
                    onRetired(h.id);
                    after(`Retired ${h.exercise.name}.`);
                  }}
                  onProgressed={(next) => {
                    onProgressed(h.id, next);
                    after(`${h.exercise.name} moved on to ${next.exercise.name}.`);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

interface CurrentItemProps {
  homework: Homework;
  kept: boolean;
  onKept: (keep: boolean) => void;
  clientFirstName: string;
  onChanged: (homework: Homework) => void;
  onRetired: () => void;
  onProgressed: (next: Homework) => void;
}

function CurrentItem({ homework: h, kept, onKept, clientFirstName, onChanged, onRetired, onProgressed }: CurrentItemProps) {
  return (
    <article className={kept ? 'current-item current-item--kept' : 'current-item'} aria-label={h.exercise.name}>
      <HomeworkPictures homework={h} />
      <div className="current-item__body">
        <h3 className="current-item__name">{h.exercise.name}</h3>
        <p className="small">{doseSummary(h.dose)}</p>
        {h.note && <p className="current-item__cue">“{h.note}”</p>}
        <p className="cluster cluster--tight">
          {h.demonstratedAt ? <Badge tone="success">Demonstrated {formatDateTime(h.demonstratedAt)}</Badge> : <Badge>Not taught yet</Badge>}
          {!h.demonstratedAt && <TeachInRoomBadge item={h.exercise} />}
        </p>
        {/* The three decisions first; teaching and changing the dose follow. */}
        <div className="cluster current-item__moves">
          <Button
            variant={kept ? 'primary' : 'secondary'}
            aria-pressed={kept}
            icon={kept ? <CheckIcon size={20} /> : undefined}
            onClick={() => onKept(!kept)}
          >
            {kept ? 'Kept' : 'Keep'}
            <span className="visually-hidden"> {h.exercise.name}</span>
          </Button>
          <ProgressItem homework={h} onProgressed={onProgressed} />
          <RetireItem homework={h} onRetired={onRetired} />
        </div>
        <div className="cluster">
          <ButtonLink to={pages.teach(h)} variant="ghost">
            Teach<span className="visually-hidden"> {h.exercise.name}</span>
          </ButtonLink>
          <HomeworkChanges key={h.id} homework={h} clientFirstName={clientFirstName} onSaved={onChanged} />
        </div>
      </div>
    </article>
  );
}

/** A photo or video taken in the room stays the first picture for this client; the drawing follows. */
function HomeworkPictures({ homework: h }: { homework: Homework }) {
  const fromRoom = h.media.find((m) => m.kind === 'image') ?? h.media[0];
  return (
    <div className="homework-pictures">
      {fromRoom?.kind === 'image' && <ItemPhoto url={fromRoom.url} alt={`The client doing ${h.exercise.name}, taken in the room`} />}
      {fromRoom?.kind === 'video' && (
        // biome-ignore lint/a11y/useMediaCaption: a silent clip of the client's own movement, with no speech to caption.
        <video
          src={fromRoom.url}
          controls
          preload="metadata"
          width={160}
          height={120}
          className="item-photo"
          aria-label={`Video of the client doing ${h.exercise.name}, taken in the room`}
        />
      )}
      <ItemDrawing item={h.exercise} size="card" />
    </div>
  );
}
