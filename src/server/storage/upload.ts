import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromStream } from 'file-type';
import { MEDIA_LIMITS } from '../../shared/api/exercises.js';
import { AppError } from '../http/errors.js';
import type { FileStorage } from './storage.js';
import { stripPhotoMetadata } from './strip-metadata.js';

const MAX_UPLOAD = Math.max(MEDIA_LIMITS.image.maxBytes, MEDIA_LIMITS.video.maxBytes);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const UPLOAD_HELP = `a photo (JPEG, PNG, WebP, up to ${mb(MEDIA_LIMITS.image.maxBytes)}) or a short video (MP4, WebM, MOV, up to ${mb(MEDIA_LIMITS.video.maxBytes)}); multipart field "file"`;

function kindOf(mime: string | undefined): 'image' | 'video' | undefined {
  if (!mime) return undefined;
  if ((MEDIA_LIMITS.image.types as readonly string[]).includes(mime)) return 'image';
  if ((MEDIA_LIMITS.video.types as readonly string[]).includes(mime)) return 'video';
  return undefined;
}

/**
 * Stores the one photo or video in a multipart request under key. What the file is comes from
 * its first bytes, not its name or the browser's claim; a file past the limit is cut off while
 * streaming and removed, so it never fills the disk.
 */
export async function saveUpload(req: FastifyRequest, storage: FileStorage, key: string) {
  const need = { file: 'Choose a photo or video' };
  if (!req.isMultipart())
    throw new AppError(400, 'invalid', 'Send the photo or video as multipart/form-data in a field called "file".', need);
  const file = await req.file({ limits: { fileSize: MAX_UPLOAD, files: 1 } });
  if (!file) throw new AppError(400, 'invalid', 'Choose a photo or video to upload.', need);
  const saved = await storage.put(key, file.file, MAX_UPLOAD);
  const tooBig = (limit: number) =>
    new AppError(
      413,
      'too_large',
      `That file is too big. Photos can be up to ${mb(MEDIA_LIMITS.image.maxBytes)} and videos up to ${mb(limit)}.`,
      { file: 'Too big' },
    );
  if (saved.tooLarge || file.file.truncated) {
    await storage.remove(key);
    throw tooBig(MEDIA_LIMITS.video.maxBytes);
  }
  const type = await fileTypeFromStream(storage.read(key) as never).catch(() => undefined);
  const kind = kindOf(type?.mime);
  if (!type || !kind) {
    await storage.remove(key);
    throw new AppError(400, 'invalid_file', 'That file is not a photo (JPEG, PNG, WebP) or a video (MP4, WebM, MOV).', {
      file: 'Not a photo or video',
    });
  }
  if (saved.bytes > MEDIA_LIMITS[kind].maxBytes) {
    await storage.remove(key);
    throw tooBig(MEDIA_LIMITS.video.maxBytes);
  }
  if (kind === 'image') {
    // Where and when a photo was taken (EXIF GPS) is not ours to keep or to pass on to the client.
    const original = await buffer(storage.read(key));
    const stripped = stripPhotoMetadata(original, type.mime);
    if (stripped.length !== original.length) {
      await storage.put(key, Readable.from([stripped]), MAX_UPLOAD);
      return { kind, mime: type.mime, bytes: stripped.length };
    }
  }
  return { kind, mime: type.mime, bytes: saved.bytes };
}
