import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyDoc } from '../../../shared/domain/minutes';
import type { Language } from '../../../shared/domain/vocabularies';
import type { Minutes, MinutesSection, Recommendation } from '../../../shared/rpc/recommendations';
import { errorMessage, notifyError, notifySaved } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { Link } from '../../app/navigation';
import { call } from '../../app/rpc';
import { formatDateTime } from '../../components/format';
import { PersonPicker } from '../../components/PersonPicker';
import {
  type AutosaveState,
  contentOf,
  type LocalDraft,
  localDraftStore,
  type MinutesContent,
  minutesAutosave,
  sameContent,
  syncFromServer,
} from './autosave';
import { CreateRecommendationModal } from './CreateRecommendationModal';
import { minutesText } from './richText';
import { editorLabels, SectionEditor, type SectionHandlers } from './SectionEditor';

export interface MinutesEditorProps {
  meetingId: string;
  bodyId: string;
  /** The minutes as last fetched. */
  minutes: Minutes;
  /** Draft or review, and the meeting neither cancelled nor in the trash. */
  editable: boolean;
  /** Recommendations can be created from the text (the meeting is not in the trash). */
  canRecommend: boolean;
}

/** "14:32" in the laptop's local time. */
function clockOf(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** "Enregistré à 14:32", "Enregistrement…", "Hors ligne — nouvel essai dans 3 s"… */
function SaveIndicator({ state }: { state: AutosaveState }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [now, setNow] = useState(() => Date.now());
  const retryAt = state.kind === 'retrying' ? state.retryAt : null;
  useEffect(() => {
    if (retryAt === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [retryAt]);

  let text: string;
  let colour: string;
  switch (state.kind) {
    case 'saved':
      text = state.savedAt
        ? t('minutes.state.savedAt', { time: clockOf(state.savedAt, lang) })
        : t('minutes.state.saved');
      colour = 'teal';
      break;
    case 'dirty':
      text = t('minutes.state.dirty');
      colour = 'orange';
      break;
    case 'saving':
      text = t('minutes.state.saving');
      colour = 'dimmed';
      break;
    case 'retrying':
      text = t('minutes.state.retrying', { seconds: Math.max(1, Math.ceil((state.retryAt - now) / 1000)) });
      colour = 'red';
      break;
    case 'conflict':
      text = t('minutes.state.conflict');
      colour = 'red';
      break;
    case 'failed':
      text = t('minutes.state.failed');
      colour = 'red';
      break;
  }
  return (
    <Text size="sm" c={colour} role="status" aria-live="polite" fw={state.kind === 'saved' ? undefined : 500}>
      {text}
    </Text>
  );
}

/**
 * The text of the minutes: one rich-text editor per section, the rapporteur, and an autosave
 * that never loses what was typed (see autosave.ts): saved shortly after each pause and at least
 * every two seconds, again when the editor or the window is left, retried when the backend does
 * not answer, and mirrored locally so that even a crash of the window leaves a draft to recover.
 */
export function MinutesEditor({ meetingId, bodyId, minutes, editable, canRecommend }: MinutesEditorProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const client = useQueryClient();
  const controller = minutesAutosave(meetingId);
  const drafts = useMemo(() => localDraftStore(), []);

  // Before the first render: the editors are created from what the controller holds.
  const initialised = useRef(false);
  if (!initialised.current) {
    initialised.current = true;
    syncFromServer(controller, minutes);
  }
  // Fetched again later (a version restored, a group added from the other tab, another window).
  useEffect(() => {
    syncFromServer(controller, minutes);
  }, [controller, minutes]);

  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const content = snapshot.content;
  const state = snapshot.state;

  // Our own saves are put in the cache, so that a later visit starts from them.
  const savedAt = state.kind === 'saved' ? state.savedAt : null;
  useEffect(() => {
    if (savedAt === null) return;
    const key = ['minutes.get', { meetingId }];
    const current = controller.getSnapshot();
    const cached = client.getQueryData<Minutes | null>(key);
    if (!cached || !current.content || cached.revision >= current.revision) return;
    client.setQueryData<Minutes>(key, {
      ...cached,
      sections: current.content.sections,
      revision: current.revision,
      updatedAt: savedAt,
    });
  }, [savedAt, client, controller, meetingId]);

  // A draft left in this computer's storage that the backend never received (the window closed
  // or crashed before the last save): offered back, never applied silently.
  const [recovery, setRecovery] = useState<LocalDraft | null>(null);
  const lookForDraft = useCallback(() => {
    const draft = drafts?.read(meetingId) ?? null;
    const current = controller.getSnapshot().content;
    if (!draft || !current || controller.isDirty || controller.isBusy) {
      setRecovery(null);
      return;
    }
    if (sameContent(draft, current)) {
      drafts?.remove(meetingId);
      setRecovery(null);
      return;
    }
    setRecovery(draft);
  }, [drafts, meetingId, controller]);
  useEffect(() => {
    lookForDraft();
  }, [lookForDraft]);

  const change = useCallback(
    (fn: (c: MinutesContent) => MinutesContent) => {
      const current = controller.getSnapshot().content;
      if (current) controller.update(fn(current));
    },
    [controller],
  );

  const [recommending, setRecommending] = useState<{ section: MinutesSection; text: string } | null>(null);
  const [created, setCreated] = useState<Recommendation[]>([]);

  const handlers = useMemo<SectionHandlers>(
    () => ({
      content: (id, doc) =>
        change((c) => ({
          ...c,
          sections: c.sections.map((s) => (s.id === id ? { ...s, content: doc } : s)),
        })),
      title: (id, title) =>
        change((c) => ({ ...c, sections: c.sections.map((s) => (s.id === id ? { ...s, title } : s)) })),
      remove: (id) => change((c) => ({ ...c, sections: c.sections.filter((s) => s.id !== id) })),
      blur: () => void controller.flush(),
      recommend: (section, text) => setRecommending({ section, text }),
    }),
    [change, controller],
  );

  // Leaving: the tab, the page, the window. Saves are best effort when the window closes; the
  // local draft is written synchronously and covers the rest.
  useEffect(() => {
    const flush = () => void controller.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [controller]);

  const labels = useMemo(() => editorLabels(t), [t]);

  const addSection = () => {
    change((c) => ({
      ...c,
      sections: [
        ...c.sections,
        {
          id: globalThis.crypto.randomUUID(),
          kind: 'custom',
          agendaEntryId: null,
          title: t('minutes.section.newTitle'),
          responsible: null,
          content: emptyDoc(),
        },
      ],
    }));
  };

  const reload = async () => {
    try {
      const fresh = await call('minutes.get', { meetingId });
      if (!fresh) return;
      client.setQueryData(['minutes.get', { meetingId }], fresh);
      controller.load(contentOf(fresh), fresh.revision, fresh.updatedAt);
      // What could not be saved stays in the local draft: offered back right away.
      lookForDraft();
    } catch (error) {
      notifyError(error, t);
    }
  };

  const copyText = async (sections: readonly MinutesSection[]) => {
    try {
      await navigator.clipboard.writeText(minutesText(sections));
      notifySaved(t, t('minutes.copied'));
    } catch (error) {
      notifyError(error, t);
    }
  };

  const recover = () => {
    if (!recovery) return;
    const current = controller.getSnapshot();
    const restored: MinutesContent = {
      sections: recovery.sections,
      rapporteurPersonId: recovery.rapporteurPersonId,
    };
    // Shown in fresh editors, then saved on top of the current revision.
    controller.load(restored, current.revision, null);
    controller.update(restored);
    setRecovery(null);
  };

  const discard = () => {
    drafts?.remove(meetingId);
    setRecovery(null);
  };

  if (!content) return null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div style={{ minWidth: 280, maxWidth: 420, flex: 1 }}>
          <PersonPicker
            label={t('minutes.rapporteur')}
            value={content.rapporteurPersonId}
            onChange={(id) => {
              change((c) => ({ ...c, rapporteurPersonId: id }));
              void controller.flush();
            }}
            disabled={!editable}
          />
        </div>
        {editable || state.kind !== 'saved' ? <SaveIndicator state={state} /> : null}
      </Group>

      {recovery && editable ? (
        <Alert color="orange" title={t('minutes.recovery.title')}>
          <Stack gap="xs">
            <Text size="sm">
              {t('minutes.recovery.text', { date: formatDateTime(recovery.writtenAt, lang) })}
            </Text>
            {recovery.baseRevision < snapshot.revision ? (
              <Text size="sm" fw={500}>
                {t('minutes.recovery.older')}
              </Text>
            ) : null}
            <Group gap="xs">
              <Button size="xs" onClick={recover}>
                {t('minutes.recovery.recover')}
              </Button>
              <Button size="xs" variant="default" onClick={() => void copyText(recovery.sections)}>
                {t('minutes.copyText')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={discard}>
                {t('minutes.recovery.discard')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      {state.kind === 'conflict' ? (
        <Alert color="red" title={t('minutes.conflict.title')}>
          <Stack gap="xs">
            <Text size="sm">{t('minutes.conflict.text')}</Text>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => void copyText(content.sections)}>
                {t('minutes.copyText')}
              </Button>
              <Button size="xs" color="red" onClick={() => void reload()}>
                {t('minutes.conflict.reload')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      {state.kind === 'failed' ? (
        <Alert color="red" title={t('minutes.failed.title')}>
          <Text size="sm">{errorMessage(state.error, t)}</Text>
          <Text size="sm">{t('minutes.failed.text')}</Text>
        </Alert>
      ) : null}

      {content.sections.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('minutes.noSections')}
        </Text>
      ) : null}

      {content.sections.map((section, index) => (
        <SectionEditor
          key={`${snapshot.loadCount}:${section.id}`}
          section={section}
          index={index}
          editable={editable}
          canRecommend={canRecommend}
          labels={labels}
          handlers={handlers}
        />
      ))}

      {editable ? (
        <Group>
          <Button variant="light" onClick={addSection}>
            {t('minutes.section.add')}
          </Button>
        </Group>
      ) : null}

      {created.length > 0 ? (
        <Stack gap="xs">
          <Title order={5}>{t('minutes.recommend.createdHere')}</Title>
          <List size="sm" spacing={4}>
            {created.map((r) => (
              <List.Item key={r.id}>
                <Link to={`/recommendations/${r.id}`} fw={600}>
                  {r.reference}
                </Link>{' '}
                — {r.text}
              </List.Item>
            ))}
          </List>
          <Link to="/recommendations" size="sm">
            {t('minutes.recommend.register')}
          </Link>
        </Stack>
      ) : null}

      <CreateRecommendationModal
        opened={recommending !== null}
        onClose={() => setRecommending(null)}
        bodyId={bodyId}
        meetingId={meetingId}
        agendaEntryId={recommending?.section.agendaEntryId ?? null}
        initialText={recommending?.text ?? ''}
        onCreated={(r) => setCreated((list) => [...list, r])}
      />
    </Stack>
  );
}
