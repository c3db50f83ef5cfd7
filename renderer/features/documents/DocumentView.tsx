import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Align,
  Block,
  DocumentHeading,
  DocumentModel,
  Inline,
  TableColumn,
  TableRow,
} from '../../../shared/documents/model';
import { useRpc } from '../../app/rpc';
import './document.css';

// The third renderer of the document model, next to the DOCX and PDF ones in the backend: it
// decides how a block looks on screen, never what it says. Every text goes through React as
// text, so a "<script>" typed in a title is shown, never run.

/** Runs of text with their emphasis. */
function Runs({ runs }: { runs: Inline[] }): ReactNode {
  return runs.map((run, index) => {
    let node: ReactNode = run.text;
    if (run.italic) node = <em>{node}</em>;
    if (run.bold) node = <strong>{node}</strong>;
    // biome-ignore lint/suspicious/noArrayIndexKey: a run has no id and the list never reorders.
    return <span key={index}>{node}</span>;
  });
}

function alignStyle(align: Align | undefined): CSSProperties | undefined {
  return align ? { textAlign: align } : undefined;
}

/** The short dashed line of administrative headings, as the PDF and DOCX print it. */
function Rule() {
  return <div aria-hidden="true">--------</div>;
}

/** Ministry and service on the left, country and motto on the right, as on every letter. */
function Heading({ heading }: { heading: DocumentHeading }) {
  const { t } = useTranslation();
  // The image travels apart from the model; the query is shared by every preview (cached).
  const logo = useRpc('settings.logo', {}, { enabled: heading.logo, staleTime: Number.POSITIVE_INFINITY });
  const left = heading.ministry || heading.service || heading.reference;
  const right = heading.country || heading.motto || heading.placeDate;
  const image = heading.logo ? logo.data : null;
  if (!left && !right && !image) return null;
  return (
    <header className="cdoc-heading">
      <div className="cdoc-heading-col">
        {image ? (
          <img
            className="cdoc-logo"
            src={`data:${image.mime};base64,${image.data}`}
            alt={t('documents.view.logo')}
          />
        ) : null}
        {heading.ministry ? <div className="cdoc-strong">{heading.ministry}</div> : null}
        {heading.ministry && (heading.service || heading.reference) ? <Rule /> : null}
        {heading.service ? <div>{heading.service}</div> : null}
        {heading.reference ? <div>{heading.reference}</div> : null}
      </div>
      <div className="cdoc-heading-col">
        {heading.country ? <div className="cdoc-strong">{heading.country}</div> : null}
        {heading.country && heading.motto ? <Rule /> : null}
        {heading.motto ? <div className="cdoc-motto">{heading.motto}</div> : null}
        {heading.placeDate ? <div className="cdoc-place-date">{heading.placeDate}</div> : null}
      </div>
    </header>
  );
}

/** Column widths in proportion of the page, as the DOCX and PDF share them. */
function widths(columns: TableColumn[]): string[] {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => `${((c.width / total) * 100).toFixed(3)}%`);
}

function TableRowView({ row, columns }: { row: TableRow; columns: TableColumn[] }) {
  if (row.kind === 'group') {
    return (
      <tr className="cdoc-group">
        <td colSpan={columns.length}>{row.text}</td>
      </tr>
    );
  }
  return (
    <tr className={row.total ? 'cdoc-total' : undefined}>
      {columns.map((column, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional, one per column.
        <td key={index} style={alignStyle(column.align)}>
          <Runs runs={row.cells[index] ?? []} />
        </td>
      ))}
    </tr>
  );
}

function TableView({ block }: { block: Extract<Block, { type: 'table' }> }) {
  const cols = widths(block.columns);
  return (
    <table className={block.tall ? 'cdoc-table cdoc-tall' : 'cdoc-table'}>
      <colgroup>
        {cols.map((width, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
          <col key={index} style={{ width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {block.columns.map((column, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
            <th key={index} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {block.rows.length === 0 && block.empty ? (
          <tr className="cdoc-empty">
            <td colSpan={block.columns.length}>{block.empty}</td>
          </tr>
        ) : (
          block.rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are in document order and never move.
            <TableRowView key={index} row={row} columns={block.columns} />
          ))
        )}
      </tbody>
    </table>
  );
}

function BlockView({ block }: { block: Block }) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'title':
      return (
        <div className="cdoc-title-block">
          <h1 className="cdoc-title">{block.text}</h1>
          {block.subtitle ? <p className="cdoc-subtitle">{block.subtitle}</p> : null}
        </div>
      );
    case 'heading': {
      const Tag = block.level === 1 ? 'h2' : block.level === 2 ? 'h3' : 'h4';
      return <Tag>{block.text}</Tag>;
    }
    case 'paragraph':
      return (
        <p style={alignStyle(block.align)}>
          <Runs runs={block.runs} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items are in document order.
        <li key={index}>
          <Runs runs={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return <TableView block={block} />;
    case 'fields':
      return (
        <dl className="cdoc-fields">
          {block.items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: pairs are in document order.
            <div key={index} style={{ display: 'contents' }}>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'note':
      return <p className="cdoc-note">{block.text}</p>;
    case 'signature':
      return (
        <div className="cdoc-signature">
          {block.placeDate ? <p className="cdoc-signature-place">{block.placeDate}</p> : null}
          <div className="cdoc-signature-title">{block.title}</div>
          {block.name ? <div className="cdoc-signature-name">{block.name}</div> : null}
        </div>
      );
    case 'pageBreak':
      return <div className="cdoc-page-break">{t('documents.view.pageBreak')}</div>;
  }
}

/**
 * A document as it will be printed: an A4 sheet (portrait or landscape) with the administrative
 * heading, the blocks and the footer. Not paginated: page breaks are drawn as dashed lines.
 */
export function DocumentView({ model }: { model: DocumentModel }) {
  return (
    <div className="cdoc-desk">
      <article
        className={model.orientation === 'landscape' ? 'cdoc-page cdoc-landscape' : 'cdoc-page'}
        aria-label={model.title}
        // Documents are written in French whatever the interface language.
        lang="fr"
        data-kind={model.kind}
      >
        <Heading heading={model.heading} />
        <div className="cdoc-body">
          {model.blocks.map((block, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no id; the model is rebuilt whole.
            <BlockView key={index} block={block} />
          ))}
        </div>
        {model.footer ? <footer className="cdoc-footer">{model.footer}</footer> : null}
      </article>
    </div>
  );
}
