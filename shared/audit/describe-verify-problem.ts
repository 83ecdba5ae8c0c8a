import type { EventRef, VerifyProblem } from './verify-report.ts';

/** One line of plain English per problem, naming seq, id and line. */
export function describeVerifyProblem(problem: VerifyProblem): string {
  switch (problem.kind) {
    case 'unreadable_line':
      return `line ${problem.line}${problem.seq === null ? '' : ` (seq ${problem.seq}${problem.id === null ? '' : `, ${problem.id}`})`}: unreadable: ${problem.reason}`;
    case 'altered':
      return `${at(problem)}: altered: ${problem.computed_hash === null ? `cannot be hashed (${problem.reason})` : `content hashes to ${short(problem.computed_hash)}, the event states ${short(problem.stated_hash)}`}`;
    case 'chain_break':
      return `${at(problem)}: chain break: prev_hash ${short(problem.stated_prev_hash)} is not ${problem.previous === null ? 'the genesis hash (64 zeros)' : `the hash of seq ${problem.previous.seq} (${problem.previous.id}, line ${problem.previous.line}), ${short(problem.expected_prev_hash)}`}`;
    case 'missing_range':
      return `missing: seq ${seqs(problem.from_seq, problem.to_seq)} (${problem.count} event${problem.count === 1 ? '' : 's'}) between ${ref(problem.before)} and ${ref(problem.after)}${problem.chain_linked ? '; the chain still links across, so the seqs were skipped, not removed' : ''}`;
    case 'duplicate':
      return `${at(problem)}: duplicate of line ${problem.first_line}`;
    case 'out_of_order':
      return `${at(problem)}: out of order: follows ${ref(problem.follows)}`;
    case 'manifest_mismatch':
      return `manifest ${problem.field} is ${problem.manifest ?? 'null'}, the file's is ${problem.file ?? 'null'}: ${mismatchMeaning[problem.suggests]}`;
    case 'truncated_range':
      return `truncated: seq ${seqs(problem.from_seq, problem.to_seq)} cut off ${side[problem.end]} the file's ${problem.end} event, ${ref(problem.file_end)}`;
    case 'appended_range':
      return `appended: seq ${seqs(problem.from_seq, problem.to_seq)} added ${side[problem.end]} the manifest's ${problem.end} seq; the file's ${problem.end} event is ${ref(problem.file_end)}`;
  }
}

const mismatchMeaning = {
  removed: 'lines were removed',
  added: 'lines were added',
  truncated: 'the file was truncated',
  appended: 'events were appended',
  changed: 'the file was changed',
} as const;

const side = { first: 'before', last: 'after' } as const;

function seqs(from: number, to: number): string {
  return from === to ? String(from) : `${from}..${to}`;
}

function at(event: EventRef): string {
  return `line ${event.line} seq ${event.seq} ${event.id}`;
}

function ref(event: EventRef): string {
  return `seq ${event.seq} (${event.id}, line ${event.line})`;
}

function short(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 12)}…` : JSON.stringify(hash);
}
