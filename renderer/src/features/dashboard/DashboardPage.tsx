import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatIsoDate } from '../../../../electron/core/dates/londonDate';
import type { DashboardLetter } from '../../../../electron/core/dashboard/summary';
import { useApiQuery } from '../../api/queries';

function LetterTable({ rows, total, label, days }: { rows: DashboardLetter[]; total: number; label: string; days: (n: number) => string }) {
  if (rows.length === 0) return <Text size="sm" c="dimmed">None.</Text>;
  return (
    <Table aria-label={label} fz="sm">
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor component={Link} to={`/letters/${r.id}`}>
                {r.reference}
              </Anchor>
            </Table.Td>
            <Table.Td>{r.organisation || r.recipient}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.deadlineDate && formatIsoDate(r.deadlineDate)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm" fw={600} c={label.includes('overdue') ? 'red' : 'blue'}>
                {days(r.days)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      {total > rows.length && (
        <Table.Caption>
          and {(total - rows.length).toLocaleString('en-GB')} more in the{' '}
          <Anchor component={Link} to="/letters">
            letters register
          </Anchor>
        </Table.Caption>
      )}
    </Table>
  );
}

/** Home: what needs chasing today, what is due soon, who owes the most, and how quickly each body replies. */
export function DashboardPage() {
  const summary = useApiQuery('dashboard.summary', {});
  const s = summary.data;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Today
        </Title>
        {s && <Text c="dimmed">{formatIsoDate(s.today)}</Text>}
      </Group>
      {summary.isError && <Alert color="red">{summary.error.message}</Alert>}
      {s && (
        <SimpleGrid cols={2} spacing="md">
          <Paper withBorder p="md" data-testid="replies-overdue">
            <Title order={2} size="h4" mb="xs">
              Replies overdue ({s.repliesOverdueTotal.toLocaleString('en-GB')})
            </Title>
            <LetterTable rows={s.repliesOverdue} total={s.repliesOverdueTotal} label="Replies overdue" days={(n) => `${plural(n, 'day')} overdue`} />
          </Paper>
          <Paper withBorder p="md" data-testid="replies-due">
            <Title order={2} size="h4" mb="xs">
              Replies due in the next 7 days ({s.repliesDueSoonTotal.toLocaleString('en-GB')})
            </Title>
            <LetterTable rows={s.repliesDueSoon} total={s.repliesDueSoonTotal} label="Replies due soon" days={(n) => (n === 0 ? 'today' : `in ${plural(n, 'day')}`)} />
          </Paper>
          <Paper withBorder p="md" data-testid="commitments-overdue">
            <Title order={2} size="h4" mb="xs">
              Commitments overdue, by organisation
            </Title>
            {s.commitmentsOverdueByOrganisation.length === 0 ? (
              <Text size="sm" c="dimmed">None.</Text>
            ) : (
              <Table fz="sm">
                <Table.Tbody>
                  {s.commitmentsOverdueByOrganisation.map((o) => (
                    <Table.Tr key={o.organisation}>
                      <Table.Td>
                        <Anchor component={Link} to={`/commitments?organisation=${encodeURIComponent(o.organisation)}&overdue=1`}>
                          {o.organisation}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{o.count}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <Paper withBorder p="md" data-testid="recent-replies">
            <Title order={2} size="h4" mb="xs">
              Replies received in the last fortnight
            </Title>
            {s.recentReplies.length === 0 ? (
              <Text size="sm" c="dimmed">None.</Text>
            ) : (
              <Stack gap={4}>
                {s.recentReplies.map((r) => (
                  <Text key={r.replyId} size="sm">
                    {formatIsoDate(r.receivedDate)}:{' '}
                    <Anchor component={Link} to={`/letters/${r.letterId}`}>
                      {r.reference}
                    </Anchor>{' '}
                    from {r.from} <Text span c="dimmed">{r.summary.slice(0, 80)}</Text>
                  </Text>
                ))}
              </Stack>
            )}
          </Paper>
          <Paper withBorder p="md" data-testid="reply-times">
            <Title order={2} size="h4" mb="xs">
              How long each organisation takes to reply
            </Title>
            {s.replyTimes.length === 0 ? (
              <Text size="sm" c="dimmed">No replies yet.</Text>
            ) : (
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Organisation</Table.Th>
                    <Table.Th>Median days to reply</Table.Th>
                    <Table.Th>Replies</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.replyTimes.map((t) => (
                    <Table.Tr key={t.organisation}>
                      <Table.Td>{t.organisation}</Table.Td>
                      <Table.Td>{t.medianDays}</Table.Td>
                      <Table.Td>{t.replies}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </SimpleGrid>
      )}
    </Stack>
  );
}
