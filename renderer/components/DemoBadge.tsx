import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Marks a record of the demonstration data set, so that nobody mistakes it for real data. */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="yellow" variant="light" title={t('common.demo.badgeHint')}>
      {t('common.demo.badge')}
    </Badge>
  );
}
