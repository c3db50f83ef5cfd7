import { Input, SegmentedControl, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SEXES, type Sex } from '../../../shared/domain/vocabularies';
import { PersonPicker } from '../../components/PersonPicker';

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

/** The part of an invitee's or a walk-in's form that says who they are. */
export interface WhoValues {
  mode: EntryMode;
  personId: string | null;
  name: string;
}

/** Whoever the mode asks for is required: the person of the directory, or the typed name. */
export function validateWho(values: WhoValues, t: TFunction): Record<string, string> {
  if (values.mode === 'person' && !values.personId) return { personId: t('errors.field.required') };
  if (values.mode === 'free' && !values.name.trim()) return { name: t('errors.field.required') };
  return {};
}

type WhoForm = Pick<
  UseFormReturnType<WhoValues>,
  'values' | 'errors' | 'setFieldValue' | 'clearErrors' | 'clearFieldError' | 'getInputProps'
>;

/** The mode switch, then the person picker (with its hint) or the name as written on the sheet. */
export function WhoFields({ form }: { form: WhoForm }) {
  const { t } = useTranslation();
  return (
    <>
      <ModeField
        value={form.values.mode}
        onChange={(mode) => {
          form.setFieldValue('mode', mode);
          form.clearErrors();
        }}
      />
      {form.values.mode === 'person' ? (
        <>
          <PersonPicker
            label={t('attendance.common.person')}
            value={form.values.personId}
            onChange={(id) => {
              form.setFieldValue('personId', id);
              form.clearFieldError('personId');
            }}
            error={form.errors.personId}
            required
          />
          <Text size="xs" c="dimmed">
            {t('attendance.common.personHint')}
          </Text>
        </>
      ) : (
        <TextInput
          label={t('attendance.common.name')}
          required
          maxLength={200}
          data-autofocus
          {...form.getInputProps('name')}
        />
      )}
    </>
  );
}

/** Form values → contract input: empty text is "not given". */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}
