import { dateFr, numberFr, percentFr } from '../../../../../shared/documents/format';
import type { Block, Inline, TableRow } from '../../../../../shared/documents/model';
import { cell, paragraph, text } from '../../../../../shared/documents/model';
import { richTextIsEmpty, richTextToBlocks } from '../../../../../shared/documents/richText';
import { addDays } from '../../../../../shared/domain/dates';
import { describePeriodicity } from '../../../../../shared/domain/periodicity';
import { isOpenStatus } from '../../../../../shared/domain/recommendationStatus';
import { compareFr, foldForSearch } from '../../../../../shared/domain/text';
import { RECOMMENDATION_STATUSES } from '../../../../../shared/domain/vocabularies';
import { vocab } from '../../../../../shared/i18n/fr/vocab';
import type { DocumentBuilder } from '../types';
import { doneAt, settingsSignature } from './heading';
import {
  agendaRecall,
  atPlace,
  dueFr,
  EMPTY_AGENDA_FR,
  isSubstantive,
  loadMeetingSource,
  type MeetingDocumentRequest,
  type MeetingSource,
  meetingDates,
  meetingDocument,
  meetingLine,
  ofBody,
  plural,
  responsibleOf,
  statusNotes,
  toTheSession,
} from './meetingSource';
import { plainTextBlocks, recommendationsTable, workingGroupBlocks } from './minutes';

// L'aide-mémoire of a session (a review above all): context and objectives, who took part, the
// salient points of each agenda item, the recommendations made, where the earlier ones stand
// with the implementation rate, and what comes next. Sections are numbered I., II., … as the
// administration numbers them.

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** Whether the session is over (the memo then speaks in the past). */
function isPast(source: MeetingSource, today: string): boolean {
  const { status, endDate } = source.meeting;
  return status === 'held' || status === 'closed' || endDate < today;
}

/** "La 2e session ordinaire du … s’est tenue le … à Koulikoro, sous la présidence de …". */
function contextSentence(source: MeetingSource, today: string): string {
  const phrase = toTheSession(source);
  const feminine = !phrase.startsWith('au ');
  const subject = phrase.startsWith('à la ')
    ? `La ${phrase.slice(5)}`
    : phrase.startsWith('au ')
      ? `Le ${phrase.slice(3)}`
      : `L’${phrase.slice(4)}`;
  const past = isPast(source, today);
  const verb = past ? `s’est tenu${feminine ? 'e' : ''}` : 'se tiendra';
  const { meeting, body } = source;
  const when = meeting.startDate === meeting.endDate ? `le ${meetingDates(source)}` : meetingDates(source);
  const where = meeting.place ? ` ${atPlace(meeting.place)}` : meeting.onlineUrl ? ' en ligne' : '';
  const chair = body.chair?.name ? `, sous la présidence de ${body.chair.name} (${body.chair.function})` : '';
  return `${subject} ${ofBody(body)} ${verb} ${when}${where}${chair}.`;
}

function context(source: MeetingSource, today: string): Block[] {
  const blocks: Block[] = [paragraph(contextSentence(source, today), 'justify')];
  if (source.body.mandate?.trim()) {
    blocks.push(
      paragraph([text('Mandat de l’instance :', { bold: true })]),
      ...plainTextBlocks(source.body.mandate),
    );
  }
  const hasItems = source.agenda.entries.some(isSubstantive);
  blocks.push(
    paragraph(
      hasItems
        ? `Les objectifs de la session ${isPast(source, today) ? 'étaient' : 'sont'} les suivants :`
        : 'Objectifs de la session :',
    ),
    ...agendaRecall(source),
  );
  return blocks;
}

// ── Participation ──────────────────────────────────────────────────────────

interface StructureLine {
  label: string;
  participants: number;
  women: number;
}

/**
 * Participants per structure: invitees present (or their representatives), walk-ins and the
 * heads counted per structure, grouped by organisation (or by the label typed when there is
 * none). Women are those whose sex is known to be female.
 */
function byStructure(source: MeetingSource): StructureLine[] {
  const lines = new Map<string, StructureLine>();
  const add = (organisationId: string | null, label: string | null, participants: number, women: number) => {
    const shown = label?.trim() || 'Structure non précisée';
    const key = organisationId ?? `label:${foldForSearch(shown)}`;
    const line = lines.get(key) ?? { label: shown, participants: 0, women: 0 };
    line.participants += participants;
    line.women += women;
    lines.set(key, line);
  };
  const byInvitee = new Map(
    source.attendance.records.filter((r) => r.inviteeId !== null).map((r) => [r.inviteeId, r]),
  );
  for (const invitee of source.invitees) {
    const record = byInvitee.get(invitee.id);
    if (!record || (record.status !== 'present' && record.status !== 'represented')) continue;
    const sex = record.status === 'present' ? invitee.sex : record.representativeSex;
    add(
      invitee.organisation?.id ?? null,
      invitee.organisationLabel ?? invitee.organisation?.label ?? null,
      1,
      sex === 'female' ? 1 : 0,
    );
  }
  for (const record of source.attendance.records.filter((r) => r.inviteeId === null)) {
    add(
      record.organisation?.id ?? null,
      record.organisationLabel ?? record.organisation?.label ?? null,
      1,
      record.sex === 'female' ? 1 : 0,
    );
  }
  for (const count of source.attendance.counts) {
    if (count.count <= 0) continue;
    add(count.organisation?.id ?? null, count.label, count.count, Math.min(count.women ?? 0, count.count));
  }
  return [...lines.values()].sort((a, b) => b.participants - a.participants || compareFr(a.label, b.label));
}

function participation(source: MeetingSource, today: string): Block[] {
  const stats = source.attendance.stats;
  const lines = byStructure(source);
  const blocks: Block[] = [];
  if (stats.participants === 0) {
    blocks.push(paragraph('Aucune présence n’a été enregistrée pour cette session.'));
  } else {
    const women =
      stats.womenShare === null
        ? ''
        : `, dont ${numberFr(stats.women)} ${plural(stats.women, 'femme')} (${percentFr(stats.womenShare)})`;
    const took = isPast(source, today) ? 'ont pris part' : 'prennent part';
    const one = stats.participants === 1;
    blocks.push(
      paragraph(
        `${numberFr(stats.participants)} ${plural(stats.participants, 'participant')}${women}, ` +
          `issu${one ? '' : 's'} de ${numberFr(lines.length)} ${plural(lines.length, 'structure')}, ` +
          `${one ? 'a pris part' : took} à la session.`,
        'justify',
      ),
    );
  }
  if (source.body.quorumRule.kind !== 'none' && stats.participants > 0) {
    const q = stats.quorum;
    blocks.push(
      paragraph(
        `Le quorum (${q.rule}) ${q.reached ? 'était atteint' : 'n’était pas atteint'} : ` +
          `${numberFr(q.present)} ${plural(q.present, 'membre présent', 'membres présents')} ` +
          `pour ${numberFr(q.required)} requis.`,
      ),
    );
  }
  const total = lines.reduce(
    (sum, l) => ({ participants: sum.participants + l.participants, women: sum.women + l.women }),
    { participants: 0, women: 0 },
  );
  const rows: TableRow[] = lines.map((l) => ({
    kind: 'row',
    cells: [cell(l.label), cell(numberFr(l.participants)), cell(numberFr(l.women))],
  }));
  if (rows.length > 0) {
    rows.push({
      kind: 'row',
      total: true,
      cells: [cell('Total'), cell(numberFr(total.participants)), cell(numberFr(total.women))],
    });
  }
  blocks.push({
    type: 'table',
    columns: [
      { header: 'Structure', width: 4 },
      { header: 'Participants', width: 1.2, align: 'right' },
      { header: 'dont femmes', width: 1.2, align: 'right' },
    ],
    rows,
    empty: 'Aucun participant enregistré.',
  });
  return blocks;
}

// ── Salient points ─────────────────────────────────────────────────────────

/**
 * One heading per agenda item, with who presented it, what the minutes say of it and the
 * recommendations it produced. The working groups' outputs go under the agenda's group-work
 * item (or its report-back), else after the items; the rapporteur's sections outside the
 * agenda follow.
 */
function salientPoints(source: MeetingSource): Block[] {
  const blocks: Block[] = [];
  const sections = source.minutes?.sections ?? [];
  const items = source.agenda.entries.filter(isSubstantive);
  const itemIds = new Set(items.map((i) => i.id));
  const groupsItem =
    items.find((i) => i.kind === 'group_work') ?? items.find((i) => i.kind === 'report_back') ?? null;
  const groups = source.workingGroups.length > 0 ? workingGroupBlocks(source.workingGroups, 3) : [];
  for (const item of items) {
    blocks.push({ type: 'heading', level: 2, text: item.title });
    const responsible = responsibleOf(item);
    if (responsible) blocks.push({ type: 'note', text: `Présenté par : ${responsible}` });
    for (const section of sections.filter((s) => s.agendaEntryId === item.id)) {
      blocks.push(...richTextToBlocks(section.content, { headingOffset: 2 }));
    }
    if (item === groupsItem) blocks.push(...groups);
    const made = source.recommendations.filter((r) => r.originAgendaEntryId === item.id);
    if (made.length > 0) {
      const lead = `${plural(made.length, 'Recommandation issue', 'Recommandations issues')} de ce point :`;
      blocks.push(paragraph([text(lead, { bold: true })]), {
        type: 'list',
        ordered: false,
        items: made.map((r) => [text(r.text)]),
      });
    }
  }
  // Sections the rapporteur added outside the agenda (or whose item was removed since).
  for (const section of sections) {
    if (section.agendaEntryId !== null && itemIds.has(section.agendaEntryId)) continue;
    if (richTextIsEmpty(section.content)) continue;
    if (section.title.trim()) blocks.push({ type: 'heading', level: 2, text: section.title });
    blocks.push(...richTextToBlocks(section.content, { headingOffset: 2 }));
  }
  if (groupsItem === null && groups.length > 0) {
    blocks.push({ type: 'heading', level: 2, text: 'Travaux de groupes' }, ...groups);
  }
  if (blocks.length === 0) blocks.push(paragraph([text(EMPTY_AGENDA_FR, { italic: true })]));
  return blocks;
}

// ── Follow-up of earlier recommendations ───────────────────────────────────

/** "Réalisée" → "réalisées" for 9: status labels agree with their count. */
const statusCount = (status: (typeof RECOMMENDATION_STATUSES)[number], n: number): string => {
  const label = vocab.recommendationStatus[status].toLowerCase();
  return `${numberFr(n)} ${n > 1 && label.endsWith('e') ? `${label}s` : label}`;
};

function followUp(source: MeetingSource): Block[] {
  const items = source.followUp;
  const rate = source.followUpRate;
  if (items.length === 0) {
    return [
      paragraph('Aucune recommandation des sessions précédentes n’était à suivre lors de cette session.'),
    ];
  }
  const rateText =
    rate.rate === null
      ? 'non calculable (aucune recommandation n’était échue à la date de la session)'
      : `${percentFr(rate.rate)} (${numberFr(rate.done)} sur ${numberFr(rate.due)})`;
  const breakdown = RECOMMENDATION_STATUSES.filter((s) => rate.byStatus[s] > 0)
    .map((s) => statusCount(s, rate.byStatus[s]))
    .join(', ');
  const rows: TableRow[] = items.map((i) => ({
    kind: 'row',
    cells: [
      cell(i.reference),
      [text(i.text), ...(i.dueDate ? [text(`\nÉchéance : ${dateFr(i.dueDate)}`, { italic: true })] : [])],
      cell(i.responsible),
      cell(vocab.recommendationStatus[i.status]),
      cell(percentFr(i.progress / 100)),
    ],
  }));
  return [
    paragraph([text('Taux de mise en œuvre : ', { bold: true }), text(rateText)]),
    {
      type: 'note',
      text:
        'Recommandations réalisées parmi celles dont l’échéance était atteinte à la date de la session ' +
        '(les recommandations abandonnées ne sont pas comptées).',
    },
    paragraph(
      `Sur ${numberFr(items.length)} ${plural(items.length, 'recommandation suivie', 'recommandations suivies')} : ${breakdown}.`,
    ),
    {
      type: 'table',
      columns: [
        { header: 'Réf.', width: 1.6 },
        { header: 'Recommandation', width: 4.4 },
        { header: 'Responsable', width: 1.6 },
        { header: 'Statut', width: 1.4 },
        { header: 'Avancement', width: 1.1, align: 'right' },
      ],
      rows,
    },
  ];
}

// ── Next steps ─────────────────────────────────────────────────────────────

const monthYear = (iso: string): string => dateFr(iso).replace(/^\S+\s/, '');

function nextSteps(source: MeetingSource): Block[] {
  const items: Inline[][] = [];
  const next = source.nextSession;
  if (next?.recorded)
    items.push([text('Prochaine session : '), text(dateFr(next.date), { bold: true }), text('.')]);
  else if (next) {
    items.push([
      text('Prochaine session prévue en '),
      text(monthYear(next.date), { bold: true }),
      text(` (périodicité : ${describePeriodicity(source.body.periodicity, 'fr')}).`),
    ]);
  }
  const open = source.recommendations.filter((r) => isOpenStatus(r.status));
  if (open.length > 0) {
    items.push([
      text(
        `Mise en œuvre et suivi ${plural(open.length, 'de la recommandation', `des ${numberFr(open.length)} recommandations`)} de la présente session.`,
      ),
    ]);
  }
  const horizon = addDays(source.meeting.endDate, 90);
  const soon = open
    .filter((r) => r.dueDate !== null && r.dueDate <= horizon)
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''))
    .slice(0, 10);
  for (const r of soon) {
    items.push([
      text(`Échéance du ${dueFr(r.dueDate)} : `, { bold: true }),
      text(r.text),
      ...(r.responsible ? [text(` (${r.responsible})`)] : []),
    ]);
  }
  const stillOpen = source.followUp.filter((i) => isOpenStatus(i.status)).length;
  if (stillOpen > 0) {
    items.push([
      text(
        `Poursuite de la mise en œuvre ${plural(stillOpen, 'de la recommandation antérieure encore ouverte', `des ${numberFr(stillOpen)} recommandations antérieures encore ouvertes`)}.`,
      ),
    ]);
  }
  for (const roadmap of source.roadmaps) {
    items.push([
      text(
        `Mise en œuvre de la feuille de route « ${roadmap.name} » (${numberFr(roadmap.items)} ${plural(roadmap.items, 'action')}).`,
      ),
    ]);
  }
  if (items.length === 0) return [paragraph('Aucune étape n’a encore été arrêtée.')];
  return [{ type: 'list', ordered: false, items }];
}

export const buildAideMemoire: DocumentBuilder<MeetingDocumentRequest> = async (db, request, env) => {
  const source = await loadMeetingSource(db, request.meetingId, env);
  const sections: [string, Block[]][] = [
    ['Contexte et objectifs', context(source, env.today)],
    ['Participation', participation(source, env.today)],
    ['Points saillants', salientPoints(source)],
    [
      'Recommandations',
      [
        recommendationsTable(source.recommendations, {
          kind: true,
          status: (r) => vocab.recommendationStatus[r.status],
          empty: 'Aucune recommandation n’a été formulée lors de cette session.',
        }),
      ],
    ],
    ['État de mise en œuvre des recommandations de la session précédente', followUp(source)],
    ['Prochaines étapes', nextSteps(source)],
  ];
  const blocks: Block[] = [
    { type: 'title', text: 'AIDE-MÉMOIRE', subtitle: meetingLine(source) },
    ...statusNotes(source),
  ];
  sections.forEach(([title, content], i) => {
    blocks.push({ type: 'heading', level: 1, text: `${ROMAN[i] ?? i + 1}. ${title}` }, ...content);
  });
  blocks.push(settingsSignature(env, doneAt(env)));
  return meetingDocument(source, env, {
    kind: 'aideMemoire',
    label: 'Aide-mémoire',
    what: 'aide-memoire',
    blocks,
  });
};
