import { describe, expect, it } from 'vitest';
import {
  agendaTotals,
  agendaWarnings,
  entryDuration,
  formatClock,
  formatDuration,
  meetingDays,
  minutesBetween,
  parseClock,
  type RetimableEntry,
  recomputeTimes,
  STANDARD_ITEMS,
  standardItems,
  type WarnableEntry,
} from '../../shared/domain/agenda';

const D1 = '2024-05-14';
const D2 = '2024-05-15';

type Entry = WarnableEntry & RetimableEntry;

const item = (title: string, startTime: string | null, endTime: string | null, day = D1): Entry => ({
  day,
  entryType: 'item',
  title,
  startTime,
  endTime,
});
const part = (title: string, day = D1): Entry => ({
  day,
  entryType: 'part',
  title,
  startTime: null,
  endTime: null,
});

/** "title start–end" per entry: what the secretary reads on the printed agenda. */
const show = (entries: readonly Entry[]) =>
  entries.map((e) => `${e.title} ${e.startTime ?? '·'}–${e.endTime ?? '·'}`);

describe('clock times', () => {
  it.each([
    ['00:00', 0],
    ['09:35', 575],
    ['9:35', 575],
    ['23:59', 1439],
    [' 13:00 ', 780],
  ])('parseClock(%j) = %d', (text, minutes) => {
    expect(parseClock(text)).toBe(minutes);
  });

  it.each(['24:00', '12:60', '9h35', '12', '', '1:2', 'ab:cd'])('parseClock(%j) is null', (text) => {
    expect(parseClock(text)).toBeNull();
  });

  it('formats minutes back to HH:MM and refuses values outside the day', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(575)).toBe('09:35');
    expect(formatClock(1439)).toBe('23:59');
    expect(() => formatClock(1440)).toThrow(RangeError);
    expect(() => formatClock(-1)).toThrow(RangeError);
    expect(() => formatClock(1.5)).toThrow(RangeError);
  });

  it('counts minutes between two times, negative when the end is earlier', () => {
    expect(minutesBetween('10:30', '10:45')).toBe(15);
    expect(minutesBetween('14:30', '13:00')).toBe(-90);
    expect(minutesBetween('10:30', null)).toBeNull();
    expect(minutesBetween('25:00', '10:00')).toBeNull();
  });

  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [60, '1 h'],
    [75, '1 h 15'],
    [725, '12 h 05'],
  ])('formatDuration(%d) = %j', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it('lists every day of a meeting, bounds included', () => {
    expect(meetingDays('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(meetingDays(D1, D1)).toEqual([D1]);
    expect(meetingDays(D2, D1)).toEqual([]);
  });
});

describe('entryDuration', () => {
  it('is end − start, a typed duration, or null', () => {
    expect(entryDuration(item('a', '09:00', '09:30'))).toBe(30);
    expect(entryDuration({ ...item('a', '09:00', '09:30'), durationMinutes: 45 })).toBe(45);
    expect(entryDuration(item('a', '09:00', null))).toBeNull();
    expect(entryDuration(item('a', '10:00', '09:00'))).toBeNull();
    expect(entryDuration({ ...part('p'), durationMinutes: 10 })).toBeNull();
  });
});

describe('recomputeTimes', () => {
  const day = [
    item('Enregistrement', '08:30', '09:00'),
    item('Ouverture', '09:00', '09:30'),
    part('Première partie'),
    item('Présentation du PAM', '09:30', '10:30'),
    item('Pause café', '10:30', '10:45'),
    item('Questions / réponses', '10:45', '11:30'),
  ];

  it('moves the following items when a duration grows, keeping their own durations', () => {
    const longer = day.map((e) => (e.title === 'Ouverture' ? { ...e, durationMinutes: 45 } : e));
    expect(show(recomputeTimes(longer))).toEqual([
      'Enregistrement 08:30–09:00',
      'Ouverture 09:00–09:45',
      'Première partie ·–·',
      'Présentation du PAM 09:45–10:45',
      'Pause café 10:45–11:00',
      'Questions / réponses 11:00–11:45',
    ]);
  });

  it('re-times a reordered day from the day’s earliest start', () => {
    const [reg, open, p, pam, pause, qa] = day as [Entry, Entry, Entry, Entry, Entry, Entry];
    expect(show(recomputeTimes([reg, open, p, pause, pam, qa]))).toEqual([
      'Enregistrement 08:30–09:00',
      'Ouverture 09:00–09:30',
      'Première partie ·–·',
      'Pause café 09:30–09:45',
      'Présentation du PAM 09:45–10:45',
      'Questions / réponses 10:45–11:30',
    ]);
    // The first item moved down: the day still starts at 08:30.
    expect(show(recomputeTimes([open, reg])).map((s) => s.slice(-11))).toEqual([
      '08:30–09:00',
      '09:00–09:30',
    ]);
  });

  it('starts each day at dayStart when given (one for all days, or per day)', () => {
    const twoDays = [
      item('A', '09:00', '09:30'),
      item('B', '09:30', '10:00'),
      item('C', '14:00', '15:00', D2),
    ];
    expect(show(recomputeTimes(twoDays, { dayStart: '08:00' }))).toEqual([
      'A 08:00–08:30',
      'B 08:30–09:00',
      'C 08:00–09:00',
    ]);
    expect(show(recomputeTimes(twoDays, { dayStart: { [D2]: '10:00' } }))).toEqual([
      'A 09:00–09:30',
      'B 09:30–10:00',
      'C 10:00–11:00',
    ]);
  });

  it('closes gaps: items follow each other', () => {
    expect(show(recomputeTimes([item('A', '09:00', '10:00'), item('B', '11:00', '11:30')]))).toEqual([
      'A 09:00–10:00',
      'B 10:00–10:30',
    ]);
  });

  it('leaves items without time as they are and does not move the clock for them', () => {
    expect(
      show(
        recomputeTimes([
          item('A', '09:00', '10:00'),
          item('Divers', null, null),
          item('B', '10:30', '11:00'),
        ]),
      ),
    ).toEqual(['A 09:00–10:00', 'Divers ·–·', 'B 10:00–10:30']);
  });

  it('times an untimed item once a duration is typed for it', () => {
    const entries = [
      item('A', '09:00', '10:00'),
      { ...item('Divers', null, null), durationMinutes: 15 },
      item('B', '10:00', '10:30'),
    ];
    expect(show(recomputeTimes(entries))).toEqual(['A 09:00–10:00', 'Divers 10:00–10:15', 'B 10:15–10:45']);
  });

  it('places a start-only item (milestone) at the clock without an end and without moving the clock', () => {
    expect(
      show(
        recomputeTimes([
          item('A', '09:00', '10:00'),
          item('Clôture', '17:00', null),
          item('B', '10:00', '10:30'),
        ]),
      ),
    ).toEqual(['A 09:00–10:00', 'Clôture 10:00–·', 'B 10:00–10:30']);
    // An end before its start has no duration: treated the same way.
    expect(show(recomputeTimes([item('A', '09:00', '10:00'), item('X', '14:30', '13:00')]))).toEqual([
      'A 09:00–10:00',
      'X 10:00–·',
    ]);
  });

  it('clears the times of parts', () => {
    expect(
      show(
        recomputeTimes([{ ...part('P'), startTime: '09:00', endTime: '10:00' }, item('A', '09:00', '09:10')]),
      ),
    ).toEqual(['P ·–·', 'A 09:00–09:10']);
  });

  it('returns a day without any start unchanged', () => {
    const untimed = [item('A', null, null), item('B', null, '10:00')];
    expect(recomputeTimes(untimed)).toEqual(untimed);
  });

  it('never passes midnight', () => {
    const late = [item('A', '23:00', '23:45'), item('B', '08:00', '09:00'), item('C', '09:00', '09:30')];
    expect(show(recomputeTimes(late, { dayStart: '23:00' }))).toEqual([
      'A 23:00–23:45',
      'B 23:45–23:59',
      'C ·–·',
    ]);
  });

  it('keeps other fields and the input order across interleaved days', () => {
    const mixed = [
      { ...item('A', '09:00', '09:30'), id: 'a' },
      { ...item('X', '14:00', '14:20', D2), id: 'x' },
      { ...item('B', '12:00', '12:15'), id: 'b' },
    ];
    const result = recomputeTimes(mixed);
    expect(result.map((e) => e.id)).toEqual(['a', 'x', 'b']);
    expect(show(result)).toEqual(['A 09:00–09:30', 'X 14:00–14:20', 'B 09:30–09:45']);
    expect(mixed[2]?.startTime).toBe('12:00');
  });
});

describe('agendaWarnings', () => {
  const codes = (
    entries: Entry[],
    meeting = { startTime: null, endTime: null } as { startTime: string | null; endTime: string | null },
  ) => agendaWarnings(entries, meeting).map((w) => `${w.code}@${w.day}#${w.index}`);

  it('says which items overlap, with their titles and times', () => {
    const warnings = agendaWarnings(
      [
        item('Ouverture', '09:00', '10:30'),
        item('Pause café', '10:30', '10:45'),
        item('Présentation du PAM', '10:15', '10:40'),
      ],
      null,
    );
    expect(warnings).toEqual([
      {
        code: 'overlap',
        day: D1,
        index: 2,
        params: {
          first: 'Pause café',
          firstTimes: '10:30–10:45',
          second: 'Présentation du PAM',
          secondTimes: '10:15–10:40',
        },
        message: '« Pause café » (10:30–10:45) chevauche « Présentation du PAM » (10:15–10:40).',
      },
    ]);
  });

  it('accepts an item starting exactly when the previous one ends, and compares only consecutive timed items', () => {
    expect(codes([item('A', '09:00', '10:00'), item('B', '10:00', '11:00')])).toEqual([]);
    expect(
      codes([item('A', '09:00', '10:00'), item('Sans heure', null, null), item('B', '09:50', '11:00')]),
    ).toEqual(['missing_time@2024-05-14#1', 'overlap@2024-05-14#2']);
    // Days are separate: 09:00 on the second day does not overlap 17:00 the first.
    expect(codes([item('A', '16:00', '17:00'), item('B', '09:00', '10:00', D2)])).toEqual([]);
  });

  it('reports an item without time only when others of that day have times; parts never', () => {
    const warnings = agendaWarnings(
      [part('Première partie'), item('A', '09:00', '10:00'), item('Divers', null, null)],
      null,
    );
    expect(warnings.map((w) => [w.code, w.index, w.message])).toEqual([
      ['missing_time', 2, '« Divers » n’a pas d’horaire alors que d’autres activités du 14 mai 2024 en ont.'],
    ]);
    expect(codes([item('A', null, null), item('B', null, null)])).toEqual([]);
  });

  it('reports an end before the start and leaves that item out of overlap checks', () => {
    const warnings = agendaWarnings(
      [item('A', '12:00', '13:00'), item('Déjeuner', '14:30', '13:00'), item('B', '13:00', '14:00')],
      null,
    );
    expect(warnings.map((w) => [w.code, w.index, w.message])).toEqual([
      ['end_before_start', 1, '« Déjeuner » finit à 13:00, avant de commencer (14:30).'],
    ]);
  });

  it('reports a day going beyond the meeting’s hours, once per day', () => {
    const entries = [
      item('Enregistrement', '08:30', '09:00'),
      item('Travaux', '09:00', '12:00'),
      item('Déjeuner', '13:00', '14:00'),
      item('A', '09:00', '12:00', D2),
    ];
    const warnings = agendaWarnings(entries, { startTime: '09:00', endTime: '13:00' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'longer_than_meeting',
      day: D1,
      index: 0,
      params: {
        start: '08:30',
        end: '14:00',
        meetingStart: '09:00',
        meetingEnd: '13:00',
        scheduledMinutes: 270,
        availableMinutes: 240,
      },
      message:
        'Le programme du 14 mai 2024 (08:30–14:00, 4 h 30 d’activités) dépasse les horaires de la réunion (09:00–13:00).',
    });
    // Unknown meeting hours: nothing to compare with.
    expect(codes(entries)).toEqual([]);
  });

  it('shortens long titles in messages', () => {
    const long =
      'Plénière : Présentation de la synthèse de l’étude : zones d’interventions, localités géographiques';
    const [w] = agendaWarnings([item(long, '09:00', '10:00'), item('B', '09:30', '10:00')], null);
    expect(w?.message).toBe(
      '« Plénière : Présentation de la synthèse de l’étude : zones d… » (09:00–10:00) chevauche « B » (09:30–10:00).',
    );
  });
});

describe('agendaTotals', () => {
  it('counts the minutes covered per day, overlaps once, against the meeting’s hours', () => {
    const entries = [
      item('A', '09:00', '10:00'),
      item('B', '09:30', '10:30'),
      item('C', '11:00', '11:15'),
      item('D', '09:00', '09:45', D2),
    ];
    expect(agendaTotals(entries, [D1, D2, '2024-05-16'], { startTime: '09:00', endTime: '17:00' })).toEqual([
      { day: D1, scheduledMinutes: 105, availableMinutes: 480 },
      { day: D2, scheduledMinutes: 45, availableMinutes: 480 },
      { day: '2024-05-16', scheduledMinutes: 0, availableMinutes: 480 },
    ]);
    expect(
      agendaTotals(entries, [D1], { startTime: '09:00', endTime: null })[0]?.availableMinutes,
    ).toBeNull();
  });
});

describe('standardItems', () => {
  it('proposes the four items of an ordinary session, untimed', () => {
    const items = standardItems(D1);
    expect(items.map((i) => [i.kind, i.title, i.startTime, i.endTime, i.day, i.entryType])).toEqual([
      ['agenda_adoption', 'Adoption de l’ordre du jour', null, null, D1, 'item'],
      ['minutes_adoption', 'Adoption du compte rendu de la dernière réunion', null, null, D1, 'item'],
      [
        'recommendations_follow_up',
        'Point de la mise en œuvre des recommandations de la dernière réunion',
        null,
        null,
        D1,
        'item',
      ],
      ['other_business', 'Divers', null, null, D1, 'item'],
    ]);
  });

  it('times them from a start with their usual lengths when asked', () => {
    expect(standardItems(D1, { startTime: '09:00' }).map((i) => `${i.startTime}–${i.endTime}`)).toEqual([
      '09:00–09:10',
      '09:10–09:25',
      '09:25–10:10',
      '10:10–10:25',
    ]);
    expect(STANDARD_ITEMS.every((i) => i.durationMinutes > 0)).toBe(true);
  });
});
