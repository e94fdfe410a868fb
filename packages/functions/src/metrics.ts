import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { METRICS_NAMESPACE, METRICS_SERVICE, type OperationalMetric } from "@debrief/core";

/** The slice of a metrics client the handlers use: counts, published at the end of an invocation. */
export type AppMetrics = {
  count(metric: OperationalMetric, value: number): void;
  publish(): void;
};

let metrics: Metrics | undefined;

/**
 * Powertools' metrics, as CloudWatch embedded metric format lines in the function's log: one
 * client per Lambda instance, made on first use, so only the functions that count load it.
 */
export function lambdaMetrics(): AppMetrics {
  metrics ??= new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });
  const m = metrics;
  return {
    count: (metric, value) => m.addMetric(metric, MetricUnit.Count, value),
    publish: () => m.publishStoredMetrics(),
  };
}
