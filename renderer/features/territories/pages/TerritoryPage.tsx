import {
  Alert,
  Breadcrumbs,
  Button,
  Code,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Tabs,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import type { OutputOf } from '../../../../shared/rpc';
import { applyServerErrors, errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { Link } from '../../../app/navigation';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { HistoryPanel } from '../../../components/HistoryPanel';
import { PageHeader } from '../../../components/PageHeader';
import { DetailFields } from '../../organisations/components/DetailFields';
import { LabelBadges } from '../../organisations/components/LabelBadges';
import { TerritoryCredit } from '../components/TerritoryCredit';
import { isCountry, levelName } from '../levels';

type TerritoryDetail = OutputOf<'territories.get'>;

/** One territory: where it sits, its subdivisions, its names (renaming keeps the old one). */
export function TerritoryPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const detail = useRpc('territories.get', { id });
  const countries = useRpc('territories.countries', {});
  const [renaming, setRenaming] = useState(false);
  const [editingAliases, setEditingAliases] = useState(false);

  if (detail.isPending) {
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{t('territories.detail.loading')}</Text>
      </Group>
    );
  }
  if (detail.isError) {
    return (
      <Stack>
        <PageHeader
          title={t('territories.list.title')}
          back={{ to: '/territories', label: t('territories.list.title') }}
        />
        <Alert color="red">{errorMessage(detail.error, t)}</Alert>
      </Stack>
    );
  }

  const territory = detail.data;
  const summary = countries.data?.find((c) => c.code === territory.countryCode);
  const countryName = summary
    ? summary.name[lang]
    : isCountry(territory.countryCode)
      ? t(`vocab.country.${territory.countryCode}`)
      : territory.countryCode;
  const children = [...territory.children].sort((a, b) => compareFr(a.name, b.name));
  // The country itself (level 0, when stored) is the territories page.
  const ancestors = territory.ancestors.filter((a) => a.level > 0);

  return (
    <Stack gap="md">
      <nav aria-label={t('territories.detail.breadcrumb')}>
        <Breadcrumbs separator="›">
          <Link to="/territories" size="sm">
            {t('territories.list.title')} · {countryName}
          </Link>
          {ancestors.map((a) => (
            <Link key={a.id} to={`/territories/${a.id}`} size="sm">
              {a.name}
            </Link>
          ))}
          <Text size="sm" aria-current="page">
            {territory.name}
          </Text>
        </Breadcrumbs>
      </nav>
      <PageHeader
        title={territory.name}
        subtitle={
          <Group gap="xs">
            <span>{levelName(summary, territory.level, lang, t)}</span>
            {territory.pcode ? <Code>{territory.pcode}</Code> : null}
          </Group>
        }
        actions={
          <>
            <Button onClick={() => setRenaming(true)}>{t('territories.detail.rename')}</Button>
            <Button variant="light" onClick={() => setEditingAliases(true)}>
              {t('territories.detail.editAliases')}
            </Button>
          </>
        }
      />

      <Tabs defaultValue="info" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="info">{t('territories.detail.tabInfo')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('territories.detail.tabHistory')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="info" pt="md">
          <Stack gap="lg">
            <DetailFields
              rows={[
                { label: t('territories.detail.country'), value: countryName },
                { label: t('territories.detail.level'), value: levelName(summary, territory.level, lang, t) },
                { label: t('territories.detail.pcode'), value: territory.pcode },
                {
                  label: t('territories.detail.aliases'),
                  value:
                    territory.aliases.length > 0 ? (
                      <LabelBadges labels={territory.aliases} />
                    ) : (
                      <Text span c="dimmed" size="sm">
                        {t('territories.detail.noAliases')}
                      </Text>
                    ),
                },
                {
                  label: t('territories.detail.source'),
                  value:
                    territory.source === 'reference'
                      ? t('territories.detail.sourceReference')
                      : t('territories.detail.sourceUser'),
                },
              ]}
            />

            <section>
              <Title order={4} mb="xs">
                {t('territories.detail.children')}
              </Title>
              {children.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('territories.detail.noChildren')}
                </Text>
              ) : (
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('territories.columns.name')}</Table.Th>
                      <Table.Th>{t('territories.columns.level')}</Table.Th>
                      <Table.Th>{t('territories.columns.pcode')}</Table.Th>
                      <Table.Th>{t('territories.columns.aliases')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {children.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Link to={`/territories/${c.id}`}>{c.name}</Link>
                        </Table.Td>
                        <Table.Td>{levelName(summary, c.level, lang, t)}</Table.Td>
                        <Table.Td>{c.pcode ? <Code>{c.pcode}</Code> : null}</Table.Td>
                        <Table.Td>{c.aliases.join(', ')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </section>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="history" pt="md">
          <HistoryPanel entityType="territory" entityId={id} />
        </Tabs.Panel>
      </Tabs>

      {/* Mounted only while open, so each opening starts from the record's current names. */}
      {renaming ? <RenameModal territory={territory} onClose={() => setRenaming(false)} /> : null}
      {editingAliases ? (
        <AliasesModal territory={territory} onClose={() => setEditingAliases(false)} />
      ) : null}
      <TerritoryCredit />
    </Stack>
  );
}

/** Fields of the update that a modal cannot show map onto the one field it has. */
function fieldErrors(form: { setFieldError(path: string, message: string): void }, field: string) {
  return { setFieldError: (_path: string, message: string) => form.setFieldError(field, message) };
}

function RenameModal({ territory, onClose }: { territory: TerritoryDetail; onClose(): void }) {
  const { t } = useTranslation();
  const update = useRpcMutation('territories.update');
  const form = useForm({
    initialValues: { name: territory.name },
    validate: { name: (v: string) => (v.trim() === '' ? t('errors.field.required') : null) },
  });

  async function submit(values: { name: string }) {
    try {
      // The backend keeps the former name among the aliases.
      await update.mutateAsync({ id: territory.id, name: values.name, aliases: territory.aliases });
      notifySaved(t, t('territories.detail.renamed'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(fieldErrors(form, 'name'), error, t)) notifyError(error, t);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('territories.detail.renameTitle')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('territories.detail.renameNewName')}
            description={t('territories.detail.renameHint', { name: territory.name })}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('territories.form.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('territories.detail.rename')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AliasesModal({ territory, onClose }: { territory: TerritoryDetail; onClose(): void }) {
  const { t } = useTranslation();
  const update = useRpcMutation('territories.update');
  const form = useForm({ initialValues: { aliases: territory.aliases } });

  async function submit(values: { aliases: string[] }) {
    try {
      await update.mutateAsync({ id: territory.id, name: territory.name, aliases: values.aliases });
      notifySaved(t, t('territories.detail.aliasesSaved'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(fieldErrors(form, 'aliases'), error, t)) notifyError(error, t);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('territories.detail.aliasesTitle')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <TagsInput
            label={t('territories.detail.aliases')}
            description={t('territories.form.aliasesHint')}
            placeholder={t('territories.form.aliasesPlaceholder')}
            splitChars={[';']}
            clearable
            data-autofocus
            {...form.getInputProps('aliases')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('territories.form.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('territories.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
