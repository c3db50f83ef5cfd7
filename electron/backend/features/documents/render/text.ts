// Text hygiene shared by the DOCX and PDF renderers. Model texts come from what people typed or
// pasted (often from Word or a PDF), so they may carry characters a document cannot hold:
// Word refuses to open a document.xml with a character XML 1.0 forbids, and a PDF font has no
// glyph for a control character. Text stays text: nothing here interprets markup.

// C0 controls except tab (09), line feed (0A), carriage return (0D); the two non-characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const INVALID_XML = /[\u0000-\u0008\u000e-\u001f\ufffe\uffff]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Vertical tab and form feed are what Word itself writes for manual line and page breaks in
// copied text; CR/CRLF come from Windows clipboards. All of them mean "new line" here.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const LINE_BREAKS = /\r\n|[\r\u000b\u000c\u2028\u2029]/g;

/** The text with every character XML 1.0 forbids removed and every kind of line break as "\n". */
export function cleanText(value: string): string {
  return value.replace(LINE_BREAKS, '\n').replace(INVALID_XML, '').replace(LONE_SURROGATE, '');
}

/** The lines of a cleaned text: a newline inside a paragraph or a cell is a line break. */
export function textLines(value: string): string[] {
  return cleanText(value).split('\n');
}

/** One line of text: for places that hold a single line (metadata title, footer). */
export function singleLine(value: string): string {
  return cleanText(value)
    .replace(/[\n\t]+/g, ' ')
    .trim();
}

/**
 * A generous estimate of the lines a text takes in a column `widthPt` wide, at an average
 * character width of `charWidthPt`. Renderers use it to decide whether a table row may be kept
 * on one page: a row taller than a page that is not allowed to break is cut (pdfmake drops it,
 * Word clips it), so the estimate errs on the side of more lines.
 */
export function estimatedLines(value: string, widthPt: number, charWidthPt: number): number {
  const perLine = Math.max(1, Math.floor(widthPt / charWidthPt));
  let lines = 0;
  for (const line of textLines(value)) lines += Math.max(1, Math.ceil([...line].length / perLine));
  return lines;
}
