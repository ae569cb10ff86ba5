// Formats a double like .NET's `ToString("G17")` (round-trip precision), used for the `pmf.expected` metadata.

export function formatG17(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  // .NET switches to scientific notation when the exponent is below -5 or at least the precision (17).
  const [mantissa, e] = Math.abs(x).toExponential(16).split('e');
  const realExp = Number(e);
  const sign = x < 0 ? '-' : '';
  if (realExp < -5 || realExp >= 17 || exp < -5 || exp >= 17) {
    const m = stripZeros(mantissa);
    const abs = Math.abs(realExp);
    return `${sign}${m}E${realExp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  return sign + stripZeros(Math.abs(x).toPrecision(17));
}

function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}
