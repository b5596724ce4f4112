import type { Exercise } from '../../shared/api/exercises.js';
import './ItemDrawing.css';

type Drawn = Pick<Exercise, 'drawingUrl' | 'drawingAlt' | 'drawingSize'>;

/** Tall (standing), wide (lying) or in between: the frame a large drawing gets, from its own size. */
function shapeOf({ width, height }: Drawn['drawingSize']) {
  const ratio = width / height;
  return ratio < 0.8 ? 'tall' : ratio > 1.6 ? 'wide' : 'even';
}

/**
 * The item's drawing: the position, the prop and the worked area. The frame's shape is set before
 * the picture arrives (from its size), so nothing below it jumps; cards share one shape so lists line up.
 */
export function ItemDrawing({
  item,
  size = 'card',
  eager = false,
}: {
  item: Drawn;
  /** thumb and card: lists and pickers · sheet: the item's page · large: the teach view. */
  size?: 'thumb' | 'card' | 'sheet' | 'large';
  /** Load at once (the one picture a page is about) instead of when scrolled near. */
  eager?: boolean;
}) {
  return (
    <span className={`item-drawing-frame item-drawing-frame--${size} item-drawing-frame--${shapeOf(item.drawingSize)}`}>
      <img
        src={item.drawingUrl}
        alt={item.drawingAlt}
        width={item.drawingSize.width}
        height={item.drawingSize.height}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
        className="item-drawing"
      />
    </span>
  );
}

/** A photo of the position, in the box a card's drawing takes. */
export function ItemPhoto({ url, alt }: { url: string; alt: string }) {
  return <img src={url} alt={alt} width={160} height={120} loading="lazy" decoding="async" className="item-photo" />;
}
