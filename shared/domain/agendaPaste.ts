import {
  type AgendaDraftEntry,
  type AgendaWarning,
  agendaWarnings,
  formatClock,
  type MeetingHours,
  quoteTitle,
} from './agenda';
import { formatDateFr } from './dates';
import { foldForSearch, normaliseName } from './text';
import type { AgendaItemKind } from './vocabularies';

// Reads an ordre du jour copied from Word or Excel (Horaire | Activités | Responsable) into a
// draft the secretary reviews before saving. Real tables are irregular (see shared/seeds/002):
// "13 :00", "11:15- 11-45", part headings in the activity column, a day heading in the time
// column, a "Pause-café" typed in the wrong cell. The rule is to read what can be read, warn
// about the rest and never drop a word that was typed.

const MAX_TITLE = 500;
const MAX_RESPONSIBLE = 300;

// ── Times ───────────────────────────────────────────────────────────────────

export type TimeCell =
  | { kind: 'empty' }
  | { kind: 'time'; start: number; end: number | null }
  | { kind: 'invalid'; reason: string }
  /** Words, not a time ("Matinée", "Première journée (jeudi 13 avril)"). */
  | { kind: 'text' };

type Token = { minutes: number } | { bad: string } | null;

function clockValue(hours: number, minutes: number, raw: string): Token {
  if (hours > 23 || minutes > 59) return { bad: `heure impossible « ${raw.trim()} »` };
  return { minutes: hours * 60 + minutes };
}

/**
 * One time of day: "9:35", "09h35", "9h", "9 h 35", "13 :00", "9.30", "9H30mn", "9 heures 30",
 * and "11-45" (a dash typed for the colon: read as 11:45 when the number after the dash cannot be
 * a later hour, i.e. it is above 23 or not after the first; "14-16" is a range, see parseTimeCell).
 * `bare` accepts a lone hour ("14"), only used for the ends of a range.
 */
function parseToken(raw: string, bare: boolean): Token {
  const s = raw.trim();
  let m = /^(\d{1,2})\s*(?:(?:h|heures?)\s*(\d{2})?|[:.]\s*(\d{2}))\s*(?:mn|min)?$/.exec(s);
  if (m) return clockValue(Number(m[1]), Number(m[2] ?? m[3] ?? 0), s);
  m = /^(\d{1,2})-(\d{2})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b > 23 || b <= a) return clockValue(a, b, s);
    return null;
  }
  if (bare && /^\d{1,2}$/.test(s)) return clockValue(Number(s), 0, s);
  return null;
}

// Dashes (already made plain '-'), slashes, or words between spaces: "08h30 à 09h00".
const RANGE_SEPARATOR = /\s*[-/]\s*|\s+(?:jusqu'à|jusqu'a|au|à|a|to)\s+/g;

/**
 * A "Horaire" cell: a single time ("9:35" = starts then, ends when the next item begins) or a
 * range ("8h30 - 9h00", "08:30-09:00", "08h30 à 09h00", "8:30–9:00", "14h-14h30", "de 8h30 à
 * 9h", "11:15- 11-45", "14-16"). A cell starting with a digit that reads as neither is 'invalid'
 * with the reason in French; a cell of words is 'text'.
 */
export function parseTimeCell(cell: string): TimeCell {
  const s = cell
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[–—‒−]/g, '-')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^(?:de|from)\s+(?=\d)/, '')
    .replace(/\s*(?:mn|min)$/, '');
  if (s === '') return { kind: 'empty' };
  if (!/^\d/.test(s)) return { kind: 'text' };

  const single = parseToken(s, false);
  if (single && 'minutes' in single) return { kind: 'time', start: single.minutes, end: null };
  if (single && 'bad' in single) return { kind: 'invalid', reason: single.bad };

  let firstBad: string | null = null;
  for (const sep of s.matchAll(RANGE_SEPARATOR)) {
    const at = sep.index ?? 0;
    const left = s.slice(0, at);
    const right = s.slice(at + sep[0].length);
    if (!left || !right) continue;
    const a = parseToken(left, true);
    const b = parseToken(right, true);
    if (a && b) {
      if ('bad' in a || 'bad' in b) {
        firstBad ??= 'bad' in a ? a.bad : 'bad' in b ? b.bad : null;
        continue;
      }
      return { kind: 'time', start: a.minutes, end: b.minutes };
    }
  }
  return { kind: 'invalid', reason: firstBad ?? `horaire illisible « ${cell.trim()} »` };
}

/**
 * A time written at the start of a line of text ("08:30 - 09:00 Enregistrement des participants"):
 * the longest leading run of words that reads as a time, and the rest without its leading ":" or "-".
 */
function leadingTime(text: string): { time: { start: number; end: number | null }; rest: string } | null {
  const words = text.trim().split(/\s+/);
  for (let k = Math.min(words.length - 1, 7); k >= 1; k--) {
    const cell = parseTimeCell(words.slice(0, k).join(' '));
    if (cell.kind !== 'time') continue;
    const rest = words
      .slice(k)
      .join(' ')
      .replace(/^[\s:;,.\-–—|]+/, '');
    if (rest && !/^\d/.test(rest)) return { time: { start: cell.start, end: cell.end }, rest };
  }
  return null;
}

// ── Headings and kinds ──────────────────────────────────────────────────────

const ORDINAL = String.raw`(?:premiere|premier|deuxieme|second|seconde|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme|dixieme|derniere|dernier|\d{1,2}\s?(?:ere|er|eme|e|re))`;
// A lone letter counts only when nothing but punctuation follows ("Module A :", not "Séance d’…").
const NUMBER = String.raw`(?:\d{1,2}|[ivx]{1,5}|[a-h](?=\s*(?:$|[:)])))`;
const DAY_NAMES = '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';

const DAY_HEADING = [
  new RegExp(String.raw`^${ORDINAL} journee\b`),
  new RegExp(String.raw`^(?:jour|journee|day) ${NUMBER}\b`),
  /^j ?\d{1,2}\b(?! ?h)/,
  new RegExp(String.raw`^${DAY_NAMES}(?: (?:\d{1,2}|1er)\b.*)?$`),
];

const PART_HEADING = [
  ...DAY_HEADING,
  new RegExp(String.raw`^${ORDINAL} (?:partie|demi journee|session|seance|sequence|phase|etape|module)\b`),
  new RegExp(String.raw`^(?:partie|session|seance|sequence|module|phase|etape|theme|bloc) ${NUMBER}\b`),
  /^(?:matinee|matin|apres midi|soiree)\b/,
];

/** "Jour 1", "Première journée (jeudi 13 avril)", "Mardi 14 mai 2024": starts a new day. */
export function isDayHeading(text: string): boolean {
  const f = foldForSearch(text);
  return DAY_HEADING.some((re) => re.test(f));
}

/** "Première partie : …", "PREMIÈRE PARTIE", "Session 1 :", "Partie II", "Matinée", day headings. */
export function isPartHeading(text: string): boolean {
  const f = foldForSearch(text);
  return PART_HEADING.some((re) => re.test(f));
}

/** All its letters are capitals, and there are at least three ("SÉANCE PLÉNIÈRE"). */
function isCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return (
    letters.length >= 3 && text === text.toLocaleUpperCase('fr') && text !== text.toLocaleLowerCase('fr')
  );
}

// Tested on the folded title (lower case, no accents, apostrophes and dashes as spaces), in
// order: the first match wins, so the specific forms come before the general ones
// ("Restitution des travaux de groupes" is a report-back, not group work).
const KIND_RULES: readonly [AgendaItemKind, RegExp][] = [
  ['agenda_adoption', /\b(?:adoption|approbation|validation|examen)\b.*\b(?:ordre du jour|agenda)\b/],
  [
    'minutes_adoption',
    /\b(?:adoption|approbation|validation|amendement)\b.*\b(?:compte rendu|proces verbal|pv|releve de decisions)\b/,
  ],
  [
    'recommendations_follow_up',
    /\b(?:suivi|mise en oeuvre|point|etat|bilan|execution)\b.*\brecommandations?\b|\brecommandations?\b.*\b(?:suivi|mise en oeuvre)\b/,
  ],
  ['other_business', /^(?:divers|questions diverses|points? divers|affaires diverses)\b/],
  ['registration', /^(?:mise en place|enregistrement|accueil|inscription|arrivee)\b/],
  ['meal', /\b(?:dejeuner|diner|repas|cocktail)\b/],
  ['break', /\bpause\b|^(?:cafe|the)\b/],
  [
    'opening',
    /^(?:(?:ceremonie|seance|session|allocutions?|discours|mots?)(?: officielle)? (?:d |de )?)?ouverture\b|\b(?:allocutions?|mots?|discours) de bienvenue\b/,
  ],
  ['report_back', /^(?:restitution|compte rendu des groupes|rapports? des groupes)\b/],
  ['synthesis', /^synthese\b/],
  ['presentation', /^(?:presentation|expose|communication)\b/],
  ['questions', /^(?:questions?|echanges?|discussions?|debats?)\b/],
  [
    'group_work',
    /\btravaux (?:de |en )?(?:groupes?|commissions?|ateliers?)\b|\btravail (?:de |en )?groupes?\b|^travaux de groupe/,
  ],
  ['closing', /\bcloture\b|^fin des travaux\b/],
];

/**
 * The kind an item's title suggests, or null. "Plénière : Présentation …" is read as what follows
 * the colon, and a plenary session otherwise.
 */
export function guessItemKind(title: string): AgendaItemKind | null {
  let f = foldForSearch(title);
  let plenary = false;
  const pleniere = /^(?:en )?(?:seance )?pleniere\b\s*:?\s*/.exec(f);
  if (pleniere) {
    plenary = true;
    f = f.slice(pleniere[0].length);
  }
  for (const [kind, re] of KIND_RULES) if (re.test(f)) return kind;
  return plenary ? 'plenary' : null;
}

// ── Rows and columns ────────────────────────────────────────────────────────

interface Row {
  /** 1-based line of the pasted text where the row starts. */
  line: number;
  cells: string[];
}

/**
 * Tab-separated text as Excel and Word put it on the clipboard. Excel quotes a cell that holds a
 * line break or a tab ("…""…" for a quote); a quote that does not close such a cell is literal.
 */
function readTabbed(text: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === '') {
      const quoted = readQuoted(text, i);
      if (quoted) {
        cell = quoted.value;
        line += quoted.newlines;
        i = quoted.next;
        continue;
      }
    }
    if (ch === '\t') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n') {
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

function readQuoted(text: string, start: number): { value: string; next: number; newlines: number } | null {
  let value = '';
  let newlines = 0;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i++;
        continue;
      }
      const after = text[i + 1];
      if (after === undefined || after === '\t' || after === '\n') return { value, next: i + 1, newlines };
      return null;
    }
    if (ch === '\n') newlines++;
    value += ch;
  }
  return null;
}

/** Text without tabs (a Word list, a PDF, an e-mail): columns are runs of two spaces or more. */
function readSpaced(text: string): Row[] {
  return text.split('\n').map((l, index) => ({ line: index + 1, cells: l.split(/ {2,}|\u00a0{2,}/) }));
}

type Role = 'time' | 'activity' | 'responsible';

const HEADER_WORDS: Record<Role, readonly string[]> = {
  time: [
    'horaire',
    'horaires',
    'heure',
    'heures',
    'plage horaire',
    'horaire s',
    'heure s',
    'temps',
    'periode',
  ],
  activity: [
    'activite',
    'activites',
    'activite s',
    'theme',
    'themes',
    'sujet',
    'sujets',
    'points',
    'point',
    'contenu',
    'deroulement',
    'intitule',
    'programme',
    'objet',
    'ordre du jour',
  ],
  responsible: [
    'responsable',
    'responsables',
    'responsable s',
    'intervenant',
    'intervenants',
    'intervenant s',
    'facilitateur',
    'facilitateurs',
    'facilitatrice',
    'facilitation',
    'facilitateur s',
    'animateur',
    'animateurs',
    'animation',
    'moderateur',
    'moderation',
    'presentateur',
    'personnes ressources',
    'personne ressource',
  ],
};

function headerRole(cell: string): Role | null {
  const f = foldForSearch(cell)
    .replace(/[():/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const role of ['time', 'activity', 'responsible'] as const) {
    if (HEADER_WORDS[role].includes(f)) return role;
  }
  return null;
}

/** The columns a header row names, or null when the row is not a header (two known titles at least). */
function readHeader(cells: readonly string[]): Map<Role, number> | null {
  const found = new Map<Role, number>();
  for (const [index, cell] of cells.entries()) {
    const role = headerRole(cell);
    if (role && !found.has(role)) found.set(role, index);
  }
  return found.size >= 2 ? found : null;
}

const DEFAULT_COLUMNS: ReadonlyMap<Role, number> = new Map([
  ['time', 0],
  ['activity', 1],
  ['responsible', 2],
]);

// ── The parser ──────────────────────────────────────────────────────────────

export interface PasteOptions {
  /**
   * The meeting's days from `day` on: a day heading ("Deuxième journée", "Jour 2") after the first
   * moves what follows to the next of them. Without it everything stays on `day`.
   */
  days?: readonly string[];
  /** The meeting's hours, for the 'longer_than_meeting' warning. */
  meeting?: MeetingHours | null;
}

export interface PastedAgenda {
  entries: AgendaDraftEntry[];
  warnings: AgendaWarning[];
}

interface Draft {
  entry: AgendaDraftEntry;
  /** Start given alone: ends when the next timed item of the day begins. */
  openEnded: boolean;
}

/** Collapses runs of spaces and cuts what would not fit, saying so. */
function clip(text: string, max: number): { value: string; cut: boolean } {
  const value = normaliseName(text);
  return value.length > max ? { value: `${value.slice(0, max - 1)}…`, cut: true } : { value, cut: false };
}

/**
 * Reads a pasted agenda for `day`. Returns draft entries (nothing is written) and warnings: what
 * could not be read ('unreadable_line', with the line number and the reason; the text is kept
 * as an item title) followed by agendaWarnings of the result (overlaps, missing times…).
 *
 * Supported shapes:
 * - rows = lines; cells separated by tabs (Excel, Word tables; Excel's quoted multi-line cells
 *   are one cell), else by runs of 2+ spaces, else a time at the start of the line then the text;
 * - columns Horaire | Activités | Responsable by default; a French header row ("Horaire(s)",
 *   "Heure", "Activités", "Thème", "Responsable(s)", "Intervenant(s)", "Facilitateur"…) is
 *   skipped wherever it appears and fixes the columns' order; other columns are ignored;
 * - times: see parseTimeCell; a start alone ends when the next timed item of the day begins;
 * - parts: a row without time whose text is a heading ("Première partie : …", "PREMIÈRE PARTIE",
 *   "Jour 1", "Session 1 :", "Partie II", "Matinée"), or whose only filled cell is in capitals;
 *   a day heading after the first moves the next rows to the next day of `options.days`;
 * - an activity without time → item without time (agendaWarnings says 'missing_time' when other
 *   items of the day have times);
 * - kinds guessed from the title (guessItemKind); the Responsable cell → responsible.text verbatim;
 * - blank lines ignored.
 */
export function parsePastedAgenda(text: string, day: string, options: PasteOptions = {}): PastedAgenda {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '');
  const rows = normalised.includes('\t') ? readTabbed(normalised) : readSpaced(normalised);
  const days = options.days && options.days.length > 0 ? options.days : [day];
  let dayIndex = Math.max(0, days.indexOf(day));
  let currentDay = days[dayIndex] ?? day;
  let dayHasEntries = false;
  let columns: ReadonlyMap<Role, number> = DEFAULT_COLUMNS;

  const drafts: Draft[] = [];
  const lineWarnings: { line: number; day: string; draft: Draft | null; reason: string; text: string }[] = [];
  const warnLine = (line: number, draft: Draft | null, reason: string, raw: string) =>
    lineWarnings.push({ line, day: draft?.entry.day ?? currentDay, draft, reason, text: raw });

  const push = (
    entryType: 'part' | 'item',
    title: string,
    responsible: string,
    time: { start: number; end: number | null } | null,
    line: number,
    /** The words the kind is guessed from, when the title carries more (an unreadable time). */
    kindFrom: string = title,
  ): Draft => {
    const t = clip(title, MAX_TITLE);
    const r = clip(responsible, MAX_RESPONSIBLE);
    const draft: Draft = {
      entry: {
        day: currentDay,
        entryType,
        kind: entryType === 'item' ? guessItemKind(kindFrom) : null,
        title: t.value,
        startTime: time ? formatClock(time.start) : null,
        endTime: time && time.end !== null ? formatClock(time.end) : null,
        responsible: { organisationIds: [], personIds: [], text: r.value || null },
        documents: [],
      },
      openEnded: time !== null && time.end === null,
    };
    drafts.push(draft);
    dayHasEntries = true;
    if (t.cut) warnLine(line, draft, `intitulé trop long, coupé à ${MAX_TITLE} caractères`, title);
    if (r.cut)
      warnLine(line, draft, `responsable trop long, coupé à ${MAX_RESPONSIBLE} caractères`, responsible);
    return draft;
  };

  const heading = (title: string, responsible: string, line: number) => {
    if (isDayHeading(title) && dayHasEntries) {
      if (dayIndex + 1 < days.length) {
        dayIndex++;
        currentDay = days[dayIndex] ?? currentDay;
        dayHasEntries = false;
      } else if (options.days) {
        warnLine(
          line,
          null,
          `la réunion n’a pas d’autre jour : la suite reste au ${formatDateFr(currentDay)}`,
          title,
        );
      }
    }
    push('part', title, responsible, null, line);
  };

  for (const row of rows) {
    const cells = row.cells.map((c) => c.replace(/[\u00a0\u202f]/g, ' ').trim());
    const filled = cells.filter((c) => c !== '');
    if (filled.length === 0) continue;
    const header = readHeader(cells);
    if (header) {
      columns = header;
      continue;
    }

    const at = (role: Role) => {
      const index = columns.get(role);
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const timeText = at('time');
    let activity = at('activity');
    const responsible = at('responsible');
    // Without a header, cells beyond the three expected ones are kept in the title.
    if (columns === DEFAULT_COLUMNS && cells.length > 3) {
      activity = [activity, ...cells.slice(3)].filter((c) => c !== '').join(' — ');
    }
    const time = parseTimeCell(timeText);

    if (filled.length === 1) {
      // One filled cell, wherever it is: a heading, a time with its text, or a lone activity.
      const only = filled[0] ?? '';
      const onlyColumn = cells.findIndex((c) => c !== '');
      const onlyTime = parseTimeCell(only);
      if (onlyTime.kind === 'time') {
        const draft = push('item', only, '', onlyTime, row.line);
        warnLine(row.line, draft, 'horaire sans activité', only);
        continue;
      }
      if (isPartHeading(only)) {
        heading(only, '', row.line);
        continue;
      }
      const lead = leadingTime(only);
      if (lead) {
        push('item', lead.rest, '', lead.time, row.line);
        continue;
      }
      const kind = guessItemKind(only);
      if (
        isCapitals(only) &&
        onlyColumn !== columns.get('responsible') &&
        kind !== 'break' &&
        kind !== 'meal'
      ) {
        heading(only, '', row.line);
        continue;
      }
      if (onlyTime.kind === 'invalid') {
        const draft = push('item', only, '', null, row.line);
        warnLine(row.line, draft, onlyTime.reason, only);
        continue;
      }
      push('item', only, '', null, row.line);
      continue;
    }

    if (time.kind === 'time') {
      if (activity === '') {
        const draft = push('item', timeText, responsible, time, row.line);
        warnLine(row.line, draft, 'horaire sans activité', timeText);
      } else {
        push('item', activity, responsible, time, row.line);
      }
      continue;
    }

    if (time.kind === 'empty') {
      if (activity === '') {
        // Only a responsible (or an ignored column) is filled: keep it rather than lose it.
        push('item', responsible || filled.join(' — '), '', null, row.line);
      } else if (isPartHeading(activity)) {
        heading(activity, responsible, row.line);
      } else {
        const lead = leadingTime(activity);
        if (lead) push('item', lead.rest, responsible, lead.time, row.line);
        else push('item', activity, responsible, null, row.line);
      }
      continue;
    }

    if ((time.kind === 'text' || time.kind === 'invalid') && isPartHeading(timeText)) {
      // "Jour 1 | Ouverture | DGPSN": the heading, then the activity.
      heading(timeText, '', row.line);
      if (activity !== '') push('item', activity, responsible, null, row.line);
      else if (responsible !== '') push('item', responsible, '', null, row.line);
      continue;
    }

    // A time that is not one ("25h70", "Matin tôt"): the item keeps every word, untimed.
    const reason = time.kind === 'invalid' ? time.reason : `horaire illisible « ${timeText} »`;
    const title = activity === '' ? timeText : `${timeText} — ${activity}`;
    const draft = push('item', title, responsible, null, row.line, activity);
    warnLine(row.line, draft, reason, timeText);
  }

  // A start alone ends when the next timed item of the same day begins (if that is not earlier).
  // Walked backwards, remembering the next start of each day: one pass even for long pastes.
  const nextStart = new Map<string, string>();
  for (let i = drafts.length - 1; i >= 0; i--) {
    const draft = drafts[i];
    if (draft?.entry.entryType !== 'item' || !draft.entry.startTime) continue;
    const next = nextStart.get(draft.entry.day);
    if (draft.openEnded && next !== undefined && next >= draft.entry.startTime) draft.entry.endTime = next;
    nextStart.set(draft.entry.day, draft.entry.startTime);
  }

  const entries = drafts.map((d) => d.entry);
  const indexInDay = new Map<Draft, number>();
  const counters = new Map<string, number>();
  for (const d of drafts) {
    const n = counters.get(d.entry.day) ?? 0;
    indexInDay.set(d, n);
    counters.set(d.entry.day, n + 1);
  }

  const warnings: AgendaWarning[] = lineWarnings.map(({ line, day: lineDay, draft, reason, text: raw }) => {
    const kept = draft ? ` Le texte est gardé dans « ${quoteTitle(draft.entry.title)} ».` : '';
    return {
      code: 'unreadable_line',
      day: lineDay,
      index: draft ? (indexInDay.get(draft) ?? null) : null,
      params: { line, reason, text: raw },
      message: `Ligne ${line} : ${reason}.${kept}`,
    };
  });
  return { entries, warnings: [...warnings, ...agendaWarnings(entries, options.meeting)] };
}
