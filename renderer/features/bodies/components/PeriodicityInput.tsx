import { Group, MultiSelect, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  describePeriodicity,
  type Periodicity,
  sessionsPerYear,
} from '../../../../shared/domain/periodicity';
import { useLanguage } from '../../../app/i18n';

export interface PeriodicityInputProps {
  value: Periodicity;
  onChange: (value: Periodicity) => void;
  error?: ReactNode;
}

type Kind = Periodicity['kind'];
const KINDS: readonly Kind[] = ['every_n_months', 'n_per_month', 'fixed_months', 'as_needed'];
/** Named cycles offered first; anything else is "every N months". */
const PRESETS = [1, 3, 6, 12] as const;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

function isKind(v: string | null): v is Kind {
  return v !== null && (KINDS as readonly string[]).includes(v);
}

/** A sensible first value when the secretary switches to another kind of periodicity. */
function defaultFor(kind: Kind): Periodicity {
  switch (kind) {
    case 'every_n_months':
      return { kind, months: 3, startMonth: 1 };
    case 'n_per_month':
      return { kind, count: 1 };
    case 'fixed_months':
      return { kind, months: [6, 12] };
    case 'as_needed':
      return { kind };
  }
}

/** How often a body is meant to meet, with the sentence the fact sheet will show. */
export function PeriodicityInput({ value, onChange, error }: PeriodicityInputProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const monthOptions = MONTHS.map((m) => ({ value: String(m), label: t(`bodies.months.m${m}`) }));

  let details: ReactNode = null;
  if (value.kind === 'every_n_months') {
    const preset = (PRESETS as readonly number[]).includes(value.months) ? String(value.months) : 'custom';
    details = (
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('bodies.periodicity.cycle')}
          data={[
            ...PRESETS.map((n) => ({ value: String(n), label: t(`bodies.periodicity.preset${n}`) })),
            { value: 'custom', label: t('bodies.periodicity.presetCustom') },
          ]}
          value={preset}
          allowDeselect={false}
          onChange={(v) => {
            if (!v) return;
            // "Autre" keeps the current number so the secretary only has to adjust it.
            const months = v === 'custom' ? value.months : Number(v);
            onChange({ ...value, months });
          }}
          w={260}
        />
        {preset === 'custom' ? (
          <NumberInput
            label={t('bodies.periodicity.months')}
            min={1}
            max={24}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            value={value.months}
            onChange={(v) => {
              const n = typeof v === 'number' ? v : Number.parseInt(v, 10);
              if (Number.isInteger(n) && n >= 1 && n <= 24) onChange({ ...value, months: n });
            }}
            w={160}
          />
        ) : null}
        {value.months > 1 ? (
          <Select
            label={t('bodies.periodicity.startMonth')}
            data={monthOptions}
            value={String(value.startMonth ?? 1)}
            allowDeselect={false}
            onChange={(v) => v && onChange({ ...value, startMonth: Number(v) })}
            w={180}
          />
        ) : null}
      </Group>
    );
  } else if (value.kind === 'n_per_month') {
    details = (
      <NumberInput
        label={t('bodies.periodicity.count')}
        min={1}
        max={4}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="strict"
        value={value.count}
        onChange={(v) => {
          const n = typeof v === 'number' ? v : Number.parseInt(v, 10);
          if (Number.isInteger(n) && n >= 1 && n <= 4) onChange({ ...value, count: n });
        }}
        w={220}
      />
    );
  } else if (value.kind === 'fixed_months') {
    details = (
      <MultiSelect
        label={t('bodies.periodicity.fixedMonths')}
        data={monthOptions}
        value={value.months.map(String)}
        onChange={(list) => {
          const months = list.map(Number).sort((a, b) => a - b);
          // At least one month: an empty list would mean "never", which is "as needed".
          if (months.length > 0) onChange({ ...value, months });
        }}
        w={420}
      />
    );
  }

  const perYear = sessionsPerYear(value);
  return (
    <Stack gap="xs">
      <Select
        label={t('bodies.periodicity.label')}
        data={KINDS.map((k) => ({ value: k, label: t(`bodies.periodicity.kind.${k}`) }))}
        value={value.kind}
        allowDeselect={false}
        onChange={(v) => {
          if (isKind(v) && v !== value.kind) onChange(defaultFor(v));
        }}
        error={error}
        w={300}
      />
      {details}
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('bodies.periodicity.preview', { text: describePeriodicity(value, lang) })}
        {perYear > 0 ? ` — ${t('bodies.periodicity.perYear', { count: perYear })}` : ''}
      </Text>
    </Stack>
  );
}

/** Errors under "periodicity.*" shown together under the periodicity field. */
export function periodicityError(errors: Record<string, ReactNode>): ReactNode {
  const found = Object.entries(errors).find(
    ([path]) => path === 'periodicity' || path.startsWith('periodicity.'),
  );
  return found?.[1] ?? null;
}
