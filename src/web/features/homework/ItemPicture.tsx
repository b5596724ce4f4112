import type { Region } from '../../../shared/vocabulary.js';
import { BodyMap } from '../../components/BodyMap.js';
import { regionsText } from '../library/libraryText.js';

/** The item's picture: the body map with the areas it works lit. */
export function ItemPicture({ regions, size = 'small' }: { regions: readonly Region[]; size?: 'small' | 'medium' }) {
  return (
    <div className={`item-picture item-picture--${size}`}>
      <BodyMap label={`Works the ${regionsText(regions).toLowerCase()}`} highlighted={regions.map((region) => ({ region }))} size={size} />
    </div>
  );
}
