import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Sex } from '../../../shared/domain/vocabularies';
import { applyServerErrors, notifyError, notifySaved } from '../../app/errors';
import { useRpcMutation } from '../../app/rpc';
import { OrganisationPicker } from '../../components/OrganisationPicker';
import { type EntryMode, orNull, SexField, validateWho, WhoFields } from './fields';

interface WalkInValues {
  mode: EntryMode;
  personId: string | null;
  name: string;
  function: string;
  organisationId: string | null;
  organisationLabel: string;
  sex: Sex | '';
  email: string;
  phone: string;
}

/**
 * Someone who came without being invited (common in workshops): a person of the directory, or
 * a name and a structure as written on the sheet, known organisation or free text.
 */
export function WalkInModal({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useRpcMutation('attendance.addWalkIn');
  const form = useForm<WalkInValues>({
    mode: 'controlled',
    initialValues: {
      mode: 'free',
      personId: null,
      name: '',
      function: '',
      organisationId: null,
      organisationLabel: '',
      sex: '',
      email: '',
      phone: '',
    },
    validate: (values) => validateWho(values, t),
  });
  const { values } = form;
  const byPerson = values.mode === 'person';

  const submit = form.onSubmit(async (v) => {
    const free = !byPerson;
    try {
      const record = await add.mutateAsync({
        meetingId,
        personId: byPerson ? v.personId : null,
        name: free ? orNull(v.name) : null,
        function: orNull(v.function),
        organisationId: v.organisationId,
        organisationLabel: v.organisationId ? null : orNull(v.organisationLabel),
        sex: free && v.sex !== '' ? v.sex : null,
        email: free ? orNull(v.email) : null,
        phone: free ? orNull(v.phone) : null,
      });
      notifySaved(
        t,
        t('attendance.walkInForm.added', { name: record.person?.label ?? record.name ?? v.name.trim() }),
      );
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('attendance.walkInForm.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <WhoFields form={form} />
          <TextInput
            label={t('attendance.common.function')}
            maxLength={300}
            {...form.getInputProps('function')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <OrganisationPicker
              label={t('attendance.common.organisation')}
              value={values.organisationId}
              onChange={(id) => {
                form.setFieldValue('organisationId', id);
                form.clearFieldError('organisationId');
              }}
              error={form.errors.organisationId}
            />
            <TextInput
              label={t('attendance.common.structure')}
              description={t('attendance.walkInForm.structureHint')}
              maxLength={300}
              disabled={!!values.organisationId}
              {...form.getInputProps('organisationLabel')}
            />
          </SimpleGrid>
          {byPerson ? null : (
            <>
              <SexField
                value={values.sex}
                onChange={(sex) => form.setFieldValue('sex', sex)}
                error={form.errors.sex}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('attendance.common.email')}
                  type="email"
                  maxLength={200}
                  {...form.getInputProps('email')}
                />
                <TextInput
                  label={t('attendance.common.phone')}
                  type="tel"
                  maxLength={60}
                  {...form.getInputProps('phone')}
                />
              </SimpleGrid>
            </>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={add.isPending}>
              {t('attendance.common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('attendance.walkInForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
