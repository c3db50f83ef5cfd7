import { Alert, Button, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeRangeLabel } from '../../../../shared/domain/agenda';
import type { OutputOf } from '../../../../shared/rpc';
import { errorMessage } from '../../../app/errors';
import { useRpc } from '../../../app/rpc';

export type StandardEntry = OutputOf<'agenda.standardItems'>[number];

export interface StandardItemsProps {
  meetingId: string;
  /** Introduces the list (the proposal shown on an empty agenda says why it appears). */
  intro: string;
  onAdd: (entries: StandardEntry[]) => void;
  onCancel?: () => void;
}

/**
 * The items every ordinary session examines (adoption of the agenda and of the last minutes,
 * follow-up of recommendations, divers), proposed with checkboxes: the secretary keeps what applies.
 */
export function StandardItems({ meetingId, intro, onAdd, onCancel }: StandardItemsProps) {
  const { t } = useTranslation();
  const items = useRpc('agenda.standardItems', { meetingId });
  const [unchecked, setUnchecked] = useState<Set<number>>(() => new Set());

  if (items.isLoading) return <Loader size="sm" aria-label={t('agenda.standard.loading')} />;
  if (items.error) return <Alert color="red">{errorMessage(items.error, t)}</Alert>;
  const list = items.data ?? [];
  if (list.length === 0) return <Text c="dimmed">{t('agenda.standard.none')}</Text>;
  const chosen = list.filter((_, i) => !unchecked.has(i));

  return (
    <Stack gap="sm">
      <Text size="sm">{intro}</Text>
      <Stack gap={6}>
        {list.map((item, i) => {
          const times = timeRangeLabel(item.startTime, item.endTime);
          return (
            <Checkbox
              // The proposal is a fixed list: its position is its identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              label={times ? `${item.title} (${times})` : item.title}
              checked={!unchecked.has(i)}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                setUnchecked((prev) => {
                  const next = new Set(prev);
                  if (on) next.delete(i);
                  else next.add(i);
                  return next;
                });
              }}
            />
          );
        })}
      </Stack>
      <Group gap="sm">
        <Button disabled={chosen.length === 0} onClick={() => onAdd(chosen)}>
          {t('agenda.standard.add')}
        </Button>
        {onCancel ? (
          <Button variant="default" onClick={onCancel}>
            {t('common.actions.cancel')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
