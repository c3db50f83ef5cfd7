import * as XLSX from 'xlsx';

// Outlook saves a message as .msg: an OLE compound file (MS-CFB) whose properties are streams
// named after their property tag (MS-OXMSG). Partners forward their matrices this way, so the
// subject, sender and attachments are read here, with SheetJS's CFB reader, and nothing else.
// The file is hostile until proven otherwise: every failure gives null, never an exception.

export interface MsgAttachment {
  fileName: string;
  bytes: Uint8Array;
}

export interface MsgMessage {
  subject: string;
  from: string;
  attachments: MsgAttachment[];
}

/** More attachments than this is not a partner's email; the rest are ignored. */
export const MAX_MSG_ATTACHMENTS = 100;
const MAX_TEXT_LENGTH = 500;

// SheetJS types its CFB reader as `any`: the few members used here, as documented.
interface CfbEntry {
  name: string;
  type: number;
  size: number;
  content?: ArrayLike<number>;
}
interface CfbContainer {
  FullPaths: string[];
  FileIndex: CfbEntry[];
}
interface CfbReader {
  read(data: Uint8Array, options: { type: 'buffer' }): CfbContainer;
}
const CFB = XLSX.CFB as CfbReader;

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ATTACHMENT = /^__ATTACH_VERSION1\.0_#([0-9A-F]{8})$/;

/** Subject, sender and attachments of an Outlook .msg, or null when it is not one we can read. */
export function readMsg(bytes: Uint8Array): MsgMessage | null {
  try {
    if (bytes.length < 512 || !MAGIC.every((b, i) => bytes[i] === b)) return null;
    // The reader follows sector chains without a loop check in one place: a crafted cycle
    // would spin forever, so such files are refused before it sees them.
    if (!chainsAreAcyclic(bytes)) return null;
    const cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), { type: 'buffer' });
    return describe(cfb, bytes.length);
  } catch {
    return null;
  }
}

function describe(cfb: CfbContainer, totalBytes: number): MsgMessage | null {
  // Entries by path below the root, upper-cased: "__SUBSTG1.0_0037001F",
  // "__ATTACH_VERSION1.0_#00000000/__SUBSTG1.0_37010102". Deeper paths (attachments of an
  // embedded message) are not this message's.
  const streams = new Map<string, CfbEntry>();
  const attachmentFolders = new Set<string>();
  const count = Math.min(cfb.FullPaths.length, cfb.FileIndex.length);
  for (let i = 0; i < count; i++) {
    const path = cfb.FullPaths[i];
    const entry = cfb.FileIndex[i];
    if (typeof path !== 'string' || !entry) continue;
    const parts = path.toUpperCase().split('/').slice(1).filter(Boolean);
    if (parts.length === 0 || parts.length > 2) continue;
    if (entry.type === 2) streams.set(parts.join('/'), entry);
    const folder = parts[0];
    if (folder !== undefined && ATTACHMENT.test(folder)) attachmentFolders.add(folder);
  }
  // A message has at least a subject or a class; a spreadsheet (.xls) has neither.
  const isMessage = [
    '__SUBSTG1.0_001A001F',
    '__SUBSTG1.0_001A001E',
    '__SUBSTG1.0_0037001F',
    '__SUBSTG1.0_0037001E',
  ].some((name) => streams.has(name));
  if (!isMessage) return null;

  const text = (prefix: string, tag: string) => readText(streams, prefix, tag);
  const subject = text('', '0037');
  const name = text('', '0C1A');
  const address = text('', '5D01') || text('', '0C1F');
  const from = name && address && name !== address ? `${name} <${address}>` : name || address;

  const attachments: MsgAttachment[] = [];
  let total = 0;
  const folders = [...attachmentFolders].sort();
  for (const folder of folders) {
    if (attachments.length >= MAX_MSG_ATTACHMENTS) break;
    const data = streams.get(`${folder}/__SUBSTG1.0_37010102`)?.content;
    // Embedded messages and OLE objects have no binary data: not a partner's spreadsheet.
    if (!data || data.length === 0) continue;
    // Streams are slices of the file: together they cannot be larger than it.
    total += data.length;
    if (data.length > totalBytes || total > totalBytes) return null;
    const fileName = text(`${folder}/`, '3707') || text(`${folder}/`, '3704');
    attachments.push({ fileName, bytes: Uint8Array.from(data) });
  }
  return { subject: clip(subject), from: clip(from), attachments };
}

/** A string property: Unicode (001F, UTF-16LE) preferred, else 8-bit (001E, read as Windows-1252). */
function readText(streams: Map<string, CfbEntry>, prefix: string, tag: string): string {
  const unicode = streams.get(`${prefix}__SUBSTG1.0_${tag}001F`)?.content;
  if (unicode)
    return clean(
      new TextDecoder('utf-16le').decode(
        Uint8Array.from(unicode.length > 8192 ? sliceOf(unicode, 8192) : unicode),
      ),
    );
  const ansi = streams.get(`${prefix}__SUBSTG1.0_${tag}001E`)?.content;
  if (ansi)
    return clean(
      new TextDecoder('windows-1252').decode(
        Uint8Array.from(ansi.length > 4096 ? sliceOf(ansi, 4096) : ansi),
      ),
    );
  return '';
}

const sliceOf = (data: ArrayLike<number>, length: number) =>
  Array.prototype.slice.call(data, 0, length) as number[];
// biome-ignore lint/suspicious/noControlCharactersInRegex: the terminating NULs are the point
const clean = (value: string) => value.replace(/\u0000+$/, '').trim();
const clip = (value: string) => value.slice(0, MAX_TEXT_LENGTH);

/**
 * Whether every FAT chain of the compound file ends: the FAT is read as the reader would (the
 * 109 header entries, then the DIFAT chain) and walked once, remembering each sector.
 */
function chainsAreAcyclic(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return false;
  const size = 1 << shift;
  const sectorCount = Math.ceil((bytes.length - size) / size);
  // The last sector may be cut short, as the reader allows.
  const sectorAt = (index: number) => {
    const start = (index + 1) * size;
    return index >= 0 && start < bytes.length ? start : -1;
  };

  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const entry = view.getInt32(0x4c + i * 4, true);
    if (entry < 0) break;
    fatSectors.push(entry);
  }
  let difat = view.getInt32(0x44, true);
  const seenDifat = new Set<number>();
  for (let remaining = view.getInt32(0x48, true); remaining > 0 && difat >= 0; remaining--) {
    const start = sectorAt(difat);
    if (start < 0 || seenDifat.has(difat)) break;
    seenDifat.add(difat);
    for (let i = 0; i < size / 4 - 1 && start + i * 4 + 4 <= bytes.length; i++) {
      const entry = view.getInt32(start + i * 4, true);
      if (entry === -2) break;
      fatSectors.push(entry);
    }
    difat = start + size <= bytes.length ? view.getInt32(start + size - 4, true) : -1;
  }

  const perSector = size / 4;
  // A valid FAT describes each sector once; more FAT sectors than that is a crafted file.
  if (fatSectors.length > Math.ceil(sectorCount / perSector) + 1) return false;
  // Chains may name sectors past the end of the file: the reader follows them while the FAT
  // has an entry for them, so the walk does too.
  const range = fatSectors.length * perSector;
  const next = (sector: number): number => {
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined) return -1;
    const start = sectorAt(fatSector);
    const at = start + (sector % perSector) * 4;
    if (start < 0 || at + 4 > bytes.length) return -1;
    return view.getInt32(at, true);
  };
  // Each sector is visited once over all walks: a walk meeting its own mark is a cycle,
  // meeting an earlier walk's mark joins a chain already known to end.
  const mark = new Int32Array(range + 1);
  for (let first = 0; first < range; first++) {
    if (mark[first] !== 0) continue;
    const walk = first + 1;
    for (let sector = first; sector >= 0 && sector < range; sector = next(sector)) {
      if (mark[sector] === walk) return false;
      if (mark[sector] !== 0) break;
      mark[sector] = walk;
    }
  }
  return true;
}
