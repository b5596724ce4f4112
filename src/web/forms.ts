import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError, messageOf } from './api.js';

export type FieldErrors = Record<string, string>;

/** The first message for each field named in a zod error. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.map(String).join('.') || 'form';
    fields[name] ??= issue.message;
  }
  return fields;
}

interface SubmitOptions<S extends z.ZodType> {
  /**
   * The shared schema, or a function that imports it: the first screen passes the import, so zod
   * and the schemas load when the form is sent (or first touched), not before the page paints.
   */
  schema: S | (() => Promise<S>);
  values: unknown;
  send: (body: z.output<S>) => Promise<void>;
  /** Lets a page turn a known server error into its own state (e.g. an expired link). */
  onApiError?: (error: ApiError) => boolean;
}

/**
 * One form's state: checks values with the shared zod schema before sending, keeps the
 * button disabled while sending, shows server field errors beside their inputs and the
 * message at the top, then moves focus to the first error.
 */
export function useForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [failures, setFailures] = useState(0);

  useEffect(() => {
    if (failures === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.form-error');
    target?.focus();
  }, [failures]);

  const submit = useCallback(async <S extends z.ZodType>(event: FormEvent<HTMLFormElement> | null, options: SubmitOptions<S>) => {
    event?.preventDefault();
    setFormError(null);
    let schema: S;
    try {
      schema = typeof options.schema === 'function' ? await options.schema() : options.schema;
    } catch (err) {
      setFormError(messageOf(err));
      setFailures((n) => n + 1);
      return;
    }
    const parsed = schema.safeParse(options.values);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFrom(parsed.error));
      setFailures((n) => n + 1);
      return;
    }
    setFieldErrors({});
    setSending(true);
    try {
      await options.send(parsed.data);
    } catch (err) {
      if (err instanceof ApiError && options.onApiError?.(err)) return;
      setFieldErrors(err instanceof ApiError ? err.fields : {});
      setFormError(messageOf(err));
      setFailures((n) => n + 1);
    } finally {
      setSending(false);
    }
  }, []);

  const clearErrors = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  return { formRef, fieldErrors, formError, sending, submit, setFormError, clearErrors };
}
