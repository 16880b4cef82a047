import { useEffect, useState } from 'preact/hooks';

/**
 * The service's clock as the page knows it: the device's, corrected by what the service last said
 * its time was (serverTime on item views, GET /api/v1/time). The order step judges the sale window
 * by the service's clock, so a countdown by a device that runs fast would open the sale early.
 */
let offsetMs = 0;

export function learnServiceTime(serverTime: string, answeredAtMs = Date.now()): void {
  offsetMs = Date.parse(serverTime) - answeredAtMs;
}

const serviceNow = () => Date.now() + offsetMs;

/** The service's time, ticking once a second. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(serviceNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serviceNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
