/** A point in time as UTC text (rendered on the server; the same in every browser). */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
