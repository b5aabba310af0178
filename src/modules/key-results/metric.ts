/** A KR's metric from a request: defaults for boolean KRs, inferred direction, validation. */
import type { KeyResultRow } from '../../db/schema.js';
import type { FieldProblem } from '../../domain/errors.js';
import { inferDirection, validateMetric, type MetricSpec } from '../../domain/progress.js';

export interface MetricInput {
  metricType?: MetricSpec['metricType'];
  startValue?: number;
  targetValue?: number;
  direction?: MetricSpec['direction'];
}

/**
 * The metric a create (no `current`) or a PATCH (over `current`) asks for, with its problems.
 * Boolean KRs default to 0 → 1; a missing direction is inferred from start and target (on a
 * PATCH, re-inferred when start or target change).
 */
export function resolveMetric(
  input: MetricInput,
  current?: KeyResultRow,
): { spec: MetricSpec; problems: FieldProblem[] } {
  const metricType = input.metricType ?? current?.metric_type ?? 'number';
  const boolean = metricType === 'boolean';
  const startValue = input.startValue ?? current?.start_value ?? (boolean ? 0 : undefined);
  const targetValue = input.targetValue ?? current?.target_value ?? (boolean ? 1 : undefined);
  const problems: FieldProblem[] = [];
  if (startValue === undefined) {
    problems.push({ path: 'startValue', message: 'is required', code: 'metric.required' });
  }
  if (targetValue === undefined) {
    problems.push({ path: 'targetValue', message: 'is required', code: 'metric.required' });
  }
  const start = startValue ?? 0;
  const target = targetValue ?? 0;
  const moved = input.startValue !== undefined || input.targetValue !== undefined;
  const direction =
    input.direction ?? (current && !moved ? current.direction : inferDirection(start, target));
  const spec: MetricSpec = { metricType, startValue: start, targetValue: target, direction };
  if (problems.length === 0) problems.push(...validateMetric(spec));
  return { spec, problems };
}
