import { ActionIcon, Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/domain/dates';
import type { BodyDetail, Holder, Seat } from '../../../../shared/rpc/bodies';
import { errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { Link } from '../../../app/navigation';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { EmptyState } from '../../../components/EmptyState';
import { DateField } from './DateField';
import { todayIso } from './dates';
import { HolderModal } from './HolderModal';
import { seatRoleLabel } from './labels';
import { SeatModal } from './SeatModal';

export interface CompositionProps {
  body: BodyDetail;
  /** A trashed body is shown but not edited. */
  readOnly?: boolean;
}

type Dialog = { kind: 'seat'; seat?: Seat } | { kind: 'holder'; seat: Seat; holder?: Holder } | null;

/** Seats can only be moved among seats the protocol order treats alike (same role and rank). */
function sameGroup(a: Seat | undefined, b: Seat | undefined): boolean {
  return !!a && !!b && a.role === b.role && a.rank === b.rank;
}

/**
 * The composition of a body: seats in protocol order, who held each one on a given day, and
 * every holder over time. "À la date du" answers "who sat on the body on 14 May 2018?".
 */
export function Composition({ body, readOnly = false }: CompositionProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const today = todayIso();
  const [date, setDate] = useState<string | null>(today);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const asAtDate = date ?? today;
  const asAt = useRpc(
    'composition.asAt',
    { bodyId: body.id, date: asAtDate },
    { placeholderData: keepPreviousData },
  );
  const reorder = useRpcMutation('seats.reorder');
  const removeSeat = useRpcMutation('seats.remove');
  const removeHolder = useRpcMutation('seats.removeHolder');

  const holderAt = useMemo(() => {
    const map = new Map<string, Holder | null>();
    if (asAt.data && asAt.data.date === asAtDate) for (const s of asAt.data.seats) map.set(s.id, s.holder);
    return map;
  }, [asAt.data, asAtDate]);
  const seats = body.seats;
  const isToday = asAtDate === today;
  const fmt = (iso: string) => formatDate(iso, lang);

  const roleOf = (seat: Seat) => seatRoleLabel(t, lang, seat.role, seat.rank);
  const seatLabel = (seat: Seat) => {
    const org = seat.organisation ? ` (${seat.organisation.label})` : '';
    return `${roleOf(seat)} — ${seat.function}${org}`;
  };
  const period = (h: Holder) =>
    h.to
      ? t('bodies.composition.periodClosed', { from: fmt(h.from), to: fmt(h.to) })
      : t('bodies.composition.periodOpen', { from: fmt(h.from) });

  const move = async (index: number, delta: -1 | 1) => {
    const ids = seats.map((s) => s.id);
    const other = index + delta;
    const a = ids[index];
    const b = ids[other];
    if (a === undefined || b === undefined) return;
    ids[index] = b;
    ids[other] = a;
    try {
      await reorder.mutateAsync({ bodyId: body.id, seatIds: ids });
    } catch (error) {
      notifyError(error, t);
    }
  };

  const toggle = (seatId: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(seatId)) next.delete(seatId);
      else next.add(seatId);
      return next;
    });

  const holderCell = (seat: Seat) => {
    if (asAt.isLoading) return <Loader size="xs" />;
    const holder = holderAt.get(seat.id) ?? null;
    if (!holder) {
      return (
        <Text size="sm" c="dimmed" fs="italic">
          {t('bodies.composition.vacant')}
        </Text>
      );
    }
    return (
      <Stack gap={0}>
        <Link to={`/people/${holder.person.id}`} size="sm">
          {holder.person.label}
        </Link>
        <Text size="xs" c="dimmed">
          {period(holder)}
        </Text>
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" gap="sm">
          <DateField
            label={t('bodies.composition.asAt')}
            value={date}
            onChange={(v) => setDate(v)}
            clearable={false}
          />
          {!isToday ? (
            <Button variant="subtle" onClick={() => setDate(today)}>
              {t('bodies.composition.backToToday')}
            </Button>
          ) : null}
        </Group>
        {!readOnly ? (
          <Button onClick={() => setDialog({ kind: 'seat' })}>{t('bodies.composition.addSeat')}</Button>
        ) : null}
      </Group>
      <Title order={4}>
        {isToday
          ? t('bodies.composition.currentTitle')
          : t('bodies.composition.asAtTitle', { date: fmt(asAtDate) })}
      </Title>
      {asAt.error ? <Alert color="red">{errorMessage(asAt.error, t)}</Alert> : null}

      {seats.length === 0 ? (
        <EmptyState
          title={t('bodies.composition.emptyTitle')}
          text={t('bodies.composition.emptyText')}
          action={
            readOnly ? undefined : (
              <Button onClick={() => setDialog({ kind: 'seat' })}>{t('bodies.composition.addSeat')}</Button>
            )
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="xs" aria-label={t('bodies.composition.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('bodies.composition.role')}</Table.Th>
                <Table.Th>{t('bodies.composition.function')}</Table.Th>
                <Table.Th>{t('bodies.composition.organisation')}</Table.Th>
                <Table.Th>{t('bodies.composition.vote')}</Table.Th>
                <Table.Th>
                  {isToday
                    ? t('bodies.composition.holderNow')
                    : t('bodies.composition.holderAt', { date: fmt(asAtDate) })}
                </Table.Th>
                <Table.Th>{t('bodies.composition.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {seats.map((seat, index) => {
                const open = expanded.has(seat.id);
                return (
                  <Fragment key={seat.id}>
                    <Table.Tr data-seat-id={seat.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {roleOf(seat)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{seat.function}</Text>
                        {seat.notes ? (
                          <Text size="xs" c="dimmed">
                            {seat.notes}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {seat.organisation ? (
                          <Link to={`/organisations/${seat.organisation.id}`} size="sm">
                            {seat.organisation.label}
                          </Link>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={seat.voting ? 'teal' : 'gray'} size="sm">
                          {seat.voting ? t('bodies.composition.votingYes') : t('bodies.composition.votingNo')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{holderCell(seat)}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="wrap">
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            aria-expanded={open}
                            onClick={() => toggle(seat.id)}
                          >
                            {t('bodies.composition.showHolders', { count: seat.holders.length })}
                          </Button>
                          {!readOnly ? (
                            <>
                              <Button
                                size="compact-xs"
                                variant="light"
                                onClick={() => setDialog({ kind: 'holder', seat })}
                              >
                                {t('bodies.composition.addHolder')}
                              </Button>
                              <ActionIcon
                                size="sm"
                                variant="subtle"
                                disabled={!sameGroup(seats[index - 1], seat) || reorder.isPending}
                                aria-label={t('bodies.composition.moveUp', { name: seat.function })}
                                onClick={() => void move(index, -1)}
                              >
                                <span aria-hidden>↑</span>
                              </ActionIcon>
                              <ActionIcon
                                size="sm"
                                variant="subtle"
                                disabled={!sameGroup(seats[index + 1], seat) || reorder.isPending}
                                aria-label={t('bodies.composition.moveDown', { name: seat.function })}
                                onClick={() => void move(index, 1)}
                              >
                                <span aria-hidden>↓</span>
                              </ActionIcon>
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                onClick={() => setDialog({ kind: 'seat', seat })}
                              >
                                {t('bodies.composition.editSeat')}
                              </Button>
                              <ConfirmAction
                                size="compact-xs"
                                variant="subtle"
                                label={t('bodies.composition.removeSeat')}
                                title={t('bodies.composition.removeSeatTitle')}
                                message={t('bodies.composition.removeSeatMessage', { name: seatLabel(seat) })}
                                onConfirm={async () => {
                                  await removeSeat.mutateAsync({ id: seat.id });
                                  notifySaved(t, t('bodies.composition.seatRemoved'));
                                }}
                              />
                            </>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    {open ? (
                      <Table.Tr>
                        <Table.Td colSpan={6} bg="var(--mantine-color-gray-0)">
                          {seat.holders.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              {t('bodies.composition.noHolders')}
                            </Text>
                          ) : (
                            <Stack
                              gap={6}
                              aria-label={t('bodies.composition.holdersOf', { name: seat.function })}
                            >
                              {[...seat.holders].reverse().map((holder) => (
                                <Group key={holder.id} gap="sm" wrap="wrap">
                                  <Link to={`/people/${holder.person.id}`} size="sm">
                                    {holder.person.label}
                                  </Link>
                                  <Text size="sm" c="dimmed">
                                    {period(holder)}
                                  </Text>
                                  {holder.note ? (
                                    <Text size="sm" fs="italic">
                                      {holder.note}
                                    </Text>
                                  ) : null}
                                  {!readOnly ? (
                                    <Group gap={4}>
                                      <Button
                                        size="compact-xs"
                                        variant="subtle"
                                        onClick={() => setDialog({ kind: 'holder', seat, holder })}
                                      >
                                        {t('bodies.composition.editHolder')}
                                      </Button>
                                      <ConfirmAction
                                        size="compact-xs"
                                        variant="subtle"
                                        label={t('bodies.composition.removeHolder')}
                                        title={t('bodies.composition.removeHolderTitle')}
                                        message={t('bodies.composition.removeHolderMessage', {
                                          name: holder.person.label,
                                          seat: seatLabel(seat),
                                        })}
                                        onConfirm={async () => {
                                          await removeHolder.mutateAsync({ id: holder.id });
                                          notifySaved(t, t('bodies.composition.holderRemoved'));
                                        }}
                                      />
                                    </Group>
                                  ) : null}
                                </Group>
                              ))}
                            </Stack>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {dialog?.kind === 'seat' ? (
        <SeatModal
          bodyId={body.id}
          {...(dialog.seat ? { seat: dialog.seat } : {})}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'holder' ? (
        <HolderModal
          seat={dialog.seat}
          {...(dialog.holder ? { holder: dialog.holder } : {})}
          seatLabel={seatLabel(dialog.seat)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Stack>
  );
}
