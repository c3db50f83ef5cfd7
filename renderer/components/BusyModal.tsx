import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

export interface BusyModalProps {
  title: ReactNode;
  /** While set, the dialog cannot be closed: the work it shows would be left without a screen. */
  busy: boolean;
  onClose: () => void;
  children: ReactNode;
}

/** A large dialog that stays open while its work runs (no close button, Escape or outside click). */
export function BusyModal({ title, busy, onClose, children }: BusyModalProps) {
  return (
    <Modal
      opened
      onClose={busy ? () => {} : onClose}
      title={title}
      size="lg"
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
    >
      {children}
    </Modal>
  );
}
