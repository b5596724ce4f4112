import { useId, useState } from 'react';
import type { z } from 'zod';
import { MEDIA_LIMITS, type mediaSchema } from '../../../shared/api/exercises.js';
import { api, messageOf } from '../../api.js';
import { useUpload } from '../../components/useUpload.js';
import { FieldFrame } from '../../design/components/Field.js';
import { Button } from '../../design/components/index.js';
import { paths } from '../../paths.js';

type Media = z.infer<typeof mediaSchema>;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const ACCEPT = [...MEDIA_LIMITS.image.types, ...MEDIA_LIMITS.video.types].join(',');
const HINT = `Photos: JPEG, PNG or WebP up to ${mb(MEDIA_LIMITS.image.maxBytes)}. Videos: MP4, WebM or MOV up to ${mb(MEDIA_LIMITS.video.maxBytes)}.`;

/** Too big to be worth sending over a slow connection; the server still decides what the file really is. */
function tooBig(file: File): string | null {
  // A file the browser cannot name may still be a video (a .mov on some tablets): give it the larger limit.
  const limit = file.type.startsWith('image/') ? MEDIA_LIMITS.image.maxBytes : MEDIA_LIMITS.video.maxBytes;
  if (file.size <= limit) return null;
  return `That file is ${mb(file.size)}. Photos can be up to ${mb(MEDIA_LIMITS.image.maxBytes)} and videos up to ${mb(MEDIA_LIMITS.video.maxBytes)}.`;
}

interface MediaSectionProps {
  itemId: string;
  itemName: string;
  media: Media[];
  /** Only the practice's own items take uploads. */
  editable: boolean;
  onChange: (media: Media[]) => void;
}

/** Photos and short videos of the item: shown to the therapist, added and removed on the practice's own items. */
export function MediaSection({ itemId, itemName, media, editable, onChange }: MediaSectionProps) {
  if (!editable && media.length === 0) return null;
  const photos = media.filter((m) => m.kind === 'image');
  return (
    <section className={photos.length === 0 ? 'media-section media-section--no-photos' : 'media-section'} aria-labelledby="media-title">
      <h2 id="media-title">Photos and video</h2>
      {media.length === 0 && <p className="muted">No photos or video yet. A photo of you in the position helps clients remember it.</p>}
      {media.length > 0 && (
        <ul className="plain-list media-grid">
          {media.map((m) => (
            <li key={m.id} className={m.kind === 'video' ? 'media-grid__item media-grid__item--video' : 'media-grid__item'}>
              {m.kind === 'image' ? (
                <img src={m.url} alt={`${itemName}, ${photos.indexOf(m) + 1} of ${photos.length}`} className="media-grid__image" />
              ) : (
                // biome-ignore lint/a11y/useMediaCaption: therapists' own silent demonstration clips have no speech to caption.
                <video src={m.url} controls preload="metadata" className="media-grid__video" aria-label={`Video for ${itemName}`} />
              )}
              {editable && <RemoveMedia media={m} onRemoved={() => onChange(media.filter((x) => x.id !== m.id))} />}
            </li>
          ))}
        </ul>
      )}
      {editable && <MediaUpload itemId={itemId} onAdded={(added) => onChange([...media, added])} />}
    </section>
  );
}

function MediaUpload({ itemId, onAdded }: { itemId: string; onAdded: (media: Media) => void }) {
  const progressId = useId();
  const { input, upload, uploading, error, added } = useUpload<Media>(paths.exerciseMedia(itemId), {
    refuse: tooBig,
    uploaded: (media, file) => {
      onAdded(media);
      return `${media.kind === 'video' ? 'Video' : 'Photo'} added: ${file.name}.`;
    },
  });

  return (
    <div className="media-upload">
      <FieldFrame label="Add a photo or short video" hint={HINT} error={error}>
        {(ids) => (
          <input
            {...ids}
            ref={input}
            type="file"
            name="file"
            accept={ACCEPT}
            className="field__control media-upload__input"
            disabled={uploading !== null}
            onChange={upload}
          />
        )}
      </FieldFrame>
      {uploading && (
        <div className="media-upload__progress">
          <label htmlFor={progressId}>Uploading {uploading.name}</label>
          <div className="cluster">
            <progress id={progressId} max={100} value={uploading.percent}>
              {uploading.percent}%
            </progress>
            <span aria-hidden="true">{uploading.percent}%</span>
            <Button variant="ghost" onClick={uploading.cancel}>
              Cancel upload
            </Button>
          </div>
        </div>
      )}
      <p role="status" className="media-upload__status">
        {added}
      </p>
    </div>
  );
}

function RemoveMedia({ media, onRemoved }: { media: Media; onRemoved: () => void }) {
  const [asking, setAsking] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const what = media.kind === 'video' ? 'video' : 'photo';

  async function remove() {
    setRemoving(true);
    setError(null);
    try {
      await api.delete(paths.media(media.id));
      onRemoved();
    } catch (err) {
      setError(messageOf(err));
      setRemoving(false);
    }
  }

  if (!asking) {
    return (
      <Button variant="ghost" onClick={() => setAsking(true)}>
        Remove {what}
      </Button>
    );
  }
  return (
    <div className="cluster">
      <span>Remove this {what}?</span>
      <Button variant="danger" loading={removing} onClick={remove}>
        Remove
      </Button>
      <Button variant="ghost" onClick={() => setAsking(false)}>
        Keep it
      </Button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
