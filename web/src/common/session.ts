import type { Schema } from './api';

/**
 * Who is signed in on this tab. The access token stays in sessionStorage (gone when the tab
 * closes) and in memory; it never goes into a URL.
 */
export type Role = Schema<'User'>['userRole'];

export interface Session {
  token: string;
  userNum: number;
  name: string;
  role: Role;
}

const KEY = 'reservation-purchase.session';

export function loadSession(): Session | null {
  try {
    const saved = sessionStorage.getItem(KEY);
    return saved ? (JSON.parse(saved) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}
