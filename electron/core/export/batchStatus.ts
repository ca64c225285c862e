/** Progress and outcome of exporting many letters into a folder. */
export interface BatchStatus {
  jobId: string;
  folder: string;
  total: number;
  done: number;
  written: { reference: string; file: string }[];
  failed: { reference: string; error: string }[];
  finished: boolean;
}
