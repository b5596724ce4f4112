import type { ReactNode } from 'react';
import type { Exercise } from '../../shared/api/exercises.js';
import { Badge } from '../design/components/index.js';
import './ItemSafety.css';

type Told = Pick<Exercise, 'cues' | 'mistakes' | 'getHelp'>;

/** Every tip, every "don't" and when to get help: what the client is told besides the steps. */
export function ItemSafety({ item, headingLevel = 2 }: { item: Told; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <Lines heading={<Heading>{item.cues.length === 1 ? 'Tip' : 'Tips'}</Heading>} lines={item.cues} />
      <Lines heading={<Heading>Don’t</Heading>} lines={item.mistakes} className="item-safety__donts" />
      {/* Written to stand alone: "Get help the same day if your calf is warm…". */}
      {item.getHelp && (
        <p className="item-safety__help">
          <strong>{item.getHelp}</strong>
        </p>
      )}
    </>
  );
}

function Lines({ heading, lines, className }: { heading: ReactNode; lines: string[]; className?: string }) {
  if (lines.length === 0) return null;
  return (
    <div className={className ? `item-safety__list ${className}` : 'item-safety__list'}>
      {heading}
      <ul className="item-safety__lines">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** Items the therapist should teach and watch in the room before the client does them alone. */
export function TeachInRoomBadge({ item }: { item: Pick<Exercise, 'teachInRoom'> }) {
  return item.teachInRoom ? <Badge tone="warning">Teach in the room first</Badge> : null;
}
