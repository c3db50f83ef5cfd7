import { dateFr, fileStem, numberFr, percentFr, seatRoleLabel } from '../../../../../shared/documents/format';
import {
  type Block,
  cell,
  type DocumentModel,
  heading,
  paragraph,
  type TableRow,
  text,
} from '../../../../../shared/documents/model';
import { describePeriodicity, sessionsPerYear } from '../../../../../shared/domain/periodicity';
import { describeQuorumRule, quorumRequired } from '../../../../../shared/domain/quorum';
import type { CountryCode, SeatRole } from '../../../../../shared/domain/vocabularies';
import { vocab } from '../../../../../shared/i18n/fr/vocab';
import type { DocumentRequest } from '../../../../../shared/rpc/documents';
import type { Db } from '../../../db/open';
import { getBodyDetail } from '../../bodies/queries';
import { compositionAsAt } from '../../bodies/seats';
import { heldOrdinaryCounts, type PlanningBody, planningBodies } from '../../planning/repository';
import { dueSessionDates } from '../../planning/service';
import type { BuildEnv, DocumentBuilder } from '../types';
import { documentHeading, doneAt, settingsSignature } from './heading';

// The fiche de présentation of a body: who it is (identity, legal basis, links), what it is
// for (mandate), who runs it (secretariat, bureau), who sits on it today (composition in
// protocol order), how it works (periodicity, quorum) and whether it actually meets
// (regularity over the last years). Written in French, whatever the UI language.

type FactSheetRequest = Extract<DocumentRequest, { kind: 'bodyFactSheet' }>;

/** How documents name a body in running text and file names: its acronym, else its name. */
export function bodyShortName(body: { name: string; acronym: string | null }): string {
  return body.acronym ?? body.name;
}

/** Roles that make up the bureau, in protocol order (the composition is sorted already). */
const BUREAU_ROLES: readonly SeatRole[] = [
  'president',
  'vice_president',
  'ptf_lead',
  'rapporteur',
  'secretariat',
];

export const capitalise = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

/** Paragraphs of a text typed in a textarea: blank lines separate them, single line breaks stay. */
export function textParagraphs(value: string): Block[] {
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => paragraph(p, 'justify'));
}

export interface YearRegularity {
  year: number;
  /** Up to this day (the current year is counted to date). */
  until: string;
  planned: number;
  held: number;
  /** held / planned, capped at 1; null when nothing was planned. */
  rate: number | null;
}

/**
 * Regularity of a body in `year`, by the planning rules (planned sessions due from the
 * periodicity while the body existed; ordinary sessions held or closed, co-hosted ones
 * included), counted up to `today` when the year is not over: a session due next month is not
 * yet missed.
 */
export async function yearRegularity(
  db: Db,
  body: PlanningBody,
  year: number,
  today: string,
): Promise<YearRegularity> {
  const end = `${year}-12-31`;
  const until = end < today ? end : today;
  const planned = dueSessionDates(body, year).filter((d) => d <= until).length;
  const held = (await heldOrdinaryCounts(db, `${year}-01-01`, until)).get(body.id) ?? 0;
  return { year, until, planned, held, rate: planned === 0 ? null : Math.min(held, planned) / planned };
}

/** The body as the planning service sees it (periodicity, dates of existence). */
export async function planningBody(db: Db, bodyId: string): Promise<PlanningBody | null> {
  const [body] = await planningBodies(db, { bodyIds: [bodyId] });
  return body ?? null;
}

/** How many years of regularity the fact sheet shows: the last three and the current one. */
const REGULARITY_YEARS = 4;

function legalBasisFields(legal: {
  kind: string | null;
  number: string | null;
  date: string | null;
  signatory: string | null;
  title: string | null;
}): { label: string; value: string }[] {
  if (!legal.kind && !legal.number && !legal.date && !legal.title && !legal.signatory) {
    return [{ label: 'Texte de création', value: 'Non renseigné' }];
  }
  const kind = legal.kind
    ? (vocab.legalBasisKind[legal.kind as keyof typeof vocab.legalBasisKind] ?? '')
    : '';
  const reference = [
    kind,
    legal.number ? `N° ${legal.number}` : '',
    legal.date ? `du ${dateFr(legal.date)}` : '',
  ]
    .filter((p) => p !== '')
    .join(' ');
  const fields: { label: string; value: string }[] = [];
  if (reference) fields.push({ label: 'Texte de création', value: reference });
  if (legal.title) fields.push({ label: 'Intitulé du texte', value: legal.title });
  if (legal.signatory) fields.push({ label: 'Signataire', value: legal.signatory });
  return fields;
}

export const buildBodyFactSheet: DocumentBuilder<FactSheetRequest> = async (
  db: Db,
  request: FactSheetRequest,
  env: BuildEnv,
): Promise<DocumentModel> => {
  const today = env.today;
  const body = await getBodyDetail(db, request.bodyId);
  const composition = await compositionAsAt(db, body.id, today);
  const short = bodyShortName(body);
  const blocks: Block[] = [];

  blocks.push({
    type: 'title',
    text: 'FICHE DE PRÉSENTATION',
    subtitle: body.acronym ? `${body.name} (${body.acronym})` : body.name,
  });
  blocks.push({ type: 'note', text: `Situation au ${dateFr(today)}` });

  // ── 1. Identification ──────────────────────────────────────────────────
  blocks.push(heading(1, '1. Identification'));
  const country = body.countryCode
    ? (vocab.country[body.countryCode as CountryCode] ?? body.countryCode)
    : null;
  const identity: { label: string; value: string }[] = [
    { label: 'Dénomination', value: body.name },
    { label: 'Sigle', value: body.acronym ?? '—' },
    { label: 'Type d’instance', value: vocab.bodyKind[body.kind] },
    { label: 'Niveau', value: vocab.bodyLevel[body.level] },
    { label: 'Territoire', value: body.territory?.path ?? country ?? 'Non renseigné' },
    {
      label: 'Statut',
      value:
        body.status === 'active'
          ? 'Active'
          : `Fermée${body.closedOn ? ` depuis le ${dateFr(body.closedOn)}` : ''}${body.closedReason ? ` (${body.closedReason})` : ''}`,
    },
    { label: 'Date de création', value: body.establishedOn ? dateFr(body.establishedOn) : 'Non renseignée' },
    ...legalBasisFields(body.legalBasis),
  ];
  if (body.parent) identity.push({ label: 'Instance de rattachement', value: body.parent.label });
  if (body.children.length > 0) {
    identity.push({ label: 'Sous-instances', value: body.children.map((c) => c.label).join(', ') });
  }
  // "Rend compte à", "Alimente", and the links the other way, each with its bodies.
  const linkGroups = new Map<string, string[]>();
  for (const link of body.links) {
    const label =
      link.direction === 'outgoing' ? vocab.bodyLinkKind[link.kind] : vocab.bodyLinkKindIncoming[link.kind];
    linkGroups.set(label, [...(linkGroups.get(label) ?? []), link.body.label]);
  }
  for (const [label, bodies] of linkGroups) identity.push({ label, value: bodies.join(', ') });
  if (body.fundingSource) identity.push({ label: 'Source de financement', value: body.fundingSource });
  blocks.push({ type: 'fields', items: identity });

  // ── 2. Mandat ──────────────────────────────────────────────────────────
  blocks.push(heading(1, '2. Mandat'));
  const mandate = body.mandate ? textParagraphs(body.mandate) : [];
  blocks.push(
    ...(mandate.length > 0 ? mandate : [paragraph('Le mandat de l’instance n’est pas renseigné.')]),
  );

  // ── 3. Secrétariat et bureau ───────────────────────────────────────────
  blocks.push(heading(1, '3. Secrétariat et bureau'));
  blocks.push({
    type: 'fields',
    items: [{ label: 'Secrétariat', value: body.secretariatOrganisation?.label ?? 'Non renseigné' }],
  });
  const bureau = composition.seats.filter((s) => BUREAU_ROLES.includes(s.role));
  blocks.push({
    type: 'table',
    columns: [
      { header: 'Rôle', width: 3 },
      { header: 'Titulaire', width: 3 },
      { header: 'Structure', width: 4 },
    ],
    rows: bureau.map(
      (s): TableRow => ({
        kind: 'row',
        cells: [
          cell(seatRoleLabel(s.role, s.rank), { bold: true }),
          cell(s.holder?.person.label ?? 'Vacant'),
          cell(s.organisation?.label ?? s.function),
        ],
      }),
    ),
    empty: 'Aucun membre du bureau n’est désigné dans la composition.',
  });

  // ── 4. Composition ─────────────────────────────────────────────────────
  blocks.push(heading(1, '4. Composition'));
  const seats = composition.seats;
  const voting = seats.filter((s) => s.voting).length;
  const vacant = seats.filter((s) => s.holder === null).length;
  if (seats.length > 0) {
    blocks.push(
      paragraph(
        `${seats.length} siège${seats.length > 1 ? 's' : ''}, dont ${voting} avec voix délibérative` +
          (vacant > 0 ? ` ; ${vacant} vacant${vacant > 1 ? 's' : ''}` : '') +
          ` au ${dateFr(today)}.`,
      ),
    );
  }
  blocks.push({
    type: 'table',
    columns: [
      { header: 'N°', width: 0.6, align: 'center' },
      { header: 'Siège / Rôle', width: 4 },
      { header: 'Structure', width: 3.4 },
      { header: 'Titulaire', width: 2.6 },
    ],
    rows: seats.map((s, i): TableRow => {
      const role: string[] = [];
      if (s.role !== 'member') role.push(seatRoleLabel(s.role, s.rank));
      if (!s.voting) role.push('voix consultative');
      return {
        kind: 'row',
        cells: [
          cell(i + 1),
          role.length > 0
            ? [text(s.function), text(`\n${capitalise(role.join(', '))}`, { italic: true })]
            : cell(s.function),
          cell(s.organisation?.label ?? '—'),
          cell(s.holder?.person.label ?? 'Vacant'),
        ],
      };
    }),
    empty: 'La composition de l’instance n’est pas encore enregistrée.',
  });

  // ── 5. Fonctionnement ──────────────────────────────────────────────────
  blocks.push(heading(1, '5. Fonctionnement'));
  const perYear = sessionsPerYear(body.periodicity);
  const periodicity =
    capitalise(describePeriodicity(body.periodicity, 'fr')) +
    (perYear > 0
      ? ` (${perYear} session${perYear > 1 ? 's' : ''} ordinaire${perYear > 1 ? 's' : ''} par an)`
      : '');
  const required = quorumRequired(body.quorumRule, { votingSeats: voting, allSeats: seats.length });
  const countsAll =
    body.quorumRule.kind === 'fraction' && body.quorumRule.of === 'all_seats' ? seats.length : voting;
  const quorum =
    capitalise(describeQuorumRule(body.quorumRule, 'fr')) +
    (body.quorumRule.kind === 'none' || body.quorumRule.kind === 'minimum_count' || seats.length === 0
      ? ''
      : `, soit ${required} membre${required > 1 ? 's' : ''} présent${required > 1 ? 's' : ''} sur ${countsAll} ` +
        `siège${countsAll > 1 ? 's' : ''}${countsAll === voting && countsAll !== seats.length ? ' à voix délibérative' : ''}`);
  blocks.push({
    type: 'fields',
    items: [
      { label: 'Périodicité des sessions', value: periodicity },
      { label: 'Quorum', value: quorum },
    ],
  });

  // ── 6. Régularité ──────────────────────────────────────────────────────
  blocks.push(heading(1, '6. Régularité des sessions'));
  const planning = await planningBody(db, body.id);
  const currentYear = Number(today.slice(0, 4));
  const firstYear = Math.max(
    currentYear - REGULARITY_YEARS + 1,
    body.establishedOn ? Number(body.establishedOn.slice(0, 4)) : Number.NEGATIVE_INFINITY,
  );
  const lastYear =
    body.status === 'closed' && body.closedOn
      ? Math.min(currentYear, Number(body.closedOn.slice(0, 4)))
      : currentYear;
  const years: YearRegularity[] = [];
  if (planning) {
    for (let year = firstYear; year <= lastYear; year++)
      years.push(await yearRegularity(db, planning, year, today));
  }
  const totalPlanned = years.reduce((n, y) => n + y.planned, 0);
  const totalHeld = years.reduce((n, y) => n + y.held, 0);
  const totalKept = years.reduce((n, y) => n + Math.min(y.held, y.planned), 0);
  const rows: TableRow[] = years.map((y) => ({
    kind: 'row',
    cells: [
      cell(y.until.endsWith('-12-31') ? String(y.year) : `${y.year} (au ${dateFr(y.until)})`),
      cell(numberFr(y.planned)),
      cell(numberFr(y.held)),
      cell(y.rate === null ? '—' : percentFr(y.rate)),
    ],
  }));
  if (years.length > 1) {
    rows.push({
      kind: 'row',
      total: true,
      cells: [
        cell('Total'),
        cell(numberFr(totalPlanned)),
        cell(numberFr(totalHeld)),
        cell(totalPlanned === 0 ? '—' : percentFr(totalKept / totalPlanned)),
      ],
    });
  }
  blocks.push({
    type: 'table',
    columns: [
      { header: 'Année', width: 3 },
      { header: 'Sessions prévues', width: 2, align: 'right' },
      { header: 'Tenues', width: 2, align: 'right' },
      { header: 'Taux', width: 2, align: 'right' },
    ],
    rows,
    empty: 'Aucune année à présenter.',
  });
  blocks.push({
    type: 'note',
    text:
      body.periodicity.kind === 'as_needed'
        ? 'L’instance se réunit chaque fois que de besoin : aucune session n’est prévue d’avance, le taux ne s’applique pas. ' +
          'Sont comptées les sessions ordinaires tenues, y compris celles organisées avec d’autres instances.'
        : 'Sessions prévues d’après la périodicité, depuis la création de l’instance. Sont comptées les sessions ' +
          'ordinaires tenues, y compris celles organisées avec d’autres instances ; les sessions extraordinaires, ' +
          'ateliers et revues ne remplacent pas une session ordinaire manquée.',
  });

  blocks.push(settingsSignature(env, doneAt(env)));

  return {
    kind: 'bodyFactSheet',
    title: `Fiche de présentation — ${short}`,
    fileStem: fileStem({ date: today, acronym: short, what: 'fiche-presentation' }),
    orientation: 'portrait',
    heading: documentHeading(env),
    blocks,
    footer: `${short} — Fiche de présentation au ${dateFr(today)}`,
  };
};
