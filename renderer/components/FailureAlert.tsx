import { Alert } from '@mantine/core';

/** Why the last action failed, in the user's words, announced to screen readers; nothing when null. */
export function FailureAlert({ message }: { message: string | null }) {
  return message ? (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  ) : null;
}
