export type FeedProblem = 'bad-address' | 'refused-address' | 'unreachable' | 'timeout' | 'too-large' | 'http-status' | 'not-ical';

/** Why a calendar address could not be read, in words a therapist can act on. */
export class FeedError extends Error {
  constructor(
    readonly problem: FeedProblem,
    message: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}
