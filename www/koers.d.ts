// Types of koers's ES module API (koers.mjs, and the bundle
// pkg/koers-element.js, which exports the same) and of the
// <koers-dashboard> element. Every number is computed by koers-core in
// WebAssembly; these are the shapes it returns.

/** A part of the dashboard, as in embed.html?view=…: `overview`, `vision`,
 * `headlines`, `headline/T-…`, `priorities`, `priority/P1`…`P6`,
 * `target/T-…`, `chart/T-…`, `chart/I-…`, `indicator/I-…`, `multipliers`,
 * `windows`, `revolving`, `scenario`. Unknown names show the overview. */
export type View = string;

/** Interface language: Dutch (the default) or English. */
export type Lang = 'nl' | 'en';

export interface MountOptions {
  /** The part to draw; default `overview`. */
  view?: View;
  /** Default `nl`. */
  lang?: Lang;
  /** The full dashboard's address, opened by the part's links; default
   * the index.html next to koers.mjs. */
  home?: string;
}

/** A mounted part: its own state and language. */
export interface Handle {
  setView(view: View): void;
  setLang(lang: Lang): void;
  /** Remove it, with its listeners. */
  destroy(): void;
}

/** Load the WebAssembly once (done by every other function when needed);
 * `wasm` overrides where koers_wasm_bg.wasm is, or gives its bytes. */
export function load(wasm?: string | URL | Request | BufferSource | WebAssembly.Module): Promise<unknown>;

/** Draw one part of koers into `element`'s (open) shadow root, with the
 * stylesheet adopted there. */
export function mount(element: HTMLElement, options?: MountOptions): Promise<Handle>;

export interface Point {
  year: number;
  /** NaN means missing. */
  value: number;
}

export type Status =
  | 'target_achieved'
  | 'substantial_progress'
  | 'moderate_progress'
  | 'limited_progress'
  | 'deterioration'
  | 'not_available';

/** Why a progress figure is missing. */
export type Reason =
  | 'no_data' | 'too_few_years' | 'duplicate_year' | 'no_base_year' | 'opposite_signs'
  | 'non_finite' | 'target_year_not_after_base' | 'zero_span' | 'zero_base'
  | 'wrong_direction' | 'no_data_after_base' | 'needs_complex_power';

/** A series to assess, as the dashboard assesses a target. */
export interface Series {
  /** `cumulative_flow`: each value is that year's flow (25,000 extra
   * technicians); `level` and `rate`: the value in that year;
   * `milestone`: 1 = done. */
  kind: 'level' | 'cumulative_flow' | 'rate' | 'milestone';
  direction: 'increase' | 'decrease';
  baseline?: { year: number; value: number } | null;
  target: { year?: number | null; value?: number | null };
  /** A natural limit, such as 100 (%). */
  limit?: number | null;
  /** The year a target without one is measured against; default: the loaded vision's horizon. */
  horizon_year?: number | null;
  /** Up to 111 points. */
  points: Point[];
}

/** Open SDG 2.4 / Statistics Canada. */
export interface Assessment {
  status: Status;
  score: number | null;
  progress_value: number | null;
  base_year: number | null;
  current_year: number | null;
  target_achieved: boolean;
  reason: Reason | null;
}

/** Distance travelled against time elapsed. */
export interface Distance {
  distance_share: number | null;
  time_share: number | null;
  pace_ratio: number | null;
  status: Status;
  current: Point | null;
  reason: Reason | null;
}

export type YearReached =
  | { already: number }
  | { year: number }
  | 'not_before_2100'
  | 'never'
  | 'not_available';

export interface Projection {
  trend_value_at_target: number | null;
  cagr_value_at_target: number | null;
  year_reached: YearReached;
  required_pace: number | null;
  recent_pace: number | null;
  unsd_ratio: number | null;
  unsd_status: 'on_track' | 'fair_progress' | 'stagnation_or_regression' | null;
  trend: { slope: number; intercept: number } | null;
  current: Point | null;
  reason: Reason | null;
}

/** core's `TargetStatus`. */
export interface TargetStatus {
  status: Status;
  score: number | null;
  method: 'open_sdg' | 'distance_travelled' | 'milestone';
  missing:
    | { progress: Reason }
    | 'no_target_value'
    | 'too_many_points'
    | 'no_direction'
    | 'milestone_pending'
    | null;
  open_sdg: Assessment;
  distance: Distance | null;
  projection: Projection | null;
  observations: number;
  latest: Point | null;
  target_year: number | null;
  baseline: Point | null;
  baseline_assumed: boolean;
}

/** Money of one programme, euros; `null` or absent = unknown. */
export interface Money {
  public?: number | null;
  /** Regional, EU, public banks: never counted as private. */
  other_public?: number | null;
  private?: number | null;
  total?: number | null;
}

/** core's `Leverage`: EFSI/InvestEU multiplier, OECD private mobilisation. */
export interface Leverage {
  total: number | null;
  total_derived: boolean;
  parts_consistent: boolean | null;
  multiplier: number | null;
  private_mobilised: number | null;
  private_mobilisation_ratio: number | null;
  private_share: number | null;
  gap_to_target: number | null;
  identity_holds: boolean | null;
  reason: string | null;
}

/** Assess a series against its target. Rejects with a TypeError naming
 * what could not be read. */
export function assess(series: Series): Promise<TargetStatus>;

/** Leverage and private mobilisation of one programme, and the private
 * money still to mobilise to reach `targetMultiplier`. */
export function leverage(money: Money, targetMultiplier?: number | null): Promise<Leverage>;

/** `<koers-dashboard view="…" lang="…" home="…">`. */
export interface KoersDashboardElement extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'koers-dashboard': KoersDashboardElement;
  }
}
