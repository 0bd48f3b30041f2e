/** "59:58", "1:05:00", "89 d 23:59:58": time left until an expiry, ticking visibly every second. */
export function formatTimeLeft(ms: number): string {
  if (ms <= 0) return 'expired';
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  if (days > 0) return `${days} d ${pad(hours)}:${clock}`;
  if (hours > 0) return `${hours}:${clock}`;
  return clock;
}
