import { type ChangeEvent, useRef, useState } from 'react';
import { messageOf, uploadFile } from '../api.js';

export interface Uploading {
  name: string;
  percent: number;
  cancel: () => void;
}

interface UploadOptions<T> {
  /** A sentence saying why this file cannot go (too big), or null to send it. */
  refuse?: (file: File) => string | null;
  /** Called with what the server kept; returns the sentence read out once it is saved. */
  uploaded: (saved: T, file: File) => string;
}

/**
 * One file input that sends its file as soon as it is chosen, with progress, Cancel, an error to
 * show beside the input (focus goes back to it) and a status line for screen readers.
 */
export function useUpload<T>(path: string, { refuse, uploaded }: UploadOptions<T>) {
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<Uploading | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [added, setAdded] = useState('');

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setError(undefined);
    setAdded('');
    if (!file) return;
    const problem = refuse?.(file);
    if (problem) {
      setError(problem);
      input.current?.focus();
      return;
    }
    const controller = new AbortController();
    setUploading({ name: file.name, percent: 0, cancel: () => controller.abort() });
    try {
      const saved = await uploadFile<T>(path, file, {
        signal: controller.signal,
        onProgress: (fraction) => setUploading((u) => u && { ...u, percent: Math.round(fraction * 100) }),
      });
      setAdded(uploaded(saved, file));
    } catch (err) {
      if (!controller.signal.aborted) {
        setError(messageOf(err));
        input.current?.focus();
      }
    } finally {
      setUploading(null);
      if (input.current) input.current.value = '';
    }
  }

  return { input, upload, uploading, error, added };
}
