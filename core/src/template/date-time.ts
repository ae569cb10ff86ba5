// Parses ISO-8601 date-times the way .NET DateTimeOffset.TryParse accepts them (zone-less values count as UTC).

export interface ParsedDateTime {
  offsetMinutes: number;
}

const RE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export function parseDateTimeOffset(text: string): ParsedDateTime | undefined {
  const m = RE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (m[4] !== undefined) {
    const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    if (h > 23 || min > 59 || s > 59) return undefined;
  }
  const zone = m[8];
  if (!zone || zone === 'Z' || zone === 'z') return { offsetMinutes: 0 };
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hh = Number(digits.slice(0, 2));
  const mm = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hh > 14 || mm > 59) return undefined;
  return { offsetMinutes: sign * (hh * 60 + mm) };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
