import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { paths } from '../../paths.js';

export function StarIcon({ filled, size = 22 }: { filled: boolean; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      className={filled ? 'favourite__star favourite__star--on' : 'favourite__star'}
      aria-hidden="true"
      focusable="false"
      strokeWidth={1.75}
      strokeLinejoin="round"
    >
      <path d="m12 3.2 2.7 5.6 6.1.8-4.5 4.2 1.1 6-5.4-2.9-5.4 2.9 1.1-6-4.5-4.2 6.1-.8z" />
    </svg>
  );
}

interface FavouriteButtonProps {
  itemId: string;
  itemName: string;
  favourite: boolean;
  /** "compact" is the star alone, for lists; the name is then read out but not shown. */
  compact?: boolean;
  onChange?: (favourite: boolean) => void;
}

/** Marks an item as one of the practice's favourites; the star changes at once and goes back if the server says no. */
export function FavouriteButton({ itemId, itemName, favourite: initial, compact = false, onChange }: FavouriteButtonProps) {
  const [favourite, setFavourite] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    const next = !favourite;
    setFavourite(next);
    setSaving(true);
    setError(null);
    try {
      const path = paths.exerciseFavourite(itemId);
      await (next ? api.put(path) : api.delete(path));
      onChange?.(next);
    } catch (err) {
      setFavourite(!next);
      setError(messageOf(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <span className="favourite">
      <button
        type="button"
        className={compact ? 'favourite__button favourite__button--compact' : 'button button--secondary'}
        aria-pressed={favourite}
        aria-busy={saving || undefined}
        onClick={toggle}
      >
        <StarIcon filled={favourite} />
        {compact ? <span className="visually-hidden">Favourite: {itemName}</span> : <span>Favourite</span>}
      </button>
      {error && (
        <span role="alert" className="favourite__error small">
          {error}
        </span>
      )}
    </span>
  );
}
