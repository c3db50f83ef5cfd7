import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/rpc';
import { useAutosave } from '../../app/autosave';
import { errorMessage, notifyError, notifySaved } from '../../app/errors';
import { call, RpcError, useRpc } from '../../app/rpc';
import { ConfirmAction } from '../../components/ConfirmAction';
import { EmptyState } from '../../components/EmptyState';
import { existingAutosave, flushMinutes } from './autosave';
import { CreateRecommendationModal } from './CreateRecommendationModal';
import { type GroupSectionLabels, linesOf, workingGroupSection } from './richText';

type StoredGroup = OutputOf<'workingGroups.list'>[number];
type SaveState = 'saved' | 'dirty' | 'saving' | 'failed' | 'incomplete';

/** Wait before saving after the last change, as the agenda does. */
const AUTOSAVE_DELAY_MS = 1000;

/** Saves still running per meeting: a tab shown again starts from what they wrote. */
const inflight = new Map<string, Promise<unknown>>();

interface DraftGroup {
  /** Stable while on screen (React key), even before the backend gives an id. */
  key: string;
  id: string | null;
  theme: string;
  facilitator: string;
  coFacilitator: string;
  rapporteur: string;
  keyPoints: string;
  recommendations: string;
  plenaryAdditions: string;
}

type TextField = Exclude<keyof DraftGroup, 'key' | 'id'>;

const STATE_COLOUR: Record<SaveState, string> = {
  saved: 'teal',
  dirty: 'orange',
  saving: 'dimmed',
  failed: 'red',
  incomplete: 'orange',
};

function newKey(): string {
  return globalThis.crypto.randomUUID();
}

function fromStored(g: StoredGroup, key?: string): DraftGroup {
  return {
    key: key ?? newKey(),
    id: g.id,
    theme: g.theme,
    facilitator: g.facilitator ?? '',
    coFacilitator: g.coFacilitator ?? '',
    rapporteur: g.rapporteur ?? '',
    keyPoints: g.keyPoints,
    recommendations: g.recommendations,
    plenaryAdditions: g.plenaryAdditions,
  };
}

function blankGroup(): DraftGroup {
  return {
    key: newKey(),
    id: null,
    theme: '',
    facilitator: '',
    coFacilitator: '',
    rapporteur: '',
    keyPoints: '',
    recommendations: '',
    plenaryAdditions: '',
  };
}

function toInput(g: DraftGroup) {
  return {
    ...(g.id ? { id: g.id } : {}),
    theme: g.theme,
    facilitator: g.facilitator,
    coFacilitator: g.coFacilitator,
    rapporteur: g.rapporteur,
    keyPoints: g.keyPoints,
    recommendations: g.recommendations,
    plenaryAdditions: g.plenaryAdditions,
  };
}

/** Whether the draft says what is stored (spaces trimmed by the backend aside). */
function sameGroups(draft: readonly DraftGroup[], stored: readonly StoredGroup[]): boolean {
  const norm = (g: DraftGroup) => [
    g.id,
    g.theme.trim().replace(/\s+/g, ' '),
    g.facilitator.trim(),
    g.coFacilitator.trim(),
    g.rapporteur.trim(),
    g.keyPoints,
    g.recommendations,
    g.plenaryAdditions,
  ];
  return JSON.stringify(draft.map(norm)) === JSON.stringify(stored.map((g) => norm(fromStored(g))));
}

/** The stored tables missing from the draft, put back at their stored place. */
function restoreRemoved(draft: readonly DraftGroup[], stored: readonly StoredGroup[]): DraftGroup[] {
  const present = new Set(draft.map((g) => g.id));
  const next = [...draft];
  for (const [index, group] of stored.entries()) {
    if (!present.has(group.id)) next.splice(Math.min(index, next.length), 0, fromStored(group));
  }
  return next;
}

/**
 * The tables of a workshop: theme, facilitator, co-facilitator and rapporteur, then what each
 * table brought back (key points, recommendations, what the plenary added). Saved on its own a
 * second after the last change. Each table can be added to the minutes as a section, and each
 * line of its recommendations can become a recommendation of the register.
 */
export function WorkingGroupsTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const meetingQuery = useRpc('meetings.get', { id: meetingId });
  const groupsQuery = useRpc('workingGroups.list', { meetingId });

  const [draft, setDraft] = useState<DraftGroup[] | null>(null);
  const draftRef = useRef<DraftGroup[] | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [pendingTick, setPendingTick] = useState(0);
  const [recommending, setRecommending] = useState<{ groupId: string; text: string } | null>(null);
  const [appending, setAppending] = useState<string | null>(null);
  const versionRef = useRef(0);
  const savedVersionRef = useRef(0);
  const listKey = useMemo(() => ['workingGroups.list', { meetingId }] as const, [meetingId]);

  const meeting = meetingQuery.data;
  const readOnly = !meeting || meeting.deletedAt !== null;

  const reset = useCallback((stored: readonly StoredGroup[]) => {
    const keys = new Map((draftRef.current ?? []).flatMap((g) => (g.id ? [[g.id, g.key] as const] : [])));
    const groups = stored.map((g) => fromStored(g, keys.get(g.id)));
    draftRef.current = groups;
    setDraft(groups);
    versionRef.current += 1;
    savedVersionRef.current = versionRef.current;
    setSaveState('saved');
    setSaveError(null);
  }, []);

  // The stored tables replace the draft only when nothing waits to be saved and they differ
  // (another window changed them); our own saves come back identical and are left alone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pendingTick re-runs it once a save has landed
  useEffect(() => {
    if (!groupsQuery.data) return;
    const current = draftRef.current;
    if (current !== null && versionRef.current !== savedVersionRef.current) return;
    const pending = inflight.get(meetingId);
    if (pending) {
      void pending.finally(() => setPendingTick((n) => n + 1));
      return;
    }
    if (current !== null && sameGroups(current, groupsQuery.data)) return;
    reset(groupsQuery.data);
  }, [groupsQuery.data, meetingId, reset, pendingTick]);

  const change = useCallback((fn: (prev: DraftGroup[]) => DraftGroup[]) => {
    const prev = draftRef.current;
    if (!prev) return;
    const next = fn(prev);
    draftRef.current = next;
    setDraft(next);
    versionRef.current += 1;
    setSaveState('dirty');
  }, []);

  const saveNow = useCallback(
    async (explicit: boolean): Promise<boolean> => {
      const current = draftRef.current;
      if (!current) return true;
      const version = versionRef.current;
      if (version === savedVersionRef.current && !explicit) return true;
      if (current.some((g) => g.theme.trim() === '')) {
        setSaveState('incomplete');
        return false;
      }
      setSaveState('saving');
      const request = call('workingGroups.save', { meetingId, groups: current.map(toInput) });
      inflight.set(meetingId, request);
      try {
        const saved = await request;
        // The backend keeps the order it was given: ids follow by position, so that later saves
        // update the same tables (recommendations point at them) instead of recreating them.
        if (saved.length === current.length && draftRef.current) {
          const ids = new Map(current.map((g, i) => [g.key, saved[i]?.id ?? g.id]));
          const withIds = draftRef.current.map((g) => {
            const id = ids.get(g.key);
            return id && id !== g.id ? { ...g, id } : g;
          });
          draftRef.current = withIds;
          setDraft(withIds);
        }
        client.setQueryData(listKey, saved);
        savedVersionRef.current = Math.max(savedVersionRef.current, version);
        setSaveError(null);
        setSaveState(versionRef.current === savedVersionRef.current ? 'saved' : 'dirty');
        return true;
      } catch (error) {
        if (error instanceof RpcError && error.code === 'CONFLICT') {
          // A table recommendations came from cannot be removed: it is put back where it was,
          // and the other changes of this save go again without it.
          notifyError(error, t);
          try {
            const stored = await call('workingGroups.list', { meetingId });
            change((prev) => restoreRemoved(prev, stored));
            setSaveError(null);
          } catch {
            setSaveError(errorMessage(error, t));
            setSaveState('failed');
          }
          return false;
        }
        setSaveError(errorMessage(error, t));
        setSaveState(versionRef.current === version ? 'failed' : 'dirty');
        if (explicit) notifyError(error, t);
        return false;
      } finally {
        if (inflight.get(meetingId) === request) inflight.delete(meetingId);
      }
    },
    [meetingId, client, listKey, t, change],
  );

  const { save } = useAutosave({
    saveNow,
    dirty: saveState === 'dirty',
    trigger: draft,
    enabled: !readOnly,
    delayMs: AUTOSAVE_DELAY_MS,
    hasUnsaved: () => versionRef.current !== savedVersionRef.current,
  });

  const sectionLabels = (theme: string): GroupSectionLabels => ({
    title: t('minutes.groups.sectionTitle', { theme: theme.trim() }),
    facilitator: t('minutes.groups.facilitator'),
    coFacilitator: t('minutes.groups.coFacilitator'),
    rapporteur: t('minutes.groups.rapporteur'),
    keyPoints: t('minutes.groups.keyPoints'),
    recommendations: t('minutes.groups.recommendations'),
    plenaryAdditions: t('minutes.groups.plenaryAdditions'),
  });

  /**
   * Appends the table to the minutes as a section. The minutes editor of this window saves what
   * it holds first; the section is then added to the stored minutes in one save, and that
   * editor (if open elsewhere in this window) starts again from them.
   */
  const appendToMinutes = async (group: DraftGroup) => {
    setAppending(group.key);
    try {
      await flushMinutes(meetingId);
      const minutes =
        (await call('minutes.get', { meetingId })) ?? (await call('minutes.open', { meetingId }));
      const section = workingGroupSection(
        {
          ...group,
          facilitator: group.facilitator || null,
          coFacilitator: group.coFacilitator || null,
          rapporteur: group.rapporteur || null,
        },
        sectionLabels(group.theme),
        globalThis.crypto.randomUUID(),
      );
      const sections = [...minutes.sections, section];
      const rapporteurPersonId = minutes.rapporteur?.id ?? null;
      const result = await call('minutes.save', {
        meetingId,
        saveId: globalThis.crypto.randomUUID(),
        baseRevision: minutes.revision,
        sections,
        rapporteurPersonId,
      });
      const controller = existingAutosave(meetingId);
      if (controller && !controller.isDirty && !controller.isBusy) {
        controller.load({ sections, rapporteurPersonId }, result.revision, result.savedAt);
      }
      void client.invalidateQueries({ queryKey: ['minutes.get'] });
      notifySaved(t, t('minutes.groups.appended', { theme: group.theme.trim() }));
    } catch (error) {
      notifyError(error, t);
    } finally {
      setAppending(null);
    }
  };

  /** A recommendation from one line: the table must exist in the backend first (it is its origin). */
  const recommend = async (group: DraftGroup, text: string) => {
    let id = group.id;
    if (!id) {
      const ok = await save(true);
      id = ok ? (draftRef.current?.find((g) => g.key === group.key)?.id ?? null) : null;
      if (!id) return;
    }
    setRecommending({ groupId: id, text });
  };

  if (meetingQuery.isLoading || groupsQuery.isLoading || (groupsQuery.data && draft === null)) {
    return <Loader size="sm" aria-label={t('minutes.groups.loading')} />;
  }
  const loadError = meetingQuery.error ?? groupsQuery.error;
  if (loadError || !draft || !meeting) return <Alert color="red">{errorMessage(loadError, t)}</Alert>;

  const patch = (key: string, field: TextField, value: string) =>
    change((prev) => prev.map((g) => (g.key === key ? { ...g, [field]: value } : g)));
  const move = (index: number, delta: number) =>
    change((prev) => {
      const to = index + delta;
      if (to < 0 || to >= prev.length) return prev;
      const next = [...prev];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(to, 0, moved);
      return next;
    });
  const canAppend = meeting.status !== 'cancelled' && !readOnly;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          {t('minutes.groups.intro')}
        </Text>
        {readOnly ? null : (
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c={STATE_COLOUR[saveState]} role="status" aria-live="polite">
              {t(`minutes.groups.state.${saveState}`)}
            </Text>
            <Button variant="default" onClick={() => void save(true)} loading={saveState === 'saving'}>
              {t('minutes.groups.save')}
            </Button>
          </Group>
        )}
      </Group>
      {saveError && saveState === 'failed' ? <Alert color="red">{saveError}</Alert> : null}

      {draft.length === 0 ? (
        <EmptyState
          title={t('minutes.groups.emptyTitle')}
          text={t('minutes.groups.emptyText')}
          action={
            readOnly ? null : (
              <Button onClick={() => change((prev) => [...prev, blankGroup()])}>
                {t('minutes.groups.add')}
              </Button>
            )
          }
        />
      ) : null}

      {draft.map((group, index) => {
        const name = group.theme.trim() || t('minutes.groups.untitled', { n: index + 1 });
        const lines = linesOf(group.recommendations);
        return (
          <Paper
            key={group.key}
            withBorder
            p="md"
            component="section"
            aria-label={t('minutes.groups.groupN', { n: index + 1 })}
          >
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Title order={4}>{t('minutes.groups.groupTitle', { n: index + 1, name })}</Title>
                {readOnly ? null : (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('minutes.groups.moveUp', { name })}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('minutes.groups.moveDown', { name })}
                      disabled={index === draft.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </ActionIcon>
                    {canAppend ? (
                      <Button
                        size="xs"
                        variant="light"
                        loading={appending === group.key}
                        disabled={group.theme.trim() === ''}
                        onClick={() => void appendToMinutes(group)}
                      >
                        {t('minutes.groups.append')}
                      </Button>
                    ) : null}
                    <ConfirmAction
                      size="xs"
                      label={t('minutes.groups.remove')}
                      title={t('minutes.groups.removeTitle')}
                      message={t('minutes.groups.removeMessage', { name })}
                      onConfirm={() => change((prev) => prev.filter((g) => g.key !== group.key))}
                    />
                  </Group>
                )}
              </Group>
              <TextInput
                label={t('minutes.groups.theme')}
                required
                value={group.theme}
                readOnly={readOnly}
                maxLength={300}
                error={
                  saveState === 'incomplete' && group.theme.trim() === '' ? t('errors.field.required') : null
                }
                onChange={(e) => patch(group.key, 'theme', e.currentTarget.value)}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  label={t('minutes.groups.facilitator')}
                  value={group.facilitator}
                  readOnly={readOnly}
                  maxLength={200}
                  onChange={(e) => patch(group.key, 'facilitator', e.currentTarget.value)}
                />
                <TextInput
                  label={t('minutes.groups.coFacilitator')}
                  value={group.coFacilitator}
                  readOnly={readOnly}
                  maxLength={200}
                  onChange={(e) => patch(group.key, 'coFacilitator', e.currentTarget.value)}
                />
                <TextInput
                  label={t('minutes.groups.rapporteur')}
                  value={group.rapporteur}
                  readOnly={readOnly}
                  maxLength={200}
                  onChange={(e) => patch(group.key, 'rapporteur', e.currentTarget.value)}
                />
              </SimpleGrid>
              <Textarea
                label={t('minutes.groups.keyPoints')}
                autosize
                minRows={3}
                maxLength={20_000}
                value={group.keyPoints}
                readOnly={readOnly}
                onChange={(e) => patch(group.key, 'keyPoints', e.currentTarget.value)}
              />
              <Textarea
                label={t('minutes.groups.recommendations')}
                description={t('minutes.groups.recommendationsHint')}
                autosize
                minRows={3}
                maxLength={20_000}
                value={group.recommendations}
                readOnly={readOnly}
                onChange={(e) => patch(group.key, 'recommendations', e.currentTarget.value)}
              />
              {lines.length > 0 && !readOnly ? (
                <Stack gap={4}>
                  {lines.map((line, i) => (
                    // Two lines may read alike: their position keeps them apart.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                      <Button
                        size="compact-xs"
                        variant="light"
                        aria-label={t('minutes.groups.recommendLine', { line })}
                        onClick={() => void recommend(group, line)}
                      >
                        {t('minutes.recommend.button')}
                      </Button>
                      <Text size="sm">{line}</Text>
                    </Group>
                  ))}
                </Stack>
              ) : null}
              <Textarea
                label={t('minutes.groups.plenaryAdditions')}
                autosize
                minRows={2}
                maxLength={20_000}
                value={group.plenaryAdditions}
                readOnly={readOnly}
                onChange={(e) => patch(group.key, 'plenaryAdditions', e.currentTarget.value)}
              />
            </Stack>
          </Paper>
        );
      })}

      {draft.length > 0 && !readOnly ? (
        <Group>
          <Button variant="light" onClick={() => change((prev) => [...prev, blankGroup()])}>
            {t('minutes.groups.add')}
          </Button>
        </Group>
      ) : null}

      <CreateRecommendationModal
        opened={recommending !== null}
        onClose={() => setRecommending(null)}
        bodyId={meeting.body.id}
        meetingId={meetingId}
        workingGroupId={recommending?.groupId ?? null}
        initialText={recommending?.text ?? ''}
      />
    </Stack>
  );
}
