/** An error the user can act on: its message is shown to them as is. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'That') => new AppError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message = 'Only the practice owner can do that.') => new AppError(403, 'forbidden', message);
export const unauthorized = () => new AppError(401, 'unauthorized', 'Please sign in.');
export const invalid = (fields: Record<string, string>, message = 'Please check the highlighted fields.') =>
  new AppError(400, 'invalid', message, fields);
export const conflict = (message: string, code = 'conflict') => new AppError(409, code, message);
