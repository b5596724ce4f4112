import { useRef, useState } from 'react';
import { ItemDrawing, ItemPhoto } from '../../components/ItemDrawing.js';
import { TeachInRoomBadge } from '../../components/ItemSafety.js';
import { Badge, ButtonLink, Card } from '../../design/components/index.js';
import { formatDateTime } from '../../format.js';
import { doseSummary } from '../library/libraryText.js';
import { HomeworkChanges } from './HomeworkChanges.js';
import { capText, type Homework, teachPath } from './homeworkData.js';
import { ProgressItem, RetireItem } from './ItemMoves.js';

interface CurrentItemsProps {
  active: Homework[];
  cap: number;
  clientFirstName: string;
  onChanged: (homework: Homework) => void;
  onRetired: (id: string) => void;
  onProgressed: (oldId: string, next: Homework) => void;
}

/** The client's active items: keep them, progress them, retire them; and how many the practice allows. */
export function CurrentItems({ active, cap, clientFirstName, onChanged, onRetired, onProgressed }: CurrentItemsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const [said, setSaid] = useState<string | null>(null);
  const after = (message: string) => {
    setSaid(message);
    listRef.current?.focus();
  };

  return (
    <Card
      title={`${clientFirstName}’s items`}
      className="current-items"
      description="Keep what works, progress what has become easy, retire what is done."
      actions={<span className={active.length >= cap ? 'cap-pill cap-pill--full' : 'cap-pill'}>{capText(active.length, cap)}</span>}
    >
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
  clientFirstName: string;
  onChanged: (homework: Homework) => void;
  onRetired: () => void;
  onProgressed: (next: Homework) => void;
}

function CurrentItem({ homework: h, clientFirstName, onChanged, onRetired, onProgressed }: CurrentItemProps) {
  return (
    <article className="current-item" aria-label={h.exercise.name}>
      <HomeworkPictures homework={h} />
      <div className="current-item__body">
        <h3 className="current-item__name">{h.exercise.name}</h3>
        <p className="small">{doseSummary(h.dose)}</p>
        {h.note && <p className="current-item__cue">“{h.note}”</p>}
        <p className="cluster cluster--tight">
          {h.demonstratedAt ? <Badge tone="success">Demonstrated {formatDateTime(h.demonstratedAt)}</Badge> : <Badge>Not taught yet</Badge>}
          {!h.demonstratedAt && <TeachInRoomBadge item={h.exercise} />}
        </p>
        <div className="cluster">
          <ButtonLink to={teachPath(h)} variant="secondary">
            Teach<span className="visually-hidden"> {h.exercise.name}</span>
          </ButtonLink>
          <HomeworkChanges key={h.id} homework={h} clientFirstName={clientFirstName} onSaved={onChanged} />
          <ProgressItem homework={h} onProgressed={onProgressed} />
          <RetireItem homework={h} onRetired={onRetired} />
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
