import { type UseQueryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ConcertoBridge } from '../../shared/bridge';
import type { AppErrorPayload } from '../../shared/errors';
import type { InputOf, MethodName, OutputOf } from '../../shared/rpc';

/** A failed call: carries the backend's code, French message and field issues. */
export class RpcError extends Error {
  constructor(readonly payload: AppErrorPayload) {
    super(payload.message);
    this.name = 'RpcError';
  }
  get code() {
    return this.payload.code;
  }
  get issues() {
    return this.payload.details?.issues ?? [];
  }
}

export function bridge(): ConcertoBridge {
  const b = (window as unknown as { concerto?: ConcertoBridge }).concerto;
  if (!b) throw new Error('Concerto bridge missing');
  return b;
}

/** Calls one backend method; resolves with its value or rejects with an RpcError. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const envelope = await bridge().invoke(method, input);
  if (!envelope.ok) throw new RpcError(envelope.error);
  return envelope.value as OutputOf<M>;
}

/** Query keys start with the method name, so a write can refresh everything it may touch. */
export function useRpc<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: Omit<UseQueryOptions<OutputOf<M>, RpcError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<M>, RpcError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });
}

/** A write. Every query is refreshed afterwards (the data set is local and small enough). */
export function useRpcMutation<M extends MethodName>(method: M) {
  const client = useQueryClient();
  return useMutation<OutputOf<M>, RpcError, InputOf<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Refreshes open screens when the backend says data changed (another window, an import…). */
export function useBackendEvents(): void {
  const client = useQueryClient();
  useEffect(() => bridge().subscribe('data:changed', () => void client.invalidateQueries()), [client]);
}
