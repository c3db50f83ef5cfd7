// Excel dates without SheetJS, for the streaming xlsx reader: which number formats show a date,
// and the serial number written as ISO text. Each function follows what SheetJS 0.20.3 (the
// reference reader, still used for xls, ods and unusual xlsx files) does, so that a file reads
// the same either way; the equivalence tests compare them.

/** Built-in number formats by id, as SheetJS's table has them (the rest are "General"). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

/**
 * Ids Excel reserves for its localised formats (Asian calendars and the like): the file does
 * not spell them out, and they show a date (27–31, 36, 50–58, 71–72…), a time (32–35, 76–81)
 * or a number.
 */
const IMPLICIT_DATE_IDS = new Set([
  27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78,
  79, 80, 81,
]);

/** The format code of a built-in id, or null when the id is not built in. */
export function builtInFormat(id: number): string | null {
  return BUILT_IN_FORMATS[id] ?? null;
}

/** Whether a built-in id with no code in the file shows a date or a time. */
export function isImplicitDateId(id: number): boolean {
  return IMPLICIT_DATE_IDS.has(id);
}

const isGeneralAt = (format: string, i: number) => format.slice(i, i + 7).toLowerCase() === 'general';
const ABSOLUTE_TIME = /\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/;
const NUMBER_RUN = '0#?.,E+-%';

/**
 * Whether a number format shows a date or a time: a day, month, year, hour or second code
 * outside quoted text, escapes and brackets, an AM/PM marker, or an elapsed time ([h], [mm]).
 * One pass over the format, as SheetJS's SSF.is_date.
 */
export function isDateFormat(format: string): boolean {
  let i = 0;
  const length = format.length;
  while (i < length) {
    const c = format.charAt(i);
    switch (c) {
      case 'G':
        if (isGeneralAt(format, i)) i += 6;
        i++;
        break;
      case '"':
        for (i++; i < length && format.charCodeAt(i) !== 34; i++) {
          // quoted text
        }
        i++;
        break;
      case '\\':
      case '_':
        i += 2;
        break;
      case '@':
        i++;
        break;
      // B1/B2 (Buddhist and Hijri years) and every other letter below are date codes.
      case 'B':
      case 'b':
      case 'M':
      case 'D':
      case 'Y':
      case 'H':
      case 'S':
      case 'E':
      case 'm':
      case 'd':
      case 'y':
      case 'h':
      case 's':
      case 'e':
      case 'g':
        return true;
      case 'A':
      case 'a':
      case '上': {
        if (format.slice(i, i + 3).toUpperCase() === 'A/P') return true;
        if (format.slice(i, i + 5).toUpperCase() === 'AM/PM') return true;
        if (format.slice(i, i + 5).toUpperCase() === '上午/下午') return true;
        i++;
        break;
      }
      case '[': {
        let bracket = c;
        while (format.charAt(i++) !== ']' && i < length) bracket += format.charAt(i);
        if (ABSOLUTE_TIME.test(bracket)) return true;
        break;
      }
      case '.':
      case '0':
      case '#': {
        // A number placeholder run. indexOf('') is 0: past the end the run stops on the length.
        while (i < length) {
          const next = format.charAt(++i);
          if (NUMBER_RUN.indexOf(next) > -1) continue;
          if (next === '\\' && format.charAt(i + 1) === '-' && '0#'.indexOf(format.charAt(i + 2)) > -1)
            continue;
          break;
        }
        break;
      }
      case '?':
        while (format.charAt(++i) === c) {
          // a run of ?
        }
        break;
      case '*':
        i++;
        if (format.charAt(i) === ' ' || format.charAt(i) === '*') i++;
        break;
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        while (i < length && '0123456789'.indexOf(format.charAt(++i)) > -1) {
          // digits
        }
        break;
      default:
        i++;
        break;
    }
  }
  return false;
}

interface DateParts {
  y: number;
  m: number;
  d: number;
  H: number;
  M: number;
}

/** A serial rounded as Excel keeps numbers (15 significant digits), as SheetJS does. */
function normalise(value: number): number {
  const text = value.toPrecision(16);
  if (text.includes('e')) return value;
  const cut = text.includes('.')
    ? text.slice(0, text.startsWith('0.') ? 17 : 16)
    : text.slice(0, 15) + '0'.repeat(Math.max(0, text.length - 15));
  return Number(cut);
}

const DAY_MS = 86_400_000;
const JAN_1_1900 = Date.UTC(1900, 0, 1);

/**
 * Calendar parts of an Excel serial: 1 is 1900-01-01, 60 the 29 February 1900 Excel believes
 * in, 0 the "1900-01-00" of bare times; 1904-based workbooks count from 1904-01-01.
 */
function dateParts(value: number, date1904: boolean): DateParts | null {
  if (value > 2_958_465 || value < 0) return null;
  const v = normalise(value);
  let date = v | 0;
  let time = Math.floor(86_400 * (v - date));
  let fraction = 86_400 * (v - date) - time;
  if (Math.abs(fraction) < 1e-6) fraction = 0;
  if (date1904) date += 1462;
  if (fraction > 0.9999) {
    time++;
    if (time === 86_400) {
      time = 0;
      date++;
    }
  }
  let y: number;
  let m: number;
  let d: number;
  if (date === 60) [y, m, d] = [1900, 2, 29];
  else if (date === 0) [y, m, d] = [1900, 1, 0];
  else {
    const day = new Date(JAN_1_1900 + ((date > 60 ? date - 1 : date) - 1) * DAY_MS);
    [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  }
  const minutes = Math.floor(time / 60);
  return { y, m, d, H: Math.floor(minutes / 60), M: minutes % 60 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An Excel serial date as "2024-03-12", "2024-03-12 09:30" or, for a bare time, "09:30"; null
 * when it is no date (negative or past 9999). The same text as the SheetJS path's.
 */
export function serialDateText(serial: number, date1904: boolean): string | null {
  const parts = dateParts(serial, date1904);
  if (!parts) return null;
  const time = parts.H !== 0 || parts.M !== 0 ? `${pad(parts.H)}:${pad(parts.M)}` : '';
  if (serial >= 0 && serial < 1) return time || '00:00';
  const date = `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}`;
  return time ? `${date} ${time}` : date;
}

const DAY_ZERO = Date.UTC(1899, 11, 30);
const DAY_ZERO_1904_TIME = Date.UTC(1904, 0, 1);
const DAY_ZERO_TIME = Date.UTC(1899, 11, 31);
const TIME_ONLY = /^(\d+):(\d+)(:\d+)?(\.\d+)?$/;
const DATE_ONLY = /^(\d+)-(\d+)-(\d+)$/;
const DATE_TIME = /^(\d+)-(\d+)-(\d+)[T ](\d+):(\d+)(:\d+)?(\.\d+)?$/;

/** An ISO 8601 date cell (t="d") as a UTC time, as SheetJS parses it. */
function parseIsoDate(text: string, date1904: boolean): number {
  let m = TIME_ONLY.exec(text);
  if (m) {
    const base = date1904 ? DAY_ZERO_1904_TIME : DAY_ZERO_TIME;
    const seconds = (Number.parseInt(m[1] ?? '0', 10) * 60 + Number.parseInt(m[2] ?? '0', 10)) * 60;
    const extra = m[3] ? Number.parseInt(m[3].slice(1), 10) : 0;
    const ms = m[4] ? Number.parseInt(`${m[4]}000`.slice(1, 4), 10) : 0;
    return base + (seconds + extra) * 1000 + ms;
  }
  m = DATE_ONLY.exec(text);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 0, 0, 0, 0);
  m = DATE_TIME.exec(text);
  if (m) {
    const seconds = (m[6] && Number.parseInt(m[6].slice(1), 10)) || 0;
    const ms = (m[7] && Number.parseInt(`${m[7]}0000`.slice(1, 4), 10)) || 0;
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), seconds, ms);
  }
  return new Date(text).getTime();
}

/** The Excel serial of an ISO date cell (t="d"), NaN when it is no date. */
export function isoDateSerial(text: string, date1904: boolean): number {
  const result = (parseIsoDate(text, date1904) - DAY_ZERO) / DAY_MS;
  if (date1904) {
    const shifted = result - 1462;
    return shifted < -1402 ? shifted - 1 : shifted;
  }
  return result < 60 ? result - 1 : result;
}
