import type { z } from 'zod';
import {
  type Contract,
  contract,
  isMethodName,
  type MethodName,
  type ParsedInputOf,
} from '../../../shared/rpc';
import type { Envelope } from '../../../shared/rpc/envelope';
import { EXCLUSIVE_METHODS, SAFE_MODE_METHODS } from '../../../shared/rpc/safety';
import type { BackendContext } from '../context';
import { dataFolderFull, isNoSpace } from '../diskFull';
import { AppError } from '../errors';
import { toFieldIssues } from './issues';

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: BackendContext,
) => Promise<z.input<Contract[M]['output']>>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** Topic emitted after every successful write, so that open screens refresh. */
export const DATA_CHANGED = 'data:changed';

export type Router = (method: unknown, input: unknown) => Promise<Envelope<unknown>>;

/**
 * The single entry of the backend. Unknown methods are refused; input is parsed with the
 * contract's schema before any handler runs; output is checked on the way out so the renderer
 * can trust it. Expected failures become `{ ok: false }`, so does a full disk (DISK_FULL);
 * anything else is INTERNAL.
 */
export function createRouter(handlers: Handlers, ctx: BackendContext): Router {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return fail(new AppError('UNKNOWN_METHOD', `Opération inconnue : ${String(method).slice(0, 80)}.`));
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      return fail(new AppError('VALIDATION', issues[0]?.message ?? 'Données invalides.', { issues }));
    }
    if (ctx.safety.mode === 'safe' && !SAFE_MODE_METHODS.has(method)) {
      return fail(
        new AppError(
          'SAFE_MODE',
          ctx.safety.problem?.message ??
            'Concerto est en mode sans échec : la base de données n’est pas ouverte.',
        ),
      );
    }
    try {
      const handler = handlers[method] as (input: unknown, ctx: BackendContext) => Promise<unknown>;
      const run = () => handler(parsed.data, ctx);
      const result = await (EXCLUSIVE_METHODS.has(method) ? ctx.gate.exclusive(run) : ctx.gate.shared(run));
      const value = spec.output.parse(result);
      if (spec.announces) ctx.emit(DATA_CHANGED, { method });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return fail(error);
      // A full disk is not a bug: SQLite refused the write (SQLITE_FULL) or a file could not be
      // written (ENOSPC), and the transaction around the write rolled back.
      if (isNoSpace(error)) return fail(dataFolderFull(ctx.paths.dataDir, null));
      console.error(`[backend] ${method} failed`, error);
      return fail(new AppError('INTERNAL', 'Erreur inattendue. Rien n’a été enregistré.'));
    }
  };
}

function fail(error: AppError): Envelope<never> {
  return {
    ok: false,
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  };
}

/** Types one feature's handlers against the contract; `handlers.ts` checks that all are there. */
export function defineHandlers<K extends MethodName>(
  handlers: { [M in K]: Handler<M> },
): { [M in K]: Handler<M> } {
  return handlers;
}
