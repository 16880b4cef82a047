/** How amounts, times and durations read on the pages. */
const money = new Intl.NumberFormat('en-US');

/** Amounts are integers in the currency's smallest unit. */
export const formatPrice = (amount: number) => money.format(amount);

export const formatTime = (iso: string) => new Date(iso).toLocaleString();

/** 2d 03:04:05, or 03:04:05, or 04:05. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = hours > 0 || days > 0 ? `${two(hours)}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/** A datetime-local input's value (the browser's local time) as an ISO instant, or null when empty. */
export const instantOfLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

/** An ISO instant as a datetime-local input's value, in the browser's local time. */
export function localInputOfInstant(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
