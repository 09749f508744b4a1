// One way for commands to reach the screen that handles them, whether they come from Electron's menu
// (bridge.onMenuCommand) or from the keyboard in the browser (F8, Shift+F8, Ctrl+Z …).
import { useEffect, useRef } from 'react';

export type Command =
  | 'import-files'
  | 'import-folder'
  | 'export'
  | 'export-plain'
  | 'undo-correction'
  | 'show-archive'
  | 'next-finding'
  | 'previous-finding'
  | 'redo-correction'
  | 'confirm-finding'
  | 'dismiss-finding'
  | 'reopen-finding'
  | 'search'
  | 'search-next'
  | 'search-previous'
  | 'print-table'
  | 'shortcuts';

const COMMANDS: readonly string[] = [
  'import-files', 'import-folder', 'export', 'export-plain', 'undo-correction', 'show-archive', 'next-finding', 'previous-finding',
  'redo-correction', 'confirm-finding', 'dismiss-finding', 'reopen-finding', 'search', 'search-next', 'search-previous', 'print-table', 'shortcuts',
];
const bus = new EventTarget();

export function isCommand(s: string): s is Command {
  return COMMANDS.includes(s);
}

export function dispatchCommand(command: Command): void {
  bus.dispatchEvent(new CustomEvent('command', { detail: command }));
}

/** Runs `handler` for `command` while the calling component is mounted. */
export function useCommand(command: Command, handler: () => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const on = (e: Event) => {
      if ((e as CustomEvent<string>).detail === command) ref.current();
    };
    bus.addEventListener('command', on);
    return () => bus.removeEventListener('command', on);
  }, [command]);
}

const inTextField = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/** The browser's stand-in for the menu accelerators (Electron's menu owns them there). */
export function commandForKey(e: KeyboardEvent): Command | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'F8') return e.shiftKey ? 'previous-finding' : 'next-finding';
  if (mod && !e.shiftKey && e.key.toLowerCase() === 'z' && !inTextField(e.target)) return 'undo-correction';
  if (mod && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y') && !inTextField(e.target)) return 'redo-correction';
  if (e.altKey && !mod && e.code === 'KeyC') return 'confirm-finding';
  if (e.altKey && !mod && e.code === 'KeyX') return 'dismiss-finding';
  if (e.altKey && !mod && e.code === 'KeyO') return 'reopen-finding';
  if (mod && !e.shiftKey && e.key.toLowerCase() === 'f') return 'search';
  if (e.key === 'F3') return e.shiftKey ? 'search-previous' : 'search-next';
  if (mod && !e.shiftKey && e.key.toLowerCase() === 'p') return 'print-table';
  if (e.key === 'F1') return 'shortcuts';
  if (mod && e.key.toLowerCase() === 'e') return e.shiftKey ? 'export-plain' : 'export';
  if (mod && e.key.toLowerCase() === 'o') return e.shiftKey ? 'import-folder' : 'import-files';
  if (mod && e.key === '1') return 'show-archive';
  return null;
}

let deferred: Command | null = null;

/** A command for a screen that is not showing yet: the screen takes it when it mounts. */
export function deferCommand(command: Command): void {
  deferred = command;
}

export function takeDeferredCommand(): Command | null {
  const c = deferred;
  deferred = null;
  return c;
}
