/** Every IANA time zone this browser knows, grouped by region ("Europe", "America"…). */
export function timeZoneGroups(current: string): { region: string; zones: string[] }[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  // Some browsers leave UTC (the default for a new practice) out of the list.
  if (current) zones.add(current);
  zones.add('UTC');
  const groups = new Map<string, string[]>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'Other';
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups].map(([region, list]) => ({ region, zones: list }));
}

/** "America/Argentina/Buenos_Aires" → "America / Argentina / Buenos Aires" */
export function timeZoneLabel(zone: string): string {
  return zone.split('/').join(' / ').replace(/_/g, ' ');
}

export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
