// Paths the user chose in a native dialog, held by the process that showed the dialog (the Electron main
// process). The renderer gets an opaque handle per choice and can import what it was given, nothing else.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../model/errors.js';

export type GrantKind = 'file' | 'folder';

export class PathGrants {
  private readonly grants = new Map<string, { path: string; kind: GrantKind }>();

  /** A handle for a path the user picked. */
  grant(file: string, kind: GrantKind): { handle: string; name: string } {
    const handle = randomBytes(16).toString('hex');
    this.grants.set(handle, { path: path.resolve(file), kind });
    return { handle, name: path.basename(file) };
  }

  /** The picked path behind a handle; a handle never given out (or of the other kind) is refused. */
  resolve(handle: string, kind: GrantKind): string {
    const g = this.grants.get(handle);
    if (!g || g.kind !== kind) throw new AppError('not-found', '所选文件已失效，请重新选择', 'unknown or expired file handle; pick the file again');
    return g.path;
  }
}
