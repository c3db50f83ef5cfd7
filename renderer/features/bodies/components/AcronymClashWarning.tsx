import { Alert, List } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';

export interface AcronymClashWarningProps {
  acronym: string;
  territoryId: string | null;
  /** The body being edited, which does not clash with itself. */
  excludeId?: string;
}

/**
 * Warns, without blocking, that another body of the same territory already uses this acronym:
 * usually a duplicate about to be created, sometimes a legitimate homonym.
 */
export function AcronymClashWarning({ acronym, territoryId, excludeId }: AcronymClashWarningProps) {
  const { t } = useTranslation();
  const [wanted] = useDebouncedValue(acronym.trim().slice(0, 40), 400);
  const clashes = useRpc(
    'bodies.acronymClashes',
    { acronym: wanted, territoryId, ...(excludeId ? { excludeId } : {}) },
    { enabled: wanted.length > 0 },
  );
  const list = wanted.length > 0 ? (clashes.data ?? []) : [];
  if (list.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" mt={6} p="xs" role="status">
      {territoryId ? t('bodies.form.acronymClash') : t('bodies.form.acronymClashNoTerritory')}
      <List size="sm" mt={4}>
        {list.map((clash) => (
          <List.Item key={clash.id}>
            <Link to={`/bodies/${clash.id}`} size="sm">
              {clash.label}
            </Link>
            {clash.territory ? ` (${clash.territory})` : ''}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
