import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { SAFETY_CHANGED, SafetyStatusSchema } from '../../../shared/rpc/safety';
import { bridge, RpcError, useRpc } from '../../app/rpc';
import { SafeModeScreen } from './SafeModeScreen';

const STATUS_KEY = ['safety.status'];

/**
 * Shows the application only while its database can be trusted. In safe mode the whole window
 * is the explanation and the ways out (restore, archive, move); nothing else could work, since
 * the backend refuses every other call.
 */
export function SafetyGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const status = useRpc('safety.status', {});

  // The background check may find damage after the start; the backend says so, with the new
  // status when it sends one (checked, never trusted), otherwise the status is asked again.
  useEffect(
    () =>
      bridge().subscribe(SAFETY_CHANGED, (payload) => {
        const next = SafetyStatusSchema.safeParse(payload);
        if (next.success) client.setQueryData(['safety.status', {}], next.data);
        else void client.invalidateQueries({ queryKey: STATUS_KEY });
      }),
    [client],
  );

  // A call refused with SAFE_MODE means the status on screen is out of date (an event missed).
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const error = event.action.error;
        if (
          error instanceof RpcError &&
          error.code === 'SAFE_MODE' &&
          event.query.queryKey[0] !== STATUS_KEY[0]
        )
          void client.invalidateQueries({ queryKey: STATUS_KEY });
      }),
    [client],
  );

  // The first answer comes in milliseconds: the normal shell must not flash before a safe-mode screen.
  if (status.isLoading) return null;
  // A backend that cannot answer the question still refuses what is unsafe: show the application.
  if (status.data?.mode === 'safe') return <SafeModeScreen status={status.data} />;
  return <>{children}</>;
}
