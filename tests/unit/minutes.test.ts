import { describe, expect, it } from 'vitest';
import {
  allowedMinutesActions,
  docText,
  emptyDoc,
  isMinutesEditable,
  KEPT_RECENT_AUTOSAVES,
  minutesTransitionRefusalFr,
  nextMinutesStatus,
  plainTextOf,
  safeHref,
  sanitizeDoc,
  thinVersions,
  type VersionStamp,
} from '../../shared/domain/minutes';

const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describe('minutes status workflow', () => {
  it('goes brouillon → en relecture → validé → adopté', () => {
    expect(nextMinutesStatus('draft', 'submit_review')).toBe('review');
    expect(nextMinutesStatus('review', 'validate')).toBe('validated');
    expect(nextMinutesStatus('validated', 'adopt')).toBe('adopted');
  });

  it('reopens review and validated minutes to draft; adopted minutes are final', () => {
    expect(nextMinutesStatus('review', 'reopen')).toBe('draft');
    expect(nextMinutesStatus('validated', 'reopen')).toBe('draft');
    expect(nextMinutesStatus('adopted', 'reopen')).toBeNull();
    expect(allowedMinutesActions('adopted')).toEqual([]);
  });

  it('skips no step', () => {
    expect(nextMinutesStatus('draft', 'validate')).toBeNull();
    expect(nextMinutesStatus('draft', 'adopt')).toBeNull();
    expect(nextMinutesStatus('review', 'adopt')).toBeNull();
    expect(nextMinutesStatus('draft', 'reopen')).toBeNull();
    expect(allowedMinutesActions('draft')).toEqual(['submit_review']);
    expect(allowedMinutesActions('review')).toEqual(['validate', 'reopen']);
    expect(allowedMinutesActions('validated')).toEqual(['adopt', 'reopen']);
  });

  it('lets draft and review be typed into, not validated or adopted minutes', () => {
    expect(isMinutesEditable('draft')).toBe(true);
    expect(isMinutesEditable('review')).toBe(true);
    expect(isMinutesEditable('validated')).toBe(false);
    expect(isMinutesEditable('adopted')).toBe(false);
  });

  it('explains a refusal in French', () => {
    expect(minutesTransitionRefusalFr('draft', 'adopt')).toBe(
      'Un compte rendu en brouillon ne peut pas être adopté.',
    );
    expect(minutesTransitionRefusalFr('validated', 'validate')).toBe('Ce compte rendu est déjà validé.');
    expect(minutesTransitionRefusalFr('adopted', 'reopen')).toContain('adoption est définitive');
  });
});

describe('sanitizeDoc', () => {
  it('keeps the basic formatting: headings, bold, italic, underline, strike, lists, quotes, tables', () => {
    const input = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Point 1')] },
      p(text('Le ', [{ type: 'bold' }]), text('GTGPS', [{ type: 'italic' }, { type: 'underline' }])),
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [p(text('un', [{ type: 'strike' }]))] }],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [{ type: 'listItem', content: [p(text('trois'))] }],
      },
      { type: 'blockquote', content: [p(text('cité'))] },
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableHeader',
                attrs: { colspan: 1, rowspan: 1, colwidth: null },
                content: [p(text('Qui'))],
              },
              {
                type: 'tableHeader',
                attrs: { colspan: 1, rowspan: 1, colwidth: [120] },
                content: [p(text('Quoi'))],
              },
            ],
          },
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableCell',
                attrs: { colspan: 1, rowspan: 1, colwidth: null },
                content: [p(text('DGPSN'))],
              },
              {
                type: 'tableCell',
                attrs: { colspan: 1, rowspan: 1, colwidth: null },
                content: [p(text('Rapport'))],
              },
            ],
          },
        ],
      },
    );
    const out = sanitizeDoc(input);
    expect(out.content.map((n) => n.type)).toEqual([
      'heading',
      'paragraph',
      'bulletList',
      'orderedList',
      'blockquote',
      'horizontalRule',
      'table',
    ]);
    expect(out.content[1]).toEqual(
      p(text('Le ', [{ type: 'bold' }]), text('GTGPS', [{ type: 'italic' }, { type: 'underline' }])),
    );
    expect(out.content[3]?.attrs).toEqual({ start: 3 });
    const header = out.content[6]?.content?.[0]?.content?.[1];
    expect(header).toEqual({
      type: 'tableHeader',
      attrs: { colspan: 1, rowspan: 1, colwidth: [120], align: null },
      content: [p(text('Quoi'))],
    });
  });

  it('drops images, iframes and scripts with their content, never their neighbours', () => {
    const out = sanitizeDoc(
      doc(
        p(text('Avant'), { type: 'image', attrs: { src: 'http://example.org/pixel.png' } }, text(' après')),
        { type: 'image', attrs: { src: 'file:///etc/passwd' } },
        { type: 'iframe', attrs: { src: 'https://evil.example' }, content: [p(text('cadre'))] },
        { type: 'script', content: [text('alert(1)')] },
      ),
    );
    expect(out).toEqual(doc(p(text('Avant'), text(' après'))));
    expect(JSON.stringify(out)).not.toMatch(/image|iframe|script|alert|src/);
  });

  it('keeps http, https and mailto links and removes javascript: and other schemes', () => {
    const link = (href: string) =>
      text('lien', [{ type: 'link', attrs: { href, target: '_blank', onclick: 'x()' } }]);
    const out = sanitizeDoc(
      doc(
        p(link('https://dgpsn.gouv.sn/rapport.pdf')),
        p(link('mailto:secretariat@gtgps.ml')),
        p(link('javascript:alert(1)')),
        p(link('java\tscript:alert(1)')),
        p(link(' JAVASCRIPT:alert(1)')),
        p(link('data:text/html,<script>alert(1)</script>')),
        p(link('file:///C:/Users/rapport.docx')),
        p(link('/relative')),
      ),
    );
    const marks = out.content.map((n) => n.content?.[0]?.marks ?? []);
    expect(marks[0]).toEqual([{ type: 'link', attrs: { href: 'https://dgpsn.gouv.sn/rapport.pdf' } }]);
    expect(marks[1]).toEqual([{ type: 'link', attrs: { href: 'mailto:secretariat@gtgps.ml' } }]);
    for (const dropped of marks.slice(2)) expect(dropped).toEqual([]);
    // The words stay, only the link goes.
    expect(out.content.every((n) => n.content?.[0]?.text === 'lien')).toBe(true);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('http://x.org')).toBe('http://x.org');
  });

  it('unwraps unknown nodes and marks from a Word paste, keeping their text', () => {
    const out = sanitizeDoc(
      doc(
        {
          type: 'msoSection',
          content: [p(text('Dans une section', [{ type: 'textStyle', attrs: { color: 'red' } }]))],
        },
        p(text('Avec '), { type: 'mention', content: [text('Awa')] }, { type: 'hardBreak' }, text('fin')),
        { type: 'heading', attrs: { level: 6 }, content: [text('Titre 6')] },
        { type: 'heading', attrs: { level: 'x' }, content: [text('Titre ?')] },
      ),
    );
    expect(out.content).toEqual([
      p(text('Dans une section')),
      p(text('Avec '), text('Awa'), { type: 'hardBreak' }, text('fin')),
      { type: 'heading', attrs: { level: 4 }, content: [text('Titre 6')] },
      { type: 'heading', attrs: { level: 1 }, content: [text('Titre ?')] },
    ]);
  });

  it('repairs what ProseMirror would refuse: empty text, loose text, empty cells and items', () => {
    const out = sanitizeDoc(
      doc(
        text('texte libre'),
        p(text(''), text('ok')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [] }, p(text('hors item'))] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [] }] }] },
        { type: 'table', content: [] },
        { type: 'bulletList', content: [] },
      ),
    );
    expect(out.content).toEqual([
      p(text('texte libre')),
      p(text('ok')),
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph' }] },
          { type: 'listItem', content: [p(text('hors item'))] },
        ],
      },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableCell',
                attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
                content: [{ type: 'paragraph' }],
              },
            ],
          },
        ],
      },
    ]);
    expect(sanitizeDoc(doc())).toEqual(emptyDoc());
    expect(sanitizeDoc({ type: 'nope' })).toEqual(emptyDoc());
    expect(sanitizeDoc(null)).toEqual(emptyDoc());
  });

  it('puts a nested list pasted beside its item inside that item', () => {
    const nested = { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('b'))] }] };
    const out = sanitizeDoc(
      doc({ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('a'))] }, nested] }),
    );
    expect(out.content[0]).toEqual({
      type: 'bulletList',
      content: [{ type: 'listItem', content: [p(text('a')), nested] }],
    });
  });

  it('keeps code blocks as plain text', () => {
    const out = sanitizeDoc(
      doc({
        type: 'codeBlock',
        attrs: { language: '"><script>' },
        content: [text('a', [{ type: 'bold' }]), { type: 'hardBreak' }, text('b')],
      }),
    );
    expect(out.content[0]).toEqual({
      type: 'codeBlock',
      attrs: { language: null },
      content: [text('a'), text('\n'), text('b')],
    });
  });

  it('survives absurd nesting without overflowing the stack', () => {
    let node: unknown = p(text('fond'));
    for (let i = 0; i < 5000; i++) node = { type: 'blockquote', content: [node] };
    const out = sanitizeDoc(doc(node));
    expect(out.type).toBe('doc');
    expect(() => docText(node)).not.toThrow();
  });
});

describe('plain-text projection', () => {
  it('puts each paragraph, heading, list item and table cell on its own line', () => {
    const content = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Mot de bienvenue')] },
      p(text('La séance est ouverte à '), text('9 h 35', [{ type: 'bold' }]), text('.')),
      p(),
      p(text('Première ligne'), { type: 'hardBreak' }, text('deuxième ligne')),
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(text('DGPSN'))] },
          { type: 'listItem', content: [p(text('PAM'))] },
        ],
      },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p(text('Structure'))] },
              { type: 'tableCell', content: [p(text('Présents'))] },
            ],
          },
        ],
      },
      { type: 'image', attrs: { src: 'x' } },
      { type: 'mystery', content: [text('texte caché ')] },
    );
    expect(docText(content)).toBe(
      [
        'Mot de bienvenue',
        'La séance est ouverte à 9 h 35.',
        'Première ligne',
        'deuxième ligne',
        'DGPSN',
        'PAM',
        'Structure',
        'Présents',
        'texte caché',
      ].join('\n'),
    );
  });

  it('gives each section its title then its text, sections apart', () => {
    expect(
      plainTextOf([
        { title: 'Ouverture', content: doc(p(text('Mot du président.'))) },
        { title: 'Pause', content: emptyDoc() },
        { title: ' ', content: emptyDoc() },
        { title: 'Clôture', content: doc(p(text('Fin à 13 h.'))) },
      ]),
    ).toBe('Ouverture\nMot du président.\n\nPause\n\nClôture\nFin à 13 h.');
  });

  it('reads anything without failing', () => {
    expect(docText(null)).toBe('');
    expect(docText({ type: 'doc', content: 'oops' })).toBe('');
    expect(docText({ type: 'doc', content: [{ type: 'text', text: 42 }, 'x', null] })).toBe('');
  });
});

describe('thinVersions', () => {
  const NOW = '2026-03-20T12:00:00.000Z';
  const at = (minutesAgo: number) => new Date(Date.parse(NOW) - minutesAgo * 60_000).toISOString();
  let n = 0;
  const v = (kind: VersionStamp['kind'], minutesAgo: number): VersionStamp => ({
    id: `v${String(++n).padStart(5, '0')}`,
    kind,
    savedAt: at(minutesAgo),
  });

  it('keeps every version when there are fewer than 20 autosaves', () => {
    const versions = Array.from({ length: KEPT_RECENT_AUTOSAVES }, (_, i) => v('autosave', i * 120));
    expect(thinVersions(versions, NOW).drop).toEqual([]);
  });

  it('keeps the last 20 autosaves, then one per hour over the last day, then one per day', () => {
    // An autosave every 2 minutes for three days.
    const versions = Array.from({ length: 3 * 24 * 30 }, (_, i) => v('autosave', i * 2));
    const { keep, drop } = thinVersions(versions, NOW);
    expect(keep.length + drop.length).toBe(versions.length);
    const kept = versions.filter((x) => keep.includes(x.id));
    // The newest 20, in full.
    expect(kept.slice(0, 20).map((x) => x.savedAt)).toEqual(versions.slice(0, 20).map((x) => x.savedAt));
    const older = kept.slice(20);
    const lastDay = older.filter((x) => Date.parse(NOW) - Date.parse(x.savedAt) <= 86_400_000);
    const hours = lastDay.map((x) => x.savedAt.slice(0, 13));
    expect(new Set(hours).size).toBe(hours.length);
    // The 20 most recent cover 11:22–12:00; each of the 24 hours before gets at most one more.
    expect(lastDay.length).toBeLessThanOrEqual(24);
    expect(lastDay.length).toBeGreaterThanOrEqual(22);
    const beyond = older.filter((x) => Date.parse(NOW) - Date.parse(x.savedAt) > 86_400_000);
    const days = beyond.map((x) => x.savedAt.slice(0, 10));
    expect(new Set(days).size).toBe(days.length);
    expect(kept.length).toBeLessThan(60);
  });

  it('keeps the latest autosave of each hour, the most complete text', () => {
    const older = [v('autosave', 200), v('autosave', 190), v('autosave', 185)];
    const recent = Array.from({ length: 20 }, (_, i) => v('autosave', i));
    const { keep } = thinVersions([...older, ...recent], NOW);
    // 200, 190 and 185 minutes ago are 08:40, 08:50 and 08:55: the 08 h latest (185) stays.
    expect(keep).toContain(older[2]?.id);
    expect(keep).not.toContain(older[0]?.id);
    expect(keep).not.toContain(older[1]?.id);
  });

  it('always keeps status and restore versions, however many and however old', () => {
    const special = [v('status', 60 * 24 * 30), v('restore', 60 * 24 * 30 + 1), v('status', 5000)];
    const autosaves = Array.from({ length: 100 }, (_, i) => v('autosave', i));
    const { keep } = thinVersions([...autosaves, ...special], NOW);
    for (const s of special) expect(keep).toContain(s.id);
  });

  it('is stable: thinning what it kept removes nothing more', () => {
    const versions = Array.from({ length: 500 }, (_, i) => v('autosave', i * 7));
    const first = thinVersions(versions, NOW);
    const again = thinVersions(
      versions.filter((x) => first.keep.includes(x.id)),
      NOW,
    );
    expect(again.drop).toEqual([]);
  });
});
