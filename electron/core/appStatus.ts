export interface StoreProblemView {
  file: string;
  kind: string;
  message: string;
}

export interface BackupView {
  id: string;
  createdAt: string;
}

/** Whether the data loaded; if not, which file is wrong, how, and what can be restored. */
export type AppStatus =
  | { state: 'ready'; dataDir: string; appVersion: string }
  | { state: 'error'; dataDir: string; appVersion: string; problem: StoreProblemView; backups: BackupView[] };
