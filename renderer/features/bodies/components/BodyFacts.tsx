import { Divider, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/domain/dates';
import { describePeriodicity } from '../../../../shared/domain/periodicity';
import { describeQuorumRule } from '../../../../shared/domain/quorum';
import type { BodyDetail } from '../../../../shared/rpc/bodies';
import { useLanguage } from '../../../app/i18n';
import { Link } from '../../../app/navigation';
import { legalBasisLine } from './labels';

/** One labelled value of the fact sheet; a dash when nothing was recorded. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {empty ? '—' : children}
      </Text>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4}>{title}</Title>
      {children}
    </Stack>
  );
}

/** Upper-cases the first letter: describePeriodicity() writes phrases meant for inside a sentence. */
const capitalise = (s: string) => (s ? s.charAt(0).toLocaleUpperCase('fr') + s.slice(1) : s);

/** The "Fiche" tab: everything recorded about the body, readable at a glance. */
export function BodyFacts({ body }: { body: BodyDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const legal = legalBasisLine(t, lang, body.legalBasis);

  return (
    <Stack gap="lg">
      <Section title={t('bodies.form.sections.identification')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Fact label={t('bodies.form.name')}>{body.name}</Fact>
          <Fact label={t('bodies.form.acronym')}>{body.acronym}</Fact>
          <Fact label={t('bodies.form.kind')}>{t(`vocab.bodyKind.${body.kind}`)}</Fact>
          <Fact label={t('bodies.form.level')}>{t(`vocab.bodyLevel.${body.level}`)}</Fact>
          <Fact label={t('bodies.form.country')}>
            {body.countryCode ? t(`vocab.country.${body.countryCode}`) : null}
          </Fact>
          <Fact label={t('bodies.form.territory')}>
            {body.territory ? (
              <Link to={`/territories/${body.territory.id}`}>{body.territory.path}</Link>
            ) : null}
          </Fact>
          <Fact label={t('bodies.form.parent')}>
            {body.parent ? <Link to={`/bodies/${body.parent.id}`}>{body.parent.label}</Link> : null}
          </Fact>
          <Fact label={t('bodies.form.establishedOn')}>
            {body.establishedOn ? formatDate(body.establishedOn, lang) : null}
          </Fact>
          <Fact label={t('bodies.detail.status')}>
            {body.status === 'closed'
              ? t('bodies.detail.closedOn', { date: body.closedOn ? formatDate(body.closedOn, lang) : '—' })
              : t('vocab.bodyStatus.active')}
          </Fact>
        </SimpleGrid>
        {body.status === 'closed' && body.closedReason ? (
          <Fact label={t('bodies.detail.closedReason')}>{body.closedReason}</Fact>
        ) : null}
        <Fact label={t('bodies.detail.children')}>
          {body.children.length > 0 ? (
            <List size="sm">
              {body.children.map((child) => (
                <List.Item key={child.id}>
                  <Link to={`/bodies/${child.id}`} size="sm">
                    {child.label}
                  </Link>
                </List.Item>
              ))}
            </List>
          ) : null}
        </Fact>
      </Section>

      <Divider />
      <Section title={t('bodies.form.sections.legalBasis')}>
        <Fact label={t('bodies.detail.legalBasis')}>{legal}</Fact>
        {body.legalBasis.title ? (
          <Fact label={t('bodies.form.legalTitle')}>{body.legalBasis.title}</Fact>
        ) : null}
      </Section>

      <Divider />
      <Section title={t('bodies.form.sections.mandate')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {body.mandate ?? '—'}
        </Text>
      </Section>

      <Divider />
      <Section title={t('bodies.form.sections.functioning')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Fact label={t('bodies.form.secretariat')}>
            {body.secretariatOrganisation ? (
              <Link to={`/organisations/${body.secretariatOrganisation.id}`}>
                {body.secretariatOrganisation.label}
              </Link>
            ) : null}
          </Fact>
          <Fact label={t('bodies.periodicity.label')}>
            {capitalise(describePeriodicity(body.periodicity, lang))}
          </Fact>
          <Fact label={t('bodies.quorum.label')}>
            {capitalise(describeQuorumRule(body.quorumRule, lang))}
          </Fact>
          <Fact label={t('bodies.form.funding')}>{body.fundingSource}</Fact>
        </SimpleGrid>
      </Section>

      <Divider />
      <Section title={t('bodies.form.sections.links')}>
        {body.links.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('bodies.detail.noLinks')}
          </Text>
        ) : (
          <List size="sm">
            {body.links.map((link) => (
              <List.Item key={`${link.id}-${link.direction}`}>
                {link.direction === 'outgoing'
                  ? t(`vocab.bodyLinkKind.${link.kind}`)
                  : t(`vocab.bodyLinkKindIncoming.${link.kind}`)}{' '}
                <Link to={`/bodies/${link.body.id}`} size="sm">
                  {link.body.label}
                </Link>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}
