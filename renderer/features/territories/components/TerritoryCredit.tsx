import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/navigation';

/** The reference data's licence asks for attribution wherever it is shown. */
export function TerritoryCredit() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" mt="lg">
      {t('territories.credit')}{' '}
      <Link to="/about" size="xs">
        {t('territories.creditLink')}
      </Link>
    </Text>
  );
}
