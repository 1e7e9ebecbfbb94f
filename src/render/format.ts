/** Amounts and dates for people on a terminal; machine formats keep the raw values. */

export function formatAmount(amount: number, currency = 'EUR'): string {
  const symbol = currency === 'EUR' ? '€' : ` ${currency}`;
  const trim = (n: number) => String(Number(n.toFixed(n >= 100 ? 0 : n >= 10 ? 1 : 2)));
  if (amount >= 1e9) return `${trim(amount / 1e9)} Md${symbol}`;
  if (amount >= 1e6) return `${trim(amount / 1e6)} M${symbol}`;
  if (amount >= 1e4) return `${trim(amount / 1e3)} k${symbol}`;
  return `${amount} ${symbol.trim()}`;
}

/**
 * EDTF as a person reads it: "2012-12~" is "c. 2012-12", "2015?" is "2015?", an interval is
 * "between ... and ...", an open one "2019-11-15 or later".
 */
export function formatDate(edtf: string): string {
  // "~" approximate, "?" uncertain (kept as is: people read it), "%" both.
  const single = (part: string) => {
    if (part.endsWith('%')) return `c. ${part.slice(0, -1)}?`;
    if (part.endsWith('~')) return `c. ${part.slice(0, -1)}`;
    return part;
  };
  const slash = edtf.indexOf('/');
  if (slash === -1) return single(edtf);
  const from = edtf.slice(0, slash);
  const to = edtf.slice(slash + 1);
  if (to === '..' || to === '') return `${single(from)} or later`;
  if (from === '..' || from === '') return `by ${single(to)}`;
  return `between ${single(from)} and ${single(to)}`;
}
