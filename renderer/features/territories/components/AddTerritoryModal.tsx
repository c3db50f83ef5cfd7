import { Button, Group, Modal, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CountryCode } from '../../../../shared/domain/vocabularies';
import { applyServerErrors, notifyError, notifySaved } from '../../../app/errors';
import { navigate } from '../../../app/navigation';
import { useRpcMutation } from '../../../app/rpc';
import { TerritoryPicker } from '../../../components/TerritoryPicker';

interface Values {
  parentId: string | null;
  name: string;
  pcode: string;
  aliases: string[];
}

const EMPTY: Values = { parentId: null, name: '', pcode: '', aliases: [] };

/** Adds a unit missing from the reference list (a new commune, a village a partner works in). */
export function AddTerritoryModal({
  countryCode,
  opened,
  onClose,
}: {
  countryCode: CountryCode;
  opened: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const create = useRpcMutation('territories.create');
  const form = useForm<Values>({
    initialValues: EMPTY,
    validate: { name: (v) => (v.trim() === '' ? t('errors.field.required') : null) },
  });

  function close() {
    form.reset();
    onClose();
  }

  async function submit(values: Values) {
    try {
      const created = await create.mutateAsync({ countryCode, ...values });
      notifySaved(t, t('territories.form.created'));
      close();
      navigate(`/territories/${created.id}`);
    } catch (error) {
      const fields = {
        setFieldError(path: string, message: string) {
          form.setFieldError(path.startsWith('aliases') ? 'aliases' : path, message);
        },
      };
      if (!applyServerErrors(fields, error, t)) notifyError(error, t);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={t('territories.form.addTitle')} size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <TerritoryPicker
            label={t('territories.form.parent')}
            description={t('territories.form.parentHint')}
            countryCode={countryCode}
            value={form.values.parentId}
            onChange={(v) => form.setFieldValue('parentId', v)}
            error={form.errors.parentId}
          />
          <TextInput
            label={t('territories.form.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('territories.form.pcode')}
            description={t('territories.form.pcodeHint')}
            {...form.getInputProps('pcode')}
          />
          <TagsInput
            label={t('territories.form.aliases')}
            description={t('territories.form.aliasesHint')}
            placeholder={t('territories.form.aliasesPlaceholder')}
            splitChars={[';']}
            {...form.getInputProps('aliases')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('territories.form.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('territories.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
