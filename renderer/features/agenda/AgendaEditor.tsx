import {
  Alert,
  Button,
  type ComboboxItem,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AgendaWarning,
  agendaTotals,
  agendaWarnings,
  meetingDays,
  parseClock,
} from '../../../shared/domain/agenda';
import { formatDate } from '../../../shared/domain/dates';
import { AGENDA_ITEM_KINDS } from '../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../shared/rpc';
import type { Meeting } from '../../../shared/rpc/meetings';
import { useAutosave } from '../../app/autosave';
import { errorMessage, issueMessage, notifyError, notifySaved } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { call, RpcError, useRpc } from '../../app/rpc';
import { organisationLabel } from '../../components/OrganisationPicker';
import { personLabel } from '../../components/PersonPicker';
import { formatDayWithWeekday } from '../meetings/components/meetingLabels';
import { AGENDA_COLUMNS, AgendaRow, type RowHandlers } from './components/AgendaRow';
import { DuplicateAgenda } from './components/DuplicateAgenda';
import { PasteAgendaModal, type PastedEntry } from './components/PasteAgendaModal';
import { responsibleOptions } from './components/responsibleOptions';
import { type StandardEntry, StandardItems } from './components/StandardItems';
import {
  blankEntry,
  changeDuration,
  type DraftEntry,
  entriesOf,
  fromProposed,
  fromStored,
  moveAndRetime,
  sortedByDay,
  toInput,
  withDay,
} from './draft';
import { formatMinutes, warningText } from './format';

type Agenda = OutputOf<'agenda.get'>;
type SaveState = 'saved' | 'dirty' | 'saving' | 'failed' | 'incomplete';

/** Wait before saving after the last change: long enough not to save every keystroke. */
const AUTOSAVE_DELAY_MS = 1000;

/**
 * Saves still running for a meeting, across editor instances: a tab switched away and back must
 * not start from the agenda as it was before the save its previous instance made on leaving.
 */
const inflight = new Map<string, Promise<unknown>>();

const STATE_COLOUR: Record<SaveState, string> = {
  saved: 'teal',
  dirty: 'orange',
  saving: 'dimmed',
  failed: 'red',
  incomplete: 'orange',
};

export interface AgendaEditorProps {
  meeting: Meeting;
  /** A closed, cancelled or trashed meeting's agenda is shown, not edited. */
  readOnly?: boolean;
}

/**
 * The ordre du jour of one meeting, edited as a draft: one table per day (parts as bold header
 * rows, items with times, kind, title, responsible and documents), re-timed when a duration
 * changes or a row moves, checked as it is typed (warnings never block), and saved on its own
 * about a second after the last change — and again when the editor is left.
 */
export function AgendaEditor({ meeting, readOnly = false }: AgendaEditorProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const client = useQueryClient();
  const meetingId = meeting.id;
  const agenda = useRpc('agenda.get', { meetingId });
  const organisations = useRpc('organisations.list', {}, { enabled: !readOnly });
  const people = useRpc('people.list', {}, { enabled: !readOnly });
  // The follow-up item shows how many open recommendations this session reviews.
  const followUp = useRpc('followUp.get', { meetingId });

  const [draft, setDraft] = useState<DraftEntry[] | null>(null);
  const draftRef = useRef<DraftEntry[] | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [issues, setIssues] = useState<Record<string, string[]>>({});
  const [generalIssues, setGeneralIssues] = useState<string[]>([]);
  const [dialog, setDialog] = useState<'paste' | 'standard' | null>(null);
  const [proposalDismissed, setProposalDismissed] = useState(false);
  const [dropKey, setDropKey] = useState<string | null>(null);
  const [pendingTick, setPendingTick] = useState(0);
  const versionRef = useRef(0);
  const savedVersionRef = useRef(0);
  const dragRef = useRef<{ key: string; day: string } | null>(null);
  const meetingRef = useRef(meeting);
  meetingRef.current = meeting;

  const days = useMemo(
    () => meetingDays(meeting.startDate, meeting.endDate),
    [meeting.startDate, meeting.endDate],
  );
  const agendaKey = useMemo(() => ['agenda.get', { meetingId }] as const, [meetingId]);

  /**
   * Starts (or restarts) the draft from a stored agenda: nothing left to save. Rows already on
   * screen keep their key, so that a field being typed in is not remounted under the cursor.
   */
  const reset = useCallback((stored: Agenda) => {
    const keys = new Map((draftRef.current ?? []).flatMap((e) => (e.id ? [[e.id, e.key] as const] : [])));
    const entries = sortedByDay(
      stored.entries.map((e) => {
        const entry = fromStored(e);
        return { ...entry, key: keys.get(e.id) ?? entry.key };
      }),
    );
    draftRef.current = entries;
    setDraft(entries);
    versionRef.current += 1;
    savedVersionRef.current = versionRef.current;
    setSaveState('saved');
    setIssues({});
    setGeneralIssues([]);
  }, []);

  // The draft starts from the stored agenda. Later, the stored agenda replaces it only when it
  // says something else and nothing is waiting to be saved: the meeting moved to other dates (its
  // agenda moved with it) or another window changed it. Our own saves come back identical to the
  // draft (ignoring spaces trimmed on saving) and are left alone, so typing is never disturbed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pendingTick re-runs it once a save has landed
  useEffect(() => {
    if (!agenda.data) return;
    const current = draftRef.current;
    if (current !== null && versionRef.current !== savedVersionRef.current) return;
    const pending = inflight.get(meetingId);
    if (pending) {
      void pending.finally(() => setPendingTick((n) => n + 1));
      return;
    }
    if (current !== null && sameContent(current, agenda.data.entries.map(fromStored))) return;
    reset(agenda.data);
  }, [agenda.data, meetingId, reset, pendingTick]);

  /** Applies a change to the draft; the autosave picks it up. */
  const change = useCallback((fn: (prev: DraftEntry[]) => DraftEntry[]) => {
    const prev = draftRef.current;
    if (!prev) return;
    const next = fn(prev);
    draftRef.current = next;
    setDraft(next);
    versionRef.current += 1;
    setSaveState('dirty');
  }, []);

  // When the meeting moves (postponed, new dates), the backend moves its stored agenda day k to
  // day k. Unsaved edits follow the same way, so that they are saved on the new days; with
  // nothing unsaved, the stored agenda (already moved) simply replaces the draft.
  const previousDays = useRef(days);
  useEffect(() => {
    const before = previousDays.current;
    previousDays.current = days;
    if (before === days || before.join() === days.join() || days.length === 0) return;
    if (!draftRef.current || versionRef.current === savedVersionRef.current) return;
    const last = days.length - 1;
    change((prev) =>
      sortedByDay(
        prev.map((e) => {
          const k = before.indexOf(e.day);
          return k < 0 ? e : { ...e, day: days[Math.min(k, last)] ?? e.day };
        }),
      ),
    );
  }, [days, change]);

  /** Maps a refusal onto the rows it concerns (path ['entries', i, field]). */
  const showIssues = useCallback(
    (error: unknown, sent: DraftEntry[]) => {
      const byKey: Record<string, string[]> = {};
      const general: string[] = [];
      if (error instanceof RpcError && error.code === 'VALIDATION' && error.issues.length > 0) {
        for (const issue of error.issues) {
          const [root, index] = issue.path;
          const entry = root === 'entries' && typeof index === 'number' ? sent[index] : undefined;
          const message = issueMessage(issue, t);
          if (entry) byKey[entry.key] = [...(byKey[entry.key] ?? []), message];
          else general.push(message);
        }
      } else {
        general.push(errorMessage(error, t));
      }
      setIssues(byKey);
      setGeneralIssues(general);
    },
    [t],
  );

  const saveNow = useCallback(
    async (explicit: boolean): Promise<boolean> => {
      const current = draftRef.current;
      if (!current) return true;
      const version = versionRef.current;
      if (version === savedVersionRef.current && !explicit) return true;
      if (current.some((e) => e.title.trim() === '')) {
        setSaveState('incomplete');
        if (explicit) notifyError(new Error(t('agenda.incomplete')), t);
        return false;
      }
      const sent = sortedByDay(current);
      setSaveState('saving');
      const request = call('agenda.save', { meetingId, entries: sent.map(toInput) });
      inflight.set(meetingId, request);
      try {
        const saved = await request;
        // The backend's ids, by position (it keeps the order it was given): later saves then
        // update the same rows instead of recreating them.
        if (saved.entries.length === sent.length && draftRef.current) {
          const ids = new Map(sent.map((e, i) => [e.key, saved.entries[i]?.id ?? e.id]));
          const withIds = draftRef.current.map((e) => {
            const id = ids.get(e.key);
            return id && id !== e.id ? { ...e, id } : e;
          });
          draftRef.current = withIds;
          setDraft(withIds);
        }
        client.setQueryData(agendaKey, saved);
        void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'agenda.get' });
        savedVersionRef.current = Math.max(savedVersionRef.current, version);
        setIssues({});
        setGeneralIssues([]);
        setSaveState(versionRef.current === savedVersionRef.current ? 'saved' : 'dirty');
        if (explicit) notifySaved(t, t('agenda.saved'));
        return true;
      } catch (error) {
        showIssues(error, sent);
        setSaveState(versionRef.current === version ? 'failed' : 'dirty');
        if (explicit) notifyError(error, t);
        return false;
      } finally {
        if (inflight.get(meetingId) === request) inflight.delete(meetingId);
      }
    },
    [meetingId, agendaKey, client, showIssues, t],
  );

  /** Saves are chained: each one sends the draft as it is when its turn comes. */
  const { save, settled } = useAutosave({
    saveNow,
    dirty: saveState === 'dirty',
    trigger: draft,
    enabled: !readOnly,
    delayMs: AUTOSAVE_DELAY_MS,
    hasUnsaved: () => versionRef.current !== savedVersionRef.current,
  });

  // ── Row operations (stable: rows are memoised) ────────────────────────────

  const dayListOf = (key: string): { day: string; list: DraftEntry[] } | null => {
    const entry = draftRef.current?.find((e) => e.key === key);
    return entry ? { day: entry.day, list: entriesOf(draftRef.current ?? [], entry.day) } : null;
  };
  const dayListRef = useRef(dayListOf);
  dayListRef.current = dayListOf;

  const handlers = useMemo<RowHandlers>(() => {
    const moveTo = (key: string, to: number) => {
      const found = dayListRef.current(key);
      if (!found) return;
      const from = found.list.findIndex((e) => e.key === key);
      if (from < 0 || to < 0 || to >= found.list.length || from === to) return;
      change((prev) => withDay(prev, found.day, moveAndRetime(found.list, from, to)));
    };
    return {
      patch: (key, patch) => change((prev) => prev.map((e) => (e.key === key ? { ...e, ...patch } : e))),
      setDuration: (key, minutes) => {
        const found = dayListRef.current(key);
        if (!found) return;
        const fallback = meetingRef.current.startTime;
        change((prev) => withDay(prev, found.day, changeDuration(found.list, key, minutes, fallback)));
      },
      move: (key, delta) => {
        const found = dayListRef.current(key);
        if (!found) return;
        moveTo(key, found.list.findIndex((e) => e.key === key) + delta);
      },
      remove: (key) => change((prev) => prev.filter((e) => e.key !== key)),
      dragStart: (event: DragEvent<HTMLElement>, key) => {
        const found = dayListRef.current(key);
        if (!found) return;
        dragRef.current = { key, day: found.day };
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', key);
        // The whole row follows the pointer, not just the handle.
        const row = event.currentTarget.closest('tr');
        if (row) event.dataTransfer.setDragImage(row, 16, 16);
      },
      dragOver: (event: DragEvent<HTMLElement>, key) => {
        const dragged = dragRef.current;
        const target = dayListRef.current(key);
        // Rows move within their day only.
        if (!dragged || !target || target.day !== dragged.day) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setDropKey((current) => (current === key ? current : key));
      },
      drop: (event: DragEvent<HTMLElement>, key) => {
        const dragged = dragRef.current;
        dragRef.current = null;
        setDropKey(null);
        const target = dayListRef.current(key);
        if (!dragged || !target || target.day !== dragged.day) return;
        event.preventDefault();
        moveTo(
          dragged.key,
          target.list.findIndex((e) => e.key === key),
        );
      },
      dragEnd: () => {
        dragRef.current = null;
        setDropKey(null);
      },
    };
  }, [change]);

  const addEntry = (day: string, entryType: 'part' | 'item') => {
    const entry = blankEntry(day, entryType);
    if (entryType === 'item') {
      // A new item follows on from the day's last timed item, as it would be written by hand.
      const list = entriesOf(draftRef.current ?? [], day);
      const last = [...list].reverse().find((e) => e.entryType === 'item' && parseClock(e.endTime) !== null);
      entry.startTime = last?.endTime ?? (list.length === 0 ? meeting.startTime : null);
    }
    change((prev) => withDay(prev, day, [...entriesOf(prev, day), entry]));
  };

  const addStandard = (entries: StandardEntry[]) => {
    const added = entries.map((e) => fromProposed(e, e.day));
    change((prev) => sortedByDay([...prev, ...added]));
    setDialog(null);
    setProposalDismissed(true);
    notifySaved(t, t('agenda.standard.added', { count: added.length }));
    void save(false);
  };

  const applyPaste = (day: string, entries: PastedEntry[], mode: 'append' | 'replace') => {
    // A pasted programme may span several days ("Jour 2" headings): each row keeps the day the
    // backend read for it, starting from the chosen one.
    const added = entries.map((e) => fromProposed(e, e.day || day));
    const covered = new Set([day, ...added.map((e) => e.day)]);
    change((prev) =>
      sortedByDay([...(mode === 'replace' ? prev.filter((e) => !covered.has(e.day)) : prev), ...added]),
    );
    setDialog(null);
    notifySaved(t, t('agenda.paste.appended', { count: added.length }));
    void save(false);
  };

  const moveDay = (from: string, to: string) =>
    change((prev) => sortedByDay(prev.map((e) => (e.day === from ? { ...e, day: to } : e))));

  // ── Derived views ─────────────────────────────────────────────────────────

  const kindOptions = useMemo<ComboboxItem[]>(
    () => AGENDA_ITEM_KINDS.map((kind) => ({ value: kind, label: t(`vocab.agendaItemKind.${kind}`) })),
    [t],
  );

  // Names of organisations and people already referenced (possibly trashed since) stay readable.
  const known = useMemo(() => {
    const orgs = new Map<string, string>();
    const persons = new Map<string, string>();
    for (const e of agenda.data?.entries ?? []) {
      for (const o of e.responsible.organisations) orgs.set(o.id, o.label);
      for (const p of e.responsible.persons) persons.set(p.id, p.label);
    }
    return { orgs, persons };
  }, [agenda.data]);

  const organisationOptions = useMemo(() => {
    const map = new Map<string, { value: string; short: string; full: string }>();
    for (const [id, label] of known.orgs) map.set(id, { value: id, short: label, full: label });
    for (const o of organisations.data ?? []) {
      map.set(o.id, { value: o.id, short: o.acronym ?? o.name, full: organisationLabel(o) });
    }
    return responsibleOptions(map.values());
  }, [known.orgs, organisations.data]);

  const personOptions = useMemo(() => {
    const map = new Map<string, { value: string; short: string; full: string; sort: string }>();
    for (const [id, label] of known.persons)
      map.set(id, { value: id, short: label, full: label, sort: label });
    for (const p of people.data ?? []) {
      const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
      map.set(p.id, { value: p.id, short: name, full: personLabel(p), sort: `${p.lastName} ${p.firstName}` });
    }
    return responsibleOptions(map.values());
  }, [known.persons, people.data]);

  const warnings = useMemo(
    () => (draft ? agendaWarnings(draft, { startTime: meeting.startTime, endTime: meeting.endTime }) : []),
    [draft, meeting.startTime, meeting.endTime],
  );
  const totals = useMemo(
    () =>
      draft ? agendaTotals(draft, days, { startTime: meeting.startTime, endTime: meeting.endTime }) : [],
    [draft, days, meeting.startTime, meeting.endTime],
  );

  if (agenda.isLoading || (agenda.data && draft === null)) {
    return <Loader size="sm" aria-label={t('agenda.loading')} />;
  }
  if (agenda.error || !draft) return <Alert color="red">{errorMessage(agenda.error, t)}</Alert>;

  const dayOptions = days.map((day, i) => ({
    value: day,
    label: t('agenda.day', { n: i + 1, date: formatDayWithWeekday(day, lang) }),
  }));
  const outsideDays = [...new Set(draft.map((e) => e.day))].filter((d) => !days.includes(d)).sort();
  const showProposal =
    !readOnly && !proposalDismissed && meeting.kind === 'ordinary' && draft.length === 0 && days.length > 0;

  const totalLine = (day: string) => {
    const total = totals.find((x) => x.day === day);
    if (!total || total.scheduledMinutes === 0) return null;
    const scheduled = formatMinutes(total.scheduledMinutes, t);
    if (total.availableMinutes === null || !meeting.startTime || !meeting.endTime) {
      return <Text size="sm">{t('agenda.totals.scheduled', { scheduled })}</Text>;
    }
    const params = {
      scheduled,
      available: formatMinutes(total.availableMinutes, t),
      start: meeting.startTime,
      end: meeting.endTime,
    };
    const longer = total.scheduledMinutes > total.availableMinutes;
    return (
      <Text size="sm" c={longer ? 'orange.8' : undefined} fw={longer ? 600 : undefined}>
        {longer ? t('agenda.totals.longer', params) : t('agenda.totals.withMeeting', params)}
      </Text>
    );
  };

  const warningList = (list: AgendaWarning[]) =>
    list.length > 0 ? (
      <Alert color="yellow" title={t('agenda.warnings.title')} py="xs">
        <List size="sm">
          {list.map((w, i) => (
            // Warnings have no identity; two may read alike, so position keeps them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <List.Item key={i}>{warningText(w, t, lang)}</List.Item>
          ))}
        </List>
      </Alert>
    ) : null;

  const dayTable = (day: string, label: string) => {
    const list = entriesOf(draft, day);
    return (
      <Table.ScrollContainer minWidth={1100}>
        <Table verticalSpacing={6} horizontalSpacing={6} aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={84}>{t('agenda.columns.move')}</Table.Th>
              <Table.Th>{t('agenda.columns.time')}</Table.Th>
              <Table.Th>{t('agenda.columns.duration')}</Table.Th>
              <Table.Th>{t('agenda.columns.kind')}</Table.Th>
              <Table.Th>{t('agenda.columns.title')}</Table.Th>
              <Table.Th>{t('agenda.columns.responsible')}</Table.Th>
              <Table.Th>{t('agenda.columns.documents')}</Table.Th>
              <Table.Th w={40}>{t('agenda.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={AGENDA_COLUMNS}>
                  <Text size="sm" c="dimmed">
                    {t('agenda.emptyDay')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              list.map((entry, index) => (
                <AgendaRow
                  key={entry.key}
                  entry={entry}
                  index={index}
                  count={list.length}
                  kindOptions={kindOptions}
                  organisationOptions={organisationOptions}
                  personOptions={personOptions}
                  issues={issues[entry.key] ?? NO_ISSUES}
                  dropTarget={dropKey === entry.key}
                  readOnly={readOnly}
                  handlers={handlers}
                  followUpCount={followUp.data?.length ?? null}
                />
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };

  return (
    <Stack gap="lg">
      {readOnly ? (
        <Alert color="gray">{t('agenda.readOnly')}</Alert>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
            <Group gap="xs" wrap="wrap">
              <Button variant="light" onClick={() => setDialog('paste')} disabled={days.length === 0}>
                {t('agenda.paste.button')}
              </Button>
              {meeting.kind === 'ordinary' ? (
                <Button variant="light" onClick={() => setDialog('standard')}>
                  {t('agenda.standard.button')}
                </Button>
              ) : null}
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" c={STATE_COLOUR[saveState]} role="status" aria-live="polite">
                {t(`agenda.state.${saveState}`)}
              </Text>
              <Button onClick={() => void save(true)} loading={saveState === 'saving'}>
                {t('agenda.save')}
              </Button>
            </Group>
          </Group>
          <DuplicateAgenda
            meeting={meeting}
            onBeforeReplace={async () => {
              // What is pending would otherwise be saved over the copied agenda.
              savedVersionRef.current = versionRef.current;
              await settled();
            }}
            onDone={reset}
          />
        </Stack>
      )}

      {generalIssues.length > 0 ? (
        <Alert color="red">
          <List size="sm">
            {generalIssues.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      {warningList(warnings.filter((w) => w.day === null))}

      {showProposal ? (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={5}>{t('agenda.standard.title')}</Title>
            <StandardItems meetingId={meetingId} intro={t('agenda.standard.proposal')} onAdd={addStandard} />
          </Stack>
        </Paper>
      ) : null}

      {draft.length === 0 && !showProposal ? (
        <Text c="dimmed" size="sm">
          {t('agenda.emptyText')}
        </Text>
      ) : null}

      {dayOptions.map(({ value: day, label }) => (
        <Stack key={day} gap="xs">
          <Title order={4}>{label}</Title>
          {warningList(warnings.filter((w) => w.day === day))}
          {dayTable(day, label)}
          <Group justify="space-between" wrap="wrap">
            {readOnly ? (
              <span />
            ) : (
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={() => addEntry(day, 'item')}>
                  {t('agenda.addItem')}
                </Button>
                <Button size="xs" variant="subtle" onClick={() => addEntry(day, 'part')}>
                  {t('agenda.addPart')}
                </Button>
              </Group>
            )}
            {totalLine(day)}
          </Group>
        </Stack>
      ))}

      {outsideDays.map((day) => {
        const label = t('agenda.outsideDay', { date: formatDate(day, lang) });
        return (
          <Stack key={day} gap="xs">
            <Title order={4} c="orange.8">
              {label}
            </Title>
            <Alert color="orange">{t('agenda.outsideText')}</Alert>
            {!readOnly && days.length > 0 ? (
              <Select
                label={t('agenda.moveAllTo')}
                placeholder={t('agenda.chooseDay')}
                data={dayOptions}
                value={null}
                onChange={(to) => {
                  if (to) moveDay(day, to);
                }}
                maw={360}
                comboboxProps={{ withinPortal: true }}
              />
            ) : null}
            {warningList(warnings.filter((w) => w.day === day))}
            {dayTable(day, label)}
          </Stack>
        );
      })}

      {dialog === 'paste' ? (
        <PasteAgendaModal
          meetingId={meetingId}
          days={dayOptions}
          initialDay={days[0] ?? meeting.startDate}
          onClose={() => setDialog(null)}
          onApply={applyPaste}
        />
      ) : null}
      {dialog === 'standard' ? (
        <Modal opened onClose={() => setDialog(null)} title={t('agenda.standard.title')} centered>
          <StandardItems
            meetingId={meetingId}
            intro={t('agenda.standard.text')}
            onAdd={addStandard}
            onCancel={() => setDialog(null)}
          />
        </Modal>
      ) : null}
    </Stack>
  );
}

const NO_ISSUES: string[] = [];

/** Whether two drafts would save the same agenda. */
function sameContent(a: readonly DraftEntry[], b: readonly DraftEntry[]): boolean {
  return JSON.stringify(sortedByDay(a).map(toInput)) === JSON.stringify(sortedByDay(b).map(toInput));
}
