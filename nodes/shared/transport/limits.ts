/** Every bound the transport keeps, whatever a server hints or an expression yields. */
export const MAX_REDIRECTS = 5;
export const MAX_RETRIES = 10;
export const DEFAULT_MAX_RETRIES = 3;
/** The longest `retry-after` honoured; a server asking for more gets an error saying when to try. */
export const MAX_RETRY_AFTER_MS = 120_000;
export const MAX_BACKOFF_MS = 30_000;
/** Poll spacing never drops below this, whatever `openai-poll-after-ms` says. */
export const MIN_POLL_SPACING_MS = 500;
/** Timers above 2^31-1 ms overflow to ~1 ms in Node. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
export const DEFAULT_REQUEST_TIMEOUT_S = 60;
export const MAX_REQUEST_TIMEOUT_S = 3600;
/** HTTP requests of one node run in flight at once (downloads included). */
export const MAX_CONCURRENT_REQUESTS = 10;
export const MAX_ERROR_BODY_BYTES = 64 * 1024;
