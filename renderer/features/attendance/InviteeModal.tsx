import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Sex } from '../../../shared/domain/vocabularies';
import { applyServerErrors, notifyError, notifySaved } from '../../app/errors';
import { useRpcMutation } from '../../app/rpc';
import { OrganisationPicker } from '../../components/OrganisationPicker';
import { type EntryMode, orNull, SexField, validateWho, WhoFields } from './fields';

interface InviteeFormValues {
  mode: EntryMode;
  personId: string | null;
  name: string;
  function: string;
  organisationId: string | null;
  email: string;
  sex: Sex | '';
}

/** Adds someone who does not hold a seat (a partner, a resource person) to the invitation list. */
export function InviteeModal({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useRpcMutation('invitees.addExtra');
  const form = useForm<InviteeFormValues>({
    mode: 'controlled',
    initialValues: {
      mode: 'free',
      personId: null,
      name: '',
      function: '',
      organisationId: null,
      email: '',
      sex: '',
    },
    validate: (values) => validateWho(values, t),
  });
  const { values } = form;
  const byPerson = values.mode === 'person';

  const submit = form.onSubmit(async (v) => {
    try {
      const invitee = await add.mutateAsync({
        meetingId,
        personId: byPerson ? v.personId : null,
        name: byPerson ? null : orNull(v.name),
        function: orNull(v.function),
        organisationId: v.organisationId,
        email: orNull(v.email),
        sex: byPerson || v.sex === '' ? null : v.sex,
      });
      notifySaved(t, t('attendance.inviteeForm.added', { name: invitee.name }));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('attendance.inviteeForm.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <WhoFields form={form} />
          <TextInput
            label={t('attendance.common.function')}
            maxLength={300}
            {...form.getInputProps('function')}
          />
          <OrganisationPicker
            label={t('attendance.common.organisation')}
            value={values.organisationId}
            onChange={(id) => {
              form.setFieldValue('organisationId', id);
              form.clearFieldError('organisationId');
            }}
            error={form.errors.organisationId}
          />
          {byPerson ? null : (
            <>
              <TextInput
                label={t('attendance.common.email')}
                type="email"
                maxLength={200}
                {...form.getInputProps('email')}
              />
              <SexField
                value={values.sex}
                onChange={(sex) => form.setFieldValue('sex', sex)}
                error={form.errors.sex}
              />
            </>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={add.isPending}>
              {t('attendance.common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('attendance.inviteeForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
