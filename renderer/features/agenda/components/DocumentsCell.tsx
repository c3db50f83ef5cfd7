import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftDocument } from '../draft';

export interface DocumentsCellProps {
  /** The entry's title, for labels ("Ajouter un document — Ouverture"). */
  entryTitle: string;
  documents: DraftDocument[];
  onChange: (documents: DraftDocument[]) => void;
  readOnly?: boolean;
}

/** The documents presented or examined under one item: titles with an optional reference. */
export function DocumentsCell({ entryTitle, documents, onChange, readOnly }: DocumentsCellProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setAdding(false);
    setTitle('');
    setReference('');
    setError(null);
  };
  const add = () => {
    if (title.trim() === '') {
      setError(t('errors.field.required'));
      return;
    }
    onChange([...documents, { title: title.trim(), reference: reference.trim() }]);
    close();
  };

  return (
    <Stack gap={2}>
      {documents.map((doc, index) => (
        // Documents have no identity of their own: position is what tells them apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Group key={index} gap={4} wrap="nowrap" align="flex-start">
          <Text size="xs" style={{ flex: 1, minWidth: 0 }} title={doc.reference || undefined}>
            {doc.title}
            {doc.reference ? (
              <Text span size="xs" c="dimmed">
                {' '}
                ({doc.reference})
              </Text>
            ) : null}
          </Text>
          {!readOnly ? (
            <ActionIcon
              size="xs"
              variant="subtle"
              color="red"
              aria-label={t('agenda.documents.remove', { title: doc.title })}
              onClick={() => onChange(documents.filter((_, i) => i !== index))}
            >
              <span aria-hidden>×</span>
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      {!readOnly ? (
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={t('agenda.documents.addOf', { title: entryTitle })}
          onClick={() => setAdding(true)}
        >
          + {t('agenda.documents.add')}
        </Button>
      ) : null}
      {adding ? (
        <Modal opened onClose={close} title={t('agenda.documents.addTitle')} centered>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {entryTitle}
            </Text>
            <TextInput
              label={t('agenda.documents.title')}
              required
              value={title}
              error={error}
              data-autofocus
              onChange={(event) => {
                setTitle(event.currentTarget.value);
                setError(null);
              }}
            />
            <TextInput
              label={t('agenda.documents.reference')}
              value={reference}
              onChange={(event) => setReference(event.currentTarget.value)}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.actions.cancel')}
              </Button>
              <Button onClick={add}>{t('common.actions.add')}</Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
