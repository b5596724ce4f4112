/** A booking-tool style export: `rows` clients, with bad rows at the given data-row indexes (0-based). */
export function clientsCsv(rows: number, bad: Set<number> = new Set()) {
  const lines = ['First Name,Last Name,Email,Mobile Phone,Notes'];
  for (let i = 0; i < rows; i++) {
    if (!bad.has(i))
      lines.push(`Client${i},Surname${i},client${i}@example.com,+1 555 ${String(1_000_000 + i).slice(-7)},"Likes firm pressure, ${i}"`);
    else if (i % 2) lines.push(`,NoFirstName${i},nofirst${i}@example.com,,`);
    else lines.push(`Bad${i},Email${i},not-an-email-${i},,`);
  }
  return `${lines.join('\n')}\n`;
}
