import type { AppErrorPayload } from '../errors';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };
