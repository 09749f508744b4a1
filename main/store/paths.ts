// Where the archive lives by default: the user's data folder (as Electron's app.getPath('userData') would be).
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'budget-audit-workstation';

export function userDataDir(): string {
  const home = os.homedir();
  if (process.env.BUDGET_AUDIT_DATA_DIR) return process.env.BUDGET_AUDIT_DATA_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

export function defaultDbPath(): string {
  return path.join(userDataDir(), 'archive.sqlite');
}
