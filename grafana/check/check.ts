/**
 * The type every dashboard in grafana/dashboards must satisfy: the `Dashboard` of @grafana/schema (pinned to the
 * Grafana version docker-compose.yml runs), with each panel's options checked against its panel type's own schema.
 *
 * A dashboard is checked as an object literal (generate.mjs wraps each JSON file in a .ts module typed
 * `DashboardJson`), not through `import x from '….json'`: a JSON import widens every string to `string`, so no enum
 * field (`"mode": "absolute"`, `"type": "query"`) could ever match, and an imported object gets no excess-property
 * check, so a misspelt key would pass. As a literal, `"legendFormat"` misspelt as `"legendFormt"` or an unknown
 * `"displayMode"` is a compile error at the JSON file's own line.
 */
import type {
  Dashboard,
  DataSourceRef,
  FieldConfig,
  FieldConfigSource,
  Panel,
  RowPanel,
} from '@grafana/schema';
import type {
  FieldConfig as TimeSeriesFieldConfig,
  Options as TimeSeriesOptions,
} from '@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen.d.ts';
import type { Options as StatOptions } from '@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen.d.ts';
import type { Options as BarGaugeOptions } from '@grafana/schema/dist/esm/raw/composable/bargauge/panelcfg/x/BarGaugePanelCfg_types.gen.d.ts';

/**
 * What a value of type T looks like in JSON: @grafana/schema declares its enumerations as TypeScript enums, which no
 * string literal satisfies, so each string enum becomes the union of its values (`ThresholdsMode` → "absolute" |
 * "percentage"). Numeric enums stay: a number literal outside the enum is still an error.
 */
export type Json<T> = T extends string
  ? string extends T ? string : `${T}`
  : T extends number | boolean | null | undefined
    ? T
    : T extends ReadonlyArray<infer U>
      ? Array<Json<U>>
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

/**
 * A Prometheus query as Grafana 11 saves it. @grafana/schema 11.6 has no Prometheus query type (the panel schema
 * types targets as `Record<string, unknown>`), so the fields Grafana writes are listed here.
 */
export interface PrometheusTarget {
  refId: string;
  expr: string;
  datasource?: Json<DataSourceRef>;
  legendFormat?: string;
  instant?: boolean;
  range?: boolean;
  format?: 'time_series' | 'table' | 'heatmap';
  editorMode?: 'code' | 'builder';
  interval?: string;
  intervalFactor?: number;
  exemplar?: boolean;
  hide?: boolean;
}

type FieldConfigJson<Custom> = Json<Omit<FieldConfigSource, 'defaults'>> & {
  defaults: Json<Omit<FieldConfig, 'custom'>> & { custom?: Json<Custom> };
};

/** Fields every panel of ours has: an id, a title, a place on the grid, the Prometheus data source, its queries. */
type PanelBase = Json<Omit<Panel, 'type' | 'options' | 'fieldConfig' | 'targets' | 'datasource'>> &
  Required<Json<Pick<Panel, 'id' | 'title' | 'gridPos'>>> & {
    datasource: Json<DataSourceRef>;
    targets: PrometheusTarget[];
  };

type PanelOf<Type extends string, Options, Custom = Record<string, never>> = PanelBase & {
  type: Type;
  options: Json<Options>;
  fieldConfig: FieldConfigJson<Custom>;
};

/** The panel types the Pipelens dashboards use; add one here (with its schema) before using it. */
export type PanelJson =
  | PanelOf<'timeseries', TimeSeriesOptions, TimeSeriesFieldConfig>
  | PanelOf<'stat', StatOptions>
  | PanelOf<'bargauge', BarGaugeOptions>;

export type DashboardJson = Json<Omit<Dashboard, 'panels'>> &
  Required<Json<Pick<Dashboard, 'uid' | 'title'>>> & {
    panels: Array<PanelJson | (Json<Omit<RowPanel, 'panels'>> & { panels: PanelJson[] })>;
  };
