import { Alert, Badge, Button, Drawer, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sanitizeDoc } from '../../../shared/domain/minutes';
import type { OutputOf } from '../../../shared/rpc';
import type { Minutes, MinutesSection } from '../../../shared/rpc/recommendations';
import { errorMessage, notifySaved } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { useRpc, useRpcMutation } from '../../app/rpc';
import { ConfirmAction } from '../../components/ConfirmAction';
import { formatDateTime } from '../../components/format';
import { flushMinutes } from './autosave';
import { minutesExtensions } from './richText';

type Version = OutputOf<'minutes.versions'>[number];

export interface VersionsDrawerProps {
  meetingId: string;
  opened: boolean;
  onClose: () => void;
  /** Restoring is offered only while the minutes can be edited. */
  canRestore: boolean;
  /** The minutes as restored (the editor starts again from them). */
  onRestored: (minutes: Minutes) => void;
}

/** One section of an old version, shown as it was, in an editor that cannot be typed into. */
function ReadOnlySection({ section }: { section: MinutesSection }) {
  const [extensions] = useState(minutesExtensions);
  const [content] = useState(() => sanitizeDoc(section.content));
  const editor = useEditor({ extensions, content, editable: false });
  return (
    <Stack gap={4}>
      <Title order={5}>{section.title}</Title>
      {section.responsible ? (
        <Text size="xs" c="dimmed">
          {section.responsible}
        </Text>
      ) : null}
      <RichTextEditor editor={editor} variant="subtle">
        <RichTextEditor.Content />
      </RichTextEditor>
    </Stack>
  );
}

function VersionView({
  version,
  canRestore,
  onBack,
  onRestored,
  meetingId,
}: {
  version: Version;
  canRestore: boolean;
  onBack: () => void;
  onRestored: (minutes: Minutes) => void;
  meetingId: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const detail = useRpc('minutes.version', { id: version.id });
  const restore = useRpcMutation('minutes.restoreVersion');
  const when = formatDateTime(version.savedAt, lang);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Button variant="default" size="xs" onClick={onBack}>
          {t('minutes.versions.back')}
        </Button>
        {canRestore ? (
          <ConfirmAction
            label={t('minutes.versions.restore')}
            title={t('minutes.versions.restoreTitle')}
            message={t('minutes.versions.restoreMessage', { date: when })}
            color="orange"
            size="xs"
            onConfirm={async () => {
              // What is being typed is saved first: it stays one version away after the restore.
              await flushMinutes(meetingId);
              const restored = await restore.mutateAsync({ id: version.id });
              notifySaved(t, t('minutes.versions.restored', { date: when }));
              onRestored(restored);
            }}
          />
        ) : null}
      </Group>
      <Text size="sm" fw={500}>
        {t('minutes.versions.viewing', { date: when, actor: version.actor })}
      </Text>
      {detail.isLoading ? <Loader size="sm" aria-label={t('minutes.loading')} /> : null}
      {detail.error ? <Alert color="red">{errorMessage(detail.error, t)}</Alert> : null}
      {detail.data ? (
        <Paper withBorder p="sm">
          <Stack gap="md">
            {detail.data.sections.map((section) => (
              <ReadOnlySection key={section.id} section={section} />
            ))}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}

/**
 * Every kept version of the minutes (the last autosaves, one per hour over the last day, one per
 * day before, and every validated or adopted text), newest first; each can be read and restored.
 */
export function VersionsDrawer({ meetingId, opened, onClose, canRestore, onRestored }: VersionsDrawerProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const versions = useRpc('minutes.versions', { meetingId }, { enabled: opened });
  const [viewing, setViewing] = useState<Version | null>(null);

  const close = () => {
    setViewing(null);
    onClose();
  };

  return (
    <Drawer opened={opened} onClose={close} title={t('minutes.versions.title')} position="right" size="xl">
      {viewing ? (
        <VersionView
          version={viewing}
          canRestore={canRestore}
          onBack={() => setViewing(null)}
          meetingId={meetingId}
          onRestored={(minutes) => {
            setViewing(null);
            onRestored(minutes);
            onClose();
          }}
        />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('minutes.versions.intro')}
          </Text>
          {versions.isLoading ? <Loader size="sm" aria-label={t('minutes.loading')} /> : null}
          {versions.error ? <Alert color="red">{errorMessage(versions.error, t)}</Alert> : null}
          {versions.data && versions.data.length === 0 ? (
            <Text size="sm">{t('minutes.versions.none')}</Text>
          ) : null}
          {versions.data && versions.data.length > 0 ? (
            <Table striped verticalSpacing={4} aria-label={t('minutes.versions.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('minutes.versions.when')}</Table.Th>
                  <Table.Th>{t('minutes.versions.kind')}</Table.Th>
                  <Table.Th>{t('minutes.versions.actor')}</Table.Th>
                  <Table.Th ta="right">{t('minutes.versions.length')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.data.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{formatDateTime(v.savedAt, lang)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm">{t(`minutes.versions.kinds.${v.kind}`)}</Text>
                        {v.kind === 'status' ? (
                          <Badge size="xs" variant="light">
                            {t(`vocab.minutesStatus.${v.status}`)}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{v.actor}</Table.Td>
                    <Table.Td ta="right">
                      {t('minutes.versions.characters', {
                        count: v.length,
                        formatted: new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR').format(v.length),
                      })}
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="light" onClick={() => setViewing(v)}>
                        {t('minutes.versions.view')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
      )}
    </Drawer>
  );
}
