import { sanitizeDoc } from '../../../shared/domain/minutes';
import type { InputOf } from '../../../shared/rpc';
import type { Minutes, MinutesSection } from '../../../shared/rpc/recommendations';
import { call, RpcError } from '../../app/rpc';

// The minutes autosave: "nothing typed is ever lost". One controller per meeting lives at module
// level, not in a component: switching tabs unmounts the editor while a save (or its retries) may
// still be running, and the editor that mounts next must find the text as typed, not the text as
// last fetched. Pure of React; the editor subscribes to it.

/** Wait after the last keystroke before saving. */
export const DEBOUNCE_MS = 800;
/** Never wait longer than this while typing continuously: at most two seconds can be lost. */
export const MAX_WAIT_MS = 2000;
/** Waits between attempts of a save that failed for a passing reason (backend busy, IPC down). */
export const RETRY_DELAYS_MS = [1000, 2000, 3000, 5000, 10_000, 15_000, 30_000] as const;
/** The local copy is written at most this often while typing (and at once when the window goes). */
const DRAFT_THROTTLE_MS = 250;

export interface MinutesContent {
  sections: MinutesSection[];
  rapporteurPersonId: string | null;
}

export type AutosaveState =
  | { kind: 'saved'; savedAt: string | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** A passing failure: the same save (same saveId) is tried again at `retryAt` (ms). */
  | { kind: 'retrying'; retryAt: number; error: unknown }
  /** Someone else saved in between: nothing more is saved until the minutes are reloaded. */
  | { kind: 'conflict'; error: unknown }
  /** Refused for good (read-only, validation): the next change tries again. */
  | { kind: 'failed'; error: unknown };

export interface AutosaveSnapshot {
  state: AutosaveState;
  /** Increases each time the content is replaced from outside (load): editors start again. */
  loadCount: number;
  content: MinutesContent | null;
  revision: number;
}

type SaveInput = InputOf<'minutes.save'>;

export interface AutosaveDeps {
  send(input: SaveInput): Promise<{ revision: number; savedAt: string }>;
  newSaveId(): string;
  drafts: DraftStore | null;
}

/** A save being made: retried as it is (same id, same text, same base) until it lands. */
interface Inflight {
  input: SaveInput;
  version: number;
  attempt: number;
  /** A request of this save is on its way (as opposed to waiting for the next attempt). */
  sending: boolean;
}

/** What was typed and not yet saved, kept in the browser's storage in case the renderer dies. */
export interface LocalDraft {
  meetingId: string;
  /** The server revision this text was typed on. */
  baseRevision: number;
  /** When it was last typed (ISO). */
  writtenAt: string;
  sections: MinutesSection[];
  rapporteurPersonId: string | null;
}

export interface DraftStore {
  read(meetingId: string): LocalDraft | null;
  write(draft: LocalDraft): void;
  remove(meetingId: string): void;
}

const DRAFT_PREFIX = 'concerto.minutesDraft.';

/**
 * Drafts in localStorage, one key per meeting holding the revision it was typed on (one key
 * rather than one per revision: an older draft is superseded, never worth keeping beside it).
 * Storage may be full or disabled: the draft is then simply not kept, the autosave still runs.
 */
export function localDraftStore(storage: Storage | null = safeLocalStorage()): DraftStore | null {
  if (!storage) return null;
  return {
    read(meetingId) {
      try {
        const raw = storage.getItem(DRAFT_PREFIX + meetingId);
        if (!raw) return null;
        const value = JSON.parse(raw) as Partial<LocalDraft>;
        if (
          value.meetingId !== meetingId ||
          typeof value.baseRevision !== 'number' ||
          typeof value.writtenAt !== 'string' ||
          !Array.isArray(value.sections)
        ) {
          return null;
        }
        return {
          meetingId,
          baseRevision: value.baseRevision,
          writtenAt: value.writtenAt,
          sections: value.sections,
          rapporteurPersonId: typeof value.rapporteurPersonId === 'string' ? value.rapporteurPersonId : null,
        };
      } catch {
        return null;
      }
    },
    write(draft) {
      try {
        storage.setItem(DRAFT_PREFIX + draft.meetingId, JSON.stringify(draft));
      } catch {
        // Quota exceeded or storage disabled: the backend save is still under way.
      }
    },
    remove(meetingId) {
      try {
        storage.removeItem(DRAFT_PREFIX + meetingId);
      } catch {
        // Nothing to do: an unreadable draft is ignored when read.
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

/**
 * A failure worth trying again with the same save: the backend did not answer (the bridge threw)
 * or hit a passing input/output problem. Refusals (conflict, validation, read-only) are not.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof RpcError)) return true;
  // A full disk may be freed while the secretary keeps typing: keep the save and try again.
  return error.code === 'IO' || error.code === 'INTERNAL' || error.code === 'DISK_FULL';
}

/** Sections compared as the backend stores them (each document cleaned the same way). */
export function sameContent(a: MinutesContent, b: MinutesContent): boolean {
  if (a.rapporteurPersonId !== b.rapporteurPersonId) return false;
  return JSON.stringify(a.sections.map(normalised)) === JSON.stringify(b.sections.map(normalised));
}

function normalised(s: MinutesSection) {
  return [s.id, s.kind, s.agendaEntryId, s.title, s.responsible, sanitizeDoc(s.content)];
}

export class MinutesAutosave {
  private content: MinutesContent | null = null;
  private revision = 0;
  private version = 0;
  private savedVersion = 0;
  private loadCount = 0;
  private state: AutosaveState = { kind: 'saved', savedAt: null };
  private snapshot: AutosaveSnapshot = { state: this.state, loadCount: 0, content: null, revision: 0 };
  private readonly listeners = new Set<() => void>();
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private maxWaitTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private draftTimer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Inflight | null = null;
  /** A save was asked for while another was being made: it follows as soon as that one lands. */
  private queued = false;
  private waiters: { version: number; resolve: (ok: boolean) => void }[] = [];

  constructor(
    readonly meetingId: string,
    private readonly deps: AutosaveDeps,
  ) {}

  // ── Reading (useSyncExternalStore) ──────────────────────────────────────

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AutosaveSnapshot => this.snapshot;

  get hasContent(): boolean {
    return this.content !== null;
  }

  /** Typed and not yet acknowledged by the backend. */
  get isDirty(): boolean {
    return this.version !== this.savedVersion;
  }

  /** A save is being made or waits for its next attempt. */
  get isBusy(): boolean {
    return this.inflight !== null;
  }

  get currentRevision(): number {
    return this.revision;
  }

  private publish(): void {
    this.snapshot = {
      state: this.state,
      loadCount: this.loadCount,
      content: this.content,
      revision: this.revision,
    };
    for (const listener of this.listeners) listener();
  }

  private setState(state: AutosaveState): void {
    this.state = state;
    this.publish();
  }

  // ── Writing ─────────────────────────────────────────────────────────────

  /**
   * Starts from the stored minutes (first opening, reload after a conflict, a restored version,
   * a section added from elsewhere). Whatever was pending is dropped: callers flush first.
   */
  load(content: MinutesContent, revision: number, savedAt: string | null): void {
    this.clearTimers();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.inflight = null;
    this.queued = false;
    this.content = content;
    this.revision = revision;
    this.savedVersion = this.version;
    this.loadCount += 1;
    this.resolveWaiters(true);
    this.setState({ kind: 'saved', savedAt });
  }

  /** A change typed by the user: kept locally at once, saved shortly after. */
  update(content: MinutesContent): void {
    this.content = content;
    this.version += 1;
    this.scheduleDraft();
    if (this.state.kind === 'conflict') {
      // Still shown (and kept locally) but not sent: it would overwrite the other change.
      this.publish();
      return;
    }
    this.schedule();
    if (this.inflight === null) this.setState({ kind: 'dirty' });
    else this.publish();
  }

  /**
   * Saves now what is pending (leaving the editor, a status change, closing the window).
   * Resolves true once everything typed so far is saved, false if a save failed.
   */
  flush(): Promise<boolean> {
    this.clearTimers();
    this.writeDraftNow();
    if (!this.isDirty) return Promise.resolve(true);
    if (this.state.kind === 'conflict') return Promise.resolve(false);
    const done = new Promise<boolean>((resolve) => this.waiters.push({ version: this.version, resolve }));
    if (this.inflight !== null) {
      if (this.version > this.inflight.version) this.queued = true;
      // Waiting for the next attempt: try now, the user is leaving.
      if (this.retryTimer !== null && !this.inflight.sending) {
        clearTimeout(this.retryTimer);
        this.retryTimer = null;
        void this.attempt();
      }
    } else {
      this.start();
    }
    return done;
  }

  /** Stops the timers (the component is going away for good, e.g. tests). Saves are not cut. */
  dispose(): void {
    this.clearTimers();
    if (this.draftTimer) clearTimeout(this.draftTimer);
    this.draftTimer = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearTimers(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    if (this.maxWaitTimer) clearTimeout(this.maxWaitTimer);
    this.debounceTimer = null;
    this.maxWaitTimer = null;
  }

  private schedule(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(this.fire, DEBOUNCE_MS);
    // The max wait starts with the first unsaved keystroke and is not pushed back by later ones.
    if (!this.maxWaitTimer) this.maxWaitTimer = setTimeout(this.fire, MAX_WAIT_MS);
  }

  private fire = (): void => {
    this.clearTimers();
    this.start();
  };

  private start(): void {
    if (this.state.kind === 'conflict' || !this.content || !this.isDirty) return;
    if (this.inflight !== null) {
      // One save at a time, in order: the latest text follows when this one lands.
      this.queued = true;
      return;
    }
    this.inflight = {
      input: {
        meetingId: this.meetingId,
        saveId: this.deps.newSaveId(),
        baseRevision: this.revision,
        sections: this.content.sections,
        rapporteurPersonId: this.content.rapporteurPersonId,
      },
      version: this.version,
      attempt: 0,
      sending: false,
    };
    void this.attempt();
  }

  private async attempt(): Promise<void> {
    const inflight = this.inflight;
    if (!inflight || inflight.sending) return;
    inflight.sending = true;
    this.setState({ kind: 'saving' });
    let result: { revision: number; savedAt: string };
    try {
      result = await this.deps.send(inflight.input);
    } catch (error) {
      inflight.sending = false;
      if (this.inflight === inflight) this.failed(inflight, error);
      return;
    }
    inflight.sending = false;
    // Replaced meanwhile by a load (reload, restore): that one is the truth now.
    if (this.inflight !== inflight) return;
    this.inflight = null;
    this.revision = result.revision;
    this.savedVersion = Math.max(this.savedVersion, inflight.version);
    this.resolveWaiters(true);
    if (this.isDirty) {
      this.writeDraftNow();
      if (this.queued) {
        this.queued = false;
        this.start();
      } else {
        this.setState({ kind: 'dirty' });
      }
      return;
    }
    this.queued = false;
    this.deps.drafts?.remove(this.meetingId);
    this.setState({ kind: 'saved', savedAt: result.savedAt });
  }

  private failed(inflight: Inflight, error: unknown): void {
    if (isRetryable(error)) {
      // The same save again, unchanged: if it was in fact written before the answer was lost,
      // the backend recognises its saveId and acknowledges it without writing twice.
      const delay = RETRY_DELAYS_MS[Math.min(inflight.attempt, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
      inflight.attempt += 1;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.attempt();
      }, delay);
      this.setState({ kind: 'retrying', retryAt: Date.now() + delay, error });
      this.resolveWaiters(false);
      return;
    }
    this.inflight = null;
    this.queued = false;
    this.writeDraftNow();
    this.resolveWaiters(false);
    const conflict = error instanceof RpcError && error.code === 'CONFLICT';
    this.setState(conflict ? { kind: 'conflict', error } : { kind: 'failed', error });
  }

  private resolveWaiters(ok: boolean): void {
    const keep: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (!ok) waiter.resolve(false);
      else if (waiter.version <= this.savedVersion) waiter.resolve(true);
      else keep.push(waiter);
    }
    this.waiters = keep;
  }

  // ── The local copy ──────────────────────────────────────────────────────

  private scheduleDraft(): void {
    if (this.draftTimer || !this.deps.drafts) return;
    this.draftTimer = setTimeout(() => {
      this.draftTimer = null;
      this.writeDraftNow();
    }, DRAFT_THROTTLE_MS);
  }

  /** Writes what is unsaved to the local copy now (the window is being hidden or closed). */
  writeDraftNow(): void {
    if (this.draftTimer) clearTimeout(this.draftTimer);
    this.draftTimer = null;
    if (!this.deps.drafts || !this.content || !this.isDirty) return;
    this.deps.drafts.write({
      meetingId: this.meetingId,
      baseRevision: this.inflight?.input.baseRevision ?? this.revision,
      writtenAt: new Date().toISOString(),
      sections: this.content.sections,
      rapporteurPersonId: this.content.rapporteurPersonId,
    });
  }
}

// ── One controller per meeting ─────────────────────────────────────────────

const controllers = new Map<string, MinutesAutosave>();

function newSaveId(): string {
  return globalThis.crypto.randomUUID();
}

/** The meeting's autosave, created on first use. */
export function minutesAutosave(meetingId: string): MinutesAutosave {
  let controller = controllers.get(meetingId);
  if (!controller) {
    controller = new MinutesAutosave(meetingId, {
      send: (input) => call('minutes.save', input),
      newSaveId,
      drafts: localDraftStore(),
    });
    controllers.set(meetingId, controller);
  }
  return controller;
}

/** The meeting's autosave if one was started (an editor was opened in this window). */
export function existingAutosave(meetingId: string): MinutesAutosave | null {
  return controllers.get(meetingId) ?? null;
}

/** Saves what the minutes editor of this meeting still holds; true when nothing is left unsaved. */
export function flushMinutes(meetingId: string): Promise<boolean> {
  return controllers.get(meetingId)?.flush() ?? Promise.resolve(true);
}

/** The editable part of stored minutes. */
export function contentOf(minutes: Minutes): MinutesContent {
  return { sections: minutes.sections, rapporteurPersonId: minutes.rapporteur?.id ?? null };
}

/**
 * Takes the stored minutes unless this window holds something newer: text still being saved (or
 * retried), or saves this window made that the fetched copy does not know of yet.
 */
export function syncFromServer(controller: MinutesAutosave, minutes: Minutes): void {
  if (controller.hasContent) {
    if (controller.isDirty || controller.isBusy) return;
    if (controller.getSnapshot().state.kind === 'conflict') return;
    if (controller.currentRevision >= minutes.revision) return;
  }
  controller.load(contentOf(minutes), minutes.revision, minutes.updatedAt);
}

/** Forgets every controller (tests start each case with a fresh backend). */
export function resetMinutesAutosaves(): void {
  for (const controller of controllers.values()) controller.dispose();
  controllers.clear();
}
