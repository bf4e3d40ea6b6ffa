/** Framework-free d3 charts of the 2006 argument (see README.md): React only creates and destroys them. */
export { createLineChart, valueAt, DEFAULT_WIDTH } from './lineChart';
export type {
  ChartAxis,
  ChartBand,
  ChartHandle,
  ChartPoint,
  ChartRule,
  ChartSeries,
  LineChartSpec,
} from './lineChart';
export {
  ceilingData,
  ceilingSpec,
  createCeilingChart,
  legacyBound,
  LEGACY_LOWMEM_PER_IMAGE_PAGE,
} from './ceiling';
export type { CeilingData } from './ceiling';
export { createMetadataChart, metadataData, metadataSpec } from './metadata';
export type { MetadataData, MetadataLine, MetadataMachine } from './metadata';
export { formatKiB, formatMiB, formatPercent, pagesToMiB } from './format';
export { LEGACY_DASH, MODEL_COLOURS, RULE_COLOUR, SECOND_DASH } from './palette';
