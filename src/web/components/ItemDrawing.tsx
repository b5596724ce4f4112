import type { Exercise } from '../../shared/api/exercises.js';
import './ItemDrawing.css';

type Drawn = Pick<Exercise, 'drawingUrl' | 'drawingAlt' | 'drawingSize'>;

/**
 * The item's drawing: the position, the prop and the worked area. Width and height come from the
 * drawing itself, so the space is kept while it loads and nothing below it jumps.
 */
export function ItemDrawing({
  item,
  size = 'card',
  eager = false,
}: {
  item: Drawn;
  /** card: a list or suggestion card · sheet: the item's page · large: the teach view. */
  size?: 'thumb' | 'card' | 'sheet' | 'large';
  /** Load at once (the one picture a page is about) instead of when scrolled near. */
  eager?: boolean;
}) {
  return (
    <img
      src={item.drawingUrl}
      alt={item.drawingAlt}
      width={item.drawingSize.width}
      height={item.drawingSize.height}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      className={`item-drawing item-drawing--${size}`}
    />
  );
}
