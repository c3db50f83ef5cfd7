import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { type Editor, useEditor } from '@tiptap/react';
import type { TFunction } from 'i18next';
import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sanitizeDoc } from '../../../shared/domain/minutes';
import type { MinutesSection, RichText } from '../../../shared/rpc/recommendations';
import { ConfirmAction } from '../../components/ConfirmAction';
import { asRichText, minutesExtensions } from './richText';

export interface SectionHandlers {
  content: (id: string, doc: RichText) => void;
  title: (id: string, title: string) => void;
  remove: (id: string) => void;
  /** The editor lost the focus: a good moment to save. */
  blur: () => void;
  /** "Créer une recommandation" with the text selected in this section (may be empty). */
  recommend: (section: MinutesSection, selectedText: string) => void;
}

export interface SectionEditorProps {
  /** Its content is read once, when the editor is created (the editor owns it afterwards). */
  section: MinutesSection;
  index: number;
  editable: boolean;
  /** Recommendations can be created (the meeting is not in the trash). */
  canRecommend: boolean;
  labels: Partial<RichTextEditorLabels>;
  handlers: SectionHandlers;
}

/** The text selected in the editor, paragraphs on their own lines. */
function selectedText(editor: Editor | null): string {
  if (!editor) return '';
  const { from, to, empty } = editor.state.selection;
  return empty ? '' : editor.state.doc.textBetween(from, to, '\n', ' ').trim();
}

/**
 * One section of the minutes: its title (editable for sections added by hand), who led the
 * item, and a rich-text editor with a short toolbar. The editor is uncontrolled: each change is
 * reported and the parent keeps the document; the content prop is not read again.
 */
export const SectionEditor = memo(function SectionEditor({
  section,
  index,
  editable,
  canRecommend,
  labels,
  handlers,
}: SectionEditorProps) {
  const { t } = useTranslation();
  const [extensions] = useState(minutesExtensions);
  const [initial] = useState(() => sanitizeDoc(section.content));
  const title = section.title.trim() || t('minutes.section.untitled', { n: index + 1 });
  const editorProps = useMemo(
    () => ({
      attributes: {
        'aria-label': t('minutes.section.textOf', { title }),
        role: 'textbox',
        'aria-multiline': 'true',
      },
    }),
    [t, title],
  );

  const editor = useEditor({
    extensions,
    content: initial,
    editable,
    editorProps,
    onUpdate: ({ editor: e }) => handlers.content(section.id, asRichText(e.getJSON())),
    onBlur: () => handlers.blur(),
  });

  // Options given to useEditor keep the editability it was created with: status changes apply here.
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  const custom = section.kind === 'custom';
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            {custom && editable ? (
              <TextInput
                label={t('minutes.section.titleLabel')}
                value={section.title}
                onChange={(event) => handlers.title(section.id, event.currentTarget.value)}
                maxLength={500}
                placeholder={t('minutes.section.titlePlaceholder')}
              />
            ) : (
              <Title order={4}>{title}</Title>
            )}
            {section.responsible ? (
              <Text size="sm" c="dimmed">
                {section.responsible}
              </Text>
            ) : null}
          </Stack>
          <Group gap="xs" wrap="nowrap">
            {canRecommend ? (
              <Button
                size="xs"
                variant="light"
                // Keeps the selection in the editor: the button must not take the focus first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => handlers.recommend(section, selectedText(editor))}
              >
                {t('minutes.recommend.button')}
              </Button>
            ) : null}
            {custom && editable ? (
              <ConfirmAction
                size="xs"
                label={t('minutes.section.remove')}
                title={t('minutes.section.removeTitle')}
                message={t('minutes.section.removeMessage', { title })}
                onConfirm={() => handlers.remove(section.id)}
              />
            ) : null}
          </Group>
        </Group>
        <RichTextEditor editor={editor} labels={labels}>
          {editable ? (
            <RichTextEditor.Toolbar>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.H2 />
                <RichTextEditor.H3 />
                <RichTextEditor.H4 />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.Bold />
                <RichTextEditor.Italic />
                <RichTextEditor.Underline />
                <RichTextEditor.Strikethrough />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.BulletList />
                <RichTextEditor.OrderedList />
                <RichTextEditor.Blockquote />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.Link />
                <RichTextEditor.Unlink />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.TableInsert />
                <RichTextEditor.TableRowAfter />
                <RichTextEditor.TableColumnAfter />
                <RichTextEditor.TableRowDelete />
                <RichTextEditor.TableColumnDelete />
                <RichTextEditor.TableDelete />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.Undo />
                <RichTextEditor.Redo />
              </RichTextEditor.ControlsGroup>
            </RichTextEditor.Toolbar>
          ) : null}
          <RichTextEditor.Content />
        </RichTextEditor>
      </Stack>
    </Paper>
  );
});

/** The toolbar's tooltips and accessible names, in the interface language. */
export function editorLabels(t: TFunction) {
  const labels: Partial<RichTextEditorLabels> = {
    boldControlLabel: t('minutes.toolbar.bold'),
    italicControlLabel: t('minutes.toolbar.italic'),
    underlineControlLabel: t('minutes.toolbar.underline'),
    strikeControlLabel: t('minutes.toolbar.strike'),
    h2ControlLabel: t('minutes.toolbar.h2'),
    h3ControlLabel: t('minutes.toolbar.h3'),
    h4ControlLabel: t('minutes.toolbar.h4'),
    bulletListControlLabel: t('minutes.toolbar.bulletList'),
    orderedListControlLabel: t('minutes.toolbar.orderedList'),
    blockquoteControlLabel: t('minutes.toolbar.blockquote'),
    linkControlLabel: t('minutes.toolbar.link'),
    unlinkControlLabel: t('minutes.toolbar.unlink'),
    linkEditorInputLabel: t('minutes.toolbar.linkInput'),
    linkEditorInputPlaceholder: t('minutes.toolbar.linkPlaceholder'),
    linkEditorExternalLink: t('minutes.toolbar.linkExternal'),
    linkEditorInternalLink: t('minutes.toolbar.linkInternal'),
    linkEditorSave: t('minutes.toolbar.linkSave'),
    tableInsertControlLabel: t('minutes.toolbar.tableInsert'),
    tableInsertLabel: (columns: number, rows: number) => t('minutes.toolbar.tableSize', { columns, rows }),
    tableRowAfterControlLabel: t('minutes.toolbar.rowAfter'),
    tableColumnAfterControlLabel: t('minutes.toolbar.columnAfter'),
    tableRowDeleteControlLabel: t('minutes.toolbar.rowDelete'),
    tableColumnDeleteControlLabel: t('minutes.toolbar.columnDelete'),
    tableDeleteControlLabel: t('minutes.toolbar.tableDelete'),
    undoControlLabel: t('minutes.toolbar.undo'),
    redoControlLabel: t('minutes.toolbar.redo'),
  };
  return labels;
}
