import { expect } from 'chai';
import { soakChecks, type SoakReport, type SoakRun } from '../bench/soak';

/** A soak run as a healthy service leaves it: `changes` alter what one run measured. */
function soakRun(i: number, changes: Partial<SoakRun> = {}): SoakRun {
  return {
    seconds: 20 + (i % 2),
    requests: 30_000,
    errors: 0,
    intakeP99Ms: 40,
    invariantViolations: [],
    rssMiB: { api: 120 + (i % 2), 'worker-1': 90 },
    redisUsedMiB: 30 + i,
    keysWithoutTtl: { items: 2 * (i + 1), queue: 20, other: { 'seq:order': 1 } },
    ...changes,
  };
}

function verdicts(runs: SoakRun[]): Record<string, boolean> {
  const report: SoakReport = { runs, queuePartitions: 16 };
  return Object.fromEntries(soakChecks(report).map((check) => [check.name.replace(/^soak: \d+ runs/, 'soak: runs'), check.pass]));
}

const healthy = () => Array.from({ length: 6 }, (_, i) => soakRun(i));

describe("The soak's checks (DESIGN §8: flat time and memory, nothing in Redis grows without a TTL)", () => {
  it('When every run looks alike (items added, Redis memory kept with a TTL), every check passes', () => {
    expect(Object.values(verdicts(healthy()))).to.deep.equal([true, true, true, true]);
  });

  it('When a key without a TTL that is not an item or queue key grows run by run, the Redis check fails and names it', () => {
    const runs = healthy().map((run, i) => ({ ...run, keysWithoutTtl: { ...run.keysWithoutTtl, other: { 'seq:order': 1, 'lost:N': i + 1 } } }));
    expect(verdicts(runs)['soak: Redis keys without a TTL']).to.equal(false);
    expect(soakChecks({ runs, queuePartitions: 16 }).at(-1)!.measured).to.include('growing: lost:N');
  });

  it('When orders left unsettled before the soak settle meanwhile (their mirrors get a TTL), fewer keys without a TTL pass', () => {
    const runs = healthy().map((run, i) => ({ ...run, keysWithoutTtl: { ...run.keysWithoutTtl, other: { 'seq:order': 1, 'order:N': 1000 - 200 * i } } }));
    expect(verdicts(runs)['soak: Redis keys without a TTL']).to.equal(true);
  });

  it('When the queues keep more keys than three a partition, the Redis check fails', () => {
    const runs = healthy();
    runs[5] = soakRun(5, { keysWithoutTtl: { items: 12, queue: 49, other: { 'seq:order': 1 } } });
    expect(verdicts(runs)['soak: Redis keys without a TTL']).to.equal(false);
  });

  it('When a process keeps more than 10% more memory after the last run than after the first, the memory check fails', () => {
    const runs = healthy();
    runs[5] = soakRun(5, { rssMiB: { api: 120, 'worker-1': 100 } });
    expect(verdicts(runs)['soak: memory of the service processes (RSS after a full GC)']).to.equal(false);
  });

  it('When the later runs take more than 20% longer, the time check fails; one slow run alone does not', () => {
    const slower = healthy().map((run, i) => (i >= 3 ? { ...run, seconds: 26 } : run));
    expect(verdicts(slower)['soak: time per run']).to.equal(false);
    const oneSlow = healthy();
    oneSlow[4] = soakRun(4, { seconds: 40 });
    expect(verdicts(oneSlow)['soak: time per run']).to.equal(true);
  });

  it('When a run has an error or a broken invariant, the first check fails', () => {
    const runs = healthy();
    runs[2] = soakRun(2, { errors: 1 });
    expect(verdicts(runs)["soak: runs of the seed's load test, errors and invariants"]).to.equal(false);
  });
});
