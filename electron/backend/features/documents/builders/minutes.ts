import { clockFr, dateFr, numberFr } from '../../../../../shared/documents/format';
import type { Block, Inline, TableRow } from '../../../../../shared/documents/model';
import { cell, paragraph, text } from '../../../../../shared/documents/model';
import { richTextIsEmpty, richTextToBlocks } from '../../../../../shared/documents/richText';
import type { DocumentBuilder } from '../types';
import { doneAt } from './heading';
import {
  agendaRecall,
  dueFr,
  loadMeetingSource,
  type MeetingDocumentRequest,
  type MeetingSource,
  meetingDates,
  meetingDocument,
  plural,
  type SourceRecommendation,
  sessionOfBody,
  statusNotes,
  type WorkingGroup,
} from './meetingSource';

// Le compte rendu, or procès-verbal: the record of the session — where, when, who chaired, who
// wrote it, how many attended — then the agenda recalled, the rapporteur's sections, the
// working groups' outputs, the recommendations adopted, and the signatures.

/**
 * A procès-verbal is the formal record of a deliberative session: an ordinary or extraordinary
 * session of a body whose founding text sets a quorum (its decisions are valid only with it).
 * Everything else — workshops, reviews, framing meetings, groups without a quorum rule — gets
 * a compte rendu.
 */
export function isProcesVerbal(source: MeetingSource): boolean {
  return (
    (source.meeting.kind === 'ordinary' || source.meeting.kind === 'extraordinary') &&
    source.body.quorumRule.kind !== 'none'
  );
}

const MINUTES_STATE_FR = {
  draft: 'Projet — brouillon',
  review: 'Projet — en relecture',
} as const;

/** What the subtitle says of minutes that are not yet the adopted text. */
function stateLine(source: MeetingSource): string | null {
  const minutes = source.minutes;
  if (!minutes) return 'Projet — non encore rédigé';
  if (minutes.status === 'draft' || minutes.status === 'review') return MINUTES_STATE_FR[minutes.status];
  if (minutes.status === 'validated') {
    return minutes.validatedOn
      ? `Validé le ${dateFr(minutes.validatedOn)} — en attente d’adoption`
      : 'Validé — en attente d’adoption';
  }
  return null;
}

function fields(source: MeetingSource): Block {
  const { meeting, body, attendance } = source;
  const items: { label: string; value: string }[] = [{ label: 'Date', value: meetingDates(source) }];
  if (meeting.startTime || meeting.endTime) {
    const hours = [meeting.startTime, meeting.endTime].filter((t): t is string => Boolean(t)).map(clockFr);
    items.push({ label: 'Horaire', value: hours.join(' – ') });
  }
  if (meeting.place) items.push({ label: 'Lieu', value: meeting.place });
  if (meeting.onlineUrl) items.push({ label: 'En ligne', value: meeting.onlineUrl });
  if (body.chair) {
    items.push({
      label: 'Présidence',
      value: body.chair.name ? `${body.chair.name}, ${body.chair.function}` : body.chair.function,
    });
  }
  if (source.minutes?.rapporteur) items.push({ label: 'Rapporteur', value: source.minutes.rapporteur.label });
  const stats = attendance.stats;
  if (stats.participants > 0) {
    const women =
      stats.womenShare === null ? '' : `, dont ${numberFr(stats.women)} ${plural(stats.women, 'femme')}`;
    items.push({
      label: 'Participants',
      value: `${numberFr(stats.participants)} ${plural(stats.participants, 'participant')}${women}`,
    });
  }
  if (body.quorumRule.kind !== 'none' && stats.participants > 0) {
    items.push({
      label: 'Quorum',
      value: `${stats.quorum.reached ? 'atteint' : 'non atteint'} (${numberFr(stats.quorum.present)} sur ${numberFr(stats.quorum.required)} requis)`,
    });
  }
  return { type: 'fields', items };
}

function proceedings(source: MeetingSource): Block[] {
  const minutes = source.minutes;
  if (!minutes) {
    return [
      paragraph([text('Le compte rendu de cette réunion n’a pas encore été rédigé.', { italic: true })]),
    ];
  }
  const blocks: Block[] = [];
  for (const section of minutes.sections) {
    const empty = richTextIsEmpty(section.content);
    if (section.title.trim()) blocks.push({ type: 'heading', level: 2, text: section.title });
    else if (empty) continue;
    if (section.responsible) blocks.push({ type: 'note', text: `Présenté par : ${section.responsible}` });
    if (!empty) blocks.push(...richTextToBlocks(section.content, { headingOffset: 2 }));
  }
  return blocks;
}

/** A working group's free text: one paragraph per line, "- " / "• " lines as a list. */
export function plainTextBlocks(value: string): Block[] {
  const blocks: Block[] = [];
  let items: Inline[][] = [];
  const flush = () => {
    if (items.length > 0) blocks.push({ type: 'list', ordered: false, items });
    items = [];
  };
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const bullet = /^[-•*–]\s+(.*)$/.exec(line);
    if (bullet) {
      items.push([text(bullet[1] ?? '')]);
      continue;
    }
    flush();
    blocks.push(paragraph(line));
  }
  flush();
  return blocks;
}

export function workingGroupBlocks(groups: readonly WorkingGroup[], level: 2 | 3): Block[] {
  const blocks: Block[] = [];
  groups.forEach((group, i) => {
    blocks.push({ type: 'heading', level, text: `Groupe ${i + 1} : ${group.theme}` });
    const roles = [
      { label: 'Facilitateur', value: group.facilitator },
      { label: 'Co-facilitateur', value: group.coFacilitator },
      { label: 'Rapporteur', value: group.rapporteur },
    ].flatMap((f) => (f.value ? [{ label: f.label, value: f.value }] : []));
    if (roles.length > 0) blocks.push({ type: 'fields', items: roles });
    const parts: [string, string][] = [
      ['Points clés', group.keyPoints],
      ['Recommandations du groupe', group.recommendations],
      ['Compléments de la plénière', group.plenaryAdditions],
    ];
    for (const [label, value] of parts) {
      if (!value.trim()) continue;
      blocks.push(paragraph([text(`${label} :`, { bold: true })]), ...plainTextBlocks(value));
    }
  });
  return blocks;
}

/** "Recommandation … (réf. GTGPS/2025/03/R04)": the text, with its reference for the follow-up. */
export function recommendationCell(r: SourceRecommendation, options: { kind?: boolean } = {}): Inline[] {
  const runs: Inline[] = [];
  if (options.kind && r.kind !== 'recommendation') {
    const label = { decision: 'Décision', commitment: 'Engagement', action_point: 'Point d’action' }[r.kind];
    runs.push(text(`${label} — `, { bold: true }));
  }
  runs.push(text(r.text), text(` (réf. ${r.reference})`, { italic: true }));
  return runs;
}

export function recommendationsTable(
  recommendations: readonly SourceRecommendation[],
  options: { kind?: boolean; status?: (r: SourceRecommendation) => string; empty: string; header?: string },
): Block {
  const rows: TableRow[] = recommendations.map((r, i) => ({
    kind: 'row',
    cells: [
      cell(i + 1),
      recommendationCell(r, options),
      cell(r.responsible),
      cell(dueFr(r.dueDate)),
      ...(options.status ? [cell(options.status(r))] : []),
    ],
  }));
  return {
    type: 'table',
    columns: [
      { header: 'N°', width: 0.5, align: 'center' },
      { header: options.header ?? 'Recommandation', width: 5 },
      { header: 'Responsable', width: 1.8 },
      { header: 'Échéance', width: 1.3 },
      ...(options.status ? [{ header: 'Statut', width: 1.3 }] : []),
    ],
    rows,
    empty: options.empty,
  };
}

function signatures(source: MeetingSource, env: Parameters<typeof doneAt>[0]): Block[] {
  const date = source.minutes?.validatedOn ?? source.meeting.endDate;
  const rapporteur = source.minutes?.rapporteur ?? null;
  const rapporteurSex = rapporteur ? source.invitees.find((i) => i.person?.id === rapporteur.id)?.sex : null;
  const chair = source.body.chair;
  return [
    {
      type: 'signature',
      placeDate: doneAt(env, date),
      title: rapporteurSex === 'female' ? 'La Rapporteure' : 'Le Rapporteur',
      ...(rapporteur ? { name: rapporteur.label } : {}),
    },
    {
      type: 'signature',
      title: chair?.sex === 'female' ? 'La Présidente' : 'Le Président',
      ...(chair?.name ? { name: chair.name } : {}),
    },
  ];
}

export const buildMinutes: DocumentBuilder<MeetingDocumentRequest> = async (db, request, env) => {
  const source = await loadMeetingSource(db, request.meetingId, env);
  const pv = isProcesVerbal(source);
  const state = stateLine(source);
  const subtitle = [sessionOfBody(source), state].filter(Boolean).join(' — ');
  const blocks: Block[] = [
    { type: 'title', text: pv ? 'PROCÈS-VERBAL' : 'COMPTE RENDU', subtitle },
    ...statusNotes(source),
    fields(source),
    { type: 'heading', level: 1, text: 'Ordre du jour' },
    ...agendaRecall(source),
    { type: 'heading', level: 1, text: 'Déroulement des travaux' },
    ...proceedings(source),
  ];
  if (source.workingGroups.length > 0) {
    blocks.push(
      { type: 'heading', level: 1, text: 'Travaux de groupes' },
      ...workingGroupBlocks(source.workingGroups, 2),
    );
  }
  blocks.push(
    { type: 'heading', level: 1, text: 'Recommandations et décisions' },
    recommendationsTable(source.recommendations, {
      kind: true,
      empty: 'Aucune recommandation n’a été enregistrée pour cette réunion.',
    }),
    ...signatures(source, env),
  );
  return meetingDocument(source, env, {
    kind: 'minutes',
    label: pv ? 'Procès-verbal' : 'Compte rendu',
    what: pv ? 'proces-verbal' : 'compte-rendu',
    blocks,
  });
};
