import { Group, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../shared/rpc';
import { errorMessage } from '../app/errors';
import { bridge, useRpc } from '../app/rpc';

export type Drive = OutputOf<'exports.destinations'>[number];

export interface DestinationChoice {
  /** The drives found, USB sticks first. */
  drives: Drive[];
  loading: boolean;
  /** What is chosen: a folder path, or a value of the caller's own (e.g. its exports folder). */
  value: string;
  /** The secretary's choice: from now on, a stick plugged in later no longer replaces it. */
  choose(value: string): void;
  /** Offered only where the host has a native dialog (the desktop app), not in a browser. */
  canBrowse: boolean;
  /** Opens the folder dialog; resolves with the folder chosen (and chosen here), or null. */
  browse(): Promise<string | null>;
}

/**
 * Where files are written: the drives of this computer, the first USB stick found chosen unless
 * the secretary already chose, or a folder picked in the dialog. `onFailure` hears a dialog
 * that failed to open.
 */
export function useDestinationChoice(
  initial: string,
  onFailure: (message: string) => void,
): DestinationChoice {
  const { t } = useTranslation();
  const destinations = useRpc('exports.destinations', {}, { staleTime: 0 });
  const [value, setValue] = useState(initial);
  const touched = useRef(false);

  const drives = [...(destinations.data ?? [])].sort((a, b) => Number(b.removable) - Number(a.removable));
  const firstRemovable = drives.find((d) => d.removable)?.path;
  useEffect(() => {
    if (firstRemovable && !touched.current) setValue(firstRemovable);
  }, [firstRemovable]);

  const choose = (next: string) => {
    touched.current = true;
    setValue(next);
  };

  const browse = async () => {
    try {
      const chosen = await bridge().chooseFolder?.();
      if (!chosen) return null;
      choose(chosen);
      return chosen;
    } catch (error) {
      onFailure(errorMessage(error, t));
      return null;
    }
  };

  return {
    drives,
    loading: destinations.isLoading,
    value,
    choose,
    canBrowse: typeof bridge().chooseFolder === 'function',
    browse,
  };
}

/** "Recherche des clés…" while the drives are listed, then `none` when no stick is plugged in. */
export function DestinationsStatus({
  choice,
  loadingText,
  noneText,
}: {
  choice: DestinationChoice;
  loadingText: string;
  noneText: string;
}) {
  if (choice.loading)
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {loadingText}
        </Text>
      </Group>
    );
  return choice.drives.some((d) => d.removable) ? null : (
    <Text size="sm" c="dimmed">
      {noneText}
    </Text>
  );
}
