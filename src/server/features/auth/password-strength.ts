import { invalid } from '../../http/errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

/** Words the password must not be or contain: the email's local part and the practice's name. */
export interface PasswordContext {
  email?: string;
  practiceName?: string;
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Why this password is too easy to guess, or undefined when it is fine. */
export function weakPasswordReason(password: string, context: PasswordContext = {}): string | undefined {
  const lower = password.toLowerCase().trim();
  // "password12", "qwerty!!": a common word with digits or symbols added at either end.
  const bare = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(bare) || COMMON_PASSWORDS.has(squash(lower))) {
    return 'This password is one of the most common ones. Choose something less easy to guess.';
  }
  if (new Set(lower).size < 4) return 'Use more different characters, not the same few again and again.';
  const squashed = squash(password);
  const words = [context.email?.split('@')[0], context.practiceName].map((w) => squash(w ?? ''));
  for (const word of words) {
    // Short names ("jo") would forbid too much; the equality check still covers them.
    if (word && (squashed === word || (word.length >= 4 && squashed.includes(word)))) {
      return 'Do not use your email or your practice name in your password.';
    }
  }
  return undefined;
}

/** Throws a 400 naming the `password` field when the password is too easy to guess. */
export function assertStrongPassword(password: string, context: PasswordContext = {}): void {
  const reason = weakPasswordReason(password, context);
  if (reason) throw invalid({ password: reason }, reason);
}
