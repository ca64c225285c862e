export interface StoreProblemView {
  file: string;
  kind: string;
  message: string;
}

export interface BackupView {
  id: string;
  createdAt: string;
}

/** Something the officer should know while working: the disk is full, the old register was carried over. */
export interface AppNotice {
  kind: 'read-only' | 'imported' | 'settings' | 'backup';
  message: string;
}

/** Whether the data loaded; if not, which file is wrong, how, and what can be restored. */
export type AppStatus =
  | { state: 'ready'; dataDir: string; appVersion: string; officerName: string; notices: AppNotice[] }
  | { state: 'error'; dataDir: string; appVersion: string; problem: StoreProblemView; backups: BackupView[] };
