/**
 * What a log's records say about the machine that wrote the log, gathered record by record: the biases
 * of their times, the site system of its status messages, "host (address)" pairs, its own addresses and
 * the ConfigMgr versions it names. Each list has a cap, so that a pathological file cannot grow it; once
 * every cap is reached, `isFull` tells a reader it may stop looking.
 */
import { findConfigMgrVersions, type ConfigMgrVersion } from './configMgrProducts';
import { detach } from './detach';
import type { FileEvidence } from './evidence';
import { findAddressesOfHosts, findHostMentions, findOwnAddresses, statusMessageSystem, type AddressOfHost } from './hostNames';

export const MAX_ADDRESS_PAIRS = 64;
export const MAX_SMALL_LIST = 8;

export type LogSummaryFields = Pick<FileEvidence, 'biases' | 'statusMessageSystems' | 'addressesOfHosts' | 'ownAddresses' | 'versions'>;

export class LogSummaries {
  private readonly biases = new Map<number, number>();
  private readonly systems = new Set<string>();
  private readonly pairs: AddressOfHost[] = [];
  private readonly own = new Set<string>();
  private readonly versions = new Map<string, ConfigMgrVersion>();

  addBias(bias: number | null, count = 1): void {
    if (bias !== null) this.biases.set(bias, (this.biases.get(bias) ?? 0) + count);
  }

  /** Reads one record's message; returns the hosts it names, in text order (the caller tracks threads). */
  addMessage(message: string): string[] {
    if (this.systems.size < MAX_SMALL_LIST && message.includes('STATMSG')) {
      const system = statusMessageSystem(message);
      if (system) this.systems.add(detach(system));
    }
    if (this.pairs.length < MAX_ADDRESS_PAIRS) {
      for (const p of findAddressesOfHosts(message).slice(0, MAX_ADDRESS_PAIRS - this.pairs.length)) {
        this.pairs.push({ address: detach(p.address), host: detach(p.host) });
      }
    }
    if (this.own.size < MAX_SMALL_LIST) for (const a of findOwnAddresses(message)) this.own.add(detach(a));
    if (this.versions.size < MAX_SMALL_LIST) {
      for (const v of findConfigMgrVersions(message)) this.versions.set(v.text, { text: detach(v.text), release: v.release });
    }
    return findHostMentions(message).map((h) => h.name);
  }

  get systemsFull(): boolean {
    return this.systems.size >= MAX_SMALL_LIST;
  }

  get addressesFull(): boolean {
    return this.pairs.length >= MAX_ADDRESS_PAIRS && this.own.size >= MAX_SMALL_LIST;
  }

  get versionsFull(): boolean {
    return this.versions.size >= MAX_SMALL_LIST;
  }

  finish(): LogSummaryFields {
    return {
      biases: [...this.biases.entries()].sort(byCountThenName),
      statusMessageSystems: [...this.systems],
      addressesOfHosts: this.pairs,
      ownAddresses: [...this.own],
      versions: [...this.versions.values()],
    };
  }
}

export function byCountThenName<K extends string | number>(a: readonly [K, number], b: readonly [K, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}
