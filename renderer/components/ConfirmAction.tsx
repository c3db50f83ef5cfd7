import { Button, type ButtonProps, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../app/errors';

export interface ConfirmActionProps {
  /** Text of the button that opens the confirmation. */
  label: string;
  /** Title of the confirmation dialog. */
  title: string;
  /** What will happen, in one or two sentences. */
  message: ReactNode;
  /** Called after confirmation (with the reason when `withReason` is set). A rejection keeps the dialog open and is notified. */
  onConfirm: (reason: string) => unknown;
  /** Button colour; 'red' for destructive actions (default). */
  color?: ButtonProps['color'];
  /** Asks for a required reason (e.g. why an instance is closed) and passes it to onConfirm. */
  withReason?: { label: string };
  /** Text of the confirming button; the opening label by default. */
  confirmLabel?: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  disabled?: boolean;
  leftSection?: ReactNode;
}

/** A button that asks "are you sure?" in a dialog before doing something hard to undo. */
export function ConfirmAction({
  label,
  title,
  message,
  onConfirm,
  color = 'red',
  withReason,
  confirmLabel,
  variant = 'light',
  size = 'sm',
  disabled,
  leftSection,
}: ConfirmActionProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    if (busy) return;
    setOpened(false);
    setReason('');
    setReasonError(null);
  };

  const confirm = async () => {
    if (withReason && reason.trim() === '') {
      setReasonError(t('errors.field.required'));
      return;
    }
    setBusy(true);
    try {
      await onConfirm(reason.trim());
      setBusy(false);
      setOpened(false);
      setReason('');
    } catch (error) {
      setBusy(false);
      notifyError(error, t);
    }
  };

  return (
    <>
      <Button
        color={color}
        variant={variant}
        size={size}
        disabled={disabled}
        leftSection={leftSection}
        onClick={() => setOpened(true)}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack gap="md">
          <Text size="sm" component="div">
            {message}
          </Text>
          {withReason ? (
            <Textarea
              label={withReason.label}
              required
              autosize
              minRows={2}
              value={reason}
              error={reasonError}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setReasonError(null);
              }}
              data-autofocus
            />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common.actions.cancel')}
            </Button>
            <Button color={color} loading={busy} onClick={() => void confirm()}>
              {confirmLabel ?? label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
