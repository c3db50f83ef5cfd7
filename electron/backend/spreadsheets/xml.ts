// A small incremental XML tag scanner for the parts of an xlsx file. It is fed the text in
// pieces (as they come out of the inflater) and reports start tags, end tags and, only while
// the handler asks for it, character data: no tree, no regular expression run over a whole
// document, and nothing kept but the unfinished tag at the end of a piece. It is not a
// validating parser: what it cannot make sense of is reported as XmlUnsupported, and the caller
// hands the file to SheetJS instead.

/** The document uses something this scanner does not read (a DTD, an unfinished tag at the end). */
export class XmlUnsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlUnsupported';
  }
}

export interface XmlHandler {
  /**
   * A start tag. `name` is the local name (namespace prefix removed); its attributes are in
   * `source` between `start` and `end` (read them with `attribute` or `attributes`). An empty
   * element (`<c/>`) is followed at once by `close`.
   */
  open(name: string, source: string, start: number, end: number): void;
  close(name: string): void;
  /**
   * Character data, while `wantsText` is true: raw (entities not decoded) unless `literal`
   * (CDATA). A long run of text may come in several pieces, never cut inside an entity.
   */
  text(piece: string, literal: boolean): void;
  wantsText: boolean;
}

const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Text kept while waiting for a '<': beyond this it is handed over (or dropped) in pieces. */
const TEXT_PIECE = 64 * 1024;
/**
 * A tag, comment or CDATA section still open after this many characters is not a spreadsheet's
 * (Excel's longest tags are number formats of a few hundred): waiting for its end would mean
 * keeping, and scanning again, everything after it.
 */
const MAX_MARKUP = 1024 * 1024;

export class XmlScanner {
  private rest = '';
  private readonly handler: XmlHandler;

  constructor(handler: XmlHandler) {
    this.handler = handler;
  }

  /** Scans as far as the text allows and keeps the unfinished end for the next piece. */
  push(piece: string): void {
    const source = this.rest.length > 0 ? this.rest + piece : piece;
    this.rest = source.slice(this.scan(source));
  }

  /** The document is complete: anything left but blank text is an unfinished tag. */
  end(): void {
    const source = this.rest;
    this.rest = '';
    const stop = this.scan(source);
    if (stop < source.length) throw new XmlUnsupported('unfinished markup at the end of the part');
  }

  /** Reports what `source` holds and returns where the unfinished part starts. */
  private scan(source: string): number {
    const handler = this.handler;
    const length = source.length;
    const unfinished = (lt: number) => {
      if (length - lt > MAX_MARKUP) throw new XmlUnsupported('markup too long');
      return lt;
    };
    let at = 0;
    // Positions of the next '"' and "'" (-2: not searched yet, -1: none left).
    let nextQuote = -2;
    let nextApostrophe = -2;
    while (at < length) {
      const lt = source.indexOf('<', at);
      if (lt === -1) {
        if (!handler.wantsText) return length;
        if (length - at < TEXT_PIECE) return at;
        // A long text: hand over what is certainly complete (an entity is at most a few chars).
        const amp = source.lastIndexOf('&', length - 1);
        const cut = amp >= length - 16 ? amp : length;
        if (cut > at) handler.text(source.slice(at, cut), false);
        return cut;
      }
      if (lt > at && handler.wantsText) handler.text(source.slice(at, lt), false);
      const next = source.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return unfinished(lt);
      if (next === 0x21 /* ! */) {
        if (source.startsWith('<!--', lt)) {
          const close = source.indexOf('-->', lt + 4);
          if (close === -1) return unfinished(lt);
          at = close + 3;
        } else if (source.startsWith('<![CDATA[', lt)) {
          const close = source.indexOf(']]>', lt + 9);
          if (close === -1) return unfinished(lt);
          if (handler.wantsText) handler.text(source.slice(lt + 9, close), true);
          at = close + 3;
        } else if (length - lt < 9) {
          return unfinished(lt);
        } else {
          // <!DOCTYPE …>: Excel never writes one, and entity declarations are a classic trap.
          throw new XmlUnsupported('document type declaration');
        }
        continue;
      }
      if (next === 0x3f /* ? */) {
        const close = source.indexOf('?>', lt + 2);
        if (close === -1) return unfinished(lt);
        at = close + 2;
        continue;
      }
      if (next === SLASH) {
        const gt = source.indexOf('>', lt + 2);
        if (gt === -1) return unfinished(lt);
        handler.close(localName(source, lt + 2, gt));
        at = gt + 1;
        continue;
      }
      // A start tag: its end is the first '>' outside quoted attribute values. The next quote
      // of each kind is remembered, so a document without apostrophes is searched once.
      let gt = source.indexOf('>', lt + 1);
      let from = lt + 1;
      while (gt !== -1) {
        if (nextQuote !== -1 && nextQuote < from) nextQuote = source.indexOf('"', from);
        if (nextApostrophe !== -1 && nextApostrophe < from) nextApostrophe = source.indexOf("'", from);
        const quote =
          nextQuote !== -1 && (nextApostrophe === -1 || nextQuote < nextApostrophe)
            ? nextQuote
            : nextApostrophe;
        if (quote === -1 || quote > gt) break;
        const close = source.indexOf(quote === nextQuote ? '"' : "'", quote + 1);
        if (close === -1) gt = -1;
        else {
          from = close + 1;
          if (close > gt) gt = source.indexOf('>', from);
        }
      }
      if (gt === -1) return unfinished(lt);
      const empty = source.charCodeAt(gt - 1) === SLASH;
      const end = empty ? gt - 1 : gt;
      let nameStart = lt + 1;
      let nameEnd = nameStart;
      for (; nameEnd < end; nameEnd++) {
        const c = source.charCodeAt(nameEnd);
        if (c === COLON) nameStart = nameEnd + 1;
        else if (isSpace(c)) break;
      }
      const name = source.slice(nameStart, nameEnd);
      handler.open(name, source, nameEnd, end);
      if (empty) handler.close(name);
      at = gt + 1;
    }
    return length;
  }
}

/** "x:row" → "row"; trailing blanks of an end tag ignored. */
function localName(source: string, start: number, end: number): string {
  let stop = end;
  while (stop > start && isSpace(source.charCodeAt(stop - 1))) stop--;
  let from = start;
  for (let i = start; i < stop; i++) if (source.charCodeAt(i) === COLON) from = i + 1;
  return source.slice(from, stop);
}

/**
 * Reads the attributes of one tag in order: `reset` on a tag, then `next()` until false, with
 * the local name ("r:id" is "id", as SheetJS names it; "xmlns:x" keeps its prefix) and the raw
 * value (not decoded: most are numbers or references; decodeXml is for the few that are text).
 * One reader is reused for every tag: no object per cell.
 */
export class AttributeReader {
  name = '';
  value = '';
  private source = '';
  private at = 0;
  private end = 0;

  reset(source: string, start: number, end: number): this {
    this.source = source;
    this.at = start;
    this.end = end;
    return this;
  }

  next(): boolean {
    const { source, end } = this;
    let at = this.at;
    while (at < end) {
      while (at < end && isSpace(source.charCodeAt(at))) at++;
      if (at >= end) break;
      const nameStart = at;
      let colon = -1;
      while (at < end) {
        const c = source.charCodeAt(at);
        if (c === 0x3d /* = */ || isSpace(c)) break;
        if (c === COLON && colon === -1) colon = at;
        at++;
      }
      const nameEnd = at;
      while (at < end && isSpace(source.charCodeAt(at))) at++;
      if (source.charCodeAt(at) !== 0x3d) continue; // a bare word: not an attribute
      at++;
      while (at < end && isSpace(source.charCodeAt(at))) at++;
      const quote = source.charCodeAt(at);
      let value: string;
      if (quote === QUOTE || quote === APOSTROPHE) {
        const close = source.indexOf(quote === QUOTE ? '"' : "'", at + 1);
        const stop = close === -1 || close > end ? end : close;
        value = source.slice(at + 1, stop);
        at = stop + 1;
      } else {
        const valueStart = at;
        while (at < end && !isSpace(source.charCodeAt(at))) at++;
        value = source.slice(valueStart, at);
      }
      this.at = at;
      const prefixed = colon !== -1 && !source.startsWith('xmlns', nameStart);
      this.name = source.slice(prefixed ? colon + 1 : nameStart, nameEnd);
      this.value = value;
      return true;
    }
    this.at = end;
    return false;
  }
}

const reader = new AttributeReader();

/** One attribute's raw value, or null. */
export function attribute(source: string, start: number, end: number, wanted: string): string | null {
  reader.reset(source, start, end);
  while (reader.next()) if (reader.name === wanted) return reader.value;
  return null;
}

/** All the attributes of a tag, by local name (first occurrence wins), on an object without prototype. */
export function attributes(source: string, start: number, end: number): Record<string, string> {
  const all: Record<string, string> = Object.create(null);
  reader.reset(source, start, end);
  while (reader.next()) if (!(reader.name in all)) all[reader.name] = reader.value;
  return all;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references (&#233; &#xE9;); others stay as written. */
export function decodeEntities(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi === -1) break;
    if (semi - amp <= 10) {
      const body = raw.slice(amp + 1, semi);
      let replacement: string | undefined = NAMED[body];
      if (replacement === undefined && body.charCodeAt(0) === 0x23 /* # */) {
        const hex = body.charCodeAt(1) === 0x78 || body.charCodeAt(1) === 0x58;
        const digits = body.slice(hex ? 2 : 1);
        if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
          const code = Number.parseInt(digits, hex ? 16 : 10);
          if (code > 0 && code <= 0x10ffff) replacement = String.fromCodePoint(code);
        }
      }
      if (replacement !== undefined) {
        out += raw.slice(from, amp) + replacement;
        from = semi + 1;
      }
    }
    amp = raw.indexOf('&', amp + 1);
  }
  return from === 0 ? raw : out + raw.slice(from);
}

/** Excel's own escape for characters XML cannot hold: "_x000D_" is a carriage return. */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') === -1) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** A text attribute or element as SheetJS reads it: entities, then Excel's escapes. */
export function decodeXml(raw: string): string {
  return decodeExcelEscapes(decodeEntities(raw));
}
