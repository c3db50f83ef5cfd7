import { Button, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { type ChangeEvent, type DragEvent, type ReactNode, useRef, useState } from 'react';

export interface FileDrag {
  /** A file is being dragged over the drop zone. */
  dragging: boolean;
  /** Spread on the element that takes the drop (a whole page or the zone itself). */
  dropZone: {
    onDragOver: (event: DragEvent) => void;
    onDragLeave: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
  };
}

/** Follows a file dragged from the desktop and hands over the first one dropped. */
export function useFileDrag(onFile: (file: File) => void): FileDrag {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    dropZone: {
      onDragOver: (event) => {
        // Only files: text or links dragged inside the page keep their usual behaviour.
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        if (!dragging) setDragging(true);
      },
      onDragLeave: (event) => {
        // Leaving a child element is not leaving the zone.
        if (event.currentTarget === event.target) setDragging(false);
      },
      onDrop: (event) => {
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      },
    },
  };
}

export interface FileDropProps {
  /** What the zone says; callers change it while `dragging`. */
  heading: ReactNode;
  description?: ReactNode;
  /** The accessible name of the hidden file input. */
  inputLabel: string;
  chooseLabel: string;
  /** What the file dialog offers; the backend checks the content whatever the name. */
  accept: string;
  /** "Lecture de « x »…" while a file is being read; the button waits meanwhile. */
  reading: string | null;
  dragging: boolean;
  onFile: (file: File) => void;
  /** Given when the zone itself takes the drop (rather than the whole page). */
  dropZone?: FileDrag['dropZone'];
  /** The main thing on its page: more room and a larger button. */
  prominent?: boolean;
}

/** A dashed zone to drop a file on, with a button opening the file dialog. */
export function FileDrop({
  heading,
  description,
  inputLabel,
  chooseLabel,
  accept,
  reading,
  dragging,
  onFile,
  dropZone,
  prominent = false,
}: FileDropProps) {
  const input = useRef<HTMLInputElement>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // The same file chosen again (after it was corrected, or after a wrong one) must be read again.
    event.currentTarget.value = '';
    if (file) onFile(file);
  };

  return (
    <Paper
      withBorder
      p={prominent ? 'xl' : 'lg'}
      radius="md"
      {...dropZone}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
      }}
    >
      <Stack align="center" gap="sm" ta="center">
        {heading}
        {description}
        <VisuallyHidden>
          <label>
            {inputLabel}
            <input ref={input} type="file" accept={accept} onChange={onChange} />
          </label>
        </VisuallyHidden>
        <Button
          onClick={() => input.current?.click()}
          loading={reading !== null}
          size={prominent ? 'md' : undefined}
        >
          {chooseLabel}
        </Button>
        {reading ? (
          <Text size="sm" c="dimmed">
            {reading}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
