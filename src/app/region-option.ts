import { allRegions, findRegion, type Region } from '../core/geography.js';
import { closest } from '../core/text.js';
import { UsageError } from './context.js';

/** --region as people type it: slug, official name in any case or accents, INSEE code, paca, idf. */
export function resolveRegionOption(value: string): Region {
  const region = findRegion(value);
  if (region) return region;
  const near = closest(
    value,
    allRegions().flatMap((r) => [r.slug, r.name]),
  );
  throw new UsageError(
    `--region "${value}" is not a French region`,
    near.length
      ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?`
      : 'use a slug (grand-est), a name (Grand Est), an INSEE code (44) or paca, idf',
  );
}
