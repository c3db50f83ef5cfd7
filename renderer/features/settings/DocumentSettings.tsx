import {
  Alert,
  Button,
  Fieldset,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formatDateFr } from '../../../shared/domain/dates';
import { MAX_LOGO_BYTES } from '../../../shared/rpc/documents';
import {
  EMAIL_TEMPLATE_KEYS,
  type EmailTemplates,
  EmailTemplatesSchema,
  type Settings,
  SignatureSchema,
} from '../../../shared/rpc/system';
import { applyServerErrors, errorMessage, notifyError, notifySaved } from '../../app/errors';
import { useRpc, useRpcMutation } from '../../app/rpc';
import { ConfirmAction } from '../../components/ConfirmAction';
import { fileToBase64 } from '../attendance/base64';
import { schemaErrors } from '../bodies/components/formErrors';

// What the documents carry besides the heading: the logo, the signature block, and the texts of
// the email drafts. Each part saves on its own, so a refused image never blocks the signature.

/** Placeholders the email templates understand, in the order they are explained. */
const PLACEHOLDERS = ['ORGANE', 'SIGLE', 'SESSION', 'DATE', 'LIEU', 'SIGNATAIRE'] as const;

// ── Logo ───────────────────────────────────────────────────────────────────

function LogoSection() {
  const { t } = useTranslation();
  const logo = useRpc('settings.logo', {});
  const setLogo = useRpcMutation('settings.setLogo');
  const clearLogo = useRpcMutation('settings.clearLogo');
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const errorId = useId();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Cleared at once so that choosing the same file again (after fixing it) fires a change.
    event.currentTarget.value = '';
    if (!file) return;
    // The backend refuses it anyway; checking here spares reading megabytes across the bridge.
    if (file.size > MAX_LOGO_BYTES) {
      setError(t('errors.field.logoTooLarge'));
      return;
    }
    setReading(true);
    try {
      const data = await fileToBase64(file);
      await setLogo.mutateAsync({ data });
      setError(null);
      notifySaved(t, t('settings.logo.saved'));
    } catch (failure) {
      // Whether the bytes are really a PNG or a JPEG is the backend's call: show its words.
      setError(errorMessage(failure, t));
    } finally {
      setReading(false);
    }
  };

  const current = logo.data ?? null;

  return (
    <Stack gap="sm">
      <Title order={3}>{t('settings.logo.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('settings.logo.hint')}
      </Text>
      {logo.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {logo.isError ? <Alert color="red">{errorMessage(logo.error, t)}</Alert> : null}
      {logo.isSuccess ? (
        current ? (
          <Group gap="md" align="center">
            <Paper withBorder p="xs" bg="white">
              <img
                src={`data:${current.mime};base64,${current.data}`}
                alt={t('settings.logo.current')}
                style={{ display: 'block', maxHeight: 96, maxWidth: 240, objectFit: 'contain' }}
              />
            </Paper>
            <Text size="xs" c="dimmed">
              {t('settings.logo.size', { width: current.width, height: current.height })}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('settings.logo.none')}
          </Text>
        )
      ) : null}
      <Stack gap={4}>
        <Group gap="sm">
          <Button variant="light" onClick={() => input.current?.click()} loading={reading}>
            {t('settings.logo.choose')}
          </Button>
          {current ? (
            <ConfirmAction
              label={t('settings.logo.remove')}
              title={t('settings.logo.removeTitle')}
              message={t('settings.logo.removeMessage')}
              onConfirm={async () => {
                await clearLogo.mutateAsync({});
                setError(null);
                notifySaved(t, t('settings.logo.removed'));
              }}
            />
          ) : null}
        </Group>
        <VisuallyHidden>
          <input
            ref={input}
            type="file"
            accept=".png,.jpg,.jpeg,image/png,image/jpeg"
            aria-label={t('settings.logo.fileLabel')}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            tabIndex={-1}
            onChange={(event) => void onFile(event)}
          />
        </VisuallyHidden>
        {error ? (
          <Text size="sm" c="red" id={errorId} role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Stack>
  );
}

// ── Signature ──────────────────────────────────────────────────────────────

interface SignatureValues {
  signature: { place: string; title: string; name: string };
}

function signatureValues(settings: Settings): SignatureValues {
  const s = settings.signature;
  return { signature: { place: s.place ?? '', title: s.title ?? '', name: s.name ?? '' } };
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The block as the documents print it. Documents are written in French whatever the interface
 * language, so this sample is French too (same wording as the backend's doneAt).
 */
function SignaturePreview({ signature }: SignatureValues) {
  const { t } = useTranslation();
  const place = signature.place.trim();
  return (
    <Paper withBorder p="md" bg="white" aria-label={t('settings.signature.preview')}>
      <Stack gap={2} align="flex-end" ta="center">
        <Text size="xs">{`Fait ${place ? `à ${place}, ` : ''}le ${formatDateFr(localToday())}`}</Text>
        {signature.title.trim() ? (
          <Text size="xs" fw={700}>
            {signature.title.trim()}
          </Text>
        ) : null}
        {signature.name.trim() ? (
          <Text size="xs" fw={700} td="underline" mt="lg">
            {signature.name.trim()}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function SignatureForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { form, submit, saving } = useSettingsPartForm(
    'signature',
    settings,
    signatureValues,
    SignatureSchema,
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3}>{t('settings.signature.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('settings.signature.hint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('settings.signature.place')}
            placeholder={t('settings.signature.placeExample')}
            {...form.getInputProps('signature.place')}
          />
          <TextInput
            label={t('settings.signature.signerTitle')}
            placeholder={t('settings.signature.signerTitleExample')}
            {...form.getInputProps('signature.title')}
          />
          <TextInput
            label={t('settings.signature.name')}
            placeholder={t('settings.signature.nameExample')}
            {...form.getInputProps('signature.name')}
          />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          {t('settings.signature.preview')}
        </Text>
        <SignaturePreview signature={form.values.signature} />
        <Group>
          <Button type="submit" loading={saving} disabled={!form.isDirty()}>
            {t('settings.signature.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// ── Email templates ────────────────────────────────────────────────────────

interface TemplateValues {
  emailTemplates: EmailTemplates;
}

function templateValues(settings: Settings): TemplateValues {
  const e = settings.emailTemplates;
  return {
    emailTemplates: {
      meeting: { ...e.meeting },
      body: { ...e.body },
      followUp: { ...e.followUp },
    },
  };
}

function PlaceholderList() {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="email-placeholders">
        {t('settings.emailTemplates.placeholders')}
      </Text>
      <Table withTableBorder={false} verticalSpacing={2} aria-labelledby="email-placeholders" maw={520}>
        <Table.Tbody>
          {PLACEHOLDERS.map((p) => (
            <Table.Tr key={p}>
              <Table.Td w={140}>
                <Text size="sm" ff="monospace">{`{${p}}`}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`settings.emailTemplates.placeholder.${p}`)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function EmailTemplatesForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { form, submit, saving } = useSettingsPartForm(
    'emailTemplates',
    settings,
    templateValues,
    EmailTemplatesSchema,
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3}>{t('settings.emailTemplates.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('settings.emailTemplates.hint')}
        </Text>
        <PlaceholderList />
        {EMAIL_TEMPLATE_KEYS.map((key) => (
          <Fieldset key={key} legend={t(`settings.emailTemplates.kind.${key}`)}>
            <Stack gap="sm">
              <Text size="xs" c="dimmed">
                {t(`settings.emailTemplates.kindHint.${key}`)}
              </Text>
              <TextInput
                label={t('settings.emailTemplates.subject')}
                required
                {...form.getInputProps(`emailTemplates.${key}.subject`)}
              />
              <Textarea
                label={t('settings.emailTemplates.body')}
                autosize
                minRows={4}
                maxRows={14}
                {...form.getInputProps(`emailTemplates.${key}.body`)}
              />
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button type="submit" loading={saving} disabled={!form.isDirty()}>
            {t('settings.emailTemplates.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A form over one part of the settings (the signature, the email templates), saved alone:
 * checked by the part's schema, refilled from what the backend saved, and the backend's field
 * errors shown next to their fields.
 */
function useSettingsPartForm<K extends 'signature' | 'emailTemplates', V extends Record<K, unknown>>(
  part: K,
  settings: Settings,
  toValues: (settings: Settings) => V,
  schema: z.ZodType,
) {
  const { t } = useTranslation();
  const update = useRpcMutation('settings.update');
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: toValues(settings),
    validate: (values) => prefixed(part, schemaErrors(schema, values[part], t)),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({ [part]: values[part] });
      form.setInitialValues(toValues(saved));
      form.setValues(toValues(saved));
      notifySaved(t);
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });
  return { form, submit, saving: update.isPending };
}

/** Errors of a sub-object, keyed as the form names its fields ('emailTemplates.meeting.subject'). */
function prefixed(prefix: string, errors: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (typeof message === 'string') out[path ? `${prefix}.${path}` : prefix] = message;
  }
  return out;
}

/**
 * Logo, signature block and email templates: what documents and email drafts take from the
 * settings besides the heading. Mounted in the settings page.
 */
export function DocumentSettings() {
  const { t } = useTranslation();
  const settings = useRpc('settings.get', {});

  // The forms are keyed on nothing that changes while typing: they take the saved values once,
  // and a later refresh (another save on the page) must not overwrite what is being typed.
  const [snapshot, setSnapshot] = useState<Settings | null>(null);
  useEffect(() => {
    if (settings.data && !snapshot) setSnapshot(settings.data);
  }, [settings.data, snapshot]);

  return (
    <Stack gap="xl">
      <LogoSection />
      {settings.isError ? <Alert color="red">{errorMessage(settings.error, t)}</Alert> : null}
      {snapshot ? (
        <>
          <SignatureForm settings={snapshot} />
          <EmailTemplatesForm settings={snapshot} />
        </>
      ) : settings.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : null}
    </Stack>
  );
}
