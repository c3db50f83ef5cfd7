import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { INTERVENTION_STATUSES, SECTORS } from '../../../../shared/domain/vocabularies';
import type { Decision, UnresolvedSchema } from '../../../../shared/rpc/partners';
import { OrganisationPicker, TerritoryPicker } from '../../../components';

export type Unresolved = z.infer<typeof UnresolvedSchema>;

/** A decision as kept by the wizard, with the words that describe it in the "decided" list. */
export interface DecisionEntry {
  decision: Decision;
  label: string;
}

/** The same value in the same parent is one decision. */
export function decisionKey(d: { kind: string; value: string; parentId?: string | null }): string {
  return `${d.kind}\u0000${d.value}\u0000${d.parentId ?? ''}`;
}

const IGNORE = '__ignore';
const CREATE = '__create';

export interface ValuesStepProps {
  unresolved: readonly Unresolved[];
  decisions: ReadonlyMap<string, DecisionEntry>;
  refreshing: boolean;
  countryCode: string | null;
  onDecide: (entry: DecisionEntry) => void;
  onForget: (key: string) => void;
}

const GROUPS = [
  { kind: 'place', title: 'imports.values.places' },
  { kind: 'organisation', title: 'imports.values.organisations' },
  { kind: 'sector', title: 'imports.values.sectors' },
  { kind: 'status', title: 'imports.values.statuses' },
] as const;

/** Step 3: values the file carries that match nothing known; each choice becomes an alias. */
export function ValuesStep({
  unresolved,
  decisions,
  refreshing,
  countryCode,
  onDecide,
  onForget,
}: ValuesStepProps) {
  const { t } = useTranslation();
  // A decided value stays listed by the previous preview until the new one arrives.
  const open = unresolved.filter((u) => !decisions.has(decisionKey(u)));

  return (
    <Stack gap="md">
      <Alert color="blue">{t('imports.values.intro')}</Alert>
      {refreshing ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('imports.values.refreshing')}
          </Text>
        </Group>
      ) : null}
      {open.length === 0 && !refreshing ? (
        <Alert color="teal">{t('imports.values.allResolved')}</Alert>
      ) : null}
      {GROUPS.map((group) => {
        const items = open.filter((u) => u.kind === group.kind);
        if (items.length === 0) return null;
        return (
          <Stack key={group.kind} gap="xs">
            <Title order={4}>{t(group.title)}</Title>
            {items.map((item) => (
              <UnresolvedItem
                key={decisionKey(item)}
                item={item}
                countryCode={countryCode}
                onDecide={onDecide}
              />
            ))}
          </Stack>
        );
      })}
      {decisions.size > 0 ? (
        <Stack gap="xs">
          <Title order={4}>{t('imports.values.decided')}</Title>
          <Text size="sm" c="dimmed">
            {t('imports.values.decidedHint')}
          </Text>
          {[...decisions].map(([key, entry]) => (
            <Group key={key} gap="xs" wrap="nowrap">
              <Text size="sm">
                {t('imports.values.quoted', { value: entry.decision.value })} → {entry.label}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => onForget(key)}>
                {t('imports.values.undoDecision', { value: entry.decision.value })}
              </Button>
            </Group>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

function vocabOptions(t: TFunction, kind: 'sector' | 'status') {
  return kind === 'sector'
    ? SECTORS.map((s) => ({ value: s, label: t(`vocab.sector.${s}`) }))
    : INTERVENTION_STATUSES.map((s) => ({ value: s, label: t(`vocab.interventionStatus.${s}`) }));
}

function UnresolvedItem({
  item,
  countryCode,
  onDecide,
}: {
  item: Unresolved;
  countryCode: string | null;
  onDecide: (entry: DecisionEntry) => void;
}) {
  const { t } = useTranslation();
  const value = item.value;

  const header = (
    <Group gap="xs">
      <Text fw={600}>{t('imports.values.quoted', { value })}</Text>
      {item.parentLabel ? (
        <Text size="sm" c="dimmed">
          {t('imports.values.inParent', { parent: item.parentLabel })}
        </Text>
      ) : null}
      <Badge variant="light" color="gray">
        {t('imports.values.rows', { count: item.rows })}
      </Badge>
    </Group>
  );

  if (item.kind === 'sector' || item.kind === 'status') {
    const options = vocabOptions(t, item.kind);
    return (
      <Paper withBorder p="sm">
        <Stack gap="xs">
          {header}
          <Select
            label={t(item.kind === 'sector' ? 'imports.values.sectorFor' : 'imports.values.statusFor', {
              value,
            })}
            data={options}
            value={null}
            searchable
            maw={420}
            onChange={(choice) => {
              const label = options.find((o) => o.value === choice)?.label ?? '';
              if (!choice) return;
              if (item.kind === 'sector') {
                onDecide({
                  decision: { kind: 'sector', value, sector: choice as (typeof SECTORS)[number] },
                  label,
                });
              } else {
                onDecide({
                  decision: {
                    kind: 'status',
                    value,
                    status: choice as (typeof INTERVENTION_STATUSES)[number],
                  },
                  label,
                });
              }
            }}
          />
        </Stack>
      </Paper>
    );
  }

  const place = item.kind === 'place';
  const proposals = item.proposals.map((p) => ({ value: p.id, label: p.label }));
  const special = place
    ? { value: IGNORE, label: t('imports.values.ignore') }
    : { value: CREATE, label: t('imports.values.create', { value }) };
  const data = [...proposals, special];

  const decideId = (id: string, label: string) => {
    if (place) {
      onDecide({ decision: { kind: 'place', value, parentId: item.parentId, territoryId: id }, label });
    } else {
      onDecide({ decision: { kind: 'organisation', value, organisationId: id, create: false }, label });
    }
  };

  const onProposal = (choice: string | null) => {
    if (!choice) return;
    if (choice === IGNORE) {
      onDecide({
        decision: { kind: 'place', value, parentId: item.parentId, territoryId: null },
        label: t('imports.values.decisionIgnore'),
      });
    } else if (choice === CREATE) {
      onDecide({
        decision: { kind: 'organisation', value, organisationId: null, create: true },
        label: t('imports.values.decisionCreate'),
      });
    } else {
      decideId(
        choice,
        proposals.find((p) => p.value === choice)?.label ?? t('imports.values.decisionChosen'),
      );
    }
  };

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        {header}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Select
            label={t('imports.values.proposal', { value })}
            placeholder={
              proposals.length > 0 ? t('imports.values.proposalPlaceholder') : t('imports.values.noProposal')
            }
            data={data}
            value={null}
            onChange={onProposal}
          />
          {place ? (
            <TerritoryPicker
              label={t('imports.values.searchTerritory', { value })}
              value={null}
              countryCode={countryCode}
              onChange={(id) => id && decideId(id, t('imports.values.decisionChosen'))}
            />
          ) : (
            <OrganisationPicker
              label={t('imports.values.searchOrganisation', { value })}
              value={null}
              onChange={(id) => id && decideId(id, t('imports.values.decisionChosen'))}
            />
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
