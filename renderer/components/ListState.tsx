import { Alert, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/errors';

/** A view's rows once loaded: the loader, the error, the sentence for none, or the rows. */
export function ListState<T>({
  query,
  empty,
  children,
}: {
  query: { isLoading: boolean; error: unknown; data?: T[] | undefined };
  empty: string;
  children: (rows: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.error) return <Alert color="red">{errorMessage(query.error, t)}</Alert>;
  const rows = query.data ?? [];
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return children(rows);
}
