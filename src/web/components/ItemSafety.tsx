import { useId } from 'react';
import type { Exercise } from '../../shared/api/exercises.js';
import { Badge } from '../design/components/index.js';
import './ItemSafety.css';

type Told = Pick<Exercise, 'cues' | 'mistakes' | 'getHelp'>;

/** Every tip, every "don't" and when to get help: what the client is told besides the steps. */
export function ItemSafety({ item, headingLevel = 2 }: { item: Told; headingLevel?: 2 | 3 }) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {item.cues.length > 0 && (
        <div className="item-safety__list">
          <Heading id={`${id}-tips`}>{item.cues.length === 1 ? 'Tip' : 'Tips'}</Heading>
          <ul className="item-safety__lines">
            {item.cues.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {item.mistakes.length > 0 && (
        <div className="item-safety__list item-safety__donts">
          <Heading id={`${id}-donts`}>Don’t</Heading>
          <ul className="item-safety__lines">
            {item.mistakes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {/* Written to stand alone: "Get help the same day if your calf is warm…". */}
      {item.getHelp && (
        <p className="item-safety__help">
          <strong>{item.getHelp}</strong>
        </p>
      )}
    </>
  );
}

/** Items the therapist should teach and watch in the room before the client does them alone. */
export function TeachInRoomBadge({ item }: { item: Pick<Exercise, 'teachInRoom'> }) {
  return item.teachInRoom ? <Badge tone="warning">Teach in the room first</Badge> : null;
}
