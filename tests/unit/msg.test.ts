import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { MAX_MSG_ATTACHMENTS, readMsg } from '../../electron/backend/features/imports/msg';

// Outlook .msg files built here as a partner's Outlook would save them: properties as
// __substg1.0_<tag> streams, each attachment in its own __attach_version1.0_#n storage.

interface CfbUtils {
  cfb_new(): unknown;
  cfb_add(cfb: unknown, path: string, content: Uint8Array): void;
}
const CFB = XLSX.CFB as { utils: CfbUtils; write(cfb: unknown, options: { type: 'buffer' }): Uint8Array };

const utf16 = (text: string) => new Uint8Array(Buffer.from(`${text}\u0000`, 'utf16le'));

function buildMsg(message: {
  subject: string;
  senderName: string;
  senderEmail: string;
  attachments: { fileName: string; bytes: Uint8Array }[];
}): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/__substg1.0_001A001F', utf16('IPM.Note'));
  CFB.utils.cfb_add(cfb, '/__substg1.0_0037001F', utf16(message.subject));
  CFB.utils.cfb_add(cfb, '/__substg1.0_0C1A001F', utf16(message.senderName));
  CFB.utils.cfb_add(cfb, '/__substg1.0_5D01001F', utf16(message.senderEmail));
  message.attachments.forEach((attachment, index) => {
    const folder = `/__attach_version1.0_#${index.toString(16).toUpperCase().padStart(8, '0')}`;
    CFB.utils.cfb_add(cfb, `${folder}/__substg1.0_37010102`, attachment.bytes);
    CFB.utils.cfb_add(cfb, `${folder}/__substg1.0_3707001F`, utf16(attachment.fileName));
    CFB.utils.cfb_add(cfb, `${folder}/__substg1.0_3704001F`, utf16('MATRIC~1.XLS'));
  });
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }));
}

const workbook = (): Uint8Array => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Organisation', 'Secteur', 'Région'],
      ['ACF-E', 'Nutrition', 'Mopti'],
    ]),
    '3W',
  );
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
};

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1'));

describe('readMsg', () => {
  it('reads the subject, the sender and every attachment byte for byte', () => {
    const xlsx = workbook();
    const msg = buildMsg({
      subject: 'Matrice 3W – trimestre 2',
      senderName: 'Awa Traoré',
      senderEmail: 'awa@ong.ml',
      attachments: [
        { fileName: 'matrice 3W Ségou.xlsx', bytes: xlsx },
        { fileName: 'rapport.pdf', bytes: PDF },
      ],
    });
    const read = readMsg(msg);
    expect(read).toEqual({
      subject: 'Matrice 3W – trimestre 2',
      from: 'Awa Traoré <awa@ong.ml>',
      attachments: [
        { fileName: 'matrice 3W Ségou.xlsx', bytes: xlsx },
        { fileName: 'rapport.pdf', bytes: PDF },
      ],
    });
    // A copy: the caller may keep it after the file bytes are gone.
    expect(read?.attachments[0]?.bytes.buffer).not.toBe(msg.buffer);
  });

  it('reads a message without attachments, and an 8-bit short name when there is no long one', () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/__substg1.0_0037001E', new Uint8Array(Buffer.from('Relance\u0000', 'latin1')));
    CFB.utils.cfb_add(cfb, '/__attach_version1.0_#00000000/__substg1.0_37010102', PDF);
    CFB.utils.cfb_add(cfb, '/__attach_version1.0_#00000000/__substg1.0_3704001F', utf16('RAPPORT.PDF'));
    const read = readMsg(new Uint8Array(CFB.write(cfb, { type: 'buffer' })));
    expect(read).toEqual({
      subject: 'Relance',
      from: '',
      attachments: [{ fileName: 'RAPPORT.PDF', bytes: PDF }],
    });
    expect(
      readMsg(buildMsg({ subject: 'x', senderName: '', senderEmail: 'a@b.ml', attachments: [] })),
    ).toEqual({
      subject: 'x',
      from: 'a@b.ml',
      attachments: [],
    });
  });

  it('keeps at most 100 attachments', () => {
    const many = Array.from({ length: MAX_MSG_ATTACHMENTS + 5 }, (_, i) => ({
      fileName: `f${i}.pdf`,
      bytes: PDF,
    }));
    const read = readMsg(
      buildMsg({ subject: 's', senderName: 'n', senderEmail: 'e@x.ml', attachments: many }),
    );
    expect(read?.attachments).toHaveLength(MAX_MSG_ATTACHMENTS);
    expect(read?.attachments[99]?.fileName).toBe('f99.pdf');
  });

  it('gives null for what is not a readable message, without throwing', () => {
    const msg = buildMsg({
      subject: 'Matrice',
      senderName: 'Awa',
      senderEmail: 'awa@ong.ml',
      attachments: [{ fileName: 'm.xlsx', bytes: workbook() }],
    });
    // Truncated after the header, garbled directory and FAT, random bytes, an .xls workbook.
    expect(readMsg(msg.subarray(0, 600))).toBeNull();
    const garbled = msg.slice();
    for (let i = 512; i < garbled.length; i += 7) garbled[i] = (garbled[i] ?? 0) ^ 0x5a;
    expect(() => readMsg(garbled)).not.toThrow();
    const random = new Uint8Array(20_000).map((_, i) => (i * 2654435761) >>> 24);
    expect(readMsg(random)).toBeNull();
    random.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(readMsg(random)).toBeNull();
    expect(readMsg(new Uint8Array(0))).toBeNull();
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a']]), 'S');
    expect(
      readMsg(new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xls' }) as Buffer)),
    ).toBeNull();
  });

  it('refuses a FAT whose chain loops instead of following it until memory runs out', () => {
    const msg = buildMsg({
      subject: 'Boucle',
      senderName: 'Awa',
      senderEmail: 'awa@ong.ml',
      attachments: [{ fileName: 'm.xlsx', bytes: new Uint8Array(20_000).fill(1) }],
    });
    const view = new DataView(msg.buffer, msg.byteOffset, msg.length);
    const size = 1 << view.getUint16(0x1e, true);
    const fat = (view.getInt32(0x4c, true) + 1) * size;
    const nextOf = (sector: number) => view.getInt32(fat + sector * 4, true);
    // The attachment's chain: its first sector after the end of the previous chain, its
    // last one back to its second. SheetJS alone follows this loop until the process dies.
    const entries = (
      XLSX.CFB as {
        read(d: Uint8Array, o: { type: 'buffer' }): { FileIndex: { size: number; start: number }[] };
      }
    ).read(msg, { type: 'buffer' }).FileIndex;
    const start = entries.find((entry) => entry.size === 20_000)?.start ?? 0;
    expect(nextOf(start - 1)).toBe(-2);
    let last = start;
    while (nextOf(last) >= 0) last = nextOf(last);
    expect(last - start).toBeGreaterThan(10);
    view.setInt32(fat + (start - 1) * 4, start, true);
    view.setInt32(fat + last * 4, start + 1, true);
    expect(readMsg(msg)).toBeNull();
  });
});
