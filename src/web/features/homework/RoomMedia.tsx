import { useId } from 'react';
import { MEDIA_LIMITS } from '../../../shared/api/exercises.js';
import { useUpload } from '../../components/useUpload.js';
import { FieldFrame } from '../../design/components/Field.js';
import { Button } from '../../design/components/index.js';
import { paths } from '../../paths.js';
import type { Homework } from './homeworkData.js';

type Media = Homework['media'][number];
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** A photo or short video of the client doing it, taken in the room with the tablet's camera. */
export function RoomMedia({ homework, onAdded }: { homework: Homework; onAdded: (media: Media) => void }) {
  const progressId = useId();
  const name = homework.exercise.name;
  const photos = homework.media.filter((m) => m.kind === 'image');
  const { input, upload, uploading, error, added } = useUpload<Media>(paths.homeworkMedia(homework.id), {
    refuse: (file) => {
      const limit = file.type.startsWith('image/') ? MEDIA_LIMITS.image.maxBytes : MEDIA_LIMITS.video.maxBytes;
      return file.size > limit
        ? `That file is ${mb(file.size)}: keep photos under ${mb(MEDIA_LIMITS.image.maxBytes)} and videos under ${mb(MEDIA_LIMITS.video.maxBytes)}.`
        : null;
    },
    uploaded: (media) => {
      onAdded(media);
      return `${media.kind === 'video' ? 'Video' : 'Photo'} saved with ${name}.`;
    },
  });

  return (
    <section className="room-media stack" aria-labelledby="room-media-title">
      <h2 id="room-media-title" className="teach__subtitle">
        Photo or video from the room
      </h2>
      {homework.media.length > 0 && (
        <ul className="plain-list room-media__grid">
          {homework.media.map((m) => (
            <li key={m.id}>
              {m.kind === 'image' ? (
                <img
                  src={m.url}
                  alt={`The client doing ${name}, ${photos.indexOf(m) + 1} of ${photos.length}`}
                  className="room-media__image"
                />
              ) : (
                // biome-ignore lint/a11y/useMediaCaption: a silent clip of the client's own movement, with no speech to caption.
                <video
                  src={m.url}
                  controls
                  preload="metadata"
                  className="room-media__video"
                  aria-label={`Video of the client doing ${name}`}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <FieldFrame label="Take a photo or short video" optional hint="It shows on their page, to help them remember the position.">
        {(ids) => (
          <input
            {...ids}
            ref={input}
            type="file"
            name="file"
            accept="image/*,video/*"
            capture="environment"
            className="field__control room-media__input"
            disabled={uploading !== null}
            onChange={upload}
          />
        )}
      </FieldFrame>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {uploading && (
        <div className="stack">
          <label htmlFor={progressId}>Sending… {uploading.percent}%</label>
          <div className="cluster">
            <progress id={progressId} max={100} value={uploading.percent} className="progress__bar">
              {uploading.percent}%
            </progress>
            <Button variant="ghost" onClick={uploading.cancel}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      <p role="status" className="small">
        {added}
      </p>
    </section>
  );
}
