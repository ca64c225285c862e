import { Badge } from '@mantine/core';
import { COMMITMENT_STATUS_LABELS, type CommitmentStatus } from '../../../../electron/core/commitments/commitment';

const COLOURS: Record<CommitmentStatus, string> = { requested: 'gray', agreed: 'blue', declined: 'red', 'partly-met': 'yellow', delivered: 'green' };

export function CommitmentStatusBadge({ status, overdue }: { status: CommitmentStatus; overdue?: boolean }) {
  return (
    <>
      <Badge color={COLOURS[status]} variant="light">
        {COMMITMENT_STATUS_LABELS[status]}
      </Badge>
      {overdue && (
        <Badge color="red" ml={4}>
          Overdue
        </Badge>
      )}
    </>
  );
}
