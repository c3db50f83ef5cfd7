import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/domain/dates';
import { useLanguage } from '../../app/i18n';
import { Link } from '../../app/navigation';
import { useRpc } from '../../app/rpc';
import { DashboardRows, DashboardSection } from '../../components/DashboardSection';

/** Lines per block: the few that need attention. */
const TOP = 8;

/**
 * The home page's "Partenaires" block: conventions ending, evaluations due, partners that have
 * stopped reporting. Nothing at all when there is nothing to say.
 */
export function PartnerAlerts() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const alerts = useRpc('partners.alerts', {});
  const data = alerts.data;
  if (!data) return null;
  const { endingConventions, evaluationsDue, silentPartners } = data;
  if (endingConventions.length + evaluationsDue.length + silentPartners.length === 0) return null;

  const ending = [...endingConventions].sort((a, b) => a.daysLeft - b.daysLeft).slice(0, TOP);
  const evaluations = [...evaluationsDue].sort((a, b) => a.daysLeft - b.daysLeft).slice(0, TOP);
  const silent = [...silentPartners].sort((a, b) => b.quartersSilent - a.quartersSilent).slice(0, TOP);
  const conventionName = (c: { reference: string | null; kind: string }) =>
    c.reference ?? t(`vocab.conventionKind.${c.kind}`);

  const blocks = [
    ending.length > 0 ? (
      <DashboardSection key="ending" level={4} title={t('partners.alerts.ending')}>
        <DashboardRows compact>
          {ending.map(({ convention: c, daysLeft }) => {
            const date = c.endDate ? formatDate(c.endDate, lang) : '';
            return (
              <Stack key={c.id} gap={0}>
                <Link to={`/organisations/${c.organisation.id}`} size="sm">
                  {c.organisation.label}
                </Link>
                <Text size="xs" c={daysLeft < 0 ? 'red' : daysLeft <= 30 ? 'orange' : 'dimmed'}>
                  {conventionName(c)} —{' '}
                  {daysLeft > 0
                    ? t('partners.alerts.daysLeft', { count: daysLeft, date })
                    : daysLeft === 0
                      ? t('partners.alerts.endsToday')
                      : t('partners.alerts.ended', { count: -daysLeft, date })}
                </Text>
              </Stack>
            );
          })}
        </DashboardRows>
      </DashboardSection>
    ) : null,
    evaluations.length > 0 ? (
      <DashboardSection key="evaluations" level={4} title={t('partners.alerts.evaluations')}>
        <DashboardRows compact>
          {evaluations.map(({ convention: c, which, due, daysLeft }) => {
            const label = t(`partners.alerts.${which}`);
            const date = formatDate(due, lang);
            return (
              <Stack key={`${c.id}-${which}`} gap={0}>
                <Link to={`/organisations/${c.organisation.id}`} size="sm">
                  {c.organisation.label}
                </Link>
                <Text size="xs" c={daysLeft < 0 ? 'red' : 'dimmed'}>
                  {conventionName(c)} —{' '}
                  {daysLeft > 0
                    ? t('partners.alerts.dueIn', { which: label, count: daysLeft, date })
                    : daysLeft === 0
                      ? t('partners.alerts.dueToday', { which: label })
                      : t('partners.alerts.overdue', { which: label, count: -daysLeft, date })}
                </Text>
              </Stack>
            );
          })}
        </DashboardRows>
      </DashboardSection>
    ) : null,
    silent.length > 0 ? (
      <DashboardSection key="silent" level={4} title={t('partners.alerts.silent')}>
        <DashboardRows compact>
          {silent.map((s) => (
            <Group key={s.organisation.id} justify="space-between" wrap="nowrap" gap="sm">
              <Link to={`/organisations/${s.organisation.id}`} size="sm">
                {s.organisation.label}
              </Link>
              <Text size="xs" c={s.quartersSilent >= 2 ? 'red' : 'orange'} ta="right">
                {t('partners.alerts.quarters', { count: s.quartersSilent })}
                {' · '}
                {s.lastReportedOn
                  ? t('partners.alerts.lastReport', { date: formatDate(s.lastReportedOn, lang) })
                  : t('partners.alerts.neverReported')}
              </Text>
            </Group>
          ))}
        </DashboardRows>
      </DashboardSection>
    ) : null,
  ].filter((b) => b !== null);

  return (
    <DashboardSection title={t('partners.alerts.title')} hint={t('partners.alerts.hint')}>
      <SimpleGrid cols={{ base: 1, md: Math.min(3, blocks.length) }} spacing="md">
        {blocks}
      </SimpleGrid>
    </DashboardSection>
  );
}
