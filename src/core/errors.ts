/** Errors with a stable code, a message meant for people, and an optional cause. */
export type ErrorCode =
  | 'content_invalid'
  | 'config_invalid'
  | 'input_empty'
  | 'input_too_long'
  | 'input_invalid'
  | 'action_invalid'
  | 'policy_invalid'
  | 'not_allowed'
  | 'not_found'
  | 'channel_unavailable'
  | 'delivery_failed'
  | 'storage_failed';

export class SocialCheckError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SocialCheckError';
    this.code = code;
  }
}

export function isSocialCheckError(error: unknown, code?: ErrorCode): error is SocialCheckError {
  return error instanceof SocialCheckError && (code === undefined || error.code === code);
}
