import { Alert, Badge, Center, Group, Loader, Modal, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { describeVerifyProblem } from '../../../shared/audit/describe-verify-problem.ts';
import type { VerifyProblem, VerifyReport } from '../../../shared/audit/verify-report.ts';
import type { AuditSource } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';

/** The verification report of ops-api.md for one source: what was checked and every problem by seq. */
export function VerifyReportModal({ source, onClose }: { source: AuditSource | null; onClose(): void }) {
  const { api } = useConsole();
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (source === null) return;
    let live = true;
    setReport(null);
    setFailure(null);
    api['sources/report']({ source: source.id }).then(
      (answer) => live && setReport(answer.report),
      (error: Error) => live && setFailure(error.message),
    );
    return () => {
      live = false;
    };
  }, [api, source]);

  return (
    <Modal opened={source !== null} onClose={onClose} size="xl" title={`Verification of ${source?.name ?? ''}`}>
      {failure !== null && <Alert color="red">{failure}</Alert>}
      {report === null && failure === null && (
        <Center h={120}>
          <Loader />
        </Center>
      )}
      {report !== null && <ReportBody report={report} />}
    </Modal>
  );
}

function ReportBody({ report }: { report: VerifyReport }) {
  const total = Object.values(report.problem_counts).reduce((sum, count) => sum + count, 0);
  return (
    <Stack gap="md">
      <Alert color={report.intact ? 'teal' : 'red'} variant={report.intact ? 'light' : 'filled'} title={report.intact ? 'Intact' : `Not intact: ${total} problem${total === 1 ? '' : 's'}`}>
        <Group gap="xs">
          {Object.entries(report.problem_counts).map(([kind, count]) => (
            <Badge key={kind} color="red" variant="white">
              {count} {kind.replaceAll('_', ' ')}
            </Badge>
          ))}
          {report.intact && <Text size="sm">Every event hashes to its stated hash and links to the one before it.</Text>}
        </Group>
      </Alert>
      <SimpleGrid cols={2} spacing="xs">
        <Fact label="Events">{report.events.toLocaleString()}</Fact>
        <Fact label="Seq range">{report.first_seq === null ? '—' : `${report.first_seq.toLocaleString()} – ${report.last_seq!.toLocaleString()}`}</Fact>
        <Fact label="Completeness">
          {report.completeness.status.replaceAll('_', ' ')}: {report.completeness.detail}
        </Fact>
        <Fact label="Signature">
          {report.signature.status.replaceAll('_', ' ')}: {report.signature.detail}
        </Fact>
      </SimpleGrid>
      {report.problems.length > 0 && (
        <ScrollArea.Autosize mah={360}>
          <Table striped highlightOnHover stickyHeader data-testid="verify-problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>Problem</Table.Th>
                <Table.Th w={90}>Seq</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.problems.map((problem, index) => (
                <Table.Tr key={index}>
                  <Table.Td>
                    <Badge color="red" variant="light" style={{ overflow: 'visible' }}>
                      {problem.kind.replaceAll('_', ' ')}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{seqOf(problem)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{describeVerifyProblem(problem)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {report.problems_omitted > 0 && <Text size="xs" c="dimmed">… and {report.problems_omitted.toLocaleString()} more not listed</Text>}
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

function seqOf(problem: VerifyProblem): string {
  if ('from_seq' in problem) return problem.from_seq === problem.to_seq ? String(problem.from_seq) : `${problem.from_seq}–${problem.to_seq}`;
  if (problem.kind === 'manifest_mismatch') return '—';
  return problem.seq === null ? '—' : String(problem.seq);
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}
