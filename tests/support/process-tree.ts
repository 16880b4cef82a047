import { readdirSync, readFileSync } from 'node:fs';

export interface ChildOf {
  pid: number;
  /** The command line, arguments joined by spaces. */
  command: string;
}

/** The live child processes of `parentPid`, read from /proc (Linux). */
export function childProcessesOf(parentPid: number): ChildOf[] {
  const children: ChildOf[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name before it may hold spaces, so read after its ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== parentPid || state === 'Z') continue;
      children.push({ pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ') });
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}
