/** One letter a batch did not export, or exported with warnings, and the pre-send check's words for why. */
export interface BatchNote {
  reference: string;
  problems: string[];
}

/** Progress and outcome of exporting many letters into a folder. */
export interface BatchStatus {
  jobId: string;
  folder: string;
  total: number;
  done: number;
  written: { reference: string; file: string }[];
  failed: { reference: string; error: string }[];
  /** Not written: they would have printed the wrong text (an unfilled placeholder, a template prompt). */
  skipped: BatchNote[];
  /** Written, but the check found something an officer would want to know (no signatory, say). */
  warnings: BatchNote[];
  finished: boolean;
}
