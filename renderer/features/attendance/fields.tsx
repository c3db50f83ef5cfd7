import { Input, SegmentedControl } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SEXES, type Sex } from '../../../shared/domain/vocabularies';

export function isSex(value: string): value is Sex {
  return (SEXES as readonly string[]).includes(value);
}

/** Femme / Homme / Non précisé: the share of women is only computed over known values. */
export function SexField({
  label,
  value,
  onChange,
  error,
}: {
  label?: ReactNode;
  value: Sex | '';
  onChange: (value: Sex | '') => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const text = label ?? t('attendance.common.sex');
  return (
    <Input.Wrapper label={text} error={error}>
      <div>
        <SegmentedControl
          aria-label={typeof text === 'string' ? text : t('attendance.common.sex')}
          value={value}
          onChange={(v) => onChange(isSex(v) ? v : '')}
          data={[
            { value: '', label: t('attendance.common.sexUnknown') },
            ...SEXES.map((s) => ({ value: s, label: t(`vocab.sex.${s}`) })),
          ]}
        />
      </div>
    </Input.Wrapper>
  );
}

export type EntryMode = 'person' | 'free';

/** Someone of the directory, or a name typed as it is written on the sheet. */
export function ModeField({ value, onChange }: { value: EntryMode; onChange: (mode: EntryMode) => void }) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={t('attendance.common.modeLabel')}>
      <div>
        <SegmentedControl
          aria-label={t('attendance.common.modeLabel')}
          value={value}
          onChange={(v) => onChange(v === 'person' ? 'person' : 'free')}
          data={[
            { value: 'free', label: t('attendance.common.modeFree') },
            { value: 'person', label: t('attendance.common.modePerson') },
          ]}
        />
      </div>
    </Input.Wrapper>
  );
}

/** Form values → contract input: empty text is "not given". */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}
