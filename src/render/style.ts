import { Chalk } from 'chalk';

/**
 * chalk ignores NO_COLOR on its own: colour is decided once (IO.color) and every renderer gets a
 * style built from that decision.
 */
export type Style = InstanceType<typeof Chalk>;

export function style(color: boolean): Style {
  return new Chalk({ level: color ? 1 : 0 });
}
