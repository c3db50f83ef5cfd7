import {
  Alert,
  Button,
  CloseButton,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../shared/rpc';
import { EmailDraftInputSchema, type ExportResult } from '../../../shared/rpc/documents';
import { applyServerErrors, errorMessage } from '../../app/errors';
import { call, useRpc } from '../../app/rpc';
import { openExportedFile } from './deliver';

type EmailContextInput = InputOf<'exports.emailProposal'>;
type ExportItemInput = InputOf<'exports.emailDraft'>['items'][number];
type Proposal = OutputOf<'exports.emailProposal'>;

/** A file to attach, with the words that name it ("Aide-mémoire — PDF"). */
export interface Attachment {
  item: ExportItemInput;
  label: string;
}

export interface EmailDraftModalProps {
  context: EmailContextInput;
  attachments: Attachment[];
  onClose: () => void;
}

interface RecipientValue {
  /** Local identity of the row (two invitees may share an organisation's address). */
  key: string;
  name: string;
  email: string;
  organisation: string | null;
}

interface EmailFormValues {
  recipients: RecipientValue[];
  subject: string;
  body: string;
}

// The contract's own rule for an address, so that the screen refuses exactly what the backend would.
const AddressSchema = EmailDraftInputSchema.shape.recipients.element.shape.email;

function RecipientRow({
  recipient,
  error,
  onRemove,
}: {
  recipient: RecipientValue;
  error: string | undefined;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const who = recipient.name || recipient.email;
  return (
    <li aria-label={who}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500}>
            {recipient.name ? `${recipient.name} <${recipient.email}>` : recipient.email}
          </Text>
          {recipient.organisation ? (
            <Text size="xs" c="dimmed">
              {recipient.organisation}
            </Text>
          ) : null}
          {error ? (
            <Text size="xs" c="red">
              {error}
            </Text>
          ) : null}
        </Stack>
        <CloseButton aria-label={t('documents.email.remove', { name: who })} onClick={onRemove} />
      </Group>
    </li>
  );
}

function EmailForm({
  context,
  attachments,
  proposal,
  onClose,
}: EmailDraftModalProps & { proposal: Proposal }) {
  const { t } = useTranslation();
  const form = useForm<EmailFormValues>({
    mode: 'controlled',
    initialValues: {
      recipients: proposal.recipients.map((r, index) => ({ ...r, key: `p${index}` })),
      subject: proposal.subject,
      body: proposal.body,
    },
  });
  const added = useRef(0);
  const [newName, setNewName] = useState('');
  const [newEmail, setNewEmail] = useState('');
  const [newError, setNewError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<ExportResult | null>(null);
  const recipients = form.values.recipients;

  const add = () => {
    const parsed = AddressSchema.safeParse(newEmail);
    if (!parsed.success) {
      setNewError(t(parsed.error.issues[0]?.message ?? 'errors.field.invalidEmail'));
      return;
    }
    const email = parsed.data;
    if (recipients.some((r) => r.email.toLowerCase() === email.toLowerCase())) {
      setNewError(t('documents.email.duplicate'));
      return;
    }
    form.insertListItem('recipients', {
      key: `a${added.current++}`,
      name: newName.trim(),
      email,
      organisation: null,
    });
    form.clearFieldError('recipients');
    setNewName('');
    setNewEmail('');
    setNewError(null);
  };

  const submit = form.onSubmit(async (values) => {
    setPending(true);
    setFailure(null);
    try {
      const result = await call('exports.emailDraft', {
        context,
        recipients: values.recipients.map((r) => ({ name: r.name, email: r.email })),
        subject: values.subject,
        body: values.body,
        items: attachments.map((a) => a.item),
      });
      const draft = result.files.find((f) => f.format === 'eml');
      if (draft) await openExportedFile(draft);
      setDone(result);
    } catch (error) {
      if (!applyServerErrors(form, error, t)) setFailure(errorMessage(error, t));
    } finally {
      setPending(false);
    }
  });

  if (done) {
    const draft = done.files.find((f) => f.format === 'eml');
    return (
      <Stack gap="sm">
        <Alert color="teal">{t('documents.email.done')}</Alert>
        {draft ? (
          <Text size="sm" c="dimmed">
            {t('documents.email.doneFile', { name: draft.fileName })}
          </Text>
        ) : null}
        {done.pdfMissingCharacters.length > 0 ? (
          <Alert color="yellow" title={t('documents.notify.missingCharactersTitle')}>
            {t('documents.notify.missingCharacters', { chars: done.pdfMissingCharacters.join(' ') })}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('documents.email.close')}</Button>
        </Group>
      </Stack>
    );
  }

  const recipientsError = form.errors.recipients;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={4}>{t('documents.email.recipients')}</Title>
            <Text size="sm" c="dimmed">
              {t('documents.email.recipientsCount', { count: recipients.length })}
            </Text>
          </Group>
          {recipients.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('documents.email.noRecipients')}
            </Text>
          ) : (
            <Paper withBorder p="xs" mah={260} style={{ overflowY: 'auto' }}>
              <ul
                aria-label={t('documents.email.recipients')}
                style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}
              >
                {recipients.map((recipient, index) => (
                  <RecipientRow
                    key={recipient.key}
                    recipient={recipient}
                    error={form.errors[`recipients.${index}.email`] as string | undefined}
                    onRemove={() => form.removeListItem('recipients', index)}
                  />
                ))}
              </ul>
            </Paper>
          )}
          {recipientsError ? (
            <Text size="sm" c="red" role="alert">
              {recipientsError}
            </Text>
          ) : null}
          {proposal.missing.length > 0 ? (
            <Alert color="yellow" p="xs">
              <Text size="sm">{t('documents.email.missing', { names: proposal.missing.join(', ') })}</Text>
              <Text size="xs" c="dimmed">
                {t('documents.email.missingHint')}
              </Text>
            </Alert>
          ) : null}
          <Paper withBorder p="xs">
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('documents.email.addTitle')}
              </Text>
              <Group gap="xs" align="flex-start" wrap="wrap">
                <TextInput
                  label={t('documents.email.name')}
                  value={newName}
                  maxLength={200}
                  onChange={(e) => setNewName(e.currentTarget.value)}
                  style={{ flex: '1 1 180px' }}
                />
                <TextInput
                  label={t('documents.email.address')}
                  type="email"
                  value={newEmail}
                  maxLength={200}
                  error={newError}
                  onChange={(e) => {
                    setNewEmail(e.currentTarget.value);
                    setNewError(null);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      add();
                    }
                  }}
                  style={{ flex: '1 1 220px' }}
                />
                <Button variant="light" mt={25} onClick={add} disabled={newEmail.trim() === ''}>
                  {t('documents.email.add')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stack>
        <TextInput
          label={t('documents.email.subject')}
          required
          maxLength={300}
          {...form.getInputProps('subject')}
        />
        <Textarea
          label={t('documents.email.body')}
          autosize
          minRows={6}
          maxRows={14}
          maxLength={20000}
          {...form.getInputProps('body')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('documents.email.attachments')}
          </Text>
          {attachments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('documents.email.noAttachments')}
            </Text>
          ) : (
            <List size="sm" aria-label={t('documents.email.attachments')}>
              {attachments.map((a) => (
                <List.Item key={a.label}>{a.label}</List.Item>
              ))}
            </List>
          )}
        </Stack>
        {failure ? <Alert color="red">{failure}</Alert> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('documents.email.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('documents.email.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Envoyer par courriel": the proposed recipients, subject and text (from the settings'
 * templates) to check and complete, then an .eml draft with the files attached, opened in the
 * mail client — which sends it when the connection allows.
 */
export function EmailDraftModal(props: EmailDraftModalProps) {
  const { t } = useTranslation();
  const proposal = useRpc('exports.emailProposal', props.context, { staleTime: 0, gcTime: 0 });
  return (
    <Modal opened onClose={props.onClose} title={t('documents.email.title')} size="lg">
      {proposal.isLoading ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('documents.email.loading')}</Text>
        </Group>
      ) : proposal.error || !proposal.data ? (
        <Alert color="red" title={t('documents.email.failed')}>
          {errorMessage(proposal.error, t)}
        </Alert>
      ) : (
        <EmailForm {...props} proposal={proposal.data} />
      )}
    </Modal>
  );
}
