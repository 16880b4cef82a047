import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { CapacityRun } from './capacity';
import type { ScenarioResult } from './scenarios';
import type { SoakReport } from './soak';

/**
 * The report's charts: Vega-Lite specifications rendered to SVG by Vega in Node (no browser),
 * each with titled axes in their units and a legend.
 */
const WIDTH = 620;
const P99_BOUND_MS = 100;

async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const offeredLoad = { field: 'offered', type: 'quantitative', title: 'offered load (buyers arriving per second)' } as const;

/** p99 latency and error rate against offered load, one line per target, for one kind of item. */
export function capacityChart(title: string, runs: CapacityRun[]): Promise<string> {
  const rows = runs.flatMap((run) =>
    run.steps.map((step) => ({
      target: run.target,
      offered: step.offeredPerSecond,
      // A log scale has no 0; a sub-0.1 ms p99 is drawn at 0.1.
      p99: Math.max(0.1, step.latencyMs.p99),
      errorPercent: 100 * step.errorRate,
    })),
  );
  const color = { field: 'target', type: 'nominal', title: 'target', legend: { labelLimit: 320 } } as const;
  return toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    data: { values: rows },
    vconcat: [
      {
        width: WIDTH,
        height: 240,
        layer: [
          {
            mark: { type: 'line', point: true },
            encoding: {
              x: offeredLoad,
              y: { field: 'p99', type: 'quantitative', title: 'p99 latency of enter and pay (ms, log scale)', scale: { type: 'log' } },
              color,
            },
          },
          {
            data: { values: [{ bound: P99_BOUND_MS, label: `p99 bound, ${P99_BOUND_MS} ms` }] },
            layer: [
              { mark: { type: 'rule', strokeDash: [6, 4], color: '#666' }, encoding: { y: { field: 'bound', type: 'quantitative' } } },
              {
                mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -2, x: 'width', color: '#666' },
                encoding: { y: { field: 'bound', type: 'quantitative' }, text: { field: 'label' } },
              },
            ],
          },
        ],
      },
      {
        width: WIDTH,
        height: 140,
        mark: { type: 'line', point: true },
        encoding: {
          x: offeredLoad,
          // At least 0-1%: a run without errors shows a flat line at 0, not a degenerate axis.
          y: { field: 'errorPercent', type: 'quantitative', title: 'errors (% of requests)', scale: { domain: [0, Math.max(1, ...rows.map((row) => row.errorPercent))] } },
          color,
        },
      },
    ],
  });
}

/** Requests answered and their p99 latency, second by second, one line per endpoint. */
export function scenarioChart(scenario: Pick<ScenarioResult, 'name' | 'timeline'>): Promise<string> {
  const second = { field: 'second', type: 'quantitative', title: 'time since the first request (s)' } as const;
  const color = { field: 'endpoint', type: 'nominal', title: 'endpoint' } as const;
  return toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `${scenario.name}: second by second`,
    data: { values: scenario.timeline },
    vconcat: [
      {
        width: WIDTH,
        height: 180,
        mark: { type: 'line', point: true },
        encoding: { x: second, y: { field: 'requests', type: 'quantitative', title: 'requests answered (per second)' }, color },
      },
      {
        width: WIDTH,
        height: 180,
        mark: { type: 'line', point: true },
        encoding: { x: second, y: { field: 'p99Ms', type: 'quantitative', title: 'p99 latency (ms)' }, color },
      },
    ],
  });
}

/** The soak run by run: the load test's time, and the memory of each service process and of Redis. */
export function soakChart(soak: SoakReport): Promise<string> {
  const run = { field: 'run', type: 'ordinal', title: 'run of the seed\'s load test', axis: { labelAngle: 0 } } as const;
  const memory = soak.runs.flatMap((result, i) => [
    ...Object.entries(result.rssMiB).map(([name, mib]) => ({ run: i + 1, what: `${name} (RSS after a full GC)`, mib })),
    { run: i + 1, what: 'Redis (used memory)', mib: result.redisUsedMiB },
  ]);
  return toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Soak: the seed\'s load test again and again against one service',
    vconcat: [
      {
        width: WIDTH,
        height: 160,
        data: { values: soak.runs.map((result, i) => ({ run: i + 1, seconds: result.seconds })) },
        // Not a colour of the legend below, which is for the memory lines.
        mark: { type: 'line', point: true, color: '#333' },
        encoding: { x: run, y: { field: 'seconds', type: 'quantitative', title: 'time of the run (s)', scale: { zero: true } } },
      },
      {
        width: WIDTH,
        height: 200,
        data: { values: memory },
        mark: { type: 'line', point: true },
        encoding: { x: run, y: { field: 'mib', type: 'quantitative', title: 'memory (MiB)', scale: { zero: true } }, color: { field: 'what', type: 'nominal', title: 'process', legend: { labelLimit: 320 } } },
      },
    ],
  });
}
