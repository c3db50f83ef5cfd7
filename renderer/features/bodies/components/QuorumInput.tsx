import { Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeQuorumRule, type QuorumRule } from '../../../../shared/domain/quorum';
import { useLanguage } from '../../../app/i18n';

export interface QuorumInputProps {
  value: QuorumRule;
  onChange: (value: QuorumRule) => void;
  /** Problems keyed by the rule's own field ('kind', 'numerator', 'denominator', 'count'). */
  errors?: Partial<Record<'kind' | 'numerator' | 'denominator' | 'count', ReactNode>>;
}

type Kind = QuorumRule['kind'];
const KINDS: readonly Kind[] = ['majority_of_voting_seats', 'fraction', 'minimum_count', 'none'];

function isKind(v: string | null): v is Kind {
  return v !== null && (KINDS as readonly string[]).includes(v);
}

function defaultFor(kind: Kind): QuorumRule {
  switch (kind) {
    case 'majority_of_voting_seats':
      return { kind };
    case 'fraction':
      // Two thirds is what founding texts ask for most often after a simple majority.
      return { kind, numerator: 2, denominator: 3, of: 'voting_seats' };
    case 'minimum_count':
      return { kind, count: 5 };
    case 'none':
      return { kind };
  }
}

/** A positive whole number typed in a NumberInput, or null while the field is being edited. */
function wholeNumber(v: string | number): number | null {
  const n = typeof v === 'number' ? v : Number.parseInt(v, 10);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** The body's quorum rule, with the sentence the fact sheet and attendance screens will show. */
export function QuorumInput({ value, onChange, errors = {} }: QuorumInputProps) {
  const { t } = useTranslation();
  const lang = useLanguage();

  let details: ReactNode = null;
  if (value.kind === 'fraction') {
    details = (
      <Group gap="sm" align="flex-start" wrap="wrap">
        <NumberInput
          label={t('bodies.quorum.numerator')}
          min={1}
          max={99}
          allowDecimal={false}
          allowNegative={false}
          value={value.numerator}
          onChange={(v) => {
            const n = wholeNumber(v);
            if (n !== null) onChange({ ...value, numerator: n });
          }}
          error={errors.numerator}
          w={130}
        />
        <NumberInput
          label={t('bodies.quorum.denominator')}
          min={1}
          max={99}
          allowDecimal={false}
          allowNegative={false}
          value={value.denominator}
          onChange={(v) => {
            const n = wholeNumber(v);
            if (n !== null) onChange({ ...value, denominator: n });
          }}
          error={errors.denominator}
          w={130}
        />
        <Select
          label={t('bodies.quorum.of')}
          data={[
            { value: 'voting_seats', label: t('bodies.quorum.ofVoting') },
            { value: 'all_seats', label: t('bodies.quorum.ofAll') },
          ]}
          value={value.of}
          allowDeselect={false}
          onChange={(v) => onChange({ ...value, of: v === 'all_seats' ? 'all_seats' : 'voting_seats' })}
          w={260}
        />
      </Group>
    );
  } else if (value.kind === 'minimum_count') {
    details = (
      <NumberInput
        label={t('bodies.quorum.count')}
        min={1}
        max={9999}
        allowDecimal={false}
        allowNegative={false}
        value={value.count}
        onChange={(v) => {
          const n = wholeNumber(v);
          if (n !== null) onChange({ ...value, count: n });
        }}
        error={errors.count}
        w={260}
      />
    );
  }

  return (
    <Stack gap="xs">
      <Select
        label={t('bodies.quorum.label')}
        data={KINDS.map((k) => ({ value: k, label: t(`bodies.quorum.kind.${k}`) }))}
        value={value.kind}
        allowDeselect={false}
        onChange={(v) => {
          if (isKind(v) && v !== value.kind) onChange(defaultFor(v));
        }}
        error={errors.kind}
        w={300}
      />
      {details}
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('bodies.quorum.preview', { text: describeQuorumRule(value, lang) })}
      </Text>
    </Stack>
  );
}
