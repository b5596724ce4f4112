import { Link } from 'react-router';
import type { Exercise } from '../../../shared/api/exercises.js';
import { ItemDrawing, ItemPhoto } from '../../components/ItemDrawing.js';
import { TeachInRoomBadge } from '../../components/ItemSafety.js';
import { Badge } from '../../design/components/index.js';
import { pages } from '../../paths.js';
import type { LibraryReturn } from './ExercisePage.js';
import { FavouriteButton } from './FavouriteButton.js';
import { categoryLabel, DIFFICULTIES, doseSummary, itemKind, regionsText, toolsText } from './libraryText.js';

/** One item in the library list: what it is, where it works, what it needs, and its star. */
export function ExerciseCard({ item, back }: { item: Exercise; back: string }) {
  return (
    <li className="exercise-card">
      <div className="exercise-card__picture">
        <CardPicture item={item} />
      </div>
      <div className="exercise-card__main">
        <h3 className="exercise-card__title">
          <Link to={pages.libraryItem(item.id)} state={{ back } satisfies LibraryReturn} className="exercise-card__link">
            {item.name}
          </Link>
        </h3>
        <p className="exercise-card__purpose">{item.purpose}</p>
        <dl className="exercise-card__facts small">
          <div>
            <dt>Areas</dt>
            <dd>{regionsText(item.regions)}</dd>
          </div>
          <div>
            <dt>Needs</dt>
            <dd>{toolsText(item.tools)}</dd>
          </div>
          <div>
            <dt>Dose</dt>
            <dd>{doseSummary(item.dose)}</dd>
          </div>
        </dl>
        <p className="cluster exercise-card__badges">
          <Badge>{categoryLabel(item.category)}</Badge>
          <Badge>{DIFFICULTIES[item.difficulty]}</Badge>
          <TeachInRoomBadge item={item} />
          {item.source === 'custom' && <Badge tone="success">{itemKind(item)}</Badge>}
          {item.media.length > 0 && <Badge>{item.media.some((m) => m.kind === 'video') ? 'Has video' : 'Has photos'}</Badge>}
        </p>
      </div>
      <FavouriteButton key={String(item.favourite)} itemId={item.id} itemName={item.name} favourite={item.favourite} compact />
    </li>
  );
}

/** A practice's own photo of the position when it has one (a custom item may use a photo instead of a drawing), else the drawing. */
function CardPicture({ item }: { item: Exercise }) {
  const photo = item.media.find((m) => m.kind === 'image');
  if (!photo) return <ItemDrawing item={item} size="card" />;
  return <ItemPhoto url={photo.url} alt={`${item.name}, as your practice shows it`} />;
}
